"""`cchc serve` (API and dashboard) and `cchc users add` (a user and its one-time token)."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Annotated, Any

import typer

from cchc.errors import CchcError
from cli.output import console, fail

users_app = typer.Typer(help="Người dùng API và bảng điều khiển.", no_args_is_help=True)


def worker_count(option: int | None, configured: int) -> int:
    """Workers to run: the option, else the setting; 0 means one per core."""
    chosen = configured if option is None else option
    return chosen if chosen > 0 else (os.cpu_count() or 1)


def _upgrade_schema() -> None:
    """Bring the configured database to the newest schema, in this process."""
    from cchc.db import get_engine
    from models.db_init import init_db

    engine = get_engine()
    try:
        init_db(engine)
    except Exception as exc:  # noqa: BLE001 - any database failure is reported, not traced back
        fail(f"không mở được cơ sở dữ liệu {engine.url!r}: {exc}")
    engine.dispose()  # each worker opens its own connections


def _upgrade_schema_aside() -> None:
    """Upgrade the schema in a short-lived child, so the supervisor never loads the models."""
    code = "from cli.web_cmds import _upgrade_schema; _upgrade_schema()"
    done = subprocess.run([sys.executable, "-c", code], check=False)
    if done.returncode != 0:
        raise typer.Exit(done.returncode)  # the child printed the one-line reason


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
        "access_log": False,
        # Longer than clients' idle keep-alive (httpx and browsers: 5-60 s), so a client never
        # reuses a connection the server is closing at the same instant.
        "timeout_keep_alive": 75,
        # A worker busy with a burst of submissions on a loaded machine is slow, not hung:
        # the supervisor's default 5 s health check would kill it with requests in flight.
        "timeout_worker_healthcheck": 30,
    }
    if count == 1:
        from web.app import create_app

        uvicorn.run(create_app(), **options)
    else:
        uvicorn.run("web.app:create_app", factory=True, workers=count, **options)


def add_user(
    name: Annotated[str, typer.Argument(help="tên người dùng (duy nhất)")],
    role: Annotated[str, typer.Option(help="admin | unit | appraiser | council | viewer")],
    unit: Annotated[
        str | None, typer.Option(help="mã đơn vị (bắt buộc với unit, appraiser)")
    ] = None,
    fields: Annotated[str | None, typer.Option(help="lĩnh vực được giao, ví dụ 1,2")] = None,
    units: Annotated[
        str | None, typer.Option(help="mã các đơn vị được giao, cách nhau bởi dấu phẩy")
    ] = None,
) -> None:
    """Tạo người dùng và in mã truy cập MỘT LẦN (chỉ lưu bản băm)."""
    from cchc.db import get_engine, session_scope
    from models.db_init import init_db
    from services import users

    split = lambda text: [p.strip() for p in (text or "").split(",") if p.strip()]  # noqa: E731
    try:
        init_db(get_engine())
        with session_scope() as session:
            user, token = users.add_user(
                session=session,
                name=name,
                role=role,
                actor="cli",
                unit_code=unit,
                field_codes=split(fields),
                unit_codes=split(units),
            )
    except CchcError as exc:
        fail(str(exc), problems=getattr(exc, "problems", None))
    console.print(f"Đã tạo người dùng «{user.name}» (vai trò {user.role}).", markup=False)
    console.print("Mã truy cập (chỉ hiện một lần, hãy lưu lại):", markup=False)
    console.print(token, markup=False, highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add `serve` and `users add` to the CLI."""
    app.command("serve")(serve)
    users_app.command("add")(add_user)
    app.add_typer(users_app, name="users")
