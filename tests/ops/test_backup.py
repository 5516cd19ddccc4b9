"""`cchc backup` then `cchc restore` into an empty database: every row and evidence file is back."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

from cchc.db import make_engine
from models.db_init import init_db
from tests.conftest import _create_pg_database, _drop_pg_database, pg_or_skip
from tests.ops.conftest import RunCli
from tests.world.web import build_world


def _counts(engine: Engine) -> dict[str, int]:
    """Rows per table."""
    with engine.connect() as conn:
        return {
            t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
            for t in SQLModel.metadata.sorted_tables
        }


@pytest.fixture(params=["sqlite", "postgres"])
def two_urls(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """A source and an empty target database URL on one back end."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'source.sqlite3'}", f"sqlite:///{tmp_path / 'target.sqlite3'}"
        return
    pg_or_skip()
    names = [f"cchc_backup_{uuid.uuid4().hex[:8]}" for _ in range(2)]
    urls = [_create_pg_database(name) for name in names]
    yield urls[0], urls[1]
    for name in names:
        _drop_pg_database(name)


def test_restore_into_empty_database_brings_back_every_row_and_file(
    two_urls, point_at, run_cli: RunCli, tmp_path
):
    source_url, target_url = two_urls
    source = make_engine(source_url)
    init_db(source)
    build_world(source)
    before = _counts(source)
    source.dispose()
    point_at(source_url)
    evidence = tmp_path / "var" / "evidence"
    evidence.mkdir(parents=True)
    data = b"%PDF-1.4 minh chung"
    (evidence / hashlib.sha256(data).hexdigest()).write_bytes(data)
    code, out, err = run_cli("backup", "--to", str(tmp_path / "backups"))
    assert code == 0, err
    folder = next((tmp_path / "backups").iterdir())
    assert "1 tệp minh chứng" in out

    point_at(target_url)
    (tmp_path / "var").rename(tmp_path / "old-var")  # the new machine starts without files
    code, out, err = run_cli("restore", str(folder))
    assert code == 0, err
    target = make_engine(target_url)
    assert _counts(target) == before and before["campaign"] > 0 and before["audit_entry"] > 0
    target.dispose()
    assert (evidence / hashlib.sha256(data).hexdigest()).read_bytes() == data

    code, _out, err = run_cli("restore", str(folder))  # the target is no longer empty
    assert code == 2 and "chỉ khôi phục vào cơ sở dữ liệu trống" in err
