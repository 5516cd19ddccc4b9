"""Import survey points per unit and item (all rows or none), upserted and audited."""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlmodel import Session, select

from cchc.errors import ValidationError
from models.audit.log import record_audit
from models.campaign.fact_ops import stage_id_of
from models.campaign.facts import record_fact
from models.catalog.tabular import parse_number, read_table
from models.scoring.freeze import ensure_not_frozen
from models.scoring.score_rules import fmt_points
from models.scoring.survey.scope import survey_leaves, survey_target
from models.scoring.tables import SurveyScore

POINT_COLUMNS = {
    "unit": ("don_vi", "đơn_vị", "ma_don_vi", "unit_code"),
    "item": ("tieu_chi", "tiêu_chí", "ma_tieu_chi", "item_code", "question"),
    "points": ("diem", "điểm", "score"),
}


def import_survey_points(
    *, session: Session, campaign_id: uuid.UUID, path: str | Path, actor: str
) -> int:
    """Import survey points per unit and item from CSV/XLSX (all rows or none); return the count."""
    ensure_not_frozen(session=session, campaign_id=campaign_id)
    rows = read_table(path, POINT_COLUMNS)
    scope = survey_leaves(session, campaign_id)
    problems: list[str] = []
    wanted: dict[tuple[uuid.UUID, uuid.UUID], float] = {}
    for row in rows:
        target = survey_target(row, scope, "item", problems)
        points = parse_number(row.values["points"])
        if points is None:
            problems.append(f"{row.where('points')}: «{row.values['points']}» không phải số")
        elif target and not 0 <= points <= target[1].max_points + 1e-9:
            problems.append(
                f"{row.where('points')}: {fmt_points(points)} ngoài khoảng 0 – "
                f"{fmt_points(target[1].max_points)}"
            )
        elif target and (target[0].id, target[1].id) in wanted:
            problems.append(f"{row.where('item')}: trùng đơn vị và tiêu chí với một dòng trước")
        elif target:
            wanted[(target[0].id, target[1].id)] = points
    if problems:
        raise ValidationError(problems[0], problems=problems)
    store_survey_points(
        session, campaign_id, {k: (v, 0) for k, v in wanted.items()}, "import", actor
    )
    record_fact(
        session=session,
        campaign_id=campaign_id,
        kind="survey_imported",
        actor=actor,
        stage_id=stage_id_of(session=session, campaign_id=campaign_id, kind="survey"),
        payload={"rows": len(wanted), "source": Path(path).name},
    )
    return len(wanted)


def store_survey_points(
    session: Session, campaign_id: uuid.UUID, wanted: dict, source: str, actor: str
) -> None:
    """Upsert survey points, auditing every changed value."""
    existing = {
        (s.unit_id, s.item_id): s
        for s in session.exec(
            select(SurveyScore).where(SurveyScore.campaign_id == campaign_id)
        ).all()
    }
    for (unit_id, item_id), (points, ballots) in wanted.items():
        row = existing.get((unit_id, item_id))
        old = None if row is None else row.points
        row = row or SurveyScore(
            campaign_id=campaign_id, unit_id=unit_id, item_id=item_id, points=points
        )
        row.points, row.ballots, row.source = points, ballots, source
        session.add(row)
        if old is not None and old != points:
            record_audit(
                session=session,
                actor=actor,
                action="survey_points",
                entity="survey_score",
                entity_id=row.id,
                campaign_id=campaign_id,
                field=str(item_id),
                old=old,
                new=points,
            )
    record_audit(
        session=session,
        actor=actor,
        action="survey_import",
        entity="campaign",
        entity_id=campaign_id,
        campaign_id=campaign_id,
        field=source,
        new=len(wanted),
    )
    session.flush()
