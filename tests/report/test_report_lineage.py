"""The report's year-over-year column across the 2025 reorganisation (tests/world/lineage.py)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from sqlmodel import Session

from report.build import write_report
from tests.world.lineage import merged_province


def test_report_shows_merged_changes_and_not_comparable(session: Session, tmp_path: Path) -> None:
    """Xã An Bình: (75 + 85) / 2 = 80,00 → 82,00: +2,00; Xã Đông (a former district): none."""
    paths = write_report(session=session, campaign=merged_province(session), folder=tmp_path)
    html = Path(paths["html"]).read_text(encoding="utf-8")
    assert "không so sánh được" in html and "trọng số bằng nhau" in html
    assert "(*) Đơn vị hợp nhất: " in html and "xa-an 2024: 75,00; xa-binh 2024: 85,00" in html
    by_code = {r["unit_code"]: r for r in paths["results"]}
    assert (by_code["xa-an-binh"]["previous_index"], by_code["xa-an-binh"]["change"]) == (80, 2)
    assert by_code["xa-dong"]["comparison"] == "not_comparable"
    book = load_workbook(paths["xlsx"])
    cells = {
        row[1]: (row[9], row[10], row[11])
        for sheet in book.worksheets
        if sheet.title.startswith("XH ")
        for row in sheet.iter_rows(min_row=4, values_only=True)
    }
    assert cells["Xã Đông"] == (None, "không so sánh được", None)
    assert cells["Xã An Bình"][:2] == (80, 2)
    assert "bình quân các đơn vị hợp nhất" in cells["Xã An Bình"][2]
    assert cells["Sở Nội vụ"] == (80, 5.5, None)
