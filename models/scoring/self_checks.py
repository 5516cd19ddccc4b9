"""Checks of a whole self-assessment: every problem is collected and names its item code."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from cchc.errors import ScoreError
from cchc.wording import extensions as say
from models.catalog.criteria import CriteriaItem
from models.scoring.score_rules import score_problem
from models.scoring.tables import SelfScore

Wanted = dict[str, tuple[bool, float | None, str | None]]


def normalise_scores(scores: Mapping[str, Any]) -> Wanted:
    """Turn {code: score | {"score", "explanation"} | None} into {code: (has, score, text)}."""
    out: Wanted = {}
    for code, value in scores.items():
        code = str(code).strip()
        if isinstance(value, Mapping):
            text = value.get("explanation")
            text = str(text).strip() if text is not None else None
            out[code] = ("score" in value, value.get("score"), text)
        else:
            out[code] = (True, value, None)
    return out


def check_scores(items: dict[str, CriteriaItem], wanted: Wanted) -> None:
    """Refuse unknown codes, non-leaves, survey items, out-of-range and off-step scores."""
    problems = []
    for code, (has_score, score, _text) in wanted.items():
        if has_score and score is None and code in items:
            continue  # clearing a score is allowed
        problem = score_problem(items.get(code), code, score if has_score else 0.0)
        if problem:
            problems.append(problem)
    _raise(problems)


def check_marked(items: dict[str, CriteriaItem], wanted: Wanted, marked: set[uuid.UUID]) -> None:
    """Refuse a non-zero score on a leaf marked not applicable to the unit."""
    problems = [
        say.na_scored(code)
        for code, (has_score, score, _text) in wanted.items()
        if has_score and score and code in items and items[code].id in marked
    ]
    _raise(problems)


def check_complete(
    items: dict[str, CriteriaItem], stored: dict[uuid.UUID, SelfScore], evidence_codes: set[str]
) -> None:
    """Refuse a missing leaf, or a scored leaf with neither evidence nor explanation."""
    problems = []
    for code, item in items.items():
        if not item.is_leaf or item.method != "self":
            continue
        row = stored.get(item.id)
        if row is None:
            problems.append(f"{code}: chưa chấm điểm")
        elif row.score > 0 and code not in evidence_codes and not (row.explanation or "").strip():
            problems.append(f"{code}: không có tài liệu kiểm chứng, cần giải trình cách chấm điểm")
    _raise(problems)


def _raise(problems: list[str]) -> None:
    """Raise one ScoreError carrying every problem."""
    if problems:
        head = problems[0] + (f" (và {len(problems) - 1} lỗi khác)" if len(problems) > 1 else "")
        raise ScoreError(head, problems=problems)
