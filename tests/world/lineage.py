"""Two former provinces' 2024 campaigns merged into one 2025 campaign (issue #13's worked example).

Former Tỉnh A (tinh-a) and Tỉnh B (tinh-b) ran 2024 campaigns; from 2025 Tỉnh A takes in Tỉnh B,
keeping the code tinh-a. The 2025 units file links predecessors as `cchc units init` writes
them (`province` names the former province a unit came from). Indices are set by hand so each
expected change is computed in the test.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from config.schema import UnitsFile
from models import Campaign, OrgUnit, Result
from models.catalog.sync import sync_units
from tests.world.campaigns import make_campaign
from tests.world.catalog import make_criteria_set, make_unit

# 2024 indices: (kind, index) per unit of each former province.
FORMER_2024 = {
    "tinh-a": {
        "so-noi-vu": ("department", 80.0),
        "so-lao-dong": ("department", 70.0),
        "so-nn-ptnt": ("department", 84.0),
        "so-tn-mt": ("department", 90.0),
        "huyen-dong": ("district", 88.0),
        "xa-an": ("commune", 75.0),
    },
    "tinh-b": {
        "so-noi-vu": ("department", 60.0),  # Tỉnh B's own: never Tỉnh A's history
        "xa-binh": ("commune", 85.0),
        "xa-chau": ("commune", 91.0),
    },
}
# 2025 indices of the merged province's units.
MERGED_2025 = {
    "so-noi-vu": 85.5,
    "so-nn-mt": 89.0,
    "so-moi": 77.0,
    "xa-an-binh": 82.0,
    "xa-dong": 79.0,
    "phuong-chau": 93.25,
}


def _unit(code: str, name: str, kind: str, **extra: Any) -> dict[str, Any]:
    """One unit of the 2025 units file, under the province."""
    group = {"department": "department", "commune": "commune"}[kind]
    if extra.get("commune_type") == "phuong":
        group = "ward"
    unit = {"code": code, "name": name, "kind": kind, "parent": "ubnd-tinh", "rank_group": group}
    return unit | extra


def _link(code: str, change: str, province: str | None = None) -> dict[str, Any]:
    """One predecessor link of 2025."""
    return {"code": code, "year": 2025, "change": change} | (
        {"province": province} if province else {}
    )


UNITS_2025 = {
    "province": {"code": "tinh-a", "name": "Tỉnh A", "tiers": 2, "effective_from": "2025-07-01"},
    "units": [
        {"code": "ubnd-tinh", "name": "UBND tỉnh A", "kind": "province"},
        # survived, absorbing Sở Lao động: its own history
        _unit("so-noi-vu", "Sở Nội vụ", "department", predecessors=[_link("so-lao-dong", "merge")]),
        # new: formed from two departments
        _unit(
            "so-nn-mt",
            "Sở Nông nghiệp và Môi trường",
            "department",
            predecessors=[_link("so-nn-ptnt", "merge"), _link("so-tn-mt", "merge")],
        ),
        _unit("so-moi", "Sở Mới", "department"),  # no history at all
        # new: one former commune of each former province
        _unit(
            "xa-an-binh",
            "Xã An Bình",
            "commune",
            commune_type="xa",
            predecessors=[_link("xa-an", "merge"), _link("xa-binh", "merge", "tinh-b")],
        ),
        # a new commune on a former district's ground: across tiers
        _unit(
            "xa-dong",
            "Xã Đông",
            "commune",
            commune_type="xa",
            predecessors=[_link("huyen-dong", "rename")],
        ),
        # one former commune of Tỉnh B, renamed a ward
        _unit(
            "phuong-chau",
            "Phường Châu",
            "commune",
            commune_type="phuong",
            predecessors=[_link("xa-chau", "rename", "tinh-b")],
        ),
    ],
}


def _result(session: Session, campaign: Campaign, unit: OrgUnit, index: float) -> None:
    """Store one unit's computed result (max 100: achieved points = index)."""
    session.add(
        Result(
            campaign_id=campaign.id,
            unit_id=unit.id,
            rank_group=unit.rank_group,
            max_points=100.0,
            achieved_points=index,
            index_value=index,
        )
    )


def merged_province(session: Session) -> Campaign:
    """Add both former provinces' 2024 campaigns and the merged 2025 one; return the 2025 one."""
    for province, units in FORMER_2024.items():
        campaign = make_campaign(session, f"{province}-2024", province=province, year=2024)
        for code, (kind, index) in units.items():
            _result(
                session, campaign, make_unit(session, code, kind=kind, province=province), index
            )
    make_criteria_set(session)  # sets, so the unit page and the report show every unit
    communes = make_criteria_set(session, "test-xa")
    communes.tier, communes.applies_to = "commune", {"rank_groups": ["commune", "ward"]}
    session.add(communes)
    merged = make_campaign(
        session,
        "tinh-a-2025",
        province="tinh-a",
        year=2025,
        body={"criteria_sets": ["test-so", "test-xa"]},
    )
    rows = sync_units(session=session, units_cfg=UnitsFile.model_validate(UNITS_2025))
    for code, index in MERGED_2025.items():
        _result(session, merged, rows[code], index)
    session.commit()
    return merged
