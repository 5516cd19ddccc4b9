"""Read an STT cell: I/II (roman), 1 / 1.1 / 1.1.1 (arabic), a) / b. (letters), or a total."""

from __future__ import annotations

import re
from typing import NamedTuple

from planimport.text import fold_clean

_ROMAN = re.compile(r"^(?=[IVXLC])(X{0,3})(IX|IV|V?I{0,3})\.?$")
_ARABIC = re.compile(r"^(\d+(?:\.\d+)*)[.)]?$")
_LETTER = re.compile(r"^([a-zđ])[).]?$")
_TOTAL = re.compile(r"^(?:tong|tong cong|tong so|tong diem|cong)\b")


class Number(NamedTuple):
    """What an STT cell says: its kind (roman, arabic, letter, total, none) and its parts."""

    kind: str
    parts: tuple[str, ...] = ()


def read_number(text: str, title: str = "") -> Number:
    """Classify an STT cell (a total may also be written in the title with no number)."""
    raw = text.strip().replace(" ", "")
    if _ROMAN.match(raw):
        return Number("roman", (raw.rstrip("."),))
    arabic = _ARABIC.match(raw)
    if arabic:
        return Number("arabic", tuple(arabic.group(1).split(".")))
    letter = _LETTER.match(raw)
    if letter:
        return Number("letter", (letter.group(1),))
    if _TOTAL.match(fold_clean(text)) or (not raw and _TOTAL.match(fold_clean(title))):
        return Number("total")
    return Number("none", (raw,) if raw else ())
