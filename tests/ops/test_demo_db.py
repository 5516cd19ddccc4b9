"""The demo writes the default database every command opens, and hands over an admin token."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session
from typer import Exit

from cchc.db import get_engine, make_engine
from cchc.settings import get_settings
from cli import demo_db
from models.db_init import init_db
from services.accounts_login import login
from tests.world.campaigns import make_campaign


def _stored_campaign(db: Path, code: str) -> None:
    """Write a database file holding one campaign `code`."""
    engine = make_engine(f"sqlite:///{db}")
    init_db(engine)
    with Session(engine) as session:
        make_campaign(session, code=code)
        session.commit()
    engine.dispose()


def test_reset_refuses_a_default_database_holding_other_campaigns(point_at, tmp_path, capsys):
    point_at("")
    var = get_settings().var_dir
    var.mkdir(parents=True)
    _stored_campaign(var / "cchc.sqlite3", "ha-noi-2025")
    with pytest.raises(Exit) as refused:
        demo_db.reset(var, "bac-kan-2023")
    assert refused.value.exit_code == 2
    assert "ha-noi-2025" in capsys.readouterr().err
    assert (var / "cchc.sqlite3").stat().st_size > 0


def test_reset_replaces_an_earlier_demo_and_points_every_command_at_it(point_at, monkeypatch):
    point_at("")
    var = get_settings().var_dir
    var.mkdir(parents=True)
    _stored_campaign(var / "cchc.sqlite3", "bac-kan-2023")
    db = demo_db.reset(var, "bac-kan-2023")
    assert not db.exists()
    monkeypatch.delenv("CCHC_DATABASE_URL")  # what `cchc serve` sees in a new shell
    get_settings.cache_clear()
    assert get_settings().db_url == f"sqlite:///{db}"


def test_hand_over_prints_a_password_that_signs_in_as_admin(point_at, capsys):
    point_at("")
    init_db(get_engine())
    demo_db.hand_over("bac-kan-2023")
    out = capsys.readouterr().out
    password = out.splitlines()[2].strip()
    assert "cchc serve" in out and "cchc report -c bac-kan-2023" in out
    with Session(get_engine()) as session:
        user, sid = login(
            session=session, username=demo_db.DEMO_ADMIN, password=password, ip="127.0.0.1"
        )
        assert user.role == "admin" and user.name == demo_db.DEMO_ADMIN and sid
