"""Titles of the ranking blocks (one per rank group) in reports, CLI and dashboard."""

from __future__ import annotations

BLOCK_TITLES = {
    "department": "Sở, ban, ngành",
    "special": "Cơ quan đặc thù (không xếp hạng chung)",
    "district": "UBND huyện, thành phố",
    "commune": "UBND xã, thị trấn",
    "ward": "UBND phường",
    "central_agency": "Cơ quan Trung ương đóng trên địa bàn",
    "none": "Không xếp hạng",
}


def block_title(code: str) -> str:
    """Return a rank group's block title, or the code itself when it has none."""
    return BLOCK_TITLES.get(code, code)
