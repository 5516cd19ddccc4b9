"""The parser's own refusals: one Vietnamese line, exit code 2, no English parser text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app

ENGLISH = (
    "Usage",
    "Try ",
    "Error",
    "No such",
    "Missing",
    "Invalid value",
    "for help",
    "Possible options",
    "requires",
    "does not exist",
    "unexpected",
    "Input should",
    "Traceback",
)
COUNCIL = ["fact", "council", "-c", "x", "--held-on", "2024-01-01", "--present", "a", "--for", "1"]

CASES = [
    (["tick", "-c", "x", "--nope"], "không có tùy chọn --nope"),  # NoSuchOption
    (["tick", "--loca"], "(có phải: --at, --local?)"),  # NoSuchOption with close options
    (["extend", "-c", "x"], "thiếu tùy chọn '--stage'"),  # MissingParameter (option)
    (["template", "-c", "x", "-o", "t.xlsx"], "thiếu tùy chọn '--unit' / '-u'"),
    (["submit", "-c", "x", "-u", "a"], "thiếu tham số 'file'"),  # MissingParameter (argument)
    ([*COUNCIL, "--members", "abc"], "'--members': «abc» không phải số nguyên"),  # BadParameter
    (["serve", "--port", "0"], "'--port': 0 nhỏ hơn 1"),  # BadParameter (range)
    (["submit", "khong-co.xlsx", "-c", "x", "-u", "a"], "'khong-co.xlsx' không tồn tại"),
    (["tick", "-c"], "tùy chọn -c cần một giá trị"),  # BadOptionUsage
    (["frob"], "không có lệnh «frob»"),  # UsageError: no such command
    (["deadline", "a", "b"], "thừa tham số (b)"),  # UsageError: extra argument
]


@pytest.mark.parametrize(("args", "expected"), CASES, ids=[" ".join(a) for a, _ in CASES])
def test_a_parser_refusal_is_one_vietnamese_line_and_exit_2(args: list[str], expected: str) -> None:
    out = CliRunner().invoke(app, args)
    lines = out.output.strip().splitlines()
    assert out.exit_code == 2, out.output
    assert len(lines) == 1 and lines[0].startswith("Lỗi: ") and expected in lines[0], lines
    assert not [word for word in ENGLISH if word in out.output], out.output


@pytest.mark.parametrize("args", [["--help"], ["tick", "--help"], ["fact"]])
def test_help_is_in_vietnamese(args: list[str]) -> None:
    out = CliRunner().invoke(app, args)
    assert out.exit_code in (0, 2) and "Cách dùng: cchc" in out.output, out.output
    assert "Tùy chọn" in out.output and "Hiện hướng dẫn này rồi thoát." in out.output
    english = ("Usage", "Options", "Commands", "Arguments", "Show this message", "[OPTIONS]")
    for word in (*english, "<str>", "<int>", "<bool>"):
        assert word not in out.output, word


@pytest.mark.slow
def test_the_installed_command_refuses_in_one_vietnamese_line() -> None:
    cchc = Path(sys.executable).parent / "cchc"
    done = subprocess.run(
        [str(cchc), "fact", "approve", "-c", "x", "--bogus"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2 and done.stdout == "", done
    assert done.stderr.strip() == "Lỗi: không có tùy chọn --bogus (xem «cchc fact approve --help»)."
