"""Answers about appraisal and the council: appraised leaves, worklists, sessions."""

from __future__ import annotations

from web.schemas.common import Day, Instant, Number, Out


class MessagePublic(Out):
    """One message of a reply thread: who wrote it, on which side, when (UTC), what."""

    author: str
    role: str  # unit | appraiser
    role_label: str
    at: Instant
    text: str


class ThreadPublic(Out):
    """One leaf's reply thread (giải trình), oldest message first."""

    item_code: str
    messages: list[MessagePublic]


class AppraisalPublic(Out):
    """One appraised leaf with its reply thread and the council's final word."""

    item_code: str
    field_code: str
    self_score: Number | None
    appraised_score: Number
    decision: str
    reason: str | None
    appraised_by: str
    unit_response: str | None  # the unit's latest message in the thread
    thread: list[MessagePublic]
    final_score: Number | None
    final_reason: str | None


class AcceptedOut(Out):
    """How many self scores were accepted."""

    accepted: int


class WorklistEntry(Out):
    """One unit an appraiser must appraise, with the fields in scope."""

    unit_code: str
    unit_name: str
    fields: list[str]


class CouncilSessionPublic(Out):
    """One council session: attendance, votes, and validity (> 50% took part)."""

    id: str
    held_on: Day
    members_total: int
    present: list[str]
    in_writing: list[str]
    votes_for: int
    votes_against: int
    decision: str | None
    valid: bool
    recorded_by: str


class NotSubmittedOut(Out):
    """A unit recorded as not having submitted, with the reason and who recorded it."""

    unit_code: str
    reason: str
    recorded_by: str
