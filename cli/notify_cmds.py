"""`cchc notify retry`: send waiting messages now, optionally re-queuing failed ones first."""

from __future__ import annotations

from typing import Annotated

import typer

from cchc.errors import CchcError
from cli.args import campaign_or_none
from cli.output import console, fail

notify_app = typer.Typer(help="Thông báo: gửi lại, xem tình trạng gửi.", no_args_is_help=True)
ACTOR = "cli"


@notify_app.command("retry")
def retry(
    campaign: Annotated[
        str | None, campaign_or_none("Mã chiến dịch (mặc định: mọi chiến dịch).")
    ] = None,
    failed: Annotated[
        bool, typer.Option("--failed", help="Đưa cả thông báo đã thất bại vào hàng đợi lại.")
    ] = False,
) -> None:
    """Gửi ngay các thông báo đang chờ, thử lại theo cấu hình; kết thúc bằng một dòng tóm tắt."""
    from cchc.db import session_scope
    from cchc.settings import get_settings
    from cchc.wording.delivery import requeued
    from cli.campaign_ops import engine
    from services.notify import campaign_id_of, requeue_failed_messages
    from tasks.outbox_sender import deliver_pending

    try:
        with session_scope(engine()) as session:
            campaign_id = campaign_id_of(session=session, campaign_code=campaign)
            if failed:
                count = requeue_failed_messages(
                    session=session, campaign_code=campaign, actor=ACTOR
                )
                console.print(requeued(count))
        report = deliver_pending(
            engine=engine(), campaign_id=campaign_id, passes=get_settings().notify.retries + 1
        )
    except CchcError as exc:
        fail(str(exc))
    if report.failed:
        fail(report.summary())
    console.print(report.summary())


def register(app: typer.Typer) -> None:
    """Add `cchc notify ...` to the app."""
    app.add_typer(notify_app, name="notify")
