"""`cchc backup` and `cchc restore` through typer's CliRunner, on the configured SQLite."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine
from typer.testing import CliRunner

from cli.main import app

runner = CliRunner()


def test_backup_then_restore_into_a_used_database_needs_yes(
    configured: Engine, tmp_path: Path
) -> None:
    made = runner.invoke(app, ["backup", "-o", str(tmp_path / "out"), "--by", "Nguyễn Văn A"])
    assert made.exit_code == 0, made.output
    assert "Đã sao lưu vào" in made.output
    (archive,) = (tmp_path / "out").glob("cchc-backup-*.tar.gz")

    refused = runner.invoke(app, ["restore", str(archive)])
    assert refused.exit_code == 2
    assert "đã có dữ liệu" in refused.output and "Traceback" not in refused.output

    done = runner.invoke(app, ["restore", str(archive), "--yes", "--by", "Nguyễn Văn A"])
    assert done.exit_code == 0, done.output
    assert "Đã khôi phục" in done.output

    pruned = runner.invoke(app, ["backup", "-o", str(tmp_path / "out"), "--keep-daily", "1"])
    assert pruned.exit_code == 0, pruned.output
    assert "giữ 1 bản hằng ngày" in pruned.output
    assert len(list((tmp_path / "out").glob("cchc-backup-*.tar.gz"))) == 1


def test_restore_of_a_missing_archive_is_one_line_exit_2(
    configured: Engine, tmp_path: Path
) -> None:
    result = runner.invoke(app, ["restore", str(tmp_path / "khong-co.tar.gz")])
    assert result.exit_code == 2
    assert result.output.strip().startswith("Lỗi:") and "không có tệp sao lưu" in result.output
    assert "Traceback" not in result.output  # rich may wrap the one line at 80 columns
