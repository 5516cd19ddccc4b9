"""`cchc fact ...`: record the human steps of a campaign as facts (the next tick acts on them)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cchc.errors import CchcError
from cchc.wording.dates import local_moment
from cchc.wording.labels import FACT_KIND
from cli.actor import actor
from cli.args import CampaignOpt, unit_or_none
from cli.output import console, fail
from cli.parse import parse_day

if TYPE_CHECKING:  # the CLI starts without importing the database layer
    from sqlmodel import Session

    from models.campaign.tables import Campaign as CampaignRow

fact_app = typer.Typer(help="Ghi nhận các bước do con người thực hiện.", no_args_is_help=True)
Campaign = CampaignOpt
Stage = Annotated[
    str | None,
    typer.Option("--stage", help="Mã giai đoạn (mặc định: giai đoạn đang mở cùng loại)."),
]
Document = Annotated[str | None, typer.Option("--document", help="Số văn bản.")]
Tick = Annotated[bool, typer.Option("--tick", help="Đánh giá chiến dịch ngay sau khi ghi nhận.")]


def _run(action: Callable[[Session, CampaignRow], str], tick: bool, campaign: str) -> None:
    """Record through `action(session, campaign)`, then optionally tick at once (locally)."""
    from cchc.db import session_scope
    from cli import campaign_ops
    from models.campaign.facts import get_campaign

    try:
        with session_scope(campaign_ops.engine()) as session:
            message = action(session, get_campaign(session=session, code=campaign))
        console.print(message)
        if tick:
            console.print(campaign_ops.tick(campaign, None, local=True))
    except CchcError as exc:
        fail(str(exc), problems=getattr(exc, "problems", None))


def _stage_fact(
    session: Session,
    campaign: CampaignRow,
    kind: str | None,
    stage: str | None,
    unit: str | None,
    document: str | None,
) -> str:
    """Record the fact a stage waits for (for one unit in a unit stage)."""
    from services.facts import record_fact

    fact = record_fact(
        session=session,
        campaign_code=campaign.code,
        actor=actor(),
        stage_kind=kind,
        stage_code=stage,
        unit_code=unit,
        document_no=document,
    )
    return f"Đã ghi nhận «{FACT_KIND.get(fact.kind, fact.kind)}»."


@fact_app.command("guidance")
def guidance(
    campaign: Campaign, stage: Stage = None, document: Document = None, tick: Tick = False
) -> None:
    """Đã ban hành văn bản hướng dẫn."""
    _run(lambda s, c: _stage_fact(s, c, "guidance", stage, None, document), tick, campaign)


@fact_app.command("survey")
def survey(
    campaign: Campaign,
    file: Annotated[Path | None, typer.Option("--file", help="CSV/XLSX điểm điều tra.")] = None,
    stage: Stage = None,
    tick: Tick = False,
) -> None:
    """Đã có kết quả điều tra XHH (nhập điểm từ tệp, hoặc chỉ ghi nhận)."""

    def act(s: Session, c: CampaignRow) -> str:
        if file is None:
            return _stage_fact(s, c, "survey", stage, None, None)
        from services.survey import import_points

        count = import_points(session=s, campaign_code=c.code, path=file, actor=actor())
        return f"Đã nhập {count} điểm điều tra."

    _run(act, tick, campaign)


@fact_app.command("council")
def council(
    campaign: Campaign,
    held_on: Annotated[str, typer.Option("--held-on", help="Ngày họp YYYY-MM-DD.")],
    members: Annotated[int, typer.Option("--members", help="Tổng số thành viên.")],
    present: Annotated[
        str, typer.Option("--present", help="Thành viên dự họp, cách nhau dấu phẩy.")
    ],
    votes_for: Annotated[int, typer.Option("--for", help="Số phiếu tán thành.")],
    votes_against: Annotated[int, typer.Option("--against", help="Số phiếu không tán thành.")] = 0,
    in_writing: Annotated[
        str, typer.Option("--in-writing", help="Thành viên góp ý bằng văn bản.")
    ] = "",
    decision: Annotated[str | None, typer.Option("--decision", help="Kết luận.")] = None,
    tick: Tick = False,
) -> None:
    """Hội đồng/Tổ thẩm định đã họp."""
    from services.council import record_session

    names = lambda text: [x.strip() for x in text.split(",") if x.strip()]  # noqa: E731
    _run(
        lambda s, c: "Đã ghi nhận phiên họp (hợp lệ: {}).".format(
            record_session(
                session=s,
                campaign_code=c.code,
                held_on=parse_day(held_on, "--held-on"),
                members_total=members,
                present=names(present),
                in_writing=names(in_writing),
                votes_for=votes_for,
                votes_against=votes_against,
                decision=decision,
                actor=actor(),
            ).valid
        ),
        tick,
        campaign,
    )


@fact_app.command("approve")
def approve(
    campaign: Campaign,
    decision_no: Annotated[str, typer.Option("--decision-no", help="Số quyết định phê duyệt.")],
    decided_on: Annotated[str, typer.Option("--decided-on", help="Ngày quyết định YYYY-MM-DD.")],
    tick: Tick = False,
    force: Annotated[
        bool, typer.Option("--force", help="Phê duyệt dù chưa đủ điều kiện (ghi nhật ký).")
    ] = False,
    reason: Annotated[str | None, typer.Option("--reason", help="Lý do khi --force.")] = None,
) -> None:
    """Chủ tịch UBND tỉnh đã phê duyệt kết quả (kết quả bị khóa)."""
    from services import approval

    def act(s: Session, c: CampaignRow) -> str:
        row = approval.approve(
            session=s,
            campaign_code=c.code,
            decision_no=decision_no,
            decided_on=parse_day(decided_on, "--decided-on"),
            actor=actor(),
            force=force,
            reason=reason,
        )
        return f"Đã phê duyệt theo {row.decision_no}."

    _run(act, tick, campaign)


@fact_app.command("publish")
def publish(campaign: Campaign, tick: Tick = False) -> None:
    """Đã công bố Chỉ số CCHC."""
    from services import approval

    def act(s: Session, c: CampaignRow) -> str:
        published = approval.publish(session=s, campaign_code=c.code, actor=actor()).published_at
        return f"Đã công bố lúc {local_moment(published)}."

    _run(act, tick, campaign)


@fact_app.command("done")
def done(
    campaign: Campaign,
    stage: Annotated[str, typer.Option("--stage", help="Mã giai đoạn.")],
    unit: Annotated[str | None, unit_or_none("Mã đơn vị (giai đoạn theo đơn vị).")] = None,
    document: Document = None,
    tick: Tick = False,
) -> None:
    """Một giai đoạn (hoặc phần việc của một đơn vị trong giai đoạn) đã hoàn thành."""
    _run(lambda s, c: _stage_fact(s, c, None, stage, unit, document), tick, campaign)


def register(app: typer.Typer) -> None:
    """Add `cchc fact ...`."""
    app.add_typer(fact_app, name="fact")
