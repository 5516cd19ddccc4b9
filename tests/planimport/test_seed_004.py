"""Seed 004 (Bắc Kạn 2023): a 15-row tab table whose header repeats with <b> markup."""

from __future__ import annotations

from datetime import date

import pytest

from planimport import import_plan
from tests.planimport.conftest import seed
from tests.planimport.helpers import stages, window

SECTION_1 = ["van-phong-ubnd-tinh", "so-tu-phap", "so-tai-chinh", "so-thong-tin-va-truyen-thong"]


@pytest.fixture(scope="module")
def result():
    """The imported Bắc Kạn plan."""
    return import_plan(seed("004"))


def test_import_004_reads_province_year_and_fifteen_stages(result) -> None:
    plan = result.plan
    assert (plan["province"], plan["year"], result.shape) == ("bac-kan", 2023, "table")
    assert len(stages(result)) == 15
    assert result.reviews == []


def test_import_004_windows_run_from_october_to_february_with_years(result) -> None:
    months = [(window(s)[0], window(s)[1]) for s in stages(result)]
    assert months[0] == (date(2023, 10, 1), date(2023, 10, 31))
    assert months[10] == (date(2024, 1, 1), date(2024, 1, 31))  # "Tháng 01/2024"
    assert months[14] == (date(2024, 2, 1), date(2024, 2, 29))
    assert [s["deadline"] for s in stages(result)][:3] == ["Tháng 10/2023"] * 3


def test_import_004_resolves_leads_and_cooperating(result) -> None:
    s = stages(result)
    assert s[0]["lead"] == ["so-noi-vu"] and s[0]["cooperating"] == SECTION_1
    assert s[4]["lead"] == ["all_communes"] and s[4]["cooperating"] == ["all_districts"]
    assert s[4]["scope"] == {"kinds": ["commune"]}
    assert s[6]["lead"] == ["all_departments", "all_districts"]
    assert s[6]["cooperating"] == ["van-phong-ubnd-tinh", "so-noi-vu", *SECTION_1[1:]]
    assert s[10]["lead"] == ["to-tham-dinh"] and s[14]["lead"] == ["ubnd-tinh"]


def test_import_004_reads_kinds_and_dependencies(result) -> None:
    kinds = [s["kind"] for s in stages(result)]
    assert kinds[0] == "guidance" and kinds[3] == "survey" and kinds[4] == "self_assessment"
    assert kinds[5] == "appraisal" and kinds[10] == "appraisal" and kinds[11] == "council_session"
    assert kinds[13:] == ["approval", "publication"]
    s = stages(result)
    assert "s05" in s[5]["depends_on"]  # districts appraise what their communes sent
    assert "s07" in s[10]["depends_on"]  # the team appraises the departments' self-assessment
    assert "s14" in s[14]["depends_on"]  # publication after approval
