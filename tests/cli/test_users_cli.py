"""`cchc users`: add, list, passwd, revoke, tokens, rotate, import with its handout; `--as`."""

from __future__ import annotations

import csv
import getpass
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from typer.testing import CliRunner

from cchc.db import get_engine
from cchc.settings import get_settings
from cli.main import app
from models import AuditEntry, User
from models.accounts.passwords import check_password
from models.accounts.tokens import token_access
from tests.world.catalog import make_unit

runner = CliRunner()


@pytest.fixture
def cli_db(
    sqlite_only: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Engine]:
    """Point the CLI at the test database, with units a and b."""
    monkeypatch.setenv("CCHC_DATABASE_URL", sqlite_only.url.render_as_string(hide_password=False))
    monkeypatch.setenv("CCHC_VAR_DIR", str(tmp_path / "var"))
    get_settings.cache_clear()
    get_engine.cache_clear()
    with Session(sqlite_only) as s:
        make_unit(s, "a", name="Sở A")
        make_unit(s, "b", name="Sở B")
        s.commit()
    yield sqlite_only
    get_settings.cache_clear()
    get_engine.cache_clear()


def _ok(*args: str) -> str:
    """Run a command that must succeed; return its output."""
    out = runner.invoke(app, list(args))
    assert out.exit_code == 0 and "Traceback" not in out.output, out.output
    return out.output


def _user(engine: Engine, name: str) -> User:
    """Return the stored user."""
    with Session(engine) as s:
        return s.exec(select(User).where(User.name == name)).one()


def _actors(engine: Engine, action: str) -> list[str]:
    """Return who did each audited act of this kind."""
    with Session(engine) as s:
        return list(s.exec(select(AuditEntry.actor).where(AuditEntry.action == action)).all())


def test_add_prints_a_first_time_password_and_records_the_os_user(cli_db: Engine) -> None:
    out = _ok("users", "add", "lan", "--role", "unit", "--unit", "a")
    password = out.strip().splitlines()[-1]
    user = _user(cli_db, "lan")
    assert check_password(user.password_hash, password) and user.must_change_password
    assert _actors(cli_db, "create") == [getpass.getuser()]
    refused = runner.invoke(app, ["users", "add", "lan", "--role", "viewer"])
    assert refused.exit_code == 2 and "đã tồn tại" in refused.output


def test_as_names_the_person_in_the_audit(cli_db: Engine) -> None:
    _ok("--as", "nguyen.van.a", "users", "add", "xem", "--role", "viewer")
    _ok("--as", "tran.thi.b", "users", "revoke", "xem")
    assert _actors(cli_db, "create") == ["nguyen.van.a"]
    assert _actors(cli_db, "revoke") == ["tran.thi.b"]
    assert not _user(cli_db, "xem").active
    assert "đã khóa" in _ok("users", "list")


def test_passwd_sets_a_new_password(cli_db: Engine) -> None:
    _ok("users", "add", "lan", "--role", "viewer")
    _ok("users", "passwd", "lan", "--password", "mot-mat-khau-dai")
    assert check_password(_user(cli_db, "lan").password_hash, "mot-mat-khau-dai")
    short = runner.invoke(app, ["users", "passwd", "lan", "--password", "ngan"])
    assert short.exit_code == 2 and "ít nhất 10 ký tự" in short.output


def test_tokens_add_list_rotate_revoke(cli_db: Engine) -> None:
    _ok("users", "add", "bot", "--role", "viewer")
    first = (
        _ok("users", "tokens", "add", "bot", "bao-cao", "--scope", "read").strip().splitlines()[-1]
    )
    with Session(cli_db) as s:
        found = token_access(session=s, token=first)
        assert found is not None and found[1].scope == "read" and found[1].expires_at is not None
    assert "bao-cao" in _ok("users", "tokens", "list", "bot")
    second = _ok("users", "rotate", "bot", "bao-cao").strip().splitlines()[-1]
    _ok("users", "tokens", "revoke", "bot", "bao-cao")
    with Session(cli_db) as s:
        assert token_access(session=s, token=first) is None
        assert token_access(session=s, token=second) is None
    assert _actors(cli_db, "rotate_token") == [getpass.getuser()]


def _units_sheet(path: Path) -> Path:
    """Write a workbook of units to create accounts for (the second row names its user)."""
    book = Workbook()
    sheet = book.active
    sheet.append(["Mã đơn vị", "Tên đăng nhập", "Vai trò"])
    sheet.append(["a", None, None])
    sheet.append(["b", "so-b-vanthu", "unit"])
    book.save(path)
    return path


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_import_creates_each_units_account_and_a_handout(
    cli_db: Engine, tmp_path: Path, suffix: str
) -> None:
    handout = tmp_path / f"phat-tay.{suffix}"
    out = _ok("users", "import", str(_units_sheet(tmp_path / "dv.xlsx")), "--handout", str(handout))
    assert "Đã tạo 2 tài khoản" in out
    if suffix == "xlsx":
        rows = list(load_workbook(handout).active.iter_rows(values_only=True))[1:]
    else:
        rows = list(csv.reader(handout.open(encoding="utf-8-sig")))
    assert rows[0][0] == "Tên đăng nhập" and len(rows) == 3
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["a"][3] == "Sở A" and by_name["so-b-vanthu"][2] == "b"
    assert check_password(_user(cli_db, "so-b-vanthu").password_hash, by_name["so-b-vanthu"][4])
    again = _ok("users", "import", str(tmp_path / "dv.xlsx"), "--handout", str(tmp_path / "2.csv"))
    assert "Đã tạo 0 tài khoản; bỏ qua 2" in again
