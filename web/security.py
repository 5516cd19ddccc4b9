"""HTTP hardening as plain ASGI middleware: a body-size limit and the security headers.

`BodyLimit` runs before routing, so before FastAPI reads the body and before any token check:
a declared Content-Length over the limit is answered 413 without reading a byte; a body sent
without one (chunked) is counted as it streams and refused once it passes the limit, so a
worker never holds more than the limit. Upload routes get the evidence limit, the rest the
JSON limit (`Settings.limits.json_body_bytes`). `SecurityHeaders` adds CSP, frame and sniffing
protections to every answer and marks cookies `Secure` when the request came over HTTPS.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.exceptions import HTTPException

from cchc.settings import get_settings
from cchc.wording import refusals

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

UPLOAD_SUFFIXES = ("/evidence",)  # multipart routes that take a document, not JSON
MULTIPART_OVERHEAD = 64 * 1024  # boundaries and form fields around the document itself

# Inline style attributes stay allowed (the templates colour cells from data); scripts do not.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


class BodyTooLarge(HTTPException):
    """Raised inside a request whose streamed body passes its limit (answered 413)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, refusals.BODY_TOO_LARGE.format(limit=refusals.size(limit)))


def body_limit(scope: Scope) -> int:
    """Return the largest body this request may send."""
    settings = get_settings()
    path = scope.get("path", "")
    if scope.get("method") in {"POST", "PUT"} and path.rstrip("/").endswith(UPLOAD_SUFFIXES):
        return settings.evidence.max_bytes + MULTIPART_OVERHEAD
    return settings.limits.json_body_bytes


def _declared_length(scope: Scope) -> int | None:
    """Return the request's Content-Length, or None when absent or unreadable."""
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def refuse(send: Send, limit: int) -> None:
    """Answer 413 with the Vietnamese JSON body, closing the connection (the body stays unread)."""
    message = refusals.BODY_TOO_LARGE.format(limit=refusals.size(limit))
    body = json.dumps(
        {"error": {"code": "too_large", "message": message}}, ensure_ascii=False
    ).encode()
    headers = [
        (b"content-type", b"application/json; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Refuse request bodies over their limit before the app reads them."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = body_limit(scope)
        declared = _declared_length(scope)
        if declared is not None and declared > limit:
            await refuse(send, limit)
            return
        await self.app(scope, _counting(receive, limit), send)


def _counting(receive: Receive, limit: int) -> Receive:
    """Wrap `receive` so a body streaming past `limit` raises BodyTooLarge."""
    seen = 0

    async def counted() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge(limit)
        return message

    return counted


class SecurityHeaders:
    """Add the security headers to every answer; mark cookies Secure over HTTPS."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        secure = is_https(scope)

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = _harden(list(message.get("headers", [])), secure)
            await send(message)

        await self.app(scope, receive, with_headers)


def is_https(scope: Scope) -> bool:
    """Tell whether the client reached us over HTTPS (directly, or per a trusted proxy)."""
    settings = get_settings().web_security
    if settings.secure_cookies or scope.get("scheme") == "https":
        return True
    if not settings.trust_proxy_https:
        return False
    proto = dict(scope.get("headers", ())).get(b"x-forwarded-proto", b"")
    return proto.split(b",")[0].strip().lower() == b"https"


def _harden(headers: list[tuple[bytes, bytes]], secure: bool) -> list[tuple[bytes, bytes]]:
    """Return `headers` plus the security headers the answer did not set itself."""
    present = {name.lower() for name, _ in headers}
    out = [
        (name, _secure_cookie(value) if secure and name.lower() == b"set-cookie" else value)
        for name, value in headers
    ]
    out += [(name, value) for name, value in HEADERS if name not in present]
    if secure and b"strict-transport-security" not in present:
        out.append((b"strict-transport-security", b"max-age=31536000"))
    return out


def _secure_cookie(value: bytes) -> bytes:
    """Add the Secure attribute to a Set-Cookie value that lacks it."""
    attributes = [part.strip().lower() for part in value.split(b";")]
    return value if b"secure" in attributes else value + b"; Secure"


def install(app: Any) -> None:
    """Wrap the app: headers outermost (every answer, 413 included), then the body limit."""
    app.add_middleware(BodyLimit)
    app.add_middleware(SecurityHeaders)
