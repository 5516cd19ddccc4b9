"""Every shipped config file validates, and the counts of what ships are as documented."""

from __future__ import annotations

from collections import Counter

import config
from tests.config.conftest import CONFIG


def test_validate_shipped_config_is_clean() -> None:
    report = config.validate_report([CONFIG])
    assert report.problems == []
    assert report.counts["units"] >= 5
    assert report.counts["criteria"] >= 12
    assert report.counts["plan"] >= 5
    assert report.counts["survey"] >= 2
    assert report.counts["bands"] == 1 and report.counts["calendar"] == 1


def test_load_every_plan_resolves_windows_and_units() -> None:
    for path in sorted((CONFIG / "plans").glob("*.yaml")):
        plan = config.load_plan(path)
        for stage in plan.stages:
            assert stage.opens_at <= stage.due_at, (path.name, stage.code)
            assert stage.opens_at.utcoffset().total_seconds() == 7 * 3600
            assert stage.lead_units and stage.deadline or stage.window


def test_lai_chau_units_match_seed_002() -> None:
    units = config.load_units(CONFIG / "units" / "lai-chau.yaml")
    kinds = Counter(u.kind for u in units.units)
    assert units.province.tiers == 3
    assert kinds["district"] == 8 and kinds["commune"] >= 40
    special = {u.code for u in units.units if u.rank_group == "special"}
    assert special == {"ban-dan-toc", "thanh-tra-tinh", "so-ngoai-vu", "van-phong-ubnd-tinh"}
    assert "ban-quan-ly-khu-kinh-te" in units.by_code()
    assert units.by_code()["buu-dien-tinh"].kind == "central_agency"


def test_bac_kan_units_have_108_communes_under_8_districts() -> None:
    units = config.load_units(CONFIG / "units" / "bac-kan.yaml")
    by_code = units.by_code()
    communes = [u for u in units.units if u.kind == "commune"]
    assert len(communes) == 108
    assert {by_code[c.parent].kind for c in communes} == {"district"}
    assert len([u for u in units.units if u.kind == "district"]) == 8
    assert by_code["to-tham-dinh"].role == "appraisal_council"


def test_two_tier_sample_has_no_districts_and_links_history() -> None:
    units = config.load_units(CONFIG / "units" / "lai-chau-2025.yaml")
    kinds = Counter(u.kind for u in units.units)
    assert units.province.tiers == 2 and kinds["district"] == 0 and kinds["commune"] == 38
    assert {u.parent for u in units.units if u.kind == "commune"} == {"ubnd-tinh"}
    khcn = units.by_code()["so-khoa-hoc-va-cong-nghe"]
    assert [p.code for p in khcn.predecessors] == ["so-thong-tin-va-truyen-thong"]
    plan = config.load_plan(CONFIG / "plans" / "lai-chau-2025.yaml")
    assert len(plan.stage("xa-tu-danh-gia").scope_units) == 38


def test_survey_groups_match_seed_000() -> None:
    survey = config.load_survey(CONFIG / "survey" / "lai-chau.yaml")
    sizes = {g.code: g.sample_size for g in survey.groups}
    assert sizes == {
        "dai-bieu-hdnd-tinh": 30,
        "lanh-dao-so": 57,
        "lanh-dao-phong-cap-so": 57,
        "lanh-dao-ubnd-huyen": 9,
        "nguoi-dan-doanh-nghiep": None,
    }
    assert survey.answer_weights == {"A": 1.0, "B": 0.6, "C": 0.2, "D": 0.0}


def test_bands_classify_both_schemes() -> None:
    bands = config.load_bands(CONFIG / "bands.yaml")
    assert bands.scheme().classify(90).code == "A"
    assert bands.scheme().classify(89.99).code == "B"
    assert bands.scheme().classify(12).code == "D"
    assert bands.scheme("tot-kha-tb-yeu").classify(75).code == "Trung bình"


def test_calendar_overrides_make_up_saturdays() -> None:
    cal = config.load_calendar(CONFIG / "calendar.yaml")
    assert {d.date.isoformat() for d in cal.root[2025].working_days} == {"2025-02-08", "2025-04-26"}
    assert all(d.date.weekday() >= 5 for y in cal.root.values() for d in y.working_days)
