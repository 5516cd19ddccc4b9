"""Under `cchc serve`, whole pages are rendered in a helper process beside each worker.

A rebuild of a big campaign page is ≈ 0.5-1 s of pure Python (ORM rows, Jinja); in a worker
thread it would hold the GIL the worker's event loop needs to answer everyone else from the
cache. In its own process it only shares the CPU. Tests (no setting) render in the thread.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import AsyncIterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy.engine import Engine

from models.accounts.tables import User
from web.pages.campaign_page import campaign_page
from web.pages.page_cache import Page

_lock = threading.Lock()
_pool: list[ProcessPoolExecutor] = []


def _enabled() -> bool:
    """Tell whether this process renders in a helper process (settings.web_render_process)."""
    from cchc.settings import get_settings

    return get_settings().web_render_process


def _executor() -> ProcessPoolExecutor:
    """The one helper process of this worker, started on first use."""
    with _lock:
        if not _pool:
            context = multiprocessing.get_context("spawn")  # never fork a threaded server
            _pool.append(
                ProcessPoolExecutor(
                    max_workers=1,
                    mp_context=context,
                    initializer=_follow_parent,
                    initargs=(os.getpid(),),
                )
            )
        return _pool[0]


def _follow_parent(parent: int) -> None:
    """In the helper: exit when the worker that started it is gone (even if it was killed)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="follow-parent", daemon=True).start()


def _in_helper(user: User, code: str, unit_code: str | None, csrf: str = "") -> Page:
    """Render in the helper process, on its own engine for the configured database."""
    from cchc.db import get_engine

    return campaign_page(get_engine(), user, code, unit_code, csrf)


def _warm() -> None:
    """Import the page code and connect once, so the first page is not a cold start."""
    from cchc.db import get_engine

    get_engine().connect().close()


@asynccontextmanager
async def lifespan(app: Any) -> AsyncIterator[None]:
    """Start the helper with the worker (not on its first page) and stop it with the worker."""
    if _enabled():
        _executor().submit(_warm)
    try:
        yield
    finally:
        shutdown()


def render_campaign(
    engine: Engine, user: User, code: str, unit_code: str | None, csrf: str = ""
) -> Page:
    """Render the campaign (or group) page, in the helper process when configured."""
    if not _enabled():
        return campaign_page(engine, user, code, unit_code, csrf)
    try:
        return _executor().submit(_in_helper, user, code, unit_code, csrf).result(timeout=120)
    except BrokenProcessPool:
        with _lock:
            _pool.clear()  # the helper died: start a new one next time, render here now
        return campaign_page(engine, user, code, unit_code, csrf)


def shutdown() -> None:
    """Stop this process's helper, if one was started (tests; at exit it stops by itself)."""
    with _lock:
        for pool in _pool:
            pool.shutdown(wait=True)
        _pool.clear()
