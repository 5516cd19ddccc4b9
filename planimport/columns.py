"""Recognise a stage table's header row and the role of each column."""

from __future__ import annotations

import re

from planimport.text import fold_clean

# Checked in order: "Thời gian thực hiện" is a time column before "thực hiện" makes it a lead.
_ROLE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("no", ("tt", "stt", "so tt", "so thu tu", "thu tu", "#")),
    ("start", ("bat dau", "tu ngay", "khoi dong")),  # "Thời gian bắt đầu": not the deadline
    ("time", ("thoi gian", "thoi han", "tien do", "han hoan thanh", "ngay hoan thanh",
              "hoan thanh", "ket thuc", "den ngay", "moc thoi gian", "han")),
    ("cooperating", ("phoi hop",)),
    ("title", ("nhiem vu", "noi dung", "cong viec", "hoat dong", "ten nhiem vu", "buoc")),
    ("note", ("yeu cau", "san pham", "ket qua", "ghi chu", "hinh thuc")),
    ("lead", ("chu tri", "thuc hien", "don vi", "co quan", "trach nhiem", "phu trach")),
)
_NO_ONLY = re.compile(r"^(?:s?tt|so tt|so thu tu|thu tu|#)$")
MAX_HEADER_WORDS = 8
_ROW_NO = re.compile(r"^(?:\d{1,3}(?:\.\d{1,2})*|[IVX]{1,5}|[A-Za-zĐđ])[.)]?$")


def column_role(text: str) -> str | None:
    """Return the role a header cell names ('title', 'time', ...), or None."""
    folded = fold_clean(text).strip(" .:*")
    if not folded or len(folded.split()) > MAX_HEADER_WORDS:
        return None
    if _NO_ONLY.match(folded):
        return "no"
    for role, words in _ROLE_WORDS[1:]:
        if any(re.search(rf"\b{re.escape(w)}\b", folded) for w in words):
            return role
    return None


def header_roles(cells: list[str]) -> list[str | None] | None:
    """Return one role per cell if `cells` read as a stage table's header row, else None."""
    roles = [column_role(c) for c in cells]
    named = [r for r in roles if r]
    if len(named) < 3 or "title" not in named or not ({"time", "lead"} & set(named)):
        return None
    if len(set(named)) < len(named) - 1:  # a sentence full of role words is not a header
        return None
    return _dedupe(roles)


def _dedupe(roles: list[str | None]) -> list[str | None]:
    """Keep the first column of each role; a second one becomes a note."""
    seen: set[str] = set()
    out: list[str | None] = []
    for role in roles:
        if role and role in seen:
            out.append("note" if role != "note" else None)
        else:
            out.append(role)
            if role:
                seen.add(role)
    return out


def sub_header(top: list[str], sub: list[str]) -> list[str | None] | None:
    """Return the roles of a two-row header ("Thời gian" over "Bắt đầu | Hoàn thành"), or None.

    A cell spanning columns is written once, so an empty top cell takes the text on its left;
    a cell spanning both rows may be repeated in the lower one.
    """
    named = [column_role(c) for c in sub if c.strip()]
    if not named or not {"start", "time"} & set(named) or None in named:
        return None
    texts, left = [], ""
    for n, head in enumerate(top):
        left = head.strip() or left
        below = sub[n].strip() if n < len(sub) else ""
        texts.append(left if below in ("", left) else f"{left} {below}")
    return header_roles(texts)


def is_row_no(text: str) -> bool:
    """Tell whether a first cell reads as a row number ('1', '2.', 'IV', 'a)')."""
    return bool(_ROW_NO.match(text.strip().strip("*<>/bi ")))
