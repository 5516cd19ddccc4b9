"""The demo's progress as Prefect events: one `cchc.demo.days` event per `demo-days` task run.

Each carries the days that run simulated and the stages open at the end of each. The task emits
them; `cchc demo` follows them (through the Prefect API, like any
event client) to move its progress bar, so nothing is shared between the two but Prefect.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from datetime import UTC, date, datetime

from prefect.events import emit_event

DAYS_EVENT = "cchc.demo.days"
OnDay = Callable[[date, list[str]], None]


def announce_days(campaign: str, days: list[tuple[date, list[str]]]) -> None:
    """Emit the event of a few simulated days: each date with the stages open at its end."""
    emit_event(
        event=DAYS_EVENT,
        resource={"prefect.resource.id": f"cchc.campaign.{campaign}"},
        payload={"days": [[day.isoformat(), open_stages] for day, open_stages in days]},
    )


class Follower:
    """Call `on_day` once per simulated day of this run, in a background thread."""

    def __init__(self, on_day: OnDay) -> None:
        self.on_day, self.last_seen = on_day, time.monotonic()
        self.since = datetime.now(UTC)  # the server replays recent events: skip earlier runs
        self._seen: set[str] = set()  # and may hand one event over twice
        self._thread = threading.Thread(target=self._run, name="demo-progress", daemon=True)

    def start(self) -> Follower:
        """Start following."""
        self._thread.start()
        return self

    def settle(self, quiet: float = 1.0, limit: float = 5.0) -> None:
        """Wait for the last events to arrive: until `quiet` seconds pass without one."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline and time.monotonic() - self.last_seen < quiet:
            time.sleep(0.1)

    def _run(self) -> None:
        """Subscribe and dispatch (the thread is a daemon: it ends with the command)."""
        try:
            asyncio.run(self._follow())
        except Exception:  # noqa: BLE001 - a progress bar must never fail the demo
            return

    async def _follow(self) -> None:
        """Read day events from the Prefect API as they come."""
        from prefect.events.clients import get_events_subscriber
        from prefect.events.filters import EventFilter, EventNameFilter, EventOccurredFilter

        flt = EventFilter(
            event=EventNameFilter(name=[DAYS_EVENT]), occurred=EventOccurredFilter(since=self.since)
        )
        async with get_events_subscriber(filter=flt) as events:
            async for event in events:
                if event.occurred < self.since or str(event.id) in self._seen:
                    continue
                self._seen.add(str(event.id))
                self.last_seen = time.monotonic()
                for day, open_stages in event.payload["days"]:
                    self.on_day(date.fromisoformat(day), open_stages)
