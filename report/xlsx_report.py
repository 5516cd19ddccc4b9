"""Write the publication workbook: a ranking sheet per block, then one appendix sheet per unit."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from sqlmodel import Session

from cchc import atomic
from cchc.safe_export import safe_text
from cchc.wording.lineage import basis_text, change_text
from models.results.read import ResultRow
from models.scoring.unit_breakdown import unit_breakdown
from report.cells import put
from report.data import ReportData
from report.xlsx_summary import summary_sheet

THIN = Border(*(Side(style="thin", color="999999"),) * 4)
HEAD = PatternFill("solid", fgColor="DDEBF7")
TIED = PatternFill("solid", fgColor="FFF2CC")
RANKING = (
    "Hạng",
    "Đơn vị",
    "Điểm tối đa",
    "Tự đánh giá",
    "Kết quả thẩm định",
    "Điều tra xã hội học",
    "Điểm đạt được",
    "Chỉ số",
    "Xếp loại",
    "Năm trước",
    "Thay đổi",
    "Ghi chú",
)
APPENDIX = (
    "Mã",
    "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
    "Điểm tối đa",
    "Tự đánh giá",
    "Kết quả thẩm định",
    "Điều tra xã hội học",
    "Điểm đạt được",
    "Chỉ số",
    "Ghi chú",
)
NUMERIC = {3, 4, 5, 6, 7, 8, 10, 11}  # ranking columns holding points or indices
MAX_APPENDIX_UNITS = 400  # one sheet per unit is for a province, not a national campaign


def _sheet_name(text: str, used: set[str]) -> str:
    """Return a unique Excel sheet name (≤ 31 characters, no []:*?/\\)."""
    clean = "".join(c for c in text if c not in "[]:*?/\\")[:31]
    name, n = clean, 2
    while name in used:
        name = f"{clean[:28]}~{n}"
        n += 1
    used.add(name)
    return name


def _header(sheet, row: int, titles: tuple[str, ...]) -> None:
    """Write a bold, shaded header row."""
    for col, title in enumerate(titles, start=1):
        cell = sheet.cell(row, col, title)
        cell.font, cell.fill, cell.border = Font(bold=True), HEAD, THIN
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")


def _ranking_sheet(book: Workbook, data: ReportData, block, used: set[str]) -> None:
    """Write one block's ranking."""
    sheet = book.create_sheet(_sheet_name(f"XH {block.title}", used))
    sheet["A1"] = safe_text(f"KẾT QUẢ CHỈ SỐ CCHC NĂM {data.campaign.year}: {block.title.upper()}")
    sheet["A1"].font = Font(bold=True, size=13)
    _header(sheet, 3, RANKING)
    for i, r in enumerate(block.rows, start=4):
        values = (
            r.rank,
            r.unit_name,
            r.max_points,
            r.self_points,
            r.appraised_points,
            r.survey_points,
            r.achieved_points,
            r.index_value,
            data.bands.get(r.band or "", r.band),
            r.previous_index,
            r.change if r.comparison != "not_comparable" else change_text(r.comparison, None),
            _note(r),
        )
        for col, value in enumerate(values, start=1):
            cell = put(sheet, i, col, value, data.decimals if col in NUMERIC else None)
            cell.border = THIN
            if r.tied:
                cell.fill = TIED
    for letter, width in zip(
        "ABCDEFGHIJKL", (7, 42, 10, 11, 12, 12, 12, 10, 12, 10, 10, 12), strict=True
    ):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "C4"


def _note(row: ResultRow) -> str | None:
    """Return the ranking row's note: a shared rank, what a merged or renamed unit compares with."""
    notes = ["Đồng hạng" if row.tied else ""]
    if row.comparison in ("merged", "renamed"):
        notes.append(basis_text(row.comparison, row.compared_with))
    return "; ".join(n for n in notes if n) or None


def _unit_sheet(book: Workbook, session: Session, data: ReportData, row, used: set[str]) -> None:
    """Write one unit's appendix sheet, item by item, with a total row."""
    sheet = book.create_sheet(_sheet_name(row.unit_code, used))
    sheet["A1"] = safe_text(f"{row.unit_name}: Chỉ số CCHC năm {data.campaign.year}")
    sheet["A1"].font = Font(bold=True, size=13)
    _header(sheet, 3, APPENDIX)
    items = unit_breakdown(
        session=session,
        campaign_id=data.campaign.id,
        unit_id=row.unit_id,
        with_survey=data.campaign.has_survey,
    )
    line = 3
    for item in items:
        line += 1
        values = (
            item.code,
            item.title,
            item.max_points,
            item.self_score,
            item.appraised,
            item.survey,
            item.achieved,
            item.index_value,
            item.note or ("Điều tra XHH" if item.method == "survey" else None),
        )
        for col, value in enumerate(values, start=1):
            cell = put(sheet, line, col, value, data.decimals if 3 <= col <= 8 else None)
            cell.border = THIN
            cell.font = Font(bold=item.level == 1)
        sheet.cell(line, 2).alignment = Alignment(wrap_text=True, indent=item.level - 1)
    line += 1
    total = (
        "",
        "TỔNG",
        row.max_points,
        row.self_points,
        row.appraised_points,
        row.survey_points,
        row.achieved_points,
        row.index_value,
        f"Hạng {row.rank}" if row.rank else None,
    )
    for col, value in enumerate(total, start=1):
        cell = put(sheet, line, col, value, data.decimals if 3 <= col <= 8 else None)
        cell.font, cell.border, cell.fill = Font(bold=True), THIN, HEAD
    for letter, width in zip("ABCDEFGHI", (8, 60, 10, 10, 12, 12, 12, 9, 40), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "C4"


def write_xlsx(session: Session, data: ReportData, path: Path) -> Path:
    """Write the workbook: ranking sheets per block, then each unit's appendix sheet."""
    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    summary_sheet(book.create_sheet(_sheet_name("Tổng hợp", used)), data)
    for block in data.blocks:
        _ranking_sheet(book, data, block, used)
    if len(data.rows) <= MAX_APPENDIX_UNITS:
        for row in data.rows:
            _unit_sheet(book, session, data, row, used)
    return atomic.save_workbook(book, path)  # never a partial .xlsx left behind
