"""Evidence documents (tài liệu kiểm chứng): a unit uploads them; those in scope list them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from cchc.errors import NotFound
from models.scoring.evidence import add_evidence, get_evidence, list_evidence, read_evidence
from models.scoring.self_assessments.versions import open_stage
from models.scoring.storage import links
from models.scoring.tables import Evidence
from services.access import Actor, actor_name, require_read_unit
from services.self_assessment import editable
from services.targets import campaign_unit


def upload(
    *,
    session: Session,
    campaign_code: str,
    unit_code: str,
    actor: Actor,
    filename: str,
    data: bytes,
    item_code: str | None = None,
) -> Evidence:
    """Store an evidence document for the unit (and one self-assessed leaf, when given)."""
    campaign, unit = editable(
        session=session, campaign_code=campaign_code, unit_code=unit_code, actor=actor,
        act="evidence",
    )  # fmt: skip
    # evidence belongs to the self-assessment: the same window as submit, edit and withdraw
    open_stage(session=session, campaign_id=campaign.id, unit_id=unit.id)
    return add_evidence(
        session=session,
        campaign_id=campaign.id,
        unit_id=unit.id,
        filename=filename,
        data=data,
        actor=actor_name(actor),
        item_code=item_code,
    )


def documents(
    *, session: Session, campaign_code: str, unit_code: str, actor: Actor
) -> list[Evidence]:
    """Return the unit's evidence documents in upload order (readers of the unit only)."""
    campaign, unit = campaign_unit(
        session=session, campaign_code=campaign_code, unit_code=unit_code
    )
    require_read_unit(session=session, user=actor, campaign=campaign, unit=unit)
    return list_evidence(session=session, campaign_id=campaign.id, unit_id=unit.id)


@dataclass(frozen=True)
class Link:
    """A signed download link and the moment it stops working."""

    url: str
    expires_at: datetime


def download_link(
    *, session: Session, campaign_code: str, unit_code: str, evidence_id: uuid.UUID, actor: Actor
) -> Link:
    """Return an expiring link to one evidence document (readers of the unit only)."""
    campaign, unit = campaign_unit(
        session=session, campaign_code=campaign_code, unit_code=unit_code
    )
    require_read_unit(session=session, user=actor, campaign=campaign, unit=unit)
    row = get_evidence(session=session, evidence_id=evidence_id)
    if (row.campaign_id, row.unit_id) != (campaign.id, unit.id):
        raise NotFound(f"không có tài liệu kiểm chứng {evidence_id}")
    url, expires_at = links.sign(row.id)
    return Link(url=url, expires_at=expires_at)


def links_for(rows: list[Evidence]) -> dict[uuid.UUID, str]:
    """Sign a link for each of `rows`, already read through `documents` (so authorised)."""
    return {row.id: links.sign(row.id)[0] for row in rows}


def open_link(
    *, session: Session, evidence_id: uuid.UUID, expires: int, signature: str
) -> tuple[Evidence, bytes]:
    """Return the document a signed link names, refusing a forged or expired link."""
    links.verify(evidence_id, expires, signature)
    return read_evidence(session=session, evidence_id=evidence_id)
