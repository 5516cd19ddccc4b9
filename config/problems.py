"""Turn pydantic errors and semantic problems into "file:line path: message" lines."""

from __future__ import annotations

from typing import Any

import pydantic

from cchc.wording import validate as words
from config.schema.base import Problem
from config.source import Source


def from_pydantic(src: Source, exc: pydantic.ValidationError) -> list[str]:
    """Describe every error of `exc` once, at the line of its key in `src`."""
    out: list[str] = []
    seen: set[tuple[int, Any]] = set()
    for err in exc.errors(include_url=False):
        missing = err["type"] == "missing"
        line, shown = src.line(tuple(err["loc"]), missing_tail=missing)
        if (line, shown) in seen:
            continue  # a union reports one error per member: keep the first
        seen.add((line, shown))
        out.append(src.problem(tuple(err["loc"]), _message(err), missing_tail=missing))
    return out


def from_problems(src: Source, problems: list[Problem]) -> list[str]:
    """Describe semantic problems at the line of their loc."""
    return [src.problem(p.loc, p.message) for p in problems]


def _message(err: Any) -> str:
    """Word one pydantic error in Vietnamese, quoting the bad value."""
    kind, value, loc = err["type"], err.get("input"), err["loc"]
    key = loc[-1] if loc and isinstance(loc[-1], str) else None
    text = err["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
    msg = words.pydantic_error(kind, err.get("ctx") or {}, key, text)
    if kind in ("missing", "extra_forbidden", "value_error", "assertion_error"):
        return msg  # our own ValueErrors say what they need; a missing key has no value
    return words.got(msg, value) if isinstance(value, words.SCALARS) else msg
