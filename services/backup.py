"""Back up and restore a whole installation: the database, the evidence files, a manifest."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

from cchc.clock import now
from cchc.db import make_engine, session_scope
from cchc.errors import Conflict, ValidationError
from cchc.settings import get_settings
from cchc.wording import backup as words
from models.audit.log import record_audit
from models.db_init import alembic_config, init_db
from models.scoring.storage import local_root as evidence_dir
from services import backup_archive as archive
from services import backup_db as db


@dataclass(frozen=True)
class BackupResult:
    """Where the archive went and what it holds."""

    path: Path
    manifest: archive.Manifest

    @property
    def message(self) -> str:
        """Say what was saved, in Vietnamese."""
        m = self.manifest
        return words.BACKED_UP.format(
            path=self.path, revision=m.revision, rows=sum(m.counts.values()), files=len(m.evidence)
        )


@dataclass(frozen=True)
class RestoreResult:
    """What was restored, from which revision, and the head it now stands at."""

    path: Path
    manifest: archive.Manifest
    head: str
    counts: dict[str, int]

    @property
    def message(self) -> str:
        """Say what was restored, in Vietnamese."""
        m = self.manifest
        upgraded = words.UPGRADED.format(head=self.head) if m.revision != self.head else ""
        return words.RESTORED.format(
            path=self.path, revision=m.revision, upgraded=upgraded,
            rows=sum(m.counts.values()), files=len(m.evidence),
        )  # fmt: skip


def backup(*, actor: str, out_dir: Path | None = None, url: str | None = None) -> BackupResult:
    """Write one archive of the database and the evidence files; the act is audited in it."""
    url = url or get_settings().db_url
    out_dir = out_dir or get_settings().var_dir / "backups"
    engine = make_engine(url)
    at = now()
    try:
        revision = db.revision(engine) or ""
        with session_scope(engine) as session:  # audited first, so the archive holds the row
            record_audit(
                session=session, actor=actor, action="backup", entity="database",
                new=f"{revision} {at.isoformat()}",
            )  # fmt: skip
    finally:
        engine.dispose()
    name = f"cchc-backup-{at.strftime('%Y%m%dT%H%M%SZ')}.tar.gz"
    with tempfile.TemporaryDirectory(prefix="cchc-backup-") as tmp:
        copy = Path(tmp) / (
            "database.sqlite3" if db.backend(url) == "sqlite" else "database.pgdump"
        )
        counts = db.dump(url, copy)
        manifest = archive.Manifest(
            revision=revision, created_at=at.isoformat(), backend=db.backend(url),
            database=copy.name, counts=counts, evidence=archive.evidence_files(evidence_dir()),
        )  # fmt: skip
        path = archive.write(out_dir / name, manifest, copy, evidence_dir())
    return BackupResult(path, manifest)


def restore(
    *, actor: str, archive_path: Path, confirm: bool = False, url: str | None = None
) -> RestoreResult:
    """Replace the database and add the evidence files from an archive, then migrate up."""
    url = url or get_settings().db_url
    manifest = archive.read_manifest(archive_path)
    head = _check_revision(manifest.revision)
    if manifest.backend != db.backend(url):
        raise ValidationError(
            words.WRONG_BACKEND.format(archived=manifest.backend, target=db.backend(url))
        )
    db.ensure_folder(url)
    engine = make_engine(url)
    try:
        _check_empty(engine, confirm=confirm)
        engine.dispose()  # no pooled connection may hold the file or tables being replaced
        with tempfile.TemporaryDirectory(prefix="cchc-restore-") as tmp:
            db.load(url, archive.extract_database(archive_path, manifest, Path(tmp)))
        if manifest.revision != head:
            init_db(engine)  # an older archive is migrated up to this code's schema
        archive.extract_evidence(archive_path, evidence_dir())
        with session_scope(engine) as session:
            record_audit(
                session=session, actor=actor, action="restore", entity="database",
                old=manifest.revision, new=f"{head} {archive_path.name}",
            )  # fmt: skip
        counts = db.table_counts(engine)
    finally:
        engine.dispose()
    return RestoreResult(archive_path, manifest, head, counts)


def _check_revision(revision: str) -> str:
    """Return this code's head revision, refusing an archive made by a newer schema."""
    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head() or ""
    known = {rev.revision for rev in script.walk_revisions()}
    if revision not in known:
        raise Conflict(
            words.NEWER_SCHEMA.format(revision=revision or "?", head=head), rule="schema_newer"
        )
    return head


def _check_empty(engine: Engine, *, confirm: bool) -> None:
    """Refuse to overwrite a database that holds rows, unless the operator confirmed."""
    rows = sum(db.table_counts(engine).values())
    if rows and not confirm:
        raise Conflict(words.NOT_EMPTY.format(rows=rows), rule="restore_target_not_empty")


def prune(*, out_dir: Path, daily: int, weekly: int) -> list[Path]:
    """Delete the archives in `out_dir` that retention no longer keeps; return them."""
    names = [p.name for p in out_dir.iterdir()] if out_dir.is_dir() else []
    dropped = [out_dir / name for name in archive.to_prune(names, daily=daily, weekly=weekly)]
    for path in dropped:
        path.unlink(missing_ok=True)
    return dropped
