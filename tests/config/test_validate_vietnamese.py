"""`cchc validate` speaks Vietnamese: every problem line names file:line and the key or code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cchc.wording import validate as words
from cli.main import app

runner = CliRunner()
# English words a Vietnamese officer should never read in a problem line.
DENY = re.compile(
    r"\b(should|missing|unknown|input|valid|got|field|required|must|duplicate|expected)\b",
    re.IGNORECASE,
)
PROBLEM = re.compile(r"^cfg/\S+\.yaml:\d+ ")

BROKEN_SCHEMA = """\
province: {code: tinh-thu, tiers: 3}
units:
  - {code: ubnd-tinh, name: "UBND tỉnh Thử", kind: province, colour: red}
  - {code: So-Noi-Vu, name: "Sở Nội vụ", kind: department, parent: ubnd-tinh}
  - code: so-y-te
    name: "Sở Y tế"
    kind: department
    parent: ubnd-tinh
    predecessors:
      - {code: so-y-te-cu, year: 1800, change: rename}
      - {code: so-y-te-moi, year: "năm 2020", change: merge}
  - {code: so-x, name: "Sở X", kind: agency}
"""
BROKEN_TREE = """\
province: {code: tinh-hai, name: "Tỉnh Hai", tiers: 2}
units:
  - {code: ubnd-tinh, name: "UBND tỉnh Hai", kind: province}
  - {code: so-noi-vu, name: "Sở Nội vụ", kind: department, parent: ubnd-tinh}
  - {code: so-noi-vu, name: "Sở Nội vụ 2", kind: department, parent: ubnd-tinh}
  - {code: so-tu-phap, name: "Sở Tư pháp", kind: department, parent: ubnd-khong-co}
"""
BROKEN_CALENDAR = """\
2024:
  working_days:
    - {date: 2024-02-13, name: "Làm bù"}
  days_off:
    - {date: 2025-01-01, name: "Tết Dương lịch"}
"""
BROKEN_BANDS = """\
default: abcd
schemes:
  - code: abcd
    title: "Xếp loại"
    bands:
      - {code: A, label: "Loại A", min: 92.5, max: 90.25}
      - {code: B, label: "Loại B", max: 92.5}
"""
# What each line must name (a key or a code as written) and say.
EXPECTED = [
    ('province.name: thiếu khóa bắt buộc "name"', "province"),
    ('units[0].colour: khóa "colour" không được phép ở đây', "colour"),
    ("units[1].code: phải là mã chữ thường không dấu", "'So-Noi-Vu'"),
    ("units[2].predecessors[0].year: phải lớn hơn hoặc bằng 1945 (nhận được 1800)", "year"),
    ("units[2].predecessors[1].year: phải là một số nguyên (nhận được 'năm 2020')", "year"),
    ("units[3].kind: phải là một trong các giá trị 'province'", "'agency'"),
    ("units[1].code: mã đơn vị 'so-noi-vu' bị trùng", "'so-noi-vu'"),  # both are shown
    ("units[2].code: mã đơn vị 'so-noi-vu' bị trùng", "'so-noi-vu'"),
    ("units[3].parent: đơn vị cấp trên 'ubnd-khong-co' không có trong tệp đơn vị", "parent"),
    ("2024.working_days[0].date: ngày 13/02/2024 (Thứ Ba) vốn đã là ngày làm việc", "date"),
    ("2024.days_off[0].date: ngày 01/01/2025 không thuộc năm 2024", "date"),
    ("schemes[0].bands[0].max: phải bằng 100", "max"),
    ("schemes[0].bands[0].min: mức dưới 92,5 không nhỏ hơn mức trên 90,25", "min"),
]


@pytest.fixture
def broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Write a config folder with one error of every kind; work from its parent."""
    cfg = tmp_path / "cfg"
    (cfg / "units").mkdir(parents=True)
    (cfg / "units" / "tinh-thu.yaml").write_text(BROKEN_SCHEMA, encoding="utf-8")
    (cfg / "units" / "tinh-hai.yaml").write_text(BROKEN_TREE, encoding="utf-8")
    (cfg / "calendar.yaml").write_text(BROKEN_CALENDAR, encoding="utf-8")
    (cfg / "bands.yaml").write_text(BROKEN_BANDS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return cfg


def test_validate_broken_folder_prints_vietnamese_lines_only(broken: Path) -> None:
    result = runner.invoke(app, ["validate", "cfg"])
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("cfg/")]
    assert len(lines) == len(EXPECTED), "\n".join(lines)
    for line in lines:
        assert PROBLEM.match(line), line
        assert not DENY.search(line.split(" ", 1)[1].split(": ", 1)[1]), line
    for said, named in EXPECTED:
        match = [line for line in lines if said in line]
        assert len(match) == 1 and named in match[0], (said, lines)
    assert "✗ 13 lỗi trong 4 tệp" in result.output


def test_validate_unreadable_yaml_is_worded_in_vietnamese(broken: Path) -> None:
    (broken / "units" / "tinh-hai.yaml").write_text("province: {code: x\nunits: [\n")
    result = runner.invoke(app, ["validate", "cfg/units/tinh-hai.yaml"])
    assert result.exit_code == 1
    assert "cfg/units/tinh-hai.yaml:2 YAML không đọc được: thiếu dấu ',' hoặc '}'" in (
        result.output
    )
    assert not DENY.search(result.output)


def test_unknown_pydantic_error_is_still_vietnamese() -> None:
    assert words.pydantic_error("uuid_parsing", {}, "id", "Input should be a valid UUID") == (
        "giá trị không hợp lệ (lỗi uuid_parsing)"
    )


def test_limits_use_the_vietnamese_number_format() -> None:
    assert words.pydantic_error("less_than_equal", {"le": 0.75}, "weight", "") == (
        "phải nhỏ hơn hoặc bằng 0,75"
    )
    assert words.pydantic_error("literal_error", {"expected": "2 or 3"}, "tiers", "") == (
        "phải là một trong các giá trị 2 hoặc 3"
    )


def test_long_bad_values_are_cut() -> None:
    said = words.got("phải là một số", "x" * 500)
    assert said.startswith("phải là một số (nhận được 'xxx") and said.endswith("(500 ký tự))")


def test_yaml_booleans_are_quoted_as_written() -> None:
    assert words.got("phải là một số", True) == "phải là một số (nhận được true)"


@pytest.mark.parametrize(
    ("english", "said"),
    [
        ("Encountered unknown tag 'foo'.", "thẻ 'foo' không có"),
        ("No filter named 'upper2'.", "bộ lọc 'upper2' không có"),
        ("'y' is undefined", "biến 'y' chưa có giá trị"),
        ("access to attribute '__class__' of 'str' object is unsafe.", "mẫu dùng thuộc tính"),
        ("something new", "cú pháp mẫu sai"),
    ],
)
def test_template_problems_are_worded_in_vietnamese(english: str, said: str) -> None:
    assert words.template_problem(english).startswith(said)
