"""Several campaigns to compute in one call: two provinces, two years in one, different rules."""

from __future__ import annotations

from sqlmodel import Session, select

from models import Campaign, CriteriaItem, SurveyScore
from tests.world.campaigns import make_campaign, self_assessment_stage
from tests.world.catalog import make_unit
from tests.world.scoring import DUE, OPENS, scoring_campaign, submit

# Self scores (1.1, 1.2.1, 1.2.2) and survey points per unit code.
SCORES = {
    "a": ((2.0, 1.0, 0.5), 3.0),
    "b": ((2.0, 1.0, 0.5), 2.5),
    "c": ((1.0, 0.5, 0.5), 1.0),
    "x": ((2.0, 1.0, 1.0), 2.0),
    "y": ((2.0, 1.0, 1.0), 2.0),
    "z": ((1.5, 1.0, 0.0), 2.0),
}


def many_campaigns(session: Session) -> list[Campaign]:
    """Add test-2024 (a, b, c), test-2025 (a, b: same province) and hg-2024 (x, y, z: dense)."""
    first, units = scoring_campaign(session, ["a", "b", "c"])
    later = make_campaign(session, "test-2025", year=2025)
    self_assessment_stage(session, later, units[:2], opens=OPENS, due=DUE)
    other = make_campaign(
        session, "hg-2024", province="hg", body={"criteria_sets": ["test-so"]}
    )
    other.policy = {"rank": {"method": "dense"}}  # frozen at its first computation
    hg = [make_unit(session, code, province="hg") for code in "xyz"]
    self_assessment_stage(session, other, hg, opens=OPENS, due=DUE)
    session.commit()
    item = session.exec(select(CriteriaItem).where(CriteriaItem.code == "2.1")).one()
    for campaign, members in ((first, units), (later, units[:2]), (other, hg)):
        for unit in members:
            own, survey = SCORES[unit.code]
            if campaign is later:  # a different year, different points
                own, survey = (own[0] - 0.5, own[1], own[2]), survey - 1.0
            submit(session, campaign, unit, dict(zip(("1.1", "1.2.1", "1.2.2"), own, strict=True)))
            point = SurveyScore(campaign_id=campaign.id, unit_id=unit.id, item_id=item.id)
            point.points = survey
            session.add(point)
    session.commit()
    return [first, later, other]
