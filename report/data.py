"""Gather what a report shows: results per block, field points, approval, last year."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from sqlmodel import Session

from cchc.wording.blocks import block_title
from cchc.wording.rank_rules import rank_rule_text
from models.campaign.rules import campaign_rules
from models.campaign.tables import Campaign
from models.catalog.lookup import code_key
from models.results.read import (
    ResultRow,
    field_points,
    field_titles,
    list_results,
    previous_campaign,
)
from models.results.stats import BlockStats, block_stats
from models.results.tables import FieldResult
from models.results.views import latest_approval
from models.scoring.council import Approval


@dataclass
class Block:
    """One rank block: its units in rank order and the fields of its heat map."""

    code: str
    rows: list[ResultRow]
    fields: list[tuple[str, str]]  # (field code, title)
    title: str = ""
    stats: BlockStats | None = None


@dataclass
class ReportData:
    """Everything the XLSX and HTML reports show."""

    campaign: Campaign
    blocks: list[Block]
    fields: dict[uuid.UUID, dict[str, FieldResult]]
    bands: dict[str, str]
    approval: Approval | None
    previous: Campaign | None
    rows: list[ResultRow] = field(default_factory=list)
    rank_text: str = ""  # how units are ranked, worded from the frozen rank rules
    decimals: int = 2  # the published precision every number is rounded at


def gather(*, session: Session, campaign: Campaign) -> ReportData:
    """Read the campaign's results and everything around them."""
    rows = list_results(session=session, campaign_id=campaign.id)
    points = field_points(session=session, campaign_id=campaign.id)
    titles = field_titles(session=session, campaign_id=campaign.id)
    rules = campaign_rules(session=session, campaign=campaign)
    bands = rules.band_labels()
    blocks: dict[str, list[ResultRow]] = {}
    for row in rows:
        blocks.setdefault(row.rank_group, []).append(row)
    out = []
    for code, members in blocks.items():
        codes = {f for r in members for f in points.get(r.unit_id, {})}
        fields = [(c, titles.get(c, c)) for c in sorted(codes, key=code_key)]
        title = block_title(code, (r.unit_name for r in members))
        stats = block_stats(code, title, members, list(bands), rules.decimals)
        out.append(Block(code=code, rows=members, fields=fields, title=title, stats=stats))
    rank = rules.rank
    return ReportData(
        campaign=campaign,
        blocks=out,
        fields=points,
        bands=bands,
        approval=latest_approval(session=session, campaign_id=campaign.id),
        previous=previous_campaign(session=session, campaign=campaign),
        rows=rows,
        rank_text=rank_rule_text(rank.method, rank.precision, rank.tie_break, titles),
        decimals=rules.decimals,
    )
