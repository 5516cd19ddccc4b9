"""Writers never leave a partial file (issue #16): report and template written temp-then-rename."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy.engine import Engine
from sqlmodel import Session
from typer.testing import CliRunner

from cchc import atomic
from cchc.db import get_engine
from cchc.settings import get_settings
from cli.main import app
from tests.world.scoring import scoring_campaign

runner = CliRunner()


@pytest.fixture
def cli_db(sqlite_only: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    """Point the CLI at the test database, with a campaign `test-2024` never computed."""
    monkeypatch.setenv("CCHC_DATABASE_URL", sqlite_only.url.render_as_string(hide_password=False))
    get_settings.cache_clear()
    get_engine.cache_clear()
    with Session(sqlite_only, expire_on_commit=False) as session:
        scoring_campaign(session, ["a", "b"])
    yield sqlite_only
    get_settings.cache_clear()
    get_engine.cache_clear()


def test_report_without_results_one_line_exit_2_no_file(cli_db: Engine, tmp_path: Path) -> None:
    folder = tmp_path / "bc"
    result = runner.invoke(app, ["report", "-c", "test-2024", "-o", str(folder)])
    assert result.exit_code == 2, result.output
    said = "".join(result.output.splitlines())
    assert said.startswith("Chiến dịch test-2024 chưa có kết quả Chỉ số")
    assert said.count("Chiến dịch") == 1 and "Traceback" not in said
    assert not folder.exists() or not any(folder.iterdir())


def test_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text("old, complete", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic.replacing(path) as temp:
        temp.write_text("new, half", encoding="utf-8")
        raise RuntimeError("the writer died half-way")
    assert path.read_text(encoding="utf-8") == "old, complete"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_failed_workbook_save_leaves_nothing(tmp_path: Path) -> None:
    class Broken(Workbook):
        def save(self, filename: object) -> None:
            Path(str(filename)).write_bytes(b"PK\x03\x04 half a zip")
            raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        atomic.save_workbook(Broken(), tmp_path / "out.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_successful_write_replaces_whole(tmp_path: Path) -> None:
    path = atomic.write_text(tmp_path / "sub" / "a.html", "<p>mới</p>")
    assert path.read_text(encoding="utf-8") == "<p>mới</p>"
    assert [p.name for p in path.parent.iterdir()] == ["a.html"]
