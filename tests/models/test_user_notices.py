"""Per-user preferences written by the tick: immediate copies of wanted events, or one digest
per user per local day (idempotent), sent to the user's own channels."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlmodel import Session, select

from cchc.clock import frozen_at
from cchc.settings import get_settings
from models import Notification, OrgUnit, User
from tests.world.plans import launch, stage, write_world
from tests.world.tick import at, evaluate_on, unit_id

DUE = date(2024, 3, 15)  # a Friday; reminders 2 working days before: Wednesday 13/03
COMMUNE = "xa-huyen-1-1"


@pytest.fixture(autouse=True)
def channels(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """E-mail and SMS channels (nothing is delivered here: the rows are what is checked)."""
    monkeypatch.setenv(
        "CCHC_NOTIFY__CHANNELS",
        json.dumps({"email": "json://127.0.0.1:9/mail", "sms": "esms://127.0.0.1:9/?insecure=yes"}),
    )
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def _world(session: Session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    reminders = {"before": [2]}
    stages = [
        stage("tu-danh-gia", "self_assessment", "all_communes", date(2024, 3, 1), DUE,
              scope={"kinds": ["commune"]}, reminders=reminders),
    ]  # fmt: skip
    contacts = {"code": "so-lh", "name": "Sở Liên hệ", "kind": "department"}
    contacts |= {"phone": "0912 345 678", "zalo": "4213456789", "email": "vp@so-lh.gov.vn"}
    launch(session, write_world(tmp_path, stages, districts=1, communes=2, extra=[contacts]))
    commune = unit_id(session, COMMUNE)
    digest = {"notify_digest": True, "notify_events": ["reminder"]}
    session.add(User(name="xa-1", role="unit", unit_id=commune, email="vp@xa-1.gov.vn", **digest))
    session.add(User(name="theo-doi", role="viewer", phone="+84912345678"))
    session.add(User(name="im-lang", role="viewer"))  # no contact: nothing personal
    session.commit()


def _tick(session: Session, day: date) -> int:
    with frozen_at(at(day)):
        return evaluate_on(session, "thu-2024", day).user_notices


def _personal(session: Session) -> list[Notification]:
    rows = session.exec(select(Notification).where(Notification.recipient.startswith("@")))  # type: ignore[attr-defined]
    return sorted(rows.all(), key=lambda r: r.idempotency_key)


def test_immediate_copies_and_one_digest_per_user_per_day(session: Session, tmp_path):
    _world(session, tmp_path)
    unit = session.get(OrgUnit, unit_id(session, "so-lh"))  # contacts from the units file
    assert unit is not None
    assert (unit.email, unit.phone, unit.zalo_id) == (
        "vp@so-lh.gov.vn",
        "+84912345678",
        "4213456789",
    )
    _tick(session, date(2024, 3, 12))
    before = {r.idempotency_key for r in _personal(session)}
    wednesday = _tick(session, date(2024, 3, 13))
    copies = [r for r in _personal(session) if r.recipient == "@theo-doi"]
    reminders = session.exec(
        select(Notification).where(Notification.kind == "reminder", Notification.unit_id != None)  # noqa: E711
    ).all()
    assert len(reminders) == 2 and wednesday == 2  # the viewer follows every unit, at once
    new_copies = [r for r in copies if r.idempotency_key not in before]
    assert {r.idempotency_key for r in new_copies} == {
        f"{r.idempotency_key}@theo-doi" for r in reminders
    }
    assert all(r.urls == ["sms:+84912345678"] and r.quiet for r in new_copies)
    assert not [r for r in _personal(session) if r.recipient in ("@xa-1", "@im-lang")]
    assert _tick(session, date(2024, 3, 13)) == 0  # the same tick again writes nothing new
    _tick(session, date(2024, 3, 14))
    _tick(session, date(2024, 3, 14))
    digests = [r for r in _personal(session) if r.kind == "digest"]
    assert [(d.recipient, d.occasion, d.urls) for d in digests] == [
        ("@xa-1", "2024-03-13", ["email:vp@xa-1.gov.vn"])
    ]
    assert "13/03/2024 (1 thông báo)" in digests[0].subject
    assert "UBND xã 1 (huyen-1)" in digests[0].body and not digests[0].quiet
