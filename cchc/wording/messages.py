"""Pieces of the tick's messages: an escalation digest's lines (the texts are config/messages/)."""

from __future__ import annotations

from datetime import datetime

from cchc.wording.dates import local_moment


def escalation_line(doing: str, stage_title: str, due_at: datetime, late_days: int) -> str:
    """One line of an escalation digest: who is late in which stage, by how many working days."""
    return (
        f"{doing} — «{stage_title}», hạn {local_moment(due_at)}, "
        f"quá hạn {max(late_days, 1)} ngày làm việc"
    )


def appraising(appraiser: str, unit: str) -> str:
    """Name an appraiser who must act for a unit: 'Sở X (thẩm định Huyện Y)'."""
    return f"{appraiser} (thẩm định {unit})"
