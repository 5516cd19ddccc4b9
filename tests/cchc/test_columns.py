"""Text limits of `cchc validate` equal the database columns (issue #16: 2 MB stage title)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlmodel import SQLModel
from typer.testing import CliRunner

import models  # noqa: F401  (registers every table on the metadata)
from cchc.columns import COLUMNS
from cli.main import app
from tests.config.conftest import config_copy, edit, line_of  # noqa: F401  (fixture)

runner = CliRunner()


@pytest.mark.parametrize("name", COLUMNS)
def test_limit_equals_the_table_column(name: str) -> None:
    table, column, length = COLUMNS[name]
    assert SQLModel.metadata.tables[table].columns[column].type.length == length


def test_validate_refuses_two_megabyte_stage_title(config_copy: Path) -> None:  # noqa: F811
    path = config_copy / "plans" / "bac-kan-2023.yaml"
    line = line_of(path, "title:", after="stages:")
    edit(path, line, 'title: "Ban hành', f'title: "{"x" * 2_000_000} Ban hành')
    started = time.perf_counter()
    result = runner.invoke(app, ["validate", "config/plans/bac-kan-2023.yaml"])
    assert time.perf_counter() - started < 5.0
    assert result.exit_code == 1
    said = "".join(result.output.splitlines())
    assert f"config/plans/bac-kan-2023.yaml:{line} stages[0].title" in said
    assert "dài quá 2000 ký tự" in said
    assert len(result.output) < 2000  # the problem line does not echo the 2 MB title


def test_validate_accepts_a_title_at_the_column_length(config_copy: Path) -> None:  # noqa: F811
    path = config_copy / "plans" / "bac-kan-2023.yaml"
    line = line_of(path, "title:", after="stages:")
    lines = path.read_text(encoding="utf-8").splitlines()
    indent = lines[line - 1].split("title:")[0]
    lines[line - 1] = f'{indent}title: "{"x" * 2000}"'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", "config/plans/bac-kan-2023.yaml"])
    assert result.exit_code == 0, result.output
