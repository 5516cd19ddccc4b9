"""Criteria sets (Bộ chỉ số): fields → criteria → sub-criteria, versioned per year and tier."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.types import created_now, json_dict, uuid_pk


class CriteriaSet(SQLModel, table=True):
    """One criteria set, e.g. Lai Châu 2024 departments (77 self + 23 survey = 100)."""

    __tablename__ = "criteria_set"

    id: uuid.UUID = uuid_pk()
    code: str = Field(unique=True, max_length=96)
    province_code: str = Field(index=True, max_length=64)
    year: int
    tier: str = Field(max_length=32)
    title: str = Field(max_length=500)
    total: float
    self_total: float
    survey_total: float
    applies_to: dict = json_dict()
    index_cap: float | None = None  # the index never exceeds it (bonus points), e.g. 100
    created_at: datetime = created_now()


class CriteriaItem(SQLModel, table=True):
    """A field (level 1), criterion (2) or sub-criterion (3); leaves carry the points scored."""

    __tablename__ = "criteria_item"
    __table_args__ = (UniqueConstraint("criteria_set_id", "code"),)

    id: uuid.UUID = uuid_pk()
    criteria_set_id: uuid.UUID = Field(foreign_key="criteria_set.id", index=True)
    code: str = Field(max_length=32)
    parent_id: uuid.UUID | None = Field(default=None, foreign_key="criteria_item.id")
    field_code: str = Field(max_length=32)  # the level-1 ancestor, for field-by-field work
    level: int
    title: str = Field(max_length=1000)
    max_points: float
    method: str = Field(default="self", max_length=16)
    step: float | None = None
    appraiser_code: str | None = Field(default=None, max_length=96)
    is_leaf: bool = True
    position: int = 0
    kind: str = Field(default="base", max_length=16)  # base | bonus | penalty (0018)
    allow_not_applicable: bool = False  # a unit may be marked "không áp dụng" for this leaf
    formula: dict | None = Field(default=None, sa_type=JSON)  # cchc.formula's rule
