"""Read-only queries over a campaign's results, council sessions, outbox and audit log."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, or_, true
from sqlmodel import Session, col, select

from models.audit.log import AuditEntry
from models.campaign.tables import Campaign
from models.catalog.units import OrgUnit
from models.enums import CampaignState
from models.outbox.marks import MARKS, Mark, condition
from models.outbox.tables import Notification
from models.results.tables import FieldResult, Result
from models.scoring.council import Approval, CouncilSession, Publication


def publication(*, session: Session, campaign_id: uuid.UUID) -> Publication | None:
    """Return the campaign's publication, or None before it is published."""
    return session.exec(select(Publication).where(Publication.campaign_id == campaign_id)).first()


def published_campaigns(*, session: Session) -> list[Campaign]:
    """Return the campaigns whose results are published, newest first (one query)."""
    published = select(Publication.campaign_id)
    return list(
        session.exec(
            select(Campaign)
            .where(
                or_(
                    col(Campaign.state) == CampaignState.published,
                    col(Campaign.id).in_(published),
                )
            )
            .order_by(col(Campaign.year).desc(), Campaign.code)
        ).all()
    )


def latest_approval(*, session: Session, campaign_id: uuid.UUID) -> Approval | None:
    """Return the campaign's latest approval decision, or None."""
    return session.exec(
        select(Approval)
        .where(Approval.campaign_id == campaign_id)
        .order_by(col(Approval.recorded_at).desc())
    ).first()


def results(
    *, session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID | None = None
) -> list[tuple[Result, OrgUnit]]:
    """Return the results (of one unit, or all) by block then rank."""
    query = (
        select(Result, OrgUnit)
        .join(OrgUnit, col(OrgUnit.id) == col(Result.unit_id))
        .where(Result.campaign_id == campaign_id)
    )
    if unit_id is not None:
        query = query.where(Result.unit_id == unit_id)
    order = (
        col(Result.rank_group),
        col(Result.rank).is_(None),
        col(Result.rank),
        col(OrgUnit.code),
    )
    return list(session.exec(query.order_by(*order)).all())


@dataclass
class RankingBlock:
    """One rank group's page of results, best first, and where it sits in the whole block."""

    block: str
    rows: list[tuple[Result, OrgUnit]]
    total: int
    page: int
    pages: int


