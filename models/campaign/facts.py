"""Recording human steps as facts, once each; the next tick acts on them."""

from __future__ import annotations

import uuid

from sqlmodel import Session, select

from cchc.errors import NotFound, UnknownCode, ValidationError
from models.audit.log import record_audit
from models.campaign.tables import Campaign, Fact, Stage

# The facts a stage waits for, by stage kind (unit stages complete through their assignments).
FACT_KINDS = {
    "guidance": "guidance_issued",
    "survey": "survey_imported",
    "appraisal": "appraisal_done",
    "council_session": "council_session_held",
    "approval": "approval",
    "publication": "publication",
    "generic": "generic_done",
    "self_assessment": "self_assessment_submitted",
    # recorded by acts, not waited for by a stage kind of their own:
    "self_assessment_missing": "self_assessment_not_submitted",
    "reopen": "reopen",
}


def get_campaign(*, session: Session, code: str) -> Campaign:
    """Return the campaign with this code or raise NotFound."""
    campaign = session.exec(select(Campaign).where(Campaign.code == code)).first()
    if campaign is None:
        raise NotFound(f"không có chiến dịch «{code}»")
    return campaign


def get_stage(*, session: Session, campaign_id: uuid.UUID, code: str) -> Stage:
    """Return the campaign's stage with this code or raise UnknownCode."""
    stage = session.exec(
        select(Stage).where(Stage.campaign_id == campaign_id, Stage.code == code)
    ).first()
    if stage is None:
        raise UnknownCode(f"không có giai đoạn «{code}» trong chiến dịch")
    return stage


def record_fact(
    *,
    session: Session,
    campaign_id: uuid.UUID,
    kind: str,
    actor: str,
    stage_id: uuid.UUID | None = None,
    unit_id: uuid.UUID | None = None,
    document_no: str | None = None,
    payload: dict | None = None,
    key: str | None = None,
) -> Fact:
    """Record a fact once: the same key (default kind/stage/unit) returns the stored fact."""
    if kind not in FACT_KINDS.values():
        raise ValidationError(f"loại sự kiện không hợp lệ: {kind}")
    key = key or f"{kind}:{stage_id or '-'}:{unit_id or '-'}"
    existing = session.exec(
        select(Fact).where(Fact.campaign_id == campaign_id, Fact.idempotency_key == key)
    ).first()
    if existing is not None:
        return existing
    fact = Fact(
        campaign_id=campaign_id,
        stage_id=stage_id,
        unit_id=unit_id,
        kind=kind,
        idempotency_key=key,
        document_no=document_no,
        payload=payload or {},
        recorded_by=actor,
    )
    session.add(fact)
    record_audit(
        session=session,
        actor=actor,
        action="fact",
        entity="fact",
        entity_id=fact.id,
        campaign_id=campaign_id,
        field=kind,
        new=document_no,
    )
    return fact


def fact_by_key(*, session: Session, campaign_id: uuid.UUID, key: str) -> Fact | None:
    """Return the fact recorded under this idempotency key, if any."""
    return session.exec(
        select(Fact).where(Fact.campaign_id == campaign_id, Fact.idempotency_key == key)
    ).first()
