"""Strict scores at the service entry (issue #14): numbers only, in range, on step, no repeats."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from sqlmodel import Session

from cchc.errors import ScoreError
from models.scoring.score_rules import typed_number
from models.scoring.self_assessments.versions import version_scores
from services import self_assessment
from tests.world.people import make_user
from tests.world.scoring import scoring_campaign

BAD: dict[str, tuple[Any, str]] = {
    "json-true": (True, "điểm phải là một số, nhận được «True»"),
    "text-number": ("1.5", "điểm phải là một số, nhận được «1.5»"),
    "full-width": ("１.５", "điểm phải là một số"),
    "arabic-indic": ("١", "điểm phải là một số"),
    "nan": (float("nan"), "điểm phải là một số"),
    "off-step": (0.25000001, "không theo bước 0,25"),
    "above-max": (2.25, "ngoài khoảng 0 – 2"),
    "negative": (-0.25, "ngoài khoảng 0 – 2"),
}


def _act(session: Session) -> dict[str, Any]:
    """Return the keyword arguments of a unit user's save_draft on a fresh scoring campaign."""
    campaign, (unit,) = scoring_campaign(session, ["so-a"])
    user = make_user(session, "unit", unit)
    return {
        "session": session,
        "campaign_code": campaign.code,
        "unit_code": unit.code,
        "actor": user,
    }


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_bad_score_refused_at_the_service(session: Session, case: str) -> None:
    value, message = BAD[case]
    with pytest.raises(ScoreError, match=message) as refused:
        self_assessment.save_draft(**_act(session), scores={"1.1": {"score": value}})
    assert str(refused.value).startswith("1.1: ")


def test_score_on_step_accepted_despite_float_noise(session: Session) -> None:
    draft = self_assessment.save_draft(**_act(session), scores={"1.1": 0.1 + 0.2 + 1.45})
    assert draft.lock_version == 1  # 1.75 reached through float arithmetic is on the 0.25 step


def test_repeated_item_code_refused_not_last_wins(session: Session) -> None:
    entries = [{"item_code": "1.1", "score": 2.0}, {"item_code": "1.1", "score": 0.0}]
    with pytest.raises(ScoreError, match="1.1: mã tiêu chí lặp lại"):
        self_assessment.save_draft(**_act(session), scores=entries)


def test_codes_and_explanations_stored_nfc(session: Session) -> None:
    decomposed = unicodedata.normalize("NFD", "Có kế hoạch cải cách")
    assert decomposed != "Có kế hoạch cải cách"
    entries = [{"item_code": " 1.1 ", "score": 1.75, "explanation": decomposed}]
    draft = self_assessment.save_draft(**_act(session), scores=entries)
    (row,) = version_scores(session=session, self_assessment_id=draft.id).values()
    assert row.explanation == "Có kế hoạch cải cách" and row.score == 1.75


@pytest.mark.parametrize("text", ["１.５", "١", "1_000", "inf", "1e3", "1.5.0", "true", "+1"])
def test_typed_score_refuses_what_float_would_read(text: str) -> None:
    with pytest.raises(ValueError):
        typed_number(text)


def test_typed_score_reads_comma_and_dot() -> None:
    assert (typed_number(" 1,5 "), typed_number("0.25"), typed_number("")) == (1.5, 0.25, None)
