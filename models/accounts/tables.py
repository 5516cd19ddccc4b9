"""Users with hashed API tokens, roles, and the units/fields an appraiser may act on."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlmodel import Field, SQLModel

from models.types import created_now, json_list, uuid_pk


class User(SQLModel, table=True):
    """A person or office using the API; the token is stored only as a sha256 hash."""

    __tablename__ = "app_user"

    id: uuid.UUID = uuid_pk()
    name: str = Field(unique=True, max_length=128)
    role: str = Field(max_length=16)
    unit_id: uuid.UUID | None = Field(default=None, foreign_key="org_unit.id")
    token_hash: str = Field(unique=True, max_length=64)
    field_codes: list[str] = json_list()  # appraiser: fields assigned ([] = all of its agency's)
    unit_codes: list[str] = json_list()  # appraiser: units assigned ([] = by hierarchy)
    active: bool = True
    created_at: datetime = created_now()
