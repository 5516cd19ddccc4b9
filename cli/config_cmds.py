"""`cchc validate PATH...`: check configuration files and folders."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cchc.errors import FileRefused
from cli.output import console, err_console, fail


def validate(
    paths: Annotated[
        list[Path], typer.Argument(help="Tệp hoặc thư mục cấu hình (YAML) cần kiểm tra.")
    ],
) -> None:
    """Kiểm tra tệp cấu hình: đơn vị, bộ chỉ số, kế hoạch, điều tra, xếp loại, lịch."""
    from config import validate_report  # imported late: keeps `cchc --help` fast

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        err_console.print(f"Lỗi: không tìm thấy {', '.join(missing)}", markup=False)
        raise typer.Exit(2)
    try:
        report = validate_report(paths)
    except FileRefused as exc:  # a hostile file stops the check: one line, exit 2
        fail(str(exc))
    for line in report.problems:
        err_console.print(line, markup=False, highlight=False, soft_wrap=True)
    if report.problems:
        err_console.print(
            f"[red]✗ {len(report.problems)} lỗi trong {report.counts['files']} tệp[/red]"
        )
        raise typer.Exit(1)
    for line in report.sets:  # per criteria set, to check against the decision's own counts
        console.print(line, markup=False, highlight=False, soft_wrap=True)
    c = report.counts
    console.print(
        f"[green]✓ {c['files']} tệp hợp lệ: {c['units']} tệp đơn vị ({c['unit']} đơn vị), "
        f"{c['criteria']} bộ chỉ số ({c['leaf']} tiêu chí chấm điểm), "
        f"{c['plan']} kế hoạch ({c['stage']} bước), {c['survey']} cấu hình điều tra, "
        f"{c['bands']} tệp xếp loại, {c['calendar']} tệp lịch[/green]"
    )


def register(app: typer.Typer) -> None:
    """Add the configuration commands to the app."""
    app.command("validate")(validate)
