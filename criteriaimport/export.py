"""Write a criteria set as the appendix table in XLSX; `import_criteria` reads it back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from cchc.safe_export import safe_text
from criteriaimport.points import fmt
from criteriaimport.reader import META_SHEET

SHEET = "Bộ chỉ số"
HEADERS = (
    "STT",
    "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
    "Điểm tối đa",
    "Cách chấm",
    "Cơ quan thẩm định",
    "Ghi chú",
)
HEADER_ROW = 3
KIND_MARKS = {"bonus": "Điểm thưởng", "penalty": "Điểm trừ"}  # read back by criteriaimport.tree
NA_MARK = "Có thể không áp dụng"


def write_criteria_xlsx(cs: Any, path: str | Path) -> Path:
    """Write `cs` (a config CriteriaSet) as one table row per item, with a hidden metadata sheet."""
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet["A1"] = safe_text(cs.title)
    sheet["A1"].font = Font(bold=True, size=13)
    for col, title in enumerate(HEADERS, start=1):
        sheet.cell(HEADER_ROW, col, title).font = Font(bold=True)
    row = HEADER_ROW
    for field in cs.fields:
        row += 1
        _row(sheet, row, field.code, field.title, field.max_points, field, field.appraiser, 1)
        for crit in field.criteria:
            row += 1
            _row(sheet, row, crit.code, crit.title, crit.max_points, crit, "", 2)
            for sub in crit.sub_criteria:
                row += 1
                _row(sheet, row, sub.code, sub.title, sub.max_points, sub, "", 3)
    for letter, width in zip("ABCDEF", (9, 60, 11, 40, 24, 18), strict=True):
        sheet.column_dimensions[letter].width = width
    _meta(book, cs)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def _row(
    sheet: Any,
    row: int,
    code: str,
    title: str,
    points: float,
    item: Any,
    appraiser: str,
    level: int,
) -> None:
    """Write one item; survey items carry the "Điều tra XHH" mark, steps "Bước 0,25"."""
    sheet.cell(row, 1, code)
    cell = sheet.cell(row, 2, safe_text(title))
    cell.alignment = Alignment(wrap_text=True, indent=level - 1)
    sheet.cell(row, 3, points)
    sheet.cell(row, 5, appraiser or None)
    if level == 1:
        sheet.cell(row, 2).font = Font(bold=True)
        sheet.cell(row, 6, KIND_MARKS.get(item.kind or ""))
        return
    if item.note:
        sheet.cell(row, 4, safe_text(item.note))
    marks = [KIND_MARKS[item.kind]] if item.kind else []
    if item.allow_not_applicable:
        marks.append(NA_MARK)
    if item.method == "survey":
        marks.append("Điều tra XHH")
    if item.step:
        marks.append(f"Bước {fmt(item.step)}")
    sheet.cell(row, 6, "; ".join(marks) or None)


def _meta(book: Any, cs: Any) -> None:
    """Keep the set's identity in a hidden sheet, so the round trip gives the same set."""
    meta = book.create_sheet(META_SHEET)
    values = {
        "code": cs.code,
        "province": cs.province,
        "units": cs.units or "",
        "year": cs.year,
        "tier": cs.tier,
        "title": cs.title,
        "decision_no": cs.decision_no or "",
        "applies_to": json.dumps(cs.applies_to.model_dump(exclude_defaults=True)),
        "index_cap": cs.index_cap or "",
        "formulas": json.dumps(
            {x.code: x.formula for x in cs.leaves() if x.formula}, ensure_ascii=False
        ),
    }
    for i, (key, value) in enumerate(values.items(), start=1):
        meta.cell(i, 1, key)
        meta.cell(i, 2, safe_text(value) if isinstance(value, str) else value)
    meta.sheet_state = "hidden"
