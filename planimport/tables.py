"""Find stage tables in plain text: one row per line (tab or pipe), or one cell per line."""

from __future__ import annotations

import re

from planimport.columns import column_role, header_roles, is_row_no, sub_header
from planimport.flat import flat_table_at
from planimport.model import Cell, Grid

Line = tuple[int, str]
_PIPE_RULE = re.compile(r"^:?-{2,}:?$")


def split_cells(line: str, sep: str) -> list[str]:
    """Split one text line into cells on `sep` (a pipe row loses its outer pipes)."""
    if sep == "|":
        line = line.strip()
        line = line[1:] if line.startswith("|") else line
        line = line[:-1] if line.endswith("|") else line
    return [c.strip() for c in line.split(sep)]


def find_grids(lines: list[Line]) -> list[Grid]:
    """Return every stage table found in `lines`, in document order."""
    grids: list[Grid] = []
    i = 0
    while i < len(lines):
        found = _table_at(lines, i)
        if found is None:
            i += 1
            continue
        grid, i = found
        if grid.rows:
            grids.append(grid)
    return grids


def _table_at(lines: list[Line], i: int) -> tuple[Grid, int] | None:
    """Read the table whose header starts at line index `i`, if one does."""
    text = lines[i][1]
    for sep in ("\t", "|"):
        if sep in text.strip():
            top = split_cells(text, sep)
            roles = header_roles(top)
            if roles:
                shape = "table" if sep == "\t" else "pipe"
                below = split_cells(lines[i + 1][1], sep) if i + 1 < len(lines) else []
                two = sub_header(top, below)  # "Thời gian" over "Bắt đầu | Hoàn thành"
                grid = Grid(two or roles, shape=shape, line=lines[i][0])
                return _rows_per_line(lines, i + (2 if two else 1), grid, sep)
    run = _cell_header_run(lines, i)
    if run:
        grid = Grid(run, shape="cell_lines", line=lines[i][0])
        return _cells_per_line(lines, i + len(run), grid)
    return flat_table_at(lines, i)


def _rows_per_line(lines: list[Line], i: int, grid: Grid, sep: str) -> tuple[Grid, int]:
    """Read body rows written one per line; a line without a row number continues a cell."""
    ncols, current, blank = len(grid.roles), None, False
    while i < len(lines):
        no, text = lines[i]
        if not text.strip():
            blank, i = True, i + 1
            continue
        if sep not in text and (blank or current is None or sep == "|"):
            break
        cells = split_cells(text, sep)
        if all(_PIPE_RULE.match(c) for c in cells if c):
            i += 1
            continue
        if header_roles(cells):  # the header repeated on a new page
            current, blank, i = None, False, i + 1
            continue
        complete = current is not None and len(current) >= ncols
        if is_row_no(cells[0]) or (complete and len(cells) >= ncols - 1) or sep == "|":
            current = [Cell(c, no) for c in cells]
            grid.rows.append(current)
        elif current is not None and not blank:
            _continue_row(current, cells, no)
        else:
            break
        blank, i = False, i + 1
    return grid, i


def _continue_row(row: list[Cell], cells: list[str], no: int) -> None:
    """Append a continuation line: its first piece ends the open cell, the rest are new cells."""
    last = row[-1]
    row[-1] = Cell(f"{last.text}\n{cells[0]}".strip(), last.line)
    row.extend(Cell(c, no) for c in cells[1:])


def _cell_header_run(lines: list[Line], i: int) -> list[str | None] | None:
    """Return the roles of a header written one cell per line with a leading tab."""
    texts: list[str] = []
    while i + len(texts) < len(lines):
        text = lines[i + len(texts)][1]
        if not text.startswith("\t") or "\t" in text.lstrip("\t") or not column_role(text):
            break
        texts.append(text.strip())
    return header_roles(texts) if len(texts) >= 3 else None


def _cells_per_line(lines: list[Line], i: int, grid: Grid) -> tuple[Grid, int]:
    """Read rows written one cell per tab-led line, rows parted by blank lines."""
    block: list[Cell] = []
    while i < len(lines):
        no, text = lines[i]
        if not text.strip() and not text.startswith("\t"):
            _end_block(grid, block)
            block = []
            nxt = next((t for _, t in lines[i + 1:] if t.strip()), "")
            if not nxt.startswith("\t"):
                return grid, i + 1
        elif text.startswith("\t"):
            block.append(Cell(text.lstrip("\t").strip(), no))
        elif block:
            last = block[-1]
            block[-1] = Cell(f"{last.text}\n{text.strip()}".strip(), last.line)
        else:
            return grid, i
        i += 1
    _end_block(grid, block)
    return grid, i


def _end_block(grid: Grid, block: list[Cell]) -> None:
    """Keep a finished row unless it is the header repeated on a new page."""
    if block and not header_roles([c.text for c in block]):
        grid.rows.append(block)
