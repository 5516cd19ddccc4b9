"""Criteria-set wording: `cchc validate`'s per-set counts and its refusals."""

from __future__ import annotations

from cchc.wording.numbers import fmt_points

KIND_NAMES = {
    "province": "UBND tỉnh",
    "department": "sở, ban, ngành",
    "district": "UBND cấp huyện",
    "commune": "UBND cấp xã",
    "central_agency": "cơ quan Trung ương",
    "body": "hội đồng, tổ",
}
TIER_NAMES = {
    "department": "các sở, ban, ngành",
    "special": "cơ quan đặc thù",
    "district": "UBND cấp huyện",
    "commune": "UBND cấp xã",
    "ward": "UBND phường",
    "central_agency": "cơ quan Trung ương",
}


def field_label(code: str, title: str) -> str:
    """Name a field the way the decision does: lĩnh vực 2 «Cải cách thể chế»."""
    return f"lĩnh vực {code} «{title}»"


def appraiser_not_agency(field: str, unit: str, kind: str, tier: str) -> str:
    """Refuse a unit that cannot appraise this tier's field."""
    return (
        f"{field}: «{unit}» ({KIND_NAMES.get(kind, kind)}) không thể thẩm định bộ chỉ số của "
        f"{TIER_NAMES.get(tier, tier)}; cơ quan thẩm định phải là UBND tỉnh, sở, ban, ngành "
        "hoặc hội đồng (UBND cấp huyện chỉ thẩm định cấp xã)"
    )


def parent_not_allowed(field: str, tier: str) -> str:
    """Refuse "parent" (the unit's district) outside commune sets."""
    return (
        f"{field}: «parent» (UBND cấp huyện của đơn vị) chỉ dùng cho bộ chỉ số cấp xã, "
        f"không dùng cho {TIER_NAMES.get(tier, tier)}"
    )


def tier_contradicts(tier: str, target: str) -> str:
    """Refuse a set scoring units outside its tier."""
    return (
        f"bộ chỉ số dành cho {TIER_NAMES.get(tier, tier)} (tier: {tier}) nhưng áp dụng cho {target}"
    )


def set_line(
    code: str, fields: int, crits: int, subs: int, own: float, survey: float,
    extra: tuple[float, float] = (0.0, 0.0),
) -> str:  # fmt: skip
    """One set's counts, to check against the decision's own (bonus, penalty points apart)."""
    bonus, penalty = extra
    tail = f"; điểm thưởng {fmt_points(bonus)}" if bonus else ""
    tail += f"; điểm trừ {fmt_points(penalty)}" if penalty else ""
    return (
        f"{code}: {fields} lĩnh vực, {crits} tiêu chí, {subs} tiêu chí thành phần; "
        f"tự đánh giá {fmt_points(own)} điểm, điều tra XHH {fmt_points(survey)} điểm{tail}"
    )


def field_line(code: str, title: str, crits: int, subs: int, points: float) -> str:
    """One field's counts under its set."""
    return (
        f"  {code}. {title}: {crits} tiêu chí, {subs} tiêu chí thành phần, "
        f"{fmt_points(points)} điểm"
    )
