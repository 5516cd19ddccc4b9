"""SQL aggregates for the dashboard: stage progress and the stage x unit heat map, few queries."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, bindparam, case, func, true
from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from cchc.clock import as_utc
from models.campaign.facts import FACT_KINDS
from models.campaign.tables import Assignment, Campaign, Fact, Stage
from models.catalog.units import OrgUnit
from models.enums import AssignmentState, StageState

DONE_STATES = (AssignmentState.done, AssignmentState.late)
OPEN_STATES = (AssignmentState.open, AssignmentState.overdue)


@dataclass
class Counts:
    """Assignment counts of one stage (or one matrix cell) by state."""

    total: int = 0
    by_state: dict[str, int] = field(default_factory=dict)
    extended: int = 0
    next_due: datetime | None = None  # the earliest due time among open or overdue ones

    def add(self, state: str, count: int, extended: int, due: datetime | None = None) -> None:
        """Add `count` assignments in `state`, `extended` of them extended."""
        self.total += count
        self.by_state[state] = self.by_state.get(state, 0) + count
        self.extended += extended
        if due is not None and state in OPEN_STATES:
            due = as_utc(due)
            self.next_due = due if self.next_due is None else min(self.next_due, due)

    @property
    def done(self) -> int:
        """Assignments acted on, on time or late."""
        return sum(self.by_state.get(s, 0) for s in DONE_STATES)

    def of(self, state: str) -> int:
        """Assignments in one state."""
        return self.by_state.get(state, 0)

    @property
    def share_done(self) -> float:
        """Done / total (0 when there is nothing to do)."""
        return self.done / self.total if self.total else 0.0


@dataclass
class StageProgress:
    """One stage with its assignment counts (non-unit stages count their fact as one)."""

    stage: Stage
    counts: Counts
    has_fact: bool = False  # read for stages units do not act in (their fact ends them)

    @property
    def unit_stage(self) -> bool:
        """Tell whether units act in this stage (it has assignments)."""
        return self.counts.total > 0


def campaign_rows(*, session: Session) -> list[tuple[Campaign, Counts]]:
    """Return every campaign, newest first, with its assignment counts (two queries)."""
    campaigns = session.exec(
        select(Campaign).order_by(col(Campaign.year).desc(), col(Campaign.code))
    ).all()
    counts: dict[uuid.UUID, Counts] = defaultdict(Counts)
    query = select(
        Assignment.campaign_id, Assignment.state, func.count(), _extended_sum()
    ).group_by(col(Assignment.campaign_id), col(Assignment.state))
    for campaign_id, state, count, extended in session.exec(query).all():
        counts[campaign_id].add(state, count, int(extended or 0))
    return [(c, counts[c.id]) for c in campaigns]


def stage_progress(
    *, session: Session, campaign_id: uuid.UUID, counted: dict[uuid.UUID, Counts] | None = None
) -> list[StageProgress]:
    """Return the campaign's stages in order with their counts (three queries; two if counted)."""
    stages = session.exec(
        select(Stage).where(col(Stage.campaign_id) == campaign_id).order_by(col(Stage.position))
    ).all()
    counts: dict[uuid.UUID, Counts] = defaultdict(Counts, counted or {})
    query = (
        select(Assignment.stage_id, Assignment.state, func.count(), _extended_sum())
        .where(Assignment.campaign_id == campaign_id)
        .group_by(col(Assignment.stage_id), col(Assignment.state))
    )
    for stage_id, state, count, extended in [] if counted is not None else session.exec(query):
        counts[stage_id].add(state, count, int(extended or 0))
    # Only stages units do not act in wait for a fact; the per-unit facts (thousands of
    # submissions) are not read.
    kinds = {FACT_KINDS[s.kind] for s in stages if s.kind in FACT_KINDS and not counts[s.id].total}
    facts = set(
        session.exec(
            select(Fact.stage_id, Fact.kind)
            .where(Fact.campaign_id == campaign_id, col(Fact.kind).in_(sorted(kinds)))
            .distinct()
        ).all()
    )
    return [StageProgress(s, counts[s.id], _has_fact(s, facts)) for s in stages]


def _has_fact(stage: Stage, facts: set[tuple[uuid.UUID | None, str]]) -> bool:
    """Tell whether the fact the stage waits for exists (mirrors tick_stages._fact_match)."""
    kind = FACT_KINDS.get(stage.kind)
    if kind is None:
        return False
    if (stage.id, kind) in facts:
        return True
    return stage.kind != "generic" and (None, kind) in facts  # unaddressed facts of its kind


