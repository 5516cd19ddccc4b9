"""The state machine of a campaign, its stages and assignments, written once; every act asks it.

Campaign (`campaign.state`)::

    running ──approve──▶ approved ──publish──▶ published ──archive──▶ archived
       ▲                    │                     │
       └───────reopen───────┴─────────────────────┘
    (running after a reopen is "under review" while a published snapshot exists)

Stage (`stage.state`, moved by the tick): pending ──open──▶ open ──close──▶ closed.
Assignment (`assignment.state`, moved by the tick and the unit's acts): see ASSIGNMENT.
A refusal is a `Conflict` naming its rule; a check changes nothing.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from cchc.clock import as_utc, now
from cchc.errors import Conflict
from cchc.wording import lifecycle as say
from cchc.wording.dates import local_moment
from models.campaign.assignments import find_assignment
from models.campaign.tables import Campaign, Stage
from models.catalog.units import OrgUnit
from models.enums import AssignmentState as A
from models.enums import CampaignState as C
from models.enums import StageState as S

RUNNING = frozenset({C.running})
# act -> (states it may start from, state it leads to; None leaves the state as it is)
CAMPAIGN: dict[str, tuple[frozenset[str], str | None]] = {
    "approve": (RUNNING, C.approved),
    "publish": (frozenset({C.approved}), C.published),
    "reopen": (frozenset({C.approved, C.published}), C.running),
    "archive": (frozenset({C.published}), C.archived),
    # every fact, score or deadline change: only while running (after approval, reopen first)
    **dict.fromkeys(
        (
            "submit", "edit", "withdraw", "evidence", "appraise", "final_score", "extend",
            "council_session", "survey", "not_submitted", "compute",
            "amend",  # a plan version (services/amend.py) keeps frozen results as they were
        ),
        (RUNNING, None),
    ),
}  # fmt: skip

STAGE: dict[str, frozenset[str]] = {S.pending: frozenset({S.open}), S.open: frozenset({S.closed})}
ASSIGNMENT: dict[str, frozenset[str]] = {
    A.pending: frozenset({A.open}),
    A.open: frozenset({A.done, A.late, A.overdue, A.refused}),
    A.overdue: frozenset({A.late, A.refused}),
    A.done: frozenset({A.open}),  # a withdrawal reopens it while the stage is open
    A.late: frozenset({A.open}),
    A.refused: frozenset(),
}
# the stage whose window an act needs open
ACT_STAGE = {"appraise": "appraisal", "final_score": "council_session"}


def rule_of(act: str, state: str) -> str:
    """Name the rule that forbids an act in a state (the `rule` of the 409 body)."""
    return f"{act}_when_{state}"


def allows(act: str, state: str) -> bool:
    """Tell whether the campaign's state allows the act."""
    return state in CAMPAIGN[act][0]


def require(campaign: Campaign, act: str) -> str | None:
    """Refuse an act the campaign's state forbids; return the state it leads to (None: stays)."""
    if not allows(act, campaign.state):
        raise Conflict(say.refused(act, campaign.state), rule=rule_of(act, campaign.state))
    return CAMPAIGN[act][1]


def move(session: Session, campaign: Campaign, act: str) -> None:
    """Check the act and move the campaign to the state it leads to."""
    target = require(campaign, act)
    if target is not None:
        campaign.state = target
        session.add(campaign)


def require_stage_open(*, session: Session, campaign: Campaign, act: str) -> Stage:
    """Refuse an act whose stage is missing, not yet open or already closed."""
    kind = ACT_STAGE[act]
    stages = session.exec(
        select(Stage)
        .where(Stage.campaign_id == campaign.id, Stage.kind == kind)
        .order_by(Stage.position)  # type: ignore[arg-type]
    ).all()
    open_ = [s for s in stages if s.state == S.open]
    if open_:
        return open_[-1]
    last = stages[-1] if stages else None
    raise Conflict(
        say.stage_not_open(act, last.title if last else None, last.state if last else None),
        rule=f"{act}_stage_not_open",
    )


def submission_final(
    *, session: Session, campaign: Campaign, unit: OrgUnit, at: datetime | None = None
) -> bool:
    """Tell whether the unit's self-assessment can no longer change: its due time passed or its
    stage closed (a unit may withdraw only while both are open)."""
    stage, assignment = find_assignment(
        session=session, campaign_id=campaign.id, unit_id=unit.id, stage_kind="self_assessment"
    )
    return stage.state == S.closed or as_utc(at or now()) > as_utc(assignment.due_at)


def require_appraisable(*, session: Session, campaign: Campaign, unit: OrgUnit, act: str) -> None:
    """Refuse a score (appraisal, final score) outside its stage or on a changeable submission."""
    require(campaign, act)
    require_stage_open(session=session, campaign=campaign, act=act)
    require_submission_final(session=session, campaign=campaign, unit=unit)


def require_submission_final(*, session: Session, campaign: Campaign, unit: OrgUnit) -> None:
    """Refuse to appraise a unit whose self-assessment may still be edited or withdrawn."""
    if not submission_final(session=session, campaign=campaign, unit=unit):
        _stage, assignment = find_assignment(
            session=session, campaign_id=campaign.id, unit_id=unit.id,
            stage_kind="self_assessment",
        )  # fmt: skip
        raise Conflict(
            say.submission_not_final(unit.code, local_moment(assignment.due_at)),
            rule="submission_not_final",
        )
