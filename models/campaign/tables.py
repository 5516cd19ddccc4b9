"""Plans, campaigns, stages, per-unit assignments, extensions and recorded facts."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from models.types import created_now, json_dict, json_list, uuid_pk, when


class Plan(SQLModel, table=True):
    """A yearly plan (Kế hoạch) as configured; launching it makes a campaign."""

    __tablename__ = "plan"

    id: uuid.UUID = uuid_pk()
    code: str = Field(unique=True, max_length=96)
    province_code: str = Field(index=True, max_length=64)
    year: int
    title: str = Field(max_length=1000)
    decision_no: str | None = Field(default=None, max_length=64)
    source: str | None = Field(default=None, max_length=500)
    body: dict = json_dict()  # the validated plan configuration, as launched
    created_at: datetime = created_now()


class Campaign(SQLModel, table=True):
    """A launched plan: the running instance the ticks evaluate."""

    __tablename__ = "campaign"

    id: uuid.UUID = uuid_pk()
    code: str = Field(unique=True, max_length=96)
    plan_id: uuid.UUID = Field(foreign_key="plan.id", unique=True)
    province_code: str = Field(index=True, max_length=64)
    year: int
    title: str = Field(max_length=1000)
    state: str = Field(default="running", max_length=16)
    has_survey: bool = True
    policy: dict = json_dict()
    rules: dict = json_dict()  # bands, survey and ranking rules frozen at launch (rules.py)
    deployment_name: str | None = Field(default=None, max_length=200)
    launched_at: datetime = created_now()
    starts_at: datetime = when(nullable=False)
    ends_at: datetime = when(nullable=False)
    last_tick_at: datetime | None = when()
    # Prefect links (#16): the last tick's flow run and the deployment that schedules ticks.
    last_tick_flow_run_id: str | None = Field(default=None, max_length=36)
    deployment_id: str | None = Field(default=None, max_length=36)


class Stage(SQLModel, table=True):
    """One row of the plan's table: who must do what, by when."""

    __tablename__ = "stage"
    __table_args__ = (UniqueConstraint("campaign_id", "code"),)

    id: uuid.UUID = uuid_pk()
    campaign_id: uuid.UUID = Field(foreign_key="campaign.id", index=True)
    code: str = Field(max_length=64)
    position: int
    title: str = Field(max_length=2000)
    kind: str = Field(max_length=32)
    lead_code: str | None = Field(default=None, max_length=96)
    cooperating: list[str] = json_list()
    scope: dict = json_dict()
    depends_on: list[str] = json_list()
    deadline_text: str | None = Field(default=None, max_length=500)
    opens_at: datetime = when(nullable=False)
    due_at: datetime = when(nullable=False)
    late_policy: str = Field(default="accept_flag", max_length=16)  # accept_flag | refuse
    close_policy: str = Field(default="window", max_length=16)  # all_done | window
    late_grace_days: int = 10  # working days after the last due time before a late stage closes
    reminders: dict = json_dict()  # {before: [5, 2], overdue_every: 2, escalate_after: 1}
    from_receipt_days: int | None = None  # working days counted from each unit's receipt
    state: str = Field(default="pending", max_length=16)
    opened_at: datetime | None = when()
    closed_at: datetime | None = when()


class Assignment(SQLModel, table=True):
    """One unit's duty in one stage, with its state and effective due time."""

    __tablename__ = "assignment"
    __table_args__ = (UniqueConstraint("stage_id", "unit_id"),)

    id: uuid.UUID = uuid_pk()
    stage_id: uuid.UUID = Field(foreign_key="stage.id", index=True)
    unit_id: uuid.UUID = Field(foreign_key="org_unit.id", index=True)
    campaign_id: uuid.UUID = Field(foreign_key="campaign.id", index=True)
    state: str = Field(default="pending", max_length=16, index=True)
    due_at: datetime = when(nullable=False)
    extended: bool = False
    received_at: datetime | None = when()  # server receipt time of the act; decides lateness
    late: bool = False
    updated_at: datetime = created_now()


class Extension(SQLModel, table=True):
    """An admin's extension of one unit's due time in one stage, with its reason and document."""

    __tablename__ = "extension"

    id: uuid.UUID = uuid_pk()
    assignment_id: uuid.UUID = Field(foreign_key="assignment.id", index=True)
    old_due_at: datetime = when(nullable=False)
    new_due_at: datetime = when(nullable=False)
    reason: str = Field(max_length=2000)
    document_no: str = Field(max_length=128)
    granted_by: str = Field(max_length=128)
    granted_at: datetime = created_now()


class Fact(SQLModel, table=True):
    """A human step recorded once (guidance issued, submission, approval, ...); ticks act on it."""

    __tablename__ = "fact"
    __table_args__ = (UniqueConstraint("campaign_id", "idempotency_key"),)

    id: uuid.UUID = uuid_pk()
    campaign_id: uuid.UUID = Field(foreign_key="campaign.id", index=True)
    stage_id: uuid.UUID | None = Field(default=None, foreign_key="stage.id", index=True)
    unit_id: uuid.UUID | None = Field(default=None, foreign_key="org_unit.id")
    kind: str = Field(max_length=48)
    idempotency_key: str = Field(max_length=255)
    document_no: str | None = Field(default=None, max_length=128)
    payload: dict = json_dict()
    recorded_by: str = Field(max_length=128)
    recorded_at: datetime = created_now()


class CampaignVersion(SQLModel, table=True):
    """One version of a running campaign's plan: its body as launched or amended, and the diff."""

    __tablename__ = "campaign_version"
    __table_args__ = (UniqueConstraint("campaign_id", "number"),)

    id: uuid.UUID = uuid_pk()
    campaign_id: uuid.UUID = Field(foreign_key="campaign.id", index=True)
    number: int  # 1 at launch, N+1 for each amendment
    body: dict = json_dict()  # the validated plan configuration of this version
    changes: list[str] = json_list()  # the diff from the previous version, as shown to the user
    created_by: str = Field(max_length=128)
    created_at: datetime = created_now()
