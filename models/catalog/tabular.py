"""Read a CSV or XLSX table into rows whose errors name the file, the row and the column."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from cchc.errors import ValidationError


@dataclass
class Row:
    """One data row: its 1-based line number and its values by canonical column name."""

    line: int
    values: dict[str, str]
    columns: dict[str, str]  # canonical name → the column's letter (XLSX) or header (CSV)
    label: str

    def where(self, name: str) -> str:
        """Return a location such as `diem.xlsx:12 cột C (points)`."""
        return f"{self.label}:{self.line} cột {self.columns.get(name, name)} ({name})"


def _norm(text: object) -> str:
    """Normalise a header: lower case, spaces and dashes as underscores."""
    return str(text or "").strip().lower().replace(" ", "_").replace("-", "_")


def _raw_rows(path: Path) -> tuple[list[list[str]], bool]:
    """Return all rows as text (and whether the file is a workbook)."""
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        from cchc import safe_office  # zip, sheet, row and column limits before parsing

        sheet = safe_office.open_workbook(path, read_only=True).worksheets[0]
        rows = [
            ["" if v is None else str(v).strip() for v in row]
            for row in safe_office.rows(sheet, path.name, values_only=True)
        ]
        return rows, True
    if path.suffix.lower() != ".csv":
        raise ValidationError(f"{path.name}: chỉ nhận tệp .csv hoặc .xlsx")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [[c.strip() for c in row] for row in csv.reader(handle)], False


def read_table(
    path: str | Path, columns: dict[str, tuple[str, ...]], optional: tuple[str, ...] = ()
) -> list[Row]:
    """Read the table; `columns` maps canonical names to accepted header spellings."""
    path = Path(path)
    if not path.exists():
        raise ValidationError(f"{path}: không tìm thấy tệp")
    raw, is_xlsx = _raw_rows(path)
    if not raw:
        raise ValidationError(f"{path.name}:1 tệp trống")
    header = [_norm(h) for h in raw[0]]
    where: dict[str, int] = {}
    for name, spellings in columns.items():
        found = next(
            (i for i, h in enumerate(header) if h in {_norm(s) for s in (name, *spellings)}), None
        )
        if found is not None:
            where[name] = found
        elif name not in optional:
            raise ValidationError(
                f"{path.name}:1 thiếu cột «{name}» (tiêu đề nhận: {', '.join(spellings)})"
            )
    letters = {n: (_letter(i) if is_xlsx else raw[0][i]) for n, i in where.items()}
    out = []
    for line, cells in enumerate(raw[1:], start=2):
        if not any(cells):
            continue
        values = {n: (cells[i] if i < len(cells) else "") for n, i in where.items()}
        out.append(Row(line=line, values=values, columns=letters, label=path.name))
    return out


def _letter(index: int) -> str:
    """Return the spreadsheet column letter of a 0-based index."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def parse_number(text: str) -> float | None:
    """Read a number written 92.5 or 92,5; None when it is not one."""
    try:
        return float(text.replace(",", ".")) if text else None
    except ValueError:
        return None
