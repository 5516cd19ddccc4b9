"""Read a unit's self-assessment: its versions as this reader may see them, and the form."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from models.campaign.tables import Campaign
from models.catalog.criteria import CriteriaItem
from models.catalog.lookup import criteria_set_for, set_items
from models.catalog.units import OrgUnit
from models.scoring.self_assessments import list_versions, version_scores
from models.scoring.tables import SelfAssessment, SelfScore
from services.access import Actor, require_read_unit, shown_fields, shown_item
from services.self_assessment import editable
from services.targets import campaign_unit
from services.visibility import require_scores


@dataclass
class Versions:
    """Every version, newest first, each with the scores this reader may see."""

    unit: OrgUnit
    versions: list[tuple[SelfAssessment, list[tuple[CriteriaItem, SelfScore]]]]
    lock_version: int  # the draft's, 0 when there is none


@dataclass
class Form:
    """The self-assessment form: the leaves to score and the newest version's values."""

    campaign: Campaign
    unit: OrgUnit
    items: list[CriteriaItem]
    values: dict[str, Any]
    newest: SelfAssessment | None
    lock_version: int


def versions(*, session: Session, campaign_code: str, unit_code: str, actor: Actor) -> Versions:
    """Return the unit's versions (appraisers see their fields' scores only)."""
    campaign, unit = campaign_unit(
        session=session, campaign_code=campaign_code, unit_code=unit_code
    )
    require_read_unit(session=session, user=actor, campaign=campaign, unit=unit)
    require_scores(session=session, user=actor, campaign=campaign, unit=unit)
    fields = shown_fields(session=session, user=actor, campaign=campaign, unit=unit)
    cset = criteria_set_for(session=session, campaign=campaign, unit=unit)
    items = set_items(session=session, criteria_set_id=cset.id)
    shown = [i for i in items if i.is_leaf and shown_item(fields, i)]
    found = list(reversed(list_versions(session=session, campaign_id=campaign.id, unit_id=unit.id)))
    out = []
    for version in found:
        scores = version_scores(session=session, self_assessment_id=version.id)
        out.append((version, [(i, scores[i.id]) for i in shown if i.id in scores]))
    draft = next((v for v in found if v.status == "draft"), None)
    return Versions(unit=unit, versions=out, lock_version=draft.lock_version if draft else 0)


def form(*, session: Session, campaign_code: str, unit_code: str, actor: Actor) -> Form:
    """Return the form of the unit's self-assessment (its own users only)."""
    campaign, unit = editable(
        session=session, campaign_code=campaign_code, unit_code=unit_code, actor=actor
    )
    cset = criteria_set_for(session=session, campaign=campaign, unit=unit)
    items = set_items(session=session, criteria_set_id=cset.id)
    found = list_versions(session=session, campaign_id=campaign.id, unit_id=unit.id)
    newest = found[-1] if found else None
    stored = version_scores(session=session, self_assessment_id=newest.id) if newest else {}
    values = {i.code: stored[i.id] for i in items if i.id in stored}
    lock = newest.lock_version if newest is not None and newest.status == "draft" else 0
    return Form(campaign, unit, items, values, newest, lock)
