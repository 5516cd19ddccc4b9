"""Answers of the operations routes `/health` and `/ready`."""

from __future__ import annotations

from pydantic import BaseModel, Field


class HealthPublic(BaseModel):
    """The process answers."""

    status: str = Field(description="luôn là ok khi tiến trình chạy")


class ReadyChecks(BaseModel):
    """What each dependency said."""

    database: str = Field(description="ok, hoặc lý do cơ sở dữ liệu không trả lời")
    prefect: str = Field(description="ok, chưa cấu hình, hoặc lý do Prefect không trả lời")


class ReadyPublic(BaseModel):
    """Ready (200) or not (503), with each check."""

    status: str = Field(description="ok hoặc unavailable")
    checks: ReadyChecks
