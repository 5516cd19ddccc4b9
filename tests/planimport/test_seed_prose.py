"""Seeds 000 (Lai Châu 2018) and 001 (Hà Tĩnh 2021): deadlines stated in free prose."""

from __future__ import annotations

from datetime import date

from planimport import import_plan
from tests.planimport.conftest import seed
from tests.planimport.helpers import by_deadline, stages, window


def test_import_001_reads_commune_department_and_council_deadlines() -> None:
    result = import_plan(seed("001"))
    assert (result.plan["province"], result.plan["year"]) == ("ha-tinh", 2021)
    communes = by_deadline(result, "10/11/2021")
    assert communes["lead"] == ["all_communes"] and "all_districts" in communes["cooperating"]
    assert window(communes)[1] == date(2021, 11, 10) and communes["kind"] == "self_assessment"
    provincial = by_deadline(result, "chậm nhất là ngày 25/11/2021")
    assert window(provincial)[1] == date(2021, 11, 25)
    assert set(provincial["lead"]) == {"all_departments", "all_districts", "all_central_agencies"}
    district_councils = by_deadline(result, "trước ngày 25/11/2021")
    assert district_councils["lead"] == ["all_districts"]
    assert district_councils["kind"] == "appraisal"
    assert window(district_councils)[1] == date(2021, 11, 24)
    assert communes["code"] in district_councils["depends_on"]
    council = by_deadline(result, "tháng 12/2021")
    assert council["lead"] == ["hoi-dong-tham-dinh-tinh"]
    assert window(council) == (date(2021, 12, 1), date(2021, 12, 31))


def test_import_001_ignores_dates_of_cited_decisions() -> None:
    result = import_plan(seed("001"))
    deadlines = [s["deadline"] for s in stages(result)]
    assert not any("22/6/2021" in d or "11/10/2021" in d for d in deadlines)
    assert len(deadlines) == 5


def test_import_000_reads_self_scoring_consolidation_and_survey() -> None:
    result = import_plan(seed("000"))
    assert (result.plan["province"], result.plan["year"]) == ("lai-chau", 2017)
    assert result.plan["decision_no"] == "146/KH-UBND"
    scoring = by_deadline(result, "05/02/2018")
    assert scoring["kind"] == "self_assessment" and window(scoring)[1] == date(2018, 2, 5)
    consolidation = by_deadline(result, "10/02/2018")
    assert window(consolidation)[1] == date(2018, 2, 9)
    assert consolidation["lead"] == ["so-noi-vu"] and scoring["code"] in consolidation["depends_on"]
    survey = by_deadline(result, "02-03/2018")
    assert survey["kind"] == "survey" and window(survey) == (date(2018, 2, 1), date(2018, 3, 31))
    assert "buu-dien-tinh" in survey["cooperating"]
    assert "so-khoa-hoc-va-cong-nghe" in scoring["cooperating"]


def test_import_000_flags_the_vague_self_scoring_units() -> None:
    result = import_plan(seed("000"))
    scoring = by_deadline(result, "05/02/2018")
    assert scoring["needs_review"] and scoring["review_notes"][0].startswith("dòng 40:")
