"""Users (argon2 password hashes), their server-side web sessions, API tokens and login failures."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlmodel import Field, SQLModel

from models.types import created_now, json_list, uuid_pk, when


class User(SQLModel, table=True):
    """A person or office using the dashboard (password) or the API (tokens)."""

    __tablename__ = "app_user"

    id: uuid.UUID = uuid_pk()
    name: str = Field(unique=True, max_length=128)
    role: str = Field(max_length=16)
    unit_id: uuid.UUID | None = Field(default=None, foreign_key="org_unit.id")
    password_hash: str | None = Field(default=None, max_length=256)  # argon2id; None = no login
    must_change_password: bool = False  # a first-time or reset password: change it first
    field_codes: list[str] = json_list()  # appraiser: fields assigned ([] = all of its agency's)
    unit_codes: list[str] = json_list()  # appraiser: units assigned ([] = by hierarchy)
    active: bool = True
    created_at: datetime = created_now()
    email: str | None = Field(default=None, max_length=255)
    phone: str | None = Field(default=None, max_length=16)  # +84…, for SMS
    zalo_id: str | None = Field(default=None, max_length=64)
    notify_events: list[str] = json_list()  # message kinds wanted ([] = every kind)
    notify_digest: bool = False  # one message a day instead of one per event


class ApiToken(SQLModel, table=True):
    """A named token a script sends as `Authorization: Bearer`; stored only as a sha256 hash."""

    __tablename__ = "api_token"

    id: uuid.UUID = uuid_pk()
    user_id: uuid.UUID = Field(foreign_key="app_user.id", index=True)
    name: str = Field(max_length=64)
    scope: str = Field(max_length=8)  # "read" or "write"
    token_hash: str = Field(unique=True, max_length=64)
    created_at: datetime = created_now()
    expires_at: datetime | None = when()  # None = never
    revoked_at: datetime | None = when()


class WebSession(SQLModel, table=True):
    """A dashboard sign-in; the cookie holds a random id whose sha256 is stored here."""

    __tablename__ = "web_session"

    id: uuid.UUID = uuid_pk()
    sid_hash: str = Field(unique=True, max_length=64)
    user_id: uuid.UUID = Field(foreign_key="app_user.id", index=True)
    created_at: datetime = created_now()
    last_seen_at: datetime = created_now()
    revoked_at: datetime | None = when()
    ip: str = Field(default="", max_length=64)


class LoginFailure(SQLModel, table=True):
    """One refused sign-in, counted per user name and per address to slow down guessing."""

    __tablename__ = "login_failure"

    id: uuid.UUID = uuid_pk()
    username: str = Field(max_length=128, index=True)
    ip: str = Field(max_length=64, index=True)
    at: datetime = created_now()
