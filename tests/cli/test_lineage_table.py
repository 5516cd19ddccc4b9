"""`cchc results` shows the change across the 2025 reorganisation (tests/world/lineage.py)."""

from __future__ import annotations

from rich.console import Console
from sqlmodel import Session

from cli.score_views import results_table
from models.results.read import list_results
from tests.world.lineage import merged_province


def test_results_table_says_not_comparable_across_tiers(session: Session) -> None:
    """Sở NN&MT: (84 + 90) / 2 = 87 → 89: +2,00; Xã Đông (a former district): not comparable."""
    rows = list_results(session=session, campaign_id=merged_province(session).id)
    console = Console(width=250, record=True)
    console.print(results_table(rows))
    lines = {
        line.split("│")[3].strip(): line
        for line in console.export_text().splitlines()
        if line.count("│") > 5
    }
    assert lines["Xã Đông"].rstrip(" │").endswith("không so sánh được")
    assert lines["Sở Nông nghiệp và Môi trường"].rstrip(" │").endswith("+2,00")
