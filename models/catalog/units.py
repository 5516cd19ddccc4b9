"""Org units: the province's departments, districts, communes and central agencies."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from models.types import created_now, json_list, uuid_pk


class OrgUnit(SQLModel, table=True):
    """One unit of the province's hierarchy (configuration, synced from config/units)."""

    __tablename__ = "org_unit"
    __table_args__ = (UniqueConstraint("province_code", "code"),)

    id: uuid.UUID = uuid_pk()
    province_code: str = Field(index=True, max_length=64)
    code: str = Field(index=True, max_length=96)
    name: str = Field(max_length=255)
    kind: str = Field(max_length=32)
    rank_group: str = Field(default="none", max_length=32)
    commune_type: str | None = Field(default=None, max_length=16)
    parent_id: uuid.UUID | None = Field(default=None, foreign_key="org_unit.id", index=True)
    aliases: list[str] = json_list()
    email: str | None = Field(default=None, max_length=255)
    phone: str | None = Field(default=None, max_length=16)  # +84…, for SMS
    zalo_id: str | None = Field(default=None, max_length=64)  # the unit's Zalo user id
    notify_urls: list[str] = json_list()
    active: bool = True
    created_at: datetime = created_now()


class UnitLineage(SQLModel, table=True):
    """A rename or merge between years, so history follows a unit to its successor."""

    __tablename__ = "unit_lineage"

    id: uuid.UUID = uuid_pk()
    unit_id: uuid.UUID = Field(foreign_key="org_unit.id", index=True)
    predecessor_code: str = Field(max_length=96)
    # The former province holding the predecessor (provincial mergers, 0013); None: this one.
    predecessor_province: str | None = Field(default=None, max_length=64)
    year: int
    change: str = Field(max_length=16)  # rename | merge
