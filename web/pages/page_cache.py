"""Whole rendered pages, cached a few seconds per (page, user) and answered with an ETag.

The key always holds the user's id, so a page is only ever served again to the user it was
rendered for (same role, same unit scope). A hit costs no query and no thread hop; the ETag
ignores the moments printed on the page, so the page's self-refresh gets 304 while nothing changed.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from web.pages.cache import cached, peek

HEADERS = {"Cache-Control": "private, no-cache", "Vary": "Accept-Encoding, Authorization, Cookie"}


@dataclass(frozen=True)
class Page:
    """One rendered page: its bytes, gzipped once for the browsers that accept it, its validator."""

    html: bytes
    gzipped: bytes
    etag: str


def make_page(html: str, moments: Iterable[str]) -> Page:
    """Encode `html`; its ETag hashes the text without the moments it prints."""
    stable = html
    for moment in moments:
        if moment:
            stable = stable.replace(moment, "")
    digest = hashlib.blake2b(stable.encode("utf-8"), digest_size=12).hexdigest()
    data = html.encode("utf-8")
    # A 12,000-unit page is ≈ 0.7 MB of repetitive HTML: gzip makes it ≈ 20x smaller, once.
    return Page(data, gzip.compress(data, compresslevel=6, mtime=0), digest)


def _gzip_ok(request: Request) -> bool:
    """Tell whether the client accepts a gzip body (every browser does)."""
    return "gzip" in request.headers.get("accept-encoding", "")


def _matches(request: Request, etag: str) -> bool:
    """Tell whether the browser already holds this version (If-None-Match)."""
    header = request.headers.get("if-none-match")
    if not header:
        return False
    return header.strip() == "*" or etag in {
        t.strip().removeprefix("W/") for t in header.split(",")
    }


async def cached_page(
    request: Request, key: tuple[Any, ...], build: Callable[[], Page]
) -> Response:
    """Answer from the cache when fresh (304 if unchanged), else build in a worker thread."""
    page: Page | None = peek(key)
    if page is None:
        page = await run_in_threadpool(cached, key, build)
    zipped = _gzip_ok(request)
    etag = f'"{page.etag}-gz"' if zipped else f'"{page.etag}"'  # one validator per encoding
    headers = {**HEADERS, "ETag": etag}
    if _matches(request, etag):
        return Response(status_code=304, headers=headers)
    if zipped:
        headers["Content-Encoding"] = "gzip"
    body = page.gzipped if zipped else page.html
    return Response(body, media_type="text/html; charset=utf-8", headers=headers)
