"""Seed 002 (Lai Châu 2024): the four special agencies' totals, and a worked example by hand."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from sqlmodel import Session, select

from cchc.wording.numbers import fmt_vn
from config import load_criteria_set
from models import CriteriaItem, CriteriaSet, Result
from models.catalog.sync import sync_criteria_set
from models.results.compute import compute_results
from models.scoring.appraisals import accept_all, appraise_item
from models.scoring.survey import import_survey_points
from tests.world.campaigns import make_campaign
from tests.world.catalog import make_unit
from tests.world.scoring import scoring_campaign, submit

CRITERIA = Path(__file__).resolve().parents[2] / "config" / "criteria"
SPECIAL = {  # unit code: (set file, total, self part, survey part), as seed 002 states them
    "thanh-tra-tinh": ("lai-chau-2024-thanh-tra", 91.0, 68.0, 23.0),
    "ban-dan-toc": ("lai-chau-2024-ban-dan-toc", 70.5, 50.5, 20.0),
    "van-phong-ubnd-tinh": ("lai-chau-2024-van-phong-ubnd", 72.75, 52.75, 20.0),
    "so-ngoai-vu": ("lai-chau-2024-so-ngoai-vu", 66.25, 46.25, 20.0),
}


@functools.cache
def _config(name: str):  # type: ignore[no-untyped-def]
    return load_criteria_set(CRITERIA / f"{name}.yaml")


def _campaign(session: Session, code: str):  # type: ignore[no-untyped-def]
    """Sync one special set; add its unit and a Lai Châu 2024 campaign with an open stage."""
    from tests.world.campaigns import make_stage
    from tests.world.scoring import DUE, OPENS

    cset = sync_criteria_set(session=session, cset_cfg=_config(SPECIAL[code][0]))
    unit = make_unit(session, code, rank_group="special", province="lai-chau")
    campaign = make_campaign(session, "lai-chau-2024")
    campaign.province_code = "lai-chau"
    make_stage(
        session, campaign, "tu-danh-gia", "self_assessment", opens=OPENS, due=DUE, units=[unit]
    )
    session.commit()
    return cset, unit, campaign


def _leaves(session: Session, cset: CriteriaSet, method: str) -> list[CriteriaItem]:
    return list(
        session.exec(
            select(CriteriaItem).where(
                CriteriaItem.criteria_set_id == cset.id,
                CriteriaItem.is_leaf,
                CriteriaItem.method == method,
            )
        ).all()
    )


def _survey_csv(tmp_path: Path, unit: str, leaves: list[CriteriaItem], share: float) -> Path:
    path = tmp_path / "diem-xhh.csv"
    lines = ["unit,item,points"] + [f"{unit},{i.code},{i.max_points * share!r}" for i in leaves]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.mark.parametrize("code", list(SPECIAL))
def test_full_marks_reach_the_seed_totals(session: Session, tmp_path: Path, code: str) -> None:
    """91.0 = 68.0 + 23; 70.5 = 50.5 + 20; 72.75 = 52.75 + 20; 66.25 = 46.25 + 20 → index 100."""
    _file, total, self_part, survey_part = SPECIAL[code]
    cset, unit, campaign = _campaign(session, code)
    submit(session, campaign, unit, {i.code: i.max_points for i in _leaves(session, cset, "self")})
    accept_all(session=session, campaign_id=campaign.id, unit_id=unit.id, actor="snv")
    import_survey_points(
        session=session,
        campaign_id=campaign.id,
        actor="snv",
        path=_survey_csv(tmp_path, code, _leaves(session, cset, "survey"), 1.0),
    )
    compute_results(session=session, campaign_id=campaign.id)
    row = session.exec(select(Result)).one()
    assert (
        row.appraised_points,
        row.survey_points,
        row.achieved_points,
        row.max_points,
    ) == pytest.approx((self_part, survey_part, total, total))
    assert (row.index_value, row.rank_group, row.rank) == (pytest.approx(100.0), "special", 1)


def test_worked_example_thanh_tra(session: Session, tmp_path: Path) -> None:
    """Thanh tra tỉnh, max 91.0 (68.0 self + 23 survey), computed by hand:

    self-assessed full marks: 68.0; the appraiser lowers 1.3 (max 1) to 0.5 → appraised 67.5;
    survey points 80% of each survey leaf → 0.8 x 23 = 18.4;
    achieved = 67.5 + 18.4 = 85.9; index = 85.9 / 91 x 100 = 94.3956… → published "94,40".
    """
    cset, unit, campaign = _campaign(session, "thanh-tra-tinh")
    submit(session, campaign, unit, {i.code: i.max_points for i in _leaves(session, cset, "self")})
    appraise_item(
        session=session,
        campaign_id=campaign.id,
        unit_id=unit.id,
        item_code="1.3",
        decision="adjusted",
        score=0.5,
        reason="Chưa kiểm tra đủ 30% đơn vị",
        actor="snv",
    )
    accept_all(session=session, campaign_id=campaign.id, unit_id=unit.id, actor="snv")
    import_survey_points(
        session=session,
        campaign_id=campaign.id,
        actor="snv",
        path=_survey_csv(tmp_path, "thanh-tra-tinh", _leaves(session, cset, "survey"), 0.8),
    )
    compute_results(session=session, campaign_id=campaign.id)
    row = session.exec(select(Result)).one()
    assert (row.self_points, row.appraised_points) == pytest.approx((68.0, 67.5))
    assert (row.survey_points, row.achieved_points) == pytest.approx((18.4, 85.9))
    assert row.index_value == pytest.approx(94.3956043956, abs=1e-9)
    assert fmt_vn(row.index_value) == "94,40"


def test_tiny_set_sums(session: Session) -> None:
    """The factory set used elsewhere: 4 self + 3 survey = 7."""
    campaign, (unit,) = scoring_campaign(session, ["a"])
    submit(session, campaign, unit, {"1.1": 2.0, "1.2.1": 1.0, "1.2.2": 1.0})
    compute_results(session=session, campaign_id=campaign.id)
    assert session.exec(select(Result)).one().max_points == 7.0
