"""Who speaks in a message: UBND tỉnh … or, for a centrally-run city, UBND thành phố …; and the
deep link to a unit's page."""

from __future__ import annotations

import re

from cchc.settings import get_settings

# Centrally-run cities (thành phố trực thuộc trung ương), Huế since 2025.
CENTRAL_CITIES = frozenset({"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"})
_PREFIX = re.compile(r"^(ubnd\s+)?(tỉnh|thành phố|tp\.?)\s+", re.IGNORECASE)


def place_name(province: str) -> str:
    """The bare place name: 'UBND Thành phố Hà Nội' → 'Hà Nội', 'tỉnh Bắc Kạn' → 'Bắc Kạn'."""
    return _PREFIX.sub("", province.strip()).strip()


def authority(province: str) -> str:
    """'UBND thành phố Hà Nội' for a centrally-run city, else 'UBND tỉnh <name>'."""
    place = place_name(province)
    if not place:
        return "UBND tỉnh"
    kind = "thành phố" if place in CENTRAL_CITIES else "tỉnh"
    return f"UBND {kind} {place}"


def unit_link(campaign_code: str, unit_code: str) -> str:
    """A line with the unit's page on the dashboard, or '' when no base URL is set."""
    base = get_settings().notify.base_url.rstrip("/")
    if not base:
        return ""
    return f"\nXem chi tiết: {base}/campaigns/{campaign_code}/units/{unit_code}"
