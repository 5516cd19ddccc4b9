"""The campaign page's body: a fixed set of bounded queries, whatever the campaign's size.

Progress is summarised (per stage, per rank group); the heat map shows one page of rows at a
time (`models/campaign/heat_map.py`), so a 12,000-unit campaign renders as fast as a small one
and needs no cache.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup
from sqlmodel import Session

from cchc.clock import now
from cchc.wording.dates import clock_time
from models.accounts.tables import User
from models.campaign import heat_map, progress, unit_views
from models.campaign.tables import Campaign
from models.catalog.units import OrgUnit
from models.results import views as result_views
from services.access import watches_all
from services.visibility import sees_all_results
from web.fmt import Countdown
from web.pages import timeline
from web.pages.filters import Filters
from web.pages.heat_cells import HeatCells, field_cells
from web.pages.render import TEMPLATES

OPEN_LIMIT = 50
LOG_LIMIT = 20
RESULTS_PER_BLOCK = 20  # a page of each block; the reader pages through one block at a time


@dataclass
class CampaignView:
    """The data the shared body shows."""

    stages: list[progress.StageProgress]
    unit_stages: list[progress.StageProgress]
    timeline: timeline.Timeline
    heat: heat_map.HeatPage | None = None
    groups: list[heat_map.GroupSummary] = field(default_factory=list)
    open_rows: list[unit_views.OpenTask] = field(default_factory=list)
    outbox_counts: dict[str, int] | None = None
    outbox: list[tuple[Any, Any]] = field(default_factory=list)
    outbox_marks: dict[str, int] = field(default_factory=dict)
    results: list[result_views.RankingBlock] | None = None
    fields: dict[uuid.UUID, dict[str, tuple[float, float]]] = field(default_factory=dict)
    field_codes: list[str] = field(default_factory=list)
    lead_names: dict[str, str] = field(default_factory=dict)


def _results(session: Session, camp: Campaign, wanted: Filters) -> dict[str, Any]:
    """Build a page of the ranking per block and the field heat map of the units shown."""
    blocks = result_views.ranking_blocks(
        session=session,
        campaign_id=camp.id,
        per_page=RESULTS_PER_BLOCK,
        block=wanted.rank,
        page=wanted.rank_page,
    )
    shown = {unit.id for b in blocks for _, unit in b.rows}
    fields: dict[uuid.UUID, dict[str, tuple[float, float]]] = defaultdict(dict)
    # Only the units shown (none before ranking: no query), not every unit's points of the province.
    if shown:
        points = result_views.field_points(session=session, campaign_id=camp.id, unit_ids=shown)
        for unit_id, code, achieved, top in points:
            fields[unit_id][code] = (achieved, top)
    codes = sorted({c for f in fields.values() for c in f}, key=lambda c: (len(c), c))
    return {"results": blocks, "fields": dict(fields), "field_codes": codes}


def _with_stage(stages: list[progress.StageProgress], wanted: Filters) -> heat_map.HeatFilter:
    """Resolve the stage code the reader chose to its id (an unknown code filters nothing)."""
    ids = {p.stage.code: p.stage.id for p in stages}
    return heat_map.HeatFilter(
        group=wanted.group,
        state=wanted.state,
        stage_id=ids.get(wanted.stage or ""),
        search=wanted.search,
        page=wanted.page,
    )


def build_view(
    session: Session,
    camp: Campaign,
    group: OrgUnit | None,
    overseer: bool,
    with_results: bool,
    wanted: Filters | None = None,
) -> CampaignView:
    """Query what the body shows: progress always; heat map, open list and log for overseers."""
    counted, groups = heat_map.stage_and_group_counts(session=session, campaign_id=camp.id)
    stages = progress.stage_progress(session=session, campaign_id=camp.id, counted=counted)
    view = CampaignView(stages=stages, unit_stages=[], timeline=timeline.build(stages))
    leads = sorted({p.stage.lead_code for p in stages if p.stage.lead_code})
    view.lead_names = unit_views.names_by_code(
        session=session, province_code=camp.province_code, codes=leads
    )
    if overseer:
        view.heat = heat_map.heat_page(
            session=session,
            campaign=camp,
            parent_id=group.id if group else None,
            wanted=_with_stage(stages, wanted or Filters()),
        )
        view.unit_stages = [s for s in stages if s.unit_stage]
        view.groups = groups if group is None else []
        view.open_rows = unit_views.open_assignments(
            session=session,
            campaign_id=camp.id,
            limit=OPEN_LIMIT,
            unit_ids=[r.unit.id for r in view.heat.rows] if group else None,
        )
        view.outbox_counts, view.outbox_marks = result_views.outbox_summary(
            session=session, campaign_id=camp.id
        )
        view.outbox = result_views.outbox(
            session=session, campaign_id=camp.id, mark=(wanted or Filters()).log, limit=LOG_LIMIT
        )
    if with_results and group is None:
        for key, value in _results(session, camp, wanted or Filters()).items():
            setattr(view, key, value)
    return view


def campaign_body(
    session: Session,
    camp: Campaign,
    user: User,
    group: OrgUnit | None,
    published: bool,
    wanted: Filters | None = None,
) -> tuple[Markup, str]:
    """Return the rendered body for this user's audience and the moment its data were read."""
    overseer = watches_all(user)
    with_results = sees_all_results(user=user, published=published)
    read_at = now()  # when the data were read: the page states it, and counts days from it
    view = build_view(session, camp, group, overseer, with_results, wanted)
    countdown = Countdown.of(camp, read_at)
    template = TEMPLATES.get_template("_campaign_body.html")
    html = template.render(
        camp=camp,
        view=view,
        group=group,
        overseer=overseer,
        published=published,
        wanted=wanted or Filters(),
        countdown=countdown,
        heat_cells=HeatCells([p.stage.id for p in view.unit_stages], countdown),
        field_cells=field_cells,
    )
    return Markup(html), clock_time(read_at)