def stage_is_done(progress: StageProgress) -> bool:
    """Tell whether a stage is finished: all acted, or its fact recorded, or closed."""
    if progress.stage.state == StageState.closed:
        return True
    if progress.unit_stage:
        return progress.counts.done == progress.counts.total
    return progress.has_fact


def extended_sum() -> ColumnElement[Any]:
    """SUM of the extended flag, for other read models' aggregates."""
    return _extended_sum()


def _extended_sum() -> ColumnElement[Any]:
    """SUM of the extended flag (portable across SQLite and PostgreSQL)."""
    return func.sum(case((col(Assignment.extended).is_(True), 1), else_=0))


@dataclass
class MatrixRow:
    """One row of the heat map: a unit, and its subtree's counts per stage."""

    unit: OrgUnit
    children: int
    cells: dict[uuid.UUID, Counts]


def subtree_counts(
    *, session: Session, campaign_id: uuid.UUID, top_ids: list[uuid.UUID]
) -> dict[uuid.UUID, dict[uuid.UUID, Counts]]:
    """Return counts per (row unit, stage) over each row unit's whole subtree (one query)."""
    if not top_ids:
        return {}
    query = _subtree_query(session.get_bind().dialect.name == "postgresql")
    rows = session.execute(query, {"top_ids": top_ids, "campaign_id": campaign_id}).all()
    out: dict[uuid.UUID, dict[uuid.UUID, Counts]] = defaultdict(lambda: defaultdict(Counts))
    for top_id, stage_id, state, count, extended, due in rows:
        out[_uuid(top_id)][_uuid(stage_id)].add(state, count, int(extended or 0), due)
    return out


@cache  # built once: constructing the nested CTE costs ≈ 10 ms of Python, the query 3 ms
def _subtree_query(by_index: bool) -> Any:
    """The subtree counts statement, with `top_ids` and `campaign_id` as parameters."""
    tree = (
        select(col(OrgUnit.id).label("id"), col(OrgUnit.id).label("top_id"))
        .where(col(OrgUnit.id).in_(bindparam("top_ids", expanding=True)))
        .cte("tree", recursive=True)
    )
    tree = tree.union_all(_children(tree, by_index))
    mine = _assignments_of(tree, by_index)
    query = sa_select(  # six columns: beyond sqlmodel.select's typed overloads
        tree.c.top_id,
        mine.c.stage_id,
        mine.c.state,
        func.count(),
        func.sum(case((mine.c.extended.is_(True), 1), else_=0)),
        func.min(mine.c.due_at),
    )
    query = (
        query.select_from(tree.join(mine, true()))
        if by_index
        else query.select_from(tree).join(mine, mine.c.unit_id == tree.c.id)
    )
    return query.group_by(tree.c.top_id, mine.c.stage_id, mine.c.state)


# PostgreSQL plans a recursive CTE as if it held ~85,000 rows whatever it holds (a page's 50
# subtrees are a few hundred units), so it hashes all of org_unit and all of the campaign's
# assignments (15 ms at 12,000 units). A LATERAL subquery behind OFFSET 0 (which stops it from
# being flattened back into a join) makes it walk the parent_id and unit_id indexes instead (3 ms).
# SQLite has no LATERAL and already plans these joins as index lookups.


def _children(tree: Any, by_index: bool) -> Any:
    """The recursive step: each unit's children, carrying the row unit they count towards."""
    child = aliased(OrgUnit)
    if not by_index:
        return select(col(child.id), tree.c.top_id).join(tree, col(child.parent_id) == tree.c.id)
    kids = select(col(child.id)).where(col(child.parent_id) == tree.c.id).offset(0).lateral()
    return sa_select(kids.c.id, tree.c.top_id).select_from(tree.join(kids, true()))


def _assignments_of(tree: Any, by_index: bool) -> Any:
    """The campaign's assignments of the tree's units (per unit by index on PostgreSQL)."""
    query = sa_select(
        col(Assignment.unit_id),
        col(Assignment.stage_id),
        col(Assignment.state),
        col(Assignment.extended),
        col(Assignment.due_at),
    ).where(col(Assignment.campaign_id) == bindparam("campaign_id"))
    if not by_index:
        return query.subquery("mine")
    return query.where(col(Assignment.unit_id) == tree.c.id).offset(0).lateral("mine")


def _uuid(value: object) -> uuid.UUID:
    """Coerce a raw CTE column (a string on some drivers) to a UUID."""
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
