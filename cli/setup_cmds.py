"""`cchc setup`: make an installation ready (schema, Prefect pool and automation); idempotent."""

from __future__ import annotations

import typer

from cchc.errors import CchcError
from cli.output import console, fail


def setup() -> None:
    """Nâng cấp cơ sở dữ liệu, tạo work pool và tự động hóa của Prefect (chạy lại được)."""
    from cchc.db import get_engine
    from services.setup import setup as prepare

    try:
        lines = prepare(engine=get_engine())
    except CchcError as exc:
        fail(str(exc))
    for line in lines:
        console.print(line, markup=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add `cchc setup`."""
    app.command("setup")(setup)
