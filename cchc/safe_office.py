"""Open .xlsx/.docx files safely: limits checked from the zip directory before any parsing.

An .xlsx or .docx is a zip. A zip bomb (1.2 MB packing a 1.2 GB sheet) or a sheet claiming rows
past Excel's 1,048,576 makes openpyxl or python-docx spend minutes and gigabytes. So, before
either library sees the file: its size, the sum of the members' unpacked sizes and each member's
packing ratio are read from the zip's central directory; for a workbook, the sheet count from
`xl/workbook.xml` and each sheet's rows and columns from its `<dimension>` (the first few KB of the
sheet, unpacked as a stream). `rows()` also stops at the row limit, for sheets that omit it.
Each refusal is one Vietnamese line naming the file and the limit (FileRefused).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cchc.errors import FileRefused
from cchc.settings import get_settings
from cchc.wording import refusals

_SHEET = re.compile(rb"<(?:\w+:)?sheet\b")
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]*)(\d*)(?::([A-Z]*)(\d*))?"')
_HEAD_BYTES = 64 * 1024  # the dimension sits at the top of a sheet, before any row
_WORKBOOK_BYTES = 4 * 1024 * 1024  # a workbook.xml listing sheets is small


def check(path: Path) -> None:
    """Refuse `path` when its size, unpacked size or packing ratio passes the limits."""
    limits, name = get_settings().limits, path.name
    if path.stat().st_size > limits.office_bytes:
        raise FileRefused(refusals.file_too_big(name, limits.office_bytes))
    try:
        with zipfile.ZipFile(path) as zf:
            _check_members(zf, name)
            if "xl/workbook.xml" in zf.namelist():
                _check_sheets(zf, name)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise FileRefused(f"{refusals.office_broken(name)} ({exc})") from None


def _check_members(zf: zipfile.ZipFile, name: str) -> None:
    """Check the total unpacked size and each member's packing ratio from the directory."""
    limits = get_settings().limits
    total = 0
    for info in zf.infolist():
        total += info.file_size
        if total > limits.office_uncompressed_bytes:
            raise FileRefused(refusals.office_unpacked(name, limits.office_uncompressed_bytes))
        packed = max(info.compress_size, 1)
        if info.file_size > 1024 * 1024 and info.file_size / packed > limits.office_ratio:
            raise FileRefused(refusals.office_ratio(name, info.filename, limits.office_ratio))


def _check_sheets(zf: zipfile.ZipFile, name: str) -> None:
    """Check the sheet count, then each sheet's declared rows and columns."""
    limits = get_settings().limits
    with zf.open("xl/workbook.xml") as handle:
        count = len(_SHEET.findall(handle.read(_WORKBOOK_BYTES)))
    if count > limits.office_sheets:
        raise FileRefused(refusals.office_sheets(name, count, limits.office_sheets))
    for member in zf.namelist():
        if member.startswith("xl/worksheets/") and member.endswith(".xml"):
            with zf.open(member) as handle:
                head = handle.read(_HEAD_BYTES)
            _check_dimension(head, name, Path(member).stem)


def _check_dimension(head: bytes, name: str, sheet: str) -> None:
    """Refuse a sheet whose `<dimension ref="A1:XFD1048577">` passes the row or column limit."""
    found = _DIMENSION.search(head)
    if found is None:
        return  # no dimension: rows() enforces the row limit while reading
    limits = get_settings().limits
    first_col, first_row, last_col, last_row = (g.decode() if g else "" for g in found.groups())
    rows = max(int(first_row or 0), int(last_row or 0))
    cols = max(column_number(first_col), column_number(last_col))
    if rows > limits.office_rows:
        raise FileRefused(refusals.office_rows(name, sheet, rows, limits.office_rows))
    if cols > limits.office_columns:
        raise FileRefused(refusals.office_columns(name, sheet, cols, limits.office_columns))


def column_number(letters: str) -> int:
    """Return the 1-based number of a column written in letters ("A" → 1, "XFD" → 16384)."""
    number = 0
    for char in letters:
        number = number * 26 + ord(char) - ord("A") + 1
    return number


def open_workbook(path: Path, *, read_only: bool = False) -> Any:
    """Check `path`, then open it with openpyxl (data only: cached values, never formulas)."""
    from openpyxl import load_workbook

    check(path)
    try:
        return load_workbook(path, read_only=read_only, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise FileRefused(f"{path.name}: không đọc được tệp Excel ({exc})") from exc


def open_document(path: Path) -> Any:
    """Check `path`, then open it with python-docx."""
    import docx

    check(path)
    try:
        return docx.Document(str(path))
    except Exception as exc:  # python-docx raises several unrelated types for a broken file
        raise FileRefused(f"{path.name}: không mở được tệp .docx ({exc})") from exc


def rows(sheet: Any, name: str, **options: Any) -> Iterator[Any]:
    """Yield `sheet.iter_rows(**options)`, refusing the file once it passes the row limit."""
    limit = get_settings().limits.office_rows
    for n, row in enumerate(sheet.iter_rows(**options), start=options.get("min_row", 1)):
        if n > limit:
            raise FileRefused(refusals.office_rows(name, sheet.title, n, limit))
        yield row
