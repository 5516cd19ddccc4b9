"""Read a formula rule written as prose in the decision's "cách chấm" column (pure).

Decisions write rules such as "Từ 95% trở lên: 2 điểm; từ 80% đến dưới 95%: 1 điểm; dưới
80%: 0 điểm", "Đạt 100%: 1 điểm; dưới 100%: 0 điểm" (brackets) or "Tỷ lệ % × điểm tối đa" /
"điểm = tỷ lệ × 2" (proportional). `read_formula` turns such a text into the `formula:` dict
of `cchc/formula.py`, or says why it will not: anything it cannot read for certain (a gap, an
overlap, "trên 95%" or "đến 95%" whose boundary our brackets cannot hold) is refused, never
guessed. A text that does not look like a figure rule at all gives None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from cchc.formula import EPS, formula_problems
from cchc.wording import extensions as say
from planimport.text import fold_clean

LOW, HIGH = 0.0, 100.0  # a figure written in % runs 0–100
_LOOKS = re.compile(r"%|phan tram|\bty le\b")
_NUM = r"(\d+(?:[.,]\d+)?)"
_PCT = r"\s*(?:%|phan tram)?"
_SPLIT = re.compile(r";|\n|(?:(?<=điểm)|(?<=diem))\s*[.,](?!\d)", re.IGNORECASE)
_POINTS = re.compile(rf"^(.*?)[\s:=,–—-]*(?:(?:thi|duoc|cho|cham)\s*)*{_NUM}\s*(?:diem|d)\b\W*$")
_STEP = re.compile(r"buoc\b")
_NONE = re.compile(r"\bkhong (?:co |duoc )?(?:cham )?diem\b")
_TO_BELOW = r"\s*(?:\bden|\btoi|-|–|—)\s*(?:\bduoi|<|\bnho hon)\s*"
_FROM_BELOW = re.compile(rf"(?:\btu|>=|≥)\s*{_NUM}{_PCT}{_TO_BELOW}{_NUM}{_PCT}$")
_FROM_TOP = re.compile(rf"(?:\btu|>=|≥)?\s*{_NUM}{_PCT}\s*(?:\bden|-|–|—)\s*100{_PCT}$")
_FROM = re.compile(rf"(?:\btu|>=|≥)\s*{_NUM}{_PCT}\s*(?:tro len)?$")
_BELOW = re.compile(rf"(?:\bduoi|<|\bnho hon|\bthap hon)\s*{_NUM}{_PCT}$")
_EXACT = re.compile(rf"(?:^|\bdat|=|\bbang)\s*{_NUM}{_PCT}$")
_TIMES = re.compile(
    rf"\bty le\b[^;]*?(?:×|\*|\bx\b|\bnhan voi\b)\s*(?:(?:so )?(diem toi da)|{_NUM})"
)


@dataclass(frozen=True)
class Reading:
    """What the text gave: a rule with its summary, or the reason it stays a plain item."""

    rule: dict[str, Any] | None
    text: str  # the rule said back (read) or why it was refused (Vietnamese)


def read_formula(text: str, max_points: float, figure: str) -> Reading | None:
    """Return the rule `text` states for a leaf of `max_points`, a refusal, or None."""
    folded = fold_clean(text)
    if not _LOOKS.search(folded):
        return None
    written = [c.strip(" -+•*.") for c in _SPLIT.split(text) if c.strip(" -+•*.")]
    # a clause with no number is prose around the rule; "Bước 0,5" is the step (read apart)
    scored = [
        c
        for c in written
        if re.search(r"\d|\bdiem\b", fold_clean(c)) and not _STEP.match(fold_clean(c))
    ]
    times = _TIMES.search(folded)
    if times and len(scored) <= 1:
        return _proportional(times, max_points, figure)
    if times:
        return Reading(None, say.formula_mixed())
    rows: list[tuple[float, float, float]] = []
    for clause in scored:
        row = _bracket(clause)
        if isinstance(row, str):
            return Reading(None, row)
        rows.append(row)
    if not rows:
        return Reading(None, say.formula_unreadable(text))
    return _brackets(rows, max_points, figure)


def _number(text: str) -> float:
    """Return a number written "95,5" or "95.5"."""
    return float(text.replace(",", "."))


def _proportional(found: re.Match[str], max_points: float, figure: str) -> Reading:
    """Return points = max × figure / 100; a factor other than the leaf's maximum is refused."""
    if found.group(2) is not None and abs(_number(found.group(2)) - max_points) > EPS:
        return Reading(None, say.formula_factor(_number(found.group(2)), max_points))
    rule = {"figure": figure, "min": LOW, "max": HIGH, "rule": "proportional"}
    return Reading(_tidy(rule), say.formula_read_proportional(max_points))


def _bracket(clause: str) -> tuple[float, float, float] | str:
    """Return (min, max, points) of one "condition: N điểm" clause, or why it is refused."""
    found = _POINTS.match(_NONE.sub("0 diem", fold_clean(clause)))
    if not found:
        return say.formula_clause(clause)
    cond, points = found.group(1).strip(" :=,"), _number(found.group(2))
    if m := _FROM_BELOW.search(cond):
        low, high = _number(m.group(1)), _number(m.group(2))
    elif m := _FROM_TOP.search(cond):  # "từ 95% đến 100%": the top holds 100 anyway
        low, high = _number(m.group(1)), HIGH
    elif m := _FROM.search(cond):
        low, high = _number(m.group(1)), HIGH
    elif m := _BELOW.search(cond):
        low, high = LOW, _number(m.group(1))
    elif (m := _EXACT.search(cond)) and abs(_number(m.group(1)) - HIGH) < EPS:
        low = high = HIGH  # "đạt 100%": exactly the top of the range
    else:
        return say.formula_clause(clause)
    if not LOW <= low <= high <= HIGH:
        return say.formula_clause(clause)
    return low, high, points


def _brackets(rows: list[tuple[float, float, float]], max_points: float, figure: str) -> Reading:
    """Return the brackets as a rule when they cover 0–100 once, points within 0–max."""
    rows = sorted(rows)
    edge = LOW
    for low, high, points in rows:
        if abs(low - edge) > EPS:
            return Reading(None, say.formula_gap(edge, low))
        if points > max_points + EPS:
            return Reading(None, say.formula_points_above(points, max_points))
        edge = high
    if abs(edge - HIGH) > EPS:
        return Reading(None, say.formula_gap(edge, HIGH))
    brackets = [{"min": lo, "max": hi, "points": p} for lo, hi, p in reversed(rows)]
    rule = _tidy({"figure": figure, "min": LOW, "max": HIGH, "rule": "brackets"})
    rule["brackets"] = [_tidy(b) for b in brackets]
    if formula_problems(rule, max_points):
        return Reading(None, say.formula_unreadable(", ".join(formula_problems(rule, max_points))))
    return Reading(rule, say.formula_read_brackets(rows))


def _tidy(values: dict[str, Any]) -> dict[str, Any]:
    """Write whole numbers as int, so the YAML reads 95 and not 95.0."""
    return {k: int(v) if isinstance(v, float) and v.is_integer() else v for k, v in values.items()}
