"""The unit's self-assessment workbook (appendix layout): write the template, read it back.

Errors name the sheet, the cell (row and column) and the item code, e.g.
`Tự đánh giá!D14 (1.2.1): «abc» không phải số`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.datavalidation import DataValidation
from sqlmodel import Session

from cchc import atomic, safe_office
from cchc.errors import ValidationError
from cchc.safe_export import safe_text, unsafe_text
from cchc.wording.numbers import fmt_points
from models.campaign.tables import Campaign
from models.catalog.lookup import criteria_set_for, set_items
from models.catalog.units import OrgUnit
from models.scoring.score_rules import typed_number
from models.scoring.self_assessments import list_versions, version_scores

SHEET = "Tự đánh giá"
META = "_cchc"
HEADERS = (
    "Mã",
    "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
    "Điểm tối đa",
    "Tự đánh giá",
    "Giải trình",
    "Tài liệu kiểm chứng",
    "Ghi chú",
)
HEADER_ROW = 5
GREY = PatternFill("solid", fgColor="E7E6E6")
INPUT = PatternFill("solid", fgColor="FFF2CC")
THIN = Border(*(Side(style="thin", color="999999"),) * 4)


def write_template(
    *, session: Session, campaign: Campaign, unit: OrgUnit, path: str | Path
) -> Path:
    """Write the unit's workbook, pre-filled with its draft (or last submitted) scores."""
    cset = criteria_set_for(session=session, campaign=campaign, unit=unit)
    versions = list_versions(session=session, campaign_id=campaign.id, unit_id=unit.id)
    filled = version_scores(session=session, self_assessment_id=versions[-1].id) if versions else {}
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet["A1"] = f"BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {campaign.year}"
    sheet["A2"] = f"Đơn vị: {unit.name}"
    sheet["A3"] = safe_text(f"{cset.title} — tổng {fmt_points(cset.total)} điểm")
    sheet["A1"].font = Font(bold=True, size=13)
    for col, title in enumerate(HEADERS, start=1):
        cell = sheet.cell(HEADER_ROW, col, title)
        cell.font, cell.border = Font(bold=True), THIN
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
    row = HEADER_ROW
    for item in set_items(session=session, criteria_set_id=cset.id):
        row += 1
        _item_row(sheet, row, item, filled.get(item.id))
    for letter, width in zip("ABCDEFG", (9, 60, 11, 11, 40, 30, 18), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = f"C{HEADER_ROW + 1}"
    meta = book.create_sheet(META)
    for i, (key, value) in enumerate(
        (("campaign", campaign.code), ("unit", unit.code), ("criteria_set", cset.code)), start=1
    ):
        meta.cell(i, 1, key), meta.cell(i, 2, safe_text(value))
    meta.sheet_state = "hidden"
    return atomic.save_workbook(book, path)  # never a partial .xlsx left behind


def _item_row(sheet, row: int, item, filled) -> None:
    """Write one criteria item: leaves get an input cell, survey leaves a grey locked one."""
    sheet.cell(row, 1, safe_text(item.code))
    title = sheet.cell(row, 2, safe_text(item.title))
    title.alignment = Alignment(wrap_text=True, indent=item.level - 1)
    sheet.cell(row, 3, item.max_points)
    for col in range(1, 8):
        sheet.cell(row, col).border = THIN
    if not item.is_leaf:
        for col in range(1, 8):
            sheet.cell(row, col).font = Font(bold=item.level == 1)
        return
    if item.method == "survey":
        sheet.cell(row, 7, "Điều tra XHH")
        for col in (4, 5, 6):
            sheet.cell(row, col).fill = GREY
        return
    for col in (4, 5, 6):
        sheet.cell(row, col).fill = INPUT
    rule = DataValidation(
        type="decimal",
        operator="between",
        formula1="0",
        formula2=str(item.max_points),
        allow_blank=True,
    )
    rule.error = f"Điểm từ 0 đến {fmt_points(item.max_points)}"
    sheet.add_data_validation(rule)
    rule.add(sheet.cell(row, 4))
    if item.step:
        sheet.cell(row, 7, f"Bước {fmt_points(item.step)}")
    if filled is not None:
        sheet.cell(row, 4, filled.score)
        sheet.cell(row, 5, safe_text(filled.explanation))


@dataclass
class WorkbookScores:
    """What a filled workbook says: scores, explanations, evidence names, and where each code is."""

    campaign: str | None
    unit: str | None
    scores: dict[str, dict] = field(default_factory=dict)
    evidence: dict[str, list[str]] = field(default_factory=dict)
    cells: dict[str, str] = field(default_factory=dict)  # code → "Tự đánh giá!D14"


def read_workbook(path: str | Path) -> WorkbookScores:
    """Read a filled workbook; every unreadable cell is reported with its sheet, row and column."""
    path = Path(path)
    book = safe_office.open_workbook(path)  # zip, sheet, row and column limits before parsing
    if SHEET not in book.sheetnames:
        raise ValidationError(
            f"{path.name}: thiếu trang «{SHEET}» (hãy dùng tệp từ `cchc template`)"
        )
    meta = dict(book[META].iter_rows(values_only=True)) if META in book.sheetnames else {}
    out = WorkbookScores(campaign=meta.get("campaign"), unit=meta.get("unit"))
    problems: list[str] = []
    for row in safe_office.rows(book[SHEET], path.name, min_row=HEADER_ROW + 1):
        code = str(row[0].value).strip() if row[0].value is not None else ""
        if code:
            _read_row(out, code, row, problems)
    if problems:
        raise ValidationError(problems[0], problems=problems)
    return out


def _read_row(out: WorkbookScores, code: str, row, problems: list[str]) -> None:
    """Read one item row into `out`."""
    score_cell, text_cell, files_cell = row[3], row[4], row[5]
    where = f"{SHEET}!{score_cell.coordinate} ({code})"
    out.cells[code] = where
    value = score_cell.value
    if isinstance(value, str) and value.strip():
        try:
            value = typed_number(value)  # ASCII digits only, like the form
        except ValueError:
            problems.append(f"{where}: «{score_cell.value}» không phải số")
            return
    if value is None or value == "":
        return
    if not isinstance(value, int | float):
        problems.append(f"{where}: «{value}» không phải số")
        return
    text = str(unsafe_text(text_cell.value)).strip() if text_cell.value is not None else None
    out.scores[code] = {"score": float(value), "explanation": text}
    if files_cell.value:
        names = str(files_cell.value).replace("\n", ";").split(";")
        out.evidence[code] = [n.strip() for n in names if n.strip()]


def locate(problems: list[str], cells: dict[str, str]) -> list[str]:
    """Prefix item-code problems (`1.2.1: …`) with their sheet and cell."""
    out = []
    for line in problems:
        code = line.split(":", 1)[0]
        out.append(f"{cells[code].rsplit(' ', 1)[0]} {line}" if code in cells else line)
    return out
