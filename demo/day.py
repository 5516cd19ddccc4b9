"""One simulated working day of the demo: early acts, the 08:00 tick, then the day's acts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session

from cchc.clock import frozen_at, to_local
from demo.actors import Script, local, run_at, unit_act_time
from demo.lead_acts import lead_act
from demo.unit_acts import unit_act
from flows.tick_sequence import InProcessSteps, run_tick
from models.campaign.tables import Stage
from models.tick.context import TickContext, load_campaign_context
from models.tick.evaluate import TickReport
from models.tick.notices import unacted
from models.tick.stages import is_unit_stage, stages_of
from tasks.outbox_sender import DeliveryReport

LEAD_DELAY = {
    "guidance": 3,
    "generic": 6,
    "survey": 10,
    "appraisal": 12,
    "council_session": 2,
    "approval": 4,
    "publication": 1,
}
Planned = tuple[datetime, Callable[[], object]]


def simulate_day(
    *, engine: Engine, code: str, day: date, script: Script, var_dir: Path
) -> TickReport:
    """Run one day: early acts, the 08:00 tick (delivery included), then the day's acts."""
    with Session(engine, expire_on_commit=False) as session:
        # One context per day: it plans the acts and serves the tick (units do not change).
        ctx = load_campaign_context(session=session, code=code, at=local(day, 8))
        for moment, act in _planned(session, ctx, day, script, var_dir, early=True):
            run_at(moment, session, act)
        run = run_tick(DayTickSteps(session, ctx), code, ctx.at)
        for moment, act in _planned(session, ctx, day, script, var_dir, early=False):
            run_at(moment, session, act)
    return TickReport(**run.report)


class DayTickSteps(InProcessSteps):
    """The 08:00 tick of a simulated day: the day's context, delivery at 08:05 simulated time."""

    def __init__(self, session: Session, ctx: TickContext) -> None:
        super().__init__(session)
        self.ctx = ctx

    def load_context(self, campaign: str, at: datetime) -> TickContext:
        """The context the day already loaded to plan its acts."""
        return self.ctx

    def deliver(self, ctx: TickContext) -> DeliveryReport:
        """Deliver on the simulated clock (no act enqueues mail, so before the acts is the same)."""
        with frozen_at(ctx.at + timedelta(minutes=5)):
            return super().deliver(ctx)


def _planned(
    session: Session, ctx: TickContext, day: date, script: Script, var_dir: Path, *, early: bool
) -> list[Planned]:
    """The acts of the day (before the 08:00 tick when `early`), in time order."""
    campaign = ctx.campaign
    plans: list[Planned] = []
    for stage, unit_id, _due, _state in unacted(session, ctx):
        unit = ctx.units[unit_id]
        if not is_unit_stage(stage):
            continue
        moment = unit_act_time(script, stage, unit.code, day, ctx)
        if moment is not None and (moment.hour < 8) == early:
            plans.append(
                (moment, partial(unit_act, session, campaign, stage, unit_id, moment, script))
            )
    if not early:
        for stage in stages_of(session, campaign.id, "open"):
            if not is_unit_stage(stage) and _lead_day(stage, day, ctx):
                plans.append(
                    (
                        local(day, 10),
                        partial(lead_act, session, campaign, stage, day, script, var_dir),
                    )
                )
    return sorted(plans, key=lambda p: p[0])


def _lead_day(stage: Stage, day: date, ctx: TickContext) -> bool:
    """The day the lead acts: some working days after opening, at the latest on the due date."""
    opened = to_local(stage.opened_at).date() if stage.opened_at else day
    due = to_local(stage.due_at).date()
    target = ctx.cal.add_working_days(opened, LEAD_DELAY.get(stage.kind, 3))
    return day >= min(target, due)
