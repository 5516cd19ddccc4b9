"""Scoring commands: `cchc template`, `submit`, `appraise`, `survey import`, `results`, `report`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from cchc.errors import CchcError
from cli.actor import actor
from cli.args import CampaignOpt, UnitOpt
from cli.output import console, fail

JsonOpt = Annotated[bool, typer.Option("--json", help="In JSON cho script.")]
survey_app = typer.Typer(help="Điều tra xã hội học: nhập điểm hoặc phiếu.", no_args_is_help=True)


def with_campaign(campaign: str, action: Callable[[Any, Any], Any]) -> Any:
    """Run `action(session, campaign)` in one transaction; a CchcError exits 2 with its problems."""
    from cchc.db import session_scope
    from cli import campaign_ops
    from models.campaign.facts import get_campaign

    try:
        with session_scope(campaign_ops.engine()) as session:
            return action(session, get_campaign(session=session, code=campaign))
    except CchcError as exc:
        fail(str(exc), problems=getattr(exc, "problems", None))


def in_session(action: Callable[[Any], Any]) -> Any:
    """Run `action(session)` (a service entry) in one transaction; a CchcError exits 2."""
    from cchc.db import session_scope
    from cli import campaign_ops

    try:
        with session_scope(campaign_ops.engine()) as session:
            return action(session)
    except CchcError as exc:
        fail(str(exc), problems=getattr(exc, "problems", None))


def template(
    campaign: CampaignOpt,
    unit: UnitOpt,
    output: Annotated[Path, typer.Option("-o", "--output", help="Tệp .xlsx cần ghi.")],
) -> None:
    """Ghi tệp Excel tự đánh giá của đơn vị (theo mẫu phụ lục)."""
    from services.workbook import export_template

    path = in_session(
        lambda s: export_template(
            session=s, campaign_code=campaign, unit_code=unit, actor=actor(), path=output
        )
    )
    console.print(f"Đã ghi {path}")


def submit(
    file: Annotated[Path, typer.Argument(help="Tệp Excel đã điền.", exists=True, dir_okay=False)],
    campaign: CampaignOpt,
    unit: UnitOpt,
    draft: Annotated[bool, typer.Option("--draft", help="Chỉ lưu nháp, chưa nộp.")] = False,
    evidence_dir: Annotated[
        Path | None, typer.Option("--evidence-dir", help="Thư mục chứa tài liệu kiểm chứng.")
    ] = None,
) -> None:
    """Đọc tệp Excel tự đánh giá, lưu nháp và nộp (giờ nhận theo máy chủ)."""
    from cchc.wording.dates import fmt_date
    from services import workbook

    who = f"{actor()} ({unit})"  # the person, on behalf of the unit

    def save(s: Any) -> str:
        row = workbook.import_draft(
            session=s,
            campaign_code=campaign,
            unit_code=unit,
            actor=who,
            path=file,
            evidence_dir=evidence_dir,
        )
        return f"Đã lưu nháp phiên bản {row.version} (khóa {row.lock_version})."

    def send(s: Any) -> str:
        row = workbook.submit(
            session=s, campaign_code=campaign, unit_code=unit, actor=who, path=file
        )
        late = " — NỘP MUỘN" if row.late else ""
        return f"Đã nộp phiên bản {row.version} lúc {fmt_date(row.received_at)}{late}."

    saved = in_session(save)  # committed: a refused submission below keeps the draft
    console.print(saved if draft else in_session(send))


def appraise(
    campaign: CampaignOpt,
    unit: UnitOpt,
    item: Annotated[
        str | None, typer.Option("--item", help="Mã tiêu chí (bỏ trống: chấp nhận tất cả).")
    ] = None,
    adjust: Annotated[float | None, typer.Option("--adjust", help="Điểm điều chỉnh.")] = None,
    reason: Annotated[str | None, typer.Option("--reason", help="Lý do điều chỉnh.")] = None,
    figure: Annotated[
        float | None, typer.Option("--figure", help="Số liệu của tiêu chí chấm theo công thức.")
    ] = None,
    field: Annotated[
        str | None, typer.Option("--field", help="Chỉ chấp nhận một lĩnh vực.")
    ] = None,
) -> None:
    """Thẩm định: chấp nhận hoặc điều chỉnh điểm tự đánh giá."""
    from cchc.wording.numbers import fmt_points
    from services import appraisal

    def act(s: Any) -> str:
        if item is None:
            n = appraisal.accept_all(
                session=s, campaign_code=campaign, unit_code=unit, actor=actor(), field_code=field
            )
            return f"Đã chấp nhận {n} tiêu chí."
        _item, row = appraisal.appraise_item(
            session=s,
            campaign_code=campaign,
            unit_code=unit,
            item_code=item,
            actor=actor(),
            decision="accepted" if adjust is None and figure is None else "adjusted",
            score=adjust,
            reason=reason,
            figure=figure,
        )
        return f"{item}: {row.decision}, điểm thẩm định {fmt_points(row.appraised_score)}."

    console.print(in_session(act))


def not_applicable(
    campaign: CampaignOpt,
    unit: UnitOpt,
    item: Annotated[str, typer.Option("--item", help="Mã tiêu chí.")],
    reason: Annotated[str | None, typer.Option("--reason", help="Lý do không áp dụng.")] = None,
    clear: Annotated[bool, typer.Option("--clear", help="Bỏ đánh dấu.")] = False,
) -> None:
    """Đánh dấu (hoặc bỏ đánh dấu) tiêu chí không áp dụng đối với đơn vị."""
    from services import not_applicable as na

    def act(s: Any) -> str:
        if clear:
            done = na.clear_not_applicable(
                session=s, campaign_code=campaign, unit_code=unit, item_code=item, actor=actor()
            )
            return f"{item}: đã bỏ đánh dấu không áp dụng." if done else f"{item}: chưa đánh dấu."
        na.mark_not_applicable(
            session=s, campaign_code=campaign, unit_code=unit, item_code=item,
            reason=reason or "", actor=actor(),
        )  # fmt: skip
        return f"{item}: không áp dụng đối với {unit}."

    console.print(in_session(act))


@survey_app.command("import")
def survey_import(
    file: Annotated[Path, typer.Argument(help="Tệp CSV/XLSX.", exists=True, dir_okay=False)],
    campaign: CampaignOpt,
    ballots: Annotated[
        bool, typer.Option("--ballots", help="Tệp là phiếu thô, chấm theo trọng số.")
    ] = False,
) -> None:
    """Nhập điểm điều tra XHH theo đơn vị và tiêu chí, hoặc phiếu thô (--ballots)."""
    from services import survey

    def act(s: Any) -> str:
        if not ballots:
            n = survey.import_points(session=s, campaign_code=campaign, path=file, actor=actor())
            return f"Đã nhập {n} điểm."
        done = survey.import_ballots(session=s, campaign_code=campaign, path=file, actor=actor())
        for gap in done.scoring.gaps:
            console.print(
                f"Thiếu phiếu: {gap.unit_code} / {gap.item_code}: {gap.ballots} < {gap.needed}"
            )
        gaps = len(done.scoring.gaps)
        scored = done.scoring.scored
        return f"Đã nhập {done.ballots} phiếu; chấm {scored} tiêu chí; {gaps} chưa đủ phiếu."

    console.print(in_session(act), markup=False)


@survey_app.command("coverage")
def survey_coverage_cmd(campaign: CampaignOpt) -> None:
    """Liệt kê đơn vị/tiêu chí chưa có điểm điều tra XHH."""
    from services.survey import coverage

    gaps = in_session(lambda s: coverage(session=s, campaign_code=campaign))
    for gap in gaps:
        console.print(f"{gap.unit_code} / {gap.item_code}: chưa có điểm", markup=False)
    console.print(f"{len(gaps)} tiêu chí chưa có điểm điều tra.")


def report(
    campaign: CampaignOpt,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Thư mục báo cáo (mặc định var/report).")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Ghi báo cáo công bố: XLSX (xếp hạng + phụ lục từng đơn vị) và HTML có biểu đồ."""
    from cchc.settings import get_settings
    from report.build import write_report

    folder = output or get_settings().var_dir / "report"
    paths = with_campaign(campaign, lambda s, c: write_report(session=s, campaign=c, folder=folder))
    if as_json:
        typer.echo(json.dumps(paths["results"], ensure_ascii=False, indent=2))
        return
    console.print(f"Đã ghi {paths['xlsx']}\nĐã ghi {paths['html']}")


def reopen(
    campaign: CampaignOpt,
    decision_no: Annotated[
        str, typer.Option("--decision-no", help="Số quyết định cho phép điều chỉnh.")
    ],
    reason: Annotated[str, typer.Option("--reason", help="Lý do.")],
) -> None:
    """Mở khóa kết quả đã phê duyệt theo một quyết định mới (được ghi nhật ký)."""
    from services import approval

    n = with_campaign(
        campaign,
        lambda s, c: approval.reopen(
            session=s, campaign_code=c.code, decision_no=decision_no, reason=reason, actor=actor()
        ),
    )
    console.print(f"Đã mở khóa {n} kết quả; phê duyệt lại bằng `cchc fact approve`.")


def register(app: typer.Typer) -> None:
    """Add the scoring commands."""
    from cli.results_cmds import results

    for command in (template, submit, appraise, results, report, reopen):
        app.command(command.__name__)(command)
    app.command("not-applicable")(not_applicable)
    app.add_typer(survey_app, name="survey")
