"""The demo's closing summary: stage timeline, messages, late units, ranking (JSON-ready)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from sqlmodel import Session

from cchc.clock import to_local
from models.campaign.facts import get_campaign
from models.campaign.stage_progress import late_assignments, stage_progress
from models.outbox.queue import outbox_counts
from models.results.read import list_results


def _day(moment: datetime | None) -> str | None:
    """dd/mm/yyyy of a stored instant."""
    return None if moment is None else f"{to_local(moment):%d/%m/%Y}"


def build_summary(*, session: Session, code: str) -> dict:
    """Collect everything the demo shows at the end."""
    campaign = get_campaign(session=session, code=code)
    stages = [
        {
            "code": p.code,
            "title": p.title,
            "kind": p.kind,
            "state": p.state,
            "due": _day(p.due_at),
            "opened": _day(p.opened_at),
            "closed": _day(p.closed_at),
            "done": p.counts["done"],
            "late": p.counts["late"],
            "refused": p.counts["refused"],
            "total": p.total,
        }
        for p in stage_progress(session=session, campaign_id=campaign.id)
    ]
    counts = outbox_counts(session=session, campaign_id=campaign.id)
    sent: Counter[str] = Counter()
    for (kind, state), n in counts.items():
        if state == "delivered":
            sent[kind] += n
    late = [
        {"stage": s, "unit": u, "name": n, "received": _day(r)}
        for s, u, n, r in late_assignments(session=session, campaign_id=campaign.id)
    ]
    ranking: dict[str, list[dict]] = {}
    for row in sorted(
        list_results(session=session, campaign_id=campaign.id),
        key=lambda r: (r.rank_group, r.rank or 10**6),
    ):
        ranking.setdefault(row.rank_group, []).append(
            {
                "rank": row.rank,
                "unit": row.unit_code,
                "name": row.unit_name,
                "index": round(row.index_value, 2),
                "tied": row.tied,
                "band": row.band,
            }
        )
    return {
        "campaign": code,
        "state": campaign.state,
        "stages": stages,
        "messages": dict(sent),
        "failed_messages": sum(n for (_, st), n in counts.items() if st == "failed"),
        "late_units": late,
        "ranking": ranking,
    }
