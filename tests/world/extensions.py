"""A criteria set with every extension: bonus, penalty, a not-applicable leaf, formula leaves."""

from __future__ import annotations

import copy
from typing import Any

from sqlmodel import Session, select

from config.schema.criteria import CriteriaSet as CriteriaSetFile
from models import Assignment, Campaign, OrgUnit, Stage
from models.catalog.sync import sync_criteria_set
from models.scoring.self_assessments import save_draft, submit_self_assessment
from tests.world.campaigns import make_campaign, self_assessment_stage
from tests.world.catalog import make_unit
from tests.world.scoring import DUE, OPENS

ON_TIME = "Tỷ lệ % hồ sơ TTHC giải quyết đúng hạn"
# Base maximum 8 (field 1); bonus up to 1 (field 2) and penalty up to 2 (field 3) lie outside
# it; the index is capped at 100. 1.2 may be not applicable; 1.3 by brackets, 1.4 proportional.
EXTENDED: dict[str, Any] = {
    "code": "test-mo-rong",
    "province": "test",
    "year": 2024,
    "tier": "department",
    "title": "Bộ thử có điểm thưởng, điểm trừ",
    "applies_to": {"rank_groups": ["department"]},
    "total": 8,
    "self_total": 8,
    "survey_total": 0,
    "index_cap": 100,
    "fields": [
        {
            "code": "1", "title": "Công tác chỉ đạo, điều hành", "appraiser": "so-noi-vu",
            "max_points": 8,
            "criteria": [
                {"code": "1.1", "title": "Kế hoạch CCHC", "max_points": 2, "step": 0.25},
                {"code": "1.2", "title": "Công tác thanh tra chuyên ngành", "max_points": 2,
                 "step": 0.5, "allow_not_applicable": True},
                {"code": "1.3", "title": "Giải quyết TTHC đúng hạn", "max_points": 2,
                 "formula": {"figure": ON_TIME, "rule": "brackets", "brackets": [
                     {"min": 95, "max": 100, "points": 2},
                     {"min": 80, "max": 95, "points": 1},
                     {"min": 0, "max": 80, "points": 0}]}},
                {"code": "1.4", "title": "Văn bản gửi nhận điện tử", "max_points": 2,
                 "formula": {"figure": "Tỷ lệ % văn bản điện tử", "rule": "proportional"}},
            ],
        },
        {
            "code": "2", "title": "Điểm thưởng", "appraiser": "so-noi-vu", "max_points": 1,
            "kind": "bonus",
            "criteria": [{"code": "2.1", "title": "Sáng kiến được công nhận", "max_points": 1,
                          "step": 0.5}],
        },
        {
            "code": "3", "title": "Điểm trừ", "appraiser": "so-noi-vu", "max_points": -2,
            "kind": "penalty",
            "criteria": [{"code": "3.1", "title": "Chậm báo cáo", "max_points": -2,
                          "step": 0.5}],
        },
    ],
}  # fmt: skip


def extended_set(**changes: Any) -> dict[str, Any]:
    """Return a deep copy of the extended set, top-level keys replaced."""
    return copy.deepcopy(EXTENDED) | changes


def extended_campaign(session: Session, codes: list[str]) -> tuple[Campaign, list[OrgUnit]]:
    """Store the extended set (through the YAML model and sync), units and an open stage."""
    sync_criteria_set(session=session, cset_cfg=CriteriaSetFile.model_validate(EXTENDED))
    units = [make_unit(session, code, rank_group="department") for code in codes]
    campaign = make_campaign(session)
    campaign.has_survey = False
    self_assessment_stage(session, campaign, units, opens=OPENS, due=DUE)
    session.commit()
    return campaign, units


def extended_campaign_unit(session: Session, campaign: Campaign, code: str) -> OrgUnit:
    """Add one more unit to the campaign's open self-assessment stage."""
    unit = make_unit(session, code, rank_group="department")
    stage = session.exec(select(Stage).where(Stage.campaign_id == campaign.id)).one()
    session.add(
        Assignment(
            campaign_id=campaign.id, stage_id=stage.id, unit_id=unit.id, state="open", due_at=DUE
        )
    )
    session.commit()
    return unit


def submit_entries(
    session: Session, campaign: Campaign, unit: OrgUnit, entries: dict[str, dict[str, Any]]
) -> None:
    """Save a draft of entries ({"score"} or {"figure"}, with an explanation) and submit it."""
    body = {code: {**e, "explanation": "Theo báo cáo năm"} for code, e in entries.items()}
    save_draft(
        session=session, campaign_id=campaign.id, unit_id=unit.id, scores=body, actor=unit.code
    )
    submit_self_assessment(
        session=session, campaign_id=campaign.id, unit_id=unit.id, actor=unit.code,
        received_at=OPENS.replace(day=4),
    )  # fmt: skip
    session.commit()
