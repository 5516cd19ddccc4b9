"""Appraisal acts: accept or adjust a leaf, accept all in scope, complete the appraisal."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session

from models.campaign.event_notices import enqueue_event
from models.campaign.facts import get_campaign
from models.campaign.tables import Fact
from models.catalog.criteria import CriteriaItem
from models.enums import Role
from models.scoring import appraisals as data
from models.scoring.appraisals.progress import submitted_units
from models.scoring.tables import Appraisal
from services.access import Actor, actor_name, appraised_fields, require_role
from services.appraiser_scope import require_appraiser
from services.lifecycle import require_appraisable
from services.score_input import nfc_or_none, require_number
from services.targets import campaign_unit, find_item


def appraise_item(
    *,
    session: Session,
    campaign_code: str,
    unit_code: str,
    item_code: str,
    actor: Actor,
    decision: str,
    score: float | None = None,
    reason: str | None = None,
    figure: float | None = None,
) -> tuple[CriteriaItem, Appraisal]:
    """Accept the unit's self score for one leaf, or adjust it (score and reason required).

    figure: for a formula leaf, the agency's figure; the score is computed from it.
    """
    require_number(item_code, score)  # strict at the service entry: no true, "1.5" or "１"
    require_number(item_code, figure)
    reason = nfc_or_none(reason)
    campaign, unit = campaign_unit(
        session=session, campaign_code=campaign_code, unit_code=unit_code
    )
    item = find_item(session=session, campaign=campaign, unit=unit, item_code=item_code)
    agency = require_appraiser(
        session=session, user=actor, campaign=campaign, unit=unit, field_code=item.field_code
    )
    require_appraisable(session=session, campaign=campaign, unit=unit, act="appraise")
    row = data.appraise_item(
        session=session,
        campaign_id=campaign.id,
        unit_id=unit.id,
        item_code=item.code,
        decision=decision,
        actor=actor_name(actor),
        score=score,
        reason=reason,
        appraiser_code=agency,
        figure=figure,
    )
    if row.decision == "adjusted":  # the unit may reply (giải trình) to an adjusted score
        enqueue_event(
            session=session, campaign=campaign, units=[unit], event="reply_requested",
            occasion=f"{item.code}={row.appraised_score}", item=item.code, note=row.reason or "",
        )  # fmt: skip
    return item, row


def accept_all(
    *,
    session: Session,
    campaign_code: str,
    unit_code: str,
    actor: Actor,
    field_code: str | None = None,
) -> int:
    """Accept every leaf not yet appraised (of one field, or of every field in scope)."""
    campaign, unit = campaign_unit(
        session=session, campaign_code=campaign_code, unit_code=unit_code
    )
    agency = require_appraiser(
        session=session, user=actor, campaign=campaign, unit=unit, field_code=field_code
    )
    require_appraisable(session=session, campaign=campaign, unit=unit, act="appraise")
    fields: Sequence[str | None] = [field_code]
    if agency is not None and field_code is None and not isinstance(actor, str):
        # an agency accepts only the fields it appraises
        fields = sorted(appraised_fields(session=session, user=actor, campaign=campaign, unit=unit))
    return sum(
        data.accept_all(
            session=session,
            campaign_id=campaign.id,
            unit_id=unit.id,
            actor=actor_name(actor),
            field_code=field,
            appraiser_code=agency,
        )
        for field in fields
    )


def complete(
    *,
    session: Session,
    campaign_code: str,
    actor: Actor,
    document_no: str | None = None,
    stage_code: str | None = None,
) -> Fact:
    """Record that the appraisal is done, refusing while a submitted unit has leaves left."""
    require_role(actor, Role.admin)
    campaign = get_campaign(session=session, code=campaign_code)
    fact = data.complete_appraisal(
        session=session,
        campaign_id=campaign.id,
        actor=actor_name(actor),
        document_no=document_no,
        stage_code=stage_code,
    )
    units = submitted_units(session=session, campaign_id=campaign.id)
    enqueue_event(
        session=session, campaign=campaign, units=units, event="appraisal_result",
        occasion=fact.idempotency_key, document_no=document_no or "",
    )  # fmt: skip
    return fact
