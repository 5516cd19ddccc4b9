"""The dashboard's colours for each state; the words come from cchc.wording.labels."""

from __future__ import annotations

from cchc.wording import labels

COLOUR = {
    "pending": "#cbd5e1",
    "open": "#60a5fa",
    "overdue": "#ef4444",
    "done": "#22c55e",
    "late": "#f59e0b",
    "refused": "#7f1d1d",
    "closed": "#22c55e",
}


def share_colour(share: float) -> str:
    """Colour a done share from red (0) through amber to green (1)."""
    hue = int(max(0.0, min(1.0, share)) * 120)
    return f"hsl({hue}, 70%, 55%)"


ALL = {**labels.ALL, "colour": COLOUR}  # templates read labels.<kind> and labels.colour alike


def share_class(share: float) -> str:
    """Name the CSS class of a done share, in tenths (app.css colours sh-0 red … sh-10 green)."""
    return f"sh-{round(max(0.0, min(1.0, share)) * 10)}"
