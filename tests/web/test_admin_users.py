"""The admin's users screen: list, add with a first-time password, lock, reset; admins only."""

from __future__ import annotations

import re

from sqlmodel import Session, select

from models import AuditEntry, User
from tests.world.accounts import login_as

PAGE = "/admin/users"


def _shown_password(html: str) -> str:
    """Return the password the page shows once."""
    found = re.search(r'id="shown-password">.*?<code>([^<]+)</code>', html, re.S)
    assert found, html
    return found.group(1)


def _sign_in_with(client, name: str, password: str):
    """Try the login form as a fresh browser."""
    client.cookies.clear()
    client.headers.pop("X-CSRF-Token", None)
    token = re.search(r'name="csrf-token" content="([^"]+)"', client.get("/login").text).group(1)
    form = {"username": name, "password": password, "csrf_token": token}
    return client.post("/login", data=form, follow_redirects=False)


def test_admin_lists_and_adds_a_user_who_must_change_the_password(world, client, engine):
    login_as(client, "admin")
    page = client.get(PAGE)
    assert page.status_code == 200 and "unit_b" in page.text and "<script>" not in page.text
    added = client.post(PAGE, data={"name": "so-a-2", "role": "unit", "unit_code": "so-a"})
    assert added.status_code == 200
    password = _shown_password(added.text)
    with Session(engine) as s:
        actors = s.exec(select(AuditEntry.actor).where(AuditEntry.action == "create")).all()
    assert "admin" in actors
    first = _sign_in_with(client, "so-a-2", password)
    assert first.status_code == 303 and first.headers["location"] == "/account/password"
    elsewhere = client.get("/campaigns", follow_redirects=False)
    assert elsewhere.status_code == 303 and elsewhere.headers["location"] == "/account/password"
    assert client.get("/api/me").status_code == 403  # nothing else until the password changes


def test_admin_resets_a_password_and_locks_a_user(world, client, engine):
    login_as(client, "unit_a")
    unit_client_cookie = client.cookies["cchc_session"]
    login_as(client, "admin")
    reset = client.post(f"{PAGE}/unit_a/reset")
    password = _shown_password(reset.text)
    locked = client.post(f"{PAGE}/unit_b/revoke")
    assert locked.status_code == 200 and "Đã khóa" in locked.text
    with Session(engine) as s:
        assert not s.exec(select(User).where(User.name == "unit_b")).one().active
    client.cookies.clear()
    client.cookies.set("cchc_session", unit_client_cookie)
    assert client.get("/api/me").status_code == 401  # the reset closed unit_a's sessions
    assert _sign_in_with(client, "unit_a", password).status_code == 303


def test_non_admin_is_refused(world, client):
    login_as(client, "council")
    assert client.get(PAGE).status_code == 403
    refused = client.post(PAGE, data={"name": "x", "role": "admin"})
    assert refused.status_code == 403


def test_admin_add_refusal_is_shown_on_the_page(world, client):
    login_as(client, "admin")
    answer = client.post(PAGE, data={"name": "unit_a", "role": "unit", "unit_code": "so-a"})
    assert answer.status_code == 422 and "đã tồn tại" in answer.text


def test_user_changes_own_password(world, client):
    login_as(client, "viewer")
    bad = client.post(
        "/account/password", data={"current": "sai", "new": "x" * 12, "repeat": "x" * 12}
    )
    assert bad.status_code == 422 and "không đúng" in bad.text
    form = {
        "current": "mat-khau-thu-nghiem",
        "new": "mat-khau-moi-123",
        "repeat": "mat-khau-moi-123",
    }
    assert "Đã đổi mật khẩu" in client.post("/account/password", data=form).text
    assert _sign_in_with(client, "viewer", "mat-khau-moi-123").status_code == 303
