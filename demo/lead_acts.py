"""What the lead agency does on its day in a lead-only stage (survey, appraisal, council...)."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

from sqlmodel import Session

from cchc.safe_export import write_csv
from demo.actors import Script
from demo.unit_acts import appraise
from models.campaign.tables import Campaign, Stage
from models.catalog import lookup as scoring_lookup
from models.scoring import appraisals
from models.tick.stages import stages_of
from services import appraisal, approval, council, survey
from services.facts import record_fact

ACTOR = "demo"


def lead_act(
    session: Session, campaign: Campaign, stage: Stage, day: date, script: Script, var_dir: Path
) -> None:
    """What the lead agency does for a lead-only stage."""
    kind, code = stage.kind, campaign.code
    fact = partial(
        record_fact,
        session=session,
        campaign_code=code,
        stage_code=stage.code,
        actor=stage.lead_code or ACTOR,
    )
    if kind == "survey" and not _later_stage_of_kind(session, campaign, stage):
        path = _survey_file(session, campaign, var_dir, script)
        survey.import_points(session=session, campaign_code=code, path=path, actor=ACTOR)
    elif kind == "appraisal":
        for unit_code, _gaps in appraisals.unappraised(session=session, campaign_id=campaign.id):
            unit = scoring_lookup.find_unit(session=session, campaign=campaign, code=unit_code)
            appraise(session, campaign, unit, stage.lead_code or ACTOR, script)
        appraisal.complete(
            session=session, campaign_code=code, actor=ACTOR, document_no="15/BC-TTĐ"
        )
    elif kind == "council_session":
        members = [f"Thành viên {i}" for i in range(1, 8)]
        council.record_session(
            session=session,
            campaign_code=code,
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
        # Approval computes the results from the facts at that instant and freezes them.
        approval.approve(
            session=session,
            campaign_code=code,
            decision_no="235/QĐ-UBND",
            decided_on=day,
            actor="chu-tich",
        )
    elif kind == "publication":
        approval.publish(session=session, campaign_code=code, actor=ACTOR)
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
    rows: list[list[object]] = [["unit_code", "item_code", "score"]]
    for unit, cset in scoring_lookup.units_in_scope(session=session, campaign=campaign):
        for item in scoring_lookup.set_items(session=session, criteria_set_id=cset.id):
            if item.is_leaf and item.method == "survey":
                points = round(item.max_points * script.rng.uniform(0.6, 0.95), 2)
                rows.append([unit.code, item.code, points])
    return write_csv(var_dir / "demo" / "survey-points.csv", rows)
