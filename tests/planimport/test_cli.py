"""`cchc plan import`: YAML out, JSON with the review list, --strict exits 2, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from typer.testing import CliRunner

from cli.main import app
from tests.planimport.conftest import DATA, seed

runner = CliRunner()
BAD_PLAN = """Bắc Kạn, ngày 10 tháng 9 năm 2023
KẾ HOẠCH
Xác định Chỉ số CCHC năm 2023

TT\tNhiệm vụ\tThời gian thực hiện\tCơ quan chủ trì\tCơ quan phối hợp
1\tBan hành văn bản hướng dẫn tự đánh giá\tTháng 10/2023\tSở Nội vụ\tSở Du hành Vũ trụ
2\tTự đánh giá, chấm điểm\tkhi nào xong thì thôi\tCác sở, ban, ngành\tSở Nội vụ
"""


def _bad(tmp_path: Path) -> Path:
    """Write a plan with one unknown agency (line 6) and one unreadable deadline (line 7)."""
    path = tmp_path / "bad.txt"
    path.write_text(BAD_PLAN, encoding="utf-8")
    return path


def test_plan_import_json_lists_unknown_agency_and_bad_date_with_lines(tmp_path: Path) -> None:
    out = runner.invoke(app, ["plan", "import", str(_bad(tmp_path)), "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    found = {(r["line"], r["stage"], r["field"], r["text"]) for r in data["reviews"]}
    assert found == {(6, "s01", "cơ quan phối hợp", "Sở Du hành Vũ trụ"),
                     (7, "s02", "thời hạn", "khi nào xong thì thôi")}
    first, second = data["plan"]["stages"]
    assert first["needs_review"] and second["needs_review"] and "window" not in second
    assert first["window"] == {"opens": "2023-10-01", "due": "2023-10-31"}


def test_plan_import_strict_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    out = runner.invoke(app, ["plan", "import", str(_bad(tmp_path)), "--strict", "-o", str(target)])
    assert out.exit_code == 2
    assert "s01, dòng 6: cơ quan phối hợp «Sở Du hành Vũ trụ»" in out.output
    assert "s02, dòng 7: thời hạn «khi nào xong thì thôi»" in out.output
    assert not target.exists() and "Traceback" not in out.output


def test_plan_import_strict_passes_a_clean_plan_and_writes_yaml(tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    out = runner.invoke(app, ["plan", "import", str(seed("004")), "--strict", "-o", str(target)])
    assert out.exit_code == 0, out.output
    plan = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert plan["code"] == "bac-kan-2023" and len(plan["stages"]) == 15


def test_plan_import_overrides_province_and_year(tmp_path: Path) -> None:
    out = runner.invoke(app, ["plan", "import", str(seed("003")), "--json",
                              "--province", "ha-noi", "--year", "2018"])
    assert out.exit_code == 0
    assert json.loads(out.stdout)["plan"]["code"] == "ha-noi-2018"


def test_plan_import_missing_file_or_province_is_a_clear_error(tmp_path: Path) -> None:
    out = runner.invoke(app, ["plan", "import", str(tmp_path / "none.txt")])
    assert out.exit_code == 2 and "không tìm thấy tệp" in " ".join(out.output.split())
    anonymous = tmp_path / "anon.txt"
    table = "TT\tNhiệm vụ\tThời gian\tChủ trì\n1\tHướng dẫn\tTháng 10/2023\tSở Nội vụ\n"
    anonymous.write_text(table, encoding="utf-8")
    out = runner.invoke(app, ["plan", "import", str(anonymous)])
    assert out.exit_code == 2 and "--province" in out.output and "Traceback" not in out.output
    assert "s01" not in out.output  # nothing half-imported is printed


def test_plan_import_strict_refuses_an_undated_row_with_its_reason() -> None:
    out = runner.invoke(app, ["plan", "import", str(DATA / "ha-noi-2024-tabs.txt"), "--strict"])
    assert out.exit_code == 2
    assert "s06, dòng 18: thời hạn «Thường xuyên» — việc làm thường xuyên" in out.output
