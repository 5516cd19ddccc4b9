"""The one signing key of links sent out (evidence downloads, acknowledgements) and its HMAC."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from cchc.settings import get_settings


def secret() -> bytes:
    """Return the signing secret: the setting, else one kept under var/ (development)."""
    settings = get_settings()
    if settings.storage.link_secret:
        return settings.storage.link_secret.encode()
    path = settings.var_dir / "link-secret"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        # every worker must share it, so it lives in a file rather than in memory
        path.write_text(secrets.token_hex(32))
    return path.read_text().strip().encode()


def digest(message: str) -> str:
    """Return the hex HMAC-SHA256 of a message under the signing secret."""
    return hmac.new(secret(), message.encode(), hashlib.sha256).hexdigest()


def matches(message: str, signature: str) -> bool:
    """Tell whether a signature is the message's own (constant time)."""
    return hmac.compare_digest(digest(message), signature)
