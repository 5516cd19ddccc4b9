"""What the national catalogue tells the import: the province's code, its tier model, and the
refusals that stop an import before it can misread (wrong tier model, no timeline at all)."""

from __future__ import annotations

from typing import Any

from cchc.errors import ValidationError

NO_TIMELINE = (
    "không tìm thấy mốc thời gian nào (không có bảng nhiệm vụ có cột thời gian, không có câu nào "
    "ghi hạn); chưa tạo kế hoạch"
)


def province_code(name: str, year: int) -> str | None:
    """Return the config code of the catalogue province `name` ("TP.HCM" → "ho-chi-minh")."""
    from config.national import find_province, slug

    found = find_province(name, year)
    return slug(found) if found else None


def check_tiers(units: Any, year: int, province: str, units_code: str) -> None:
    """Refuse a plan whose index year and units file follow different tier models."""
    from config.national import two_tier

    want = 2 if two_tier(year) else 3
    have = units.province.tiers
    if have == want:
        return
    raise ValidationError(
        f"kế hoạch Chỉ số năm {year} theo mô hình {want} cấp nhưng tệp đơn vị «{units_code}» có "
        f"{have} cấp; tạo tệp đơn vị của năm đó: "
        f"cchc units init --province {province} --year {year}"
    )
