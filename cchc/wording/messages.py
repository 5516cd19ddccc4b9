"""The tick's message texts: who must do what in which stage, by when, working days left."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from cchc.wording.dates import local_moment


def stage_open(
    stage_title: str, units: Sequence[str], due_at: datetime, days: str
) -> tuple[str, str]:
    """Subject and body telling an actor that a stage has opened."""
    subject = f"Bắt đầu: {stage_title}"
    body = (
        f"Giai đoạn «{stage_title}» đã bắt đầu.\n"
        f"Đơn vị thực hiện: {', '.join(units)}.\n"
        f"Hạn hoàn thành: {local_moment(due_at)}, {days}."
    )
    return subject, body


def reminder(
    stage_title: str, units: Sequence[str], due_at: datetime, days: str, overdue: bool
) -> tuple[str, str]:
    """Subject and body of a reminder (before due) or an overdue notice."""
    head = "Quá hạn" if overdue else "Nhắc hạn"
    subject = f"{head}: {stage_title}"
    body = (
        f"{head} giai đoạn «{stage_title}».\n"
        f"Đơn vị chưa hoàn thành: {', '.join(units)}.\n"
        f"Hạn hoàn thành: {local_moment(due_at)}, {days}."
    )
    return subject, body


def escalation_line(doing: str, stage_title: str, due_at: datetime, late_days: int) -> str:
    """One line of an escalation digest: who is late in which stage, by how many working days."""
    return (
        f"{doing} — «{stage_title}», hạn {local_moment(due_at)}, "
        f"quá hạn {max(late_days, 1)} ngày làm việc"
    )


def appraising(appraiser: str, unit: str) -> str:
    """Name an appraiser who must act for a unit: 'Sở X (thẩm định Huyện Y)'."""
    return f"{appraiser} (thẩm định {unit})"


def escalation(recipient: str, lines: Sequence[str], today: date) -> tuple[str, str]:
    """Subject and body of the daily digest of overdue units sent up the hierarchy."""
    subject = f"Tổng hợp đơn vị quá hạn ngày {today:%d/%m/%Y}"
    body = f"Kính gửi {recipient},\nCác đơn vị sau đã quá hạn, đề nghị đôn đốc:\n" + "\n".join(
        f"- {x}" for x in lines
    )
    return subject, body
