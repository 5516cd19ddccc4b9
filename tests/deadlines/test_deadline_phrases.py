"""Every phrase form of parse_deadline, year inference, and refusals quoting the phrase."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from cchc.clock import LOCAL_TZ
from cchc.errors import DeadlinePhraseError
from deadlines import find_deadline, find_deadlines, mentions_hour, parse_deadline


def _days(text: str, **kw: object) -> tuple[str, str, str]:
    """Parse and return (rule, first day, last day) as ISO dates."""
    w = parse_deadline(text, **kw)  # type: ignore[arg-type]
    return w.rule, w.opens_at.date().isoformat(), w.due_at.date().isoformat()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("chậm nhất ngày 05/02/2018", ("by_end_of_day", "2018-02-01", "2018-02-05")),
        ("chậm nhất là ngày 5-2-2018", ("by_end_of_day", "2018-02-01", "2018-02-05")),
        ("CHẬM NHẤT VÀO NGÀY 05.02.2018", ("by_end_of_day", "2018-02-01", "2018-02-05")),
        ("cham nhat la ngay 5/2/18", ("by_end_of_day", "2018-02-01", "2018-02-05")),
        ("muộn nhất ngày 30 tháng 01 năm 2018", ("by_end_of_day", "2018-01-01", "2018-01-30")),
        ("hạn chót: 10/11/2021", ("by_end_of_day", "2021-11-01", "2021-11-10")),
        ("đến hết ngày 10/11/2021", ("by_end_of_day", "2021-11-01", "2021-11-10")),
        ("trước ngày 10/02/2018", ("before_day", "2018-02-01", "2018-02-09")),
        ("trước ngày 01/03/2018", ("before_day", "2018-02-01", "2018-02-28")),
        ("Truoc 1-1-2024", ("before_day", "2023-12-01", "2023-12-31")),
        ("ngày 15/8/2017", ("on_day", "2017-08-15", "2017-08-15")),
        ("Họp vào ngày 30 tháng 01 năm 2018.", ("on_day", "2018-01-30", "2018-01-30")),
        ("15/08/2017", ("on_day", "2017-08-15", "2017-08-15")),
        ("Tháng 10/2023", ("month", "2023-10-01", "2023-10-31")),
        ("hoàn thành trong tháng 12/2021", ("month", "2021-12-01", "2021-12-31")),
        ("dự kiến trong tháng 7/2017", ("month", "2017-07-01", "2017-07-31")),
        ("tháng 2 năm 2024", ("month", "2024-02-01", "2024-02-29")),
        ("thang 10-2023", ("month", "2023-10-01", "2023-10-31")),
        ("trước tháng 1/2024", ("before_month", "2023-12-01", "2023-12-31")),
        ("Từ tháng 8/2017 đến tháng 11/2017", ("month_range", "2017-08-01", "2017-11-30")),
        ("dự kiến từ tháng 6/2017 đến tháng 7/2017", ("month_range", "2017-06-01", "2017-07-31")),
        ("Tháng 02-03/2018", ("month_range", "2018-02-01", "2018-03-31")),
        ("Tháng 12/2023-01/2024", ("month_range", "2023-12-01", "2024-01-31")),
        ("từ tháng 11 đến tháng 2/2024", ("month_range", "2023-11-01", "2024-02-29")),
        ("trong tháng 11 - 12/2024", ("month_range", "2024-11-01", "2024-12-31")),
        ("Trong tháng 11 đến tháng 12 năm 2024", ("month_range", "2024-11-01", "2024-12-31")),
        ("chậm nhất ngày 20 tháng 11 năm 2024", ("by_end_of_day", "2024-11-01", "2024-11-20")),
        ("Trong tháng 01 năm 2025", ("month", "2025-01-01", "2025-01-31")),
        ("Tháng 11, 12/2024", ("month_range", "2024-11-01", "2024-12-31")),
        ("tháng 11 và tháng 12/2024", ("month_range", "2024-11-01", "2024-12-31")),
        ("Trước 17 giờ ngày 20/11/2024", ("by_end_of_day", "2024-11-01", "2024-11-20")),
        ("chậm nhất 16h30 ngày 20/11/2024", ("by_end_of_day", "2024-11-01", "2024-11-20")),
        ("từ ngày 16/10/2017 đến ngày 01/11/2017", ("day_range", "2017-10-16", "2017-11-01")),
        ("từ ngày 16 đến 20/10/2017", ("day_range", "2017-10-16", "2017-10-20")),
        ("từ 20/12 đến 10/01/2018", ("day_range", "2017-12-20", "2018-01-10")),
        ("Quý IV/2023", ("quarter", "2023-10-01", "2023-12-31")),
        ("quý I năm 2024", ("quarter", "2024-01-01", "2024-03-31")),
        ("Quý 2-2024", ("quarter", "2024-04-01", "2024-06-30")),
        ("đầu tháng 01/2018", ("early_month", "2018-01-01", "2018-01-10")),
        ("giữa tháng 02/2018", ("mid_month", "2018-02-11", "2018-02-20")),
        ("cuối tháng 2/2024", ("late_month", "2024-02-21", "2024-02-29")),
        ("Dau thang 1/2018", ("early_month", "2018-01-01", "2018-01-10")),
    ],
)
def test_parse_deadline_reads_each_form(text: str, expected: tuple[str, str, str]) -> None:
    assert _days(text) == expected


def test_parse_deadline_due_is_last_second_of_day_in_local_time() -> None:
    w = parse_deadline("chậm nhất ngày 05/02/2018")
    assert w.due_at == datetime(2018, 2, 5, 23, 59, 59, tzinfo=LOCAL_TZ)
    assert w.opens_at == datetime(2018, 2, 1, 0, 0, 0, tzinfo=LOCAL_TZ)
    assert w.to_json() == {
        "opens_at": "2018-02-01T00:00:00+07:00",
        "due_at": "2018-02-05T23:59:59+07:00",
        "rule": "by_end_of_day",
        "text": "chậm nhất ngày 05/02/2018",
    }


def test_parse_deadline_ignores_words_around_phrase() -> None:
    w = parse_deadline("Gửi báo cáo về Sở Nội vụ trước ngày 30/10/2017")
    assert (w.rule, w.due_at.isoformat()) == ("before_day", "2017-10-29T23:59:59+07:00")
    assert w.text == "Gửi báo cáo về Sở Nội vụ trước ngày 30/10/2017"


def test_parse_deadline_prefers_keyword_over_reference_date() -> None:
    text = "Theo Quyết định số 2948/QĐ-BNV ngày 28/12/2017, gửi chậm nhất ngày 05/02/2018"
    assert _days(text) == ("by_end_of_day", "2018-02-01", "2018-02-05")


def test_parse_deadline_accepts_decomposed_unicode() -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", "Chậm nhất là ngày 10/11/2021")
    assert _days(text) == ("by_end_of_day", "2021-11-01", "2021-11-10")


@pytest.mark.parametrize(
    ("text", "kw", "expected"),
    [
        ("Tháng 9", {"year": 2017}, ("month", "2017-09-01", "2017-09-30")),
        ("chậm nhất ngày 05/02", {"year": 2018}, ("by_end_of_day", "2018-02-01", "2018-02-05")),
        ("từ ngày 16-10 đến 1-11", {"year": 2017}, ("day_range", "2017-10-16", "2017-11-01")),
        ("từ ngày 20/12 đến 10/1", {"year": 2017}, ("day_range", "2017-12-20", "2018-01-10")),
        ("Tháng 01", {"after": date(2023, 12, 5)}, ("month", "2024-01-01", "2024-01-31")),
        ("Tháng 12", {"after": date(2023, 12, 5)}, ("month", "2023-12-01", "2023-12-31")),
        (
            "Tháng 02",
            {"year": 2023, "after": date(2023, 12, 1)},
            ("month", "2024-02-01", "2024-02-29"),
        ),
        (
            "Quý I",
            {"year": 2023, "after": date(2023, 10, 1)},
            ("quarter", "2024-01-01", "2024-03-31"),
        ),
        ("Tháng 01/2023", {"after": date(2023, 12, 5)}, ("month", "2023-01-01", "2023-01-31")),
    ],
)
def test_parse_deadline_infers_missing_year(text: str, kw: dict, expected: tuple) -> None:
    assert _days(text, **kw) == expected


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("hôm nay", "không thấy cụm chỉ thời hạn"),
        ("", "không thấy cụm chỉ thời hạn"),
        ("Tháng 01", "không ghi năm"),
        ("Tháng 13/2023", "tháng 13 không có thật"),
        ("chậm nhất ngày 31/02/2018", "31/02/2018 không có thật"),
        ("Từ tháng 11/2018 đến tháng 2/2018", "kết thúc đứng trước ngày bắt đầu"),
        ("sau ngày 05/02/2018", "chỉ có mốc bắt đầu"),
        ("từ ngày 05/02/2018", "chỉ có mốc bắt đầu"),
        ("Từ 05/02/2018", "chỉ có mốc bắt đầu"),  # not the single day 05/02
        ("trước ngày 25/11/2021; cấp tỉnh: trong tháng 12/2021", "có 2 thời hạn"),
    ],
)
def test_parse_deadline_refuses_with_phrase_quoted(text: str, why: str) -> None:
    with pytest.raises(DeadlinePhraseError) as caught:
        parse_deadline(text)
    assert f'"{text}"' in str(caught.value)
    assert why in str(caught.value)


def test_find_deadline_extracts_first_phrase_as_written() -> None:
    text = "Gửi về Sở Nội vụ chậm nhất ngày 05/02/2018. Sở tổng hợp trước ngày 10/02/2018"
    assert find_deadline(text) == "chậm nhất ngày 05/02/2018"
    assert find_deadlines(text) == ["chậm nhất ngày 05/02/2018", "trước ngày 10/02/2018"]
    assert find_deadline("Không có hạn nào") is None
    # "trong" before a month range does not cut the range down to its first month
    assert find_deadlines("Bưu điện tỉnh phát phiếu trong tháng 11 - 12/2024.") == [
        "trong tháng 11 - 12/2024"]
    # a month followed by a count is not a list of months
    assert find_deadlines("Trong tháng 10/2024, 15 đơn vị tự đánh giá") == ["Trong tháng 10/2024"]


def test_window_contains_its_ends_and_rolls_forward() -> None:
    from deadlines import calendar_for

    w = parse_deadline("chậm nhất ngày 16/02/2026")  # Giao thừa, Tết 2026
    assert w.contains(w.opens_at) and w.contains(w.due_at)
    assert not w.contains(datetime(2026, 2, 17, tzinfo=LOCAL_TZ))
    rolled = w.rolled_forward(calendar_for([2026]))
    assert rolled.due_at.isoformat() == "2026-02-23T23:59:59+07:00"
    assert rolled.opens_at == w.opens_at


@pytest.mark.parametrize(
    ("phrase", "hour"),
    [
        ("trước 17 giờ ngày 20/11/2024", True),
        ("chậm nhất 17h00 ngày 20/11/2024", True),
        ("chậm nhất ngày 20/11/2024", False),
        ("Quý IV/2024", False),
    ],
)
def test_mentions_hour_spots_a_time_of_day(phrase: str, hour: bool) -> None:
    assert mentions_hour(phrase) is hour
