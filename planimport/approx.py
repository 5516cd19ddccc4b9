"""Deadlines a plan writes loosely, read by the documented rules and always flagged.

- A date without a year takes the campaign calendar's year: a plan for index year Y runs from
  mid-Y to the first quarter of Y+1, so January–March are Y+1 and April–December are Y.
- "đầu năm N" is 01/N, "giữa năm N" 06–07/N, "cuối năm N" 12/N.
- "(trong) tuần đầu tháng M" is days 1–7 of M, "tuần cuối tháng M" its last 7 days.
- "đầu/giữa/cuối tháng" without a month takes the month of the stage above.
- "đầu/giữa/cuối tháng M" (days 1–10, 11–20, 21–end) and "quý I/N" (the whole quarter) keep the
  deadline parser's windows.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from deadlines import Window
from planimport.text import fold
from planimport.when import window_for

_HAS_YEAR = re.compile(
    r"(?<!\d)(?:19|20)\d{2}(?!\d)|\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2}(?!\d)"
)
_PART_OF_YEAR = re.compile(r"\b(dau|giua|cuoi) nam\s+(\d{4})\b")
_WEEK = re.compile(r"\btuan (dau|cuoi)(?: cua)? thang\b")
_BARE_PART = re.compile(r"\b(dau|giua|cuoi) thang\b(?!\s*\d)")
_LOOSE_RULES = {
    "early_month": "đầu tháng: ngày 1–10",
    "mid_month": "giữa tháng: ngày 11–20",
    "late_month": "cuối tháng: ngày 21 đến hết tháng",
    "quarter": "quý: cả quý",
}
_YEAR_PARTS = {"dau": (1, 1, "tháng 1"), "giua": (6, 7, "tháng 6–7"), "cuoi": (12, 12, "tháng 12")}


def read_loose(text: str, *, year: int, after: date | None) -> tuple[Window, list[str]]:
    """Return the window of `text` and why it needs a look; raise DeadlinePhraseError if none."""
    folded = fold(text)
    part = _PART_OF_YEAR.search(folded)
    if part:
        return _part_of_year(text, part.group(1), int(part.group(2)))
    notes: list[str] = []
    filled = bool(_BARE_PART.search(folded)) and not _HAS_YEAR.search(folded)
    if filled:
        text, note = _with_month_above(text, folded, after)
        notes.append(note)
        folded = fold(text)
    window = _dated(text, folded, year, notes)
    week = _WEEK.search(folded)
    if week:
        window = _week(window, week.group(1), text)
        notes.append(
            f"«{text}»: tuần {'đầu' if week.group(1) == 'dau' else 'cuối'} tháng đọc là 7 ngày"
            f" {'đầu' if week.group(1) == 'dau' else 'cuối'} tháng (quy ước), cần xác nhận"
        )
    elif window.rule in _LOOSE_RULES and not filled:
        notes.append(
            f"«{text}» là mốc ước lệ, đọc theo quy ước {_LOOSE_RULES[window.rule]}; cần xác nhận"
        )
    return window, notes


def _dated(text: str, folded: str, year: int, notes: list[str]) -> Window:
    """Read `text`; a date without a year takes the campaign calendar's year, flagged."""
    if _HAS_YEAR.search(folded):
        return window_for(text, year=year, after=None)
    window = window_for(text, year=year, after=None)
    if window.opens_at.month <= 3 and window.opens_at.year == year:
        window = window_for(text, year=year + 1, after=None)
    chosen = window.opens_at.year
    notes.append(
        f"ngày không ghi năm: chọn năm {chosen} theo lịch chiến dịch (Chỉ số năm {year} "
        f"chạy từ giữa năm {year} đến quý I năm {year + 1}: tháng 1–3 thuộc năm {year + 1})"
    )
    return window


def _part_of_year(text: str, part: str, year: int) -> tuple[Window, list[str]]:
    """Return the window of "đầu/giữa/cuối năm N"."""
    first, last, words = _YEAR_PARTS[part]
    end = date(year, last, calendar.monthrange(year, last)[1])
    window = Window.of_days(date(year, first, 1), end, rule="part_of_year", text=text)
    return window, [f"«{text}» là mốc ước lệ, đọc là {words}/{year} (quy ước); cần xác nhận"]


def _week(window: Window, which: str, text: str) -> Window:
    """Narrow a month's window to its first or last 7 days."""
    first = window.opens_at.date().replace(day=1)
    last = date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
    if which == "dau":
        return Window.of_days(first, first + timedelta(days=6), rule="first_week", text=text)
    return Window.of_days(last - timedelta(days=6), last, rule="last_week", text=text)


def _with_month_above(text: str, folded: str, after: date | None) -> tuple[str, str]:
    """Complete "cuối tháng" with the month of the stage above, or fail saying so."""
    from cchc.errors import DeadlinePhraseError

    if after is None:
        raise DeadlinePhraseError(
            f"«{text}» không ghi tháng nào và không có giai đoạn trước để lấy tháng"
        )
    m = _BARE_PART.search(folded)
    assert m is not None
    filled = f"{text[: m.end()]} {after.month:02d}/{after.year}{text[m.end() :]}"
    return (
        filled,
        f"«{text}» không ghi tháng: lấy tháng của giai đoạn trước "
        f"({after.month:02d}/{after.year}); cần xác nhận",
    )
