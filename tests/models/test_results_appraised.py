"""Results after appraisal: none, some or every leaf appraised, and the council's final score."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from models import Assignment, CriteriaItem, FieldResult, Result, Stage, SurveyScore
from models.results.compute import compute_results
from models.scoring.appraisals import accept_all, appraise_item, get_appraisal
from tests.world.catalog import make_unit
from tests.world.scoring import scoring_campaign, submit


def test_points_mix_appraised_and_not_yet_appraised_leaves(session: Session) -> None:
    """a: not appraised (self 3.5); b: 1.1 lowered 2 → 1.5, the rest not yet appraised
    (self 4.0, appraised 3.5); c: all accepted, then the council raises 1.2.1 to 1.0
    (self 2.5, appraised 3.0) plus survey 2.0. Max 7: a, b 50 (tied), c 71.43."""
    campaign, units = scoring_campaign(session, ["a", "b", "c"])
    a, b, c = units
    submit(session, campaign, a, {"1.1": 2.0, "1.2.1": 1.0, "1.2.2": 0.5})
    submit(session, campaign, b, {"1.1": 2.0, "1.2.1": 1.0, "1.2.2": 1.0})
    submit(session, campaign, c, {"1.1": 1.5, "1.2.1": 0.5, "1.2.2": 0.5})
    appraise_item(
        session=session,
        campaign_id=campaign.id,
        unit_id=b.id,
        item_code="1.1",
        decision="adjusted",
        score=1.5,
        reason="Thiếu kế hoạch",
        actor="snv",
    )
    accept_all(session=session, campaign_id=campaign.id, unit_id=c.id, actor="snv")
    leaf = session.exec(select(CriteriaItem).where(CriteriaItem.code == "1.2.1")).one()
    row = get_appraisal(session=session, campaign_id=campaign.id, unit_id=c.id, item_id=leaf.id)
    assert row is not None
    row.final_score = 1.0
    survey = session.exec(select(CriteriaItem).where(CriteriaItem.code == "2.1")).one()
    session.add(SurveyScore(campaign_id=campaign.id, unit_id=c.id, item_id=survey.id, points=2.0))
    session.commit()

    assert compute_results(session=session, campaign_id=campaign.id) == 3
    session.commit()
    rows = {r.unit_id: r for r in session.exec(select(Result)).all()}
    got = {
        u.code: (
            rows[u.id].self_points,
            rows[u.id].appraised_points,
            rows[u.id].survey_points,
            rows[u.id].rank,
        )
        for u in units
    }
    assert got == {"a": (3.5, 3.5, 0.0, 2), "b": (4.0, 3.5, 0.0, 2), "c": (2.5, 3.0, 2.0, 1)}
    assert rows[c.id].index_value == pytest.approx(500 / 7)
    fields = {
        (f.unit_id, f.field_code): (f.self_points, f.appraised_points, f.survey_points)
        for f in session.exec(select(FieldResult)).all()
    }
    assert fields[(b.id, "1")] == (4.0, 3.5, 0.0)
    assert fields[(c.id, "1")] == (2.5, 3.0, 0.0)
    assert fields[(c.id, "2")] == (0.0, 0.0, 2.0)
    assert fields[(a.id, "2")] == (0.0, 0.0, 0.0)


def test_recompute_updates_rows_in_place_and_drops_units_out_of_scope(session: Session) -> None:
    """A recompute keeps each unit's row (same id, new points) and drops a dissolved unit's."""
    campaign, units = scoring_campaign(session, ["a", "b", "c"])
    a, b, c = units
    for unit in units:
        submit(session, campaign, unit, {"1.1": 2.0, "1.2.1": 1.0, "1.2.2": 0.5})
    assert compute_results(session=session, campaign_id=campaign.id) == 3
    session.commit()
    before = {r.unit_id: r.id for r in session.exec(select(Result)).all()}
    appraise_item(
        session=session,
        campaign_id=campaign.id,
        unit_id=b.id,
        item_code="1.1",
        decision="adjusted",
        score=1.0,
        reason="Thiếu báo cáo",
        actor="snv",
    )
    a.active = False  # merged away between two computations
    session.add(a)
    session.commit()

    assert compute_results(session=session, campaign_id=campaign.id) == 2
    session.commit()
    session.expire_all()
    rows = {r.unit_id: r for r in session.exec(select(Result)).all()}
    assert set(rows) == {b.id, c.id}
    assert {u: rows[u].id for u in rows} == {b.id: before[b.id], c.id: before[c.id]}
    assert (rows[b.id].appraised_points, rows[b.id].rank) == (2.5, 2)
    assert (rows[c.id].appraised_points, rows[c.id].rank) == (3.5, 1)
    assert {f.unit_id for f in session.exec(select(FieldResult)).all()} == {b.id, c.id}


def test_recompute_adds_a_unit_that_joined_while_updating_and_dropping_the_others(
    session: Session,
) -> None:
    """One recompute inserts a newly assigned unit, updates b in place and drops merged a."""
    campaign, units = scoring_campaign(session, ["a", "b"])
    a, b = units
    for unit in units:
        submit(session, campaign, unit, {"1.1": 2.0, "1.2.1": 1.0, "1.2.2": 0.5})
    assert compute_results(session=session, campaign_id=campaign.id) == 2
    session.commit()
    kept = session.exec(select(Result).where(Result.unit_id == b.id)).one().id
    d = make_unit(session, "d")
    stage = session.exec(select(Stage).where(Stage.campaign_id == campaign.id)).one()
    session.add(
        Assignment(
            stage_id=stage.id,
            unit_id=d.id,
            campaign_id=campaign.id,
            state="open",
            due_at=stage.due_at,
        )
    )
    a.active = False
    session.add(a)
    session.commit()
    submit(session, campaign, d, {"1.1": 2.0, "1.2.1": 1.0, "1.2.2": 1.0})

    assert compute_results(session=session, campaign_id=campaign.id) == 2
    session.commit()
    session.expire_all()
    rows = {r.unit_id: r for r in session.exec(select(Result)).all()}
    assert set(rows) == {b.id, d.id}
    assert rows[b.id].id == kept
    assert (rows[d.id].self_points, rows[d.id].rank, rows[b.id].rank) == (4.0, 1, 2)
