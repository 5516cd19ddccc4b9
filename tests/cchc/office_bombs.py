"""Build hostile Office files in a test's tmp_path: zip bombs and sheets past Excel's last row."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from openpyxl import Workbook

CHUNK = b" " * (1024 * 1024)
SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)


class _RepeatingDeflate:
    """A deflate compressor that reuses the packed form of CHUNK (a full flush makes it equal).

    Deflating 1.2 GB takes ~11 s; a full flush resets the compressor, so every CHUNK packs to
    the same bytes, computed once. zipfile still counts and CRCs every unpacked byte: the
    result is a genuine, valid 1.2 MB → 1.2 GB zip member, built in about a second.
    """

    def __init__(self) -> None:
        self._inner = zlib.compressobj(9, zlib.DEFLATED, -15)
        self._packed = self._pack(CHUNK)

    def _pack(self, data: bytes) -> bytes:
        return self._inner.compress(data) + self._inner.flush(zlib.Z_FULL_FLUSH)

    def compress(self, data: bytes) -> bytes:
        return self._packed if data == CHUNK else self._pack(data)

    def flush(self) -> bytes:
        return self._inner.flush()


def base_workbook(path: Path) -> Path:
    """Write a small valid workbook (one sheet, two rows) and return its path."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["code", "points"])
    sheet.append(["1.1", 1])
    book.save(path)
    return path


def _copy_except(source: Path, target: zipfile.ZipFile, skip: str) -> None:
    """Copy every member of the zip `source` into `target` except `skip`."""
    with zipfile.ZipFile(source) as zf:
        for info in zf.infolist():
            if info.filename != skip:
                target.writestr(info, zf.read(info.filename))


def zip_bomb(path: Path, megabytes: int = 1200, member: str = "xl/worksheets/sheet1.xml") -> Path:
    """Turn a workbook's (or document's) `member` into `megabytes` MB of blanks, packed ~1000:1."""
    source = path.with_suffix(".src" + path.suffix)
    path.rename(source)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        _copy_except(source, zf, member)
        with zf.open(member, "w", force_zip64=True) as handle:
            handle._compressor = _RepeatingDeflate()  # type: ignore[attr-defined]
            handle.write(SHEET_HEAD + b"<sheetData>")
            for _ in range(megabytes):
                handle.write(CHUNK)
            handle.write(b"</sheetData></worksheet>")
    source.unlink()
    return path


def sheet_xml(last_row: int, dimension: bool = True) -> bytes:
    """Return a sheet whose last row is `last_row` (past 1,048,576 is what Excel cannot hold)."""
    ref = f'<dimension ref="A1:B{last_row}"/>'.encode() if dimension else b""
    rows = (
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c></row>'
        + f'<row r="{last_row}"><c r="A{last_row}"><v>1</v></c></row>'.encode()
    )
    return SHEET_HEAD + ref + b"<sheetData>" + rows + b"</sheetData></worksheet>"


def tall_workbook(path: Path, last_row: int = 1_048_577, dimension: bool = True) -> Path:
    """Write a workbook whose first sheet has a row numbered `last_row`."""
    base_workbook(path)
    source = path.with_suffix(".src.xlsx")
    path.rename(source)
    member = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        _copy_except(source, zf, member)
        zf.writestr(member, sheet_xml(last_row, dimension))
    source.unlink()
    return path
