"""Request bodies of the JSON API: bounded, NUL-free, unknown keys refused."""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)


def _no_nul(value: str) -> str:
    """Refuse NUL characters (PostgreSQL cannot store them in text); store NFC text."""
    if "\x00" in value:
        raise ValueError("không được chứa ký tự NUL")
    return unicodedata.normalize("NFC", value)


def _sane_day(value: date) -> date:
    """Refuse dates far outside any campaign (keeps date arithmetic in range)."""
    if not 2000 <= value.year <= 2100:
        raise ValueError("ngày phải trong khoảng năm 2000-2100")
    return value


Text = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=4000), AfterValidator(_no_nul)
]
Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=128),
    AfterValidator(_no_nul),
]
Long = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=4000),
    AfterValidator(_no_nul),
]
Code = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,95}$")]
Day = Annotated[date, AfterValidator(_sane_day)]
# strict: JSON true and the text "1.5" are refused, not coerced (hostile requests, #14)
Points = Annotated[float, Field(ge=-1000, le=1000, allow_inf_nan=False, strict=True)]
Count = Annotated[int, Field(ge=0, le=10_000)]


class In(BaseModel):
    """A request body: unknown keys are refused."""

    model_config = ConfigDict(extra="forbid")


class ScoreIn(In):
    """One self score: the leaf's code, the points (or a formula leaf's figure), and how."""

    item_code: Code
    score: Points | None = None
    figure: Points | None = None  # a formula leaf: the points are computed from it
    explanation: Text | None = None

    @model_validator(mode="after")
    def _score_or_figure(self) -> ScoreIn:
        if self.score is None and self.figure is None:
            raise ValueError("cần điểm (score) hoặc số liệu (figure)")
        return self

    def entry(self) -> dict[str, object]:
        """Return the entry the service takes (no figure key for a plain score)."""
        return self.model_dump(exclude_none=True)


class DraftIn(In):
    """A draft self-assessment; lock_version (or If-Match) guards against lost updates."""

    scores: list[ScoreIn] = Field(max_length=2000)
    lock_version: Count | None = None


class ReasonIn(In):
    """A reason for an act (withdrawal)."""

    reason: Long


Message = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=2000),
    AfterValidator(_no_nul),
]


class ResponseIn(In):
    """One message of a leaf's reply thread (giải trình): a question, a reply or an answer."""

    text: Message


class AppraiseIn(In):
    """Accept a self score, or adjust it with a reason."""

    decision: Literal["accepted", "adjusted"]
    score: Points | None = None
    figure: Points | None = None  # a formula leaf: the agency's figure gives the score
    reason: Text | None = None


class NotApplicableIn(In):
    """Why a leaf does not apply to the unit (không áp dụng)."""

    reason: Long


class AcceptAllIn(In):
    """Accept every self score (of one field, when given)."""

    field_code: Code | None = None


class CouncilSessionIn(In):
    """A council session: attendance and votes; valid with > 50% present or in writing."""

    held_on: Day
    members_total: int = Field(ge=1, le=1000)
    present: list[Name] = Field(default_factory=list, max_length=1000)
    in_writing: list[Name] = Field(default_factory=list, max_length=1000)
    votes_for: Count = 0
    votes_against: Count = 0
    decision: Text | None = None


class FinalScoreIn(In):
    """The council's final score for one leaf, with its reason."""

    score: Points
    reason: Long


class LaunchIn(In):
    """Launch a campaign from a plan file under config/plans."""

    plan: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.-]{1,120}\.ya?ml$")]
    dry_run: bool = False
    replay: bool = False  # a simulated run of a plan whose deadlines have all passed
    confirm: bool = False  # apply an amended plan's changes (a dry run shows them first)


class FactIn(In):
    """A human step recorded as a fact; it must be the fact its stage waits for.

    Survey imports and council sessions have their own endpoints (import and quorum checks).
    """

    kind: Literal["guidance_issued", "generic_done", "appraisal_done"]
    stage_code: Code
    unit_code: Code | None = None
    document_no: Name | None = None
    note: Text | None = None


class ApprovalIn(In):
    """The chairman's approval decision."""

    decision_no: Name
    decided_on: Day
    force: bool = Field(default=False, description="Phê duyệt dù chưa đủ điều kiện (chỉ admin)")
    reason: str | None = Field(default=None, max_length=2000, description="Lý do khi force")


class NotSubmittedIn(In):
    """The council's record that a unit did not submit its self-assessment."""

    reason: str = Field(min_length=1, max_length=2000)


class ExtensionIn(In):
    """Extend one unit's due day in one stage (to the end of new_due, local time)."""

    stage_code: Code
    new_due: Day
    reason: Long
    document_no: Name


class UserIn(In):
    """A new API user; the answer carries its token once."""

    name: Name
    role: Literal["admin", "unit", "appraiser", "council", "viewer"]
    unit_code: Code | None = None
    field_codes: list[Code] = Field(default_factory=list, max_length=50)
    unit_codes: list[Code] = Field(default_factory=list, max_length=5000)
