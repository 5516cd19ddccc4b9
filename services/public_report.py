"""The public results page and its downloads: the last published snapshot, for anyone."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session

from cchc.errors import NotFound
from cchc.settings import get_settings
from cchc.wording.labels import UNDER_REVIEW
from report.build import write_report
from report.data import ReportData, gather
from report.pdf import write_pdf
from services.public import PublicView, published_view


@dataclass
class PublicPage:
    """The snapshot the public sees, and the full report data while it still stands."""

    view: PublicView
    data: ReportData | None  # None while under review: only the stored snapshot is shown


def public_report(*, session: Session, campaign_code: str) -> PublicPage:
    """Return what the public page shows; 404 before the first publication."""
    view = published_view(session=session, campaign_code=campaign_code)
    # While published, results are frozen and equal the snapshot; during a reopen they are
    # live, unapproved numbers, so only the stored snapshot may be shown.
    data = None if view.under_review else gather(session=session, campaign=view.campaign)
    return PublicPage(view=view, data=data)


def public_file(*, session: Session, campaign_code: str, kind: str) -> Path:
    """Return the published XLSX (or its PDF print), written once per published snapshot."""
    view = published_view(session=session, campaign_code=campaign_code)
    folder = get_settings().var_dir / "public" / view.campaign.code / str(view.snapshot.id)
    wanted = folder / ("report.pdf" if kind == "pdf" else "report.xlsx")
    if wanted.is_file():
        return wanted  # written while this snapshot stood: safe to serve during a review too
    if view.under_review:
        raise NotFound(f"{UNDER_REVIEW}: tệp tải về chưa sẵn sàng")
    paths = write_report(session=session, campaign=view.campaign, folder=folder / "build")
    source = Path(paths["xlsx"]) if kind == "xlsx" else _pdf(Path(paths["html"]))
    source.replace(wanted)  # in place at once: a reader never sees a half-written file
    return wanted


def _pdf(html: Path) -> Path:
    """Print the report's HTML to PDF with the headless browser."""
    return write_pdf(html, html.with_suffix(".pdf"))
