"""Index and ranking in SQL: ties at the published precision, renormalisation, bands, last year."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from cchc.wording.numbers import fmt_vn
from models import Campaign, Result, SurveyScore
from models.results.compute import compute_results
from models.results.read import list_results
from tests.world.campaigns import make_campaign
from tests.world.scoring import scoring_campaign, submit


def _survey(session: Session, campaign: Campaign, unit, points: float) -> None:  # type: ignore[no-untyped-def]
    from models import CriteriaItem

    item = session.exec(select(CriteriaItem).where(CriteriaItem.code == "2.1")).one()
    session.add(
        SurveyScore(campaign_id=campaign.id, unit_id=unit.id, item_id=item.id, points=points)
    )
    session.commit()


def _by_code(session: Session, campaign: Campaign) -> dict[str, object]:
    return {r.unit_code: r for r in list_results(session=session, campaign_id=campaign.id)}


def test_equal_published_indices_share_a_rank_and_show_the_tie(session: Session) -> None:
    """Max 7. a: 4+3 = 7 → 100; b: 3.5+2.9999 → 92.8557 ≈ 92,86; c: 3.5+3 → 92.8571 ≈ 92,86;
    d: 3+3 = 6 → 85.71. Ranks 1, 2, 2, 4 with b and c tied."""
    campaign, units = scoring_campaign(session, ["a", "b", "c", "d"])
    own = {"a": (2.0, 1.0, 1.0), "b": (2.0, 1.0, 0.5), "c": (2.0, 1.0, 0.5), "d": (2.0, 0.5, 0.5)}
    survey = {"a": 3.0, "b": 2.9999, "c": 3.0, "d": 3.0}
    for unit in units:
        s11, s121, s122 = own[unit.code]
        submit(session, campaign, unit, {"1.1": s11, "1.2.1": s121, "1.2.2": s122})
        _survey(session, campaign, unit, survey[unit.code])
    assert compute_results(session=session, campaign_id=campaign.id) == 4
    session.commit()
    rows = _by_code(session, campaign)
    assert [(c, rows[c].rank, rows[c].tied) for c in "abcd"] == [
        ("a", 1, False),
        ("b", 2, True),
        ("c", 2, True),
        ("d", 4, False),
    ]
    assert rows["b"].index_value == pytest.approx(6.4999 / 7 * 100)  # full precision is stored
    assert [fmt_vn(rows[c].index_value) for c in "abcd"] == ["100,00", "92,86", "92,86", "85,71"]


def test_without_a_survey_the_index_is_renormalised_over_the_self_part(session: Session) -> None:
    """has_survey False: the survey leaf (3) leaves the max; 3.5 / 4 x 100 = 87.5, not 3.5 / 7."""
    campaign, (unit,) = scoring_campaign(session, ["a"])
    campaign.has_survey = False
    session.add(campaign)
    submit(session, campaign, unit, {"1.1": 2.0, "1.2.1": 1.0, "1.2.2": 0.5})
    _survey(session, campaign, unit, 3.0)  # ignored: the campaign has no survey
    compute_results(session=session, campaign_id=campaign.id)
    row = session.exec(select(Result)).one()
    assert (row.max_points, row.survey_points, row.achieved_points, row.index_value) == (
        4.0,
        0.0,
        3.5,
        87.5,
    )


def test_a_set_without_survey_leaves_is_renormalised_too(session: Session) -> None:
    campaign, (unit,) = scoring_campaign(session, ["a"], survey=False)
    submit(session, campaign, unit, {"1.1": 1.0, "1.2.1": 1.0, "1.2.2": 1.0})
    compute_results(session=session, campaign_id=campaign.id)
    assert session.exec(select(Result)).one().index_value == 75.0


def test_bands_and_tie_break_can_be_given_directly(session: Session) -> None:
    """a and b both reach 6/7; the tie-break on survey points puts b (3.0) above a (2.0)."""
    campaign, (a, b) = scoring_campaign(session, ["a", "b"])
    submit(session, campaign, a, {"1.1": 2.0, "1.2.1": 1.0, "1.2.2": 1.0})
    submit(session, campaign, b, {"1.1": 2.0, "1.2.1": 0.5, "1.2.2": 0.5})
    _survey(session, campaign, a, 2.0)
    _survey(session, campaign, b, 3.0)
    compute_results(
        session=session,
        campaign_id=campaign.id,
        tie_break="survey_points",
        bands=[("Tốt", 90.0), ("Khá", 80.0), ("Trung bình", 50.0), ("Yếu", None)],
    )
    rows = _by_code(session, campaign)
    assert [(rows[c].rank, rows[c].tied, rows[c].band) for c in "ab"] == [
        (2, False, "Khá"),
        (1, False, "Khá"),
    ]


def test_bands_and_tie_break_come_from_the_campaign_policy(session: Session) -> None:
    """The plan's policy (copied to the campaign at launch) names the tie-break and band scheme."""
    campaign, (a, b) = scoring_campaign(session, ["a", "b"])
    campaign.policy = {"tie_break": "survey_points", "bands": "tot-kha-tb-yeu"}
    session.add(campaign)
    submit(session, campaign, a, {"1.1": 2.0, "1.2.1": 1.0, "1.2.2": 1.0})
    submit(session, campaign, b, {"1.1": 2.0, "1.2.1": 0.5, "1.2.2": 0.5})
    _survey(session, campaign, a, 2.0)
    _survey(session, campaign, b, 3.0)
    compute_results(session=session, campaign_id=campaign.id)
    rows = _by_code(session, campaign)
    # 6/7 = 85,71 each: tie broken by survey points; band from config/bands.yaml's scheme.
    assert [(rows[c].rank, rows[c].tied, rows[c].band) for c in "ab"] == [
        (2, False, "Khá"),
        (1, False, "Khá"),
    ]


def test_change_against_the_previous_campaign_follows_the_unit_code(session: Session) -> None:
    campaign, (unit,) = scoring_campaign(session, ["a"], survey=False)
    submit(session, campaign, unit, {"1.1": 1.0, "1.2.1": 1.0, "1.2.2": 1.0})
    compute_results(session=session, campaign_id=campaign.id)
    later = make_campaign(session, "test-2025")
    later.year = 2025
    later.has_survey = False
    session.add(later)
    from models import Stage
    from tests.world.campaigns import make_stage
    from tests.world.scoring import DUE, OPENS

    make_stage(session, later, "tu-danh-gia", "self_assessment", opens=OPENS, due=DUE, units=[unit])
    session.commit()
    assert session.exec(select(Stage)).all()
    submit(session, later, unit, {"1.1": 2.0, "1.2.1": 1.0, "1.2.2": 1.0})
    compute_results(session=session, campaign_id=later.id)
    row = _by_code(session, later)["a"]
    assert (row.previous_index, row.index_value, row.change) == (75.0, 100.0, 25.0)
