"""Resolve an appraising agency's name to one unit code of the province (or "parent")."""

from __future__ import annotations

from typing import Any

from planimport.agencies import Directory

# The assessed unit's district appraises (3-tier communes): "UBND cấp huyện", "UBND huyện".
PARENT_GROUPS = ("all_districts",)


class AgencyResolver:
    """Match agency names against a units file; a code written as such is taken as is."""

    def __init__(self, units: Any, tier: str) -> None:
        self.codes = {u.code for u in units.units} if units is not None else set()
        name = str(units.province.name) if units is not None else ""
        self.directory = Directory(units.units if units is not None else (), name)
        self.tier = tier

    def resolve(self, text: str) -> str | None:
        """Return the one unit `text` names, "parent", or None when it names none or several."""
        code = text.strip().lower()
        if code in self.codes or code == "parent":
            return code
        found = self.directory.resolve(text)
        if found.unknown or len(found.targets) != 1:
            return None
        target = found.targets[0]
        if target in PARENT_GROUPS and self.tier in ("commune", "ward"):
            return "parent"
        return target if target in self.codes else None
