"""Rank rules from the plan: competition or dense, the tie precision, a tie-break chain, blocks."""

from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import Session, select

from models import Campaign, CriteriaItem, CriteriaSet, OrgUnit, SurveyScore
from models.results.compute import compute_results
from models.results.read import list_results
from tests.world.scoring import scoring_campaign, submit

SELF = {
    3.5: {"1.1": 2.0, "1.2.1": 1.0, "1.2.2": 0.5},
    3.0: {"1.1": 2.0, "1.2.1": 0.5, "1.2.2": 0.5},
}


def _world(session: Session, points: dict[str, tuple[float, float]], rank: dict[str, Any]):  # type: ignore[no-untyped-def]
    """Units scoring (self, survey) of max 7, ranked under `rank`; return {code: (rank, tied)}."""
    campaign, units = scoring_campaign(session, list(points))
    campaign.policy = {"rank": rank}
    session.add(campaign)
    item = session.exec(select(CriteriaItem).where(CriteriaItem.code == "2.1")).one()
    for unit in units:
        own, survey = points[unit.code]
        submit(session, campaign, unit, SELF[own])
        session.add(
            SurveyScore(campaign_id=campaign.id, unit_id=unit.id, item_id=item.id, points=survey)
        )
    session.commit()
    return _ranks(session, campaign)


def _ranks(session: Session, campaign: Campaign) -> dict[str, tuple[int | None, bool]]:
    compute_results(session=session, campaign_id=campaign.id)
    session.commit()
    return {
        r.unit_code: (r.rank, r.tied)
        for r in list_results(session=session, campaign_id=campaign.id)
    }


# Indices (of 7): a 100; b 6.0 → 85,7143; d 5.99995 → 85,7136; c 5.9976 → 85,68; e 5.985 → 85,5.
PRECISION = {
    "a": (3.5, 3.5),
    "b": (3.5, 2.5),
    "c": (3.5, 2.4976),
    "d": (3.5, 2.49995),
    "e": (3.5, 2.485),
}


def test_competition_ranking_skips_the_places_a_tie_takes(session: Session) -> None:
    ranks = _world(session, PRECISION, {"method": "competition"})
    assert ranks == {
        "a": (1, False),
        "b": (2, True),
        "d": (2, True),
        "c": (4, False),
        "e": (5, False),
    }


def test_dense_ranking_takes_the_next_place_after_a_tie(session: Session) -> None:
    ranks = _world(session, PRECISION, {"method": "dense"})
    assert ranks == {
        "a": (1, False),
        "b": (2, True),
        "d": (2, True),
        "c": (3, False),
        "e": (4, False),
    }


@pytest.mark.parametrize(
    ("precision", "expected"),
    [
        # unrounded: 85,7143 > 85,7136 > 85,68 > 85,5: no ties
        ("unrounded", {"b": (2, False), "d": (3, False), "c": (4, False), "e": (5, False)}),
        # hundredths: b and d are both 85,71
        (2, {"b": (2, True), "d": (2, True), "c": (4, False), "e": (5, False)}),
        # tenths: b, d and c are 85,7; e 85,5
        (1, {"b": (2, True), "d": (2, True), "c": (2, True), "e": (5, False)}),
        # whole points: all four are 86 (85,5 rounds half up)
        (0, {"b": (2, True), "d": (2, True), "c": (2, True), "e": (2, True)}),
    ],
)
def test_ties_are_decided_at_the_configured_precision(
    session: Session, precision: object, expected: dict[str, tuple[int, bool]]
) -> None:
    ranks = _world(session, PRECISION, {"precision": precision})
    assert {code: ranks[code] for code in "bdce"} == expected
    assert ranks["a"] == (1, False)


# At whole points p (6.0), q (5.99) and r (6.05) all reach 86.
CHAIN = {"p": (3.5, 2.5), "q": (3.5, 2.49), "r": (3.0, 3.05)}


