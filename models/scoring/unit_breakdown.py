"""One unit's item-by-item sheet in the appendix layout (one unit: ~100 rows, read into Python)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlmodel import Session, select

from cchc.wording.extensions import breakdown_note
from models.catalog.lookup import criteria_set_for, get_campaign_by_id, get_unit, set_items
from models.scoring.self_assessments import current_submission, version_scores
from models.scoring.tables import Appraisal, NotApplicable, SurveyScore


@dataclass
class BreakdownRow:
    """One item's row of the appendix: max, self, appraised, survey, achieved, index, note."""

    code: str
    title: str
    level: int
    is_leaf: bool
    method: str
    max_points: float
    self_score: float | None = None
    appraised: float | None = None
    survey: float | None = None
    achieved: float = 0.0
    note: str = ""

    @property
    def index_value(self) -> float | None:
        """Return achieved / max x 100 (None for a zero-point item)."""
        return self.achieved / self.max_points * 100 if self.max_points else None


def _note(appraisal: Appraisal | None) -> str:
    """Explain an adjusted or council-decided leaf."""
    if appraisal is None:
        return ""
    parts = []
    if appraisal.decision == "adjusted" and appraisal.reason:
        parts.append(f"Thẩm định: {appraisal.reason}")
    if appraisal.final_score is not None:
        parts.append(f"Hội đồng: {appraisal.final_reason or ''}".strip())
    return "; ".join(parts)


def unit_breakdown(
    *, session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID, with_survey: bool = True
) -> list[BreakdownRow]:
    """Return every item of the unit's set with its points; parents sum their leaves."""
    campaign = get_campaign_by_id(session=session, campaign_id=campaign_id)
    unit = get_unit(session=session, unit_id=unit_id)
    items = set_items(
        session=session,
        criteria_set_id=criteria_set_for(session=session, campaign=campaign, unit=unit).id,
    )
    current = current_submission(session=session, campaign_id=campaign_id, unit_id=unit_id)
    own = version_scores(session=session, self_assessment_id=current.id) if current else {}
    appraisals = {
        a.item_id: a
        for a in session.exec(
            select(Appraisal).where(
                Appraisal.campaign_id == campaign_id, Appraisal.unit_id == unit_id
            )
        ).all()
    }
    survey = {
        s.item_id: s.points
        for s in session.exec(
            select(SurveyScore).where(
                SurveyScore.campaign_id == campaign_id, SurveyScore.unit_id == unit_id
            )
        ).all()
    }
    rows = {
        i.id: BreakdownRow(i.code, i.title, i.level, i.is_leaf, i.method, i.max_points)
        for i in items
    }
    parents = {i.id: i.parent_id for i in items}
    marks = _marks(session, campaign_id, unit_id)
    for item in items:
        if not item.is_leaf or (item.method == "survey" and not with_survey):
            continue
        row, app = rows[item.id], appraisals.get(item.id)
        if item.method == "survey":
            row.survey = survey.get(item.id)
            row.achieved = row.survey or 0.0
        else:
            row.self_score = own[item.id].score if item.id in own else None
            value = (
                app.final_score
                if app and app.final_score is not None
                else (app.appraised_score if app else row.self_score)
            )
            row.appraised, row.achieved, row.note = value, value or 0.0, _note(app)
            figure = (
                app.figure
                if app and app.figure is not None
                else (own[item.id].figure if item.id in own else None)
            )
            extra = breakdown_note(item.kind, figure, marks.get(item.id))
            row.note = "; ".join(x for x in (extra, row.note) if x)
            if item.id in marks:  # the leaf leaves this unit's maximum, and its parents'
                _drop_max(rows, parents, item.id, row.max_points)
        _add_up(rows, parents, item.id, row)
    return [rows[i.id] for i in items if with_survey or i.method != "survey" or not i.is_leaf]


def _marks(session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID) -> dict:
    """Return {item id: reason} of the leaves marked not applicable to the unit."""
    rows = session.exec(
        select(NotApplicable).where(
            NotApplicable.campaign_id == campaign_id, NotApplicable.unit_id == unit_id
        )
    ).all()
    return {r.item_id: r.reason for r in rows}


def _drop_max(rows: dict, parents: dict, item_id: uuid.UUID, points: float) -> None:
    """Take a not-applicable leaf's points out of its own and its ancestors' maxima."""
    node: uuid.UUID | None = item_id
    while node is not None:
        rows[node].max_points -= points
        node = parents.get(node)


def _add_up(rows: dict, parents: dict, item_id: uuid.UUID, leaf: BreakdownRow) -> None:
    """Add a leaf's points to each of its ancestors."""
    parent = parents.get(item_id)
    while parent is not None:
        row = rows[parent]
        for name in ("self_score", "appraised", "survey"):
            value = getattr(leaf, name)
            if value is not None:
                setattr(row, name, (getattr(row, name) or 0.0) + value)
        row.achieved += leaf.achieved
        parent = parents.get(parent)
