"""Self-assessments with evidence, appraisals, survey points and raw ballots."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from models.types import created_now, uuid_pk, when


class SelfAssessment(SQLModel, table=True):
    """One version of a unit's self-assessment (draft, submitted or withdrawn)."""

    __tablename__ = "self_assessment"
    __table_args__ = (UniqueConstraint("campaign_id", "unit_id", "version"),)

    id: uuid.UUID = uuid_pk()
    campaign_id: uuid.UUID = Field(foreign_key="campaign.id", index=True)
    unit_id: uuid.UUID = Field(foreign_key="org_unit.id", index=True)
    criteria_set_id: uuid.UUID = Field(foreign_key="criteria_set.id")
    version: int = 1
    status: str = Field(default="draft", max_length=16)  # draft | submitted | withdrawn
    lock_version: int = 0  # optimistic concurrency for drafts edited by two users
    received_at: datetime | None = when()
    late: bool = False
    submitted_by: str | None = Field(default=None, max_length=128)
    created_at: datetime = created_now()
    updated_at: datetime = created_now()


class SelfScore(SQLModel, table=True):
    """A unit's self score for one leaf, with its explanation."""

    __tablename__ = "self_score"
    __table_args__ = (UniqueConstraint("self_assessment_id", "item_id"),)

    id: uuid.UUID = uuid_pk()
    self_assessment_id: uuid.UUID = Field(foreign_key="self_assessment.id", index=True)
    item_id: uuid.UUID = Field(foreign_key="criteria_item.id", index=True)
    score: float
    explanation: str | None = Field(default=None, max_length=4000)
    figure: float | None = None  # a formula leaf's figure; `score` is computed from it (0018)


class Evidence(SQLModel, table=True):
    """An evidence document (tài liệu kiểm chứng) stored on disk by its sha256."""

    __tablename__ = "evidence"

    id: uuid.UUID = uuid_pk()
    campaign_id: uuid.UUID = Field(foreign_key="campaign.id", index=True)
    unit_id: uuid.UUID = Field(foreign_key="org_unit.id", index=True)
    item_code: str | None = Field(default=None, max_length=32)
    filename: str = Field(max_length=255)
    size: int
    sha256: str = Field(max_length=64, index=True)
    content_type: str | None = Field(default=None, max_length=128)
    uploaded_by: str = Field(max_length=128)
    uploaded_at: datetime = created_now()


class Appraisal(SQLModel, table=True):
    """One leaf's appraisal for one unit: accepted or adjusted, and the council's final word."""

    __tablename__ = "appraisal"
    __table_args__ = (UniqueConstraint("campaign_id", "unit_id", "item_id"),)

    id: uuid.UUID = uuid_pk()
    campaign_id: uuid.UUID = Field(foreign_key="campaign.id", index=True)
    unit_id: uuid.UUID = Field(foreign_key="org_unit.id", index=True)
    item_id: uuid.UUID = Field(foreign_key="criteria_item.id", index=True)
    self_score: float | None = None
    appraised_score: float
    figure: float | None = None  # the agency's figure of a formula leaf (0018)
    decision: str = Field(max_length=16)  # accepted | adjusted
    reason: str | None = Field(default=None, max_length=4000)
    appraiser_code: str | None = Field(default=None, max_length=96)
    appraised_by: str = Field(max_length=128)
    appraised_at: datetime = created_now()
    final_score: float | None = None  # the council's decision, when it differs or confirms
    final_reason: str | None = Field(default=None, max_length=4000)


class AppraisalMessage(SQLModel, table=True):
    """One message of a leaf's reply thread (giải trình): the appraiser asks or answers, the
    unit replies; kept in order, never edited."""

    __tablename__ = "appraisal_message"

    id: uuid.UUID = uuid_pk()
    campaign_id: uuid.UUID = Field(foreign_key="campaign.id", index=True)
    unit_id: uuid.UUID = Field(foreign_key="org_unit.id", index=True)
    item_id: uuid.UUID = Field(foreign_key="criteria_item.id")
    author: str = Field(max_length=128)
    role: str = Field(max_length=16)  # unit | appraiser
    text: str = Field(max_length=2000)
    at: datetime = created_now()


class SurveyScore(SQLModel, table=True):
    """Survey points of one survey leaf for one unit."""

    __tablename__ = "survey_score"
    __table_args__ = (UniqueConstraint("campaign_id", "unit_id", "item_id"),)

    id: uuid.UUID = uuid_pk()
    campaign_id: uuid.UUID = Field(foreign_key="campaign.id", index=True)
    unit_id: uuid.UUID = Field(foreign_key="org_unit.id", index=True)
    item_id: uuid.UUID = Field(foreign_key="criteria_item.id", index=True)
    points: float
    ballots: int = 0
    source: str = Field(default="import", max_length=16)  # import | ballots
    imported_at: datetime = created_now()


class Ballot(SQLModel, table=True):
    """One raw answer of one respondent about one target unit and question."""

    __tablename__ = "ballot"

    id: uuid.UUID = uuid_pk()
    campaign_id: uuid.UUID = Field(foreign_key="campaign.id", index=True)
    respondent_group: str = Field(max_length=64)
    respondent_ref: str | None = Field(default=None, max_length=64)
    target_unit_id: uuid.UUID = Field(foreign_key="org_unit.id", index=True)
    question: str = Field(max_length=32)  # the survey item code
    answer: str = Field(max_length=8)


class NotApplicable(SQLModel, table=True):
    """A leaf that does not apply to one unit: its points leave that unit's maximum (0018)."""

    __tablename__ = "not_applicable"
    __table_args__ = (UniqueConstraint("campaign_id", "unit_id", "item_id"),)

    id: uuid.UUID = uuid_pk()
    campaign_id: uuid.UUID = Field(foreign_key="campaign.id")  # led by the unique key
    unit_id: uuid.UUID = Field(foreign_key="org_unit.id", index=True)
    item_id: uuid.UUID = Field(foreign_key="criteria_item.id", index=True)
    reason: str = Field(max_length=4000)
    marked_by: str = Field(max_length=128)
    marked_at: datetime = created_now()
