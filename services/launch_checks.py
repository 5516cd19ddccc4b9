"""Launch guard rails: what a plan must fix before it may run, all listed at once."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from cchc.wording import launch as say

# Stages whose units are scored against a criteria set.
SCORED_KINDS = ("self_assessment", "appraisal", "survey")
# Local government has two tiers (no districts) from this day (Resolution 202/2025/QH15).
TWO_TIERS_FROM = date(2025, 7, 1)


def launch_problems(*, plan_cfg: Any, label: str, at: datetime, replay: bool) -> list[str]:
    """Return every reason the resolved plan may not launch at `at` (empty: it may)."""
    problems = [
        say.needs_review(label, s.code, s.review_notes) for s in plan_cfg.stages if s.needs_review
    ]
    if not replay and max(s.due_at for s in plan_cfg.stages) < at:
        problems.append(say.all_past(label, plan_cfg.ends_at))
    if not plan_cfg.criteria:
        problems += [
            say.no_criteria(label, s.code, s.kind)
            for s in plan_cfg.stages
            if s.kind in SCORED_KINDS
        ]
    tier = _tier_problem(plan_cfg, label)
    return problems + ([tier] if tier else [])


def _tier_problem(plan_cfg: Any, label: str) -> str | None:
    """Say when the units file's tiers do not fit the plan's year."""
    tiers = plan_cfg.unit_set.province.tiers
    wanted = 2 if plan_cfg.year >= TWO_TIERS_FROM.year else 3
    if tiers == wanted:
        return None
    return say.wrong_tier(label, plan_cfg.units, plan_cfg.year, tiers)
