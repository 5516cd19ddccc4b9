"""What approval waits for, and the audited override (--force --reason) that approves anyway."""

from __future__ import annotations

from sqlmodel import Session

from cchc.errors import Conflict, ValidationError
from cchc.wording import lifecycle as say
from models.audit.log import record_audit
from models.campaign.tables import Campaign
from models.scoring.appraisals.progress import unappraised
from models.scoring.council_sessions import has_valid_session
from models.scoring.readiness import has_survey_points, units_without_submission


def missing(*, session: Session, campaign: Campaign) -> list[str]:
    """List, in Vietnamese, every condition of approval not yet met (empty: ready)."""
    out: list[str] = []
    if not has_valid_session(session=session, campaign_id=campaign.id):
        out.append(say.NO_COUNCIL)
    out += [
        say.not_submitted(code)
        for code in units_without_submission(session=session, campaign_id=campaign.id)
    ]
    gaps = unappraised(session=session, campaign_id=campaign.id)
    out += [say.unappraised(code, n) for code, n in gaps]
    if campaign.has_survey and not has_survey_points(session=session, campaign_id=campaign.id):
        out.append(say.NO_SURVEY)
    return out


def require_ready(
    *, session: Session, campaign: Campaign, force: bool, reason: str | None, actor: str
) -> None:
    """Refuse an approval with conditions unmet, unless forced with a reason (audited)."""
    gaps = missing(session=session, campaign=campaign)
    if not gaps:
        return
    if not force:
        head = say.approval_missing(len(gaps))
        raise Conflict(head, rule="approval_not_ready", problems=[head, *gaps])
    if not (reason or "").strip():
        raise ValidationError(say.FORCE_NEEDS_REASON)
    record_audit(
        session=session,
        actor=actor,
        action="approve_forced",
        entity="campaign",
        entity_id=campaign.id,
        campaign_id=campaign.id,
        field="missing",
        new="; ".join(gaps),
        reason=(reason or "").strip(),
    )
