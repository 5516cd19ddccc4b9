"""Neutralise spreadsheet formulas in text written to XLSX and CSV (OWASP CSV injection).

A text cell starting with =, +, -, @, a tab or a carriage return is run as a formula by Excel
and LibreOffice (`=HYPERLINK("http://…"&A1,"Bấm vào đây")` leaks the sheet). Every workbook and
CSV the product writes passes its text through `safe_text`, which prefixes a single quote as
OWASP advises; `unsafe_text` takes it off again where the product reads its own workbook back.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: object) -> object:
    """Return `value`; a text starting with a formula trigger gets a "'" in front."""
    if isinstance(value, str) and value.startswith(TRIGGERS):
        return "'" + value
    return value


def unsafe_text(value: object) -> object:
    """Undo safe_text on a cell read back from a workbook the product wrote."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(TRIGGERS):
        return value[1:]
    return value


def write_csv(path: str | Path, rows: Iterable[Iterable[object]]) -> Path:
    """Write rows as UTF-8 CSV, every text cell through safe_text."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        for row in rows:
            writer.writerow([safe_text(v) for v in row])
    return path
