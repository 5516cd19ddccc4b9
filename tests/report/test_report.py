"""The publication report: XLSX in the appendix layout, a self-contained Vietnamese HTML page."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from cchc.wording.numbers import fmt_change, fmt_vn
from models import OrgUnit
from models.results.compute import compute_results
from report.build import write_report
from tests.world.lai_chau import sample_campaign
from tests.world.scoring import scoring_campaign, submit

ARTIFACTS = Path(__file__).resolve().parents[2] / "var" / "artifacts"


def test_fmt_vn_writes_two_decimals_with_a_comma() -> None:
    assert (fmt_vn(92.1834), fmt_vn(92.175), fmt_vn(100), fmt_vn(1234.5)) == (
        "92,18",
        "92,18",
        "100,00",
        "1.234,50",
    )
    assert (fmt_change(1.25), fmt_change(-0.5), fmt_change(None)) == ("+1,25", "-0,50", "")


def test_report_has_ranking_sheets_then_unit_sheets_and_escapes_names(
    session: Session, tmp_path: Path
) -> None:
    campaign, (a, b) = scoring_campaign(session, ["a", "b"])
    a.name = "<script>alert(1)</script>"
    session.add(a)
    submit(session, campaign, a, {"1.1": 2.0, "1.2.1": 1.0, "1.2.2": 0.5})
    submit(session, campaign, b, {"1.1": 1.0, "1.2.1": 1.0, "1.2.2": 0.5})
    compute_results(session=session, campaign_id=campaign.id)
    paths = write_report(session=session, campaign=campaign, folder=tmp_path)
    book = load_workbook(paths["xlsx"])
    assert book.sheetnames == ["Tổng hợp", "XH Sở, ban, ngành", "a", "b"]
    assert [c.value for c in book["a"][3]] == [
        "Mã",
        "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
        "Điểm tối đa",
        "Tự đánh giá",
        "Kết quả thẩm định",
        "Điều tra xã hội học",
        "Điểm đạt được",
        "Chỉ số",
        "Ghi chú",
    ]
    ranking = book["XH Sở, ban, ngành"]
    assert [ranking.cell(4, c).value for c in (1, 2, 8)] == [
        1,
        "<script>alert(1)</script>",
        3.5 / 7 * 100,
    ]
    html = Path(paths["html"]).read_text(encoding="utf-8")
    assert "<script" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert (
        "50,00" in html
        and "Xếp hạng" in html
        and "http" not in html.replace("http://www.w3.org", "")
    )
    assert [r["unit_code"] for r in paths["results"]] == ["a", "b"]


@pytest.mark.browser
def test_report_renders_in_chromium(sqlite_only: Engine, tmp_path: Path) -> None:
    """Build a Lai Châu sample (2023 and 2024), render the HTML headless and keep the screenshot."""
    chromium = shutil.which("chromium")
    assert chromium, "Debian's chromium is needed (apt-get install -y chromium)"
    with Session(sqlite_only, expire_on_commit=False) as session:
        campaign = sample_campaign(session)
        paths = write_report(session=session, campaign=campaign, folder=tmp_path)
        units = len(session.exec(select(OrgUnit)).all())
    html = Path(paths["html"]).read_text(encoding="utf-8")
    assert (
        html.count("<svg") == 3 * 2 + 2
    )  # bars + heat map per block (3 blocks), distribution, year
    assert "So sánh với năm trước (2023)" in html and units > 28
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    png = ARTIFACTS / "report.png"
    png.unlink(missing_ok=True)
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            f"--screenshot={png}",
            "--window-size=1280,2600",
            f"file://{paths['html']}",
        ],
        check=True,
        capture_output=True,
        timeout=90,
    )
    assert png.stat().st_size > 50_000
