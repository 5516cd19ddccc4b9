"""Turn pydantic errors and semantic problems into "file:line path: message" lines."""

from __future__ import annotations

from typing import Any

import pydantic

from config.schema.base import Problem
from config.source import Source

SCALARS = (str, int, float, bool)


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
    """Word one pydantic error plainly, quoting the bad value."""
    kind, value = err["type"], err.get("input")
    if kind == "missing":
        return "required key is missing"
    if kind == "extra_forbidden":
        return "unknown key (not allowed here)"
    msg = err["msg"].removeprefix("Value error, ")
    if kind == "string_pattern_mismatch":
        dotted = "." in str(err.get("ctx", {}).get("pattern", ""))
        msg = (
            "should be a code like 1.2.3"
            if dotted
            else "should be a lowercase ascii code like so-noi-vu"
        )
    if isinstance(value, SCALARS) and kind != "value_error":
        shown = repr(value)  # a hostile 2 MB value is quoted by its start only
        shown = shown if len(shown) <= 80 else f"{shown[:60]}… ({len(str(value))} ký tự)"
        return f"{msg} (got {shown})"
    return msg
