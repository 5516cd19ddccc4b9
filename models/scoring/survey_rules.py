"""The survey's scoring rules: answer weights, group weights, minimum ballots (frozen at launch)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cchc.errors import ConfigError
from cchc.settings import get_settings

DEFAULT_WEIGHTS = {"A": 1.0, "B": 0.6, "C": 0.2, "D": 0.0}


@dataclass
class SurveyRules:
    """How ballots become points (defaults: A=100%, B=60%, C=20%, D=0%, equal groups, 5 ballots)."""

    answer_weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    group_weights: dict[str, float] = field(default_factory=dict)  # empty: any group, weight 1
    group_rates: dict[str, set[str]] = field(default_factory=dict)  # group → rank groups it rates
    min_ballots: int = 5

    def weight_of(self, group: str) -> float:
        """Return a group's relative weight."""
        return self.group_weights.get(group, 1.0)

    def as_json(self) -> dict[str, Any]:
        """Return the rules as JSON (rank groups sorted), as a campaign freezes them."""
        return {
            "answer_weights": dict(self.answer_weights),
            "group_weights": dict(self.group_weights),
            "group_rates": {g: sorted(rates) for g, rates in self.group_rates.items()},
            "min_ballots": self.min_ballots,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SurveyRules:
        """Read rules written by as_json."""
        return cls(
            answer_weights={k: float(v) for k, v in data["answer_weights"].items()},
            group_weights={k: float(v) for k, v in data["group_weights"].items()},
            group_rates={g: set(rates) for g, rates in data["group_rates"].items()},
            min_ballots=int(data["min_ballots"]),
        )


def rules_from_config(cfg: Any) -> SurveyRules:
    """Turn a config.schema SurveyConfig into SurveyRules."""
    return SurveyRules(
        answer_weights={k.upper(): float(v) for k, v in cfg.answer_weights.items()},
        group_weights={g.code: float(g.weight) for g in cfg.groups},
        group_rates={g.code: set(g.rates) for g in cfg.groups},
        min_ballots=int(cfg.min_ballots_per_unit),
    )


def survey_rules_for(province_code: str, path: str | Path | None = None) -> SurveyRules:
    """Load the survey config (given, or the province's config/survey/*.yaml), else defaults."""
    from config import load_survey

    if path is not None:
        return rules_from_config(load_survey(path))
    folder = get_settings().config_dir / "survey"
    for candidate in sorted(folder.glob("*.yaml")) if folder.exists() else []:
        try:
            cfg = load_survey(candidate)
        except ConfigError:
            continue  # `cchc validate` reports broken files; scoring uses a valid one
        if cfg.province == province_code:
            return rules_from_config(cfg)
    return SurveyRules()
