"""`cchc validate` through the real typer app."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cli.main import app
from tests.config.conftest import CONFIG, edit, line_of

runner = CliRunner()


def test_validate_config_folder_is_green() -> None:
    result = runner.invoke(app, ["validate", str(CONFIG)])
    assert result.exit_code == 0, result.output
    assert "tệp hợp lệ" in result.output and "bộ chỉ số" in result.output


def test_validate_reports_problems_and_exits_1(config_copy: Path) -> None:
    path = config_copy / "criteria" / "lai-chau-2024-so.yaml"
    line = line_of(path, "max_points:", after='code: "3.5"')
    edit(path, line, "max_points: 2", "max_points: 7")
    result = runner.invoke(app, ["validate", "config"])
    assert result.exit_code == 1
    assert (
        f"config/criteria/lai-chau-2024-so.yaml:{line} fields[2].criteria[4].max_points: "
        "các mục con cộng lại được 2, khai báo 7"
    ) in result.output


def test_validate_malformed_yaml_exits_1_without_traceback(config_copy: Path) -> None:
    path = config_copy / "units" / "ha-noi.yaml"
    path.write_text("province: {code: ha-noi\nunits: [\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert "config/units/ha-noi.yaml:2 YAML không đọc được" in result.output
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)


def test_validate_usage_errors_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["validate"]).exit_code == 2
    missing = runner.invoke(app, ["validate", str(tmp_path / "nope.yaml")])
    assert missing.exit_code == 2 and "không tìm thấy" in missing.output


def test_validate_unknown_file_kind_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "random.yaml"
    path.write_text("hello: world\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1 and "không nhận ra đây là loại cấu hình nào" in result.output
