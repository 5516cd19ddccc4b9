"""Score raw ballots into survey points (SQL averages per group), and check survey coverage."""

from __future__ import annotations

import uuid
from collections import defaultdict

import sqlalchemy as sa
from sqlmodel import Session, col, select

from models.campaign.fact_ops import stage_id_of
from models.campaign.facts import record_fact
from models.campaign.rules import campaign_rules
from models.catalog.lookup import get_campaign_by_id
from models.scoring.freeze import ensure_not_frozen
from models.scoring.survey import BallotScoring, CoverageGap, store_survey_points, survey_leaves
from models.scoring.survey_rules import SurveyRules
from models.scoring.tables import Ballot, SurveyScore


def ballot_means(*, session: Session, campaign_id: uuid.UUID, rules: SurveyRules) -> list[tuple]:
    """Return (unit id, question, group, valid ballots, mean weight) computed in SQL."""
    weight = sa.case(
        *[(col(Ballot.answer) == a, w) for a, w in rules.answer_weights.items()], else_=None
    )
    return list(
        session.execute(
            sa.select(
                col(Ballot.target_unit_id),
                col(Ballot.question),
                col(Ballot.respondent_group),
                sa.func.count(weight),
                sa.func.avg(weight),
            )
            .where(col(Ballot.campaign_id) == campaign_id)
            .group_by(
                col(Ballot.target_unit_id), col(Ballot.question), col(Ballot.respondent_group)
            )
        )
        .tuples()
        .all()
    )


def score_ballots(
    *, session: Session, campaign_id: uuid.UUID, actor: str, rules: SurveyRules | None = None
) -> BallotScoring:
    """Turn ballots into survey points; units/items under the minimum are reported, not scored."""
    campaign = get_campaign_by_id(session=session, campaign_id=campaign_id)
    ensure_not_frozen(session=session, campaign_id=campaign_id)
    rules = rules or campaign_rules(session=session, campaign=campaign).survey
    per_pair: dict[tuple[uuid.UUID, str], list[tuple[str, int, float]]] = defaultdict(list)
    for unit_id, question, group, count, mean in ballot_means(
        session=session, campaign_id=campaign_id, rules=rules
    ):
        if count:
            per_pair[(unit_id, question)].append((group, int(count), float(mean)))
    wanted, gaps = {}, []
    for code, (unit, leaves) in sorted(survey_leaves(session, campaign_id).items()):
        for item_code, item in sorted(leaves.items()):
            groups = per_pair.get((unit.id, item_code), [])
            valid = sum(n for _g, n, _m in groups)
            if valid < rules.min_ballots:
                gaps.append(CoverageGap(code, item_code, valid, rules.min_ballots))
                continue
            total_weight = sum(rules.weight_of(g) for g, _n, _m in groups)
            mean = sum(rules.weight_of(g) * m for g, _n, m in groups) / total_weight
            wanted[(unit.id, item.id)] = (item.max_points * mean, valid)
    store_survey_points(session, campaign_id, wanted, "ballots", actor)
    record_fact(
        session=session,
        campaign_id=campaign_id,
        kind="survey_imported",
        actor=actor,
        stage_id=stage_id_of(session=session, campaign_id=campaign_id, kind="survey"),
        payload={"scored": len(wanted), "gaps": len(gaps), "source": "ballots"},
    )
    return BallotScoring(scored=len(wanted), gaps=gaps)


def survey_coverage(*, session: Session, campaign_id: uuid.UUID) -> list[CoverageGap]:
    """Return the units/items of the campaign that have no survey points yet."""
    have = {
        (u, i): n
        for u, i, n in session.exec(
            select(SurveyScore.unit_id, SurveyScore.item_id, SurveyScore.ballots).where(
                SurveyScore.campaign_id == campaign_id
            )
        ).all()
    }
    return [
        CoverageGap(code, item_code, 0, 1)
        for code, (unit, leaves) in sorted(survey_leaves(session, campaign_id).items())
        for item_code, item in sorted(leaves.items())
        if (unit.id, item.id) not in have
    ]
