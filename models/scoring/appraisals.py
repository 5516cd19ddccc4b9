"""Appraisal: accept or adjust each leaf, the unit's answer, the council's final score.

Every change is audited (who, when, old, new, why). Callers commit (session_scope).
"""

from __future__ import annotations

import json
import uuid

from sqlalchemy import and_, func
from sqlmodel import Session, select

from cchc.errors import DeadlinePassed, NotFound, ScoreError, ValidationError
from models.audit.log import record_audit
from models.campaign.facts import get_stage, record_fact
from models.campaign.tables import Assignment, Fact, Stage
from models.catalog.criteria import CriteriaItem
from models.catalog.lookup import get_unit, items_by_code
from models.catalog.units import OrgUnit
from models.scoring.appraisal_access import check_appraiser, field_appraisers
from models.scoring.council_ops import ensure_not_frozen, has_valid_session, stage_id_of
from models.scoring.score_rules import score_problem
from models.scoring.self_assessments import current_submission, version_scores
from models.scoring.tables import Appraisal, SelfAssessment, SelfScore

DECISIONS = ("accepted", "adjusted")


def _context(
    session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID
) -> tuple[SelfAssessment, dict[str, CriteriaItem]]:
    """Return the current submission and its set's items (NotFound before any)."""
    ensure_not_frozen(session=session, campaign_id=campaign_id)
    current = current_submission(session=session, campaign_id=campaign_id, unit_id=unit_id)
    if current is None:
        raise NotFound("đơn vị chưa nộp bản tự đánh giá nên chưa thẩm định được")
    return current, items_by_code(session=session, criteria_set_id=current.criteria_set_id)


def _self_leaf(items: dict[str, CriteriaItem], code: str) -> CriteriaItem:
    """Return the self-assessed leaf with this code, or raise ScoreError naming it."""
    problem = score_problem(items.get(code), code, 0.0)
    if problem:
        raise ScoreError(problem)
    return items[code]


def get_appraisal(
    *, session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID, item_id: uuid.UUID
) -> Appraisal | None:
    """Return the appraisal of one leaf, if any."""
    return session.exec(
        select(Appraisal).where(
            Appraisal.campaign_id == campaign_id,
            Appraisal.unit_id == unit_id,
            Appraisal.item_id == item_id,
        )
    ).first()


def appraise_item(
    *,
    session: Session,
    campaign_id: uuid.UUID,
    unit_id: uuid.UUID,
    item_code: str,
    decision: str,
    actor: str,
    score: float | None = None,
    reason: str | None = None,
    appraiser_code: str | None = None,
) -> Appraisal:
    """Accept the unit's self score for a leaf, or adjust it with a reason."""
    if decision not in DECISIONS:
        raise ValidationError(f"decision: «{decision}» không hợp lệ (accepted hoặc adjusted)")
    current, items = _context(session, campaign_id, unit_id)
    item = _self_leaf(items, item_code)
    check_appraiser(
        session=session,
        campaign_id=campaign_id,
        unit_id=unit_id,
        item_code=item_code,
        appraiser_code=appraiser_code,
    )
    own = version_scores(session=session, self_assessment_id=current.id).get(item.id)
    self_score = None if own is None else own.score
    if decision == "adjusted":
        if score is None or not (reason or "").strip():
            raise ValidationError(f"{item_code}: điều chỉnh điểm cần điểm mới và lý do")
        problem = score_problem(item, item_code, score)
        if problem:
            raise ScoreError(problem)
    new_score = float(score) if decision == "adjusted" else (self_score or 0.0)  # type: ignore[arg-type]
    row = get_appraisal(session=session, campaign_id=campaign_id, unit_id=unit_id, item_id=item.id)
    old = None if row is None else row.appraised_score
    row = row or Appraisal(
        campaign_id=campaign_id,
        unit_id=unit_id,
        item_id=item.id,
        appraised_score=0.0,
        decision=decision,
        appraised_by=actor,
    )
    row.self_score, row.appraised_score, row.decision = self_score, new_score, decision
    row.reason, row.appraiser_code, row.appraised_by = (
        reason,
        appraiser_code or item.appraiser_code,
        actor,
    )
    session.add(row)
    record_audit(
        session=session,
        actor=actor,
        action=f"appraisal_{decision}",
        entity="appraisal",
        entity_id=row.id,
        campaign_id=campaign_id,
        field=item_code,
        old=old if old is not None else self_score,
        new=new_score,
        reason=reason,
    )
    note_unit_appraised(session=session, campaign_id=campaign_id, unit_id=unit_id, actor=actor)
    return row


