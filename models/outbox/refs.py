"""What an outbox row stores instead of URLs: channel names, never credentials.

`default` stands for the province's `notify.default_urls`; a URL configured as a channel is
stored as that channel's name; a plain URL without credentials is stored as it is. A URL
carrying a password or token anywhere else is refused: it belongs in the settings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

from cchc.errors import ConfigError
from cchc.masking import has_secret, mask_url
from cchc.settings import get_settings
from cchc.wording.delivery import secret_in_address

DEFAULT = "default"


def ref_maker() -> Callable[[Sequence[str]], list[str]]:
    """A function mapping a message's URLs to stored references (settings read once)."""
    cfg = get_settings().notify
    defaults = list(cfg.default_urls)
    named = {url: name for name, url in cfg.channels.items()}

    def refs(urls: Sequence[str]) -> list[str]:
        """The references to store for these URLs."""
        if list(urls) == defaults:
            return [DEFAULT]
        return [_ref(url, named) for url in urls]

    return refs


def _ref(url: str, named: dict[str, str]) -> str:
    """One URL's stored reference (its channel name, or itself when it holds no secret)."""
    if url in named:
        return named[url]
    if has_secret(url):
        raise ConfigError(secret_in_address(mask_url(url)))
    return url


def quiet_maker() -> Callable[[str], bool]:
    """A function telling whether a stored reference goes by a quiet-hours channel (SMS, Zalo)."""
    cfg = get_settings().notify
    held = set(cfg.quiet_schemes)

    def scheme_held(url: str) -> bool:
        return urlsplit(url).scheme in held

    def quiet(ref: str) -> bool:
        """True when the reference's messages must wait for the quiet hours to end."""
        if "://" in ref:
            return scheme_held(ref)
        name = ref.partition(":")[0]
        if name == DEFAULT:
            return bool(cfg.default_urls) and all(scheme_held(u) for u in cfg.default_urls)
        return scheme_held(cfg.channels.get(name, ""))

    return quiet
