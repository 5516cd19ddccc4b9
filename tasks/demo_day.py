"""One simulated working day of the demo: people act, the campaign is evaluated, mail goes out."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session

from cchc.clock import frozen_at
from cchc.errors import CchcError
from flows.tick_sequence import InProcessSteps, run_tick
from models.campaign.fact_ops import record_stage_fact
from models.campaign.facts import get_campaign
from models.campaign.tables import Campaign, Stage
from models.catalog import lookup as scoring_lookup
from models.results import compute as results_ops
from models.scoring import appraisals, council_ops, self_assessments, survey
from models.tick.context import TickContext, load_context
from models.tick.evaluate import TickReport
from models.tick.notices import unacted
from models.tick.stages import is_unit_stage, stages_of
from tasks.demo_actors import Script, local, pick_adjustment, run_at, self_scores, unit_act_time

ACTOR = "demo"
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
    """Run one day: early acts, the 08:00 evaluation, the day's acts, then delivery."""
    with Session(engine, expire_on_commit=False) as session:
        campaign = get_campaign(session=session, code=code)
        ctx = load_context(session=session, campaign_id=campaign.id, at=local(day, 8))
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

    def deliver(self, ctx: TickContext):  # type: ignore[no-untyped-def]
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
                (moment, partial(_unit_act, session, campaign, stage, unit_id, moment, script))
            )
    if not early:
        for stage in stages_of(session, campaign.id, "open"):
            if not is_unit_stage(stage) and _lead_day(stage, day, ctx):
                plans.append(
                    (
                        local(day, 10),
                        partial(_lead_act, session, campaign, stage, day, script, var_dir),
                    )
                )
    return sorted(plans, key=lambda p: p[0])


def _lead_day(stage: Stage, day: date, ctx: TickContext) -> bool:
    """The day the lead acts: some working days after opening, at the latest on the due date."""
    from cchc.clock import to_local

    opened = to_local(stage.opened_at).date() if stage.opened_at else day
    due = to_local(stage.due_at).date()
    target = ctx.cal.add_working_days(opened, LEAD_DELAY.get(stage.kind, 3))
    return day >= min(target, due)


def _unit_act(
    session: Session,
    campaign: Campaign,
    stage: Stage,
    unit_id,
    moment: datetime,  # type: ignore[no-untyped-def]
    script: Script,
) -> None:
    """A unit submits its self-assessment, or a district appraises its communes."""
    if stage.kind == "self_assessment":
        unit = scoring_lookup.get_unit(session=session, unit_id=unit_id)
        items = _items(session, campaign, unit)
        self_assessments.save_draft(
            session=session,
            campaign_id=campaign.id,
            unit_id=unit_id,
            scores=self_scores(items, script.rng),
            actor=unit.code,
        )
        self_assessments.submit_self_assessment(
            session=session,
            campaign_id=campaign.id,
            unit_id=unit_id,
            actor=unit.code,
            received_at=moment,
        )
        return
    district = scoring_lookup.get_unit(session=session, unit_id=unit_id)
    for child in _children_with_submissions(session, campaign, district.id):
        _appraise(session, campaign, child, district.code, script)
    record_stage_fact(
        session=session,
        campaign=campaign,
        stage_kind=None,
        stage_code=stage.code,
        unit_code=district.code,
        document_no=None,
        actor=district.code,
    )


_ITEMS: dict = {}


def _items(session: Session, campaign: Campaign, unit) -> list:  # type: ignore[no-untyped-def]
    """The unit's criteria items (cached per set: sets do not change during a campaign)."""
    cset = scoring_lookup.criteria_set_for(session=session, campaign=campaign, unit=unit)
    if cset.id not in _ITEMS:
        _ITEMS[cset.id] = scoring_lookup.set_items(session=session, criteria_set_id=cset.id)
    return _ITEMS[cset.id]


def _children_with_submissions(session: Session, campaign: Campaign, parent_id) -> list:  # type: ignore[no-untyped-def]
    """The units below `parent_id` that are scored in this campaign."""
    return [
        u
        for u, _ in scoring_lookup.units_in_scope(session=session, campaign=campaign)
        if u.parent_id == parent_id
    ]


