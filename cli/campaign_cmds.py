"""`cchc launch`, `cchc tick`, `cchc status`, `cchc extend`, `cchc schedule`: run a campaign."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from cchc.errors import CchcError, PlanChanged
from cli.args import CampaignOpt, UnitOpt
from cli.output import console, fail
from cli.parse import parse_local_instant

At = Annotated[
    str | None, typer.Option("--at", help="Thời điểm đánh giá (ISO 8601); mặc định: bây giờ.")
]


def launch(
    plan: Annotated[
        Path, typer.Argument(help="Tệp kế hoạch, ví dụ config/plans/bac-kan-2023.yaml.")
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Chỉ cho biết sẽ tạo gì, hoặc mọi lỗi cần sửa.")
    ] = False,
    schedule: Annotated[bool, typer.Option(help="Đăng ký lịch chạy với Prefect.")] = True,
    replay: Annotated[
        bool, typer.Option("--replay", help="Chạy mô phỏng một kế hoạch đã qua mọi hạn.")
    ] = False,
    yes: Annotated[
        bool, typer.Option("--yes", help="Xác nhận các thay đổi của kế hoạch điều chỉnh.")
    ] = False,
) -> None:
    """Triển khai kế hoạch (hoặc phiên bản điều chỉnh của chiến dịch đang chạy)."""
    from cli import campaign_ops

    try:
        done = campaign_ops.launch(
            plan, dry_run=dry_run, schedule=schedule, replay=replay, confirm=yes
        )
    except PlanChanged as exc:
        done = _confirm_and_amend(plan, exc, schedule=schedule, replay=replay)
    except CchcError as exc:
        fail(str(exc), problems=getattr(exc, "problems", None))
    if done.amendment is not None:
        _show_amendment(done.amendment, dry_run=dry_run)
    elif done.summary is not None:
        _show_summary(done.summary, dry_run=dry_run)
    if done.schedule is not None:
        console.print(done.schedule.message)


def _confirm_and_amend(plan: Path, exc: PlanChanged, *, schedule: bool, replay: bool) -> Any:
    """Show an amended plan's changes and apply them once the operator confirms at a terminal."""
    from cli import campaign_ops

    console.print(f"[bold]{exc}[/bold]")
    for line in exc.problems:
        console.print(f"- {line}", markup=False, highlight=False)
    if not sys.stdin.isatty():
        fail("không xác nhận được khi không chạy tại bàn phím; chạy lại với --yes để áp dụng")
    if not typer.confirm("Áp dụng các thay đổi này thành phiên bản mới?"):
        fail("đã huỷ, kế hoạch đang chạy không đổi")
    try:
        return campaign_ops.launch(
            plan, dry_run=False, schedule=schedule, replay=replay, confirm=True
        )
    except CchcError as again:
        fail(str(again), problems=getattr(again, "problems", None))


def _show_amendment(amended: Any, *, dry_run: bool) -> None:
    """Print the version made (or that a dry run would make) and its changes."""
    head = "Chạy thử — sẽ tạo" if dry_run else "Đã tạo"
    console.print(
        f"[bold]{head} phiên bản {amended.version} của chiến dịch {amended.campaign}[/bold]"
        + ("" if dry_run else f"; {amended.notified} đơn vị được thông báo.")
    )
    for line in amended.changes:
        console.print(f"- {line}", markup=False, highlight=False)


def _show_summary(summary: Any, *, dry_run: bool) -> None:
    """Print what a launch created (or would create)."""
    head = "Chạy thử — sẽ tạo" if dry_run else "Đã triển khai"
    console.print(
        f"[bold]{head} chiến dịch {summary.campaign}[/bold]: {summary.units} đơn vị "
        f"({summary.new_units} mới), {len(summary.criteria_sets)} bộ chỉ số, "
        f"{summary.stages} giai đoạn, {summary.assignments} nhiệm vụ, "
        f"{summary.kickoff_notices} thông báo triển khai."
    )
    table = Table("Giai đoạn", "Nhiệm vụ")
    for code, count in summary.per_stage.items():
        table.add_row(code, str(count))
    console.print(table)


def archive(campaign: CampaignOpt) -> None:
    """Lưu trữ chiến dịch đã công bố: xoá lịch chạy, chiến dịch được ghi là đã kết thúc."""
    from cli import campaign_ops

    try:
        console.print(campaign_ops.archive_message(campaign))
    except CchcError as exc:
        fail(str(exc))


def schedule_cmd(campaign: CampaignOpt) -> None:
    """Đăng ký (lại) lịch chạy campaign-tick của chiến dịch với máy chủ Prefect."""
    from cli import campaign_ops

    try:
        console.print(campaign_ops.schedule_message(campaign))
    except CchcError as exc:
        fail(str(exc))


def tick(
    campaign: CampaignOpt,
    at: At = None,
    local: Annotated[
        bool, typer.Option("--local", help="Chạy ngay trong tiến trình, không qua Prefect.")
    ] = False,
) -> None:
    """Đánh giá chiến dịch một lần: mở/đóng giai đoạn, nhắc hạn, báo cáo quá hạn, gửi thông báo."""
    from cli import campaign_ops

    try:
        moment = None if at is None else parse_local_instant(at, "--at")
        report = campaign_ops.tick(campaign, moment, local=local)
    except CchcError as exc:
        fail(str(exc))
    console.print(report)
    _delivery_summary(report.get("delivery") or {})


def _delivery_summary(delivery: dict) -> None:
    """End a tick with the Vietnamese delivery summary; exit 2 when some messages failed."""
    from tasks.outbox_sender import DeliveryReport

    report = DeliveryReport(**delivery)
    if report.failed:
        fail(report.summary())
    console.print(report.summary())


def status(campaign: CampaignOpt) -> None:
    """Tiến độ từng giai đoạn của chiến dịch."""
    from cli import campaign_ops

    try:
        console.print(campaign_ops.status_table(campaign))
    except CchcError as exc:
        fail(str(exc))


def extend(
    campaign: CampaignOpt,
    stage: Annotated[str, typer.Option("--stage", help="Mã giai đoạn.")],
    unit: UnitOpt,
    until: Annotated[str, typer.Option("--until", help="Hạn mới: YYYY-MM-DD (hết ngày) hoặc ISO.")],
    reason: Annotated[str, typer.Option("--reason", help="Lý do gia hạn.")],
    document: Annotated[str, typer.Option("--document", help="Số văn bản cho phép gia hạn.")],
) -> None:
    """Gia hạn cho một đơn vị trong một giai đoạn (có lý do và văn bản)."""
    from cli import campaign_ops

    try:
        new_due = campaign_ops.extend(campaign, stage, unit, until, reason, document)
    except CchcError as exc:
        fail(str(exc))
    console.print(f"Đã gia hạn cho {unit} ở giai đoạn {stage} đến {new_due}.")


def register(app: typer.Typer) -> None:
    """Add the campaign commands (and `cchc fact ...`) to the app."""
    from cli import fact_cmds

    app.command("launch")(launch)
    app.command("tick")(tick)
    app.command("status")(status)
    app.command("extend")(extend)
    app.command("schedule")(schedule_cmd)
    app.command("archive")(archive)
    fact_cmds.register(app)
