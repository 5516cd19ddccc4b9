"""The rules a campaign's results depend on, copied from the config into campaign.rules at launch.

Bands (thresholds and labels), survey scoring and ranking (tie-break, published precision) are
read from the campaign row, never from config/ at query time: editing bands.yaml or
survey/*.yaml reaches only campaigns launched afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from models.campaign.tables import Campaign
from models.results.bands import Bands, Scheme, band_scheme
from models.results.rank_rules import RankRules, rank_rules_of
from models.scoring.survey_rules import SurveyRules, survey_rules_for

# Ranks, ties and bands compare the index rounded half-up to this many decimals (92,18).
PUBLISHED_DECIMALS = 2


@dataclass(frozen=True)
class CampaignRules:
    """A campaign's frozen bands, survey scoring and ranking rules."""

    bands: Scheme  # (code, min, label, min exclusive), highest first
    survey: SurveyRules
    tie_break: str | None  # the first key of rank.tie_break (kept for older readers)
    decimals: int  # published precision: what the report prints and bands compare
    rank: RankRules = RankRules()

    def band_rules(self) -> Bands:
        """Return (code, min) bands, highest first, for the ranking SQL."""
        return [(code, minimum) for code, minimum, _, _ in self.bands]

    def band_exclusive(self) -> frozenset[str]:
        """Return the codes of bands whose min is exclusive ("trên 90 điểm")."""
        return frozenset(code for code, _, _, exclusive in self.bands if exclusive)

    def band_labels(self) -> dict[str, str]:
        """Return {band code: label} for reports and the dashboard."""
        return {code: label for code, _, label, _ in self.bands}


def freeze_rules(
    *,
    province_code: str,
    scheme: str | None,
    tie_break: str | None,
    rank: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Return today's config rules for a campaign as the JSON its `rules` column keeps."""
    ranking = RankRules.from_json(rank or {})
    if tie_break and not ranking.tie_break:  # the older single-key policy.tie_break
        ranking = RankRules.from_json({**ranking.as_json(), "tie_break": [tie_break]})
    return {
        "band_scheme": scheme,
        "bands": [
            {"code": c, "min": m, "label": label, "exclusive": x}
            for c, m, label, x in band_scheme(scheme)
        ],
        "survey": survey_rules_for(province_code).as_json(),
        "tie_break": ranking.tie_break[0] if ranking.tie_break else None,
        "decimals": PUBLISHED_DECIMALS,
        "rank": ranking.as_json(),
    }


def parse_rules(frozen: dict[str, Any]) -> CampaignRules:
    """Read the JSON freeze_rules wrote (rules frozen before `rank` existed included)."""
    return CampaignRules(
        bands=tuple(
            (b["code"], b["min"], b["label"], bool(b.get("exclusive"))) for b in frozen["bands"]
        ),
        survey=SurveyRules.from_json(frozen["survey"]),
        tie_break=frozen["tie_break"],
        decimals=int(frozen["decimals"]),
        rank=rank_rules_of(frozen),
    )


def campaign_rules(*, session: Session, campaign: Campaign) -> CampaignRules:
    """Return the campaign's frozen rules; one made without a launch freezes at its first use."""
    if not campaign.rules:
        # Launch and migration 0006 fill the column; a campaign row built directly (tests,
        # hand-made imports) freezes today's config now, so later edits miss it all the same.
        policy = campaign.policy or {}
        campaign.rules = freeze_rules(
            province_code=campaign.province_code,
            scheme=policy.get("bands"),
            tie_break=policy.get("tie_break"),
            rank=policy.get("rank"),
        )
        session.add(campaign)
    return parse_rules(campaign.rules)
