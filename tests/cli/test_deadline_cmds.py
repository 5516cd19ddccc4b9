"""`cchc deadline` and `cchc calendar`, driven through typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from cli import deadline_cmds


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    """A bare app with only this area registered, so other areas cannot break these tests."""
    app = typer.Typer()
    deadline_cmds.register(app)
    return app


runner = CliRunner()


def test_deadline_command_is_listed_in_main_help() -> None:
    from cli.main import app as main_app

    result = runner.invoke(main_app, ["--help"])
    assert result.exit_code == 0, result.output
    assert "deadline" in result.output


def test_deadline_json_prints_window_in_plus_seven(app: typer.Typer) -> None:
    result = runner.invoke(app, ["deadline", "chậm nhất ngày 05/02/2018", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "opens_at": "2018-02-01T00:00:00+07:00",
        "due_at": "2018-02-05T23:59:59+07:00",
        "rule": "by_end_of_day",
        "text": "chậm nhất ngày 05/02/2018",
    }


def test_deadline_year_option_fills_missing_year(app: typer.Typer) -> None:
    result = runner.invoke(app, ["deadline", "từ ngày 16-10 đến 1-11", "--year", "2017", "--json"])
    assert result.exit_code == 0, result.output
    got = json.loads(result.stdout)
    assert (got["opens_at"], got["due_at"], got["rule"]) == (
        "2017-10-16T00:00:00+07:00",
        "2017-11-01T23:59:59+07:00",
        "day_range",
    )


def test_deadline_after_option_moves_to_next_year(app: typer.Typer) -> None:
    result = runner.invoke(app, ["deadline", "Tháng 01", "--after", "2023-12-05", "--json"])
    assert json.loads(result.stdout)["opens_at"] == "2024-01-01T00:00:00+07:00"


def test_deadline_plain_output_is_vietnamese_sentence(app: typer.Typer) -> None:
    result = runner.invoke(app, ["deadline", "trước ngày 10/02/2018"])
    assert result.exit_code == 0
    assert "hạn chót 23:59:59 Thứ Sáu 09/02/2018" in result.stdout
    assert "mở từ 00:00:00 Thứ Năm 01/02/2018" in result.stdout


@pytest.mark.parametrize(
    "phrase", ["hôm nay nộp", "Tháng 01", "chậm nhất ngày 31/02/2018", "sau ngày 5/2/2018"]
)
def test_deadline_unreadable_phrase_exits_2_quoting_it(app: typer.Typer, phrase: str) -> None:
    result = runner.invoke(app, ["deadline", phrase])
    assert result.exit_code == 2
    assert f'"{phrase}"' in " ".join(result.stderr.split())
    assert "Traceback" not in result.output


def test_deadline_bad_after_exits_2(app: typer.Typer) -> None:
    result = runner.invoke(app, ["deadline", "Tháng 01", "--after", "05/12/2023"])
    assert result.exit_code == 2
    assert "--after" in result.stderr


def test_calendar_lists_named_days_off_with_vietnamese_weekdays(app: typer.Typer) -> None:
    result = runner.invoke(app, ["calendar", "2026"], terminal_width=160)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "16/02/2026" in out and "Thứ Hai" in out and "Giao thừa Tết Nguyên Đán" in out
    assert "02/09/2026" in out and "Quốc khánh" in out
    assert "03/01/2026" not in out  # a plain Saturday is not listed
    assert "22/08/2026" in out and "Làm bù cho ngày nghỉ 31/08/2026" in out


def test_calendar_reads_overrides_file(app: typer.Typer, tmp_path: Path) -> None:
    path = tmp_path / "overrides.yaml"
    path.write_text(
        "2026:\n"
        "  days_off:\n"
        "    - {date: 2026-02-13, name: Nghỉ Tết thêm}\n"
        "  working_days:\n"
        "    - {date: 2026-01-10, name: Làm bù cho ngày 13/02}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["calendar", "2026", "--overrides", str(path)], terminal_width=160)
    assert result.exit_code == 0, result.output
    assert "13/02/2026" in result.stdout and "Nghỉ Tết thêm" in result.stdout
    assert "10/01/2026" in result.stdout and "Làm bù cho ngày 13/02" in result.stdout


def test_calendar_bad_overrides_exit_2_naming_file_and_path(
    app: typer.Typer, tmp_path: Path
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("2026:\n  days_off:\n    - {date: 13/02/2026}\n", encoding="utf-8")
    result = runner.invoke(app, ["calendar", "2026", "--overrides", str(path)])
    assert result.exit_code == 2
    assert f"{path}: 2026.days_off[0].date" in " ".join(result.stderr.split())
    broken = tmp_path / "broken.yaml"
    broken.write_text("2026: [\n", encoding="utf-8")
    result = runner.invoke(app, ["calendar", "2026", "--overrides", str(broken)])
    assert result.exit_code == 2 and "broken.yaml" in result.stderr
