"""Synthetic org units of one province: the province, departments, districts, communes."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bench.shapes import ProvinceSize, split

NAMED_DEPARTMENTS = [
    ("so-noi-vu", "Sở Nội vụ"),
    ("so-tu-phap", "Sở Tư pháp"),
    ("van-phong-ubnd", "Văn phòng UBND tỉnh"),
    ("so-tai-chinh", "Sở Tài chính"),
    ("so-khoa-hoc-cong-nghe", "Sở Khoa học và Công nghệ"),
]
SPECIAL_SHARE = 0.1  # special agencies (scored, ranked apart), as seed 002's four of ≈ 20


@dataclass
class ProvinceUnits:
    """The generated unit rows of one province, and which are scored in which tier."""

    rows: list[dict] = field(default_factory=list)
    root: Any = None
    by_tier: dict[str, list[dict]] = field(
        default_factory=lambda: {"department": [], "district": [], "commune": []}
    )

    @property
    def scored(self) -> list[dict]:
        """Every unit that self-assesses and is ranked."""
        return [u for tier in self.by_tier.values() for u in tier]


def province_units(
    *,
    province: str,
    name: str,
    size: ProvinceSize,
    tiers: int,
    rng: random.Random,
    new_id: Any,
    created_at: datetime,
    notify_urls: list[str],
) -> ProvinceUnits:
    """Build the unit rows of one province, parents before children."""
    out = ProvinceUnits()

    def add(
        code: str,
        uname: str,
        kind: str,
        rank_group: str,
        parent: Any,
        commune_type: str | None = None,
    ) -> dict:
        row = {
            "id": new_id(),
            "province_code": province,
            "code": code,
            "name": uname,
            "kind": kind,
            "rank_group": rank_group,
            "commune_type": commune_type,
            "parent_id": parent,
            "aliases": [],
            "email": None,
            "notify_urls": list(notify_urls),
            "active": True,
            "created_at": created_at,
        }
        out.rows.append(row)
        if rank_group != "none":
            out.by_tier[kind].append(row)
        return row

    out.root = add("ubnd-tinh", f"UBND {name}", "province", "none", None)["id"]
    add("hoi-dong-tham-dinh", "Hội đồng thẩm định Chỉ số CCHC", "body", "none", out.root)
    specials = max(1, round(size.departments * SPECIAL_SHARE))
    for i in range(size.departments):
        code, dname = (
            NAMED_DEPARTMENTS[i]
            if i < len(NAMED_DEPARTMENTS)
            else (f"so-{i + 1:02d}", f"Sở ngành số {i + 1:02d}")
        )
        group = "special" if i >= size.departments - specials else "department"
        add(code, dname, "department", group, out.root)
    districts = [
        add(f"huyen-{i + 1:02d}", f"UBND huyện số {i + 1:02d}", "district", "district", out.root)[
            "id"
        ]
        for i in range(size.districts)
    ]
    parents = districts if tiers == 3 and districts else [out.root]
    number = 0
    for parent, count in zip(parents, split(size.communes, len(parents), rng), strict=True):
        for _ in range(count):
            number += 1
            ward = rng.random() < 0.2
            ctype, word = ("phuong", "phường") if ward else ("xa", "xã")
            group = "ward" if ward and tiers == 2 else "commune"
            add(f"xa-{number:04d}", f"UBND {word} số {number:04d}", "commune", group, parent, ctype)
    return out
