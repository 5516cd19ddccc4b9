"""The demo's database: the default SQLite file every other command opens, and its admin."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.exc import OperationalError

from cchc.wording import ops
from cli.output import console, fail

DEMO_ADMIN = "demo-admin"


def default_sqlite(var: Path) -> Path:
    """The file `Settings.db_url` opens when CCHC_DATABASE_URL is unset."""
    return var / "cchc.sqlite3"


def _codes_in(db: Path) -> list[str]:
    """The campaign codes stored in `db` (none when it has no tables yet)."""
    from sqlmodel import Session

    from cchc.db import make_engine
    from models.campaign.progress import campaign_rows

    engine = make_engine(f"sqlite:///{db}")
    try:
        with Session(engine) as session:
            return [campaign.code for campaign, _ in campaign_rows(session=session)]
    except OperationalError:  # no tables: an empty or foreign file we may replace
        return []
    finally:
        engine.dispose()


def reset(var: Path, plan_code: str) -> Path:
    """Empty the default database for the demo, refusing when it holds any other campaign."""
    db = default_sqlite(var)
    db.parent.mkdir(parents=True, exist_ok=True)
    if db.exists():
        foreign = [code for code in _codes_in(db) if code != plan_code]
        if foreign:
            fail(ops.DEMO_FOREIGN_DATA.format(path=db, codes=", ".join(foreign)))
    if os.environ.get("CCHC_DATABASE_URL", "") not in ("", f"sqlite:///{db}"):
        console.print(ops.DEMO_DATABASE_NOTE.format(path=db), markup=False)
    for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        path.unlink(missing_ok=True)
    # Spelled out for the Prefect flow run and its helpers, which read the environment.
    os.environ["CCHC_DATABASE_URL"] = f"sqlite:///{db}"
    return db


def hand_over(campaign: str) -> None:
    """Create the demo's admin user and print its first-time password and the next commands."""
    from cchc.db import make_engine, session_scope
    from cchc.settings import get_settings
    from models.accounts.passwords import first_time_password
    from services import users

    password = first_time_password()
    engine = make_engine(get_settings().db_url)
    with session_scope(engine) as session:
        users.add_user(
            session=session,
            name=DEMO_ADMIN,
            role="admin",
            actor="demo",
            password=password,
            with_token=False,
        )
    engine.dispose()
    console.print(ops.DEMO_HANDOVER.format(user=DEMO_ADMIN), markup=False, soft_wrap=True)
    console.print(password, markup=False, highlight=False, soft_wrap=True)
    console.print(ops.DEMO_REPORT_HINT.format(campaign=campaign), markup=False, soft_wrap=True)
