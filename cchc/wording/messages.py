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


def kickoff(
    campaign_title: str, unit: str, first_due: datetime, authority: str = "UBND tỉnh"
) -> tuple[str, str]:
    """Subject and body of the kick-off notice sent when a campaign is launched."""
    subject = f"Triển khai: {campaign_title}"
    body = (
        f"Kính gửi {unit},\n"
        f"{authority} triển khai {campaign_title}. Các giai đoạn và thời hạn sẽ được thông báo "
        f"khi bắt đầu; hạn sớm nhất: {local_moment(first_due)}."
    )
    return subject, body


def submission_receipt(
    campaign_title: str, unit: str, version: int, received_at: datetime, late: bool
) -> tuple[str, str]:
    """Subject and body of the receipt a unit gets when its self-assessment arrives."""
    subject = f"Đã nhận bản tự đánh giá: {campaign_title}"
    lateness = " (sau hạn)" if late else ""
    body = (
        f"Kính gửi {unit},\n"
        f"Hệ thống đã nhận bản tự đánh giá lần {version} của đơn vị lúc "
        f"{local_moment(received_at)}{lateness}."
    )
    return subject, body
