"""`cchc results`: one campaign's index and ranking, or every running campaign in one pass."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from cli.actor import actor
from cli.args import campaign_or_none
from cli.output import console, fail
from cli.score_cmds import JsonOpt, in_session, with_campaign


def results(
    campaign: Annotated[str | None, campaign_or_none("Mã chiến dịch.")] = None,
    as_json: JsonOpt = False,
    all_campaigns: Annotated[
        bool,
        typer.Option("--all", help="Tính một lượt mọi chiến dịch đang chạy chưa phê duyệt."),
    ] = False,
) -> None:
    """Tính (nếu chưa phê duyệt) và in Chỉ số CCHC, xếp hạng theo khối."""
    from cli.score_views import results_table
    from services.results import current_results

    if all_campaigns or campaign is None:
        _results_all(all_campaigns, as_json)
        return
    rows = with_campaign(
        campaign, lambda s, c: current_results(session=s, campaign_code=c.code, actor=actor())
    )
    if as_json:
        typer.echo(json.dumps([r.as_json() for r in rows], ensure_ascii=False, indent=2))
        return
    console.print(results_table(rows))


def _results_all(all_campaigns: bool, as_json: bool) -> None:
    """Compute every running, unapproved campaign in one pass and print units per campaign."""
    from cchc.wording.computed import NEED_CAMPAIGN, computed_lines
    from services.results import compute_many

    if not all_campaigns:
        fail(NEED_CAMPAIGN)
    counts = in_session(lambda s: compute_many(session=s, actor=actor()))
    if as_json:
        typer.echo(json.dumps(counts, ensure_ascii=False, indent=2))
        return
    for line in computed_lines(counts):
        console.print(line, markup=False)
