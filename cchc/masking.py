"""Hide credentials in apprise URLs before they reach a row, a log line or a page."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

# Query arguments that carry a secret in apprise URLs and in our channel plugins.
SECRET_ARGS = frozenset(
    {
        "pass",
        "password",
        "pwd",
        "token",
        "access_token",
        "refresh_token",
        "secret",
        "apikey",
        "api_key",
        "key",
        "app_secret",
        "oauth_secret",
    }
)
_USERINFO = re.compile(r"^([a-z][a-z0-9+.-]*://)([^/@?#]*)@", re.IGNORECASE)
_QUERY_SECRET = re.compile(
    r"([?&](?:" + "|".join(sorted(SECRET_ARGS)) + r")=)[^&#]*", re.IGNORECASE
)


def has_secret(url: str) -> bool:
    """Tell whether a URL carries a password, a user name or a secret query argument."""
    if "://" not in url:
        return False
    parts = urlsplit(url)
    if parts.username or parts.password:
        return True
    return any(k.lower() in SECRET_ARGS for k, _ in parse_qsl(parts.query))


def mask_url(url: str) -> str:
    """The URL with its user information and secret arguments replaced by ***."""
    masked = _USERINFO.sub(lambda m: f"{m.group(1)}***@", url)
    return _QUERY_SECRET.sub(lambda m: f"{m.group(1)}***", masked)


def mask_text(text: str, secrets: list[str]) -> str:
    """The text with every known secret value (and each URL's credentials) masked."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return re.sub(r"[a-z][a-z0-9+.-]*://\S+", lambda m: mask_url(m.group(0)), text)
