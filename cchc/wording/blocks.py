"""Titles of the ranking blocks (one per rank group) in reports, CLI and dashboard.

A block of local governments is titled from its units' own kinds, read from their names
("Xã Nậm Cương", "Đặc khu Côn Đảo"): "UBND các xã, phường, đặc khu".
"""

from __future__ import annotations

from collections.abc import Iterable

BLOCK_TITLES = {
    "department": "Sở, ban, ngành",
    "special": "Cơ quan đặc thù (không xếp hạng chung)",
    "district": "UBND các huyện, thành phố",
    "commune": "UBND các xã, phường, thị trấn",
    "ward": "UBND các phường",
    "central_agency": "Cơ quan Trung ương đóng trên địa bàn",
    "none": "Không xếp hạng",
}
# Local government kinds in the order published titles list them (longer words first within
# the matching: "thị xã" before "xã").
LOCAL_KINDS = ("quận", "huyện", "thị xã", "thành phố", "xã", "phường", "thị trấn", "đặc khu")
_MATCH_ORDER = sorted(LOCAL_KINDS, key=len, reverse=True)
LOCAL_BLOCKS = ("district", "commune", "ward")


def local_kind(name: str) -> str | None:
    """Return the local government kind a unit's name starts with ("Thị xã Sa Pa" → "thị xã")."""
    text = name.strip().lower().removeprefix("ubnd ").strip()
    return next((k for k in _MATCH_ORDER if text == k or text.startswith(k + " ")), None)


def block_title(code: str, names: Iterable[str] = ()) -> str:
    """Return a block's title: from its units' kinds for local governments, else by rank group."""
    if code in LOCAL_BLOCKS:
        kinds = {kind for name in names if (kind := local_kind(name))}
        if kinds:
            return "UBND các " + ", ".join(k for k in LOCAL_KINDS if k in kinds)
    return BLOCK_TITLES.get(code, code)
