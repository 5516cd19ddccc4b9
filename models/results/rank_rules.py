"""A campaign's ranking rules: method, tie precision, tie-break chain, blocks ranked together.

Frozen at launch into campaign.rules["rank"] (models/campaign/rules.py); the ranking SQL reads
them through keys.py, the report words them through cchc.wording.rank_rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PARTS = ("appraised_points", "survey_points", "self_points")
FIELD_PREFIX = "field:"


@dataclass(frozen=True)
class RankRules:
    """competition (1, 2, 2, 4) or dense (1, 2, 2, 3); ties at `precision` (None: unrounded)."""

    method: str = "competition"
    precision: int | None = 2
    tie_break: tuple[str, ...] = ()
    blocks: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        """Return the JSON campaign.rules["rank"] keeps."""
        return {
            "method": self.method,
            "precision": "unrounded" if self.precision is None else self.precision,
            "tie_break": list(self.tie_break),
            "blocks": dict(self.blocks),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RankRules:
        """Read what as_json wrote (or a plan's `policy.rank`)."""
        precision = data.get("precision", 2)
        rules = cls(
            method=data.get("method", "competition"),
            precision=None if precision == "unrounded" else int(precision),
            tie_break=tuple(data.get("tie_break") or ()),
            blocks=dict(data.get("blocks") or {}),
        )
        rules.check()
        return rules

    def check(self) -> None:
        """Refuse a method, precision or key the ranking SQL cannot apply."""
        if self.method not in ("competition", "dense"):
            raise ValueError(f"unknown rank method {self.method!r}")
        if self.precision is not None and not 0 <= self.precision <= 4:
            raise ValueError(f"tie precision {self.precision} outside 0..4")
        for key in self.tie_break:
            if key not in PARTS and not key.startswith(FIELD_PREFIX):
                raise ValueError(f"unknown tie-break {key!r}; use one of {PARTS} or field:<code>")

    def field_keys(self) -> list[str]:
        """Return the field codes the tie-break chain names."""
        return [k.removeprefix(FIELD_PREFIX) for k in self.tie_break if k.startswith(FIELD_PREFIX)]


def rank_rules_of(frozen: dict[str, Any]) -> RankRules:
    """Read campaign.rules' rank rules; rules frozen before they existed rank as they did then."""
    if "rank" in frozen:
        return RankRules.from_json(frozen["rank"])
    legacy = frozen.get("tie_break")
    keys = (legacy,) if legacy else ()
    return RankRules(precision=int(frozen.get("decimals", 2)), tie_break=keys)
