"""Tokens: stored hashed, shown once; missing or invalid tokens get 401 with a JSON body."""

from __future__ import annotations

from sqlmodel import Session, col, select

from models import ApiToken, AuditEntry, User
from models.accounts.ops import authenticate, create_user, hash_token
from tests.world.accounts import login_as


def test_me_without_token_is_401_json(world, client):
    answer = client.get("/api/me")
    assert answer.status_code == 401
    assert answer.json()["error"]["code"] == "unauthorized"
    assert answer.headers["www-authenticate"] == "Bearer"


def test_me_with_invalid_token_is_401(world, client):
    answer = client.get("/api/me", headers={"Authorization": "Bearer not-a-token"})
    assert answer.status_code == 401
    assert "mã truy cập" in answer.json()["error"]["message"].lower()


def test_me_with_token_names_user_and_role(world, client):
    answer = client.get("/api/me", headers=world.auth("appraiser"))
    assert answer.status_code == 200
    assert answer.json()["name"] == "appraiser" and answer.json()["role"] == "appraiser"


def test_token_is_stored_only_as_hash(world, engine):
    with Session(engine) as s:
        user = s.exec(select(User).where(User.name == "unit_a")).one()
        row = s.exec(select(ApiToken).where(ApiToken.user_id == user.id)).one()
        assert row.token_hash == hash_token(world.tokens["unit_a"])
        assert world.tokens["unit_a"] not in row.token_hash
        assert authenticate(session=s, token=world.tokens["unit_a"]).name == "unit_a"
        assert authenticate(session=s, token="guess") is None


def test_create_user_refuses_unit_role_without_unit(world, engine):
    import pytest

    from cchc.errors import ValidationError

    with Session(engine) as s, pytest.raises(ValidationError, match="--unit"):
        create_user(session=s, name="x", role="unit", actor="test")


def test_admin_adds_user_and_token_works_once_shown(world, client, engine):
    answer = client.post(
        "/api/users", json={"name": "new-viewer", "role": "viewer"}, headers=world.auth("admin")
    )
    assert answer.status_code == 201
    token = answer.json()["token"]
    assert (
        client.get("/api/me", headers={"Authorization": f"Bearer {token}"}).json()["role"]
        == "viewer"
    )
    with Session(engine) as s:
        audit = s.exec(
            select(AuditEntry).where(AuditEntry.entity == "user", AuditEntry.actor == "admin")
        ).all()
        assert len(audit) == 1


def test_non_admin_cannot_add_users(world, client):
    answer = client.post(
        "/api/users", json={"name": "sneaky", "role": "admin"}, headers=world.auth("unit_a")
    )
    assert answer.status_code == 403
    assert answer.json()["error"]["code"] == "forbidden"


def test_raw_token_cookie_no_longer_authenticates(world, client):
    client.cookies.set("cchc_token", world.tokens["viewer"])
    assert client.get("/api/me").status_code == 401


def test_session_cookie_also_authenticates_api(world, client):
    login_as(client, "viewer")
    assert client.get("/api/me").json()["name"] == "viewer"


def test_admin_input_with_unknown_field_or_unit_codes_is_refused(world, client, engine):
    for body, unknown in (
        (
            {
                "name": "a1",
                "role": "appraiser",
                "unit_code": "so-noi-vu",
                "field_codes": ["2", "9"],
            },
            "9",
        ),
        ({"name": "a2", "role": "viewer", "unit_codes": ["so-a", "so-khong-co"]}, "so-khong-co"),
    ):
        answer = client.post("/api/users", json=body, headers=world.auth("admin"))
        assert answer.status_code == 422, answer.text
        assert unknown in answer.json()["error"]["message"]
    with Session(engine) as s:  # nothing stored
        assert not s.exec(select(User).where(col(User.name).in_(["a1", "a2"]))).all()
    known = {"name": "a3", "role": "appraiser", "unit_code": "so-noi-vu", "field_codes": ["2"]}
    assert client.post("/api/users", json=known, headers=world.auth("admin")).status_code == 201
