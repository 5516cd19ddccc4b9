"""Answers about a unit's work: assignments, self-assessment versions, evidence documents."""

from __future__ import annotations

from web.schemas.common import Instant, Number, Out


class ExtensionGrant(Out):
    """One extension of an assignment's due time, with its document."""

    new_due_at: Instant
    reason: str
    document_no: str
    granted_by: str


class AssignmentPublic(Out):
    """One of a unit's assignments; days left only while it is open or overdue."""

    stage_code: str
    stage_title: str
    kind: str
    state: str
    due_at: Instant
    due_local: str
    late: bool
    received_at: Instant | None
    working_days_left: int | None
    days_left_text: str | None
    extended: bool
    extensions: list[ExtensionGrant]


class SelfScorePublic(Out):
    """One leaf's self score and how it was reached."""

    item_code: str
    score: Number
    max_points: Number
    explanation: str | None
    figure: Number | None = None  # a formula leaf's figure, the score computed from it


class NotApplicableCleared(Out):
    """A not-applicable mark removed (cleared false: the leaf had none)."""

    item_code: str
    cleared: bool


class NotApplicablePublic(Out):
    """A leaf marked not applicable to the unit: its points leave the unit's maximum."""

    item_code: str
    reason: str
    marked_by: str
    marked_at: Instant


class VersionPublic(Out):
    """One self-assessment version (draft, submitted or withdrawn), without scores."""

    version: int
    status: str
    lock_version: int
    late: bool
    received_at: Instant | None
    submitted_by: str | None
    updated_at: Instant


class VersionScoresPublic(VersionPublic):
    """One self-assessment version with the scores the caller may see."""

    scores: list[SelfScorePublic]


class SelfAssessmentPublic(Out):
    """Every version of a unit's self-assessment, newest first; lock_version guards the draft."""

    unit_code: str
    lock_version: int
    versions: list[VersionScoresPublic]


class EvidencePublic(Out):
    """One evidence document's record."""

    id: str
    filename: str
    size: int
    sha256: str
    item_code: str | None
    uploaded_by: str
    uploaded_at: Instant
