"""Keep-alive HTTP for apprise's json/xml/form plugins while a delivery batch holds a session.

Those plugins call `requests.request(...)`, which builds a Session and opens a new connection
for every message: that, not apprise, capped delivery near 450 msg/s. Inside `pooled()` the
same call goes through one `requests.Session` of the current thread (same arguments and
timeouts; cookies refused, as a one-shot request keeps none); outside it, and on other threads
(apprise's pool for multi-URL sends), nothing changes.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.cookiejar import DefaultCookiePolicy
from types import ModuleType
from typing import Any
from urllib.request import getproxies

import requests
from apprise.plugins import custom_form, custom_json, custom_xml

# Schemes served by the plugins patched below (all have request_rate_per_sec = 0: no throttle).
SCHEMES = frozenset({"json", "jsons", "xml", "xmls", "form", "forms"})
_local = threading.local()


class _Requests(ModuleType):
    """Stands in for `requests` inside the patched plugins; only `request` differs."""

    def __getattr__(self, name: str) -> Any:
        return getattr(requests, name)

    def request(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        """Send through this thread's batch session when there is one."""
        session = getattr(_local, "session", None)
        if session is None:
            return requests.request(method, url, **kwargs)
        if not session.trust_env and kwargs.get("verify") in (True, None):
            kwargs["verify"] = session.verify  # the CA bundle read once, as requests would
        return session.request(method, url, **kwargs)


_SHIM = _Requests("requests")
for _plugin in (custom_json, custom_form, custom_xml):
    _plugin.requests = _SHIM  # type: ignore[attr-defined]  # a module swapped for the shim


def _session() -> requests.Session:
    """A session that reads the environment once, not twice per request, when it safely can."""
    session = requests.Session()
    session.cookies.set_policy(DefaultCookiePolicy(allowed_domains=[]))
    netrc = os.environ.get("NETRC")
    files = [netrc] if netrc is not None else ["~/.netrc", "~/_netrc"]
    # Without proxies or a .netrc, all requests takes from the environment is the CA bundle:
    # read it here and skip the per-request lookup (≈ 20 % of a loopback send).
    if not getproxies() and not any(os.path.exists(os.path.expanduser(f)) for f in files):
        session.trust_env = False
        session.verify = (
            os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or True
        )
    return session


@contextmanager
def pooled() -> Iterator[None]:
    """Reuse connections for this thread's json/xml/form sends until the block ends."""
    outer = getattr(_local, "session", None)
    session = _session()
    _local.session = session
    try:
        yield
    finally:
        _local.session = outer
        session.close()
