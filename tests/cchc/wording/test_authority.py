"""Who speaks in a message: UBND tỉnh … or UBND thành phố … for a centrally-run city."""

from __future__ import annotations

import pytest

from cchc.wording.authority import authority, place_name


@pytest.mark.parametrize(
    ("province", "expected"),
    [
        ("UBND Thành phố Hà Nội", "UBND thành phố Hà Nội"),
        ("Hà Nội", "UBND thành phố Hà Nội"),
        ("TP. Hồ Chí Minh", "UBND thành phố Hồ Chí Minh"),
        ("thành phố Huế", "UBND thành phố Huế"),
        ("UBND tỉnh Bắc Kạn", "UBND tỉnh Bắc Kạn"),
        ("Tỉnh Lào Cai", "UBND tỉnh Lào Cai"),
        ("", "UBND tỉnh"),
    ],
)
def test_authority_names_the_province_or_the_centrally_run_city(province, expected):
    assert authority(province) == expected


def test_place_name_drops_the_prefix_only():
    assert place_name("UBND tỉnh Thừa Thiên Huế") == "Thừa Thiên Huế"
    assert authority("Thừa Thiên Huế") == "UBND tỉnh Thừa Thiên Huế"  # a province until 2025
