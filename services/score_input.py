"""Strict reading of scores as they reach a service entry (issue #14), whatever screen sent them.

A score must already be a number: JSON `true`, the text "1.5", full-width "１.５" and
Arabic-Indic "١" digits are refused here rather than coerced (Python's float() would read them
all). Item codes may not repeat (a list where the last would silently win); codes and
explanations are NFC-normalised so "ấ" typed as a + combining marks is stored as one character.
Range and step are checked against the criteria set by `models.scoring.self_checks`.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from cchc.errors import ScoreError
from cchc.wording import refusals

Entries = Mapping[str, Any] | Iterable[Mapping[str, Any]]


def nfc(text: str) -> str:
    """Return `text` stripped and in Unicode normal form C."""
    return unicodedata.normalize("NFC", text).strip()


def is_number(value: object) -> bool:
    """Tell whether `value` is a finite int or float (a bool is not a number here)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return math.isfinite(value)


def strict_scores(entries: Entries) -> dict[str, dict[str, Any]]:
    """Return {code: {"score", "explanation"}} from a mapping or a list of entries, or refuse."""
    pairs = entries.items() if isinstance(entries, Mapping) else _pairs(entries)
    out: dict[str, dict[str, Any]] = {}
    problems: list[str] = []
    for raw_code, value in pairs:
        code = nfc(str(raw_code))
        if code in out:
            problems.append(refusals.score_duplicate(code))
            continue
        entry = dict(value) if isinstance(value, Mapping) else {"score": value}
        score = entry.get("score")
        if score is not None and not is_number(score):
            problems.append(refusals.score_not_number(code, score))
        text = entry.get("explanation")
        if isinstance(text, str):
            entry["explanation"] = nfc(text)
        out[code] = entry
    if problems:
        raise ScoreError(problems[0], problems=problems)
    return out


def _pairs(entries: Iterable[Mapping[str, Any]]) -> Iterable[tuple[str, dict[str, Any]]]:
    """Turn [{"item_code", "score", "explanation"}] into (code, rest) pairs, in order."""
    for entry in entries:
        rest = {k: v for k, v in entry.items() if k != "item_code"}
        yield str(entry.get("item_code", "")), rest


def require_number(code: str, score: object) -> None:
    """Refuse a single score that is not a plain finite number (None passes: no score given)."""
    if score is not None and not is_number(score):
        raise ScoreError(refusals.score_not_number(code, score))


def nfc_or_none(text: str | None) -> str | None:
    """Return `text` NFC-normalised, keeping None."""
    return None if text is None else nfc(text)
