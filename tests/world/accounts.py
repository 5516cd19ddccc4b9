"""Accounts in a test world: give a user a password, sign a TestClient in through /login."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from models.accounts.passwords import hash_password
from models.accounts.tables import User

PASSWORD = "mat-khau-thu-nghiem"
_META = re.compile(r'<meta name="csrf-token" content="([^"]*)">')


def set_password(engine: Engine, name: str, password: str = PASSWORD) -> None:
    """Give the named user a password it need not change."""
    with Session(engine) as s:
        user = s.exec(select(User).where(User.name == name)).one()
        user.password_hash = hash_password(password)
        user.must_change_password = False
        s.add(user)
        s.commit()


def page_token(client: Any, path: str = "/login") -> str:
    """Return the anti-forgery token a page of the dashboard embeds (its meta tag)."""
    found = _META.search(client.get(path).text)
    assert found, f"no csrf-token meta on {path}"
    return found.group(1)


def login_as(client: Any, name: str, password: str = PASSWORD) -> str:
    """Sign a TestClient in as `name` (password set first) through the login form.

    The session's anti-forgery token is returned and also sent by the client from then on as
    `X-CSRF-Token`, as the dashboard's script does; delete that header to test a refusal.
    """
    set_password(client.app.state.engine, name, password)
    client.cookies.clear()
    client.headers.pop("X-CSRF-Token", None)
    token = page_token(client)
    answer = client.post(
        "/login",
        data={"username": name, "password": password, "csrf_token": token},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    session_token = page_token(client, "/account/password")
    client.headers["X-CSRF-Token"] = session_token
    return session_token
