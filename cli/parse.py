"""Read dates and instants typed on the command line; bad input names its option."""

from __future__ import annotations

from datetime import date, datetime

from cchc.clock import LOCAL_TZ, as_utc
from cchc.errors import ValidationError


def parse_day(text: str, option: str) -> date:
    """Read a YYYY-MM-DD day, or raise ValidationError naming the option."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(f"{option}: «{text}» không phải ngày YYYY-MM-DD") from None


def parse_local_instant(text: str, option: str, *, day_end: bool = False) -> datetime:
    """Read an ISO instant (naive = Vietnam time) as UTC; a bare day is its start, or its end."""
    from deadlines import end_of

    text = text.strip()
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            if day_end:
                return as_utc(end_of(day))
            moment = datetime(day.year, day.month, day.day)
        else:
            moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValidationError(
            f"{option}: «{text}» không phải ngày YYYY-MM-DD hay thời điểm ISO 8601"
        ) from None
    return as_utc(moment if moment.tzinfo else moment.replace(tzinfo=LOCAL_TZ))
