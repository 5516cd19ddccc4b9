"""API tokens: scoped, expiring, listable, revocable and rotated, effective at once."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session

from cchc.clock import frozen_at, now
from services import accounts_admin
from tests.world.web import FULL, SA

ME = "/api/me"


def _bearer(token: str) -> dict[str, str]:
    """The Authorization header of a plain token."""
    return {"Authorization": f"Bearer {token}"}


def _issue(engine, scope: str, days: int | None = None) -> str:
    """Issue a token named `script` to unit_a, as an admin would."""
    with Session(engine) as s:
        _row, plain = accounts_admin.add_token(
            session=s, name="unit_a", token_name="script", scope=scope, days=days, actor="admin"
        )
        s.commit()
    return plain


def test_read_only_token_reads_but_cannot_write(world, client, engine):
    token = _issue(engine, "read")
    assert client.get(ME, headers=_bearer(token)).json()["name"] == "unit_a"
    refused = client.put(SA.format(unit="so-a"), json=FULL, headers=_bearer(token))
    assert refused.status_code == 403 and "chỉ có quyền đọc" in refused.json()["error"]["message"]


def test_read_write_token_writes(world, client, engine):
    token = _issue(engine, "write")
    assert client.put(SA.format(unit="so-a"), json=FULL, headers=_bearer(token)).status_code == 200


def test_revoked_token_stops_at_once(world, client, engine):
    token = _issue(engine, "write")
    assert client.get(ME, headers=_bearer(token)).status_code == 200
    with Session(engine) as s:
        accounts_admin.revoke_named_token(
            session=s, name="unit_a", token_name="script", actor="admin"
        )
        s.commit()
    assert client.get(ME, headers=_bearer(token)).status_code == 401


def test_token_expires(world, client, engine):
    token = _issue(engine, "read", days=30)
    with frozen_at(now() + timedelta(days=29)):
        assert client.get(ME, headers=_bearer(token)).status_code == 200
    with frozen_at(now() + timedelta(days=31)):
        assert client.get(ME, headers=_bearer(token)).status_code == 401


def test_rotated_token_replaces_the_old_value(world, client, engine):
    old = _issue(engine, "read", days=90)
    with Session(engine) as s:
        row, new = accounts_admin.rotate_token(
            session=s, name="unit_a", token_name="script", actor="admin"
        )
        s.commit()
        assert row.scope == "read" and row.expires_at is not None
    assert client.get(ME, headers=_bearer(old)).status_code == 401
    assert client.get(ME, headers=_bearer(new)).status_code == 200


def test_tokens_are_listed_with_their_state(world, engine):
    _issue(engine, "read")
    with Session(engine) as s:
        rows = accounts_admin.tokens(session=s, name="unit_a", actor="admin")
    assert sorted((r.name, r.scope) for r in rows) == [("default", "write"), ("script", "read")]


def test_locked_users_tokens_stop(world, client, engine):
    with Session(engine) as s:
        accounts_admin.revoke_user(session=s, name="unit_b", actor="admin")
        s.commit()
    assert client.get(ME, headers=world.auth("unit_b")).status_code == 401
