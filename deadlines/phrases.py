"""Read a Vietnamese deadline phrase into a Window; find deadline phrases inside longer text."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from deadlines.patterns import PATTERNS, Pattern
from deadlines.resolve import Context
from deadlines.rules import RULES
from deadlines.text import fold, normalise
from deadlines.window import Window


@dataclass(frozen=True)
class Found:
    """One phrase located in a text: its pattern, span and captured groups."""

    pattern: Pattern
    start: int
    end: int
    groups: dict[str, str | None]


# "Quyết định số 2948/QĐ-BNV ngày 28/12/2017": a date right after a document number dates that
# document; it is a reference, not a deadline.
_DOCUMENT_NUMBER = re.compile(r"\d+[a-z0-9\-]*/[a-z0-9\-/]+\s*,?\s*(?:ngay\s+)?$")


def _is_reference(folded: str, hit: Found) -> bool:
    """Tell whether a bare date follows a document number."""
    return not hit.pattern.strong and bool(
        _DOCUMENT_NUMBER.search(folded[max(0, hit.start - 40) : hit.start])
    )


def _scan(text: str) -> list[Found]:
    """Return the non-overlapping phrases of NFC `text`, earliest first, longest winning a tie."""
    folded = fold(text)
    hits = [
        Found(p, m.start(), m.end(), m.groupdict())
        for p in PATTERNS
        for m in p.regex.finditer(folded)
    ]
    hits = [h for h in hits if not _is_reference(folded, h)]
    hits.sort(key=lambda f: (f.start, f.start - f.end, f.pattern.priority))
    chosen: list[Found] = []
    for hit in hits:
        if not chosen or hit.start >= chosen[-1].end:
            chosen.append(hit)
    return chosen


def _deadlines(text: str) -> list[Found]:
    """Return the phrases that state a deadline: keyword phrases if any, else bare dates."""
    found = _scan(text)
    strong = [f for f in found if f.pattern.strong]
    return strong or found


def find_deadlines(text: str) -> list[str]:
    """Return every deadline-looking phrase in `text`, as written, in order."""
    text = normalise(text)
    return [text[f.start : f.end].strip() for f in _deadlines(text)]


def find_deadline(text: str) -> str | None:
    """Return the first deadline-looking phrase in `text`, as written, or None."""
    found = find_deadlines(text)
    return found[0] if found else None


def parse_deadline(text: str, *, year: int | None = None, after: date | None = None) -> Window:
    """Read a Vietnamese deadline phrase into a Window, or raise DeadlinePhraseError quoting it."""
    phrase = re.sub(r"\s+", " ", normalise(text)).strip()
    ctx = Context(text=phrase, year=year, after=after)
    found = _deadlines(phrase)
    if not found:
        ctx.fail('không thấy cụm chỉ thời hạn (ví dụ "chậm nhất ngày 05/02/2018", "Tháng 10/2023")')
    if len(found) > 1:
        parts = ", ".join(f'"{phrase[f.start : f.end].strip()}"' for f in found)
        ctx.fail(f"có {len(found)} thời hạn ({parts}); hãy tách riêng từng hạn")
    hit = found[0]
    build: Callable[..., tuple[str, date, date]] = RULES[hit.pattern.rule]
    rule, first, last = build(hit.groups, ctx)
    return Window.of_days(first, last, rule=rule, text=phrase)


_HOUR = re.compile(r"\b\d{1,2}\s*(?:gio|h)(?:\s*\d{2})?\b(?!/)")  # "trước 17 giờ ngày ..."


def mentions_hour(text: str) -> bool:
    """Tell whether a deadline phrase names an hour (windows end at 23:59:59 regardless)."""
    return _HOUR.search(fold(normalise(text))) is not None
