"""`cchc criteria import|export`: the criteria set from the decision's appendix, and back."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cchc.errors import CchcError
from cli.output import err_console, fail

criteria_app = typer.Typer(
    help="Bộ chỉ số: nhập từ phụ lục của quyết định, xuất ra Excel.", no_args_is_help=True
)

_FILE = typer.Argument(help="Phụ lục bộ chỉ số: .docx, .xlsx hoặc .txt.")
_TIER = typer.Option(
    help="Cấp được đánh giá: department, special, district, commune, ward, "
    "central_agency (mặc định: đọc từ tên bộ chỉ số)."
)
_PROVINCE = typer.Option(help="Mã tỉnh (mặc định: đọc từ văn bản).")
_YEAR = typer.Option(help="Năm xác định Chỉ số (mặc định: đọc từ văn bản).")
_OUTPUT = typer.Option("-o", "--output", help="Ghi bộ chỉ số YAML vào tệp này.")
_JSON = typer.Option("--json", help="In bộ chỉ số và danh sách cần xem lại dạng JSON.")
_STRICT = typer.Option(help="Coi mọi giá trị chưa xác định được là lỗi (mã 2), không ghi tệp.")


@criteria_app.command("import")
def import_cmd(
    file: Annotated[Path, _FILE],
    tier: Annotated[str | None, _TIER] = None,
    province: Annotated[str | None, _PROVINCE] = None,
    year: Annotated[int | None, _YEAR] = None,
    output: Annotated[Path | None, _OUTPUT] = None,
    as_json: Annotated[bool, _JSON] = False,
    strict: Annotated[bool, _STRICT] = False,
) -> None:
    """Đọc bảng tiêu chí của quyết định thành tệp bộ chỉ số YAML; liệt kê những gì cần xem lại."""
    from criteriaimport import import_criteria
    from criteriaimport.context import TIERS
    from criteriaimport.dump import to_json, to_yaml

    if tier is not None and tier not in TIERS:
        fail(f"--tier «{tier}» không hợp lệ; chọn một trong: {', '.join(TIERS)}")
    try:
        result = import_criteria(file, tier=tier, province=province, year=year)
    except CchcError as exc:
        fail(str(exc), problems=getattr(exc, "problems", None))
    if strict and result.reviews:
        _print_reviews(result.reviews)
        fail(f"{len(result.reviews)} giá trị cần xem lại (--strict); chưa ghi bộ chỉ số.")
    if output is not None:
        output.write_text(to_yaml(result, file.name), encoding="utf-8")
        _summary(result.criteria_set, len(result.reviews), output)
    if as_json:
        typer.echo(to_json(result))  # plain stdout: scripts parse it
        return
    if output is None:
        typer.echo(to_yaml(result, file.name))
    _print_reviews(result.reviews)


@criteria_app.command("export")
def export_cmd(
    file: Annotated[Path, typer.Argument(help="Tệp bộ chỉ số YAML.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Tệp Excel cần ghi.")],
) -> None:
    """Xuất bộ chỉ số ra bảng Excel theo mẫu phụ lục (đọc lại được bằng `criteria import`)."""
    from config import load_criteria_set
    from criteriaimport.export import write_criteria_xlsx

    try:
        cs = load_criteria_set(file)
    except CchcError as exc:
        fail(str(exc), problems=getattr(exc, "problems", None))
    write_criteria_xlsx(cs, output)
    err_console.print(f"Đã ghi {output}", markup=False, highlight=False)


def _summary(cs: dict, reviews: int, output: Path) -> None:
    """Say what was written."""
    from criteriaimport.points import fmt

    crits = sum(len(f["criteria"]) for f in cs["fields"])
    err_console.print(
        f"Đã ghi {output}: {len(cs['fields'])} lĩnh vực, {crits} tiêu chí, tổng {fmt(cs['total'])} "
        f"điểm, {reviews} giá trị cần xem lại.",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )


def _print_reviews(reviews: list) -> None:
    """List every value that needs a human look, one line each with its source line."""
    if not reviews:
        return
    err_console.print(f"Cần xem lại ({len(reviews)}):", markup=False, highlight=False)
    for review in reviews:
        err_console.print(f"  {review.note()}", markup=False, highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add the `criteria` command group to the CLI."""
    app.add_typer(criteria_app, name="criteria")
