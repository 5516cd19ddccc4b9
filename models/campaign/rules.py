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
from models.scoring.survey_rules import SurveyRules, survey_rules_for

# Ranks, ties and bands compare the index rounded half-up to this many decimals (92,18).
PUBLISHED_DECIMALS = 2


@dataclass(frozen=True)
class CampaignRules:
    """A campaign's frozen bands, survey scoring and ranking rules."""

    bands: Scheme  # (code, min, label), highest first
    survey: SurveyRules
    tie_break: str | None
    decimals: int

    def band_rules(self) -> Bands:
        """Return (code, min) bands, highest first, for the ranking SQL."""
        return [(code, minimum) for code, minimum, _ in self.bands]

    def band_labels(self) -> dict[str, str]:
        """Return {band code: label} for reports and the dashboard."""
        return {code: label for code, _, label in self.bands}


def freeze_rules(
    *, province_code: str, scheme: str | None, tie_break: str | None
) -> dict[str, Any]:
    """Return today's config rules for a campaign as the JSON its `rules` column keeps."""
    return {
        "band_scheme": scheme,
        "bands": [{"code": c, "min": m, "label": label} for c, m, label in band_scheme(scheme)],
        "survey": survey_rules_for(province_code).as_json(),
        "tie_break": tie_break,
        "decimals": PUBLISHED_DECIMALS,
    }


def parse_rules(frozen: dict[str, Any]) -> CampaignRules:
    """Read the JSON freeze_rules wrote."""
    return CampaignRules(
        bands=tuple((b["code"], b["min"], b["label"]) for b in frozen["bands"]),
        survey=SurveyRules.from_json(frozen["survey"]),
        tie_break=frozen["tie_break"],
        decimals=int(frozen["decimals"]),
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
        )
        session.add(campaign)
    return parse_rules(campaign.rules)
