"""Contact values: e-mail syntax, Vietnamese phones normalised to +84…, Zalo ids, quiet hours."""

from __future__ import annotations

from datetime import time

import pytest

from cchc.contacts import clean_contacts, clean_email, clean_phone, clean_zalo
from cchc.errors import ValidationError
from deadlines.quiet import in_quiet_hours


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0912 345 678", "+84912345678"),
        ("0912.345.678", "+84912345678"),
        ("+84 912 345 678", "+84912345678"),
        ("84912345678", "+84912345678"),
        ("+84 (0) 912-345-678", "+84912345678"),
        ("0209 3870 123", "+842093870123"),  # a landline (Bắc Kạn's 0209)
    ],
)
def test_phone_is_normalised_to_plus_84(typed, stored):
    assert clean_phone(typed) == stored


@pytest.mark.parametrize("typed", ["12345", "0112345678", "+1 202 555 0100", "09123", "x" * 40])
def test_phone_that_is_not_vietnamese_is_refused_in_vietnamese(typed):
    with pytest.raises(ValidationError, match="số điện thoại"):
        clean_phone(typed)


def test_email_and_zalo_are_checked_and_bounded():
    assert clean_email(" van-phong@snv.backan.gov.vn ") == "van-phong@snv.backan.gov.vn"
    for bad in ("van-phong", "a@b", "a b@c.vn", "a@b.vn,c@d.vn"):
        with pytest.raises(ValidationError, match="thư điện tử"):
            clean_email(bad)
    with pytest.raises(ValidationError, match="dài quá 254"):
        clean_email("a" * 250 + "@x.vn")
    assert clean_zalo("4213456789012345678") == "4213456789012345678"
    with pytest.raises(ValidationError, match="Zalo"):
        clean_zalo("<script>")


def test_every_problem_is_reported_and_blank_clears():
    assert clean_contacts({"email": " ", "phone": None}) == {"email": None, "phone": None}
    with pytest.raises(ValidationError) as caught:
        clean_contacts({"email": "x", "phone": "1", "zalo": "ok"})
    assert len(caught.value.problems) == 2


@pytest.mark.parametrize(
    ("at", "held"),
    [(time(20, 59), False), (time(21, 0), True), (time(3, 0), True), (time(7, 0), False)],
)
def test_quiet_hours_wrap_midnight(at, held):
    assert in_quiet_hours(at, start=time(21), end=time(7)) is held
    assert not in_quiet_hours(at, start=time(7), end=time(7))  # an empty window holds nothing
