"""Each stage's progress in one aggregate query, and its Markdown table for the Prefect UI."""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlmodel import Session, col

from cchc.wording.dates import day, local_moment
from cchc.wording.labels import STAGE_STATE
from models.campaign.tables import Assignment, Stage


@dataclass
class StageProgress:
    """One stage and how many of its assignments are in each state."""

    code: str
    title: str
    kind: str
    state: str
    opens_at: datetime
    due_at: datetime
    opened_at: datetime | None
    closed_at: datetime | None
    counts: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        """All assignments of the stage."""
        return sum(self.counts.values())

    @property
    def acted(self) -> int:
        """Assignments done on time or late."""
        return self.counts["done"] + self.counts["late"]


def stage_progress(*, session: Session, campaign_id: uuid.UUID) -> list[StageProgress]:
    """Return every stage of the campaign, in plan order, with its assignment counts."""
    stages = (
        session.execute(
            select(Stage).where(col(Stage.campaign_id) == campaign_id).order_by(col(Stage.position))
        )
        .scalars()
        .all()
    )
    out = {
        s.id: StageProgress(
            s.code, s.title, s.kind, s.state, s.opens_at, s.due_at, s.opened_at, s.closed_at
        )
        for s in stages
    }
    rows = session.execute(
        select(col(Assignment.stage_id), col(Assignment.state), func.count())
        .where(col(Assignment.campaign_id) == campaign_id)
        .group_by(col(Assignment.stage_id), col(Assignment.state))
    ).all()
    for stage_id, state, count in rows:
        out[stage_id].counts[state] += count
    return list(out.values())


def progress_markdown(title: str, rows: list[StageProgress], at: datetime) -> str:
    """Render the stages as a Markdown table (Vietnamese headers, local dates)."""
    lines = [
        f"# {title}",
        f"Đánh giá lúc {local_moment(at)}",
        "",
        "| # | Giai đoạn | Loại | Trạng thái | Hạn | Hoàn thành | Nộp muộn | Quá hạn "
        "| Không tiếp nhận |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for i, p in enumerate(rows, 1):
        lines.append(
            f"| {i} | {p.title[:80]} | {p.kind} | {STAGE_STATE.get(p.state, p.state)} "
            f"| {day(p.due_at)} | {p.acted}/{p.total} | {p.counts['late']} "
            f"| {p.counts['overdue']} | {p.counts['refused']} |"
        )
    return "\n".join(lines)


def late_assignments(
    *, session: Session, campaign_id: uuid.UUID
) -> list[tuple[str, str, str, datetime | None]]:
    """(stage code, unit code, unit name, received_at) of every assignment acted late."""
    from models.catalog.units import OrgUnit

    rows = session.execute(
        select(col(Stage.code), col(OrgUnit.code), col(OrgUnit.name), col(Assignment.received_at))
        .join(Assignment, col(Assignment.stage_id) == col(Stage.id))
        .join(OrgUnit, col(OrgUnit.id) == col(Assignment.unit_id))
        .where(col(Assignment.campaign_id) == campaign_id, col(Assignment.late).is_(True))
        .order_by(col(Stage.position), col(OrgUnit.code))
    ).all()
    return [(r[0], r[1], r[2], r[3]) for r in rows]
