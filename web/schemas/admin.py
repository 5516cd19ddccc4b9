"""Answers to the Sở Nội vụ's acts: launch, fact, extension, results, approval, publication."""

from __future__ import annotations

from models.campaign.launch import LaunchSummary
from services.amend import AmendResult
from services.schedule import ScheduleResult
from web.schemas.common import Day, Instant, Out


class LaunchOut(Out):
    """What a launch made (or would make), its schedule, and the command to run when unscheduled."""

    dry_run: bool
    summary: LaunchSummary | None
    amendment: AmendResult | None
    schedule: ScheduleResult | None
    next: str | None


class FactOut(Out):
    """The fact recorded for a stage."""

    kind: str
    stage_code: str
    document_no: str | None
    recorded_by: str
    recorded_at: Instant


class ExtensionOut(Out):
    """One unit's due time in one stage, before and after the extension."""

    unit_code: str
    stage_code: str
    old_due_at: Instant
    new_due_at: Instant


class ComputeOut(Out):
    """How many units got an index and rank."""

    units: int


class ApprovalOut(Out):
    """The chairman's approval decision."""

    decision_no: str
    decided_on: Day


class PublicationOut(Out):
    """When the results were published."""

    published_at: Instant


class UserCreated(Out):
    """A new user and its token (shown this once; only its hash is stored)."""

    name: str
    role: str
    token: str
