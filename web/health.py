"""`/health` (the process answers) and `/ready` (the database and Prefect answer, else 503).

Both are async and touch no shared thread pool slot for long: the database probe runs in a
thread of its own limiter and is abandoned after the connect limit, so a hung database makes
`/ready` say 503 within seconds while `/health`, static files and the login page keep answering.
"""

from __future__ import annotations

import anyio
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import InterfaceError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from cchc.prefect_address import prefect_api_url
from cchc.settings import get_settings
from cchc.wording import ops
from web.schemas.ops import HealthPublic, ReadyChecks, ReadyPublic

router = APIRouter(tags=["vận hành"])
_probes = anyio.CapacityLimiter(4)  # probes never take the request threads' slots
OK = "ok"


@router.get("/health", summary="Tiến trình đang chạy")
async def health() -> HealthPublic:
    """Answer while the process runs (no database, no Prefect)."""
    return HealthPublic(status=OK)


def _select_one(engine: Engine) -> None:
    """Run `select 1` on the engine."""
    with engine.connect() as conn:
        conn.execute(text("select 1"))


async def _database(engine: Engine, seconds: float) -> str:
    """'ok', or why the database did not answer within `seconds`."""
    try:
        with anyio.fail_after(seconds):
            await anyio.to_thread.run_sync(
                _select_one, engine, limiter=_probes, abandon_on_cancel=True
            )
    except Exception:  # noqa: BLE001 - any failure means not ready; the reason is not shown
        return ops.READY_DB_DOWN
    return OK


async def _prefect(seconds: float) -> str:
    """'ok', the note that no Prefect server is configured, or that it does not answer."""
    import httpx  # (and rich, which httpx loads): only when a probe asks

    url = prefect_api_url()  # without importing Prefect (≈ 29 MiB per worker)
    if not url:
        return ops.READY_NOT_CONFIGURED  # flows run on a temporary in-process server
    try:
        async with httpx.AsyncClient(timeout=seconds) as client:
            answer = await client.get(f"{url.rstrip('/')}/health")
        answer.raise_for_status()
    except httpx.HTTPError:
        return ops.READY_PREFECT_DOWN
    return OK


@router.get(
    "/ready",
    summary="Cơ sở dữ liệu và Prefect trả lời",
    response_model=ReadyPublic,
    responses={503: {"model": ReadyPublic, "description": "một phần chưa sẵn sàng"}},
)
async def ready(request: Request) -> Response:
    """Answer 200 when the database (and Prefect, if configured) answer, 503 otherwise."""
    seconds = float(get_settings().db.connect_timeout)
    checks = {
        "database": await _database(request.app.state.engine, seconds + 1),
        "prefect": await _prefect(seconds),
    }
    failed = checks["database"] != OK or checks["prefect"] == ops.READY_PREFECT_DOWN
    body = ReadyPublic(status="unavailable" if failed else OK, checks=ReadyChecks(**checks))
    return JSONResponse(body.model_dump(), status_code=503 if failed else 200)


async def _database_gone(request: Request, exc: Exception) -> Response:
    """A pool wait or a closed connection: the same 503 as an unreachable database."""
    from web.errors import on_busy_database

    return await on_busy_database(request, exc)


def install(app: FastAPI) -> None:
    """Add the routes and the 503 answers for the database failures `web/errors.py` leaves."""
    app.include_router(router)
    app.add_exception_handler(PoolTimeout, _database_gone)
    app.add_exception_handler(InterfaceError, _database_gone)
