"""Plan import never misreads silently: one test document per class of issue #13, built here."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cchc.errors import ValidationError
from config import load_plan, load_units
from config.national import to_yaml, units_for
from planimport import ImportResult, import_plan
from planimport.dump import to_yaml as plan_yaml
from tests.planimport.helpers import stages, window

HEAD = (
    "UBND TỈNH LẠNG SƠN\nSố: 88/KH-UBND\nLạng Sơn, ngày 15 tháng 10 năm 2025\n\n"
    "KẾ HOẠCH\nXác định Chỉ số cải cách hành chính năm 2025\n\n"
    "STT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian\n"
)
SIGNATURE = "\nNơi nhận:\n- Như trên;\nTM. ỦY BAN NHÂN DÂN\nLạng Sơn, ngày 15 tháng 10 năm 2025\n"


@pytest.fixture(scope="module")
def units_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Units files of Lạng Sơn written by `units init` for 2025 (2 tiers) and 2024 (3 tiers)."""
    folder = tmp_path_factory.mktemp("config") / "units"
    folder.mkdir()
    for year in (2024, 2025):
        (folder / f"lang-son-{year}.yaml").write_text(
            to_yaml(units_for("Lạng Sơn", year)), encoding="utf-8"
        )
    return folder


def _plan(
    tmp_path: Path, units_dir: Path, rows: list[str], year: int = 2025, head: str = HEAD
) -> ImportResult:
    path = tmp_path / "ke-hoach.txt"
    path.write_text(head + "\n".join(rows) + "\n" + SIGNATURE, encoding="utf-8")
    return import_plan(path, units=load_units(units_dir / f"lang-son-{year}.yaml"))


def _reasons(result: ImportResult, stage: str) -> list[str]:
    return [r.reason for r in result.reviews if r.stage == stage]


def test_date_without_a_year_takes_the_campaign_calendar_and_is_flagged(
    tmp_path: Path, units_dir: Path
) -> None:
    result = _plan(
        tmp_path,
        units_dir,
        [
            "1\tTự đánh giá, chấm điểm\tcác sở, ban, ngành\tSở Nội vụ\ttrước ngày 10-1",
            "2\tHướng dẫn tự đánh giá\tSở Nội vụ\t\tngày 22/11",
            "3\tThẩm định kết quả\tHội đồng thẩm định\tSở Nội vụ\tngày 22/1",
        ],
    )
    s = stages(result)
    assert window(s[0]) == (date(2026, 1, 1), date(2026, 1, 9))  # January → Y+1
    assert window(s[1]) == (date(2025, 11, 22), date(2025, 11, 22))  # November → Y
    assert window(s[2]) == (date(2026, 1, 22), date(2026, 1, 22))
    for code, chosen in (("s01", 2026), ("s02", 2025), ("s03", 2026)):
        assert any(
            f"chọn năm {chosen} theo lịch chiến dịch" in why for why in _reasons(result, code)
        )
    assert all(s["needs_review"] for s in stages(result))


def test_own_date_number_and_signature_are_metadata_never_stages(
    tmp_path: Path, units_dir: Path
) -> None:
    result = _plan(tmp_path, units_dir, ["1\tCông bố Chỉ số\tUBND tỉnh\tSở Nội vụ\tTháng 3/2026"])
    assert result.plan["decision_no"] == "88/KH-UBND"
    assert result.plan["issued_on"] == date(2025, 10, 15)
    assert [s["title"] for s in stages(result)] == ["Công bố Chỉ số"]
    assert not any("15 tháng 10" in (s.get("deadline") or "") for s in stages(result))


def test_prose_plan_signature_and_header_are_not_stages(tmp_path: Path, units_dir: Path) -> None:
    path = tmp_path / "ke-hoach.txt"
    path.write_text(
        "UBND TỈNH LẠNG SƠN\nSố: 12/KH-UBND\nLạng Sơn, ngày 03 tháng 11 năm 2025\n\nKẾ HOẠCH\n"
        "Xác định Chỉ số cải cách hành chính năm 2025\n\n"
        "1. Các sở, ban, ngành tự đánh giá, chấm điểm, gửi Sở Nội vụ chậm nhất ngày 15/12/2025.\n"
        "2. Sở Nội vụ tổng hợp, trình UBND tỉnh trước ngày 20/02/2026.\n" + SIGNATURE,
        encoding="utf-8",
    )
    result = import_plan(path, units=load_units(units_dir / "lang-son-2025.yaml"))
    assert (
        result.plan["issued_on"] == date(2025, 11, 3) and result.plan["decision_no"] == "12/KH-UBND"
    )
    assert [window(s)[1] for s in stages(result)] == [date(2025, 12, 15), date(2026, 2, 19)]


