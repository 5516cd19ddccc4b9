"""Turn the channel references stored on outbox rows into apprise URLs, at send time.

A reference is a channel name from `notify.channels` (`email`, `webhook`, `zalo`, `sms`),
optionally with an address (`email:van-phong@example.gov.vn`), `default` (the province's
`notify.default_urls`), or a plain URL without credentials. Credentials stay in settings.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import quote, urlencode, urlsplit

from cchc.errors import NotificationFailed
from cchc.settings import get_settings
from cchc.wording.delivery import channel_missing

DEFAULT = "default"
EMAIL_SCHEMES = {"mailto", "mailtos"}


def resolve(ref: str) -> list[str]:
    """The apprise URLs one stored reference stands for."""
    if "://" in ref:
        return [ref]
    name, _, address = ref.partition(":")
    cfg = get_settings().notify
    if name == DEFAULT:
        return list(cfg.default_urls)
    url = cfg.channels.get(name)
    if url is None:
        raise NotificationFailed(channel_missing(name))
    url = with_sender(url)
    return [with_address(url, address)] if address else [url]


def with_sender(url: str) -> str:
    """Sign an e-mail channel with the configured sender name and address (unless it has one)."""
    cfg = get_settings().notify
    if urlsplit(url).scheme not in EMAIL_SCHEMES or "from=" in url:
        return url
    sender = {"from": cfg.email_from_address, "name": cfg.email_from_name}
    args = {k: v for k, v in sender.items() if v}
    if not args:
        return url
    # %20, not '+': apprise reads its URL arguments with unquote(), which keeps a '+'.
    return f"{url}{'&' if '?' in url else '?'}{urlencode(args, quote_via=quote)}"


def with_address(url: str, address: str) -> str:
    """Send a channel's message to one address (e-mail, phone, Zalo user) instead of its own."""
    glue = "&" if "?" in url else "?"
    return f"{url}{glue}{urlencode({'to': address}, quote_via=quote)}"


def channel_of(refs: Sequence[str]) -> tuple[str, ...]:
    """The channels a row goes through (name, or scheme and host: never credentials)."""
    names = set()
    for ref in refs:
        if "://" in ref:
            parts = urlsplit(ref)
            names.add(f"{parts.scheme}://{parts.hostname or ''}:{parts.port or ''}")
        else:
            names.add(ref.partition(":")[0])
    return tuple(sorted(names))
