"""The `cchc` command: a typer app assembled from one module per area."""

from __future__ import annotations

import importlib
import os

import typer

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

app = typer.Typer(
    name="cchc",
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
    "cli.notify_cmds",
)

for _name in AREAS:
    importlib.import_module(_name).register(app)


def main() -> None:
    """Run the CLI."""
    app()
