"""Record the fact a stage waits for, found by codes (the CLI's `cchc fact ...`)."""

from __future__ import annotations

from sqlmodel import Session, select

from cchc.errors import NotFound, ValidationError
from models.campaign.facts import FACT_KINDS, get_stage, record_fact
from models.campaign.tables import Campaign, Fact, Stage
from models.catalog.units import OrgUnit


def _open_stage_of(session: Session, campaign: Campaign, kind: str) -> Stage:
    """The campaign's open stage of a kind (else its first one)."""
    stages = session.exec(
        select(Stage)
        .where(Stage.campaign_id == campaign.id, Stage.kind == kind)
        .order_by(Stage.position)
    ).all()
    if not stages:
        raise NotFound(f"chiến dịch {campaign.code} không có giai đoạn loại {kind}")
    return next((s for s in stages if s.state == "open"), stages[0])


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
    """Record the stage's fact (guidance_issued, generic_done ...), for one unit if given."""
    if stage_code:
        stage = get_stage(session=session, campaign_id=campaign.id, code=stage_code)
    elif stage_kind:
        stage = _open_stage_of(session, campaign, stage_kind)
    else:
        raise ValidationError("cần --stage")
    if stage_kind and stage.kind != stage_kind:
        raise ValidationError(
            f"giai đoạn «{stage.code}» là loại {stage.kind}, không phải {stage_kind}"
        )
    unit_id = None
    if unit_code:
        unit = session.exec(
            select(OrgUnit).where(
                OrgUnit.province_code == campaign.province_code, OrgUnit.code == unit_code
            )
        ).first()
        if unit is None:
            raise NotFound(f"không có đơn vị «{unit_code}»")
        unit_id = unit.id
    return record_fact(
        session=session,
        campaign_id=campaign.id,
        kind=FACT_KINDS[stage.kind],
        actor=actor,
        stage_id=stage.id,
        unit_id=unit_id,
        document_no=document_no,
        payload=payload,
    )
