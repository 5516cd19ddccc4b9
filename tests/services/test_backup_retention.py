"""Backup retention (newest per day, per ISO week) and finding the PostgreSQL client tools."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cchc.errors import ConfigError
from services.backup import prune
from services.backup_archive import to_prune
from services.backup_db import pg_tool


def name(at: datetime) -> str:
    """The file name `cchc backup` gives an archive made at `at`."""
    return f"cchc-backup-{at.strftime('%Y%m%dT%H%M%SZ')}.tar.gz"


# one archive a day at 18:30 UTC for 100 days, ending Sunday 2026-12-06, plus a second on the last
START = datetime(2026, 8, 29, 18, 30, tzinfo=UTC)
DAILY = [name(START + timedelta(days=d)) for d in range(100)]
EXTRA = name(START + timedelta(days=99, hours=2))


def test_retention_keeps_14_daily_and_8_weekly() -> None:
    dropped = to_prune([*DAILY, EXTRA, "notes.txt"], daily=14, weekly=8)
    kept = sorted(set(DAILY + [EXTRA]) - set(dropped))
    assert "notes.txt" not in dropped  # only our own archives are ever touched
    assert DAILY[-1] in dropped and EXTRA in kept  # the day's newest one stands for the day
    assert DAILY[-14:-1] == kept[-14:-1]  # the 13 days before, all kept
    weekly = [k for k in kept if k not in DAILY[-14:] + [EXTRA]]
    assert len(weekly) == 6  # 8 weeks, the last two already covered by the daily ones
    assert all(datetime.strptime(k[12:27], "%Y%m%dT%H%M%S").weekday() == 6 for k in weekly)
    assert len(kept) == 14 + 6


def test_prune_deletes_only_what_retention_drops(tmp_path: Path) -> None:
    for n in [*DAILY[-20:], "readme.txt"]:
        (tmp_path / n).write_bytes(b"x")
    dropped = prune(out_dir=tmp_path, daily=3, weekly=0)
    assert len(dropped) == 17 and not any(p.exists() for p in dropped)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*DAILY[-3:], "readme.txt"])


def test_missing_pg_tool_is_named_in_vietnamese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ConfigError, match="không tìm thấy chương trình pg_dump của PostgreSQL"):
        pg_tool("pg_dump", root=str(tmp_path))
    for version in ("9", "15"):
        tool = tmp_path / version / "bin" / "pg_dump"
        tool.parent.mkdir(parents=True)
        tool.write_text("#!/bin/sh\n")
    assert pg_tool("pg_dump", root=str(tmp_path)) == str(tmp_path / "15" / "bin" / "pg_dump")
