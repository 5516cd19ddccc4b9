"""What a unit does on its day in a unit stage: submit its self-assessment, or appraise."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlmodel import Session

from cchc.errors import CchcError
from demo.actors import Script, pick_adjustment, self_scores
from models.campaign.tables import Campaign, Stage
from models.catalog import lookup as scoring_lookup
from models.catalog.criteria import CriteriaItem
from models.catalog.units import OrgUnit
from services import appraisal, self_assessment
from services.facts import record_fact


def unit_act(
    session: Session,
    campaign: Campaign,
    stage: Stage,
    unit_id: uuid.UUID,
    moment: datetime,
    script: Script,
) -> None:
    """A unit submits its self-assessment, or a district appraises its communes."""
    if stage.kind == "self_assessment":
        unit = scoring_lookup.get_unit(session=session, unit_id=unit_id)
        items = _items(session, campaign, unit)
        target: dict[str, Any] = {
            "session": session,
            "campaign_code": campaign.code,
            "unit_code": unit.code,
        }
        self_assessment.save_draft(**target, actor=unit.code, scores=self_scores(items, script.rng))
        self_assessment.submit(**target, actor=unit.code, received_at=moment)
        return
    district = scoring_lookup.get_unit(session=session, unit_id=unit_id)
    for child in _children_with_submissions(session, campaign, district.id):
        appraise(session, campaign, child, district.code, script)
    record_fact(
        session=session,
        campaign_code=campaign.code,
        stage_code=stage.code,
        unit_code=district.code,
        actor=district.code,
    )


_ITEMS: dict[uuid.UUID, list[CriteriaItem]] = {}


def _items(session: Session, campaign: Campaign, unit: OrgUnit) -> list[CriteriaItem]:
    """The unit's criteria items (cached per set: sets do not change during a campaign)."""
    cset = scoring_lookup.criteria_set_for(session=session, campaign=campaign, unit=unit)
    if cset.id not in _ITEMS:
        _ITEMS[cset.id] = scoring_lookup.set_items(session=session, criteria_set_id=cset.id)
    return _ITEMS[cset.id]


def _children_with_submissions(
    session: Session, campaign: Campaign, parent_id: uuid.UUID
) -> list[OrgUnit]:
    """The units below `parent_id` that are scored in this campaign."""
    return [
        u
        for u, _ in scoring_lookup.units_in_scope(session=session, campaign=campaign)
        if u.parent_id == parent_id
    ]


def appraise(
    session: Session, campaign: Campaign, unit: OrgUnit, appraiser: str, script: Script
) -> None:
    """Accept a unit's self scores, lowering one leaf for about one unit in four."""
    try:
        if script.rng.random() < 0.25:
            pick = pick_adjustment(_items(session, campaign, unit), script.rng)
            if pick is not None:
                appraisal.appraise_item(
                    session=session,
                    campaign_code=campaign.code,
                    unit_code=unit.code,
                    item_code=pick[0],
                    decision="adjusted",
                    actor=appraiser,
                    score=pick[1],
                    reason="Tài liệu kiểm chứng chưa đầy đủ",
                )
        appraisal.accept_all(
            session=session, campaign_code=campaign.code, unit_code=unit.code, actor=appraiser
        )
    except CchcError:
        return  # nothing submitted: nothing to appraise
