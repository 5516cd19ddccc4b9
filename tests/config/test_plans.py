"""The seeds' plans: stages, windows (from the plans' own wording), leads and cooperating units."""

from __future__ import annotations

from datetime import date, datetime

import pytest

import config
from cchc.clock import LOCAL_TZ
from tests.config.conftest import CONFIG

THREE_SO = ["so-tu-phap", "so-tai-chinh", "so-thong-tin-va-truyen-thong"]


def local(*args: int) -> datetime:
    """A datetime in Asia/Ho_Chi_Minh."""
    return datetime(*args, tzinfo=LOCAL_TZ)


def test_bac_kan_plan_has_the_15_stages_of_seed_004() -> None:
    plan = config.load_plan(CONFIG / "plans" / "bac-kan-2023.yaml")
    months = [(s.opens_at.date(), s.due_at.date()) for s in plan.stages]
    expected = (
        [(date(2023, 10, 1), date(2023, 10, 31))] * 3
        + [(date(2023, 11, 1), date(2023, 11, 30))] * 2
        # Sun 31/12/2023 then the 1/1 holiday: rolled to Tue 02/01/2024 (Civil Code art. 148(5)).
        + [(date(2023, 12, 1), date(2024, 1, 2))] * 5
        + [(date(2024, 1, 1), date(2024, 1, 31))]
        + [(date(2024, 2, 1), date(2024, 2, 29))] * 4
    )
    assert months == expected
    assert [s.deadline for s in plan.stages][9:11] == ["Tháng 12/2023", "Tháng 01/2024"]
    assert plan.stages[-1].due_at == local(2024, 2, 29, 23, 59, 59)
    kinds = [s.kind for s in plan.stages]
    assert kinds[0] == "guidance" and kinds[3] == "survey" and kinds[4] == "self_assessment"
    assert kinds[5] == "appraisal" and kinds[11] == "council_session"
    assert kinds[13:] == ["approval", "publication"]


def test_bac_kan_leads_and_cooperating_resolve() -> None:
    plan = config.load_plan(CONFIG / "plans" / "bac-kan-2023.yaml")
    first = plan.stages[0]
    assert first.lead_units == ["so-noi-vu"]
    assert first.cooperating_units == ["van-phong-ubnd-tinh", *THREE_SO]
    communes = plan.stage("xa-tu-danh-gia")
    assert len(communes.scope_units) == 108 and communes.cooperating == ["all_districts"]
    assert len(plan.stage("huyen-tham-dinh-xa").lead_units) == 8
    assert len(plan.stage("so-huyen-tu-danh-gia").scope_units) == 18 + 8
    assert plan.stage("tham-dinh-so-huyen").lead_units == ["to-tham-dinh"]
    assert plan.stage("cong-bo").lead_units == ["ubnd-tinh"]
    assert set(plan.criteria) == {"bac-kan-2023-so", "bac-kan-2023-huyen", "bac-kan-2023-xa"}
    assert plan.stages[0].reminders.before == [5, 2] and plan.stages[0].late == "accept_flag"


def test_ha_noi_plan_has_7_stages_from_launch_to_publication() -> None:
    plan = config.load_plan(CONFIG / "plans" / "ha-noi-2017.yaml")
    assert len(plan.stages) == 7
    assert plan.stages[0].opens_at == local(2017, 7, 1)
    assert plan.stage("dieu-tra-xhh").deadline == "Từ tháng 8/2017 đến tháng 11/2017."
    assert plan.stage("dieu-tra-xhh").due_at.date() == date(2017, 11, 30)
    # "trước ngày 30/10/2017": the last day, Sun 29/10, is a day off → rolled to Mon 30/10.
    assert plan.stage("tu-danh-gia").due_at == local(2017, 10, 30, 23, 59, 59)
    assert plan.stage("tu-danh-gia").rule == "before_day+rolled_forward"
    assert plan.stages[-1].due_at.date() == date(2018, 1, 31)
    assert plan.stage("hop-hoi-dong-tham-dinh").needs_review


def test_ha_tinh_plan_deadlines_match_seed_001() -> None:
    plan = config.load_plan(CONFIG / "plans" / "ha-tinh-2021.yaml")
    assert plan.stage("thanh-lap-hoi-dong-huyen").due_at < local(2021, 10, 30)
    assert plan.stage("xa-tu-danh-gia").due_at == local(2021, 11, 10, 23, 59, 59)
    assert plan.stage("tu-danh-gia-gui-tinh").due_at == local(2021, 11, 25, 23, 59, 59)
    assert plan.stage("huyen-tham-dinh-xa").due_at < local(2021, 11, 25)
    council = plan.stage("tinh-tham-dinh")
    assert (council.opens_at, council.due_at) == (
        local(2021, 12, 1),
        local(2021, 12, 31, 23, 59, 59),
    )
    assert "cuc-thue-tinh" in council.cooperating_units
    assert set(plan.stage("tu-danh-gia-gui-tinh").scope_units) >= {"cuc-thue-tinh", "so-noi-vu"}


def test_lai_chau_2018_plan_deadlines_match_seed_000() -> None:
    plan = config.load_plan(CONFIG / "plans" / "lai-chau-2018.yaml")
    scoring, consolidation, survey = plan.stages
    assert scoring.due_at == local(2018, 2, 5, 23, 59, 59)
    assert consolidation.due_at < local(2018, 2, 10)
    # "Tháng 02-03/2018" ends Sat 31/03/2018, a day off: rolled to Mon 02/04/2018.
    assert (survey.opens_at.date(), survey.due_at.date()) == (date(2018, 2, 1), date(2018, 4, 2))
    assert "buu-dien-tinh" in survey.cooperating_units


def test_quoted_window_dates_mean_whole_days(tmp_path):
    """A quoted `due: "2024-02-16"` is the end of that day, not its midnight."""
    from config.schema.plan import WindowOverride

    window = WindowOverride.model_validate({"opens": "2024-02-01", "due": "2024-02-16"})
    assert (type(window.opens), type(window.due)) == (date, date)
    assert WindowOverride.model_validate({"due": "2024-02-16T10:00:00"}).due.hour == 10


def test_a_receipt_clock_of_no_working_days_is_refused():
    from pydantic import ValidationError as Invalid

    from config.schema.plan import PlanStage

    base = {"code": "bao-cao", "title": "Báo cáo", "kind": "generic", "lead": "so-noi-vu"}
    assert PlanStage.model_validate({**base, "from_receipt_days": 10}).from_receipt_days == 10
    with pytest.raises(Invalid, match="from_receipt_days"):
        PlanStage.model_validate({**base, "from_receipt_days": 0})
