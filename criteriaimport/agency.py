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

    def resolve(self, text: str) -> tuple[str | None, str]:
        """Return the one unit `text` names (or "parent"), else None and why not."""
        code = text.strip().lower()
        if code in self.codes or code == "parent":
            return code, ""
        found = self.directory.resolve(text)
        if found.unknown or not found.targets:
            return None, "không khớp đơn vị nào trong tệp đơn vị"
        if len(found.targets) > 1:
            return None, "nêu nhiều đơn vị; mỗi lĩnh vực chỉ có một cơ quan thẩm định"
        target = found.targets[0]
        if target in PARENT_GROUPS and self.tier in ("commune", "ward"):
            return "parent", ""
        if target not in self.codes:
            return None, "là một nhóm đơn vị, không phải một cơ quan thẩm định"
        return target, ""
