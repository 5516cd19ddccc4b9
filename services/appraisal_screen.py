"""One unit on the appraisal screen: per field, each leaf's self score, evidence, appraisal."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session

from models.catalog.units import OrgUnit
from models.scoring.not_applicable import marked_ids
from services import evidence as evidence_acts
from services.access import Actor
from services.appraisal_read import appraised, threads
from services.self_assessment_read import versions


@dataclass
class Leaf:
    """One leaf as the appraiser, the unit and the council read it."""

    item: Any
    self_score: Any = None  # the submitted SelfScore row, when there is one
    evidence: list[tuple[Any, str]] = field(default_factory=list)  # (row, signed link)
    appraisal: Any = None
    thread: list[Any] = field(default_factory=list)  # AppraisalMessage rows, oldest first
    not_applicable: bool = False  # marked not applicable to the unit: scores 0, leaves the max


@dataclass
class UnitAppraisal:
    """The unit, the version read, and its leaves grouped by field code."""

    unit: OrgUnit
    version: Any
    fields: dict[str, list[Leaf]]


def unit_appraisal(
    *, session: Session, campaign_code: str, unit_code: str, actor: Actor
) -> UnitAppraisal:
    """Return the screen of one unit (readers of its scores; appraisers see their fields only)."""
    found = versions(session=session, campaign_code=campaign_code, unit_code=unit_code, actor=actor)
    submitted = next(((v, s) for v, s in found.versions if v.status == "submitted"), None)
    shown = submitted or (found.versions[0] if found.versions else None)
    rows = evidence_acts.documents(
        session=session, campaign_code=campaign_code, unit_code=unit_code, actor=actor
    )
    links = evidence_acts.links_for(rows)
    done = {item.code: row for item, row, _thread in appraised(
        session=session, campaign_code=campaign_code, unit_code=unit_code, actor=actor
    )}  # fmt: skip
    talks = {item.code: rows for item, rows in threads(
        session=session, campaign_code=campaign_code, unit_code=unit_code, actor=actor
    )}  # fmt: skip
    marked = (
        marked_ids(session=session, campaign_id=shown[0].campaign_id, unit_id=found.unit.id)
        if shown
        else set()
    )
    fields: dict[str, list[Leaf]] = {}
    for item, score in shown[1] if shown else []:
        leaf = Leaf(item=item, self_score=score, appraisal=done.get(item.code))
        leaf.thread = talks.get(item.code, [])
        leaf.not_applicable = item.id in marked
        leaf.evidence = [(e, links[e.id]) for e in rows if e.item_code == item.code]
        fields.setdefault(item.field_code, []).append(leaf)
    return UnitAppraisal(unit=found.unit, version=shown[0] if shown else None, fields=fields)
