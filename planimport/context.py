"""Read what the whole document says about itself: province, year, title, decision number."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from planimport.text import fold, one_line

Line = tuple[int, str]
_PLACE_DATE = re.compile(
    r"^\s*([^\W\d][^,\d]{1,40}),\s*ngay\s*\d{0,2}\s*thang\s*\d{0,2}\s*nam\s+(\d{4})")
_NAMED = re.compile(r"\b(?:tinh|thanh pho)\s+((?:[^\W\d_]+\s?){1,3})")
_INDEX_YEAR = re.compile(
    r"(?:chi so|cchc|cai cach hanh chinh|par index)[^.\n]{0,60}?\bnam\s+(\d{4})")
_ISSUED = re.compile(
    r"^\s*[^\W\d][^,\d]{1,40},\s*ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s+(\d{4})")
_DECISION = re.compile(r"^[\s#*]*S[ốo]\s*:\s*(\d*)\s*/\s*([A-ZĐ][A-ZĐ\-]*)", re.IGNORECASE)
_TITLE_HEAD = re.compile(r"^[#*\s]*ke hoach[*\s]*$")
_ACRONYMS = ("UBND", "CCHC", "HĐND", "PAR", "XHH", "TW")


@dataclass
class DocInfo:
    """Province name, plan year, title and decision number as the document states them."""

    province_name: str | None = None
    year: int | None = None
    title: str | None = None
    decision_no: str | None = None
    issued_on: date | None = None


def slug(name: str) -> str:
    """Return the code of a province name ("Bắc Kạn" → "bac-kan")."""
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")


def detect(lines: list[Line]) -> DocInfo:
    """Return what the document says about its province, year, title and number."""
    return DocInfo(_province(lines), _year(lines), _title(lines), _decision(lines), _issued(lines))


def _issued(lines: list[Line]) -> date | None:
    """Return the plan's own date from its place-and-date line (top, else the signature)."""
    for _, text in [*lines[:60], *lines[-40:]]:
        found = _ISSUED.match(fold(one_line(text)))
        if found:
            day, month, year = (int(g) for g in found.groups())
            try:
                return date(year, month, day)
            except ValueError:
                return None
    return None


def _province(lines: list[Line]) -> str | None:
    """Return the place of the signing line, else the most named "tỉnh X" / "thành phố X"."""
    for _, text in lines[:60]:
        found = _PLACE_DATE.match(fold(one_line(text)))
        if found:
            return one_line(text)[found.start(1):found.end(1)].strip(" #*")
    names: Counter[str] = Counter()
    for _, text in lines:
        text = one_line(text)
        for m in _NAMED.finditer(fold(text)):
            words = text[m.start(1):m.end(1)].split()
            proper = [w for w in words if w[0].isupper()]
            if proper and proper == words[: len(proper)]:
                names[" ".join(proper)] += 1
    return names.most_common(1)[0][0] if names else None


def _year(lines: list[Line]) -> int | None:
    """Return the year the PAR Index is determined for (most named), else the signing year."""
    years = Counter(int(y) for _, t in lines for y in _INDEX_YEAR.findall(fold(t)))
    if years:
        return years.most_common(1)[0][0]
    for _, text in lines[:60]:
        found = _PLACE_DATE.match(fold(one_line(text)))
        if found:
            return int(found.group(2))
    return None


def _title(lines: list[Line]) -> str | None:
    """Return "Kế hoạch ..." from the heading line after "KẾ HOẠCH", or the first such phrase."""
    texts = [one_line(t).strip("# *") for _, t in lines]
    for i, text in enumerate(texts[:80]):
        if _TITLE_HEAD.match(fold(text)):
            rest = next((t for t in texts[i + 1:i + 6] if t), "")
            if rest:
                return f"Kế hoạch {_sentence_case(rest)}"
    for text in texts[:20]:
        found = re.search(r"\bKế hoạch\s+[^\W\d][^.;]{10,240}", text)
        if found:
            return found.group(0).strip()
    return None


def _sentence_case(text: str) -> str:
    """Lower an all-capitals heading, keeping acronyms; start lower-case after "Kế hoạch"."""
    if text.upper() == text:
        text = " ".join(w if w in _ACRONYMS else w.lower() for w in text.split())
    return text[0].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _decision(lines: list[Line]) -> str | None:
    """Return "146/KH-UBND" from a "Số: 146/KH-UBND" line near the top."""
    for _, text in lines[:30]:
        found = _DECISION.search(text)
        if found:  # the plan's own number line; "Số: /KH-UBND" is a draft without one
            return f"{found.group(1)}/{found.group(2)}" if found.group(1) else None
    return None