def ranking_blocks(
    *, session: Session, campaign_id: uuid.UUID, per_page: int, block: str | None, page: int
) -> list[RankingBlock]:
    """Return one page of every block (page `page` of `block`, the first of the others).

    One statement whatever the campaign's size, never loading 12,000 results to show a few
    dozen; the rows keep the ranking's order (rank, then unit code). A page past a block's
    last shows its last.
    """
    by_index = session.get_bind().dialect.name == "postgresql"
    query = (_pages_by_index if by_index else _pages_by_window)(campaign_id, per_page, block, page)
    blocks: dict[str, RankingBlock] = {}
    for result, unit, total, at in session.exec(query).all():
        pages = -(-int(total) // per_page)
        found = blocks.setdefault(
            result.rank_group, RankingBlock(result.rank_group, [], int(total), int(at), pages)
        )
        found.rows.append((result, unit))
    return list(blocks.values())


RANK_ORDER = (col(Result.rank).asc().nulls_last(), col(OrgUnit.code))


def _page_shown(total: Any, block_of_row: Any, per_page: int, block: str | None, page: int) -> Any:
    """The page shown of a block: the one asked for (1 for the others), at most its last."""
    last = (total + per_page - 1) // per_page
    wanted = case((block_of_row == (block or ""), page), else_=1)
    return case((wanted > last, last), else_=wanted)


def _pages_by_index(campaign_id: uuid.UUID, per_page: int, block: str | None, page: int) -> Any:
    """PostgreSQL: each block's page read in rank order from ix_result_block_rank (LATERAL)."""
    totals = (
        select(col(Result.rank_group).label("block"), func.count().label("total"))
        .where(col(Result.campaign_id) == campaign_id)
        .group_by(col(Result.rank_group))
        .subquery("totals")
    )
    shown = _page_shown(totals.c.total, totals.c.block, per_page, block, page)
    top = (
        select(col(Result.id).label("id"))
        .join(OrgUnit, col(OrgUnit.id) == col(Result.unit_id))
        .where(col(Result.campaign_id) == campaign_id, col(Result.rank_group) == totals.c.block)
        .order_by(*RANK_ORDER)
        .limit(per_page)
        .offset((shown - 1) * per_page)
        .lateral("top")
    )
    return (
        select(Result, OrgUnit, totals.c.total, shown)
        .select_from(totals)
        .join(top, true())
        .join(Result, col(Result.id) == top.c.id)
        .join(OrgUnit, col(OrgUnit.id) == col(Result.unit_id))
        .order_by(col(Result.rank_group), *RANK_ORDER)
    )


def _pages_by_window(campaign_id: uuid.UUID, per_page: int, block: str | None, page: int) -> Any:
    """SQLite (no LATERAL): number every result within its block, keep each block's page."""
    numbered = (
        select(
            col(Result.id).label("id"),
            func.row_number()
            .over(partition_by=col(Result.rank_group), order_by=RANK_ORDER)
            .label("n"),
            func.count().over(partition_by=col(Result.rank_group)).label("total"),
        )
        .join(OrgUnit, col(OrgUnit.id) == col(Result.unit_id))
        .where(col(Result.campaign_id) == campaign_id)
        .subquery()
    )
    shown = _page_shown(numbered.c.total, col(Result.rank_group), per_page, block, page)
    return (
        select(Result, OrgUnit, numbered.c.total, shown)
        .join(numbered, numbered.c.id == col(Result.id))
        .join(OrgUnit, col(OrgUnit.id) == col(Result.unit_id))
        .where(numbered.c.n > (shown - 1) * per_page, numbered.c.n <= shown * per_page)
        .order_by(col(Result.rank_group), numbered.c.n)
    )


def field_points(
    *, session: Session, campaign_id: uuid.UUID, unit_ids: Collection[uuid.UUID]
) -> list[tuple[uuid.UUID, str, float, float]]:
    """Return (unit, field, achieved, maximum) of some units: plain columns for the heat map."""
    query = (
        select(
            FieldResult.unit_id,
            FieldResult.field_code,
            FieldResult.achieved_points,
            FieldResult.max_points,
        )
        .where(col(FieldResult.campaign_id) == campaign_id, col(FieldResult.unit_id).in_(unit_ids))
        .order_by(col(FieldResult.field_code))
    )
    return [(u, f, a, m) for u, f, a, m in session.exec(query).all()]


def council_sessions(*, session: Session, campaign_id: uuid.UUID) -> list[CouncilSession]:
    """Return the council sessions, oldest first."""
    return list(
        session.exec(
            select(CouncilSession)
            .where(CouncilSession.campaign_id == campaign_id)
            .order_by(col(CouncilSession.held_on), col(CouncilSession.recorded_at))
        ).all()
    )


def outbox_summary(
    *, session: Session, campaign_id: uuid.UUID
) -> tuple[dict[str, int], dict[str, int]]:
    """Return messages by state (pending, delivered, failed) and by mark, from one scan."""
    held, own = (func.count().filter(condition(mark)) for mark in MARKS)
    rows = session.exec(
        select(Notification.state, func.count(), held, own)
        .where(Notification.campaign_id == campaign_id)
        .group_by(Notification.state)
    ).all()
    by_state = {state: int(n) for state, n, _held, _own in rows}
    by_mark: dict[str, int] = {
        mark: sum(int(row[i] or 0) for row in rows) for i, mark in enumerate(MARKS, start=2)
    }
    return by_state, by_mark


def outbox(
    *,
    session: Session,
    campaign_id: uuid.UUID,
    state: str | None = None,
    mark: Mark | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[tuple[Notification, OrgUnit | None]]:
    """Return a page of the notification log, newest first, with the unit it concerns."""
    query = (
        select(Notification, OrgUnit)
        .join(OrgUnit, col(OrgUnit.id) == col(Notification.unit_id), isouter=True)
        .where(Notification.campaign_id == campaign_id)
    )
    if state:
        query = query.where(Notification.state == state)
    if mark:
        query = query.where(condition(mark))
    query = query.order_by(col(Notification.created_at).desc()).offset(offset).limit(limit)
    return list(session.exec(query).all())


def audit_log(
    *, session: Session, campaign_id: uuid.UUID, limit: int = 100, offset: int = 0
) -> list[AuditEntry]:
    """Return a page of the campaign's audit log, newest first."""
    return list(
        session.exec(
            select(AuditEntry)
            .where(AuditEntry.campaign_id == campaign_id)
            .order_by(col(AuditEntry.at).desc())
            .offset(offset)
            .limit(limit)
        ).all()
    )
