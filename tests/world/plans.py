"""A small province and its plan as real YAML files, launched through the plan launcher."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml
from sqlmodel import Session

import config
from models.campaign.launch import LaunchSummary, launch_campaign


def units_doc(
    *,
    tiers: int = 3,
    districts: int = 2,
    communes: int = 2,
    departments: int = 2,
    notify: list[str] | None = None,
    extra: list[dict[str, Any]] | None = None,
    province: str = "thu",
) -> dict[str, Any]:
    """A province: root, Sở Nội vụ, departments, an appraisal team, districts and communes."""
    urls = notify or []
    units: list[dict[str, Any]] = [
        {"code": "ubnd-tinh", "name": "UBND tỉnh Thử", "kind": "province", "notify": urls},
        {
            "code": "so-noi-vu",
            "name": "Sở Nội vụ",
            "kind": "department",
            "parent": "ubnd-tinh",
            "rank_group": "department",
            "notify": urls,
        },
        {
            "code": "to-tham-dinh",
            "name": "Tổ thẩm định",
            "kind": "body",
            "parent": "ubnd-tinh",
            "role": "appraisal_council",
            "notify": urls,
        },
    ]
    units += [
        {
            "code": f"so-{i}",
            "name": f"Sở số {i}",
            "kind": "department",
            "parent": "ubnd-tinh",
            "rank_group": "department",
            "notify": urls,
        }
        for i in range(1, departments + 1)
    ]
    parents = ["ubnd-tinh"]
    if tiers == 3:
        parents = [f"huyen-{d}" for d in range(1, districts + 1)]
        units += [
            {
                "code": p,
                "name": f"UBND huyện {p[-1]}",
                "kind": "district",
                "parent": "ubnd-tinh",
                "rank_group": "district",
                "notify": urls,
            }
            for p in parents
        ]
    for p in parents:
        units += [
            {
                "code": f"xa-{p}-{c}",
                "name": f"UBND xã {c} ({p})",
                "kind": "commune",
                "parent": p,
                "rank_group": "commune",
                "commune_type": "xa",
                "notify": urls,
            }
            for c in range(1, communes + 1)
        ]
    units += [{"parent": "ubnd-tinh", "notify": urls, **unit} for unit in extra or []]
    name = "Tỉnh Thử" if province == "thu" else f"Tỉnh Thử {province}"
    return {"province": {"code": province, "name": name, "tiers": tiers}, "units": units}


def stage(code: str, kind: str, lead: Any, opens: date, due: date, **extra: Any) -> dict[str, Any]:
    """One plan stage with an explicit window."""
    return {
        "code": code,
        "title": f"Giai đoạn {code}",
        "kind": kind,
        "lead": lead,
        "window": {"opens": opens, "due": due},
        **extra,
    }


def write_world(
    root: Path,
    stages: list[dict[str, Any]],
    *,
    code: str = "thu-2024",
    policy: dict | None = None,
    criteria_sets: list[str] | None = None,
    province: str = "thu",
    **unit_args: Any,
) -> Path:
    """Write units and a plan (scored by criteria_sets under root/config/criteria); its path."""
    (root / "config" / "units").mkdir(parents=True, exist_ok=True)
    (root / "config" / "plans").mkdir(parents=True, exist_ok=True)
    (root / "config" / "units" / f"{province}.yaml").write_text(
        yaml.safe_dump(units_doc(province=province, **unit_args), allow_unicode=True),
        encoding="utf-8",
    )
    plan = {
        "code": code,
        "province": province,
        "year": 2024,
        "title": "Kế hoạch thử 2024",
        "units": province,
        "policy": policy or {"roll_forward": False},
        "criteria_sets": criteria_sets or [],
        "stages": stages,
    }
    path = root / "config" / "plans" / f"{code}.yaml"
    path.write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    return path


def launch(
    session: Session, plan_path: Path, *, calendar: dict | None = None, dry_run: bool = False
) -> LaunchSummary:
    """Load and launch a plan, committing it."""
    summary = launch_campaign(
        session=session,
        plan_cfg=config.load_plan(plan_path),
        actor="test",
        dry_run=dry_run,
        calendar=calendar,
    )
    session.commit()
    return summary
