"""`cchc validate` on criteria sets: per-set counts, refused appraisers and tiers."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

import config
from cli.main import app
from tests.config.conftest import edit, line_of

runner = CliRunner()


def test_validate_prints_counts_per_set_and_field(config_copy: Path) -> None:
    out = runner.invoke(app, ["validate", str(config_copy / "criteria" / "lai-chau-2025-xa.yaml")])
    assert out.exit_code == 0, out.output
    lines = out.stdout.splitlines()
    assert lines[0] == (
        "lai-chau-2025-xa: 8 lĩnh vực, 38 tiêu chí, 24 tiêu chí thành phần; "
        "tự đánh giá 80 điểm, điều tra XHH 20 điểm"
    )
    assert lines[1] == (
        "  1. Công tác chỉ đạo, điều hành cải cách hành chính: 6 tiêu chí, "
        "2 tiêu chí thành phần, 11 điểm"
    )
    assert len([x for x in lines if x.startswith("  ")]) == 8


def test_commune_appraising_a_department_field_is_refused(config_copy: Path) -> None:
    path = config_copy / "criteria" / "bac-kan-2023-so.yaml"
    line = line_of(path, "appraiser: so-noi-vu")
    edit(path, line, "so-noi-vu", "xa-bang-van")
    problems = config.validate_paths([path])
    assert len(problems) == 1 and problems[0].startswith(
        f"config/criteria/bac-kan-2023-so.yaml:{line} fields[0].appraiser: lĩnh vực 1 «"
    )
    assert "«Xã Bằng Vân» (UBND cấp xã) không thể thẩm định bộ chỉ số của các sở" in problems[0]


def test_district_may_appraise_communes_only(config_copy: Path) -> None:
    path = config_copy / "criteria" / "bac-kan-2023-so.yaml"
    line = line_of(path, "appraiser: so-noi-vu")
    edit(path, line, "so-noi-vu", "parent")
    (problem,) = config.validate_paths([path])
    assert problem.endswith(
        "«parent» (UBND cấp huyện của đơn vị) chỉ dùng cho bộ chỉ số cấp xã, "
        "không dùng cho các sở, ban, ngành"
    )
    edit(path, line, "parent", "huyen-ba-be")
    (problem,) = config.validate_paths([path])
    assert "«Huyện Ba Bể» (UBND cấp huyện) không thể thẩm định" in problem


def test_set_whose_tier_contradicts_applies_to_is_refused(config_copy: Path) -> None:
    path = config_copy / "criteria" / "bac-kan-2023-so.yaml"
    line = line_of(path, "applies_to:")
    edit(path, line, '["department"]', '["commune"]')
    assert config.validate_paths([path]) == [
        f"config/criteria/bac-kan-2023-so.yaml:{line} applies_to.rank_groups[0]: bộ chỉ số dành "
        "cho các sở, ban, ngành (tier: department) nhưng áp dụng cho nhóm xếp hạng «commune»"
    ]


def test_named_unit_outside_the_tier_is_refused(config_copy: Path) -> None:
    path = config_copy / "criteria" / "lai-chau-2024-thanh-tra.yaml"
    line = line_of(path, "applies_to:")
    edit(path, line, "thanh-tra-tinh", "huyen-sin-ho")
    (problem,) = config.validate_paths([path])
    assert problem.endswith("áp dụng cho «Huyện Sìn Hồ» (nhóm district)")
