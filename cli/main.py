"""The `cchc` command: a typer app assembled from one module per area."""

from __future__ import annotations

import importlib
import os
from typing import Annotated

import typer

from cli.actor import choose
from cli.click_vi import CchcGroup

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

app = typer.Typer(
    name="cchc",
    cls=CchcGroup,
    help="cchc-flow: chạy chiến dịch xác định Chỉ số CCHC của tỉnh từ kế hoạch đến công bố.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

# Each area module defines register(app); add one line per area.
AREAS: tuple[str, ...] = (
    "cli.score_cmds",
    "cli.campaign_cmds",
    "cli.demo_cmds",
    "cli.deadline_cmds",
    "cli.config_cmds",
    "cli.plan_cmds",
    "cli.web_cmds",
    "cli.criteria_cmds",
    "cli.units_cmds",
    "cli.users_cmds",
    # Operations: `cchc setup` (database and work pool).
    "cli.setup_cmds",
    "cli.backup_cmds",
    "cli.notify_cmds",
)

for _name in AREAS:
    importlib.import_module(_name).register(app)


@app.callback()
def _who(
    as_user: Annotated[
        str | None,
        typer.Option(
            "--as", help="người thực hiện, ghi vào nhật ký (mặc định: người dùng hệ điều hành)"
        ),
    ] = None,
) -> None:
    """cchc-flow: chạy chiến dịch xác định Chỉ số CCHC của tỉnh từ kế hoạch đến công bố."""
    choose(as_user)


def main() -> None:
    """Run the CLI; a database failure anywhere is one Vietnamese line and exit code 2."""
    from sqlalchemy.exc import DBAPIError

    from cchc import logs
    from cli.db_guard import describe
    from cli.output import err_console

    logs.configure()  # one line per record, JSON or text per CCHC_LOG__FORMAT, secrets masked
    try:
        app()
    except DBAPIError as exc:
        err_console.print(f"Lỗi: {describe(exc)}", markup=False, highlight=False, soft_wrap=True)
        raise SystemExit(2) from None