@pytest.mark.parametrize(
    ("chain", "expected"),
    [
        ([], {"p": (1, True), "q": (1, True), "r": (1, True)}),
        (["appraised_points"], {"p": (1, True), "q": (1, True), "r": (3, False)}),
        (
            ["appraised_points", "survey_points"],
            {"p": (1, False), "q": (2, False), "r": (3, False)},
        ),
        (["survey_points"], {"r": (1, False), "p": (2, False), "q": (3, False)}),
        (["field:2", "appraised_points"], {"r": (1, False), "p": (2, False), "q": (3, False)}),
    ],
)
def test_a_tie_break_chain_orders_equal_indices_key_by_key(
    session: Session, chain: list[str], expected: dict[str, tuple[int, bool]]
) -> None:
    assert _world(session, CHAIN, {"precision": 0, "tie_break": chain}) == expected


def test_a_block_merged_into_another_ranks_with_it(session: Session) -> None:
    """A special agency configured to rank with the departments shares their ranking."""
    campaign, units = scoring_campaign(session, ["s1", "s2"])
    cset = session.exec(select(CriteriaSet)).one()
    cset.applies_to = {"rank_groups": ["department", "special"]}
    special = session.exec(select(OrgUnit).where(OrgUnit.code == "s2")).one()
    special.rank_group = "special"
    session.add_all([cset, special])
    for unit, own in zip(units, (3.0, 3.5), strict=True):
        submit(session, campaign, unit, SELF[own])
    campaign.policy = {"rank": {"blocks": {}}}
    session.add(campaign)
    session.commit()
    assert _ranks(session, campaign) == {"s1": (1, False), "s2": (1, False)}  # apart
    campaign.rules = None
    campaign.policy = {"rank": {"blocks": {"special": "department"}}}
    session.add(campaign)
    session.commit()
    assert _ranks(session, campaign) == {"s2": (1, False), "s1": (2, False)}  # together


def test_rank_rules_are_frozen_with_the_campaign_and_read_back() -> None:
    from models.campaign.rules import freeze_rules, parse_rules

    frozen = freeze_rules(
        province_code="bac-kan",
        scheme=None,
        tie_break=None,
        rank={"method": "dense", "precision": "unrounded", "tie_break": ["field:2"]},
    )
    rules = parse_rules(frozen)
    assert (rules.rank.method, rules.rank.precision, rules.rank.tie_break) == (
        "dense",
        None,
        ("field:2",),
    )
    legacy = {k: v for k, v in frozen.items() if k != "rank"} | {"tie_break": "survey_points"}
    assert parse_rules(legacy).rank.tie_break == ("survey_points",)  # frozen before `rank`


def test_a_plan_refuses_an_unknown_rank_method_or_tie_key() -> None:
    from pydantic import ValidationError

    from config.schema.plan import RankRules

    assert RankRules(tie_break=["appraised_points", "field:2"]).precision == 2
    for bad in ({"method": "olympic"}, {"tie_break": ["votes"]}, {"precision": 3}):
        with pytest.raises(ValidationError):
            RankRules(**bad)


def test_an_exclusive_band_threshold_starts_above_its_min(session: Session) -> None:
    """6.3 / 7 = 90,00: in A when A is "từ 90", in B when A is "trên 90"."""
    campaign, (unit,) = scoring_campaign(session, ["a"])
    submit(session, campaign, unit, SELF[3.5])
    item = session.exec(select(CriteriaItem).where(CriteriaItem.code == "2.1")).one()
    session.add(SurveyScore(campaign_id=campaign.id, unit_id=unit.id, item_id=item.id, points=2.8))
    session.commit()
    bands = [("A", 90.0), ("B", None)]
    compute_results(session=session, campaign_id=campaign.id, bands=bands)
    assert list_results(session=session, campaign_id=campaign.id)[0].band == "A"
    rules = dict(campaign.rules or {})
    rules["bands"] = [
        {"code": "A", "min": 90.0, "label": "Trên 90", "exclusive": True},
        {"code": "B", "min": None, "label": "Còn lại", "exclusive": False},
    ]
    campaign.rules = rules
    session.add(campaign)
    compute_results(session=session, campaign_id=campaign.id)
    assert list_results(session=session, campaign_id=campaign.id)[0].band == "B"
