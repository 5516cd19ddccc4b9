"""The national catalogue read through the adapter: both periods and the province mapping."""

from __future__ import annotations

import pytest

from config.national import communes, districts, find_province, provinces
from config.national.catalogue import successor


def test_catalogue_2025_has_34_provinces_and_3321_communes() -> None:
    found = provinces(2025)
    assert len(found) == 34
    assert sum(len(communes(p.code, 2025)) for p in found) == 3321
    assert all(districts(p.code, 2025) == [] for p in found)


def test_catalogue_before_2025_has_63_provinces_with_districts() -> None:
    found = provinces(2024)
    assert len(found) == 63
    bac_kan = next(p for p in found if p.short == "Bắc Kạn")
    assert [d.name for d in districts(bac_kan.code, 2024)][:2] == [
        "Thành phố Bắc Kạn",
        "Huyện Pác Nặm",
    ]
    types = {c.type for c in communes(bac_kan.code, 2024)}
    assert types == {"xa", "phuong", "thi_tran"}


def test_special_zones_are_communes_of_type_dac_khu() -> None:
    quang_ninh = find_province("Quảng Ninh", 2025)
    assert quang_ninh is not None
    zones = [c.name for c in communes(quang_ninh.code, 2025) if c.type == "dac_khu"]
    assert "Đặc khu Vân Đồn" in zones


def test_former_province_maps_to_its_2025_province() -> None:
    ba_ria = find_province("Bà Rịa - Vũng Tàu", 2024)
    assert ba_ria is not None and successor(ba_ria.code) == "79"


@pytest.mark.parametrize(
    "written",
    ["TP Hà Nội", "Thành phố Hà Nội", "thanh pho ha noi", "Hà Nội", "ha-noi", "01", "1"],
)
def test_ha_noi_as_documents_write_it(written: str) -> None:
    found = find_province(written, 2025)
    assert found is not None and found.name == "Thành phố Hà Nội"


@pytest.mark.parametrize(
    "written",
    [
        "TP.HCM",
        "TPHCM",
        "TP. HCM",
        "Thành phố Hồ Chí Minh",
        "TP Hồ Chí Minh",
        "thanh pho ho chi minh",
    ],
)
def test_ho_chi_minh_as_documents_write_it(written: str) -> None:
    for year in (2024, 2025):
        found = find_province(written, year)
        assert found is not None and found.code == "79", (written, year)


@pytest.mark.parametrize(
    "written", ["tỉnh Bà Rịa - Vũng Tàu", "tinh Ba Ria - Vung Tau", "Bà Rịa–Vũng Tàu"]
)
def test_ba_ria_vung_tau_is_itself_before_2025_and_ho_chi_minh_after(written: str) -> None:
    before, after = find_province(written, 2024), find_province(written, 2025)
    assert before is not None and before.name == "Tỉnh Bà Rịa - Vũng Tàu"
    assert after is not None and after.name == "Thành phố Hồ Chí Minh"


def test_unknown_province_is_none() -> None:
    assert find_province("Tỉnh Không Có", 2025) is None
