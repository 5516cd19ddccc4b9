"""`cchc serve`: the API and dashboard."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Annotated, Any

import typer

from cli.output import console, fail


def worker_count(option: int | None, configured: int) -> int:
    """Workers to run: the option, else the setting; 0 means one per core."""
    chosen = configured if option is None else option
    return chosen if chosen > 0 else (os.cpu_count() or 1)


def _upgrade_schema() -> None:
    """Bring the configured database to the newest schema, in this process."""
    from sqlalchemy.exc import DBAPIError

    from cchc.db import get_engine
    from cli.db_guard import describe
    from models.db_init import init_db

    engine = get_engine()
    try:
        init_db(engine)
    except DBAPIError as exc:
        fail(describe(exc))
    except Exception as exc:  # noqa: BLE001 - any database failure is reported, not traced back
        fail(f"không mở được cơ sở dữ liệu {engine.url!r}: {exc}")
    engine.dispose()  # each worker opens its own connections


def upgrade_schema_child() -> None:
    """In the child: upgrade, and exit with the CLI's code (one printed line, no traceback)."""
    try:
        _upgrade_schema()
    except typer.Exit as done:
        raise SystemExit(done.exit_code) from None


def _upgrade_schema_aside() -> None:
    """Upgrade the schema in a short-lived child, so the supervisor never loads the models."""
    code = "from cli.web_cmds import upgrade_schema_child; upgrade_schema_child()"
    done = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True)
    if done.returncode != 0:  # the child printed the one-line reason: say it here, once
        said = [line for line in (done.stderr + done.stdout).splitlines() if line.strip()]
        fail(said[-1].removeprefix("Lỗi: ") if said else f"mã thoát {done.returncode}")


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

    from cchc.settings import get_settings

    settings = get_settings()
    host, port = host or settings.api_host, port or settings.api_port
    count = worker_count(workers, settings.api_workers)
    if count == 1:
        _upgrade_schema()
    else:
        _upgrade_schema_aside()  # the supervisor only watches workers: it stays small
    console.print(
        f"cchc-flow: http://{host}:{port}  (API: /docs, {count} tiến trình)", markup=False
    )
    options: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_level": "warning",
        "access_log": False,  # web/request_ids.py writes one access line per request
        "log_config": None,  # uvicorn's loggers go through cchc/logs.py (JSON in production)
        # Longer than clients' idle keep-alive (httpx and browsers: 5-60 s), so a client never
        # reuses a connection the server is closing at the same instant.
        "timeout_keep_alive": 75,
        # A worker busy with a burst of submissions on a loaded machine is slow, not hung:
        # the supervisor's default 5 s health check would kill it with requests in flight.
        "timeout_worker_healthcheck": 30,
    }
    # Requests wait for a statement seconds, not the minutes a flow or the CLI may (read from
    # the environment by the workers).
    os.environ["CCHC_DB__STATEMENT_TIMEOUT"] = str(settings.db.web_statement_timeout)
    get_settings.cache_clear()
    if count == 1:
        from cchc.db import get_engine
        from web.app import create_app

        get_engine.cache_clear()
        uvicorn.run(create_app(), **options)
    else:
        from cchc.logs import chosen_format
        from web.supervisor import exec_supervisor

        exec_supervisor(count, options, chosen_format(get_settings()))


def register(app: typer.Typer) -> None:
    """Add `serve` to the CLI (`users` lives in cli/users_cmds.py)."""
    app.command("serve")(serve)
