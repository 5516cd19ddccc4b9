"""Create every unit's account from a workbook and write the handout of first-time passwords."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook, load_workbook
from sqlmodel import Session, select

from cchc.errors import ValidationError
from cchc.wording import accounts as say
from models.accounts.ops import find_unit
from models.accounts.tables import User
from services.access import Actor
from services.accounts_admin import add_account

# Accepted headers (lower-cased), Vietnamese or ASCII: unit code required, the rest optional.
COLUMNS = {
    "unit": ("mã đơn vị", "ma_don_vi", "unit", "unit_code"),
    "name": ("tên đăng nhập", "ten_dang_nhap", "username", "name"),
    "role": ("vai trò", "vai_tro", "role"),
}


@dataclass(frozen=True)
class HandoutRow:
    """One account to hand over: who, which unit, and the password to change at first sign-in."""

    name: str
    role: str
    unit_code: str
    unit_name: str
    password: str


def _positions(header: tuple[object, ...]) -> dict[str, int]:
    """Map our column names to their positions in the sheet's header row."""
    cells = [str(c or "").strip().lower() for c in header]
    found = {
        key: next((cells.index(a) for a in names if a in cells), -1)
        for key, names in COLUMNS.items()
    }
    if found["unit"] < 0:
        raise ValidationError("tệp thiếu cột «Mã đơn vị»")
    return found


def read_rows(path: Path) -> list[dict[str, str]]:
    """Return the sheet's rows as {unit, name, role} (name defaults to the unit code)."""
    sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    if not rows:
        raise ValidationError(f"tệp {path.name} trống")
    at = _positions(rows[0])
    out = []
    for row in rows[1:]:
        unit, name, role = (_cell(row, at[key]) for key in ("unit", "name", "role"))
        if unit:
            out.append({"unit": unit, "name": name or unit, "role": role or "unit"})
    return out


def _cell(row: tuple[object, ...], position: int) -> str:
    """Return a cell's text, '' when the column is absent or the cell empty."""
    return str(row[position] or "").strip() if 0 <= position < len(row) else ""


def import_accounts(
    *, session: Session, path: Path, actor: Actor
) -> tuple[list[HandoutRow], list[str]]:
    """Create the accounts not yet present; return the handout rows and the names skipped."""
    made: list[HandoutRow] = []
    skipped: list[str] = []
    for row in read_rows(path):
        if session.exec(select(User).where(User.name == row["name"])).first() is not None:
            skipped.append(row["name"])
            continue
        unit = find_unit(session=session, code=row["unit"])
        user, password = add_account(
            session=session, name=row["name"], role=row["role"], unit_code=unit.code, actor=actor
        )
        made.append(HandoutRow(user.name, user.role, unit.code, unit.name, password))
    return made, skipped


def write_handout(rows: list[HandoutRow], path: Path) -> Path:
    """Write the printable handout: XLSX when the name ends in .xlsx, else CSV (UTF-8, Excel)."""
    values = [(r.name, r.role, r.unit_code, r.unit_name, r.password) for r in rows]
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".xlsx":
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "Tài khoản"
        sheet.append([say.HANDOUT_TITLE])
        sheet.append(list(say.HANDOUT_HEADER))
        for line in values:
            sheet.append(list(line))
        book.save(path)
        return path
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(say.HANDOUT_HEADER)
        writer.writerows(values)
    return path
