"""The schema migrates on both backends and keeps its invariants."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from cchc.clock import now
from models import AuditEntry, OrgUnit
from models.audit.log import record_audit


def test_timestamps_come_back_tz_aware_utc(session: Session) -> None:
    unit = OrgUnit(province_code="lai-chau", code="so-noi-vu", name="Sở Nội vụ", kind="department")
    session.add(unit)
    session.commit()
    session.expire_all()
    stored = session.exec(select(OrgUnit)).one()
    assert stored.created_at.utcoffset() is not None
    assert abs((stored.created_at - now()).total_seconds()) < 60


def test_unit_codes_are_unique_per_province(session: Session) -> None:
    session.add(OrgUnit(province_code="p", code="x", name="A", kind="department"))
    session.add(OrgUnit(province_code="p", code="x", name="B", kind="department"))
    with pytest.raises(sa.exc.IntegrityError):
        session.commit()


def test_audit_log_refuses_update_and_delete(session: Session) -> None:
    record_audit(
        session=session,
        actor="admin",
        action="adjust",
        entity="appraisal",
        old=1,
        new=0.5,
        reason="thiếu tài liệu",
    )
    session.commit()
    entry = session.exec(select(AuditEntry)).one()
    assert (entry.old_value, entry.new_value) == ("1", "0.5")
    with pytest.raises(sa.exc.DatabaseError):
        session.execute(sa.text("UPDATE audit_entry SET new_value = '1'"))
        session.commit()
    session.rollback()
    with pytest.raises(sa.exc.DatabaseError):
        session.execute(sa.text("DELETE FROM audit_entry"))
        session.commit()
    session.rollback()
    assert session.exec(select(AuditEntry)).one().new_value == "0.5"


def test_result_leaves_room_for_in_place_recomputes_on_postgresql(pg_engine: sa.Engine) -> None:
    """Migration 0005: result pages keep half their room, so recomputes update in place."""
    with pg_engine.connect() as conn:
        options = dict(
            conn.execute(
                sa.text(
                    "SELECT relname, reloptions FROM pg_class "
                    "WHERE relname IN ('result', 'field_result')"
                )
            ).all()
        )
    assert {name: "fillfactor=50" in (opts or []) for name, opts in options.items()} == {
        "result": True,
        "field_result": True,
    }
