"""`cchc backup` / `cchc restore`: the database (SQLite online backup, or pg_dump/pg_restore)
and the evidence files, into and out of one folder with a manifest."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import Engine, make_url

from cchc.clock import now
from cchc.errors import CchcError, Conflict
from cchc.wording import ops

MANIFEST = "manifest.json"
SQLITE_FILE, PG_FILE = "cchc.sqlite3", "cchc.dump"


def _kind(engine: Engine) -> str:
    """'sqlite' or 'postgresql'."""
    return "sqlite" if engine.dialect.name == "sqlite" else "postgresql"


def _libpq(engine: Engine) -> tuple[str, dict[str, str]]:
    """A libpq URL without the password, and the environment carrying it (not on argv)."""
    url = engine.url
    env = dict(os.environ, PGPASSWORD=url.password or "")
    bare = url.set(drivername="postgresql", password=None)
    return bare.render_as_string(hide_password=False), env


def _run(tool: str, args: list[str], env: dict[str, str]) -> None:
    """Run a PostgreSQL client tool; its failure becomes one CchcError line."""
    done = subprocess.run([tool, *args], env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["?"])[-1]
        raise CchcError(ops.TOOL_FAILED.format(tool=tool, reason=reason))


def _sqlite_copy(source: str, target: str) -> None:
    """Copy a live SQLite database with the online backup API (consistent while others write)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    dst.close()
    src.close()


def _copy_files(source: Path, target: Path) -> int:
    """Copy the evidence files that `target` lacks (named by their sha256); return the count."""
    if not source.is_dir():
        return 0
    target.mkdir(parents=True, exist_ok=True)
    copied = 0
    for path in source.iterdir():
        if path.is_file() and not path.name.endswith(".part"):
            if not (target / path.name).exists():
                shutil.copy2(path, target / path.name)
            copied += 1
    return copied


def backup(*, engine: Engine, var_dir: Path, to: Path) -> tuple[Path, int]:
    """Write the database and evidence files to a new folder under `to`; return it and the count."""
    with engine.connect():  # an unreachable database fails here, as every command reports it
        pass
    folder = to / f"cchc-{now():%Y%m%dT%H%M%SZ}"
    folder.mkdir(parents=True)
    kind = _kind(engine)
    if kind == "sqlite":
        _sqlite_copy(str(engine.url.database), str(folder / SQLITE_FILE))
    else:
        url, env = _libpq(engine)
        _run("pg_dump", ["-Fc", "--no-owner", "-f", str(folder / PG_FILE), url], env)
    files = _copy_files(var_dir / "evidence", folder / "evidence")
    manifest = {"kind": kind, "created": now().isoformat(), "evidence_files": files}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return folder, files


def restore(*, engine: Engine, var_dir: Path, source: Path) -> int:
    """Restore a backup folder into an EMPTY database and the evidence folder; return the count."""
    url = engine.url.render_as_string(hide_password=True)
    if not (source / MANIFEST).is_file():
        raise CchcError(ops.RESTORE_NOT_A_BACKUP.format(folder=source))
    kind = json.loads((source / MANIFEST).read_text(encoding="utf-8"))["kind"]
    if kind != _kind(engine):
        raise CchcError(
            ops.RESTORE_WRONG_KIND.format(folder=source, kind=kind, target=_kind(engine))
        )
    if inspect(engine).get_table_names():
        raise Conflict(ops.RESTORE_NOT_EMPTY.format(url=url), rule="restore_into_empty")
    if kind == "sqlite":
        engine.dispose()
        _sqlite_copy(str(source / SQLITE_FILE), str(make_url(str(engine.url)).database))
    else:
        libpq, env = _libpq(engine)
        _run(
            "pg_restore", ["--no-owner", "--exit-on-error", "-d", libpq, str(source / PG_FILE)], env
        )
    return _copy_files(source / "evidence", var_dir / "evidence")
