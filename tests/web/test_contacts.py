"""Contacts over the API and the admin screens: validated, normalised, audited, CSRF-protected."""

from __future__ import annotations

from sqlmodel import Session, select

from models import AuditEntry, OrgUnit, User
from tests.world.accounts import login_as


def _unit(engine, code: str) -> OrgUnit:
    with Session(engine) as s:
        return s.exec(select(OrgUnit).where(OrgUnit.code == code)).one()


def _audits(engine, action: str) -> list[tuple[str, str | None, str | None]]:
    with Session(engine) as s:
        rows = s.exec(select(AuditEntry).where(AuditEntry.action == action)).all()
        return [(r.actor, r.field, r.new_value) for r in rows]


def test_admin_sets_unit_contacts_over_the_api_normalised_and_audited(world, client, engine):
    body = {"email": "vp@so-a.gov.vn", "phone": "0912 345 678", "zalo": "4213456789"}
    answer = client.put("/api/units/so-a/contacts", json=body, headers=world.auth("admin"))
    assert answer.status_code == 200, answer.text
    assert answer.json() == {**body, "phone": "+84912345678"}
    unit = _unit(engine, "so-a")
    assert (unit.email, unit.phone, unit.zalo_id) == (
        "vp@so-a.gov.vn",
        "+84912345678",
        "4213456789",
    )
    assert ("admin", "phone", "+84912345678") in _audits(engine, "contacts")
    cleared = client.put("/api/units/so-a/contacts", json={"zalo": ""}, headers=world.auth("admin"))
    assert cleared.json() == {"email": "vp@so-a.gov.vn", "phone": "+84912345678", "zalo": None}


def test_bad_contacts_are_refused_with_a_json_body_and_nothing_kept(world, client, engine):
    bad = {"email": "khong-phai-thu", "phone": "12345"}
    answer = client.put("/api/units/so-a/contacts", json=bad, headers=world.auth("admin"))
    assert answer.status_code == 422
    text = answer.text
    assert "thư điện tử" in text and "số điện thoại" in text and "Traceback" not in text
    assert _unit(engine, "so-a").phone is None
    huge = client.put(
        "/api/units/so-a/contacts", json={"email": "a" * 300}, headers=world.auth("admin")
    )
    assert huge.status_code == 422


def test_unit_user_may_not_set_unit_contacts_but_sets_own_preferences(world, client, engine):
    refused = client.put(
        "/api/units/so-a/contacts", json={"phone": "0912345678"}, headers=world.auth("unit_a")
    )
    assert refused.status_code == 403
    own = client.put(
        "/api/users/unit_a/contacts",
        json={"phone": "+84 988 000 111", "events": ["reminder", "overdue"], "digest": True},
        headers=world.auth("unit_a"),
    )
    assert own.status_code == 200, own.text
    assert own.json()["events"] == ["overdue", "reminder"] and own.json()["digest"] is True
    other = client.put(
        "/api/users/unit_b/contacts", json={"phone": "0988000111"}, headers=world.auth("unit_a")
    )
    assert other.status_code == 403
    unknown = client.put(
        "/api/users/unit_a/contacts", json={"events": ["nope"]}, headers=world.auth("unit_a")
    )
    assert unknown.status_code == 422
    with Session(engine) as s:
        row = s.exec(select(User).where(User.name == "unit_a")).one()
        assert (row.phone, row.notify_digest) == ("+84988000111", True)
    assert ("unit_a", "digest", "True") in _audits(engine, "preferences")


def test_admin_contacts_form_needs_csrf_and_shows_refusals(world, client, engine):
    token = login_as(client, "admin")
    listing = client.get("/admin/contacts")
    assert listing.status_code == 200 and "Sở Alpha" in listing.text
    assert "<script>alert" not in listing.text  # the unit named <script> stays text
    form = client.get("/admin/units/so-a/contacts")
    assert 'name="csrf_token"' in form.text
    del client.headers["X-CSRF-Token"]
    forged = client.post("/admin/units/so-a/contacts", data={"phone": "0912345678"})
    assert forged.status_code == 403 and _unit(engine, "so-a").phone is None
    typed = {"phone": "0912345", "email": "vp@so-a.gov.vn", "csrf_token": token}
    refused = client.post("/admin/units/so-a/contacts", data=typed)
    assert refused.status_code == 422 and "không phải số điện thoại" in refused.text
    assert 'value="0912345"' in refused.text and _unit(engine, "so-a").email is None
    saved = client.post("/admin/units/so-a/contacts", data={**typed, "phone": "0912 345 678"})
    assert saved.status_code == 200 and 'id="saved"' in saved.text
    assert _unit(engine, "so-a").phone == "+84912345678"


def test_user_contacts_form_saves_events_and_digest(world, client, engine):
    token = login_as(client, "admin")
    page = client.get("/admin/users/viewer/contacts")
    assert page.status_code == 200 and "Tổng hợp mỗi ngày" in page.text
    form = {
        "email": "theo-doi@snv.gov.vn",
        "events": ["reminder", "escalation"],
        "digest": "yes",
        "csrf_token": token,
    }
    saved = client.post("/admin/users/viewer/contacts", data=form)
    assert saved.status_code == 200, saved.text
    with Session(engine) as s:
        row = s.exec(select(User).where(User.name == "viewer")).one()
        assert row.notify_events == ["escalation", "reminder"] and row.notify_digest
    login_as(client, "council")
    assert client.get("/admin/users/viewer/contacts").status_code == 403
    assert client.get("/admin/contacts").status_code == 403
