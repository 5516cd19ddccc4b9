"""The Lai Châu 2024 criteria sets keep seed 002's counts and totals exactly."""

from __future__ import annotations

import pytest

import config
from config.schema import CriteriaSet
from tests.config.conftest import CONFIG


def load(code: str) -> CriteriaSet:
    """Load a shipped criteria set."""
    return config.load_criteria_set(CONFIG / "criteria" / f"{code}.yaml")


def per_field(cs: CriteriaSet) -> list[tuple[int, int]]:
    """(criteria, sub-criteria) per field."""
    return [(len(f.criteria), sum(len(c.sub_criteria) for c in f.criteria)) for f in cs.fields]


def sums(cs: CriteriaSet) -> tuple[float, float]:
    """(self, survey) points summed over the leaves."""
    leaves = cs.leaves()
    return (
        sum(i.max_points for i in leaves if i.method == "self"),
        sum(i.max_points for i in leaves if i.method == "survey"),
    )


def test_departments_per_field_counts_match_seed() -> None:
    cs = load("lai-chau-2024-so")
    assert per_field(cs) == [(7, 4), (4, 4), (13, 11), (4, 10), (6, 7), (5, 4), (4, 6), (7, 0)]
    assert (cs.total, cs.self_total, cs.survey_total) == (100, 77, 23)
    assert sums(cs) == (77, 23)


def test_districts_per_field_counts_match_seed() -> None:
    cs = load("lai-chau-2024-huyen")
    assert per_field(cs) == [(8, 4), (4, 4), (10, 7), (4, 10), (6, 7), (6, 2), (4, 6), (10, 2)]
    assert (cs.total, cs.self_total, cs.survey_total) == (100, 72, 28)
    assert sums(cs) == (72, 28)


@pytest.mark.parametrize(
    ("code", "unit", "total", "self_part", "survey", "crits", "subs"),
    [
        ("lai-chau-2024-thanh-tra", "thanh-tra-tinh", 91.0, 68.0, 23, 46, 37),
        ("lai-chau-2024-ban-dan-toc", "ban-dan-toc", 70.5, 50.5, 20, 37, 30),
        ("lai-chau-2024-van-phong-ubnd", "van-phong-ubnd-tinh", 72.75, 52.75, 20, 38, 32),
        ("lai-chau-2024-so-ngoai-vu", "so-ngoai-vu", 66.25, 46.25, 20, 35, 26),
    ],
)
def test_special_agency_sets_match_seed(
    code: str, unit: str, total: float, self_part: float, survey: float, crits: int, subs: int
) -> None:
    cs = load(code)
    assert cs.tier == "special" and cs.applies_to.units == [unit]
    assert len(cs.fields) == 8
    assert (cs.total, cs.self_total, cs.survey_total) == (total, self_part, survey)
    assert sums(cs) == (self_part, survey)
    counts = per_field(cs)
    assert (sum(c for c, _ in counts), sum(s for _, s in counts)) == (crits, subs)


def test_fields_are_appraised_by_the_agencies_the_seeds_name() -> None:
    cs = load("lai-chau-2024-so")
    appraisers = {f.title: f.appraiser for f in cs.fields}
    assert appraisers["Cải cách thủ tục hành chính"] == "van-phong-ubnd-tinh"
    assert appraisers["Cải cách thể chế"] == "so-tu-phap"
    assert appraisers["Cải cách tài chính công"] == "so-tai-chinh"
    assert appraisers["Xây dựng và phát triển Chính quyền điện tử, Chính quyền số"] == (
        "so-thong-tin-va-truyen-thong"
    )
    assert appraisers["Cải cách chế độ công vụ"] == "so-noi-vu"


def test_items_flatten_in_document_order_with_leaf_flags() -> None:
    items = load("lai-chau-2024-so").items()
    assert len(items) == 8 + 50 + 46
    assert [i.code for i in items[:3]] == ["1", "1.1", "1.1.1"]
    assert (
        sum(i.is_leaf for i in items)
        == 50 - sum(1 for i in items if i.level == 2 and not i.is_leaf) + 46
    )
    assert all(i.method == "survey" for i in items if i.is_leaf and i.step is None)
