"""The campaign page's heat map, one bounded page at a time, and its per-group summary.

A campaign of 12,000 units never renders every row: the page shows one level of the hierarchy
(or, when filtered by group, state or name, the matching units of the whole province), at most
`PER_PAGE` rows, and each row's counts come from one query over those rows' subtrees only.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, exists, func, or_
from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from models.campaign.progress import Counts, MatrixRow, _uuid, extended_sum, subtree_counts
from models.campaign.tables import Assignment, Campaign
from models.catalog.units import OrgUnit

PER_PAGE = 50


@dataclass(frozen=True)
class HeatFilter:
    """What the reader asked for: a rank group, an assignment state (in one stage), a name."""

    group: str | None = None
    state: str | None = None
    stage_id: uuid.UUID | None = None
    search: str | None = None
    page: int = 1

    @property
    def active(self) -> bool:
        """Tell whether any filter narrows the rows (then the whole province is searched)."""
        return bool(self.group or self.state or self.search)


@dataclass
class HeatPage:
    """One page of heat-map rows and where it sits among all matching rows."""

    rows: list[MatrixRow]
    total: int
    page: int
    pages: int


@dataclass
class GroupSummary:
    """One rank group: how many units it has, and their assignments by state."""

    group: str
    units: int
    counts: Counts = field(default_factory=Counts)


def stage_and_group_counts(
    *, session: Session, campaign_id: uuid.UUID
) -> tuple[dict[uuid.UUID, Counts], list[GroupSummary]]:
    """Return counts per stage and per rank group from one scan of the campaign's assignments."""
    query = (
        sa_select(  # five columns: beyond sqlmodel.select's typed overloads
            col(Assignment.stage_id),
            col(OrgUnit.rank_group),
            col(Assignment.state),
            func.count(),
            extended_sum(),
        )
        .join(OrgUnit, col(OrgUnit.id) == col(Assignment.unit_id))
        .where(col(Assignment.campaign_id) == campaign_id)
        .group_by(col(Assignment.stage_id), col(OrgUnit.rank_group), col(Assignment.state))
    )
    rows = session.execute(query).all()
    stages: dict[uuid.UUID, Counts] = defaultdict(Counts)
    groups: dict[str, GroupSummary] = {}
    per_stage: dict[tuple[str, uuid.UUID], int] = defaultdict(int)
    for stage_id, group, state, n, extended in rows:
        stages[_uuid(stage_id)].add(state, int(n), int(extended or 0))
        groups.setdefault(group, GroupSummary(group, 0)).counts.add(state, int(n), 0)
        per_stage[(group, _uuid(stage_id))] += int(n)
    for (group, _), n in per_stage.items():
        # One assignment per unit and stage: a group's units are those of its widest stage.
        groups[group].units = max(groups[group].units, n)
    return dict(stages), sorted(groups.values(), key=lambda g: g.group)


def level_parent(
    *, session: Session, province_code: str, parent_id: uuid.UUID | None
) -> uuid.UUID | None:
    """Return the parent whose children form the level shown, skipping a lone root."""
    if parent_id is not None:
        return parent_id
    roots = session.exec(
        select(OrgUnit.id)
        .where(col(OrgUnit.province_code) == province_code, col(OrgUnit.parent_id).is_(None))
        .limit(2)
    ).all()
    return roots[0] if len(roots) == 1 else None


def _conditions(
    camp: Campaign, parent_id: uuid.UUID | None, wanted: HeatFilter
) -> list[ColumnElement[bool]]:
    """WHERE clauses for the rows: the level (or the province when filtered) and the filters."""
    child = aliased(OrgUnit)
    mine = select(Assignment.id).where(
        col(Assignment.unit_id) == col(OrgUnit.id), Assignment.campaign_id == camp.id
    )
    has_children = exists().where(col(child.parent_id) == col(OrgUnit.id))
    where: list[ColumnElement[bool]] = [col(OrgUnit.province_code) == camp.province_code]
    if not wanted.active or parent_id is not None:
        level = col(OrgUnit.parent_id)
        where.append(level.is_(None) if parent_id is None else level == parent_id)
    if wanted.active:
        if wanted.state:
            mine = mine.where(col(Assignment.state) == wanted.state)
        if wanted.stage_id:
            mine = mine.where(col(Assignment.stage_id) == wanted.stage_id)
        where.append(mine.exists())
    else:
        # OFFSET 0 keeps PostgreSQL from hashing the whole campaign's assignments to test one
        # level's few hundred units (it cannot turn such an EXISTS into a hashed IN): each row
        # probes the unit_id index instead.
        where.append(or_(mine.offset(0).exists(), has_children))
    if wanted.group:
        where.append(col(OrgUnit.rank_group) == wanted.group)
    if wanted.search:
        pattern = f"%{wanted.search.strip().lower()}%"
        where.append(
            or_(func.lower(OrgUnit.name).like(pattern), func.lower(OrgUnit.code).like(pattern))
        )
    return where


def heat_page(
    *,
    session: Session,
    campaign: Campaign,
    parent_id: uuid.UUID | None,
    wanted: HeatFilter,
    per_page: int = PER_PAGE,
) -> HeatPage:
    """Return one page of rows with their subtree counts per stage (two or three queries)."""
    parent = (
        parent_id
        if wanted.active  # filtered: a group's own units, or the whole province's
        else level_parent(
            session=session, province_code=campaign.province_code, parent_id=parent_id
        )
    )
    where = _conditions(campaign, parent, wanted)
    child = aliased(OrgUnit)
    n_children = (
        select(func.count())
        .where(child.parent_id == OrgUnit.id)
        .correlate(OrgUnit)
        .scalar_subquery()
    )
    # The total rides on the page's rows (a window count): one pass over the matching units.
    query = (
        select(OrgUnit, n_children, func.count().over())
        .where(*where)
        .order_by(col(OrgUnit.kind), col(OrgUnit.code))
        .limit(per_page)
    )
    page = max(1, wanted.page)
    found = session.exec(query.offset((page - 1) * per_page)).all()
    if not found and page > 1:  # past the last page: count, then show the last one
        total = int(session.exec(select(func.count()).select_from(OrgUnit).where(*where)).one())
        page = max(1, -(-total // per_page))
        found = session.exec(query.offset((page - 1) * per_page)).all()
    total = int(found[0][2]) if found else 0
    pages = max(1, -(-total // per_page))
    units = [(u, n) for u, n, _total in found]
    counts = subtree_counts(
        session=session, campaign_id=campaign.id, top_ids=[u.id for u, _ in units]
    )
    empty: dict[uuid.UUID, Counts] = defaultdict(Counts)
    rows = [MatrixRow(u, int(n), dict(counts.get(u.id, empty))) for u, n in units]
    return HeatPage(rows, total, page, pages)
