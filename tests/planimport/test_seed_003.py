"""Seed 003 (Hà Nội 2017): a table written one cell per tab-led line, rows parted by blanks."""

from __future__ import annotations

from datetime import date

import pytest

from planimport import import_plan
from tests.planimport.conftest import seed
from tests.planimport.helpers import stages, window


@pytest.fixture(scope="module")
def result():
    """The imported Hà Nội plan."""
    return import_plan(seed("003"))


def test_import_003_reads_seven_stages_from_launch_to_publication(result) -> None:
    s = stages(result)
    plan = result.plan
    assert (plan["province"], plan["year"], result.shape) == ("ha-noi", 2017, "cell_lines")
    assert len(s) == 7
    assert s[0]["title"].startswith("Tổ chức Hội nghị triển khai") and window(s[0]) == (
        date(2017, 7, 1), date(2017, 7, 31))
    assert s[6]["kind"] == "publication" and window(s[6]) == (date(2018, 1, 1), date(2018, 1, 31))
    assert window(s[2]) == (date(2017, 8, 1), date(2017, 11, 30))


def test_import_003_stage_4_is_due_before_30_october(result) -> None:
    s4 = stages(result)[3]
    assert "trước ngày 30/10/2017" in s4["deadline"]
    assert window(s4)[1] == date(2017, 10, 29)  # "trước ngày D": the last day allowed is D - 1
    assert s4["kind"] == "self_assessment" and s4["scope"] == {"kinds": ["department", "district"]}


def test_import_003_stage_6_takes_its_date_from_the_requirement_and_asks_review(result) -> None:
    s6 = stages(result)[5]
    assert s6["kind"] == "council_session" and s6["lead"] == ["hoi-dong-tham-dinh"]
    assert s6["deadline"] == "trước ngày 15/11/2017" and window(s6)[1] == date(2017, 11, 14)
    assert s6["needs_review"] is True
    [review] = result.reviews
    assert (review.line, review.stage, review.field) == (81, "s06", "thời hạn")


def test_import_003_resolves_research_institute_and_city_inspectorate(result) -> None:
    s = stages(result)
    assert s[2]["lead"] == ["vien-nghien-cuu-phat-trien-kt-xh"]
    assert "thanh-tra-thanh-pho" in s[4]["cooperating"]
