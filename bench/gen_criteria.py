"""Synthetic criteria sets shaped like seed 002: 8 fields, criteria, sub-criteria, ~100 leaves."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

FIELDS = [  # (title, appraising agency): the field-by-field split of issue 4
    ("Công tác chỉ đạo, điều hành cải cách hành chính", "so-noi-vu"),
    ("Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật", "so-tu-phap"),
    ("Cải cách thủ tục hành chính", "van-phong-ubnd"),
    ("Cải cách tổ chức bộ máy hành chính nhà nước", "so-noi-vu"),
    ("Cải cách chế độ công vụ", "so-noi-vu"),
    ("Cải cách tài chính công", "so-tai-chinh"),
    ("Xây dựng và phát triển chính quyền điện tử, chính quyền số", "so-khoa-hoc-cong-nghe"),
    ("Tác động của cải cách hành chính đến người dân, tổ chức", "so-noi-vu"),  # the survey field
]
TOTALS = {"department": (77.0, 23.0), "district": (72.0, 28.0), "commune": (70.0, 30.0)}
STEP = 0.25
GROUPS = {
    "department": ["department", "special"],
    "district": ["district"],
    "commune": ["commune", "ward"],
}
SUBS_PER_CRITERION = 3


@dataclass(frozen=True)
class Leaf:
    """What the score generator needs to know about one leaf."""

    id: uuid.UUID
    field_code: str
    max_points: float
    survey: bool
    appraiser: str


def _quarters(total: float, n: int) -> list[float]:
    """Split `total` points into `n` maxima that are multiples of 0.25 and sum exactly."""
    quarters = round(total / STEP)
    base, extra = divmod(quarters, n)
    return [(base + (1 if i < extra else 0)) * STEP for i in range(n)]


def _per_field(leaves: int, survey_leaves: int) -> list[int]:
    """Leaves per field: the self leaves over fields 1-7, the survey leaves in field 8."""
    self_leaves = leaves - survey_leaves
    base, extra = divmod(self_leaves, 7)
    return [base + (1 if i < extra else 0) for i in range(7)] + [survey_leaves]


def criteria_set(
    *,
    province: str,
    year: int,
    tier: str,
    leaves: int,
    survey_leaves: int,
    new_id: Any,
    created_at: datetime,
) -> tuple[dict, list[dict], list[Leaf]]:
    """Return a criteria set row, its item rows and its leaves."""
    self_total, survey_total = TOTALS[tier]
    set_id = new_id()
    cset = {
        "id": set_id,
        "code": f"{province}-{year}-{tier}",
        "province_code": province,
        "year": year,
        "tier": tier,
        "title": f"Bộ Chỉ số CCHC năm {year} ({tier})",
        "total": self_total + survey_total,
        "self_total": self_total,
        "survey_total": survey_total,
        "applies_to": {"rank_groups": GROUPS[tier], "units": []},
        "created_at": created_at,
    }
    counts = _per_field(leaves, survey_leaves)
    maxima = _quarters(self_total, sum(counts[:7])) + _quarters(survey_total, counts[7])
    items: list[dict] = []
    out: list[Leaf] = []
    for f, ((title, agency), n) in enumerate(zip(FIELDS, counts, strict=True), start=1):
        field_max = sum(maxima[len(out) : len(out) + n])
        field_id = _item(items, set_id, new_id, str(f), None, 1, title, field_max, False, agency)
        survey = f == len(FIELDS)
        for c in range(0, n, SUBS_PER_CRITERION):
            subs = maxima[len(out) : len(out) + min(SUBS_PER_CRITERION, n - c)]
            code = f"{f}.{c // SUBS_PER_CRITERION + 1}"
            leaf_alone = len(subs) == 1
            crit_id = _item(
                items,
                set_id,
                new_id,
                code,
                field_id,
                2,
                f"Tiêu chí {code}",
                sum(subs),
                leaf_alone,
                None,
                survey,
            )
            if leaf_alone:
                out.append(Leaf(crit_id, str(f), subs[0], survey, agency))
                continue
            for s, points in enumerate(subs, start=1):
                leaf_id = _item(
                    items,
                    set_id,
                    new_id,
                    f"{code}.{s}",
                    crit_id,
                    3,
                    f"Tiêu chí thành phần {code}.{s}",
                    points,
                    True,
                    None,
                    survey,
                )
                out.append(Leaf(leaf_id, str(f), points, survey, agency))
    return cset, items, out


def _item(
    items: list[dict],
    set_id: Any,
    new_id: Any,
    code: str,
    parent: Any,
    level: int,
    title: str,
    max_points: float,
    leaf: bool,
    agency: str | None,
    survey: bool = False,
) -> Any:
    """Append one criteria item row and return its id."""
    item_id = new_id()
    items.append(
        {
            "id": item_id,
            "criteria_set_id": set_id,
            "code": code,
            "parent_id": parent,
            "field_code": code.split(".")[0],
            "level": level,
            "title": title,
            "max_points": max_points,
            "method": "survey" if survey and leaf else "self",
            "step": STEP if leaf else None,
            "appraiser_code": agency,
            "is_leaf": leaf,
            "position": len(items),
        }
    )
    return item_id
