"""Dump and load the database: SQLite through the online backup API, PostgreSQL via pg_dump."""

from __future__ import annotations

import glob
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine, make_url
from sqlmodel import SQLModel

from cchc.errors import ConfigError
from cchc.wording import backup as words

VERSION_TABLE = "alembic_version"


def backend(url: str) -> str:
    """Name the backend of a SQLAlchemy URL: sqlite or postgresql."""
    return make_url(url).get_backend_name()


PG_ROOT = "/usr/lib/postgresql"


def pg_tool(name: str, *, root: str = PG_ROOT) -> str:
    """Find pg_dump / pg_restore on PATH or under <root>/*/bin (the newest version)."""
    found = shutil.which(name)
    if found:
        return found
    candidates = glob.glob(f"{root}/*/bin/{name}")
    candidates.sort(key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if not candidates:
        raise ConfigError(words.NO_PG_TOOL.format(tool=name))
    return candidates[-1]


def _pg_args(url: URL) -> tuple[list[str], dict[str, str]]:
    """Return libpq connection options and an environment carrying the password (not argv)."""
    args = ["-h", url.host or "127.0.0.1", "-p", str(url.port or 5432)]
    if url.username:
        args += ["-U", url.username]
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    return args + ["-d", url.database or ""], env


def _run(tool: str, args: list[str], env: dict[str, str]) -> None:
    """Run a PostgreSQL client tool, turning a failure into a one-line ConfigError."""
    done = subprocess.run([pg_tool(tool), *args], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or [f"mã lỗi {done.returncode}"])[-1]
        raise ConfigError(words.PG_TOOL_FAILED.format(tool=tool, detail=detail))


def dump(url: str, target: Path) -> dict[str, int]:
    """Write a consistent copy of the database at `url` to `target`; return its rows per table."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        with sqlite3.connect(parsed.database or "") as src, sqlite3.connect(target) as dst:
            src.backup(dst)  # online: a consistent snapshot while others keep writing
        copy = sa.create_engine(f"sqlite:///{target}")
        try:
            return table_counts(copy)  # counted in the copy, so they match what was saved
        finally:
            copy.dispose()
    args, env = _pg_args(parsed)
    engine = sa.create_engine(url, isolation_level="REPEATABLE READ")
    try:
        with engine.connect() as conn:
            # counts and pg_dump read one exported snapshot, so the manifest matches the dump
            snapshot = conn.execute(sa.text("SELECT pg_export_snapshot()")).scalar_one()
            counts = _counts(conn)
            _run(
                "pg_dump",
                ["-Fc", "--no-owner", f"--snapshot={snapshot}", "-f", str(target), *args],
                env,
            )
            conn.rollback()
        return counts
    finally:
        engine.dispose()


def ensure_folder(url: str) -> None:
    """Create the folder of a SQLite file, so a restore may target a new place."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)


def load(url: str, source: Path) -> None:
    """Replace the database at `url` with the copy in `source`."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        with sqlite3.connect(source) as src, sqlite3.connect(parsed.database or "") as dst:
            src.backup(dst)  # page by page: the target becomes exactly the archived file
        return
    _empty_schema(url)  # tables of a newer schema left behind would break the upgrade after
    args, env = _pg_args(parsed)
    options = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
    _run("pg_restore", [*options, *args, str(source)], env)


def _empty_schema(url: str) -> None:
    """Drop and recreate the public schema (the caller checked it is empty or confirmed)."""
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(sa.text("CREATE SCHEMA public"))
    finally:
        engine.dispose()


def revision(engine: Engine) -> str | None:
    """Return the Alembic revision stamped in the database (None when it has none)."""
    if not sa.inspect(engine).has_table(VERSION_TABLE):
        return None
    with engine.connect() as conn:
        return conn.execute(sa.text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def table_counts(engine: Engine) -> dict[str, int]:
    """Count the rows of every application table the database has."""
    with engine.connect() as conn:
        return _counts(conn)


def _counts(conn: sa.Connection) -> dict[str, int]:
    """Count the rows of every application table present, on one connection."""
    present = set(sa.inspect(conn).get_table_names())
    return {
        table.name: conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
        for table in SQLModel.metadata.sorted_tables
        if table.name in present
    }
