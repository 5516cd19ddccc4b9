"""Request ids and the access log, as plain ASGI middleware outside everything else.

The id comes from the proxy's `X-Request-ID` when it is well-formed (1-64 safe characters),
else a new one; it is echoed in the answer's `X-Request-ID` and bound, with the campaign code a
`/campaigns/<code>` path names, in `cchc.run_context` for every log line of the request. One
access line per request (method, path with secret query values masked, status, duration ms)
goes to the `cchc.access` logger, through the one formatter (`cchc/logs.py`).
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from typing import Any
from urllib.parse import parse_qsl, quote

from cchc import run_context
from cchc.masking import SECRET_ARGS
from web.security import ASGIApp, Message, Receive, Scope, Send

ACCESS = logging.getLogger("cchc.access")
SAFE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
# /campaigns/<code>…, /api/campaigns/<code>…, /api/public/campaigns/<code>…, /public/<code>…
CAMPAIGN_PATH = re.compile(
    r"^/(?:api/(?:public/)?campaigns|campaigns|public)/([A-Za-z0-9][A-Za-z0-9._-]{0,95})(?:/|$)"
)
# Signed evidence links and form tokens are secrets too, beside apprise's arguments.
QUERY_SECRETS = SECRET_ARGS | {"sig", "csrf_token"}


def request_id(scope: Scope) -> str:
    """The proxy's id when well-formed, else a new random one."""
    for name, value in scope.get("headers", ()):
        if name == b"x-request-id":
            given = value.decode("latin-1")
            if SAFE_ID.match(given):
                return given
    return uuid.uuid4().hex


def campaign_of(path: str) -> str | None:
    """The campaign code a path names, if any."""
    found = CAMPAIGN_PATH.match(path)
    return found.group(1) if found else None


def logged_path(scope: Scope) -> str:
    """The path, with the values of secret query arguments replaced by ***."""
    path = scope.get("path", "")
    raw = scope.get("query_string", b"").decode("latin-1")
    if not raw:
        return path
    pairs = parse_qsl(raw, keep_blank_values=True)
    shown = [f"{k}={'***' if k.lower() in QUERY_SECRETS else quote(v)}" for k, v in pairs]
    return f"{path}?{'&'.join(shown)}"


class RequestIds:
    """Bind the request id and campaign for the request, echo the id, write the access line."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid, started, status = request_id(scope), time.perf_counter(), 500

        async def echoing(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", []), (b"x-request-id", rid.encode())]
            await send(message)

        with run_context.bound(request_id=rid, campaign=campaign_of(scope.get("path", ""))):
            try:
                await self.app(scope, receive, echoing)
            finally:
                _access(scope, status, time.perf_counter() - started)


def _access(scope: Scope, status: int, seconds: float) -> None:
    """Write the request's access line."""
    path, method, ms = logged_path(scope), scope.get("method", ""), round(seconds * 1000, 1)
    ACCESS.info(
        "%s %s %s %s ms",
        method,
        path,
        status,
        ms,
        extra={"method": method, "path": path, "status": status, "duration_ms": ms},
    )


def install(app: Any) -> None:
    """Wrap the app outermost, so every answer (413 and 500 included) is counted and tagged."""
    app.add_middleware(RequestIds)
