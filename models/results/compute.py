"""Compute campaigns' index and ranking in the database.

compute_campaigns never loads score rows into Python: set-based statements do the work, on
PostgreSQL one for the ranking (sql.py) and one for the heat map (field_sql.py) per batch of
campaigns (inputs.py), so 63 provincial campaigns cost one pass, not 63 calls, and a national
campaign (12,000 units x 100 leaves) stays in the database.
"""

from __future__ import annotations

import uuid

from sqlmodel import Session

from cchc.clock import now
from cchc.wording.rank_rules import computation_note
from models.audit.log import record_audit
from models.catalog.criteria import CriteriaSet
from models.catalog.lookup import campaign_sets, get_campaign_by_id
from models.results.bands import Bands
from models.results.batch import run_batch
from models.results.execute import execute
from models.results.inputs import CampaignInputs, batches, campaign_inputs
from models.scoring.freeze import ensure_none_frozen


def compute_results(
    *,
    session: Session,
    campaign_id: uuid.UUID,
    tie_break: str | None = None,
    bands: Bands | None = None,
    with_fields: bool = True,
    actor: str = "system",
) -> int:
    """(Re)compute every unit's points, index, rank and band in SQL; return the number of units.

    with_fields=False recomputes the ranking only and leaves the heat map's per-field rows as
    they were (benchmarks measure the ranking pass this way).
    """
    counts = compute_campaigns(
        session=session,
        campaign_ids=[campaign_id],
        tie_break=tie_break,
        bands=bands,
        with_fields=with_fields,
        actor=actor,
    )
    return counts[campaign_id]


def compute_campaigns(
    *,
    session: Session,
    campaign_ids: list[uuid.UUID],
    tie_break: str | None = None,
    bands: Bands | None = None,
    with_fields: bool = True,
    actor: str = "system",
) -> dict[uuid.UUID, int]:
    """(Re)compute several campaigns at once, as each alone would; return units per campaign."""
    if not campaign_ids:
        return {}
    ensure_none_frozen(session=session, campaign_ids=campaign_ids)
    inputs = campaign_inputs(
        session=session, campaign_ids=campaign_ids, tie_break=tie_break, bands=bands
    )
    counts = {item.campaign_id: 0 for item in inputs}
    _clear([item for item in inputs if not item.rules], session)
    computed_at = now()
    for batch in batches([item for item in inputs if item.rules]):
        counts |= run_batch(session, batch, with_fields, computed_at)
    for item in inputs:
        _audit(session, item, counts[item.campaign_id], actor)
    return counts


def _clear(items: list[CampaignInputs], session: Session) -> None:
    """Delete the rows of campaigns no criteria-set rule covers (nothing to rank)."""
    for item in items:
        for table in ("field_result", "result"):
            sql = f"DELETE FROM {table} WHERE campaign_id = :campaign_id"
            execute(session, sql, {"campaign_id": item.campaign_id})


def _audit(session: Session, item: CampaignInputs, count: int, actor: str) -> None:
    """Record one campaign's computation, with the person who asked for it."""
    record_audit(
        session=session,
        actor=actor,
        action="compute_results",
        entity="campaign",
        entity_id=item.campaign_id,
        campaign_id=item.campaign_id,
        field="results",
        new=count,
        reason=_rules_said(item),
    )


def _rules_said(item: CampaignInputs) -> str:
    """The rules the computation used, as the audit view shows them."""
    rank = item.rank
    return computation_note(rank.method, rank.precision, rank.tie_break, item.with_survey)


def criteria_sets_of(*, session: Session, campaign_id: uuid.UUID) -> list[CriteriaSet]:
    """Return the criteria sets the campaign is scored with."""
    campaign = get_campaign_by_id(session=session, campaign_id=campaign_id)
    return campaign_sets(session=session, campaign=campaign)
