"""Turn a table grid into stage rows: cells by role, section rows kept as headings."""

from __future__ import annotations

import re

from planimport.model import Cell, Row
from planimport.tables import Grid
from planimport.text import clean

_SECTION_NO = re.compile(r"^(?:[IVX]{1,5}|[A-ZĐ])[.)]?$")
_ACTION_ROLES = ("start", "time", "lead", "cooperating")


def grid_rows(grid: Grid) -> list[Row]:
    """Return the stage rows of `grid`, each tagged with the section heading above it."""
    rows = [_as_row(grid.roles, cells) for cells in grid.rows]
    out: list[Row] = []
    section = ""
    for i, row in enumerate(rows):
        nxt = rows[i + 1] if i + 1 < len(rows) else None
        if _is_section(row, nxt):
            section = row.text("title") or row.text("no")
            continue
        if not (row.text("title") or any(row.text(r) for r in _ACTION_ROLES)):
            continue
        row.section = section
        out.append(row)
    return out


def _as_row(roles: list[str | None], cells: list[Cell]) -> Row:
    """Give each cell its column's role; spare cells join the last column."""
    row = Row(line=cells[0].line if cells else 0)
    for index, cell in enumerate(cells):
        role = roles[min(index, len(roles) - 1)]
        if role is None:
            continue
        text = clean(cell.text)
        old = row.cells.get(role)
        if old is not None:
            text = f"{old.text}\n{text}".strip()
            cell = Cell(text, old.line)
        if text:
            row.cells[role] = Cell(text, cell.line)
    return row


def _is_section(row: Row, nxt: Row | None) -> bool:
    """Tell whether a row is a heading over the rows below it, not a stage."""
    if any(row.text(r) for r in _ACTION_ROLES):
        return False
    number = row.text("no").strip(". )")
    if _SECTION_NO.match(row.text("no")) or not number:
        return True
    return nxt is not None and nxt.text("no").startswith(number + ".")
