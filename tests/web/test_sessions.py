"""Password sign-in: server-side sessions, throttling, idle and absolute expiry, sign-out."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session, select

from cchc.clock import frozen_at, now
from models import AuditEntry, LoginFailure, WebSession
from services.accounts_admin import revoke_user
from tests.world.accounts import PASSWORD, login_as, page_token, set_password

ME = "/api/me"


def _try(client, name: str, password: str):
    """Post the login form once, with the page's token."""
    form = {"username": name, "password": password, "csrf_token": page_token(client)}
    return client.post("/login", data=form, follow_redirects=False)


def test_login_with_password_opens_a_server_session(world, client, engine):
    set_password(engine, "unit_a")
    answer = _try(client, "unit_a", PASSWORD)
    assert answer.status_code == 303 and answer.headers["location"] == "/campaigns"
    cookie = answer.headers["set-cookie"]
    assert "cchc_session=" in cookie and "HttpOnly" in cookie and "samesite=lax" in cookie.lower()
    sid = client.cookies["cchc_session"]
    with Session(engine) as s:
        row = s.exec(select(WebSession)).one()
        assert sid not in row.sid_hash  # only the hash of the cookie's id is stored
        actors = s.exec(select(AuditEntry.actor).where(AuditEntry.action == "login")).all()
    assert actors == ["unit_a"]
    assert client.get(ME).json()["name"] == "unit_a"


def test_wrong_password_is_refused_and_counted(world, client, engine):
    set_password(engine, "unit_a")
    answer = _try(client, "unit_a", "not-the-password")
    assert answer.status_code == 401 and "mật khẩu không đúng" in answer.text
    assert "cchc_session" not in client.cookies
    with Session(engine) as s:
        assert len(s.exec(select(LoginFailure)).all()) == 1


def test_unknown_user_gets_the_same_refusal(world, client):
    answer = _try(client, "no-such-user", PASSWORD)
    assert answer.status_code == 401 and "mật khẩu không đúng" in answer.text


def test_five_failures_pause_the_name_even_with_the_right_password(world, client, engine):
    set_password(engine, "unit_a")
    for _ in range(5):
        assert _try(client, "unit_a", "wrong-wrong").status_code == 401
    refused = _try(client, "unit_a", PASSWORD)
    assert refused.status_code == 429 and "thử lại sau 15 phút" in refused.text
    assert _try(client, "unit_b", "wrong-wrong").status_code == 401  # another name still tries
    with frozen_at(now() + timedelta(minutes=16)):
        assert _try(client, "unit_a", PASSWORD).status_code == 303  # the window has passed


def test_session_expires_after_idle_timeout(world, client):
    start = now()
    with frozen_at(start):
        login_as(client, "viewer")
    with frozen_at(start + timedelta(minutes=59)):
        assert client.get(ME).status_code == 200  # used: the idle clock restarts
    with frozen_at(start + timedelta(minutes=59 + 59)):
        assert client.get(ME).status_code == 200
    with frozen_at(start + timedelta(minutes=59 + 59 + 61)):
        assert client.get(ME).status_code == 401


def test_session_expires_at_absolute_timeout_even_when_used(world, client):
    start = now()
    with frozen_at(start):
        login_as(client, "viewer")
    for minutes in range(50, 12 * 60, 50):  # used every 50 minutes: never idle for an hour
        with frozen_at(start + timedelta(minutes=minutes)):
            assert client.get(ME).status_code == 200
    with frozen_at(start + timedelta(hours=12)):
        assert client.get(ME).status_code == 401


def test_logout_deletes_the_server_session_at_once(world, client, engine):
    login_as(client, "viewer")
    sid = client.cookies["cchc_session"]
    answer = client.post("/logout", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/login"
    client.cookies.set("cchc_session", sid)  # a copied cookie is dead too
    assert client.get(ME).status_code == 401
    with Session(engine) as s:
        assert s.exec(select(WebSession)).one().revoked_at is not None


def test_revoked_user_session_stops_at_once(world, client, engine):
    login_as(client, "unit_a")
    assert client.get(ME).status_code == 200
    with Session(engine) as s:
        revoke_user(session=s, name="unit_a", actor="admin-operator")
        s.commit()
    assert client.get(ME).status_code == 401
    page = client.get("/campaigns", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == "/login"


def test_login_page_no_longer_mentions_the_cli(world, client):
    html = client.get("/login").text
    assert "cchc users add" not in html and 'name="password"' in html


def test_signing_in_again_closes_the_browsers_older_session(world, client, engine):
    login_as(client, "viewer")
    old = client.cookies["cchc_session"]
    form = {"username": "viewer", "password": PASSWORD, "csrf_token": page_token(client)}
    assert client.post("/login", data=form, follow_redirects=False).status_code == 303
    assert client.cookies["cchc_session"] != old
    with Session(engine) as s:
        states = sorted(r.revoked_at is None for r in s.exec(select(WebSession)).all())
    assert states == [False, True]  # the older one revoked, the new one open
