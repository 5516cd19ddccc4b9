"""Read a criteria appendix (.docx, .xlsx or text) into numbered lines and raw table rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cchc.errors import ValidationError
from cchc.safe_export import unsafe_text
from planimport.model import Cell
from planimport.reader import docx_rows
from planimport.text import clean, nfc

Line = tuple[int, str]
RawRow = list[Cell]
META_SHEET = "_cchc"  # the hidden sheet our own workbooks carry (set code, tier, ...)


@dataclass
class Document:
    """A document as numbered lines, its tables' rows (in order), and our workbook's metadata."""

    lines: list[Line]
    tables: list[list[RawRow]] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    shape: str = "text"


def read_document(path: Path) -> Document:
    """Read `path` by its suffix: .docx, .xlsx/.xlsm, else UTF-8 text."""
    if not path.is_file():
        raise ValidationError(f"{path}: không tìm thấy tệp")
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return _read_docx(path)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    try:
        text = nfc(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ValidationError(f"{path}: tệp không phải văn bản UTF-8 ({exc.reason})") from exc
    return _read_text(text)


def _read_text(text: str) -> Document:
    """Split tab- or pipe-separated lines into rows; other lines are prose."""
    lines = list(enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1))
    rows: list[RawRow] = []
    for n, line in lines:
        cells = _split(line)
        if cells is not None:
            rows.append([Cell(clean(c), n) for c in cells])
    return Document(lines, [rows] if rows else [], shape="text")


def _split(line: str) -> list[str] | None:
    """Return a table line's cells (tab or Markdown pipes), or None for prose."""
    stripped = line.strip()
    if stripped.startswith("|"):
        cells = stripped.strip("|").split("|")
        if all(set(c.strip()) <= set("-: ") for c in cells):
            return None  # the Markdown |---|---| rule
        return cells
    return line.split("\t") if "\t" in line else None


def _read_docx(path: Path) -> Document:
    """Read paragraphs and table rows in body order; a cell spanning columns counts once."""
    import docx  # python-docx, imported late
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several unrelated types for a broken file
        raise ValidationError(f"{path}: không mở được tệp .docx ({exc})") from exc
    lines: list[Line] = []
    tables: list[list[RawRow]] = []
    for child in document.element.body.iterchildren():
        if child.tag.endswith("}p"):
            lines.append((len(lines) + 1, nfc(Paragraph(child, document).text)))
        elif child.tag.endswith("}tbl"):
            rows = docx_rows(Table(child, document), len(lines) + 1, clean)
            lines += [(r[0].line, "\t".join(c.text for c in r)) for r in rows if r]
            tables.append(rows)
    return Document(lines, tables, shape="docx")


def _read_xlsx(path: Path) -> Document:
    """Read every visible sheet's rows; merged ranges behave as in .docx."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise ValidationError(f"{path.name}: không đọc được tệp Excel ({exc})") from exc
    meta: dict[str, str] = {}
    if META_SHEET in book.sheetnames:
        pairs = book[META_SHEET].iter_rows(values_only=True)
        meta = {str(k): "" if v is None else str(v) for k, v, *_ in pairs if k}
    lines: list[Line] = []
    tables: list[list[RawRow]] = []
    for sheet in book.worksheets:
        if sheet.title == META_SHEET or sheet.sheet_state != "visible":
            continue
        rows = _sheet_rows(sheet)
        lines += [(r[0].line, "\t".join(c.text for c in r)) for r in rows if r]
        tables.append(rows)
    return Document(lines, tables, meta, shape="xlsx")


def _sheet_rows(sheet: Any) -> list[RawRow]:
    """Return a sheet's rows as text cells, filling merged ranges down (not across)."""
    grid = [
        ["" if v is None else nfc(_text(unsafe_text(v))) for v in row]
        for row in sheet.iter_rows(values_only=True)
    ]
    for merged in sheet.merged_cells.ranges:
        top = grid[merged.min_row - 1][merged.min_col - 1] if grid else ""
        for r in range(merged.min_row, merged.max_row + 1):
            if r - 1 < len(grid) and merged.min_col - 1 < len(grid[r - 1]):
                grid[r - 1][merged.min_col - 1] = top
    return [[Cell(clean(text), n) for text in row] for n, row in enumerate(grid, 1)]


def _text(value: Any) -> str:
    """Write a cell value as the document shows it (whole floats without ".0")."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
