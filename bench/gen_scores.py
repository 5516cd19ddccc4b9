"""Scores of one unit: its self-assessment, the appraisal of every self leaf, its survey points."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bench.gen_criteria import STEP, Leaf

ADJUSTED_SHARE = 0.2  # leaves the appraiser lowers (with a reason)


@dataclass
class ScoreRows:
    """Score rows, by table."""

    self_assessment: list[dict] = field(default_factory=list)
    self_score: list[dict] = field(default_factory=list)
    appraisal: list[dict] = field(default_factory=list)
    survey_score: list[dict] = field(default_factory=list)

    def by_table(self) -> dict[str, list[dict]]:
        """Return the rows keyed by table name, parents first."""
        return {
            "self_assessment": self.self_assessment,
            "self_score": self.self_score,
            "appraisal": self.appraisal,
            "survey_score": self.survey_score,
        }


def _stepped(value: float, max_points: float) -> float:
    """Clamp to [0, max] and round down to the leaf's step."""
    return min(max_points, max(0.0, int(value / STEP) * STEP))


def unit_scores(
    out: ScoreRows,
    *,
    unit: dict,
    campaign_id: Any,
    criteria_set_id: Any,
    leaves: list[Leaf],
    received: tuple[datetime, bool] | None,
    at: datetime,
    rng: random.Random,
    new_id: Any,
) -> None:
    """Append a unit's self-assessment (submitted if it acted, else a draft) and its scores."""
    quality = rng.uniform(0.55, 0.98)  # how good the unit is; scores scatter around it
    sa_id = new_id()
    out.self_assessment.append(
        {
            "id": sa_id,
            "campaign_id": campaign_id,
            "unit_id": unit["id"],
            "criteria_set_id": criteria_set_id,
            "version": 1,
            "status": "submitted" if received else "draft",
            "lock_version": 0,
            "received_at": received[0] if received else None,
            "late": bool(received and received[1]),
            "submitted_by": f"{unit['code']}@bench" if received else None,
            "created_at": at,
            "updated_at": received[0] if received else at,
        }
    )
    for leaf in leaves:
        share = min(1.0, max(0.0, rng.gauss(quality, 0.12)))
        if leaf.survey:
            out.survey_score.append(
                {
                    "id": new_id(),
                    "campaign_id": campaign_id,
                    "unit_id": unit["id"],
                    "item_id": leaf.id,
                    "points": leaf.max_points * share,
                    "ballots": rng.randint(20, 60),
                    "source": "import",
                    "imported_at": at,
                }
            )
            continue
        score = _stepped(leaf.max_points * share + STEP / 2, leaf.max_points)
        out.self_score.append(
            {
                "id": new_id(),
                "self_assessment_id": sa_id,
                "item_id": leaf.id,
                "score": score,
                "explanation": None,
            }
        )
        adjusted = score > 0 and rng.random() < ADJUSTED_SHARE
        appraised = (
            _stepped(score - STEP * rng.randint(1, 4), leaf.max_points) if adjusted else score
        )
        out.appraisal.append(
            {
                "id": new_id(),
                "campaign_id": campaign_id,
                "unit_id": unit["id"],
                "item_id": leaf.id,
                "self_score": score,
                "appraised_score": appraised,
                "decision": "adjusted" if adjusted else "accepted",
                "reason": "Tài liệu kiểm chứng chưa đầy đủ" if adjusted else None,
                "appraiser_code": leaf.appraiser,
                "appraised_by": "bench",
                "appraised_at": at,
                "final_score": None,
                "final_reason": None,
            }
        )
