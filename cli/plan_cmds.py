"""`cchc plan import`: read the plan as issued (text, Markdown or .docx) into a plan YAML."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cchc.errors import CchcError
from cli.output import err_console, fail
from planimport import ImportResult, import_plan
from planimport.dump import to_json, to_yaml

plan_app = typer.Typer(help="Kế hoạch: nhập kế hoạch từ văn bản đã ban hành.", no_args_is_help=True)


_FILE = typer.Argument(help="Văn bản kế hoạch: .txt, .md hoặc .docx.")
_PROVINCE = typer.Option(help="Mã tỉnh (mặc định: đọc từ văn bản).")
_YEAR = typer.Option(help="Năm xác định Chỉ số (mặc định: đọc từ văn bản).")
_OUTPUT = typer.Option("-o", "--output", help="Ghi kế hoạch YAML vào tệp này.")
_JSON = typer.Option("--json", help="In kế hoạch và danh sách cần xem lại dạng JSON.")
_CRITERIA = typer.Option("--criteria", help="Mã bộ chỉ số của kế hoạch (lặp lại cho mỗi bộ).")
_STRICT = typer.Option(help="Coi mọi giá trị chưa xác định được là lỗi (mã 2), không ghi tệp.")


@plan_app.command("import")
def import_cmd(
    file: Annotated[Path, _FILE],
    province: Annotated[str | None, _PROVINCE] = None,
    year: Annotated[int | None, _YEAR] = None,
    output: Annotated[Path | None, _OUTPUT] = None,
    as_json: Annotated[bool, _JSON] = False,
    strict: Annotated[bool, _STRICT] = False,
    criteria: Annotated[list[str] | None, _CRITERIA] = None,
) -> None:
    """Đọc kế hoạch đã ban hành thành tệp kế hoạch YAML; liệt kê những gì cần xem lại."""
    try:
        result = import_plan(file, province=province, year=year, criteria_sets=criteria)
    except CchcError as exc:
        fail(str(exc), problems=getattr(exc, "problems", None))
    if strict and result.reviews:
        _print_reviews(result)
        fail(f"{len(result.reviews)} giá trị cần xem lại (--strict); chưa ghi kế hoạch.")
    if output is not None:
        output.write_text(to_yaml(result), encoding="utf-8")
        _summary(result, output)
    if as_json:
        typer.echo(to_json(result))  # plain stdout: scripts parse it
        return
    if output is None:
        typer.echo(to_yaml(result))
    _print_reviews(result)


def _summary(result: ImportResult, output: Path) -> None:
    """Say what was written."""
    stages = result.plan["stages"]
    err_console.print(
        f"Đã ghi {output}: {len(stages)} giai đoạn, mẫu văn bản «{result.shape}», "
        f"{len(result.reviews)} giá trị cần xem lại.",
        markup=False,
        highlight=False,
    )


def _print_reviews(result: ImportResult) -> None:
    """List every value that needs a human look, with its source line."""
    if not result.reviews:
        return
    err_console.print(f"Cần xem lại ({len(result.reviews)}):", markup=False, highlight=False)
    for review in result.reviews:  # one line each, never wrapped, so it can be grepped
        where = f"{review.stage}, " if review.stage else ""
        line = f"  {where}{review.note()}"
        err_console.print(line, markup=False, highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add the `plan` command group to the CLI."""
    app.add_typer(plan_app, name="plan")
