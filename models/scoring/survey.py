"""Survey points (điều tra xã hội học): import them per unit and item, or score raw ballots.

points = max points x weighted mean answer weight, groups weighted as configured; a unit/item
with too few valid ballots is reported as a coverage gap and left unscored, never silently 0.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import Session, select

from cchc.errors import Conflict, ValidationError
from models.audit.log import AuditEntry, record_audit
from models.campaign.facts import record_fact
from models.campaign.rules import campaign_rules
from models.catalog.criteria import CriteriaItem
from models.catalog.lookup import get_campaign_by_id, set_items, units_in_scope
from models.catalog.tabular import Row, parse_number, read_table
from models.catalog.units import OrgUnit
from models.scoring.council_ops import ensure_not_frozen, stage_id_of
from models.scoring.score_rules import fmt_points
from models.scoring.survey_rules import SurveyRules
from models.scoring.tables import Ballot, SurveyScore

POINT_COLUMNS = {
    "unit": ("don_vi", "đơn_vị", "ma_don_vi", "unit_code"),
    "item": ("tieu_chi", "tiêu_chí", "ma_tieu_chi", "item_code", "question"),
    "points": ("diem", "điểm", "score"),
}
BALLOT_COLUMNS = {
    "group": ("respondent_group", "nhom", "nhóm", "doi_tuong", "đối_tượng"),
    "respondent": ("respondent_ref", "phieu", "phiếu", "ma_phieu"),
    "unit": ("target_unit", "don_vi", "đơn_vị", "ma_don_vi"),
    "question": ("item", "cau_hoi", "câu_hỏi", "tieu_chi"),
    "answer": ("tra_loi", "trả_lời", "dap_an"),
}


@dataclass
class CoverageGap:
    """A unit/item the survey cannot score yet: too few valid ballots (or no points imported)."""

    unit_code: str
    item_code: str
    ballots: int
    needed: int


@dataclass
class BallotScoring:
    """What score_ballots did: items scored and the coverage gaps left unscored."""

    scored: int
    gaps: list[CoverageGap]


def survey_leaves(
    session: Session, campaign_id: uuid.UUID
) -> dict[str, tuple[OrgUnit, dict[str, CriteriaItem]]]:
    """Return {unit code: (unit, {survey leaf code: item})} for the units in scope."""
    campaign = get_campaign_by_id(session=session, campaign_id=campaign_id)
    leaves: dict[uuid.UUID, dict[str, CriteriaItem]] = {}
    out = {}
    for unit, cset in units_in_scope(session=session, campaign=campaign):
        if cset.id not in leaves:
            leaves[cset.id] = {
                i.code: i
                for i in set_items(session=session, criteria_set_id=cset.id)
                if i.is_leaf and i.method == "survey"
            }
        out[unit.code] = (unit, leaves[cset.id])
    return out


def _target(
    row: Row, scope: dict, item_col: str, problems: list[str]
) -> tuple[OrgUnit, CriteriaItem] | None:
    """Resolve a row's unit and survey item, or note why not."""
    code = row.values["unit"]
    if code not in scope:
        problems.append(f"{row.where('unit')}: đơn vị «{code}» không có trong chiến dịch")
        return None
    unit, leaves = scope[code]
    item = leaves.get(row.values[item_col])
    if item is None:
        problems.append(
            f"{row.where(item_col)}: «{row.values[item_col]}» "
            f"không phải tiêu chí điều tra XHH của {code}"
        )
        return None
    return unit, item


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
        target = _target(row, scope, "item", problems)
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


def import_ballots(
    *,
    session: Session,
    campaign_id: uuid.UUID,
    path: str | Path,
    actor: str,
    rules: SurveyRules | None = None,
) -> int:
    """Import raw ballots (group, respondent, unit, question, answer), all rows or none."""
    campaign = get_campaign_by_id(session=session, campaign_id=campaign_id)
    ensure_not_frozen(session=session, campaign_id=campaign_id)
    digest = "sha256:" + hashlib.sha256(Path(path).read_bytes()).hexdigest()
    if _already_imported(session, campaign_id, digest):
        # The same file twice would double every count and pass the coverage check falsely.
        raise Conflict(f"tệp phiếu «{Path(path).name}» đã được nhập cho chiến dịch này")
    rules = rules or campaign_rules(session=session, campaign=campaign).survey
    rows = read_table(path, BALLOT_COLUMNS, optional=("respondent",))
    scope = survey_leaves(session, campaign_id)
    problems: list[str] = []
    ballots = []
    for row in rows:
        group = row.values["group"]
        target = _target(row, scope, "question", problems)
        if rules.group_weights and group not in rules.group_weights:
            problems.append(
                f"{row.where('group')}: nhóm đối tượng «{group}» không có trong cấu hình điều tra"
            )
        elif (
            target
            and group in rules.group_rates
            and target[0].rank_group not in rules.group_rates[group]
        ):
            problems.append(
                f"{row.where('group')}: nhóm «{group}» không đánh giá khối «{target[0].rank_group}»"
            )
        elif target:
            ballots.append(
                {
                    "id": uuid.uuid4(),
                    "campaign_id": campaign_id,
                    "respondent_group": group,
                    "respondent_ref": row.values.get("respondent") or None,
                    "target_unit_id": target[0].id,
                    "question": target[1].code,
                    "answer": row.values["answer"].strip().upper()[:8],
                }
            )
    if problems:
        raise ValidationError(problems[0], problems=problems)
    if ballots:
        session.execute(sa.insert(Ballot), ballots)  # Core executemany: thousands of rows
    record_audit(
        session=session,
        actor=actor,
        action="ballots_import",
        entity="campaign",
        entity_id=campaign_id,
        campaign_id=campaign_id,
        field=Path(path).name,
        new=len(ballots),
        reason=digest,
    )
    session.flush()
    return len(ballots)


def _already_imported(session: Session, campaign_id: uuid.UUID, digest: str) -> bool:
    """True when a ballot file with this content was imported into the campaign before."""
    found = session.exec(
        select(AuditEntry.id).where(
            AuditEntry.campaign_id == campaign_id,
            AuditEntry.action == "ballots_import",
            AuditEntry.reason == digest,
        )
    ).first()
    return found is not None
