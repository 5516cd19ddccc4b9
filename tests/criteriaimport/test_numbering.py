"""STT cells as decisions write them."""

from __future__ import annotations

import pytest

from criteriaimport.numbering import Number, read_number


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        ("IV", "", Number("roman", ("IV",))),
        ("II.", "", Number("roman", ("II",))),
        ("1)", "", Number("arabic", ("1",))),
        ("1.2.", "", Number("arabic", ("1", "2"))),
        ("b)", "", Number("letter", ("b",))),
        ("đ.", "", Number("letter", ("đ",))),
        ("", "Tổng cộng", Number("total")),
        ("Tổng", "", Number("total")),
        ("A", "", Number("none", ("A",))),
        ("", "tiếp theo", Number("none")),
    ],
)
def test_read_number(text: str, title: str, expected: Number) -> None:
    assert read_number(text, title) == expected
