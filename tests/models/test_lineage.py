"""Year-over-year across the 2025 reorganisation: survivors, mergers, provincial mergers, tiers.

The worked example of models/results/README.md ("Lineage"), world in tests/world/lineage.py.
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from sqlmodel import Session, select

from config.schema import UnitsFile
from models import UnitLineage
from models.catalog.sync import sync_units
from models.results.lineage import previous_campaigns
from models.results.read import list_results
from models.results.stats import block_stats
from tests.world.lineage import UNITS_2025, merged_province


def test_each_unit_compares_with_its_own_or_its_predecessors_history(session: Session) -> None:
    """Hand computation (2024 → 2025):
    - Sở Nội vụ survived, absorbing Sở Lao động (70): its own 80,00 → 85,50, change +5,50
      (not Tỉnh B's Sở Nội vụ, 60, nor Sở Lao động's 70);
    - Sở NN&MT is new: (84 + 90) / 2 = 87,00 → 89,00, change +2,00 (equal weights);
    - Xã An Bình is new from Tỉnh A's Xã An (75) and Tỉnh B's Xã Bình (85): 80,00 → 82,00, +2,00;
    - Phường Châu is Tỉnh B's Xã Châu renamed: 91,00 → 93,25, +2,25;
    - Xã Đông on former Huyện Đông's ground (a district, 88): not comparable, no figure;
    - Sở Mới has no history: nothing to compare.
    """
    campaign = merged_province(session)
    rows = {r.unit_code: r for r in list_results(session=session, campaign_id=campaign.id)}
    got = {c: (r.comparison, r.previous_index, r.change) for c, r in rows.items()}
    assert got == {
        "so-noi-vu": ("own", 80.0, 5.5),
        "so-nn-mt": ("merged", 87.0, 2.0),
        "xa-an-binh": ("merged", 80.0, 2.0),
        "phuong-chau": ("renamed", 91.0, 2.25),
        "xa-dong": ("not_comparable", None, None),
        "so-moi": (None, None, None),
    }
    sources = [(s["province"], s["code"], s["weight"]) for s in rows["xa-an-binh"].compared_with]
    assert sorted(sources) == [("tinh-a", "xa-an", 0.5), ("tinh-b", "xa-binh", 0.5)]
    assert rows["xa-dong"].as_json()["change"] is None


def test_the_merged_campaign_links_both_former_provinces_campaigns(session: Session) -> None:
    campaign = merged_province(session)
    found = previous_campaigns(session=session, campaign=campaign)
    assert {p: c.code for p, c in found.items()} == {
        "tinh-a": "tinh-a-2024",
        "tinh-b": "tinh-b-2024",
    }
    links = session.exec(select(UnitLineage).where(UnitLineage.predecessor_code == "xa-binh"))
    assert [lin.predecessor_province for lin in links] == ["tinh-b"]


def test_block_change_counts_only_comparable_units(session: Session) -> None:
    """Departments: (+5,50 + 2,00) / 2 = +3,75 over 2 units (Sở Mới has no history).
    Communes (xã): Xã An Bình +2,00 only; Xã Đông is not comparable and left out."""
    campaign = merged_province(session)
    rows = list_results(session=session, campaign_id=campaign.id)
    departments = block_stats("department", "Sở", [r for r in rows if r.kind == "department"], [])
    communes = block_stats("commune", "Xã", [r for r in rows if r.rank_group == "commune"], [])
    assert (str(departments.change), departments.compared) == ("3.75", 2)
    assert (str(communes.change), communes.compared) == ("2.00", 1)


def test_a_hand_edited_lineage_replaces_the_synced_one(session: Session) -> None:
    """Override: the file drops Sở Nội vụ's link and makes Phường Châu a merge of two communes;
    a new sync leaves exactly the file's links and the comparison follows them."""
    campaign = merged_province(session)
    doc = {**UNITS_2025, "units": [dict(u) for u in UNITS_2025["units"]]}
    by_code = {u["code"]: u for u in doc["units"]}
    by_code["so-noi-vu"]["predecessors"] = []
    by_code["phuong-chau"]["predecessors"] = [
        {"code": "xa-chau", "year": 2025, "change": "merge", "province": "tinh-b"},
        {"code": "xa-binh", "year": 2025, "change": "merge", "province": "tinh-b"},
    ]
    sync_units(session=session, units_cfg=UnitsFile.model_validate(doc))
    session.commit()
    rows = {r.unit_code: r for r in list_results(session=session, campaign_id=campaign.id)}
    assert (rows["phuong-chau"].comparison, rows["phuong-chau"].previous_index) == ("merged", 88.0)
    assert (rows["so-noi-vu"].comparison, rows["so-noi-vu"].previous_index) == ("own", 80.0)
    assert not session.exec(
        select(UnitLineage).where(UnitLineage.predecessor_code == "so-lao-dong")
    ).all()


