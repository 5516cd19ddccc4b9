"""The heat map's cells, written a row at a time: as a template loop they cost the page most."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from markupsafe import Markup, escape

from cchc.wording.dates import moment
from cchc.wording.labels import ASSIGNMENT_STATE
from cchc.wording.numbers import number
from models.campaign.progress import Counts, MatrixRow
from web.fmt import Countdown
from web.pages.labels import share_class

NO_CELL = '<td class="cell muted">·</td>'  # the unit has no duty in the stage


@dataclass(frozen=True)
class HeatCells:
    """Write a heat-map row's cells, one per unit stage, in the columns' order."""

    stage_ids: list[uuid.UUID]
    countdown: Countdown

    def __call__(self, row: MatrixRow) -> Markup:
        """Return the row's cells as HTML (every value escaped)."""
        return Markup("".join(self.cell(row.cells.get(stage_id)) for stage_id in self.stage_ids))

    def cell(self, counts: Counts | None) -> str:
        """Write one cell: none, one unit's state and days left, or a subtree's done share."""
        if counts is None:
            return NO_CELL
        if counts.total == 1:
            css, title, text = self._one(counts)
        else:
            css, title, text = self._many(counts)
        if counts.extended:
            css += " ext"
        return f'<td class="{css}" title="{escape(title)}">{escape(text)}</td>'

    def _one(self, counts: Counts) -> tuple[str, str, str]:
        """One unit's assignment: its state, and its days left while open."""
        state = next(iter(counts.by_state), "")
        word = ASSIGNMENT_STATE.get(state, state)
        if counts.next_due is None:
            return f"cell s-{escape(state)}", word, word
        title = f"{word} · hạn {moment(counts.next_due)}"
        return f"cell s-{escape(state)}", title, self.countdown.short(counts.next_due)

    def _many(self, counts: Counts) -> tuple[str, str, str]:
        """A group's subtree: done of total, coloured by the done share once anything moved."""
        done, overdue = counts.done, counts.of("overdue")
        moved = done or overdue or counts.of("open")
        css = f"cell {share_class(counts.share_done) if moved else 's-pending'}"
        title = f"{done}/{counts.total} hoàn thành · {overdue} quá hạn"
        if counts.next_due is not None:
            title += f" · hạn sớm nhất {moment(counts.next_due)}"
        return css, title, f"{done}/{counts.total}"


def field_cells(points: dict[str, tuple[float, float]], codes: list[str]) -> Markup:
    """Write a unit's row of the field heat map: percent of each field's maximum, coloured."""
    out = []
    for code in codes:
        achieved, top = points.get(code, (0.0, 0.0))
        if not top:
            out.append('<td class="cell muted">–</td>')
            continue
        share, title = achieved / top, f"{number(achieved)}/{number(top)}"
        css, text = share_class(share), number(100 * share, 0)
        out.append(f'<td class="cell {css}" title="{title}">{text}</td>')
    return Markup("".join(out))
