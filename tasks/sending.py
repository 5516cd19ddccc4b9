"""Send one outbox row through apprise; turn apprise's False into NotificationFailed."""

from __future__ import annotations

import logging
import threading
from urllib.parse import parse_qsl, urlencode, urlsplit

import apprise

import tasks.outbox_plugin  # noqa: F401  (registers the outbox:// scheme)
from cchc.errors import NotificationFailed

KEY_HEADER = "X-Cchc-Key"
# Schemes that turn `+Name=value` URL arguments into HTTP or e-mail headers.
_HEADER_SCHEMES = {"json", "jsons", "xml", "xmls", "form", "forms", "mailto", "mailtos"}


class _LastWarning(logging.Handler):
    """Remember apprise's last warning per thread: the reason a send failed, at no cost per send.

    apprise.LogCapture per message cost ~40% of delivery time; a handler attached once does not.
    """

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.local = threading.local()

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the message of the latest warning or error."""
        self.local.text = record.getMessage()

    def take(self) -> str | None:
        """Return and forget this thread's latest warning."""
        text, self.local.text = getattr(self.local, "text", None), None
        return text


_LAST_WARNING = _LastWarning()
logging.getLogger("apprise").addHandler(_LAST_WARNING)


def with_key(url: str, key: str, recipient: str) -> str:
    """Add the idempotency key to a URL where the scheme can carry it to the receiver."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    if parts.scheme == "outbox":
        query += [("key", key), ("to", recipient)]
    elif parts.scheme in _HEADER_SCHEMES:
        query.append((f"+{KEY_HEADER}", key))
    else:
        return url
    # urlunsplit would drop the '//' of a host-less URL such as outbox://
    return f"{parts.scheme}://{parts.netloc}{parts.path}?{urlencode(query)}" + (
        f"#{parts.fragment}" if parts.fragment else ""
    )


def send(*, urls: list[str], key: str, recipient: str, subject: str, body: str) -> None:
    """Send one message to all its URLs (a fresh Apprise each: one object throttles e-mail)."""
    if not urls:
        raise NotificationFailed(f"{recipient}: không có địa chỉ nhận thông báo")
    sender = apprise.Apprise()
    for url in urls:
        if not sender.add(with_key(url, key, recipient)):
            raise NotificationFailed(
                f"{recipient}: địa chỉ apprise không hợp lệ: {url.split('?')[0]}"
            )
    _LAST_WARNING.take()  # forget a warning left by an earlier send on this thread
    if not sender.notify(body=f"{body}\n\nMã thông báo: {key}", title=subject):
        raise NotificationFailed(_LAST_WARNING.take() or f"{recipient}: apprise báo gửi thất bại")
