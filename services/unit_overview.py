"""A unit's drill-down as one reader may see it: assignments, versions, reminders, scores."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session

from cchc.errors import NotFound
from models.campaign import unit_views
from models.campaign.receipts import get_receipt
from models.campaign.tables import Campaign
from models.catalog.lookup import criteria_set_for, set_items
from models.catalog.units import OrgUnit
from models.results import lineage
from models.results import views as result_views
from models.scoring.appraisals import unit_threads
from models.scoring.evidence import list_evidence
from models.scoring.not_applicable import marked_ids
from models.scoring.self_assessments import list_versions, version_scores
from services.access import Actor, require_read_unit, shown_fields, shown_item
from services.targets import campaign_unit
from services.visibility import can_see_scores, is_published


@dataclass
class UnitView:
    """The unit page's data."""

    assignments: list[tuple[Any, Any]]
    extensions: list[Any]
    versions: list[Any]
    notifications: list[Any]
    evidence: list[Any]
    sees_scores: bool
    items: list[Any] = field(default_factory=list)
    scores: dict[Any, Any] = field(default_factory=dict)
    shown_version: Any = None
    appraisals: dict[Any, Any] = field(default_factory=dict)
    threads: dict[Any, Any] = field(default_factory=dict)  # item id -> reply thread
    result: Any = None
    comparison: Any = None  # the change against last year (models/results/lineage.py)
    guidance_receipt: Any = None  # the unit's acknowledgement of the guidance, if any
    not_applicable: set[Any] = field(default_factory=set)  # ids of leaves marked for the unit


def unit_overview(
    *, session: Session, campaign_code: str, unit_code: str, actor: Actor
) -> tuple[Campaign, OrgUnit, UnitView]:
    """Return the campaign, the unit and what this reader may see of it (its readers only)."""
    camp, unit = campaign_unit(session=session, campaign_code=campaign_code, unit_code=unit_code)
    require_read_unit(session=session, user=actor, campaign=camp, unit=unit)
    return camp, unit, _gather(session, camp, unit, actor)


def _gather(session: Session, camp: Campaign, unit: OrgUnit, user: Actor) -> UnitView:
    """Return what this user may see of the unit."""
    rows = unit_views.unit_assignments(session=session, campaign_id=camp.id, unit_id=unit.id)
    versions = list(reversed(list_versions(session=session, campaign_id=camp.id, unit_id=unit.id)))
    view = UnitView(
        assignments=rows,
        extensions=unit_views.unit_extensions(
            session=session, assignment_ids=[a.id for _, a in rows]
        ),
        versions=versions,
        notifications=unit_views.notifications(
            session=session, campaign_id=camp.id, unit_id=unit.id
        ),
        evidence=list_evidence(session=session, campaign_id=camp.id, unit_id=unit.id),
        guidance_receipt=get_receipt(session=session, campaign_id=camp.id, unit_id=unit.id),
        sees_scores=can_see_scores(
            session=session,
            user=user,
            campaign=camp,
            unit=unit,
            published=is_published(session=session, campaign=camp),
        ),
    )
    if view.sees_scores:
        _add_scores(session, camp, unit, user, view)
    return view


def _add_scores(
    session: Session, camp: Campaign, unit: OrgUnit, user: Actor, view: UnitView
) -> None:
    """Fill in the newest submitted (else newest) version's scores, appraisals and result."""
    fields = shown_fields(session=session, user=user, campaign=camp, unit=unit)
    try:
        items = set_items(
            session=session,
            criteria_set_id=criteria_set_for(session=session, campaign=camp, unit=unit).id,
        )
    except NotFound:  # a unit without a criteria set simply has no scores
        return
    view.items = [i for i in items if shown_item(fields, i)]
    shown = next((v for v in view.versions if v.status == "submitted"), None)
    view.shown_version = shown or (view.versions[0] if view.versions else None)
    if view.shown_version is not None:
        view.scores = version_scores(session=session, self_assessment_id=view.shown_version.id)
    view.not_applicable = marked_ids(session=session, campaign_id=camp.id, unit_id=unit.id)
    view.appraisals = {
        i.id: a
        for i, a in unit_views.appraisals(session=session, campaign_id=camp.id, unit_id=unit.id)
    }
    view.threads = unit_threads(session=session, campaign_id=camp.id, unit_id=unit.id)
    found = result_views.results(session=session, campaign_id=camp.id, unit_id=unit.id)
    view.result = found[0][0] if found and fields is None else None
    if view.result is not None:
        view.comparison = lineage.compare(session=session, campaign=camp).get(unit.id)
