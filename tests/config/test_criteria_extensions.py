"""`cchc validate` on bonus/penalty, not-applicable and formula items, and their refusals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

import config
from cchc.formula import formula_points
from cli.main import app
from tests.world.extensions import ON_TIME, extended_set

runner = CliRunner()
BRACKETS = {"figure": ON_TIME, "rule": "brackets"}


def _write(folder: Path, body: dict[str, Any]) -> Path:
    """Write the set as a Bắc Kạn criteria file (its units file has so-noi-vu)."""
    path = folder / "criteria" / "bac-kan-2024-mo-rong.yaml"
    body = body | {"code": "bac-kan-2024-mo-rong", "province": "bac-kan"}
    path.write_text(yaml.safe_dump(body, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _problems(folder: Path, body: dict[str, Any]) -> list[str]:
    """Validate the set; return its problems without the file:line prefix."""
    return [p.split(" ", 1)[1] for p in config.validate_paths([_write(folder, body)])]


def test_extended_set_validates_and_counts_bonus_and_penalty_apart(config_copy: Path) -> None:
    out = runner.invoke(app, ["validate", str(_write(config_copy, extended_set()))])
    assert out.exit_code == 0, out.output
    assert out.stdout.splitlines()[0] == (
        "bac-kan-2024-mo-rong: 3 lĩnh vực, 6 tiêu chí, 0 tiêu chí thành phần; "
        "tự đánh giá 8 điểm, điều tra XHH 0 điểm; điểm thưởng 1; điểm trừ 2"
    )


def test_penalty_counted_in_the_base_maximum_is_refused(config_copy: Path) -> None:
    """A penalty criterion inside field 1 whose max_points (and totals) count its 2 points."""
    body = extended_set(total=10, self_total=10)
    field = body["fields"][0]
    field["max_points"] = 10
    field["criteria"].append(
        {"code": "1.5", "title": "Vi phạm kỷ luật", "max_points": -2, "kind": "penalty"}
    )
    assert _problems(config_copy, body) == [
        f"{loc}: điểm thưởng/điểm trừ nằm ngoài điểm tối đa cơ bản: các mục cơ bản cộng lại "
        "được 8, khai báo 10 đã tính 2 điểm trong số đó"
        for loc in ("fields[0].max_points", "self_total", "total")
    ]


def test_negative_points_outside_a_penalty_are_refused(config_copy: Path) -> None:
    body = extended_set()
    body["fields"][1]["criteria"][0]["max_points"] = -1
    said = 'fields[1].criteria[0].max_points: chỉ mục điểm trừ (kind "penalty") mới có điểm âm'
    assert said in _problems(config_copy, body)


@pytest.mark.parametrize(
    ("brackets", "message"),
    [
        (
            [(90, 100, 2), (0, 80, 0)],
            "hở giữa 80 và 90: không khoảng nào chứa các số liệu này",
        ),
        (
            [(90, 100, 2), (70, 95, 1), (0, 70, 0)],
            "khoảng 90–100 chồng lên khoảng trước (kết thúc ở 95)",
        ),
        ([(50, 100, 2)], "hở giữa 0 và 50: không khoảng nào chứa các số liệu này"),
        ([(0, 90, 3), (90, 100, 2)], "khoảng 0–90 cho 3 điểm, ngoài phạm vi 0–2"),
    ],
)
def test_formula_brackets_with_gaps_overlaps_or_too_many_points_are_refused(
    config_copy: Path, brackets: list[tuple[float, float, float]], message: str
) -> None:
    body = extended_set()
    rows = [{"min": lo, "max": hi, "points": p} for lo, hi, p in brackets]
    body["fields"][0]["criteria"][2]["formula"] = BRACKETS | {"brackets": rows}
    assert _problems(config_copy, body) == [f"fields[0].criteria[2].formula: {message}"]


def test_not_applicable_on_a_bonus_item_and_a_formula_on_a_penalty_are_refused(
    config_copy: Path,
) -> None:
    body = extended_set()
    body["fields"][1]["criteria"][0]["allow_not_applicable"] = True
    body["fields"][2]["criteria"][0]["formula"] = {"figure": "Số báo cáo chậm",
                                                   "rule": "proportional"}  # fmt: skip
    del body["fields"][2]["criteria"][0]["step"]
    assert _problems(config_copy, body) == [
        "fields[1].criteria[0].allow_not_applicable: mục điểm thưởng không được đánh dấu "
        '"không áp dụng" (chỉ mục tự đánh giá cơ bản)',
        "fields[2].criteria[0].formula: công thức chỉ dùng cho mục tự đánh giá, "
        "không dùng cho mục điểm trừ",
    ]


def test_formula_points_by_bracket_and_proportionally() -> None:
    """Brackets hold min <= figure < max (the top one holds 100); proportional rounds half-up."""
    rule = BRACKETS | {"brackets": [{"min": 95, "max": 100, "points": 2},
                                    {"min": 0, "max": 95, "points": 1}]}  # fmt: skip
    assert [formula_points(rule, 2, f) for f in (0, 94.99, 95, 100)] == [1, 1, 2, 2]
    prop = {"figure": "x", "rule": "proportional"}
    assert [formula_points(prop, 1.5, f) for f in (0, 33.3, 50, 100)] == [0, 0.5, 0.75, 1.5]
    with pytest.raises(ValueError, match="ngoài khoảng 0 – 100"):
        formula_points(prop, 1.5, 100.5)
