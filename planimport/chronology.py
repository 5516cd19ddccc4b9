"""Dates that cannot be right as read: a stage due before the plan was issued, or before a stage
it waits for. A year typed wrong in the document ("27/02/2026" in a plan issued 12/11/2026) reads
as a valid date; it is marked for review, never corrected by a guess."""

from __future__ import annotations

from datetime import date

from cchc.clock import LOCAL_TZ
from deadlines import Window
from planimport.model import Review
from planimport.order import Draft

FIELD = "thời hạn"


def _due(window: Window) -> date:
    """The local last day of a window."""
    return window.due_at.astimezone(LOCAL_TZ).date()


def out_of_order(
    draft: Draft, line: int, earlier: list[Draft], issued_on: date | None
) -> list[Review]:
    """Return review items for a due day before the issue date or before a dependency's."""
    if draft.window is None:
        return []
    due, shown = _due(draft.window), f"{_due(draft.window):%d/%m/%Y}"
    out = []
    if issued_on is not None and due < issued_on:
        why = f"hạn trước ngày ban hành kế hoạch ({issued_on:%d/%m/%Y}); kiểm tra năm"
        out.append(Review(line, draft.code, FIELD, shown, why))
    for before in earlier:
        if before.code in draft.depends_on and before.window and due < _due(before.window):
            why = (
                f"hạn trước hạn của giai đoạn {before.code} ({_due(before.window):%d/%m/%Y}) "
                "mà giai đoạn này phải chờ; kiểm tra ngày, tháng, năm"
            )
            out.append(Review(line, draft.code, FIELD, shown, why))
    return out