def accept_all(
    *,
    session: Session,
    campaign_id: uuid.UUID,
    unit_id: uuid.UUID,
    actor: str,
    field_code: str | None = None,
    appraiser_code: str | None = None,
) -> int:
    """Accept the self score of every leaf not yet appraised (one field, or all); return the count.

    With an appraiser_code and no field, only the fields that agency appraises are accepted.
    """
    current, items = _context(session, campaign_id, unit_id)
    if field_code is not None and field_code not in items:
        raise ScoreError(f"{field_code}: lĩnh vực không có trong bộ chỉ số")
    if field_code is not None:
        check_appraiser(
            session=session,
            campaign_id=campaign_id,
            unit_id=unit_id,
            item_code=field_code,
            appraiser_code=appraiser_code,
        )
    agencies = field_appraisers(
        session=session, unit=get_unit(session=session, unit_id=unit_id), items=list(items.values())
    )
    done = set(
        session.exec(
            select(Appraisal.item_id).where(
                Appraisal.campaign_id == campaign_id, Appraisal.unit_id == unit_id
            )
        ).all()
    )
    scores = version_scores(session=session, self_assessment_id=current.id)
    accepted: dict[str, float] = {}
    for code, item in items.items():
        if not item.is_leaf or item.method != "self" or item.id in done:
            continue
        if field_code is not None and item.field_code != field_code:
            continue
        if appraiser_code is not None and agencies.get(item.field_code) != appraiser_code:
            continue
        value = scores[item.id].score if item.id in scores else 0.0
        session.add(
            Appraisal(
                campaign_id=campaign_id,
                unit_id=unit_id,
                item_id=item.id,
                self_score=value,
                appraised_score=value,
                decision="accepted",
                appraised_by=actor,
                appraiser_code=appraiser_code or item.appraiser_code,
            )
        )
        accepted[code] = value
    if accepted:  # one entry for the batch: old and new are the same self scores
        text = json.dumps(accepted, ensure_ascii=False)
        record_audit(
            session=session,
            actor=actor,
            action="appraisal_accepted",
            entity="appraisal",
            entity_id=current.id,
            campaign_id=campaign_id,
            field=field_code or "*",
            old=text,
            new=text,
        )
    session.flush()
    note_unit_appraised(session=session, campaign_id=campaign_id, unit_id=unit_id, actor=actor)
    return len(accepted)


def respond_to_appraisal(
    *,
    session: Session,
    campaign_id: uuid.UUID,
    unit_id: uuid.UUID,
    item_code: str,
    text: str,
    actor: str,
) -> Appraisal:
    """Record the unit's answer (giải trình) to an appraisal while the appraisal stage allows."""
    if not (text or "").strip():
        raise ValidationError(f"{item_code}: nội dung giải trình trống")
    _current, items = _context(session, campaign_id, unit_id)
    stages = session.exec(
        select(Stage).where(Stage.campaign_id == campaign_id, Stage.kind == "appraisal")
    ).all()
    if stages and not any(s.state == "open" for s in stages):
        raise DeadlinePassed("giai đoạn thẩm định không mở; không nhận giải trình")
    item = _self_leaf(items, item_code)
    row = get_appraisal(session=session, campaign_id=campaign_id, unit_id=unit_id, item_id=item.id)
    if row is None:
        raise NotFound(f"{item_code}: chưa có kết quả thẩm định để giải trình")
    old, row.unit_response = row.unit_response, text.strip()
    session.add(row)
    record_audit(
        session=session,
        actor=actor,
        action="unit_response",
        entity="appraisal",
        entity_id=row.id,
        campaign_id=campaign_id,
        field=item_code,
        old=old,
        new=row.unit_response,
    )
    session.flush()
    return row


def record_final_score(
    *,
    session: Session,
    campaign_id: uuid.UUID,
    unit_id: uuid.UUID,
    item_code: str,
    score: float,
    reason: str,
    actor: str,
) -> Appraisal:
    """Record the council's final score for a leaf (needs a quorate session and a reason)."""
    _current, items = _context(session, campaign_id, unit_id)
    item = _self_leaf(items, item_code)
    problem = score_problem(item, item_code, score)
    if problem:
        raise ScoreError(problem)
    if not (reason or "").strip():
        raise ValidationError(f"{item_code}: điểm cuối cùng của Hội đồng cần lý do")
    if not has_valid_session(session=session, campaign_id=campaign_id):
        raise ValidationError(
            "chưa có phiên họp Hội đồng hợp lệ (trên 50% thành viên) để quyết định điểm"
        )
    row = get_appraisal(session=session, campaign_id=campaign_id, unit_id=unit_id, item_id=item.id)
    if row is None:
        raise NotFound(f"{item_code}: chưa được thẩm định")
    old = row.final_score if row.final_score is not None else row.appraised_score
    row.final_score, row.final_reason = float(score), reason.strip()
    session.add(row)
    record_audit(
        session=session,
        actor=actor,
        action="final_score",
        entity="appraisal",
        entity_id=row.id,
        campaign_id=campaign_id,
        field=item_code,
        old=old,
        new=row.final_score,
        reason=row.final_reason,
    )
    session.flush()
    return row


