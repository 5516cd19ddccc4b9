"""Write one XLSX cell safely: text through safe_text, numbers rounded with a matching format.

Every workbook cell of the published report goes through `put`, so no float drifts into a cell
(94.14999999999999 is written 94.15, and Excel's ROUND(x; 1) gives 94.2) and no text runs as a
formula.
"""

from __future__ import annotations

from typing import Any

from cchc.safe_export import safe_text
from cchc.wording.numbers import rounded


def number_format(places: int) -> str:
    """Return the Excel format showing `places` decimals ("0.00"; the reader's comma applies)."""
    return "0" if places == 0 else "0." + "0" * places


def put(sheet: Any, row: int, col: int, value: object, places: int | None = None) -> Any:
    """Write `value` at (row, col): numbers rounded at `places` when given, text made safe."""
    if places is not None and isinstance(value, int | float) and not isinstance(value, bool):
        cell = sheet.cell(row, col, rounded(float(value), places))
        cell.number_format = number_format(places)
        return cell
    return sheet.cell(row, col, safe_text(value))