@pytest.mark.parametrize(
    ("links", "problem"),
    [
        ([("xa-chau", "rename", "tinh-b"), ("xa-binh", "rename", "tinh-b")], "hãy dùng \"merge\""),
        ([("xa-chau", "merge", "tinh-b"), ("xa-chau", "merge", "tinh-b")], "được ghi hai lần"),
        ([("xa-chau", "rename", "tinh-a")], "bỏ khóa \"province\""),
        ([("xa-chau", "sáp nhập", "tinh-b")], "change"),
    ],
)
def test_a_hand_typed_predecessor_is_checked(links: list, problem: str) -> None:
    doc = {**UNITS_2025, "units": [dict(u) for u in UNITS_2025["units"]]}
    ward = next(u for u in doc["units"] if u["code"] == "phuong-chau")
    ward["predecessors"] = [
        {"code": c, "year": 2025, "change": ch} | ({"province": p} if p else {})
        for c, ch, p in links
    ]
    with pytest.raises(ValidationError, match=problem):
        UnitsFile.model_validate(doc)


def test_the_former_three_tier_file_leaves_the_2025_links_alone(session: Session) -> None:
    """Tỉnh A's 3-tier file (no links, no effective date) shares Sở Nội vụ and Sở NN&MT's code
    space; syncing it again must not undo the 2025 file's links."""
    campaign = merged_province(session)
    before = {
        "province": {"code": "tinh-a", "name": "Tỉnh A", "tiers": 3},
        "units": [
            {"code": "ubnd-tinh", "name": "UBND tỉnh A", "kind": "province"},
            {
                "code": "so-noi-vu",
                "name": "Sở Nội vụ",
                "kind": "department",
                "parent": "ubnd-tinh",
                "rank_group": "department",
            },
            {
                "code": "so-nn-mt",
                "name": "Sở NN&MT",
                "kind": "department",
                "parent": "ubnd-tinh",
                "rank_group": "department",
            },
        ],
    }
    sync_units(session=session, units_cfg=UnitsFile.model_validate(before))
    session.commit()
    rows = {r.unit_code: r for r in list_results(session=session, campaign_id=campaign.id)}
    assert (rows["so-nn-mt"].comparison, rows["so-nn-mt"].previous_index) == ("merged", 87.0)
    assert len(session.exec(select(UnitLineage)).all()) == 7  # 1 + 2 + 2 + 1 + 1, as written


def test_departments_linked_to_a_merged_in_province_as_units_init_writes_them(
    session: Session,
) -> None:
    """`units init` links each 2025 department to its counterparts in the former provinces
    merged in (`province: tinh-b`). Hand computation:
    - Sở Nội vụ links Sở Lao động and Tỉnh B's Sở Nội vụ (60) but survived: its own 80,00 →
      85,50, +5,50;
    - Sở Mới, new, links Tỉnh A's Sở Lao động (70) and Tỉnh B's Sở Nội vụ (60): (70 + 60) / 2 =
      65,00 → 77,00, +12,00: the history of both former provinces."""
    campaign = merged_province(session)
    doc = {**UNITS_2025, "units": [dict(u) for u in UNITS_2025["units"]]}
    by_code = {u["code"]: u for u in doc["units"]}
    from_b = {"code": "so-noi-vu", "year": 2025, "change": "merge", "province": "tinh-b"}
    by_code["so-noi-vu"]["predecessors"] = [
        {"code": "so-lao-dong", "year": 2025, "change": "merge"}, from_b]  # fmt: skip
    by_code["so-moi"]["predecessors"] = [
        {"code": "so-lao-dong", "year": 2025, "change": "merge"}, from_b]  # fmt: skip
    sync_units(session=session, units_cfg=UnitsFile.model_validate(doc))
    session.commit()
    rows = {r.unit_code: r for r in list_results(session=session, campaign_id=campaign.id)}
    got = {
        c: (rows[c].comparison, rows[c].previous_index, rows[c].change)
        for c in ("so-noi-vu", "so-moi")
    }
    assert got == {"so-noi-vu": ("own", 80.0, 5.5), "so-moi": ("merged", 65.0, 12.0)}
    sources = [(s["province"], s["code"]) for s in rows["so-moi"].compared_with]
    assert sorted(sources) == [("tinh-a", "so-lao-dong"), ("tinh-b", "so-noi-vu")]
