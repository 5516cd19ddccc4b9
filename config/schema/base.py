"""Shared building blocks of the config schema: strict models, slugs, problems."""

from __future__ import annotations

from typing import Annotated, Any, NamedTuple

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationInfo

from cchc.columns import length

Loc = tuple[str | int, ...]

# Unit, set, plan and stage codes: lowercase ascii words joined by hyphens.
Slug = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length=1, max_length=96)
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def fits(column: str, *, required: bool = True) -> Any:
    """Constrain a text to the database column `column` (cchc/columns.py): Annotated[str, fits]."""
    return StringConstraints(
        strip_whitespace=True, min_length=1 if required else 0, max_length=length(column)
    )


class Problem(NamedTuple):
    """One semantic problem: where it is (a pydantic-style loc) and what is wrong."""

    loc: Loc
    message: str


class StrictModel(BaseModel):
    """A config model that refuses unknown keys."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def report(problems: list[Problem], info: ValidationInfo) -> None:
    """Hand problems to the loader (context "problems") or fail plainly without a loader."""
    if not problems:
        return
    sink = info.context.get("problems") if isinstance(info.context, dict) else None
    if isinstance(sink, list):
        sink.extend(problems)
        return
    raise ValueError("; ".join(f"{fmt_loc(p.loc)}: {p.message}" for p in problems))


def fmt_loc(loc: Loc) -> str:
    """Write a loc as a path: fields[2].criteria[4].max_points."""
    out = ""
    for part in loc:
        if isinstance(part, int) and out:  # an index; first, a number is a top-level key (a year)
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
