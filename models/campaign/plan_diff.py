"""The difference between two versions of a plan body: stages, windows, units and rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cchc.wording import launch as say

Window = tuple[datetime, datetime]


@dataclass
class PlanDiff:
    """What an amended plan changes, in structured form and as lines for the user."""

    added: list[str] = field(default_factory=list)  # stage codes
    removed: list[str] = field(default_factory=list)
    moved: dict[str, tuple[Window, Window]] = field(default_factory=dict)  # code: (old, new)
    units_added: list[str] = field(default_factory=list)
    units_removed: list[str] = field(default_factory=list)
    merged: dict[str, str] = field(default_factory=dict)  # old unit code: new unit code
    rules: list[str] = field(default_factory=list)  # names of changed frozen rules
    lines: list[str] = field(default_factory=list)
    other: bool = False  # anything else in the body changed (titles, scopes, reminders …)

    @property
    def empty(self) -> bool:
        """True when the new body is the old one."""
        return not (self.lines or self.other)


def _window(stage: dict[str, Any]) -> Window:
    """Read a stage body's window."""
    return datetime.fromisoformat(stage["opens_at"]), datetime.fromisoformat(stage["due_at"])


def involved_units(body: dict[str, Any]) -> list[str]:
    """Every unit a plan body's stages name (leads, cooperating, scope), in order."""
    keys = ("lead_units", "cooperating_units", "scope_units")
    return list(dict.fromkeys(c for s in body["stages"] for k in keys for c in s.get(k, [])))


def diff_plans(
    *,
    old: dict[str, Any],
    new: dict[str, Any],
    old_rules: dict,
    new_rules: dict,
    merged_into: dict[str, str],
) -> PlanDiff:
    """Compare two plan bodies and their frozen rules."""
    out = PlanDiff(other=old != new)
    was = {s["code"]: s for s in old["stages"]}
    now_ = {s["code"]: s for s in new["stages"]}
    for code, stage in now_.items():
        if code not in was:
            out.added.append(code)
            out.lines.append(say.stage_added(stage["title"], _window(stage)[1]))
        elif _window(was[code]) != _window(stage):
            out.moved[code] = (_window(was[code]), _window(stage))
            out.lines.append(say.window_moved(stage["title"], *out.moved[code]))
    for code in was.keys() - now_.keys():
        out.removed.append(code)
        out.lines.append(say.stage_removed(was[code]["title"]))
    _units(out, involved_units(old), involved_units(new), merged_into)
    for name in sorted(old_rules.keys() | new_rules.keys()):
        if old_rules.get(name) != new_rules.get(name):
            out.rules.append(name)
            out.lines.append(say.rule_changed(name, old_rules.get(name), new_rules.get(name)))
    return out


def _units(out: PlanDiff, old: list[str], new: list[str], merged_into: dict[str, str]) -> None:
    """Fill the units added, removed and merged."""
    gone = [c for c in old if c not in new]
    out.merged = {c: merged_into[c] for c in gone if merged_into.get(c) in new}
    out.units_removed = [c for c in gone if c not in out.merged]
    out.units_added = [c for c in new if c not in old]
    if out.units_added:
        out.lines.append(say.units_changed("Thêm", out.units_added))
    if out.units_removed:
        out.lines.append(say.units_changed("Bỏ", out.units_removed))
    out.lines += [say.unit_merged(a, b) for a, b in out.merged.items()]