def unappraised(
    *, session: Session, campaign_id: uuid.UUID, unit_ids: list[uuid.UUID] | None = None
) -> list[tuple[str, int]]:
    """Return (unit code, leaves not yet appraised) for submitted units (of unit_ids) with gaps."""
    query = (
        select(OrgUnit.code, func.count(SelfScore.id) - func.count(Appraisal.id))
        .join(SelfAssessment, SelfAssessment.unit_id == OrgUnit.id)
        .join(SelfScore, SelfScore.self_assessment_id == SelfAssessment.id)
        .join(
            CriteriaItem, and_(CriteriaItem.id == SelfScore.item_id, CriteriaItem.method == "self")
        )
        .outerjoin(
            Appraisal,
            and_(
                Appraisal.campaign_id == SelfAssessment.campaign_id,
                Appraisal.unit_id == SelfAssessment.unit_id,
                Appraisal.item_id == SelfScore.item_id,
            ),
        )
        .where(SelfAssessment.campaign_id == campaign_id, SelfAssessment.status == "submitted")
        .group_by(OrgUnit.code)
    )
    if unit_ids is not None:
        query = query.where(SelfAssessment.unit_id.in_(unit_ids))
    rows = session.exec(query).all()
    return [(code, int(gap)) for code, gap in rows if gap]


def note_unit_appraised(
    *, session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID, actor: str
) -> None:
    """Once a unit has no leaf left to appraise, mark its per-unit appraisal duty done.

    In a per-unit appraisal stage the duty is either the unit's own (scope: communes) or its
    district's (scope: districts, done when every commune below it is appraised).
    """
    session.flush()
    if unappraised(session=session, campaign_id=campaign_id, unit_ids=[unit_id]):
        return
    unit = session.get(OrgUnit, unit_id)
    for stage_id, assigned in per_unit_appraisal_duties(session=session, campaign_id=campaign_id):
        if unit_id in assigned:
            record_fact(
                session=session,
                campaign_id=campaign_id,
                kind="appraisal_done",
                actor=actor,
                stage_id=stage_id,
                unit_id=unit_id,
            )
        parent_id = unit.parent_id if unit else None
        if parent_id in assigned and not unappraised(
            session=session, campaign_id=campaign_id, unit_ids=children_of(session, parent_id)
        ):
            record_fact(
                session=session,
                campaign_id=campaign_id,
                kind="appraisal_done",
                actor=actor,
                stage_id=stage_id,
                unit_id=parent_id,
            )


def per_unit_appraisal_duties(
    *, session: Session, campaign_id: uuid.UUID
) -> list[tuple[uuid.UUID, set[uuid.UUID]]]:
    """The campaign's per-unit appraisal stages with the units assigned in each."""
    stages = session.exec(
        select(Stage).where(Stage.campaign_id == campaign_id, Stage.kind == "appraisal")
    ).all()
    duties = []
    for stage in stages:
        if stage.scope.get("unit_stage"):
            ids = session.exec(select(Assignment.unit_id).where(Assignment.stage_id == stage.id))
            duties.append((stage.id, set(ids.all())))
    return duties


def children_of(session: Session, parent_id: uuid.UUID) -> list[uuid.UUID]:
    """The ids of the units directly below a unit."""
    return list(session.exec(select(OrgUnit.id).where(OrgUnit.parent_id == parent_id)).all())


def complete_appraisal(
    *,
    session: Session,
    campaign_id: uuid.UUID,
    actor: str,
    document_no: str | None = None,
    stage_code: str | None = None,
) -> Fact:
    """Record that the appraisal is done, refusing while a submitted unit has unappraised leaves."""
    gaps = unappraised(session=session, campaign_id=campaign_id)
    if gaps:
        raise ValidationError(
            f"{len(gaps)} đơn vị còn tiêu chí chưa thẩm định",
            problems=[f"{unit}: {n} tiêu chí chưa thẩm định" for unit, n in gaps[:20]],
        )
    return record_fact(
        session=session,
        campaign_id=campaign_id,
        kind="appraisal_done",
        actor=actor,
        stage_id=(
            get_stage(session=session, campaign_id=campaign_id, code=stage_code).id
            if stage_code
            else stage_id_of(session=session, campaign_id=campaign_id, kind="appraisal")
        ),
        document_no=document_no,
    )