@pytest.mark.parametrize(
    ("written", "opens", "due", "rule"),
    [
        ("đầu năm 2026", date(2026, 1, 1), date(2026, 1, 31), "đọc là tháng 1/2026"),
        ("đầu tháng 01/2026", date(2026, 1, 1), date(2026, 1, 10), "đầu tháng: ngày 1–10"),
        ("giữa tháng 12/2025", date(2025, 12, 11), date(2025, 12, 20), "giữa tháng: ngày 11–20"),
        ("cuối tháng 02/2026", date(2026, 2, 21), date(2026, 2, 28), "cuối tháng: ngày 21"),
        ("quý I/2026", date(2026, 1, 1), date(2026, 3, 31), "quý: cả quý"),
        ("trong tuần đầu tháng 3/2026", date(2026, 3, 1), date(2026, 3, 7), "7 ngày đầu tháng"),
    ],
)
def test_loose_wording_is_read_by_the_documented_rule_and_flagged(
    tmp_path: Path, units_dir: Path, written: str, opens: date, due: date, rule: str
) -> None:
    result = _plan(tmp_path, units_dir, [f"1\tCông bố Chỉ số\tUBND tỉnh\tSở Nội vụ\t{written}"])
    [stage] = stages(result)
    assert window(stage) == (opens, due) and stage["needs_review"]
    assert any(rule in why for why in _reasons(result, "s01")), _reasons(result, "s01")


def test_month_part_without_a_month_takes_the_stage_above(tmp_path: Path, units_dir: Path) -> None:
    result = _plan(
        tmp_path,
        units_dir,
        [
            "1\tHướng dẫn tự đánh giá\tSở Nội vụ\t\tTháng 11/2025",
            "2\tTự đánh giá, chấm điểm\tcác sở, ban, ngành\tSở Nội vụ\tcuối tháng",
        ],
    )
    assert window(stages(result)[1]) == (date(2025, 11, 21), date(2025, 11, 30))
    assert any("lấy tháng của giai đoạn trước (11/2025)" in why for why in _reasons(result, "s02"))


def test_start_and_end_in_two_rows_become_one_stage(tmp_path: Path, units_dir: Path) -> None:
    result = _plan(
        tmp_path,
        units_dir,
        [
            "1\tBắt đầu tự đánh giá, chấm điểm\tUBND các xã, phường\tSở Nội vụ\tTừ ngày 05/01/2026",
            "2\tHoàn thành tự đánh giá\tUBND các xã, phường\tSở Nội vụ\tĐến ngày 20/01/2026",
            "3\tBắt đầu thẩm định\tHội đồng thẩm định\tSở Nội vụ\tTừ ngày 25/01/2026",
            "4\tCông bố Chỉ số\tUBND tỉnh\tSở Nội vụ\tTháng 3/2026",
        ],
    )
    s = stages(result)
    assert len(s) == 3
    assert window(s[0]) == (date(2026, 1, 5), date(2026, 1, 20))
    assert any("gộp thành một giai đoạn" in why for why in _reasons(result, "s01"))
    assert "window" not in s[1]  # a start whose end is nowhere: reviewed, never guessed
    assert any("chỉ có mốc bắt đầu" in why for why in _reasons(result, "s02"))


def test_a_year_typed_wrong_is_flagged_never_corrected(tmp_path: Path, units_dir: Path) -> None:
    """Issued 15/10/2025: a publication "27/02/2025" is before the issue date and before the
    appraisal it waits for; both are said, and the date stays as the document wrote it."""
    result = _plan(
        tmp_path,
        units_dir,
        [
            "1\tTự đánh giá, chấm điểm\tcác sở, ban, ngành\tSở Nội vụ\tchậm nhất ngày 15/12/2025",
            "2\tThẩm định kết quả\tHội đồng thẩm định\tSở Nội vụ\tchậm nhất ngày 20/01/2026",
            "3\tCông bố Chỉ số CCHC\tUBND tỉnh\tSở Nội vụ\tchậm nhất ngày 27/02/2025",
        ],
    )
    reasons = _reasons(result, "s03")
    assert any("trước ngày ban hành kế hoạch (15/10/2025)" in r for r in reasons)
    assert any("trước hạn của giai đoạn s02 (20/01/2026)" in r for r in reasons)
    assert window(stages(result)[2])[1] == date(2025, 2, 27)
    assert not _reasons(result, "s01") and not _reasons(result, "s02")


