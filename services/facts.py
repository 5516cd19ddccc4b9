"""Record the fact a stage waits for (guidance issued, a step done, the appraisal done)."""

from __future__ import annotations

from sqlmodel import Session

from cchc.errors import ValidationError
from models.campaign.fact_ops import find_fact_stage, unit_id_of
from models.campaign.facts import FACT_KINDS, get_campaign
from models.campaign.facts import record_fact as store_fact
from models.campaign.tables import Fact, Stage
from models.scoring.appraisals import complete_appraisal


def _check_kinds(stage: Stage, stage_kind: str | None, fact_kind: str | None) -> None:
    """Refuse a stage of another kind than asked, or a fact the stage does not wait for."""
    if stage_kind and stage.kind != stage_kind:
        raise ValidationError(
            f"giai đoạn «{stage.code}» là loại {stage.kind}, không phải {stage_kind}"
        )
    expected = FACT_KINDS.get(stage.kind)
    if fact_kind and expected != fact_kind:
        raise ValidationError(
            f"giai đoạn «{stage.code}» chờ «{expected}», không phải «{fact_kind}»"
        )
    if expected is None:
        raise ValidationError(f"giai đoạn «{stage.code}» (loại {stage.kind}) không chờ sự kiện")


def record_fact(
    *,
    session: Session,
    campaign_code: str,
    actor: str,
    stage_code: str | None = None,
    stage_kind: str | None = None,
    fact_kind: str | None = None,
    unit_code: str | None = None,
    document_no: str | None = None,
    note: str | None = None,
) -> Fact:
    """Record the stage's fact once; the campaign-wide appraisal only when every leaf is done.

    The stage is named by code, or is the open stage of `stage_kind`; `fact_kind`, when given,
    must be the fact that stage waits for.
    """
    campaign = get_campaign(session=session, code=campaign_code)
    stage = find_fact_stage(
        session=session, campaign=campaign, stage_kind=stage_kind, stage_code=stage_code
    )
    _check_kinds(stage, stage_kind, fact_kind)
    if FACT_KINDS[stage.kind] == "appraisal_done" and not unit_code:
        return complete_appraisal(
            session=session,
            campaign_id=campaign.id,
            actor=actor,
            document_no=document_no,
            stage_code=stage.code,
        )
    return store_fact(
        session=session,
        campaign_id=campaign.id,
        kind=FACT_KINDS[stage.kind],
        actor=actor,
        stage_id=stage.id,
        unit_id=unit_id_of(session=session, campaign=campaign, code=unit_code),
        document_no=document_no,
        payload={"note": note} if note else None,
    )
