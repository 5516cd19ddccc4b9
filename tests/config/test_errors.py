"""Bad configuration gives one line per problem, "file:line path: message", never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

import config
from cchc.errors import ConfigError
from tests.config.conftest import edit, line_of

SET = "config/criteria/lai-chau-2024-so.yaml"
PLAN = "config/plans/bac-kan-2023.yaml"


def test_wrong_max_points_names_file_line_and_path(config_copy: Path) -> None:
    path = config_copy / "criteria" / "lai-chau-2024-so.yaml"
    line = line_of(path, "max_points:", after='code: "3.5"')
    edit(path, line, "max_points: 2", "max_points: 7")
    assert config.validate_paths([path]) == [
        f"{SET}:{line} fields[2].criteria[4].max_points: các mục con cộng lại được 2, khai báo 7"
    ]
    with pytest.raises(ConfigError) as err:
        config.load_criteria_set(path)
    assert err.value.problems == [
        f"{SET}:{line} fields[2].criteria[4].max_points: các mục con cộng lại được 2, khai báo 7"
    ]


def test_wrong_totals_are_reported_at_each_level(config_copy: Path) -> None:
    path = config_copy / "criteria" / "lai-chau-2024-so.yaml"
    edit(path, line_of(path, "self_total:"), "77", "76.5")
    assert config.validate_paths([path]) == [
        f"{SET}:{line_of(path, 'self_total:')} self_total: "
        "các mục con cộng lại được 77, khai báo 76,5"
    ]


def test_unknown_unit_in_lead_names_file_line_and_stage(config_copy: Path) -> None:
    path = config_copy / "plans" / "bac-kan-2023.yaml"
    line = line_of(path, "lead: so-noi-vu", after="code: trinh-phe-duyet")
    edit(path, line, "so-noi-vu", "so-khong-co")
    problems = config.validate_paths([path])
    assert problems == [
        f"{PLAN}:{line} stages[13].lead: bước 'trinh-phe-duyet': "
        "đơn vị 'so-khong-co' không có trong tệp đơn vị của bac-kan"
    ]


def test_malformed_yaml_gives_a_line_numbered_message(config_copy: Path) -> None:
    path = config_copy / "plans" / "bac-kan-2023.yaml"
    line = line_of(path, "cooperating: [van-phong-ubnd-tinh")
    edit(path, line, "so-thong-tin-va-truyen-thong]", "so-thong-tin-va-truyen-thong")
    (problem,) = config.validate_paths([path])
    assert problem.startswith(f"{PLAN}:")
    assert "YAML không đọc được: thiếu dấu ',' hoặc ']'" in problem
    assert int(problem.split(":")[1].split()[0]) >= line


def test_unknown_key_and_wrong_type_are_reported_with_their_lines(config_copy: Path) -> None:
    path = config_copy / "plans" / "bac-kan-2023.yaml"
    kind_line = line_of(path, "kind: guidance")
    edit(path, kind_line, "kind: guidance", "kinds: guidance")
    year_line = line_of(path, "year: 2023")
    edit(path, year_line, "2023", "năm 2023")
    problems = config.validate_paths([path])
    assert f'{PLAN}:{kind_line} stages[0].kinds: khóa "kinds" không được phép ở đây' in problems
    assert f'{PLAN}:{kind_line - 2} stages[0].kind: thiếu khóa bắt buộc "kind"' in problems
    assert f"{PLAN}:{year_line} year: phải là một số nguyên (nhận được 'năm 2023')" in problems


def test_two_tier_file_with_a_district_is_refused(config_copy: Path) -> None:
    path = config_copy / "units" / "lai-chau-2025.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text + "  - {code: huyen-moi, name: Huyện Mới, kind: district, parent: ubnd-tinh,"
        " rank_group: district}\n",
        encoding="utf-8",
    )
    last = len(text.splitlines()) + 1
    assert config.validate_paths([path]) == [
        f"config/units/lai-chau-2025.yaml:{last} units[{last - 6}].kind: "
        "tỉnh tổ chức chính quyền 2 cấp không có đơn vị cấp huyện"
    ]


def test_commune_under_a_department_is_refused(config_copy: Path) -> None:
    path = config_copy / "units" / "bac-kan.yaml"
    line = line_of(path, "code: xa-cao-ky")
    edit(path, line, "parent: huyen-cho-moi", "parent: so-noi-vu")
    (problem,) = config.validate_paths([path])
    assert problem.startswith(f"config/units/bac-kan.yaml:{line} units[")
    assert problem.endswith(
        '.parent: đơn vị cấp xã phải trực thuộc đơn vị có kind "district" (tỉnh 3 cấp)'
    )


def test_dependency_on_a_later_stage_is_refused(config_copy: Path) -> None:
    path = config_copy / "plans" / "ha-noi-2017.yaml"
    line = line_of(path, "depends_on: [van-ban-huong-dan]")
    edit(path, line, "van-ban-huong-dan", "cong-bo")
    assert config.validate_paths([path]) == [
        f"config/plans/ha-noi-2017.yaml:{line} stages[3].depends_on[0]: "
        "'cong-bo' là bước sau hoặc không có; chỉ phụ thuộc vào các bước trước"
    ]


def test_unreadable_deadline_quotes_the_phrase(config_copy: Path) -> None:
    path = config_copy / "plans" / "lai-chau-2018.yaml"
    line = line_of(path, 'deadline: "Tháng 02-03/2018"')
    edit(path, line, "Tháng 02-03/2018", "khi nào xong thì thôi")
    (problem,) = config.validate_paths([path])
    assert problem.startswith(f"config/plans/lai-chau-2018.yaml:{line} stages[2].deadline: ")
    assert "khi nào xong thì thôi" in problem


def test_window_opening_after_its_due_time_is_refused(config_copy: Path) -> None:
    path = config_copy / "plans" / "ha-noi-2017.yaml"
    line = line_of(path, "window: {opens: 2017-11-15")
    edit(path, line, "opens: 2017-11-15", "opens: 2018-03-01")
    assert config.validate_paths([path]) == [
        f"config/plans/ha-noi-2017.yaml:{line} stages[5].window: "
        "bắt đầu 01/03/2018 00:00, sau hạn 31/12/2017 23:59"
    ]


def test_duplicate_key_is_refused(config_copy: Path) -> None:
    path = config_copy / "bands.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "default: abcd\n", encoding="utf-8")
    last = len(path.read_text(encoding="utf-8").splitlines())
    assert config.validate_paths([path]) == [
        f'config/bands.yaml:{last} default: khóa "default" bị lặp lại'
    ]


def test_criteria_set_with_unknown_appraiser_is_refused(config_copy: Path) -> None:
    path = config_copy / "criteria" / "bac-kan-2023-so.yaml"
    line = line_of(path, "appraiser: so-tai-chinh")
    edit(path, line, "so-tai-chinh", "so-tai-chanh")
    assert config.validate_paths([path]) == [
        f"config/criteria/bac-kan-2023-so.yaml:{line} fields[5].appraiser: "
        "đơn vị 'so-tai-chanh' không có trong tệp đơn vị"
    ]


def test_unit_scored_by_two_sets_is_refused(config_copy: Path) -> None:
    path = config_copy / "plans" / "bac-kan-2023.yaml"
    line = line_of(path, "criteria_sets:")
    edit(path, line, "bac-kan-2023-xa]", "bac-kan-2023-xa, lai-chau-2024-xa]")
    problems = config.validate_paths([path])
    where = f"{PLAN}:{line} criteria_sets[3]: "
    assert problems[0] == where + (
        "bộ chỉ số 'lai-chau-2024-xa' dành cho lai-chau năm 2024, không phải bac-kan năm 2023"
    )
    assert problems[1] == where + (
        "108 đơn vị (đầu tiên là 'phuong-duc-xuan') được chấm theo cả 'bac-kan-2023-xa' và "
        "'lai-chau-2024-xa'"
    )
    assert len(problems) == 2


def test_loaders_raise_config_error_with_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "units.yaml"
    path.write_text("province: {code: x, name: X, tiers: 4}\nunits: []\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        config.load_units(path)
    assert [p.split(" ", 1)[1] for p in err.value.problems] == [
        "province.tiers: phải là một trong các giá trị 2 hoặc 3 (nhận được 4)",
        "units: phải có ít nhất 1 mục, hiện có 0",
    ]


def test_self_assessing_units_without_a_criteria_set_are_reported(config_copy: Path) -> None:
    path = config_copy / "plans" / "bac-kan-2023.yaml"
    line = line_of(path, "criteria_sets:")
    edit(path, line, ", bac-kan-2023-xa]", "]")
    scope = line_of(path, "scope: {kinds: [commune]}")
    assert config.validate_paths([path]) == [
        f"{PLAN}:{scope} stages[4].scope: 108 đơn vị trong phạm vi (đầu tiên là "
        "'phuong-duc-xuan') chưa có bộ chỉ số trong kế hoạch này"
    ]


def test_schema_vocabularies_match_the_model_enums() -> None:
    from typing import get_args

    from config.schema.criteria import Method
    from config.schema.plan import StageKind
    from config.schema.units import RankGroup, UnitKind
    from models import enums

    assert set(get_args(UnitKind)) == {k.value for k in enums.UnitKind}
    assert set(get_args(RankGroup)) == {k.value for k in enums.RankGroup}
    assert set(get_args(StageKind)) == {k.value for k in enums.StageKind}
    assert set(get_args(Method)) == {k.value for k in enums.Method}
