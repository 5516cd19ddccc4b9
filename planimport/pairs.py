"""A start and its end written in two rows (or sentences) become one stage, or a review item.

"Bắt đầu tự đánh giá — từ ngày 05/01" followed by "Hoàn thành tự đánh giá — đến ngày 20/01"
with the same lead is one stage "từ ngày 05/01 đến ngày 20/01" (flagged); a start whose next
row is not its end stays a stage without a window, reviewed as "chỉ có mốc bắt đầu".
"""

from __future__ import annotations

import re
from dataclasses import replace

from planimport.model import Cell, Row
from planimport.text import fold, one_line

_START = re.compile(r"^\s*(?:bat dau\s*)?(?:tu|ke tu)\s+(?=\S)")
_END = re.compile(r"^\s*(?:ket thuc|hoan thanh|den)\s+(?:(?:vao|truoc)\s+)?(?=\S)")
_END_TITLE = re.compile(r"^\s*(?:ket thuc|hoan thanh)\b")
_RANGE = re.compile(r"\b(?:den|toi)\b|\s[-–]\s")


def pair_rows(rows: list[Row]) -> list[Row]:
    """Merge each start-only row with the end row right after it (same lead)."""
    out: list[Row] = []
    i = 0
    while i < len(rows):
        row, nxt = rows[i], rows[i + 1] if i + 1 < len(rows) else None
        start = _start_of(row)
        if start is not None and nxt is not None and _is_end_of(row, nxt):
            out.append(_merged(row, nxt, start))
            i += 2
            continue
        out.append(row)  # a start alone is reviewed by the deadline reader ("chỉ có mốc bắt đầu")
        i += 1
    return out


def _start_of(row: Row) -> str | None:
    """Return the start date phrase of a row that states only a start ("từ ngày 05/01")."""
    text = one_line(row.text("time"))
    folded = fold(text)
    found = _START.match(folded)
    if not found or _RANGE.search(folded):
        return None
    return text[found.end():].rstrip(" .;,")


def _is_end_of(row: Row, nxt: Row) -> bool:
    """Tell whether `nxt` states the end of what `row` starts (same lead, an end wording)."""
    same_lead = fold(one_line(row.text("lead"))) == fold(one_line(nxt.text("lead")))
    ends = bool(_END.match(fold(one_line(nxt.text("time"))))) or bool(
        _END_TITLE.match(fold(one_line(nxt.text("title"))))
    )
    return same_lead and ends and _start_of(nxt) is None


def _merged(row: Row, nxt: Row, start: str) -> Row:
    """Return one row running from `row`'s start to `nxt`'s deadline."""
    end_text = one_line(nxt.text("time"))
    found = _END.match(fold(end_text))
    end = end_text[found.end():] if found else end_text
    cells = dict(row.cells)
    cells["time"] = Cell(f"từ {start} đến {end.rstrip(' .;,')}", row.line_of("time"))
    why = f"bắt đầu ở dòng {row.line}, kết thúc ở dòng {nxt.line}: gộp thành một giai đoạn"
    return replace(row, cells=cells, joined=why)
