"""Read the index cap a decision states ("tổng điểm không vượt quá 100") (pure)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from criteriaimport.model import Node
from planimport.text import fold_clean

NEAR = 3  # lines around a bonus row where "tối đa 100 điểm" speaks of the total
_NUM = r"(\d+(?:[.,]\d+)?)"
_NOT_ABOVE = re.compile(
    rf"\b(?:tong (?:so )?diem|tong cong|chi so)\b[^.;]{{0,80}}?"
    rf"\bkhong (?:duoc )?(?:vuot qua|vuot|qua|lon hon)\s*{_NUM}"
)
_AT_MOST = re.compile(rf"\btoi da\s*(?:la\s*)?{_NUM}\s*diem")


def stated_cap(
    lines: Sequence[tuple[int, str]], nodes: Sequence[Node], total: float
) -> tuple[int, float, str] | None:
    """Return (line, figure, text) of the cap the decision states, or None when it states none.

    "Tổng điểm … không vượt quá N" counts anywhere; "tối đa N điểm" only near a bonus row
    (elsewhere it is an item's maximum). An N below the base total caps nothing (it is a
    bonus's own maximum) and is ignored.
    """
    bonus = [n.line for n in nodes if n.kind == "bonus"]
    for line, text in lines:
        folded = fold_clean(text)
        found = _NOT_ABOVE.search(folded)
        if not found and any(abs(line - b) <= NEAR for b in bonus):
            found = _AT_MOST.search(folded)
        if found:
            value = float(found.group(1).replace(",", "."))
            if value >= total > 0:
                return line, value, text
    return None
