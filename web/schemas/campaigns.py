"""Answers about campaigns: headers, stage progress, results, the outbox log, the audit log."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from web.schemas.common import Instant, Number, Out


class CountsPublic(Out):
    """Assignment counts of one stage (or campaign) by state."""

    total: int
    done: int
    late: int
    overdue: int
    open: int
    extended: int
    refused: int


class CampaignPublic(Out):
    """A campaign's header."""

    code: str
    title: str
    year: int
    province: str
    state: str
    starts_at: Instant
    ends_at: Instant


class CampaignProgressPublic(CampaignPublic):
    """A campaign's header with its overall progress."""

    progress: CountsPublic


class StagePublic(Out):
    """One stage with its window (due_local: the local day) and progress."""

    code: str
    title: str
    kind: str
    state: str
    opens_at: Instant
    due_at: Instant
    due_local: str
    done: bool
    progress: CountsPublic


class CampaignDetail(CampaignPublic):
    """A campaign with each stage's window and progress."""

    stages: list[StagePublic]


class PreviousSourcePublic(Out):
    """One previous index a year-over-year comparison uses (a predecessor, or the unit itself)."""

    province: str
    unit_code: str
    unit_name: str
    year: int
    index_value: Number
    weight: Number


class ResultPublic(Out):
    """One unit's index and rank (index_text: the published text, e.g. 92,18).

    comparison: own | renamed | merged | not_comparable, or None without history
    (models/results/README.md, "Lineage"); change_text: "+1,25" or "không so sánh được".
    """

    unit_code: str
    unit_name: str
    rank_group: str
    rank: int | None
    tied: bool
    band: str | None
    index_value: Number
    index_text: str
    achieved_points: Number
    max_points: Number
    appraised_points: Number
    survey_points: Number
    previous_index: Number | None = None
    change: Number | None = None
    change_text: str = ""
    comparison: str | None = None
    comparison_text: str = ""
    compared_with: list[PreviousSourcePublic] = []


class PublishedResults(Out):
    """The last published snapshot of one campaign (under review while it is reopened)."""

    campaign: CampaignPublic
    status: Literal["published", "under_review"]
    status_text: str
    decision_no: str
    published_at: Instant
    results: list[ResultPublic]


class NotificationPublic(Out):
    """One outbox message: to whom, what, delivered or failed, after how many attempts."""

    recipient: str
    unit_code: str | None
    kind: str
    occasion: str
    subject: str
    state: str
    attempts: int
    last_error: str | None
    created_at: Instant
    delivered_at: Instant | None
    flow_run_id: str | None = Field(None, description="Prefect flow run of the tick that wrote it")
    delivered_flow_run_id: str | None = Field(
        None, description="Prefect flow run of the tick that delivered it"
    )
    marks: list[Literal["held", "personal", "digest"]] = Field(
        default_factory=list,
        description="held: SMS/Zalo waiting for the quiet hours to end; personal/digest: a "
        "user's own copy or daily digest (recipient @user)",
    )
    mark_labels: list[str] = Field(default_factory=list, description="the marks in Vietnamese")


class NotificationsPublic(Out):
    """The outbox counts by state and one page of messages."""

    counts: dict[str, int]
    mark_counts: dict[str, int] = Field(
        default_factory=dict, description="messages held for the quiet hours, users' own"
    )
    data: list[NotificationPublic]


class AuditEntryPublic(Out):
    """One audit row: who, when, what changed from what to what, and why."""

    at: Instant
    actor: str
    action: str
    entity: str
    field: str | None
    old: str | None
    new: str | None
    reason: str | None


class MePublic(Out):
    """The token's user, its role and scope."""

    name: str
    role: str
    unit_id: str | None
    field_codes: list[str]
    unit_codes: list[str]
