"""Backup and restore: a whole campaign comes back, row for row and byte for byte."""

from __future__ import annotations

import hashlib
import io
import tarfile
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from cchc.clock import now
from cchc.db import make_engine
from cchc.errors import Conflict
from cchc.settings import get_settings
from models import AuditEntry
from models.scoring.evidence import add_evidence
from services import backup_db
from services.backup import backup, restore
from services.facts import record_fact
from tests.conftest import _create_pg_database, _drop_pg_database, pg_or_skip
from tests.world.campaigns import make_stage
from tests.world.scoring import SELF_SCORES, scoring_campaign, submit

PDF = b"%PDF-1.4 bien ban kiem tra " + bytes(range(256))


@pytest.fixture
def var_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """Point the evidence folder at a private var/ (tests move it to check the restore)."""
    monkeypatch.setenv("CCHC_VAR_DIR", str(tmp_path / "var"))
    get_settings.cache_clear()
    yield tmp_path / "var"
    get_settings.cache_clear()


def build_campaign(engine: Engine) -> str:
    """A campaign with a stage fact, a submission (scores, audit rows) and one evidence file."""
    with Session(engine, expire_on_commit=False) as session:
        campaign, (unit, _other) = scoring_campaign(session, ["so-a", "so-b"])
        start = now()
        make_stage(
            session, campaign, "huong-dan", "guidance", opens=start, due=start + timedelta(1)
        )
        session.commit()
        submit(session, campaign, unit, SELF_SCORES)
        record_fact(
            session=session, campaign_code=campaign.code, actor="snv", stage_kind="guidance"
        )
        add_evidence(
            session=session, campaign_id=campaign.id, unit_id=unit.id, filename="bien-ban.pdf",
            data=PDF, item_code="1.1", actor="so-a",
        )  # fmt: skip
        session.commit()
    return hashlib.sha256(PDF).hexdigest()


def url_of(engine: Engine) -> str:
    """Return an engine's URL with its password, as the services take it."""
    return engine.url.render_as_string(hide_password=False)


def roundtrip(
    source: Engine, target_url: str, var_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Back up `source`, restore into the empty `target_url` with a fresh var/, compare all."""
    digest = build_campaign(source)
    done = backup(actor="ops", out_dir=var_dir.parent / "out", url=url_of(source))
    assert done.path.exists() and not list(done.path.parent.glob("*.part"))
    assert done.manifest.evidence == {digest: len(PDF)}
    before = backup_db.table_counts(source)
    assert (
        before["self_score"] == 3
        and before["campaign"] == 1
        and before["fact"] >= 1
        and before["evidence"] == 1
    )
    assert done.manifest.counts == before  # the backup's own audit row is inside the archive

    monkeypatch.setenv("CCHC_VAR_DIR", str(var_dir.parent / "var2"))
    get_settings.cache_clear()
    result = restore(actor="ops2", archive_path=done.path, url=target_url)
    target = make_engine(target_url)
    try:
        after = backup_db.table_counts(target)
        assert {**after, "audit_entry": after["audit_entry"] - 1} == before  # + the restore row
        assert result.counts == after
        assert (var_dir.parent / "var2" / "evidence" / digest).read_bytes() == PDF
        with Session(target) as session:
            actions = [e.action for e in session.exec(select(AuditEntry).order_by(AuditEntry.at))]
            last = session.exec(select(AuditEntry).where(AuditEntry.action == "restore")).one()
        assert {"backup", "evidence", "restore"} <= set(actions)
        assert last.actor == "ops2"
        assert backup_db.revision(target) == result.head
    finally:
        target.dispose()


def test_backup_restores_every_row_and_evidence_file_into_a_new_sqlite(
    sqlite_only: Engine, var_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    roundtrip(
        sqlite_only, f"sqlite:///{tmp_path / 'restored' / 'new.sqlite3'}", var_dir, monkeypatch
    )


@pytest.mark.postgres
def test_backup_restores_every_row_and_evidence_file_into_a_new_pg_database(
    pg_engine: Engine, var_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.conftest import _truncate_all

    pg_or_skip()
    _truncate_all(pg_engine)
    name = f"cchc_restore_{uuid.uuid4().hex[:8]}"
    url = _create_pg_database(name)
    try:
        roundtrip(pg_engine, url, var_dir, monkeypatch)
    finally:
        _drop_pg_database(name)


def test_restore_refuses_a_database_with_rows_unless_confirmed(
    sqlite_only: Engine, var_dir: Path, tmp_path: Path
) -> None:
    build_campaign(sqlite_only)
    done = backup(actor="ops", out_dir=tmp_path / "out", url=url_of(sqlite_only))
    with pytest.raises(Conflict, match="đã có dữ liệu"):
        restore(actor="ops", archive_path=done.path, url=url_of(sqlite_only))
    result = restore(actor="ops", archive_path=done.path, url=url_of(sqlite_only), confirm=True)
    assert result.counts["evidence"] == 1


def test_restore_refuses_an_archive_from_a_newer_schema(
    sqlite_only: Engine, var_dir: Path, tmp_path: Path
) -> None:
    done = backup(actor="ops", out_dir=tmp_path / "out", url=url_of(sqlite_only))
    newer = tmp_path / "newer.tar.gz"
    # rewrite the manifest as a later release would
    with tarfile.open(done.path) as src, tarfile.open(newer, "w:gz") as dst:
        for member in src:
            data = src.extractfile(member)
            if member.name == "manifest.json" and data is not None:
                text = data.read().replace(done.manifest.revision.encode(), b"0099")
                member.size = len(text)
                dst.addfile(member, io.BytesIO(text))
            else:
                dst.addfile(member, data)
    target = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    with pytest.raises(Conflict, match="0099, mới hơn phiên bản phần mềm"):
        restore(actor="ops", archive_path=newer, url=target)


def test_restore_migrates_an_older_archive_up_to_head(var_dir: Path, tmp_path: Path) -> None:
    from alembic import command

    from models.db_init import alembic_config

    old = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    cfg = alembic_config()
    with old.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0006")
    done = backup(actor="ops", out_dir=tmp_path / "out", url=url_of(old))
    old.dispose()
    assert done.manifest.revision.startswith("0006")
    result = restore(actor="ops", archive_path=done.path, url=f"sqlite:///{tmp_path / 'n.sqlite3'}")
    assert result.head != done.manifest.revision
    assert "đã nâng cấp lên" in result.message
    fresh = make_engine(f"sqlite:///{tmp_path / 'n.sqlite3'}")
    try:
        assert backup_db.revision(fresh) == result.head
        assert sa.inspect(fresh).has_table("audit_entry")
    finally:
        fresh.dispose()
