"""Vietnamese number and date formatting for every user-facing output (reports, CLI, dashboard)."""

from __future__ import annotations

from datetime import date, datetime

from cchc.clock import to_local
from cchc.numbers import fmt_change, fmt_points, fmt_vn, hundredths

__all__ = [
    "GROUP_TITLES",
    "fmt_change",
    "fmt_date",
    "fmt_points",
    "fmt_rank",
    "fmt_vn",
    "hundredths",
]


def fmt_date(value: date | datetime | None) -> str:
    """Write a date as dd/mm/yyyy (instants shown in Asia/Ho_Chi_Minh)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return to_local(value).strftime("%d/%m/%Y %H:%M")
    return value.strftime("%d/%m/%Y")


GROUP_TITLES = {
    "department": "Sở, ban, ngành",
    "special": "Cơ quan đặc thù (không xếp hạng chung)",
    "district": "UBND huyện, thành phố",
    "commune": "UBND xã, thị trấn",
    "ward": "UBND phường",
    "central_agency": "Cơ quan Trung ương đóng trên địa bàn",
    "none": "Không xếp hạng",
}


def fmt_rank(rank: int | None, tied: bool) -> str:
    """Write a rank, marking a shared one: 2 / 2= / empty."""
    return "" if rank is None else f"{rank}{'=' if tied else ''}"