def _appraise(session: Session, campaign: Campaign, unit, appraiser: str, script: Script) -> None:  # type: ignore[no-untyped-def]
    """Accept a unit's self scores, lowering one leaf for about one unit in four."""
    try:
        if script.rng.random() < 0.25:
            pick = pick_adjustment(_items(session, campaign, unit), script.rng)
            if pick is not None:
                appraisals.appraise_item(
                    session=session,
                    campaign_id=campaign.id,
                    unit_id=unit.id,
                    item_code=pick[0],
                    decision="adjusted",
                    actor=appraiser,
                    score=pick[1],
                    reason="Tài liệu kiểm chứng chưa đầy đủ",
                )
        appraisals.accept_all(
            session=session, campaign_id=campaign.id, unit_id=unit.id, actor=appraiser
        )
    except CchcError:
        return  # nothing submitted: nothing to appraise


def _lead_act(
    session: Session, campaign: Campaign, stage: Stage, day: date, script: Script, var_dir: Path
) -> None:
    """What the lead agency does for a lead-only stage."""
    kind, fact = (
        stage.kind,
        partial(
            record_stage_fact,
            session=session,
            campaign=campaign,
            stage_kind=None,
            stage_code=stage.code,
            unit_code=None,
            actor=stage.lead_code or ACTOR,
        ),
    )
    if kind == "survey" and not _later_stage_of_kind(session, campaign, stage):
        path = _survey_file(session, campaign, var_dir, script)
        survey.import_survey_points(
            session=session, campaign_id=campaign.id, path=path, actor=ACTOR
        )
    elif kind == "appraisal":
        for code, _gaps in appraisals.unappraised(session=session, campaign_id=campaign.id):
            unit = scoring_lookup.find_unit(session=session, campaign=campaign, code=code)
            _appraise(session, campaign, unit, stage.lead_code or ACTOR, script)
        appraisals.complete_appraisal(
            session=session, campaign_id=campaign.id, actor=ACTOR, document_no="15/BC-TTĐ"
        )
    elif kind == "council_session":
        members = [f"Thành viên {i}" for i in range(1, 8)]
        council_ops.record_council_session(
            session=session,
            campaign_id=campaign.id,
            held_on=day,
            members_total=7,
            present=members[:6],
            in_writing=[],
            votes_for=6,
            votes_against=0,
            decision="Thống nhất kết quả thẩm định Chỉ số CCHC",
            actor=ACTOR,
        )
    elif kind == "approval":
        results_ops.compute_results(session=session, campaign_id=campaign.id, actor=ACTOR)
        council_ops.approve_results(
            session=session,
            campaign_id=campaign.id,
            decision_no="235/QĐ-UBND",
            decided_on=day,
            actor="chu-tich",
        )
    elif kind == "publication":
        council_ops.publish_results(session=session, campaign_id=campaign.id, actor=ACTOR)
    else:
        fact(document_no=f"{100 + stage.position}/{'HD' if kind == 'guidance' else 'KH'}-SNV")


def _later_stage_of_kind(session: Session, campaign: Campaign, stage: Stage) -> bool:
    """True when a later stage has the same kind (the survey is run first, imported last)."""
    return any(
        s.kind == stage.kind and s.position > stage.position
        for s in stages_of(session, campaign.id)
    )


def _survey_file(session: Session, campaign: Campaign, var_dir: Path, script: Script) -> Path:
    """Write the survey points of every scored unit (60-95% of each survey leaf) as CSV."""
    path = var_dir / "demo" / "survey-points.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["unit_code", "item_code", "score"])
        for unit, cset in scoring_lookup.units_in_scope(session=session, campaign=campaign):
            for item in scoring_lookup.set_items(session=session, criteria_set_id=cset.id):
                if item.is_leaf and item.method == "survey":
                    points = round(item.max_points * script.rng.uniform(0.6, 0.95), 2)
                    writer.writerow([unit.code, item.code, f"{points}"])
    return path
