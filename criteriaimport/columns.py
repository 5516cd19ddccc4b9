"""Find the criteria table's header and give each column a role."""

from __future__ import annotations

import re

from planimport.text import fold_clean

# Roles, first match wins; spellings are folded (no diacritics, lower case).
ROLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("no", re.compile(r"^(?:stt|tt|so tt|so thu tu|ma|ma so|ky hieu)$")),
    ("points", re.compile(r"^(?:diem|diem toi da|diem chuan|thang diem|so diem|diem so)\b")),
    (
        "agency",
        re.compile(
            r"\b(?:co quan|don vi) (?:tham dinh|danh gia|cham|theo doi|phu trach)"
            r"|^tham dinh$"
        ),
    ),
    (
        "method",
        re.compile(
            r"cach (?:cham|thuc|danh gia)|phuong phap|huong dan cham"
            r"|^cach tinh"
        ),
    ),
    ("note", re.compile(r"^ghi chu")),
    ("title", re.compile(r"linh vuc|tieu chi|noi dung|chi so")),
)
NUMBERING = re.compile(r"^\(?\d+\)?$")


def header_roles(texts: list[str]) -> list[str | None] | None:
    """Return each column's role when `texts` is a header row (number, title and points)."""
    roles: list[str | None] = []
    for text in texts:
        folded = fold_clean(text)
        role = next((name for name, pattern in ROLES if folded and pattern.search(folded)), None)
        # a table may split the title over "Lĩnh vực | Tiêu chí | Tiêu chí thành phần" columns
        roles.append(role if role == "title" or role not in roles else None)
    return roles if {"no", "title", "points"} <= set(roles) else None


def is_numbering(texts: list[str]) -> bool:
    """Tell a "(1) (2) (3)" column-number row under the header."""
    filled = [t.strip() for t in texts if t.strip()]
    return len(filled) >= 2 and all(NUMBERING.match(t) for t in filled)