def test_document_without_a_timeline_is_refused(tmp_path: Path, units_dir: Path) -> None:
    with pytest.raises(ValidationError, match="không tìm thấy mốc thời gian"):
        _plan(tmp_path, units_dir, ["1\tTự đánh giá, chấm điểm\tcác sở, ban, ngành\tSở Nội vụ\t"])
    prose = tmp_path / "prose.txt"
    prose.write_text(
        "KẾ HOẠCH\nCải cách hành chính tỉnh Lạng Sơn năm 2025\nCác sở thực hiện nghiêm túc.\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError, match="không tìm thấy mốc thời gian"):
        import_plan(prose, units=load_units(units_dir / "lang-son-2025.yaml"))


@pytest.mark.parametrize(("plan_year", "units_year"), [(2025, 2024), (2024, 2025)])
def test_plan_year_and_units_tiers_must_agree(
    tmp_path: Path, units_dir: Path, plan_year: int, units_year: int
) -> None:
    head = HEAD.replace("năm 2025\n\nSTT", f"năm {plan_year}\n\nSTT")
    row = f"1\tCông bố Chỉ số\tUBND tỉnh\tSở Nội vụ\tTháng 3/{plan_year + 1}"
    with pytest.raises(ValidationError) as caught:
        _plan(tmp_path, units_dir, [row], year=units_year, head=head)
    message = str(caught.value)
    assert f"cchc units init --province lang-son --year {plan_year}" in message
    assert f"mô hình {2 if plan_year >= 2025 else 3} cấp" in message


def test_group_leads_resolve_to_the_rank_groups_of_the_years_units(
    tmp_path: Path, units_dir: Path
) -> None:
    result = _plan(
        tmp_path,
        units_dir,
        [
            "1\tTự đánh giá, chấm điểm\tcác sở, ban, ngành\tSở Nội vụ\tchậm nhất ngày 15/12/2025",
            "2\tTự đánh giá, chấm điểm\tUBND các xã, phường\tSở Nội vụ\tchậm nhất ngày 15/12/2025",
            "3\tThẩm định kết quả\tHội đồng thẩm định\tSở Nội vụ\tchậm nhất ngày 20/01/2026",
            "4\tCông bố Chỉ số\tUBND tỉnh\tSở Nội vụ\tTháng 3/2026",
        ],
    )
    plans = tmp_path / "plans"
    plans.mkdir()
    (tmp_path / "units").symlink_to(units_dir)
    result.plan["units"] = "lang-son-2025"
    for stage in result.plan["stages"]:
        stage.pop("needs_review", None), stage.pop("review_notes", None)
    (plans / "p.yaml").write_text(plan_yaml(result), encoding="utf-8")
    plan = load_plan(plans / "p.yaml")
    units = plan.unit_set.by_code()
    groups = [{units[c].rank_group for c in stage.scope_units} for stage in plan.stages[:2]]
    assert groups == [{"department"}, {"commune", "ward"}]
    assert len(plan.stages[1].scope_units) == 65  # every xã and phường of Lạng Sơn from 2025


@pytest.mark.parametrize("place", ["TP.HCM", "TPHCM", "Thành phố Hồ Chí Minh"])
def test_province_as_the_document_writes_it_resolves_to_the_catalogue(
    tmp_path: Path, place: str
) -> None:
    units = tmp_path / "hcm.yaml"
    units.write_text(to_yaml(units_for("TP.HCM", 2025)), encoding="utf-8")
    path = tmp_path / "ke-hoach.txt"
    head = HEAD.replace("Lạng Sơn, ngày", f"{place}, ngày").replace("UBND TỈNH LẠNG SƠN", "UBND")
    path.write_text(
        head + "1\tCông bố Chỉ số\tUBND thành phố\tSở Nội vụ\tTháng 3/2026\n", encoding="utf-8"
    )
    result = import_plan(path, units=load_units(units))
    assert (result.plan["province"], result.plan["code"]) == ("ho-chi-minh", "ho-chi-minh-2025")
    assert stages(result)[0]["lead"] == ["ubnd-thanh-pho"]


def test_missing_units_file_names_units_init_as_the_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cchc.settings import get_settings

    (tmp_path / "config" / "units").mkdir(parents=True)
    monkeypatch.setenv("CCHC_CONFIG_DIR", str(tmp_path / "config"))
    get_settings.cache_clear()
    path = tmp_path / "ke-hoach.txt"
    path.write_text(
        HEAD + "1\tCông bố Chỉ số\tUBND tỉnh\tSở Nội vụ\tTháng 3/2026\n", encoding="utf-8"
    )
    try:
        result = import_plan(path)
    finally:
        get_settings.cache_clear()
    [units] = [r for r in result.reviews if r.field == "tệp đơn vị"]
    assert "cchc units init --province lang-son --year 2025" in units.reason
