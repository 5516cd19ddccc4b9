"""The published workbook's summary sheet: per block count, mean, median, min, max, bands."""

from __future__ import annotations

from typing import Any

from openpyxl.styles import Alignment, Font, PatternFill

from cchc.safe_export import safe_text
from cchc.wording.dates import fmt_date
from report.cells import put
from report.data import ReportData

HEAD = PatternFill("solid", fgColor="DDEBF7")
FIGURES = ("Khối", "Số đơn vị", "Trung bình", "Trung vị", "Thấp nhất", "Cao nhất")
CHANGE = "Thay đổi TB so với năm trước"


def summary_sheet(sheet: Any, data: ReportData) -> None:
    """Write the summary: title, decision, the ranking rule, then one row of figures per block."""
    sheet["A1"] = f"TỔNG HỢP KẾT QUẢ CHỈ SỐ CCHC NĂM {data.campaign.year}"
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = safe_text(_decision(data))
    sheet["A3"] = safe_text(data.rank_text)
    titles = (*FIGURES, *(f"Xếp loại {code}" for code in data.bands), CHANGE)
    for col, title in enumerate(titles, start=1):
        cell = sheet.cell(5, col, safe_text(title))
        cell.font, cell.fill = Font(bold=True), HEAD
        cell.alignment = Alignment(wrap_text=True, horizontal="center")
    for line, block in enumerate(data.blocks, start=6):
        stats = block.stats
        if stats is None:
            continue
        values = (
            block.title,
            stats.count,
            stats.mean,
            stats.median,
            stats.min,
            stats.max,
            *(stats.bands.get(code, 0) for code in data.bands),
            stats.change,
        )
        for col, value in enumerate(values, start=1):
            money = col in (3, 4, 5, 6) or col == len(values)
            put(
                sheet,
                line,
                col,
                None if value is None else _plain(value),
                data.decimals if money else None,
            )
    sheet.column_dimensions["A"].width = 44


def _plain(value: object) -> object:
    """Return Decimals as floats for openpyxl (put rounds them at the published precision)."""
    return value if isinstance(value, str | int) else float(value)  # type: ignore[arg-type]


def _decision(data: ReportData) -> str:
    """Say which decision approved the results, or that they are provisional."""
    if data.approval is None:
        return "Kết quả tạm tính — chưa phê duyệt"
    return (
        f"Phê duyệt theo Quyết định số {data.approval.decision_no} "
        f"ngày {fmt_date(data.approval.decided_on)}"
    )
