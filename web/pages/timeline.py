"""The stage timeline as SVG geometry: a bar per stage from open to due, and a today line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from cchc.clock import as_utc, now, to_local
from cchc.wording.dates import day
from models.campaign.progress import StageProgress, stage_is_done
from web.pages.labels import COLOUR

WIDTH, LABEL, ROW = 960, 300, 26


@dataclass
class Bar:
    """One stage's bar: where it sits, its colour and its caption."""

    y: int
    x: float
    width: float
    colour: str
    title: str
    caption: str


@dataclass
class Timeline:
    """Everything the SVG template draws."""

    bars: list[Bar]
    today_x: float | None
    height: int
    ticks: list[tuple[float, str]]
    width: int = WIDTH
    label: int = LABEL


def _colour(progress: StageProgress, at: datetime) -> str:
    """Green when done, red when overdue, blue while open, grey before."""
    stage = progress.stage
    if stage_is_done(progress):
        return COLOUR["done"]
    if stage.state == "open" and at > as_utc(stage.due_at):
        return COLOUR["overdue"]
    return COLOUR.get(stage.state, COLOUR["pending"])


def build(stages: list[StageProgress], at: datetime | None = None) -> Timeline:
    """Lay the stages out on one time axis from the first opening to the last due time."""
    at = at or now()
    if not stages:
        return Timeline([], None, ROW, [])
    start = min(as_utc(s.stage.opens_at) for s in stages)
    end = max(as_utc(s.stage.due_at) for s in stages)
    span = max((end - start).total_seconds(), 86400.0)
    scale = (WIDTH - LABEL - 10) / span

    def x_of(moment: datetime) -> float:
        # Rounded: the page's ETag stays the same while "today" has not visibly moved.
        return round(LABEL + (as_utc(moment) - start).total_seconds() * scale, 1)

    bars = [
        Bar(
            y=10 + i * ROW,
            x=x_of(p.stage.opens_at),
            width=max(x_of(p.stage.due_at) - x_of(p.stage.opens_at), 3.0),
            colour=_colour(p, at),
            title=p.stage.title,
            caption=f"{day(p.stage.opens_at)} – {day(p.stage.due_at)}",
        )
        for i, p in enumerate(stages)
    ]
    today = x_of(at) if start <= at <= end else None
    ticks = _ticks(start, end, x_of)
    return Timeline(bars, today, 30 + len(stages) * ROW, ticks)


def _ticks(
    start: datetime, end: datetime, x_of: Callable[[datetime], float]
) -> list[tuple[float, str]]:
    """Month marks along the axis (at most ~12)."""
    local = to_local(start).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    months = max(1, round((end - start).days / 30 / 12))
    out = []
    while local <= end:
        if local >= start:
            out.append((x_of(local), f"{local:%m/%Y}"))
        year, month = divmod(local.month - 1 + months, 12)
        local = local.replace(year=local.year + year, month=month + 1)
    return out
