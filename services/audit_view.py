"""The admin's view of a campaign's audit log: filtered rows, and the same rows as CSV."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, time, timedelta

from sqlmodel import Session

from cchc.clock import LOCAL_TZ
from cchc.safe_export import safe_text
from cchc.wording.audit import action_label, entity_label, field_label, value_text
from models.audit.log import AuditEntry
from models.audit.queries import list_audit
from models.campaign.facts import get_campaign
from models.enums import Role
from services.access import Actor, require_role

HEADER = ["Thời điểm", "Người thực hiện", "Hành động", "Đối tượng", "Mục", "Cũ", "Mới", "Lý do"]


def _start(day: date | None) -> datetime | None:
    """Return the local midnight starting `day`, as an aware instant."""
    return datetime.combine(day, time(), tzinfo=LOCAL_TZ) if day else None


def entries(
    *,
    session: Session,
    campaign_code: str,
    actor: Actor,
    who: str | None = None,
    action: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> list[AuditEntry]:
    """Return the campaign's audit rows filtered by person, action and local days (admin only)."""
    require_role(actor, Role.admin)
    campaign = get_campaign(session=session, code=campaign_code)
    end = _start(until + timedelta(days=1)) if until else None
    return list_audit(
        session=session, campaign_id=campaign.id, actor=who or None, action=action or None,
        since=_start(since), until=end,
    )  # fmt: skip


def as_csv(rows: list[AuditEntry]) -> str:
    """Return the rows as CSV text (formula-safe cells, local times)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for r in rows:
        moment = r.at.astimezone(LOCAL_TZ).strftime("%d/%m/%Y %H:%M:%S")
        old, new = (value_text(r.entity, r.field, v) for v in (r.old_value, r.new_value))
        cells = [moment, r.actor, action_label(r.action), entity_label(r.entity),
                 field_label(r.field), old, new, r.reason]  # fmt: skip
        writer.writerow([safe_text(c) if c is not None else "" for c in cells])
    return out.getvalue()
