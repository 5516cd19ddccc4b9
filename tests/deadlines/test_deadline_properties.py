"""Property-based tests: working-day arithmetic round-trips, parser round-trips, sane windows."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from cchc.errors import DeadlinePhraseError
from deadlines import calendar_for, parse_deadline

CAL = calendar_for(range(2015, 2031))
DAYS = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 6, 30))
STEPS = st.integers(min_value=-250, max_value=250)
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@given(DAYS, STEPS)
def test_add_then_count_working_days_round_trips(day: date, n: int) -> None:
    assert CAL.working_days_between(day, CAL.add_working_days(day, n)) == n


@given(DAYS, STEPS.filter(lambda n: n != 0))
def test_add_working_days_lands_on_working_day_in_right_direction(day: date, n: int) -> None:
    result = CAL.add_working_days(day, n)
    assert CAL.is_working_day(result)
    assert (result > day) if n > 0 else (result < day)


@given(DAYS, DAYS)
def test_working_days_between_agrees_with_day_by_day_count(a: date, b: date) -> None:
    lo, hi = sorted((a, b))
    span = [lo + timedelta(days=i) for i in range((hi - lo).days + 1)]
    if a <= b:
        expected = sum(CAL.is_working_day(d) for d in span[1:])
    else:
        expected = -sum(CAL.is_working_day(d) for d in span[:-1])
    assert CAL.working_days_between(a, b) == expected


DAY_FORMS = [
    ("chậm nhất ngày {d:02d}/{m:02d}/{y}", "by_end_of_day", 0),
    ("Chậm nhất là ngày {d}-{m}-{y}", "by_end_of_day", 0),
    ("CHẬM NHẤT VÀO NGÀY {d}.{m}.{y}", "by_end_of_day", 0),
    ("hạn chót {d}/{m}/{yy:02d}", "by_end_of_day", 0),
    ("gửi trước ngày {d} tháng {m} năm {y}", "before_day", -1),
    ("truoc ngay {d:02d}-{m:02d}-{y}", "before_day", -1),
    ("Họp ngày {d}/{m}/{y}.", "on_day", 0),
    ("trước 17 giờ ngày {d}/{m}/{y}", "by_end_of_day", 0),  # the hour is dropped, the day kept
    ("chậm nhất 16h30 ngày {d} tháng {m} năm {y}", "by_end_of_day", 0),
    ("{d:02d}/{m:02d}/{y}", "on_day", 0),
]


@given(DAYS, st.sampled_from(DAY_FORMS))
def test_parse_written_day_round_trips(day: date, form: tuple[str, str, int]) -> None:
    template, rule, shift = form
    text = template.format(d=day.day, m=day.month, y=day.year, yy=day.year % 100)
    window = parse_deadline(text)
    assert window.rule == rule
    assert window.due_at.date() == day + timedelta(days=shift)
    assert window.due_at.time().isoformat() == "23:59:59"
    assert window.opens_at <= window.due_at


@given(DAYS, st.booleans())
def test_parse_day_without_year_uses_given_year(day: date, long_form: bool) -> None:
    text = f"chậm nhất ngày {day.day} tháng {day.month}" if long_form else f"ngày {day:%d/%m}"
    assert parse_deadline(text, year=day.year).due_at.date() == day


MONTH_FORMS = ["Tháng {m}/{y}", "trong tháng {m:02d}/{y}", "tháng {m} năm {y}", "THÁNG {m}-{y}"]


@given(DAYS, st.sampled_from(MONTH_FORMS))
def test_parse_month_round_trips(day: date, template: str) -> None:
    window = parse_deadline(template.format(m=day.month, y=day.year))
    assert window.rule == "month"
    assert window.opens_at.date() == day.replace(day=1)
    assert window.due_at.date().month == day.month
    assert (window.due_at.date() + timedelta(days=1)).day == 1


@given(DAYS)
def test_month_without_year_never_starts_before_after(after: date) -> None:
    for month in range(1, 13):
        window = parse_deadline(f"Tháng {month}", after=after)
        first = window.opens_at.date()
        assert after.replace(day=1) <= first < after.replace(day=1, year=after.year + 1)


@given(DAYS, st.integers(min_value=0, max_value=400))
def test_day_range_round_trips_and_orders(start: date, length: int) -> None:
    end = start + timedelta(days=length)
    text = f"Từ ngày {start:%d/%m/%Y} đến ngày {end.day}-{end.month}-{end.year}"
    window = parse_deadline(text)
    assert (window.rule, window.opens_at.date(), window.due_at.date()) == ("day_range", start, end)


@given(st.integers(min_value=2000, max_value=2099), st.integers(1, 12), st.integers(1, 12),
       st.sampled_from(["Tháng {a} - {b}/{y}", "trong tháng {a:02d}-{b:02d}/{y}",
                        "Trong tháng {a} đến tháng {b} năm {y}", "Tháng {a}, {b}/{y}",
                        "tháng {a} và tháng {b}/{y}"]))
def test_month_range_in_one_year_round_trips(year: int, a: int, b: int, form: str) -> None:
    a, b = sorted((a, b))
    window = parse_deadline(form.format(a=a, b=b, y=year))
    assert (window.rule, window.opens_at.date()) == ("month_range", date(year, a, 1))
    assert window.due_at.date().month == b and window.due_at.date().year == year


@given(st.integers(min_value=2000, max_value=2099), st.integers(min_value=1, max_value=4))
def test_quarter_round_trips(year: int, q: int) -> None:
    window = parse_deadline(f"Quý {ROMAN[q]}/{year}")
    assert window.opens_at.date() == date(year, 3 * q - 2, 1)
    assert window.due_at.date().month == 3 * q


PIECES = st.sampled_from(
    ["chậm nhất", "trước", "ngày", "tháng", "từ", "đến", "quý", "IV", "năm", "đầu", "cuối",
     "giữa", "sau", "-", "/", ".", " ", ",", "là", "1", "02", "12", "13", "29", "31", "2017",
     "2024", "18", "0"]
)  # fmt: skip


@settings(max_examples=300)
@given(st.lists(PIECES, max_size=12).map(" ".join), st.none() | st.integers(2000, 2040))
def test_any_text_gives_sane_window_or_phrase_error(text: str, year: int | None) -> None:
    try:
        window = parse_deadline(text, year=year)
    except DeadlinePhraseError as exc:
        assert "Không đọc được thời hạn" in str(exc)
        return
    assert window.opens_at <= window.due_at
    assert window.opens_at.utcoffset() == window.due_at.utcoffset() == timedelta(hours=7)


@given(st.text(max_size=60))
def test_random_text_never_crashes(text: str) -> None:
    try:
        window = parse_deadline(text, year=2024)
    except DeadlinePhraseError:
        return
    assert window.opens_at <= window.due_at
