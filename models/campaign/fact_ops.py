"""Find the stage and unit a fact belongs to, and record it (the act's checks: services.facts)."""

from __future__ import annotations

import uuid

from sqlmodel import Session, col, select

from cchc.errors import UnknownCode, ValidationError
from models.campaign.facts import FACT_KINDS, get_stage, record_fact
from models.campaign.tables import Campaign, Fact, Stage
from models.catalog.units import OrgUnit


def _open_stage_of(session: Session, campaign: Campaign, kind: str) -> Stage:
    """The campaign's open stage of a kind (else its first one)."""
    stages = session.exec(
        select(Stage)
        .where(Stage.campaign_id == campaign.id, Stage.kind == kind)
        .order_by(col(Stage.position))
    ).all()
    if not stages:
        raise UnknownCode(f"chiến dịch {campaign.code} không có giai đoạn loại «{kind}»")
    return next((s for s in stages if s.state == "open"), stages[0])


def find_fact_stage(
    *, session: Session, campaign: Campaign, stage_kind: str | None, stage_code: str | None
) -> Stage:
    """Return the stage named by code, else the open stage of a kind."""
    if stage_code:
        return get_stage(session=session, campaign_id=campaign.id, code=stage_code)
    if stage_kind:
        return _open_stage_of(session, campaign, stage_kind)
    raise ValidationError("cần --stage")


def stage_id_of(*, session: Session, campaign_id: uuid.UUID, kind: str) -> uuid.UUID | None:
    """Return the campaign-wide stage of a kind a fact belongs to: lead-only first, open first.

    A per-unit stage of the same kind (districts appraising their communes) completes through
    its own units' facts, so a campaign-wide fact must not land on it while it is still open.
    """
    stages = session.exec(
        select(Stage)
        .where(Stage.campaign_id == campaign_id, Stage.kind == kind)
        .order_by(col(Stage.position))
    ).all()
    ranked = sorted(
        stages, key=lambda s: (bool(s.scope.get("unit_stage")), s.state != "open", s.position)
    )
    return ranked[0].id if ranked else None


def unit_id_of(*, session: Session, campaign: Campaign, code: str | None) -> uuid.UUID | None:
    """Return the id of the campaign province's unit with this code (None for no code)."""
    if not code:
        return None
    unit = session.exec(
        select(OrgUnit).where(OrgUnit.province_code == campaign.province_code, OrgUnit.code == code)
    ).first()
    if unit is None:
        raise UnknownCode(f"không có đơn vị «{code}»")
    return unit.id


def record_stage_fact(
    *,
    session: Session,
    campaign: Campaign,
    stage_kind: str | None,
    stage_code: str | None,
    unit_code: str | None,
    document_no: str | None,
    actor: str,
    payload: dict | None = None,
) -> Fact:
    """Record the fact the stage waits for (guidance_issued, generic_done ...), for one unit."""
    stage = find_fact_stage(
        session=session, campaign=campaign, stage_kind=stage_kind, stage_code=stage_code
    )
    return record_fact(
        session=session,
        campaign_id=campaign.id,
        kind=FACT_KINDS[stage.kind],
        actor=actor,
        stage_id=stage.id,
        unit_id=unit_id_of(session=session, campaign=campaign, code=unit_code),
        document_no=document_no,
        payload=payload,
    )
