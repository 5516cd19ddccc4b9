"""The public results page and its downloads: only for a published campaign, for anyone."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session

from cchc.errors import NotFound
from cchc.settings import get_settings
from models.campaign.facts import get_campaign
from report.build import write_report
from report.data import ReportData, gather
from report.pdf import write_pdf
from services.visibility import is_published

NOT_PUBLISHED = "Kết quả của chiến dịch này chưa được công bố"


def public_report(*, session: Session, campaign_code: str) -> ReportData:
    """Return what the public page shows: blocks, figures, decision; 404 before publication."""
    campaign = get_campaign(session=session, code=campaign_code)
    if not is_published(session=session, campaign=campaign):
        raise NotFound(NOT_PUBLISHED)
    return gather(session=session, campaign=campaign)


def public_file(*, session: Session, campaign_code: str, kind: str) -> Path:
    """Write the published XLSX (or its PDF print) under var/public/ and return its path."""
    campaign = get_campaign(session=session, code=campaign_code)
    if not is_published(session=session, campaign=campaign):
        raise NotFound(NOT_PUBLISHED)
    folder = get_settings().var_dir / "public" / campaign.code
    paths = write_report(session=session, campaign=campaign, folder=folder)
    if kind == "xlsx":
        return Path(paths["xlsx"])
    html = Path(paths["html"])
    return write_pdf(html, html.with_suffix(".pdf"))
