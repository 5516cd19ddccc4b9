"""Provider receipts (message ids) handed from a channel plugin to the sender, by message key.

apprise's `notify()` answers only True/False, so a plugin notes the provider's message id here
under the idempotency key it was given, and the sender takes it to record on the outbox row.
"""

from __future__ import annotations

import threading

_LOCK = threading.Lock()
_BY_KEY: dict[str, list[str]] = {}


def note(key: str | None, receipt: str) -> None:
    """Remember a provider's receipt for the message with this key."""
    if key:
        with _LOCK:
            _BY_KEY.setdefault(key, []).append(receipt)


def take(key: str) -> str | None:
    """Return and forget the receipts noted for this key (joined), or None."""
    with _LOCK:
        found = _BY_KEY.pop(key, None)
    return ", ".join(found)[:500] if found else None
