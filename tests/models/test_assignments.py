"""Acting on an assignment judges lateness by server receipt time; extensions move the due time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, select

from cchc.errors import DeadlinePassed, ValidationError
from models import AuditEntry, Extension
from models.campaign.assignments import extend_due, find_assignment, mark_acted
from tests.world.campaigns import make_campaign, make_stage
from tests.world.catalog import make_unit

# 23:59:59 ICT on 05/02/2018 is 16:59:59 UTC: the deadline second of "chậm nhất ngày 05/02/2018".
DUE = datetime(2018, 2, 5, 16, 59, 59, tzinfo=UTC)


def _setup(session: Session, late_policy: str = "accept_flag"):  # type: ignore[no-untyped-def]
    unit = make_unit(session, "so-tu-phap")
    campaign = make_campaign(session)
    make_stage(
        session,
        campaign,
        "s1",
        "self_assessment",
        opens=DUE - timedelta(days=10),
        due=DUE,
        units=[unit],
        late_policy=late_policy,
    )
    session.commit()
    return unit, campaign


def test_act_at_the_deadline_second_is_on_time(session: Session) -> None:
    unit, campaign = _setup(session)
    done = mark_acted(
        session=session,
        campaign_id=campaign.id,
        unit_id=unit.id,
        stage_kind="self_assessment",
        actor="u",
        received_at=DUE,
    )
    assert (done.state, done.late) == ("done", False)


def test_act_within_the_last_second_is_on_time(session: Session) -> None:
    unit, campaign = _setup(session)
    done = mark_acted(
        session=session,
        campaign_id=campaign.id,
        unit_id=unit.id,
        stage_kind="self_assessment",
        actor="u",
        received_at=DUE + timedelta(microseconds=999_999),
    )
    assert done.late is False


def test_act_one_second_after_is_late_and_flagged(session: Session) -> None:
    unit, campaign = _setup(session)
    done = mark_acted(
        session=session,
        campaign_id=campaign.id,
        unit_id=unit.id,
        stage_kind="self_assessment",
        actor="u",
        received_at=DUE + timedelta(seconds=1),
    )
    session.commit()
    assert (done.state, done.late) == ("late", True)
    assert session.exec(select(AuditEntry)).one().new_value == "late"


def test_late_act_is_refused_when_the_stage_refuses(session: Session) -> None:
    unit, campaign = _setup(session, late_policy="refuse")
    with pytest.raises(DeadlinePassed):
        mark_acted(
            session=session,
            campaign_id=campaign.id,
            unit_id=unit.id,
            stage_kind="self_assessment",
            actor="u",
            received_at=DUE + timedelta(seconds=1),
        )


def test_extension_moves_lateness(session: Session) -> None:
    unit, campaign = _setup(session)
    _stage, assignment = find_assignment(
        session=session, campaign_id=campaign.id, unit_id=unit.id, stage_kind="self_assessment"
    )
    extend_due(
        session=session,
        assignment=assignment,
        new_due_at=DUE + timedelta(days=3),
        reason="Lũ quét",
        document_no="12/SNV-CCHC",
        actor="admin",
    )
    session.commit()
    done = mark_acted(
        session=session,
        campaign_id=campaign.id,
        unit_id=unit.id,
        stage_kind="self_assessment",
        actor="u",
        received_at=DUE + timedelta(days=1),
    )
    assert (done.state, assignment.extended) == ("done", True)
    assert session.exec(select(Extension)).one().document_no == "12/SNV-CCHC"


def test_extension_needs_reason_and_document(session: Session) -> None:
    unit, campaign = _setup(session)
    _stage, assignment = find_assignment(
        session=session, campaign_id=campaign.id, unit_id=unit.id, stage_kind="self_assessment"
    )
    with pytest.raises(ValidationError):
        extend_due(
            session=session,
            assignment=assignment,
            new_due_at=DUE + timedelta(days=3),
            reason=" ",
            document_no="",
            actor="admin",
        )


def test_extension_after_a_late_act_makes_it_on_time(session: Session) -> None:
    unit, campaign = _setup(session)
    done = mark_acted(
        session=session,
        campaign_id=campaign.id,
        unit_id=unit.id,
        stage_kind="self_assessment",
        actor="u",
        received_at=DUE + timedelta(days=1),
    )
    assert (done.state, done.late) == ("late", True)
    extend_due(
        session=session,
        assignment=done,
        new_due_at=DUE + timedelta(days=2),
        reason="Mất điện diện rộng",
        document_no="15/UBND-NC",
        actor="admin",
    )
    session.commit()
    assert (done.state, done.late) == ("done", False)
    audited = session.exec(
        select(AuditEntry).where(AuditEntry.action == "extend", AuditEntry.field == "state")
    ).one()
    assert (audited.old_value, audited.new_value) == ("late", "done")
