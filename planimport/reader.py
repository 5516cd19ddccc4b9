"""Read a plan document into numbered lines and stage tables: text/Markdown or .docx."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cchc.errors import FileRefused, ValidationError
from cchc.settings import get_settings
from cchc.wording import refusals
from planimport.columns import header_roles, sub_header
from planimport.model import Cell
from planimport.tables import Grid, Line, find_grids
from planimport.text import nfc

if TYPE_CHECKING:  # python-docx is imported lazily at run time
    from docx.table import Table as DocxTable


@dataclass
class Source:
    """A document as numbered lines (1-based) plus the stage tables found in it."""

    lines: list[Line]
    grids: list[Grid] = field(default_factory=list)
    shape: str = "prose"


def read_source(path: Path) -> Source:
    """Read `path` (.docx, or any UTF-8 text) into lines and stage tables."""
    if not path.is_file():
        raise ValidationError(f"{path}: không tìm thấy tệp")
    if path.suffix.lower() == ".docx":
        return _read_docx(path)
    limit = get_settings().limits.yaml_bytes  # a plan is a few pages: refuse before reading
    if path.stat().st_size > limit:
        raise FileRefused(refusals.file_too_big(path.name, limit))
    try:
        text = nfc(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ValidationError(f"{path}: tệp không phải văn bản UTF-8 ({exc.reason})") from exc
    lines = list(enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1))
    grids = find_grids(lines)
    return Source(lines, grids, grids[0].shape if grids else "prose")


def _read_docx(path: Path) -> Source:
    """Read a .docx body in order; each paragraph and each table row counts as one line."""
    from docx.table import Table  # python-docx: imported here so text imports stay light
    from docx.text.paragraph import Paragraph

    from cchc.safe_office import open_document

    document = open_document(path)  # zip limits checked before python-docx parses anything
    lines: list[Line] = []
    grids: list[Grid] = []
    for child in document.element.body.iterchildren():
        if child.tag.endswith("}p"):
            lines.append((len(lines) + 1, nfc(Paragraph(child, document).text)))
        elif child.tag.endswith("}tbl"):
            rows = docx_rows(Table(child, document), len(lines) + 1)
            lines += [(r[0].line, "\t".join(c.text.replace("\n", " ") for c in r)) for r in rows]
            grid = _docx_grid(rows)
            if grid is not None:
                grids.append(grid)
    return Source(lines, grids, "docx" if grids else "prose")


def docx_rows(table: DocxTable, first: int, text: Callable[[str], str] = nfc) -> list[list[Cell]]:
    """Return a table's rows as cells (text normalised by `text`); a spanning cell keeps it once."""
    out: list[list[Cell]] = []
    for n, row in enumerate(table.rows):
        seen: set[int] = set()
        cells = []
        for cell in row.cells:
            key = id(cell._tc)
            cells.append(Cell("" if key in seen else text(cell.text), first + n))
            seen.add(key)
        out.append(cells)
    return out


def _numbering(text: str) -> bool:
    """Tell whether a cell is empty or a column number ("(3)") under the header."""
    return not text.strip() or text.strip().strip("()").isdigit()


def _docx_grid(rows: list[list[Cell]]) -> Grid | None:
    """Turn a docx table into a stage grid when one of its first rows is a stage header."""
    for i, row in enumerate(rows[:3]):
        top = [c.text for c in row]
        roles = header_roles(top)
        if roles:
            two = sub_header(top, [c.text for c in rows[i + 1]]) if i + 1 < len(rows) else None
            roles, i = (two, i + 1) if two else (roles, i)
            body = [
                r
                for r in rows[i + 1 :]
                if not header_roles([c.text for c in r])
                and not sub_header(top, [c.text for c in r])
            ]
            body = [r for r in body if not all(_numbering(c.text) for c in r)]
            return Grid(roles, body, shape="docx", line=row[0].line)
    return None
