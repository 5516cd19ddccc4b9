"""compute_campaigns: several campaigns in one call give what computing each alone gives."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from cchc.errors import ResultsFrozen
from models import AuditEntry, Result
from models.results.compute import compute_campaigns, compute_results
from tests.world.many import many_campaigns

RESULT = """SELECT c.code, u.code, r.rank_group, r.max_points, r.self_points, r.appraised_points,
  r.survey_points, r.achieved_points, r.index_value, r.rank, r.tied, r.band
FROM result r JOIN campaign c ON c.id = r.campaign_id JOIN org_unit u ON u.id = r.unit_id
ORDER BY c.code, u.code"""
FIELDS = """SELECT c.code, u.code, f.field_code, f.max_points, f.achieved_points, f.self_points,
  f.appraised_points, f.survey_points
FROM field_result f JOIN campaign c ON c.id = f.campaign_id JOIN org_unit u ON u.id = f.unit_id
ORDER BY c.code, u.code, f.field_code"""


def _rows(session: Session) -> tuple[list, list]:
    """Every result and field row, keyed by codes (ids of new rows differ between runs)."""
    return (
        [tuple(r) for r in session.execute(sa.text(RESULT))],
        [tuple(r) for r in session.execute(sa.text(FIELDS))],
    )


def _clear(session: Session) -> None:
    session.execute(sa.text("DELETE FROM field_result"))
    session.execute(sa.text("DELETE FROM result"))
    session.commit()


def test_many_campaigns_in_one_call_equal_each_computed_alone(session: Session) -> None:
    campaigns = many_campaigns(session)
    for campaign in campaigns:
        compute_results(session=session, campaign_id=campaign.id)
    session.commit()
    alone = _rows(session)
    _clear(session)
    counts = compute_campaigns(session=session, campaign_ids=[c.id for c in campaigns])
    session.commit()
    assert [counts[c.id] for c in campaigns] == [3, 2, 3]
    assert _rows(session) == alone
    ranks = {(c, u): (rank, tied) for c, u, *_, rank, tied, _band in alone[0]}
    # hg-2024 ranks dense (x, y tied first, z second); test-2025 is its own ranking of a, b.
    assert [ranks["hg-2024", u] for u in "xyz"] == [(1, True), (1, True), (2, False)]
    assert [ranks["test-2025", u][0] for u in "ab"] == [1, 2]
    assert len(alone[1]) == 8 * 2  # two fields for each of the 8 (campaign, unit) pairs


def test_recomputing_many_updates_in_place_and_audits_each_campaign(session: Session) -> None:
    campaigns = many_campaigns(session)
    ids = [c.id for c in campaigns]
    compute_campaigns(session=session, campaign_ids=ids, actor="so-noi-vu")
    session.commit()
    first = _rows(session)
    compute_campaigns(session=session, campaign_ids=ids, actor="so-noi-vu")
    session.commit()
    assert _rows(session) == first
    audits = session.exec(select(AuditEntry).where(AuditEntry.action == "compute_results")).all()
    assert sorted((a.campaign_id, a.actor) for a in audits) == sorted(
        [(cid, "so-noi-vu") for cid in ids] * 2
    )


def test_many_is_refused_when_one_campaign_is_approved(session: Session) -> None:
    campaigns = many_campaigns(session)
    compute_results(session=session, campaign_id=campaigns[1].id)
    session.execute(sa.update(Result).values(frozen_at=sa.func.now()))
    session.commit()
    with pytest.raises(ResultsFrozen):
        compute_campaigns(session=session, campaign_ids=[c.id for c in campaigns])


@pytest.mark.parametrize("engine", ["postgres"], indirect=True)
def test_the_planner_settings_are_the_callers_again_afterwards(session: Session) -> None:
    """jit, work_mem and enable_sort are switched for the statements only (PostgreSQL)."""
    campaigns = many_campaigns(session)
    names = ("jit", "work_mem", "enable_sort", "enable_nestloop")
    read = "SELECT " + ", ".join(f"current_setting('{n}')" for n in names)
    session.execute(sa.text("SET LOCAL work_mem = '3MB'"))
    before = tuple(session.execute(sa.text(read)).one())
    compute_campaigns(session=session, campaign_ids=[c.id for c in campaigns])
    assert tuple(session.execute(sa.text(read)).one()) == before
    assert before[1] == "3MB"


def test_a_recompute_after_changes_equals_a_fresh_computation(session: Session) -> None:
    """Changed points rewrite their rows, a unit that left the scope loses its rows."""
    campaigns = many_campaigns(session)
    ids = [c.id for c in campaigns]
    compute_campaigns(session=session, campaign_ids=ids)
    session.commit()
    session.execute(sa.text("UPDATE survey_score SET points = points / 2"))
    session.execute(sa.text("UPDATE org_unit SET active = FALSE WHERE code = 'z'"))
    session.commit()
    compute_campaigns(session=session, campaign_ids=ids)
    session.commit()
    again = _rows(session)
    _clear(session)
    for campaign in campaigns:
        compute_results(session=session, campaign_id=campaign.id)
    session.commit()
    assert again == _rows(session)
    assert not [row for row in again[1] if row[1] == "z"]
    assert len(again[1]) == 7 * 2
