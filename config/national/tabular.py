"""Read a province's own unit list (.xlsx or .csv) into the config units format.

Columns (any order, English or Vietnamese headers): name, code, kind, parent, rank group,
e-mail, phone (normalised to +84…), zalo; optional commune type (else read from the name:
"Xã …", "Phường …"). Every problem names its row and column; nothing is guessed.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError as PydanticError

from cchc.contacts import CLEANERS
from cchc.errors import ValidationError
from cchc.wording import validate as words
from config.schema.units import UnitsFile
from deadlines.text import fold

# Folded header → field of the units format.
HEADERS = {
    "name": "name",
    "ten": "name",
    "ten don vi": "name",
    "code": "code",
    "ma": "code",
    "ma don vi": "code",
    "kind": "kind",
    "loai": "kind",
    "loai don vi": "kind",
    "parent": "parent",
    "cap tren": "parent",
    "don vi cap tren": "parent",
    "ma cap tren": "parent",
    "rank group": "rank_group",
    "rank_group": "rank_group",
    "nhom xep hang": "rank_group",
    "e mail": "email",
    "email": "email",
    "thu dien tu": "email",
    "phone": "phone",
    "dien thoai": "phone",
    "so dien thoai": "phone",
    "zalo": "zalo",
    "zalo id": "zalo",
    "commune type": "commune_type",
    "loai xa": "commune_type",
}
REQUIRED = ("name", "code", "kind")
# Vietnamese values accepted in the kind column.
KINDS = {
    "tinh": "province",
    "so": "department",
    "huyen": "district",
    "xa": "commune",
    "co quan trung uong": "central_agency",
    "to chuc": "body",
}
_TYPE_OF_NAME = (
    ("thi tran ", "thi_tran"),
    ("dac khu ", "dac_khu"),
    ("phuong ", "phuong"),
    ("xa ", "xa"),
)


def read_units(path: Path, *, province: dict[str, Any]) -> dict[str, Any]:
    """Return the units document of the rows in `path` under the `province` heading."""
    rows = _rows(path)
    if not rows:
        raise ValidationError(f"{path.name}: tệp không có dòng nào")
    header, body = rows[0], rows[1:]
    columns = _columns(path, header)
    problems: list[str] = []
    units, where = [], []
    for number, cells in body:
        if not any(c.strip() for c in cells):
            continue
        unit = _unit(number, cells, columns, problems)
        units.append(unit)
        where.append(number)
    doc = {"province": province, "units": units}
    if not problems:
        problems = _checked(doc, where, columns)
    if problems:
        raise ValidationError(problems[0], problems=problems)
    return doc


def _rows(path: Path) -> list[tuple[int, list[str]]]:
    """Return (row number, cells as text) of a .csv or the first sheet of an .xlsx."""
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return [(i, row) for i, row in enumerate(csv.reader(fh), start=1)]
    if path.suffix.lower() != ".xlsx":
        raise ValidationError(f"{path.name}: chỉ đọc được tệp .xlsx hoặc .csv")
    from openpyxl import load_workbook

    sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
    return [
        (i, ["" if v is None else str(v).strip() for v in row])
        for i, row in enumerate(sheet.iter_rows(values_only=True), start=1)
    ]


def _columns(path: Path, header: tuple[int, list[str]]) -> dict[str, tuple[int, str]]:
    """Map each field to its column index and header; refuse unknown or missing headers."""
    columns: dict[str, tuple[int, str]] = {}
    for i, title in enumerate(header[1]):
        name = re.sub(r"[^a-z_]+", " ", fold(title.strip())).strip()
        if not name:
            continue
        if name not in HEADERS:
            raise ValidationError(f"{path.name}: dòng 1, cột «{title}»: không biết cột này")
        columns[HEADERS[name]] = (i, title)
    missing = [f for f in REQUIRED if f not in columns]
    if missing:
        raise ValidationError(f"{path.name}: dòng 1: thiếu cột {', '.join(missing)}")
    return columns


def _unit(
    number: int, cells: list[str], columns: dict[str, tuple[int, str]], problems: list[str]
) -> dict[str, Any]:
    """Return one unit from a row; note each cell that cannot be read."""

    def cell(field: str) -> str:
        i = columns[field][0] if field in columns else None
        return cells[i].strip() if i is not None and i < len(cells) else ""

    def bad(field: str, why: str) -> None:
        problems.append(f"Dòng {number}, cột «{columns[field][1]}»: {why}")

    unit: dict[str, Any] = {"code": cell("code"), "name": cell("name")}
    for field in REQUIRED:
        if not cell(field):
            bad(field, "ô trống")
    kind = cell("kind")
    unit["kind"] = KINDS.get(fold(kind).strip(), kind.strip().lower())
    for field in ("parent", "rank_group", "email", "phone", "zalo"):
        if cell(field):
            unit[field] = cell(field)
    for field in ("email", "phone", "zalo"):  # written to the YAML already normalised (+84…)
        if field in unit:
            try:
                unit[field] = CLEANERS[field](unit[field])
            except ValidationError as exc:
                bad(field, str(exc))
    if unit["kind"] == "commune":
        typed = cell("commune_type") or _type_of(unit["name"])
        if typed:
            unit["commune_type"] = typed
        else:
            bad("name", "không biết là xã, phường, thị trấn hay đặc khu (ghi «Xã …», «Phường …»)")
    return unit


def _type_of(name: str) -> str | None:
    """Return the commune type its name starts with."""
    folded = fold(name).strip() + " "
    return next((t for prefix, t in _TYPE_OF_NAME if folded.startswith(prefix)), None)


def _checked(
    doc: dict[str, Any], where: list[int], columns: dict[str, tuple[int, str]]
) -> list[str]:
    """Validate the document as a units file; name the row and column of each problem."""
    from config.schema.base import Problem

    sink: list[Problem] = []
    try:
        UnitsFile.model_validate(doc, context={"problems": sink})
    except PydanticError as exc:
        sink += [Problem(tuple(e["loc"]), _vietnamese(e)) for e in exc.errors()]
    return [
        _line(p.loc, _SAYS.get(p.message.split(" '")[0], p.message), where, columns) for p in sink
    ]


# The units checks' messages (cchc/wording/validate.py), by their opening words, as an officer
# reads them beside the cell that holds the code.
_SAYS = {
    "mã đơn vị": "mã đơn vị bị trùng",
    "đơn vị cấp trên": "không có đơn vị cấp trên mang mã này",
}


def _vietnamese(error: Any) -> str:
    """Say a pydantic error about one cell in Vietnamese."""
    value = error.get("input")
    if error["type"] == "literal_error":
        allowed = words.choices(str(error.get("ctx", {}).get("expected", "")))
        return f"giá trị «{value}» không hợp lệ; chọn một trong: {allowed}"
    if error["type"] == "value_error":  # our own checks (contacts) already speak Vietnamese
        return str(error.get("ctx", {}).get("error", error["msg"]))
    if error["type"] == "string_pattern_mismatch":
        return f"«{value}» không đúng dạng (mã: chữ thường không dấu nối bằng «-»)"
    message = words.pydantic_error(error["type"], error.get("ctx") or {}, None, "")
    return words.got(message, value) if isinstance(value, words.SCALARS) else message


def _line(loc: tuple, message: str, where: list[int], columns: dict[str, tuple[int, str]]) -> str:
    """Write one problem as "Dòng N, cột «X»: …"."""
    if len(loc) >= 2 and loc[0] == "units" and isinstance(loc[1], int):
        field = str(loc[2]) if len(loc) > 2 else ""
        column = f", cột «{columns[field][1]}»" if field in columns else ""
        return f"Dòng {where[loc[1]]}{column}: {message}"
    return f"Tệp: {message}"
