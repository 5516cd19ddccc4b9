"""Import raw ballots (group, respondent, unit, question, answer): all or none, once a file."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import Session, select

from cchc.errors import Conflict, ValidationError
from models.audit.log import AuditEntry, record_audit
from models.campaign.rules import campaign_rules
from models.catalog.lookup import get_campaign_by_id
from models.catalog.tabular import read_table
from models.scoring.freeze import ensure_not_frozen
from models.scoring.survey.scope import survey_leaves, survey_target
from models.scoring.survey_rules import SurveyRules
from models.scoring.tables import Ballot

BALLOT_COLUMNS = {
    "group": ("respondent_group", "nhom", "nhóm", "doi_tuong", "đối_tượng"),
    "respondent": ("respondent_ref", "phieu", "phiếu", "ma_phieu"),
    "unit": ("target_unit", "don_vi", "đơn_vị", "ma_don_vi"),
    "question": ("item", "cau_hoi", "câu_hỏi", "tieu_chi"),
    "answer": ("tra_loi", "trả_lời", "dap_an"),
}


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
    if already_imported(session, campaign_id, digest):
        # The same file twice would double every count and pass the coverage check falsely.
        raise Conflict(f"tệp phiếu «{Path(path).name}» đã được nhập cho chiến dịch này")
    rules = rules or campaign_rules(session=session, campaign=campaign).survey
    rows = read_table(path, BALLOT_COLUMNS, optional=("respondent",))
    scope = survey_leaves(session, campaign_id)
    problems: list[str] = []
    ballots = []
    for row in rows:
        group = row.values["group"]
        target = survey_target(row, scope, "question", problems)
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


def already_imported(session: Session, campaign_id: uuid.UUID, digest: str) -> bool:
    """True when a ballot file with this content was imported into the campaign before."""
    found = session.exec(
        select(AuditEntry.id).where(
            AuditEntry.campaign_id == campaign_id,
            AuditEntry.action == "ballots_import",
            AuditEntry.reason == digest,
        )
    ).first()
    return found is not None
