"""Answer a rendered page with an ETag, so an unchanged page's self-refresh gets 304."""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Iterable

from fastapi import Request
from fastapi.responses import Response

HEADERS = {"Cache-Control": "private, no-cache", "Vary": "Accept-Encoding, Authorization, Cookie"}


def etag_of(html: str, moments: Iterable[str]) -> str:
    """Hash the page's text without the moments it prints (they change on every render)."""
    stable = html
    for moment in moments:
        if moment:
            stable = stable.replace(moment, "")
    return hashlib.blake2b(stable.encode("utf-8"), digest_size=12).hexdigest()


def _matches(request: Request, etag: str) -> bool:
    """Tell whether the browser already holds this version (If-None-Match)."""
    header = request.headers.get("if-none-match")
    if not header:
        return False
    return header.strip() == "*" or etag in {
        t.strip().removeprefix("W/") for t in header.split(",")
    }


def page_answer(request: Request, html: str, moments: Iterable[str]) -> Response:
    """Answer 304 when unchanged, else the page (gzipped for clients that accept it)."""
    zipped = "gzip" in request.headers.get("accept-encoding", "")
    digest = etag_of(html, moments)
    etag = f'"{digest}-gz"' if zipped else f'"{digest}"'  # one validator per encoding
    headers = {**HEADERS, "ETag": etag}
    if _matches(request, etag):
        return Response(status_code=304, headers=headers)
    body = html.encode("utf-8")
    if zipped:
        headers["Content-Encoding"] = "gzip"
        body = gzip.compress(body, compresslevel=5, mtime=0)
    return Response(body, media_type="text/html; charset=utf-8", headers=headers)
