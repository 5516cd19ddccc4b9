"""What compute_results needs of each campaign, read once, and the batches it runs them in.

A batch is computed by one set of statements, so its campaigns share the rank rules, bands,
precision and survey flag (the SQL's constants), and hold at most one campaign per province:
a unit belongs to one province, so within a batch its scores are its one campaign's, and the
per-unit sums can stay grouped by unit alone (the plan that made one campaign fast).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from sqlmodel import Session, col, select

from cchc.errors import NotFound
from models.campaign.rules import campaign_rules
from models.campaign.tables import Campaign
from models.catalog.lookup import allows_not_applicable, campaign_sets, set_rules
from models.results.bands import Bands
from models.results.rank_rules import RankRules
from models.results.rules import first_rules


@dataclass(frozen=True)
class CampaignInputs:
    """One campaign's constants for the results SQL."""

    campaign_id: uuid.UUID
    province: str
    with_survey: bool
    rules: list
    maxima: dict
    rank: RankRules
    bands: Bands
    decimals: int
    exclusive: frozenset[str]
    caps: dict  # {set id: index cap} of the sets that cap the index
    not_applicable: bool  # a set lets leaves be marked not applicable to a unit

    def shared(self) -> str:
        """Return what every campaign of one batch must share, as a comparable key."""
        bands = [list(b) for b in self.bands]
        rest = [self.decimals, sorted(self.exclusive), self.with_survey]
        return json.dumps([self.rank.as_json(), bands, *rest], sort_keys=True, default=str)


def campaign_inputs(
    *,
    session: Session,
    campaign_ids: list[uuid.UUID],
    tie_break: str | None = None,
    bands: Bands | None = None,
) -> list[CampaignInputs]:
    """Read each campaign's frozen rules, criteria sets and maxima (campaigns in one query)."""
    rows = session.exec(select(Campaign).where(col(Campaign.id).in_(campaign_ids))).all()
    by_id = {c.id: c for c in rows}
    missing = [cid for cid in campaign_ids if cid not in by_id]
    if missing:
        raise NotFound(f"không có chiến dịch {missing[0]}")
    return [_inputs(session, by_id[cid], tie_break, bands) for cid in dict.fromkeys(campaign_ids)]


def _inputs(
    session: Session, campaign: Campaign, tie_break: str | None, bands: Bands | None
) -> CampaignInputs:
    """Read one campaign's inputs."""
    frozen = campaign_rules(session=session, campaign=campaign)  # never config/ at query time
    rank = frozen.rank
    if tie_break:  # a caller's single key replaces the frozen chain (benchmarks, tests)
        rank = RankRules(rank.method, rank.precision, (tie_break,), rank.blocks)
    rank.check()
    sets = campaign_sets(session=session, campaign=campaign)
    with_survey = bool(campaign.has_survey) and any(s.survey_total > 0 for s in sets)
    return CampaignInputs(
        campaign_id=campaign.id,
        province=campaign.province_code,
        with_survey=with_survey,
        rules=first_rules(set_rules(sets)),
        maxima={s.id: s.total if with_survey else s.self_total for s in sets},
        rank=rank,
        bands=frozen.band_rules() if bands is None else bands,
        decimals=frozen.decimals,
        exclusive=frozen.band_exclusive(),
        caps={s.id: s.index_cap for s in sets if s.index_cap},
        not_applicable=allows_not_applicable(session=session, set_ids=[s.id for s in sets]),
    )


def batches(inputs: list[CampaignInputs]) -> list[list[CampaignInputs]]:
    """Split campaigns with rules into batches: shared constants, one campaign per province."""
    out: list[list[CampaignInputs]] = []
    for item in inputs:
        home = next(
            (b for b in out if b[0].shared() == item.shared()
             and all(o.province != item.province for o in b)),
            None,
        )
        if home is None:
            out.append([item])
        else:
            home.append(item)
    return out
