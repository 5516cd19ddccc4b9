"""Gather what a report shows: results per block, field points, approval, last year."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from sqlmodel import Session

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
from models.results.tables import FieldResult
from models.results.views import latest_approval
from models.scoring.council import Approval


@dataclass
class Block:
    """One rank block: its units in rank order and the fields of its heat map."""

    code: str
    rows: list[ResultRow]
    fields: list[tuple[str, str]]  # (field code, title)


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


def gather(*, session: Session, campaign: Campaign) -> ReportData:
    """Read the campaign's results and everything around them."""
    rows = list_results(session=session, campaign_id=campaign.id)
    points = field_points(session=session, campaign_id=campaign.id)
    titles = field_titles(session=session, campaign_id=campaign.id)
    blocks: dict[str, list[ResultRow]] = {}
    for row in rows:
        blocks.setdefault(row.rank_group, []).append(row)
    out = []
    for code, members in blocks.items():
        codes = {f for r in members for f in points.get(r.unit_id, {})}
        fields = [(c, titles.get(c, c)) for c in sorted(codes, key=code_key)]
        out.append(Block(code=code, rows=members, fields=fields))
    approval = latest_approval(session=session, campaign_id=campaign.id)
    return ReportData(
        campaign=campaign,
        blocks=out,
        fields=points,
        bands=campaign_rules(session=session, campaign=campaign).band_labels(),
        approval=approval,
        previous=previous_campaign(session=session, campaign=campaign),
        rows=rows,
    )
