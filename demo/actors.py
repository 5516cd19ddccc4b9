"""Simulated people of the demo: units that submit (mostly on time), appraisers, the council.

Each unit gets a behaviour per unit stage, drawn once from a seeded RNG: most act within the
window, some the first morning after the due date (late, before any escalation), a few only on
the second working day overdue (after their supervisor got an escalation digest).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlmodel import Session

from cchc.clock import LOCAL_TZ, frozen_at, to_local
from models.campaign.tables import Campaign, Stage
from models.tick.context import TickContext

Act = Callable[[Session, Campaign, Stage, datetime], None]


@dataclass
class Script:
    """Who acts when, and what each lead-only stage does on its day."""

    seed: int
    behaviour: dict[tuple[str, str], tuple[str, float]] = field(default_factory=dict)
    rng: random.Random = field(default_factory=random.Random)

    def of(self, stage: str, unit: str) -> tuple[str, float]:
        """The behaviour of a unit in a stage: (on_time | late | escalated, where in the window)."""
        if (stage, unit) not in self.behaviour:
            roll = self.rng.random()
            kind = "on_time" if roll < 0.84 else "late" if roll < 0.94 else "escalated"
            self.behaviour[(stage, unit)] = (kind, self.rng.uniform(0.15, 0.95))
        return self.behaviour[(stage, unit)]


def local(day: date, hour: int, minute: int = 0) -> datetime:
    """An instant on a simulated day, Vietnam time."""
    return datetime.combine(day, time(hour, minute), LOCAL_TZ)


def unit_act_time(
    script: Script, stage: Stage, unit: str, day: date, ctx: TickContext
) -> datetime | None:
    """When (if today) a unit acts in an open unit stage, per its behaviour."""
    kind, where = script.of(stage.code, unit)
    opened = to_local(stage.opened_at).date() if stage.opened_at else day
    due = to_local(stage.due_at).date()
    if kind == "on_time":
        span = max(ctx.cal.working_days_between(opened, due), 1)
        target = ctx.cal.add_working_days(opened, min(int(where * span), span - 1))
        return local(day, 9 + int(where * 7)) if day == max(target, opened) else None
    if kind == "late":  # the first working morning after the due date, before the 08:00 tick
        return local(day, 7, 30) if day == ctx.cal.add_working_days(due, 1) else None
    # escalated: escalation digests go out on the first overdue working day; act on the second
    return local(day, 14) if day == ctx.cal.add_working_days(due, 2) else None


def run_at(moment: datetime, session: Session, action: Callable[[], object]) -> None:
    """Run an action with the simulated clock at `moment`, then commit."""
    with frozen_at(moment):
        action()
        session.commit()


def self_scores(items: list, rng: random.Random) -> dict[str, dict]:
    """Plausible self scores (70-100% of max, on the item's step) with an explanation each."""
    out = {}
    for item in items:
        if not item.is_leaf or item.method != "self":
            continue
        step = item.step or 0.25
        steps = round(item.max_points / step)
        got = round(steps * rng.uniform(0.7, 1.0)) * step
        out[item.code] = {
            "score": min(got, item.max_points),
            "explanation": "Đã thực hiện theo kế hoạch; có báo cáo kèm theo.",
        }
    return out


def pick_adjustment(items: list, rng: random.Random) -> tuple[str, float] | None:
    """One self-assessed leaf an appraiser lowers by one step (None: nothing to lower)."""
    leaves = [i for i in items if i.is_leaf and i.method == "self" and i.max_points > 0]
    if not leaves:
        return None
    item = rng.choice(leaves)
    return item.code, max(item.max_points - (item.step or 0.25) * 2, 0.0)


def uid(value: object) -> uuid.UUID:
    """Coerce an id."""
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
