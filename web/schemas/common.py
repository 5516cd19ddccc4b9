"""What every route shares: the error body, path parameters, and the base of every answer."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Path
from pydantic import BaseModel, WithJsonSchema


class Out(BaseModel):
    """An answer body: every field is always present (None when unknown)."""


# Points keep the number the row holds (5 stays 5, 5.5 stays 5.5), so bodies read as before.
Number = Annotated[int | float, WithJsonSchema({"type": "number"})]
Instant = Annotated[str, WithJsonSchema({"type": "string", "format": "date-time"})]
Day = Annotated[str, WithJsonSchema({"type": "string", "format": "date"})]


class ErrorDetail(BaseModel):
    """What went wrong, in Vietnamese."""

    code: str
    message: str
    problems: list[str] | None = None
    rule: str | None = None  # the lifecycle rule that refused the act (409), when one did


class ErrorOut(BaseModel):
    """Every refusal has this body."""

    error: ErrorDetail


ERRORS: dict[int | str, dict[str, Any]] = {
    s: {"model": ErrorOut} for s in (401, 403, 404, 409, 422)
}

CODE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,95}$"
CampaignCode = Annotated[str, Path(pattern=CODE_PATTERN, description="mã chiến dịch")]
UnitCode = Annotated[str, Path(pattern=CODE_PATTERN, description="mã đơn vị")]
ItemCode = Annotated[str, Path(pattern=CODE_PATTERN, description="mã tiêu chí, ví dụ 1.2.1")]
