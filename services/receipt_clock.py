"""Start a unit's working-day clock at its receipt of the guidance, where the plan asks for it."""

from __future__ import annotations

from sqlmodel import Session

from cchc.clock import as_utc, now, to_local
from deadlines import due_from_receipt
from models.audit.log import record_audit
from models.campaign.receipts import GuidanceReceipt, receipt_clock_rows
from models.campaign.tables import Campaign
from models.enums import AssignmentState as A
from models.tick.context import campaign_calendar


def start_clocks(*, session: Session, campaign: Campaign, receipt: GuidanceReceipt) -> int:
    """Move the unit's due times in receipt-clocked stages; return how many moved (audited)."""
    cal, received_on = campaign_calendar(campaign), to_local(receipt.received_at).date()
    moved = 0
    for stage, row in receipt_clock_rows(
        session=session, campaign_id=campaign.id, unit_id=receipt.unit_id
    ):
        days = stage.from_receipt_days or 1
        new_due = as_utc(due_from_receipt(received_on, days, plan_due=row.due_at, cal=cal))
        if new_due == as_utc(row.due_at):
            continue
        record_audit(
            session=session, actor=receipt.received_by, action="receipt_clock",
            entity="assignment", entity_id=row.id, campaign_id=campaign.id, field="due_at",
            old=as_utc(row.due_at).isoformat(), new=new_due.isoformat(),
        )  # fmt: skip
        row.due_at = new_due
        if row.state == A.overdue and now() <= new_due:
            row.state = A.open  # the unit's own clock has not run out yet
        session.add(row)
        moved += 1
    return moved
