"""One function per phrase form: captured groups -> (rule name, first day, last day)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from deadlines.patterns import ROMAN
from deadlines.resolve import (
    Context,
    date_parts,
    day_before,
    month_parts,
    previous_month,
    resolve_single,
    resolve_span,
)

Groups = dict[str, str | None]
Result = tuple[str, date, date]
PARTS = {
    "dau": ("early_month", 1, 10),
    "giua": ("mid_month", 11, 20),
    "cuoi": ("late_month", 21, 31),
}


def _one_day(groups: Groups, ctx: Context, shift: Callable[[date], date] = lambda d: d):
    """Return (year, fn) for a single written date; fn(year) gives the (shifted) day."""
    day, month, year = date_parts(groups["a"] or "")
    assert month is not None  # single dates always carry a month (see patterns._date)
    return year, lambda y: shift(ctx.day(y, month, day))


def on_day(groups: Groups, ctx: Context) -> Result:
    """ "ngày D": the whole day D."""
    year, fn = _one_day(groups, ctx)
    first, last = resolve_single(lambda y: (fn(y), fn(y)), year, ctx)
    return "on_day", first, last


def _point(rule: str, groups: Groups, ctx: Context, shift=lambda d: d) -> Result:
    """A deadline without a start: opens at the first day of the due day's month."""
    year, fn = _one_day(groups, ctx, shift)
    first, last = resolve_single(lambda y: (fn(y).replace(day=1), fn(y)), year, ctx)
    return rule, first, last


def by_end_of_day(groups: Groups, ctx: Context) -> Result:
    """ "chậm nhất (là) ngày D": due at the end of D."""
    return _point("by_end_of_day", groups, ctx)


def before_day(groups: Groups, ctx: Context) -> Result:
    """ "trước ngày D": due at the end of the day before D."""
    return _point("before_day", groups, ctx, day_before)


def month(groups: Groups, ctx: Context) -> Result:
    """ "Tháng M/Y", "trong tháng M/Y": the whole month."""
    m, year = month_parts(groups["a"] or "")
    first, last = resolve_single(lambda y: (ctx.day(y, m, 1), ctx.last_day(y, m)), year, ctx)
    return "month", first, last


def before_month(groups: Groups, ctx: Context) -> Result:
    """ "trước tháng M/Y": the whole month before M."""
    m, year = month_parts(groups["a"] or "")
    ctx.day(2000, m, 1)  # reject month 13 before shifting it

    def days(y: int) -> tuple[date, date]:
        py, pm = previous_month(y, m)
        return ctx.day(py, pm, 1), ctx.last_day(py, pm)

    first, last = resolve_single(days, year, ctx)
    return "before_month", first, last


def part_of_month(groups: Groups, ctx: Context) -> Result:
    """ "đầu/giữa/cuối tháng M/Y": days 1-10, 11-20, 21-end."""
    rule, lo, hi = PARTS[groups["part"] or ""]
    m, year = month_parts(groups["a"] or "")

    def days(y: int) -> tuple[date, date]:
        last = ctx.last_day(y, m)
        return ctx.day(y, m, lo), last.replace(day=min(hi, last.day))

    first, last = resolve_single(days, year, ctx)
    return rule, first, last


def quarter(groups: Groups, ctx: Context) -> Result:
    """ "Quý IV/2023": the three months of the quarter."""
    q = ROMAN[groups["q"] or ""]
    year = int(groups["y"]) if groups["y"] else None
    days = lambda y: (ctx.day(y, 3 * q - 2, 1), ctx.last_day(y, 3 * q))  # noqa: E731
    first, last = resolve_single(days, year, ctx)
    return "quarter", first, last


def month_range(groups: Groups, ctx: Context) -> Result:
    """ "Từ tháng A đến tháng B", "Tháng 02-03/2018": first day of A to last day of B."""
    m1, y1 = month_parts(groups["a"] or "")
    m2, y2 = month_parts(groups["b"] or "")
    start = lambda y: ctx.day(y, m1, 1)  # noqa: E731
    end = lambda y: ctx.last_day(y, m2)  # noqa: E731
    first, last = resolve_span(start, y1, end, y2, ctx)
    return "month_range", first, last


def day_range(groups: Groups, ctx: Context) -> Result:
    """ "từ ngày D1 đến (ngày) D2": start of D1 to end of D2; a bare D1 takes D2's month."""
    d1, m1, y1 = date_parts(groups["a"] or "")
    d2, m2, y2 = date_parts(groups["b"] or "")
    assert m2 is not None
    if m1 is None:  # "từ ngày 16 đến 20/10": same month, or the one before when 16 > 20
        m1 = m2 if d1 <= d2 else previous_month(2000, m2)[1]
    start = lambda y: ctx.day(y, m1, d1)  # noqa: E731
    end = lambda y: ctx.day(y, m2, d2)  # noqa: E731
    first, last = resolve_span(start, y1, end, y2, ctx)
    return "day_range", first, last


def open_ended(groups: Groups, ctx: Context) -> Result:
    """ "từ/sau ngày D" alone has no due day: refuse rather than guess."""
    ctx.fail("chỉ có mốc bắt đầu, không có hạn cuối")


RULES: dict[str, Callable[[Groups, Context], Result]] = {
    "on_day": on_day,
    "by_end_of_day": by_end_of_day,
    "before_day": before_day,
    "month": month,
    "before_month": before_month,
    "part_of_month": part_of_month,
    "quarter": quarter,
    "month_range": month_range,
    "day_range": day_range,
    "open_ended": open_ended,
}
