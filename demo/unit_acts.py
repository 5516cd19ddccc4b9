"""What a unit does on its day in a unit stage: submit its self-assessment, or appraise."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from cchc.errors import CchcError
from demo.actors import Script, pick_adjustment, self_scores
from models.campaign.fact_ops import record_stage_fact
from models.campaign.tables import Campaign, Stage
from models.catalog import lookup as scoring_lookup
from models.scoring import appraisals, self_assessments


def unit_act(
    session: Session,
    campaign: Campaign,
    stage: Stage,
    unit_id,
    moment: datetime,  # type: ignore[no-untyped-def]
    script: Script,
) -> None:
    """A unit submits its self-assessment, or a district appraises its communes."""
    if stage.kind == "self_assessment":
        unit = scoring_lookup.get_unit(session=session, unit_id=unit_id)
        items = _items(session, campaign, unit)
        self_assessments.save_draft(
            session=session,
            campaign_id=campaign.id,
            unit_id=unit_id,
            scores=self_scores(items, script.rng),
            actor=unit.code,
        )
        self_assessments.submit_self_assessment(
            session=session,
            campaign_id=campaign.id,
            unit_id=unit_id,
            actor=unit.code,
            received_at=moment,
        )
        return
    district = scoring_lookup.get_unit(session=session, unit_id=unit_id)
    for child in _children_with_submissions(session, campaign, district.id):
        appraise(session, campaign, child, district.code, script)
    record_stage_fact(
        session=session,
        campaign=campaign,
        stage_kind=None,
        stage_code=stage.code,
        unit_code=district.code,
        document_no=None,
        actor=district.code,
    )


_ITEMS: dict = {}


def _items(session: Session, campaign: Campaign, unit) -> list:  # type: ignore[no-untyped-def]
    """The unit's criteria items (cached per set: sets do not change during a campaign)."""
    cset = scoring_lookup.criteria_set_for(session=session, campaign=campaign, unit=unit)
    if cset.id not in _ITEMS:
        _ITEMS[cset.id] = scoring_lookup.set_items(session=session, criteria_set_id=cset.id)
    return _ITEMS[cset.id]


def _children_with_submissions(session: Session, campaign: Campaign, parent_id) -> list:  # type: ignore[no-untyped-def]
    """The units below `parent_id` that are scored in this campaign."""
    return [
        u
        for u, _ in scoring_lookup.units_in_scope(session=session, campaign=campaign)
        if u.parent_id == parent_id
    ]


def appraise(session: Session, campaign: Campaign, unit, appraiser: str, script: Script) -> None:  # type: ignore[no-untyped-def]
    """Accept a unit's self scores, lowering one leaf for about one unit in four."""
    try:
        if script.rng.random() < 0.25:
            pick = pick_adjustment(_items(session, campaign, unit), script.rng)
            if pick is not None:
                appraisals.appraise_item(
                    session=session,
                    campaign_id=campaign.id,
                    unit_id=unit.id,
                    item_code=pick[0],
                    decision="adjusted",
                    actor=appraiser,
                    score=pick[1],
                    reason="Tài liệu kiểm chứng chưa đầy đủ",
                )
        appraisals.accept_all(
            session=session, campaign_id=campaign.id, unit_id=unit.id, actor=appraiser
        )
    except CchcError:
        return  # nothing submitted: nothing to appraise
