"""`cchc units init|import`: write a province's units file from the national catalogue or a list."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from cchc.errors import CchcError
from cli.output import err_console, fail

units_app = typer.Typer(
    help="Đơn vị: tạo tệp đơn vị của tỉnh từ danh mục quốc gia hoặc danh sách.",
    no_args_is_help=True,
)

_PROVINCE = typer.Option(help="Mã (01), mã cấu hình (ha-noi) hoặc tên tỉnh («TP Hà Nội»).")
_YEAR = typer.Option(help="Năm xác định Chỉ số: từ 2025 là mô hình 2 cấp (không có cấp huyện).")
_OUTPUT = typer.Option("-o", "--output", help="Tệp YAML (mặc định config/units/<mã>-<năm>.yaml).")
_FORCE = typer.Option(help="Ghi đè tệp đã có.")
_FILE = typer.Argument(
    help="Danh sách đơn vị .xlsx hoặc .csv (name, code, kind, parent, rank group, e-mail, phone)."
)


@units_app.command("init")
def init_cmd(
    province: Annotated[str, _PROVINCE],
    year: Annotated[int, _YEAR],
    output: Annotated[Path | None, _OUTPUT] = None,
    force: Annotated[bool, _FORCE] = False,
) -> None:
    """Tạo tệp đơn vị của tỉnh cho năm: UBND cấp xã (và cấp huyện trước 2025), các sở."""
    from config.national import to_yaml, units_for

    try:
        doc = units_for(province, year)
    except CchcError as exc:
        fail(str(exc))
    _write(doc, to_yaml(doc), output or _default(doc, year), force)


@units_app.command("import")
def import_cmd(
    file: Annotated[Path, _FILE],
    province: Annotated[str, _PROVINCE],
    year: Annotated[int, _YEAR],
    output: Annotated[Path | None, _OUTPUT] = None,
    force: Annotated[bool, _FORCE] = False,
) -> None:
    """Đọc danh sách đơn vị của tỉnh (.xlsx/.csv) thành tệp đơn vị; báo lỗi theo dòng, cột."""
    from config.national import heading, read_units, to_yaml

    if not file.is_file():
        fail(f"không tìm thấy {file}")
    try:
        doc = read_units(file, province=heading(province, year))
    except CchcError as exc:
        for line in getattr(exc, "problems", None) or []:  # one line each, never wrapped
            err_console.print(line, markup=False, highlight=False, soft_wrap=True)
        fail(str(exc) if not getattr(exc, "problems", None) else "tệp có lỗi, chưa ghi gì")
    _write(doc, to_yaml(doc), output or _default(doc, year), force)


def _default(doc: dict[str, Any], year: int) -> Path:
    """Return config/units/<province>-<year>.yaml, where `plan import` looks first."""
    from cchc.settings import get_settings

    return get_settings().config_dir / "units" / f"{doc['province']['code']}-{year}.yaml"


def _write(doc: dict[str, Any], text: str, output: Path, force: bool) -> None:
    """Write the file (never over an existing one without --force) and say what it holds."""
    if output.exists() and not force:
        fail(f"{output} đã có; dùng --force để ghi đè")
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    kinds = [u["kind"] for u in doc["units"]]
    err_console.print(
        f"Đã ghi {output}: {doc['province']['name']}, {doc['province']['tiers']} cấp, "
        f"{kinds.count('department')} sở/ban, {kinds.count('district')} đơn vị cấp huyện, "
        f"{kinds.count('commune')} đơn vị cấp xã. Kiểm tra bằng: cchc validate {output}",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )


def register(app: typer.Typer) -> None:
    """Add the `units` command group to the CLI."""
    app.add_typer(units_app, name="units")
