"""A campaign launched from a plan file with every stage of its lifecycle, and its amendments.

Sở Nội vụ and departments so-1..so-N rank in `department`; `khong-xep-hang` is scored by the
same tiny criteria set but ranks in `none`. The plan (thu-2024) has a self-assessment, an
appraisal, a council, an approval and a publication stage; an amendment rewrites it with the
self-assessment due day moved by some days and/or more departments, and launches it again.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml
from sqlmodel import Session, col, select

from models import Campaign, OrgUnit
from models.tick import evaluate as tick
from services.launch import LaunchResult, launch_plan
from tests.world.plans import stage, write_world
from tests.world.scoring import SELF_SCORES, ready_to_approve, submit

CODE = "thu-2024"
SET = "thu-2024-so"
SELF_DUE = date(2024, 11, 30)  # its end in Vietnam is tests.world.scoring.DUE
DUE = datetime(2024, 11, 30, 16, 59, 59, tzinfo=UTC)
UNRANKED = {"code": "khong-xep-hang", "name": "Trung tâm không xếp hạng", "kind": "department"}
SCORED = {"rank_groups": ["department", "none"]}


def _leaf(code: str, title: str, points: float, **extra: Any) -> dict[str, Any]:
    """One scored criterion or sub-criterion."""
    return {"code": code, "title": title, "max_points": points, **extra}


def criteria_doc() -> dict[str, Any]:
    """The tiny set as a file: 1.1 (2.0), 1.2.1 + 1.2.2 (1.0 each), survey 2.1 (3.0)."""
    reports = _leaf("1.2", "Báo cáo CCHC", 2.0, method="self")
    reports["sub_criteria"] = [
        _leaf("1.2.1", "Đủ số lượng", 1.0, step=0.5),
        _leaf("1.2.2", "Đúng thời hạn", 1.0, step=0.5),
    ]
    fields = [
        ("1", "Công tác chỉ đạo, điều hành", 4.0,
         [_leaf("1.1", "Kế hoạch CCHC", 2.0, method="self", step=0.25), reports]),
        ("2", "Điều tra xã hội học", 3.0, [_leaf("2.1", "Mức độ hài lòng", 3.0, method="survey")]),
    ]  # fmt: skip
    return {
        "code": SET, "province": "thu", "units": "thu", "year": 2024, "tier": "department",
        "title": "Bộ chỉ số thử", "applies_to": SCORED, "total": 7.0, "self_total": 4.0,
        "survey_total": 3.0,
        "fields": [
            {"code": c, "title": t, "appraiser": "so-noi-vu", "max_points": p, "criteria": cs}
            for c, t, p, cs in fields
        ],
    }  # fmt: skip


def lifecycle_stages(shift: int = 0) -> list[dict[str, Any]]:
    """Self-assessment (due SELF_DUE + shift days), appraisal, council, approval, publication."""
    units = {"rank_groups": SCORED["rank_groups"], "kinds": ["department"]}
    review = date(2024, 11, 25)  # open with the self-assessment: every act is live at DUE
    return [
        stage("tu-danh-gia", "self_assessment", "so-noi-vu", date(2024, 11, 1),
              SELF_DUE + timedelta(days=shift), scope=units),
        stage("tham-dinh", "appraisal", "so-noi-vu", review, date(2025, 2, 28), scope=units),
        stage("hoi-dong", "council_session", "to-tham-dinh", review, date(2025, 2, 28)),
        stage("phe-duyet", "approval", "ubnd-tinh", date(2025, 3, 1), date(2025, 3, 15)),
        stage("cong-bo", "publication", "so-noi-vu", date(2025, 3, 16), date(2025, 3, 31)),
    ]  # fmt: skip


def write_lifecycle_plan(root: Path, *, shift: int = 0, departments: int = 3) -> Path:
    """Write the criteria set, units and plan under root/config; return the plan's path."""
    folder = root / "config" / "criteria"
    folder.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(criteria_doc(), allow_unicode=True, sort_keys=False)
    (folder / f"{SET}.yaml").write_text(text, encoding="utf-8")
    return write_world(
        root, lifecycle_stages(shift), code=CODE, criteria_sets=[SET],
        departments=departments, districts=0, communes=0, extra=[UNRANKED],
    )  # fmt: skip


def launch_lifecycle_plan(session: Session, path: Path, *, confirm: bool = False) -> LaunchResult:
    """Launch the plan, or amend its campaign, as a replay without a Prefect schedule."""
    return launch_plan(
        session=session, plan_path=path, actor="snv", replay=True, schedule=False, confirm=confirm
    )


def lifecycle_campaign(
    session: Session, root: Path, *, submitted: tuple[str, ...] = ("so-1",), survey: float = 1.0
) -> Campaign:
    """Launch the plan, tick at DUE (every stage up to the council opens), make approval ready.

    The `submitted` units submit SELF_SCORES and are appraised: facts from the first instant.
    """
    launch_lifecycle_plan(session, write_lifecycle_plan(root))
    campaign = session.exec(select(Campaign).where(Campaign.code == CODE)).one()
    tick.advance_stages(session=session, campaign_id=campaign.id, at=DUE)
    for unit in session.exec(select(OrgUnit).where(col(OrgUnit.code).in_(submitted))):
        submit(session, campaign, unit, SELF_SCORES)
    ready_to_approve(session, campaign, survey=survey)  # council held, survey imported
    session.commit()
    return campaign
