"""Private PostgreSQL databases for benches (cchc_bench_<pid>...), dropped afterwards.

Never the shared `test` database's tables: it is only the door we create our own through.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

ADMIN_URL = os.environ.get("CCHC_BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def url_of(name: str) -> str:
    """The URL of database `name` on the bench server."""
    return ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"


def _admin(sql: str) -> None:
    """Run one statement outside a transaction on the admin connection."""
    engine = sa.create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(sa.text(sql))
    finally:
        engine.dispose()


def create(name: str, template: str | None = None) -> str:
    """Create database `name` (a copy of `template` if given) and return its URL."""
    _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _admin(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    return url_of(name)


def drop(name: str) -> None:
    """Drop database `name` (closing whatever still uses it)."""
    _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def server_version() -> str:
    """The server's version string."""
    engine = sa.create_engine(ADMIN_URL)
    try:
        with engine.connect() as conn:
            return str(conn.execute(sa.text("SHOW server_version")).scalar_one())
    finally:
        engine.dispose()


@contextmanager
def private_database(suffix: str = "", template: str | None = None) -> Iterator[tuple[str, str]]:
    """Yield (name, URL) of a fresh private database, dropped on the way out, even on failure."""
    name = f"cchc_bench_{os.getpid()}{suffix}"
    url = create(name, template)
    try:
        yield name, url
    finally:
        drop(name)


@contextmanager
def copy_of(url: str, suffix: str) -> Iterator[str]:
    """Yield the URL of a throw-away copy of the database at `url` (PostgreSQL or SQLite file)."""
    if url.startswith("sqlite:///"):
        source = Path(url.removeprefix("sqlite:///"))
        target = source.with_name(f"{source.stem}{suffix}{source.suffix}")
        shutil.copyfile(source, target)
        try:
            yield f"sqlite:///{target}"
        finally:
            for extra in ("", "-wal", "-shm"):
                Path(f"{target}{extra}").unlink(missing_ok=True)
        return
    template = url.rsplit("/", 1)[1]
    name = f"{template}{suffix}"
    copy_url = create(name, template)
    try:
        yield copy_url
    finally:
        drop(name)
