"""The row lock a withdrawal and an appraisal take on a submitted version: exactly one wins."""

from __future__ import annotations

import uuid

from sqlalchemy import update
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, select

from cchc.errors import Conflict
from models.scoring.tables import SelfAssessment

BUSY = "bản tự đánh giá đang được xử lý bởi một yêu cầu khác; tải lại trang"


def lock_version(session: Session, version_id: uuid.UUID) -> str:
    """Lock the version's row and return its status as stored now (a racing holder: Conflict)."""
    query = select(SelfAssessment.status).where(SelfAssessment.id == version_id)
    try:
        if session.get_bind().dialect.name == "postgresql":
            # never queue behind the racing act: the loser answers 409 at once
            return str(session.execute(query.with_for_update(nowait=True)).scalar_one())
        # SQLite has one write lock for the whole database: a write takes it, and every read
        # after it sees the latest commit, so the status read below cannot be stale
        session.execute(
            update(SelfAssessment)
            .where(SelfAssessment.id == version_id)  # type: ignore[arg-type]
            .values(status=SelfAssessment.status)
            .execution_options(synchronize_session=False)
        )
        return str(session.execute(query).scalar_one())
    except OperationalError as exc:
        code = getattr(exc.orig, "sqlstate", None)
        if code != "55P03" and "locked" not in str(exc.orig):  # lock_not_available / busy
            raise
        raise Conflict(BUSY, rule="version_busy") from exc


def require_still_submitted(session: Session, version: SelfAssessment, what: str) -> None:
    """Lock the version and refuse when a racing act already moved it out of `submitted`."""
    session.flush()
    status = lock_version(session, version.id)
    if status != "submitted":
        raise Conflict(
            f"phiên bản {version.version} vừa chuyển sang «{status}»; {what}",
            rule="version_changed",
        )
