"""The heat map's query parameters: rank group, assignment state, stage, name search, page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from urllib.parse import urlencode

from fastapi import Request

from cchc.wording.labels import ASSIGNMENT_STATE, RANK_GROUP
from models.outbox.marks import MARKS, Mark

SEARCH_MAX = 80


@dataclass(frozen=True)
class Filters:
    """What the reader asked the heat map for; unknown values are ignored, never an error."""

    group: str | None = None
    state: str | None = None
    stage: str | None = None
    search: str | None = None
    page: int = 1
    log: Mark | None = None  # the notification log's filter: held for the quiet hours, users' own
    rank: str | None = None  # the ranking block paged beyond its first page
    rank_page: int = 1

    @property
    def active(self) -> bool:
        """Tell whether the reader narrowed the rows."""
        return bool(self.group or self.state or self.search)

    def _params(self, **changed: object) -> str:
        """This page's query string with `changed` values (defaults left out)."""
        values = asdict(self) | changed
        kept = {k: v for k, v in values.items() if v and not (k in PAGES and v == 1)}
        return urlencode({"q" if k == "search" else k: v for k, v in kept.items()})

    def log_query(self, log: str | None) -> str:
        """The query string showing the notification log filtered by `log` (heat map kept)."""
        return self._params(log=log)

    def heat_href(self, page: int) -> str:
        """The link to page `page` of the heat map (filters kept)."""
        return f"?{self._params(page=page)}#heat"

    def rank_href(self, block: str) -> Callable[[int], str]:
        """Links to the pages of ranking block `block` (everything else kept)."""
        return lambda page: f"?{self._params(rank=block, rank_page=page)}#rank-{block}"


PAGES = ("page", "rank_page")


def _page(text: str | None) -> int:
    """A page number from the query (1 when missing or not a number)."""
    return int(text) if text and text.isdigit() and 0 < len(text) < 7 else 1


def parse_filters(request: Request) -> Filters:
    """Read ?group=&state=&stage=&q=&page=&log=&rank=&rank_page= from the request."""
    q = request.query_params
    group = q.get("group") if q.get("group") in RANK_GROUP else None
    state = q.get("state") if q.get("state") in ASSIGNMENT_STATE else None
    typed = "".join(ch for ch in q.get("q") or "" if ch.isprintable())  # PostgreSQL refuses NUL
    search = typed.strip()[:SEARCH_MAX] or None
    stage = (q.get("stage") or "").strip()[:96] or None
    log = next((m for m in MARKS if m == q.get("log")), None)
    rank = q.get("rank") if q.get("rank") in RANK_GROUP else None
    page, rank_page = _page(q.get("page")), _page(q.get("rank_page"))
    return Filters(group, state, stage, search, page, log, rank, rank_page if rank else 1)
