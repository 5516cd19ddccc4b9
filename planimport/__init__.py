"""Import a plan from the document the People's Committee issued (text, Markdown or .docx).

`import_plan(path)` reads the document, finds its stage table (or, failing that, the deadlines
stated in its prose) and returns the plan in the config format plus every value it could not
resolve, each with its source line. It never guesses silently.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cchc.errors import ValidationError
from planimport.agencies import Directory
from planimport.build import build_stages
from planimport.context import DocInfo, detect, slug
from planimport.model import ImportResult, Review, Row
from planimport.pairs import pair_rows
from planimport.prose import prose_rows
from planimport.reader import Source, read_source
from planimport.rows import grid_rows
from planimport.tiers import NO_TIMELINE, check_tiers, province_code

__all__ = ["ImportResult", "Review", "import_plan"]


def import_plan(path: str | Path, *, province: str | None = None, year: int | None = None,
                units: Any = None, criteria_sets: list[str] | None = None) -> ImportResult:
    """Read a plan document into a config plan dict and the list of values needing review.

    `units` is a loaded units file (config.schema.UnitsFile); by default the province's
    config/units/<province>.yaml is read. Raises ValidationError when the province or the year
    can be found neither in the document nor in the arguments.
    """
    path = Path(path)
    source = read_source(path)
    info = detect(source.lines)
    name = province or info.province_name
    if not name:
        raise ValidationError(f"{path}: không thấy tên tỉnh trong văn bản; hãy dùng --province")
    plan_year = year or info.year
    if not plan_year:
        raise ValidationError(f"{path}: không thấy năm của kế hoạch; hãy dùng --year")
    code = province_code(name, plan_year) or slug(name)
    reviews: list[Review] = []
    units_code = code
    if units is None:
        units, units_code = _units_file(code, plan_year, reviews)
    if units is not None:
        check_tiers(units, plan_year, code, units_code)
    directory = Directory(units.units if units is not None else (), _province_name(units, info))
    rows = _rows(source)
    if not rows:
        raise ValidationError(f"{path}: {NO_TIMELINE}")
    stages, stage_reviews = build_stages(rows, directory, plan_year, info.issued_on)
    if not any("window" in stage for stage in stages):  # rows, but not one date: no junk plan
        raise ValidationError(f"{path}: {NO_TIMELINE}")
    plan = _plan(path, code, plan_year, info, stages)
    plan["units"] = units_code
    plan["criteria_sets"] = list(criteria_sets or [])  # named by the caller (--criteria)
    return ImportResult(plan=plan, reviews=reviews + stage_reviews, shape=source.shape)


def _rows(source: Source) -> list[Row]:
    """Return the stage rows: from the tables when there are any, else from the prose."""
    rows = [row for grid in source.grids for row in grid_rows(grid)]
    return pair_rows(rows or prose_rows(source.lines))


def _units_file(code: str, year: int, reviews: list[Review]) -> tuple[Any, str]:
    """Load config/units/<code>-<year>.yaml (a year's re-organised units) or <code>.yaml."""
    from cchc.errors import ConfigError
    from cchc.settings import get_settings
    from config.loader import load_units

    folder = get_settings().config_dir / "units"
    path = next((p for p in (folder / f"{code}-{year}.yaml", folder / f"{code}.yaml")
                 if p.is_file()), folder / f"{code}.yaml")
    try:
        return load_units(path), path.stem
    except ConfigError as exc:
        fix = f"cchc units init --province {code} --year {year}"
        why = f"không dùng được: {exc}; tạo tệp đơn vị bằng: {fix}"
        reviews.append(Review(0, None, "tệp đơn vị", str(path), why))
        return None, code


def _province_name(units: Any, info: DocInfo) -> str:
    """Return the province's name, for dropping it from agency names ("Sở Tư pháp tỉnh X")."""
    if units is not None:
        return str(units.province.name)
    return info.province_name or ""


def _plan(path: Path, code: str, year: int, info: DocInfo, stages: list[dict]) -> dict[str, Any]:
    """Assemble the plan in the config format (see config/schema/plan.py)."""
    plan: dict[str, Any] = {
        "code": f"{code}-{year}",
        "province": code,
        "year": year,
        "title": info.title or f"Kế hoạch xác định Chỉ số CCHC năm {year}",
    }
    if info.decision_no:
        plan["decision_no"] = info.decision_no
    if info.issued_on:
        plan["issued_on"] = info.issued_on
    plan.update({
        "source": path.name,
        "units": code,
        "criteria_sets": [],
        "policy": {"roll_forward": True, "late": "accept_flag", "close": "window"},
        "stages": stages,
    })
    return plan
