"""Regular expressions for Vietnamese deadline phrases, written against folded text (see text.py).

Folded text has no diacritics and no capitals: "chậm nhất" is matched as "cham nhat".
Each pattern names its rule; `strong` patterns carry a deadline keyword, weak ones are bare dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A written date: "05/02/2018", "5-2-18", "05.02", "30 tháng 01 năm 2018". The year separator
# must repeat the first one, so "16/10-01/11" reads as two dates, never as 16/10/2001.
_LONG_DATE = r"\d{1,2}\s+thang\s+\d{1,2}(?:\s*,?\s*nam\s+\d{4}|[/.\-]\d{4})?"
_END = r"(?!\d|[/.\-]\d)"


def _date(tag: str) -> str:
    """Return a group `tag` matching one full or day-month date."""
    short = rf"\d{{1,2}}(?P<{tag}_sep>[/.\-])\d{{1,2}}(?:(?P={tag}_sep)(?:\d{{4}}|\d{{2}}))?"
    return rf"(?P<{tag}>(?<!\d)(?:{_LONG_DATE}|{short}){_END})"


_DAY = rf"(?<!\d)\d{{1,2}}{_END}"
_MONTH = rf"\d{{1,2}}(?:[/.\-]\d{{4}}|\s*,?\s*nam\s+\d{{4}})?{_END}"
_MONTH_START = r"\d{1,2}(?:[/.\-]\d{4}|\s*,?\s*nam\s+\d{4})?(?!\d)"  # may be followed by "-03/2018"
_TO = r"\s*(?:den|toi|-|–|—)\s*(?:het\s+)?"
_KW = r"(?<![/\-.])\b"  # a keyword starts a word, not a code such as "08-CTr/TU"
_FROM = rf"(?<!thu ){_KW}(?:sau|tu|ke\s+tu|bat\s+dau\s+tu)\s+"
# "trước 17 giờ ngày D", "chậm nhất 17h00 ngày D": the hour is dropped, the whole day D counts.
_HOUR = r"\s*\d{1,2}\s*(?:gio|h)(?:\s*\d{2})?(?:\s*phut)?"
# "Tháng 11, 12/2024", "tháng 11 và tháng 12/2024": a list of months read as one span, only when
# the second month is written as one ("tháng 12", "12/2024"), so "tháng 10, 15 đơn vị" is no span.
_AND = r"\s*(?:,|\s+va)\s*(?=thang\s|\d{1,2}[/.\-]\d{4})"

_SOURCES: tuple[tuple[str, bool, str], ...] = (
    (
        "day_range",
        True,
        rf"{_KW}(?:tu\s+(?:ngay\s+)?|ngay\s+)(?P<a>{_date('a_d')}|{_DAY}){_TO}(?:ngay\s+)?{_date('b')}",
    ),
    (
        "month_range",
        True,
        rf"{_KW}(?:tu\s+|trong\s+)?thang\s+(?P<a>{_MONTH_START})(?:{_TO}|{_AND})(?:thang\s+)?"
        rf"(?P<b>{_MONTH})",
    ),
    (
        "quarter",
        True,
        rf"{_KW}quy\s+(?P<q>iv|i{{1,3}}|[1-4])(?![a-z0-9])(?:\s*(?:[/.\-]|,?\s*nam\s)\s*(?P<y>\d{{4}}))?(?!\d)",
    ),
    ("part_of_month", True, rf"{_KW}(?P<part>dau|giua|cuoi)\s+thang\s+(?P<a>{_MONTH})"),
    ("before_month", True, rf"{_KW}truoc\s+thang\s+(?P<a>{_MONTH})"),
    (
        "by_end_of_day",
        True,
        rf"{_KW}(?:(?:cham|muon)\s+nhat(?:{_HOUR})?|han\s+chot|den\s+het|truoc{_HOUR})\s*:?\s*,?\s*"
        rf"(?:la\s+)?(?:vao\s+)?(?:ngay\s+)?"
        rf"{_date('a')}",
    ),
    ("before_day", True, rf"{_KW}truoc\s+(?:ngay\s+)?{_date('a')}"),
    ("open_ended", True, rf"{_FROM}(?:(?:ngay\s+)?{_date('a')}|thang\s+(?P<m>{_MONTH}))"),
    ("month", True, rf"{_KW}(?:trong\s+)?thang\s+(?P<a>{_MONTH})"),
    ("on_day", False, rf"{_KW}(?:vao\s+|trong\s+)?ngay\s+{_date('a')}"),
    ("on_day", False, r"(?<![\d/.\-])(?P<a>\d{1,2}(?P<s>[/.\-])\d{1,2}(?P=s)\d{4})(?![\d/.\-])"),
)


@dataclass(frozen=True)
class Pattern:
    """One phrase form: its rule name, whether it carries a deadline keyword, its regex."""

    rule: str
    strong: bool
    regex: re.Pattern[str]
    priority: int


PATTERNS: tuple[Pattern, ...] = tuple(
    Pattern(rule, strong, re.compile(source), priority)
    for priority, (rule, strong, source) in enumerate(_SOURCES)
)

# Tokens captured above are re-read with these.
DATE_TOKEN = re.compile(
    r"(?P<d>\d{1,2})(?:\s+thang\s+(?P<lm>\d{1,2})(?:\s*,?\s*nam\s+(?P<ly>\d{4})|[/.\-](?P<ly2>\d{4}))?"
    r"|[/.\-](?P<m>\d{1,2})(?:[/.\-](?P<y>\d{4}|\d{2}))?)?"
)
MONTH_TOKEN = re.compile(r"(?P<m>\d{1,2})(?:[/.\-](?P<y>\d{4})|\s*,?\s*nam\s+(?P<y2>\d{4}))?")
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
