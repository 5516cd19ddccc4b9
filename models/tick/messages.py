"""Vietnamese message texts: who must do what in which stage, by when, working days left."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol

from cchc.clock import to_local


class _Calendar(Protocol):
    def working_days_between(self, a: date, b: date) -> int: ...


def due_text(due_at: datetime) -> str:
    """Show a due instant as 'dd/mm/yyyy HH:MM (giờ Việt Nam)'."""
    return f"{to_local(due_at):%d/%m/%Y %H:%M} (giờ Việt Nam)"


def days_text(due_at: datetime, today: date, cal: _Calendar) -> str:
    """Say how many working days are left, or how many the unit is overdue."""
    due_day = to_local(due_at).date()
    if due_day > today:
        return f"còn {cal.working_days_between(today, due_day)} ngày làm việc"
    if due_day == today:
        return "hạn chót là hôm nay"
    return f"đã quá hạn {max(cal.working_days_between(due_day, today), 1)} ngày làm việc"


def stage_open(
    stage_title: str, units: Sequence[str], due_at: datetime, days: str
) -> tuple[str, str]:
    """Subject and body telling an actor that a stage has opened."""
    subject = f"Bắt đầu: {stage_title}"
    body = (
        f"Giai đoạn «{stage_title}» đã bắt đầu.\n"
        f"Đơn vị thực hiện: {', '.join(units)}.\n"
        f"Hạn hoàn thành: {due_text(due_at)}, {days}."
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
        f"Hạn hoàn thành: {due_text(due_at)}, {days}."
    )
    return subject, body


def escalation(recipient: str, lines: Sequence[str], today: date) -> tuple[str, str]:
    """Subject and body of the daily digest of overdue units sent up the hierarchy."""
    subject = f"Tổng hợp đơn vị quá hạn ngày {today:%d/%m/%Y}"
    body = f"Kính gửi {recipient},\nCác đơn vị sau đã quá hạn, đề nghị đôn đốc:\n" + "\n".join(
        f"- {x}" for x in lines
    )
    return subject, body


def kickoff(campaign_title: str, unit: str, first_due: datetime) -> tuple[str, str]:
    """Subject and body of the kick-off notice sent when a campaign is launched."""
    subject = f"Triển khai: {campaign_title}"
    body = (
        f"Kính gửi {unit},\n"
        f"UBND tỉnh triển khai {campaign_title}. Các giai đoạn và thời hạn sẽ được thông báo "
        f"khi bắt đầu; hạn sớm nhất: {due_text(first_due)}."
    )
    return subject, body
