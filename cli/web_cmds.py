"""`cchc serve`: the API and dashboard."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Annotated, Any

import typer

from cli.output import console, fail


def worker_count(option: int | None, configured: int) -> int:
    """Workers to run: the option, else the setting; 0 means one per core."""
    chosen = configured if option is None else option
    return chosen if chosen > 0 else (os.cpu_count() or 1)


def serve(
    host: Annotated[str | None, typer.Option(help="địa chỉ lắng nghe (mặc định 127.0.0.1)")] = None,
    port: Annotated[int | None, typer.Option(help="cổng (mặc định 8000)", min=1, max=65535)] = None,
    workers: Annotated[
        int | None,
        typer.Option(help="số tiến trình phục vụ (mặc định CCHC_API_WORKERS; 0 = số lõi)", min=0),
    ] = None,
) -> None:
    """Chạy API và bảng điều khiển trên cơ sở dữ liệu đã cấu hình (nâng cấp lược đồ trước)."""
    import uvicorn
    from sqlalchemy.exc import DBAPIError

    from cchc.db import get_engine
    from cchc.settings import get_settings
    from cli.db_guard import describe
    from models.db_init import init_db
    from web.app import create_app

    settings = get_settings()
    engine = get_engine()
    try:
        init_db(engine)
    except DBAPIError as exc:
        fail(describe(exc))
    except Exception as exc:  # noqa: BLE001 - any database failure is reported, not traced back
        fail(f"không mở được cơ sở dữ liệu {engine.url!r}: {exc}")
    host, port = host or settings.api_host, port or settings.api_port
    count = worker_count(workers, settings.api_workers)
    console.print(
        f"cchc-flow: http://{host}:{port}  (API: /docs, {count} tiến trình)", markup=False
    )
    options: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_level": "warning",
        "access_log": False,
        # Longer than clients' idle keep-alive (httpx and browsers: 5-60 s), so a client never
        # reuses a connection the server is closing at the same instant.
        "timeout_keep_alive": 75,
        # A worker busy with a burst of submissions on a loaded machine is slow, not hung:
        # the supervisor's default 5 s health check would kill it with requests in flight.
        "timeout_worker_healthcheck": 30,
    }
    engine.dispose()  # each worker (and its page-rendering helper) opens its own connections
    with tempfile.TemporaryDirectory(prefix="cchc-serve-") as tmp:
        # Read from the environment by the workers and their helpers: the file carries
        # page-cache drops between processes; pages render beside, not inside, the workers.
        os.environ["CCHC_WEB_CACHE_SIGNAL"] = str(Path(tmp) / "writes")
        os.environ["CCHC_WEB_RENDER_PROCESS"] = "true"
        # Requests wait for a statement seconds, not the minutes a flow or the CLI may.
        os.environ["CCHC_DB__STATEMENT_TIMEOUT"] = str(settings.db.web_statement_timeout)
        get_settings.cache_clear()
        get_engine.cache_clear()
        if count == 1:
            uvicorn.run(create_app(), **options)
        else:
            uvicorn.run("web.app:create_app", factory=True, workers=count, **options)


def register(app: typer.Typer) -> None:
    """Add `serve` to the CLI (`users` lives in cli/users_cmds.py)."""
    app.command("serve")(serve)
