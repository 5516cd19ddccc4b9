"""`cchc deadline` (read a Vietnamese deadline phrase) and `cchc calendar` (days off of a year)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from cchc import safe_yaml
from cchc.errors import CchcError, ConfigError
from cchc.wording.dates import day, weekday, when
from cli.output import console, fail
from deadlines import Window, calendar_for, parse_deadline


def _line(window: Window) -> str:
    """Return a readable Vietnamese sentence for a window."""
    return (
        f'"{window.text}" → mở từ {when(window.opens_at)}, '
        f"hạn chót {when(window.due_at)} (quy tắc {window.rule})"
    )


def _load_overrides(path: Path | None) -> dict[Any, Any] | None:
    """Read a YAML overrides file ({year: {days_off: [...], working_days: [...]}})."""
    if path is None:
        return None
    data = safe_yaml.load(path)  # size, alias and depth limits before parsing
    if isinstance(data, dict) and isinstance(data.get("years"), dict):
        data = data["years"]  # also accept the overrides nested under a `years:` key
    if data is not None and not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of years to days_off/working_days")
    return data


def deadline(
    phrase: Annotated[str, typer.Argument(help='Cụm thời hạn, ví dụ "chậm nhất ngày 05/02/2018".')],
    year: Annotated[int | None, typer.Option(help="Năm cho cụm không ghi năm.")] = None,
    after: Annotated[
        str | None, typer.Option(help="YYYY-MM-DD: cửa sổ không bắt đầu trước tháng của ngày này.")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="In JSON (opens_at, due_at, rule).")
    ] = False,
) -> None:
    """Đọc một cụm thời hạn tiếng Việt thành cửa sổ thời gian (giờ Việt Nam)."""
    try:
        since = date.fromisoformat(after) if after else None
    except ValueError:
        fail(f"--after '{after}' không phải ngày dạng YYYY-MM-DD")
    try:
        window = parse_deadline(phrase, year=year, after=since)
    except CchcError as exc:
        fail(str(exc))
    if as_json:
        console.print(
            json.dumps(window.to_json(), ensure_ascii=False),
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    else:
        console.print(_line(window), markup=False, highlight=False, soft_wrap=True)


def calendar(
    year: Annotated[int, typer.Argument(help="Năm, ví dụ 2026.")],
    overrides: Annotated[
        Path | None, typer.Option(help="Tệp YAML: ngày nghỉ thêm và ngày làm bù theo năm.")
    ] = None,
) -> None:
    """Liệt kê ngày nghỉ lễ, Tết và ngày làm bù của một năm (trừ thứ Bảy, Chủ nhật thường)."""
    try:
        raw = _load_overrides(overrides)
    except ConfigError as exc:
        fail(str(exc))
    try:
        cal = calendar_for([year], raw)
    except ConfigError as exc:  # name the file in front of each bad path
        fail(str(exc), problems=[f"{overrides}: {p}" for p in exc.problems])
    days_off = cal.days_off(year)
    table = Table(
        title=f"Ngày nghỉ năm {year}",
        caption=f"{len(days_off)} ngày nghỉ có tên; thứ Bảy, Chủ nhật thường không liệt kê",
    )
    for column in ("Ngày", "Thứ", "Tên"):
        table.add_column(column)
    for off, name in days_off:
        table.add_row(day(off), weekday(off), name)
    console.print(table)
    makeup = cal.makeup_working_days(year)
    if makeup:
        extra = Table(title=f"Ngày làm việc bù năm {year}")
        for column in ("Ngày", "Thứ", "Tên"):
            extra.add_column(column)
        for off, name in makeup:
            extra.add_row(day(off), weekday(off), name)
        console.print(extra)


def register(app: typer.Typer) -> None:
    """Add the `deadline` and `calendar` commands."""
    app.command("deadline")(deadline)
    app.command("calendar")(calendar)
