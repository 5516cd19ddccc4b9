"""Compute each stage's window from the plan's wording (via deadlines) or its override."""

from __future__ import annotations

from datetime import date, datetime, time

from cchc.clock import LOCAL_TZ as LOCAL
from cchc.errors import DeadlinePhraseError
from cchc.wording import validate as words
from config.schema.base import Problem
from config.schema.plan import Plan, PlanStage
from deadlines import Window, parse_deadline


def stage_windows(plan: Plan) -> tuple[list[Window | None], list[Problem]]:
    """Return one window per stage (None where unreadable) and the problems found."""
    windows: list[Window | None] = []
    problems: list[Problem] = []
    after: date | None = None
    for i, stage in enumerate(plan.stages):
        try:
            window = _window(stage, plan.year, after)
        except DeadlinePhraseError as exc:
            problems.append(Problem(("stages", i, "deadline"), str(exc)))
            windows.append(None)
            continue
        if window.opens_at > window.due_at:
            where = ("stages", i, "window" if stage.window else "deadline")
            problems.append(Problem(where, words.opens_after_due(window.opens_at, window.due_at)))
        windows.append(window)
        after = window.opens_at.astimezone(LOCAL).date()
    return windows, problems


def _window(stage: PlanStage, year: int, after: date | None) -> Window:
    """Read one stage's window: the phrase first, then any explicit bound on top."""
    over = stage.window
    if stage.deadline is not None:
        base = parse_deadline(stage.deadline, year=year, after=after)
    else:
        # Without a deadline the plan's validation requires both bounds.
        assert over is not None and over.opens is not None and over.due is not None
        base = Window(
            opens_at=_at(over.opens, False),
            due_at=_at(over.due, True),
            rule="window",
            text="",
        )
    if over is None:
        return base
    opens = _at(over.opens, False) if over.opens else base.opens_at
    due = _at(over.due, True) if over.due else base.due_at
    rule = base.rule if stage.deadline else "window"
    return Window(
        opens_at=opens,
        due_at=due,
        rule=f"{rule}+window" if stage.deadline else rule,
        text=base.text,
    )


def _at(value: date | datetime, end: bool) -> datetime:
    """Turn a date (start or end of day) or a naive/aware datetime into local time."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=LOCAL) if value.tzinfo is None else value.astimezone(LOCAL)
    return datetime.combine(value, time(23, 59, 59) if end else time(0, 0), LOCAL)
