"""Floats never drift into what users see: JSON, XLSX and HTML show the rounded decimal."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from sqlmodel import Session

from cchc.wording.numbers import exact, fmt_vn, rounded
from models import Result
from report.build import write_report
from tests.world.scoring import scoring_campaign

DRIFT = 94.14999999999999  # what a float computation gives for 94.15
TENTHS = 0.1 + 0.2  # 0.30000000000000004


def test_exact_rounds_the_decimal_a_person_reads() -> None:
    assert (exact(DRIFT, 2), exact(DRIFT, 1), exact(TENTHS, 2)) == (
        Decimal("94.15"),
        Decimal("94.2"),
        Decimal("0.30"),
    )
    assert (json.dumps(rounded(61.25000000000001)), json.dumps(rounded(TENTHS))) == ("61.25", "0.3")
    assert (fmt_vn(DRIFT), fmt_vn(DRIFT, 1), fmt_vn(TENTHS)) == ("94,15", "94,2", "0,30")


def test_json_xlsx_and_html_show_rounded_decimals(session: Session, tmp_path: Path) -> None:
    campaign, (unit,) = scoring_campaign(session, ["a"])
    session.add(
        Result(
            campaign_id=campaign.id,
            unit_id=unit.id,
            rank_group="department",
            max_points=7.0,
            self_points=TENTHS,
            appraised_points=TENTHS,
            survey_points=61.25000000000001,
            achieved_points=TENTHS + 61.25000000000001,
            index_value=DRIFT,
            rank=1,
        )
    )
    session.commit()
    paths = write_report(session=session, campaign=campaign, folder=tmp_path)
    text = json.dumps(paths["results"])
    assert '"index_value": 94.15' in text and '"survey_points": 61.25' in text
    assert '"self_points": 0.3' in text and "0000000" not in text and "9999999" not in text
    assert json.dumps(paths["blocks"][0]["mean"]) == "94.15"
    cell = load_workbook(paths["xlsx"])["XH Sở, ban, ngành"].cell(4, 8)
    assert (cell.value, cell.number_format) == (94.15, "0.00")
    assert load_workbook(paths["xlsx"])["XH Sở, ban, ngành"].cell(4, 4).value == 0.3
    html = Path(paths["html"]).read_text(encoding="utf-8")
    assert "94,15" in html and "0,30" in html and "94,14" not in html
