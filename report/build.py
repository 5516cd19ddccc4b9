"""`cchc report`: gather the results once, write the XLSX and HTML reports, return their paths."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session

from cchc.errors import ValidationError
from cchc.wording.refusals import no_results
from models.campaign.tables import Campaign
from report.data import gather
from report.html_report import write_html


def write_report(*, session: Session, campaign: Campaign, folder: str | Path) -> dict:
    """Write <folder>/<campaign>.xlsx and .html; return their paths and the results as JSON."""
    from report.xlsx_report import write_xlsx  # openpyxl (and numpy): only when a report is written

    folder = Path(folder)
    data = gather(session=session, campaign=campaign)
    if not data.rows:  # nothing to rank: refuse before any file is opened
        raise ValidationError(no_results(campaign.code))
    xlsx = write_xlsx(session, data, folder / f"chi-so-cchc-{campaign.code}.xlsx")
    html = write_html(data, folder / f"chi-so-cchc-{campaign.code}.html")
    return {
        "xlsx": str(xlsx),
        "html": str(html),
        "results": [r.as_json(data.decimals) for r in data.rows],
        "blocks": [b.stats.as_json() for b in data.blocks if b.stats],
        "rank_rules": data.rank_text,
    }
