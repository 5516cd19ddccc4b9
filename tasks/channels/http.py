"""The one httpx client factory of the channel plugins (tests may pass a transport)."""

from __future__ import annotations

import ssl
from functools import lru_cache
from typing import Any

import httpx

from cchc.settings import get_settings


@lru_cache(maxsize=1)
def _tls() -> ssl.SSLContext:
    """The CA bundle read once per process: loading it cost ≈ 200 ms per message under load."""
    return httpx.create_ssl_context()


def client(transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """A client with the configured timeout (a hanging provider costs one timeout)."""
    timeout = get_settings().notify.channel_timeout_seconds
    return httpx.Client(timeout=timeout, transport=transport, verify=_tls())


def base_url(meta: dict[str, Any], default_host: str) -> str:
    """The provider's base URL from an apprise URL (`insecure=yes` speaks plain HTTP locally)."""
    qsd = meta.get("qsd") or {}
    scheme = "http" if qsd.get("insecure") in ("yes", "1", "true") else "https"
    host = meta.get("host") or default_host
    port = f":{meta['port']}" if meta.get("port") else ""
    return f"{scheme}://{host}{port}"
