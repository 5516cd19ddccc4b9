"""Deadline phrases in plan text: hide cited documents' dates, then ask `deadlines` to read them."""

from __future__ import annotations

import re
from datetime import date

from cchc.errors import DeadlinePhraseError
from deadlines import Window, find_deadlines, parse_deadline
from planimport.text import fold

_DATE = r"\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}|\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}"
# A cited document ("Quyết định số 1416/QĐ-UBND ngày 07/8/2023") or the signing line: not deadlines.
_REFERENCES = (
    re.compile(rf"\bso\s*:?\s*[\w./\-]*\d[\w./\-]*\s*,?\s*(?:cua [^,;]{{0,40}}?)?"
               rf"ngay\s*(?:{_DATE})"),
    re.compile(rf"\b[\w.\-]*\d[\w.\-]*/[\w./\-]+\s*,?\s*ngay\s*(?:{_DATE})"),
    re.compile(rf"^\s*[^\W\d][^,\d]{{1,40}},\s*ngay\s*(?:{_DATE})"),
)


# Wordings that state no date at all; each gets its own reason in the review list.
_UNDATED = (
    (re.compile(r"\b(?:thuong xuyen|lien tuc|hang (?:tuan|thang|quy|nam)|dinh ky)\b"),
     "việc làm thường xuyên, không có hạn cụ thể"),
    (re.compile(r"\b(?:sau khi|ngay sau|khi co|sau\s+\d+\s+ngay)\b"),
     "hạn tính theo một việc khác, chưa có ngày"),
    (re.compile(r"\btheo (?:ke hoach|huong dan|thong bao|lich|van ban)\b"),
     "hạn theo văn bản khác, chưa có ngày"),
)
SAME_AS_ABOVE = re.compile(r"^\W*(?:nhu tren|nt|-nt-)\W*$")


def undated_reason(text: str) -> str | None:
    """Say why `text` has no date ("Thường xuyên", "Sau khi có kết quả ..."), or None."""
    folded = fold(text)
    return next((why for pattern, why in _UNDATED if pattern.search(folded)), None)


def mask_references(text: str) -> str:
    """Blank out the dates of cited documents, keeping every other character in place."""
    folded = fold(text)
    chars = list(text)
    for pattern in _REFERENCES:
        for m in pattern.finditer(folded):
            chars[m.start():m.end()] = " " * (m.end() - m.start())
    return "".join(chars)


def phrases(text: str) -> list[str]:
    """Return the deadline phrases of `text`, cited documents' dates left out."""
    return find_deadlines(mask_references(text))


def window_for(text: str, *, year: int | None, after: date | None) -> Window:
    """Read the window `text` states; raise DeadlinePhraseError quoting it when it cannot."""
    masked = mask_references(text)
    if not masked.strip():
        raise DeadlinePhraseError(f'"{text}": không có thời hạn')
    return parse_deadline(masked, year=year, after=after)
