"""Read per-year calendar overrides: extra days off and make-up working days announced each year.

Shape (keys may be ints or strings; dates ISO strings or date objects, as YAML gives them):
    {2026: {"days_off": [{"date": "2026-02-16", "name": "..."}],
            "working_days": [{"date": "2026-01-10", "name": "Làm bù ..."}]}}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from cchc.errors import ConfigError

KINDS = ("days_off", "working_days")


@dataclass(frozen=True)
class YearOverrides:
    """One year's announced changes: extra days off and weekend days worked, each with a name."""

    days_off: dict[date, str] = field(default_factory=dict)
    working_days: dict[date, str] = field(default_factory=dict)


def _as_date(value: Any, where: str, problems: list[str]) -> date | None:
    """Return `value` as a date, or record a problem naming `where`."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        problems.append(f"{where}: '{value}' không phải là ngày, viết như 2026-02-16")
        return None


def _entries(year: int, kind: str, items: Any, where: str, problems: list[str]) -> dict[date, str]:
    """Read one list of {date, name} entries of `year`."""
    out: dict[date, str] = {}
    if not isinstance(items, list):
        problems.append(f"{where}: phải là một danh sách các mục {{date, name}}")
        return out
    for i, item in enumerate(items):
        at = f"{where}[{i}]"
        if not isinstance(item, Mapping) or "date" not in item:
            problems.append(f"{at}: phải có dạng {{date: 2026-02-16, name: ...}}")
            continue
        day = _as_date(item["date"], f"{at}.date", problems)
        if day is not None and day.year != year:
            problems.append(f"{at}.date: ngày {day:%d/%m/%Y} không thuộc năm {year}")
        elif day is not None:
            out[day] = str(item.get("name") or ("Ngày nghỉ" if kind == "days_off" else "Làm bù"))
    return out


def _year(key: Any, problems: list[str]) -> int | None:
    """Return the year of a top-level key, or record a problem."""
    try:
        return int(str(key))
    except ValueError:
        problems.append(f"{key}: phải là một năm, như 2026")
        return None


def parse_overrides(raw: Mapping[Any, Any] | None) -> dict[int, YearOverrides]:
    """Validate the overrides mapping; raise ConfigError listing every bad entry by its path."""
    problems: list[str] = []
    result: dict[int, YearOverrides] = {}
    for key, body in (raw or {}).items():
        year = _year(key, problems)
        if year is None:
            continue
        if not isinstance(body, Mapping) or set(body) - set(KINDS):
            problems.append(f"{key}: chỉ được có các khóa {', '.join(KINDS)}")
            continue
        lists = {
            kind: _entries(year, kind, body.get(kind, []), f"{key}.{kind}", problems)
            for kind in KINDS
        }
        result[year] = YearOverrides(**lists)
    if problems:
        raise ConfigError("lịch điều chỉnh không hợp lệ", problems=problems)
    return result
