"""The published report words the rank rules in force and titles blocks from unit kinds."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from sqlmodel import Session

from models.results.compute import compute_results
from report.build import write_report
from tests.world.scoring import scoring_campaign, submit


def test_report_words_the_tie_break_chain_not_a_fixed_sentence(
    session: Session, tmp_path: Path
) -> None:
    campaign, (a, b) = scoring_campaign(session, ["a", "b"])
    campaign.policy = {"rank": {"method": "dense", "tie_break": ["appraised_points"]}}
    session.add(campaign)
    submit(session, campaign, a, {"1.1": 2.0, "1.2.1": 1.0, "1.2.2": 0.5})
    submit(session, campaign, b, {"1.1": 1.0, "1.2.1": 1.0, "1.2.2": 0.5})
    compute_results(session=session, campaign_id=campaign.id)
    paths = write_report(session=session, campaign=campaign, folder=tmp_path)
    html = Path(paths["html"]).read_text(encoding="utf-8")
    assert "xếp tiếp theo điểm thẩm định" in html and "1, 2, 2, 3" in html
    assert "(làm tròn 2 chữ số) đồng hạng" not in html
    summary = load_workbook(paths["xlsx"])["Tổng hợp"]
    assert "xếp tiếp theo điểm thẩm định" in summary["A3"].value
    assert [summary.cell(6, c).value for c in (1, 2, 3, 4, 5, 6)] == [
        "Sở, ban, ngành",
        2,
        42.86,  # a 3,5 / 7 = 50,00; b 2,5 / 7 = 35,71; (50 + 35,71) / 2 = 42,855 → 42,86
        42.86,
        35.71,
        50,
    ]
    assert paths["blocks"][0]["count"] == 2 and paths["rank_rules"].startswith("Xếp hạng")


def test_ranking_axis_shows_differences_between_close_indices() -> None:
    """Indices of 81 to 87 get an axis from 80, not 0: their bars differ visibly."""
    from types import SimpleNamespace

    from report.charts import axis, ranking_bars

    assert axis([81.2, 86.9]) == (80, 87, 1)
    assert axis([0.0, 46.43]) == (0, 50, 10)
    rows = [
        SimpleNamespace(rank=i + 1, tied=False, unit_name=f"u{i}", index_value=v, band="A")
        for i, v in enumerate((86.9, 81.2))
    ]
    svg = str(ranking_bars(rows, ["A"], "x"))
    assert "Trục chỉ số bắt đầu từ 80" in svg
    widths = [
        float(p.split('"')[0])
        for p in svg.split('rect class="rank-bar"')[1:]
        for p in [p.split('width="')[1]]
    ]
    assert widths[0] > 5 * widths[1]  # 6,9 vs 1,2 above the axis start
