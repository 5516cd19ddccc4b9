"""Send outbox rows through apprise; turn apprise's False into NotificationFailed."""

from __future__ import annotations

import logging
import re
import threading
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

import apprise

import tasks.channels.sms  # noqa: F401  (registers the esms:// scheme)
import tasks.channels.zalo  # noqa: F401  (registers the zalo:// scheme)
import tasks.outbox_plugin  # noqa: F401  (registers the outbox:// scheme)
from cchc.errors import NotificationFailed
from cchc.masking import mask_text, mask_url
from cchc.settings import get_settings
from tasks import http_pool
from tasks.channels import receipts
from tasks.channels.resolve import resolve

KEY_HEADER = "X-Cchc-Key"
TO_HEADER = "X-Cchc-To"  # the recipient address of a unit's own webhook channel
# Schemes that turn `+Name=value` URL arguments into HTTP or e-mail headers.
_KEY_SCHEMES = {"esms", "zalo"}
_HEADER_SCHEMES = {"json", "jsons", "xml", "xmls", "form", "forms", "mailto", "mailtos"}


_GENERIC = re.compile(r"^Failed to send .* notification\.$")


class _LastWarning(logging.Handler):
    """Remember apprise's last warning per thread: the reason a send failed, at no cost per send.

    apprise.LogCapture per message cost ~40% of delivery time; a handler attached once does not.
    """

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.local = threading.local()

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the message of the latest warning, unless it is apprise's generic one."""
        text = record.getMessage()
        # A custom plugin's own reason is followed by apprise's "Failed to send X notification."
        if _GENERIC.match(text) and getattr(self.local, "text", None):
            return
        self.local.text = text

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
    elif parts.scheme in _KEY_SCHEMES:  # our plugins note the provider's receipt by key
        query.append(("key", key))
    elif parts.scheme in _HEADER_SCHEMES:
        query.append((f"+{KEY_HEADER}", key))
    else:
        return url
    # urlunsplit would drop the '//' of a host-less URL such as outbox://
    return f"{parts.scheme}://{parts.netloc}{parts.path}?{urlencode(query, quote_via=quote)}" + (
        f"#{parts.fragment}" if parts.fragment else ""
    )


def split_address(url: str) -> tuple[str, str | None]:
    """A webhook URL without its `to` argument, and that address (None when there is none)."""
    if "to=" not in url:
        return url, None
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    address = next((v for k, v in query if k == "to"), None)
    if address is None:
        return url, None
    rest = urlencode([(k, v) for k, v in query if k != "to"], quote_via=quote)
    return parts._replace(query=rest).geturl(), address


class Sender:
    """Sends many messages on one thread, e.g. one delivery batch (use as a context manager).

    Each json/xml/form URL gets one Apprise object for the whole batch (the idempotency key
    header is set per message) and keep-alive connections; building both per message cost
    more than the send. Every other scheme, e-mail above all, gets a fresh Apprise per message
    as before, so its plugin's throttling and per-message URL arguments are unchanged.
    """

    def __init__(self) -> None:
        self._reused: dict[str, apprise.Apprise] = {}
        self._pool = http_pool.pooled()

    def __enter__(self) -> Sender:
        self._pool.__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._reused.clear()
        self._pool.__exit__(*exc)

    def _reusable(self, url: str, recipient: str) -> apprise.Apprise:
        """The batch's Apprise object for a json/xml/form URL, built on first use."""
        if url not in self._reused:
            self._reused[url] = _apprise([url], recipient)
        return self._reused[url]

    def send(
        self, *, urls: list[str], key: str, recipient: str, subject: str, body: str
    ) -> str | None:
        """Send one message to all its URLs (NotificationFailed unless all took it); receipts."""
        if not urls:
            raise NotificationFailed(f"{recipient}: không có địa chỉ nhận thông báo")
        senders, fresh = [], []
        for url in [url for ref in urls for url in resolve(ref)]:
            if urlsplit(url).scheme in http_pool.SCHEMES:
                base, address = split_address(url)
                sender = self._reusable(base, recipient)
                headers = sender[0].headers  # type: ignore[attr-defined]  # JSON/XML/form plugins
                headers[KEY_HEADER] = key
                # A unit's address on a webhook travels as a header: one Apprise per channel,
                # not one per unit (building one per unit cost more than the send).
                if address is None:
                    headers.pop(TO_HEADER, None)
                else:
                    headers[TO_HEADER] = address
                senders.append(sender)
            else:
                fresh.append(with_key(url, key, recipient))
        if fresh:
            senders.append(_apprise(fresh, recipient))
        _LAST_WARNING.take()  # forget a warning left by an earlier send on this thread
        # The key travels in a header (or the outbox line), never in the text people read.
        sent = [sender.notify(body=body, title=subject) for sender in senders]
        if not all(sent):
            reason = _LAST_WARNING.take() or f"{recipient}: apprise báo gửi thất bại"
            receipts.take(key)
            raise NotificationFailed(mask_text(reason, _secrets()))
        return receipts.take(key)


def _apprise(urls: list[str], recipient: str) -> apprise.Apprise:
    """A new Apprise object for these URLs; NotificationFailed names the first invalid one."""
    sender = apprise.Apprise()
    for url in urls:
        if not sender.add(url):
            raise NotificationFailed(
                f"{recipient}: địa chỉ apprise không hợp lệ: {mask_url(url.split('?')[0])}"
            )
    return sender


def _secrets() -> list[str]:
    """Every configured channel URL, so an error quoting one shows it masked."""
    cfg = get_settings().notify
    return [*cfg.channels.values(), *cfg.default_urls]


def send(*, urls: list[str], key: str, recipient: str, subject: str, body: str) -> None:
    """Send one message on its own (a batch of one; delivery batches use Sender)."""
    with Sender() as sender:
        sender.send(urls=urls, key=key, recipient=recipient, subject=subject, body=body)
