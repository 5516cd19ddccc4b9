"""Tables copied from a web page as one cell per line, without tabs: header cells, then rows that
each start with their number ("TT", "Nội dung", ..., "1", "Hướng dẫn ...", "Sở Nội vụ", ...)."""

from __future__ import annotations

from planimport.columns import column_role, header_roles, is_row_no
from planimport.model import Cell, Grid

Line = tuple[int, str]


def flat_table_at(lines: list[Line], i: int) -> tuple[Grid, int] | None:
    """Read the flattened table whose header starts at line index `i`, if one does."""
    texts: list[str] = []
    j = i
    while j < len(lines) and _header_cell(lines[j][1]):
        texts.append(lines[j][1].strip())
        j += 1
    roles = header_roles(texts) if len(texts) >= 3 else None
    if not roles:
        return None
    grid = Grid(roles, shape="cell_lines", line=lines[i][0])
    rows: list[list[Cell]] = []
    while j < len(lines):
        no, text = lines[j][0], lines[j][1].strip()
        if text and is_row_no(text) and (not rows or len(rows[-1]) >= 2):
            rows.append([Cell(text, no)])
        elif text and rows and len(rows[-1]) < len(roles):
            rows[-1].append(Cell(text, no))
        elif text and rows and _row_next(lines, j + 1):  # one line too many: a wrapped cell
            last = rows[-1][-1]
            rows[-1][-1] = Cell(f"{last.text}\n{text}", last.line)
        elif text:  # a full row followed by a line that starts no row: the table has ended
            break
        j += 1
    rows = [row for row in rows if not header_roles([c.text for c in row])]
    width = len(roles)
    if any(2 < len(row) < width for row in rows) and "note" not in roles:
        roles.append("note")  # where the cells of a row that cannot be placed go
    grid.rows = [_fit(row, roles, width) for row in rows]
    return grid, j


def _row_next(lines: list[Line], j: int) -> bool:
    """Tell whether the next non-blank line from index `j` starts a row."""
    following = next((t.strip() for _, t in lines[j:] if t.strip()), "")
    return is_row_no(following)


def _header_cell(text: str) -> bool:
    """Tell whether a line is one header cell alone (no tab, no pipe, a column name)."""
    return bool(text.strip()) and "\t" not in text and "|" not in text and bool(column_role(text))


def _fit(row: list[Cell], roles: list[str | None], width: int) -> list[Cell]:
    """Keep a full row (or a section row "I | CHUẨN BỊ") as it is. A row missing a cell cannot be
    placed column by column: its number and task stay, the rest goes to the note, where the
    deadline search finds a date, and the missing lead and time are listed for review."""
    if len(row) >= width or len(row) <= 2:
        return row
    out = [Cell("", row[0].line) for _ in roles]
    out[0], out[roles.index("title")] = row[0], row[1]
    out[roles.index("note")] = Cell("\n".join(c.text for c in row[2:]), row[2].line)
    return out
