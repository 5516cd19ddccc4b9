"""The one clock of the code base: every 'now' comes from here, so tests can travel in time."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pendulum

from cchc.settings import get_settings

# The users' timezone, declared once in Settings.timezone (CCHC_TIMEZONE); read at import because
# every local date in the code base must agree for the life of the process.
LOCAL_TZ = ZoneInfo(get_settings().timezone)


_FROZEN: list[datetime] = []  # process-wide simulated instants (innermost last)


def now() -> datetime:
    """Return the current instant as a tz-aware UTC datetime (travels with pendulum.travel_to)."""
    if _FROZEN:
        return _FROZEN[-1]
    return datetime.fromtimestamp(pendulum.now("UTC").timestamp(), tz=UTC)


@contextmanager
def frozen_at(moment: datetime) -> Iterator[datetime]:
    """Make now() answer `moment` in this process (the demo's compressed clock; tests).

    Unlike pendulum.travel_to (which needs the optional time-machine package) this moves only
    our clock, never Prefect's or the OS's, so flow runs keep real timestamps.
    """
    if moment.tzinfo is None:
        raise ValueError("frozen_at needs a tz-aware datetime")
    _FROZEN.append(moment.astimezone(UTC))
    try:
        yield _FROZEN[-1]
    finally:
        _FROZEN.pop()


def to_local(moment: datetime) -> datetime:
    """Show a stored UTC instant in the users' timezone (Settings.timezone)."""
    if moment.tzinfo is None:  # SQLite hands back naive datetimes; we only ever store UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(LOCAL_TZ)


def as_utc(moment: datetime) -> datetime:
    """Normalise a datetime to tz-aware UTC (naive values are taken as UTC, as stored)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
