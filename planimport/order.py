"""Which units act in a stage (scope) and which earlier stages it waits for (depends_on)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from deadlines import Window
from planimport.agencies import Directory
from planimport.names import GROUP_KIND

ACTING = frozenset({"department", "district", "commune", "central_agency"})
_SELF_NAMED = frozenset({"district", "commune", "central_agency"})
# The step a stage of each kind follows, nearest first in each tuple.
FOLLOWS = {
    "self_assessment": ("guidance",),
    "survey": ("survey",),
    "appraisal": ("self_assessment",),
    "council_session": ("appraisal", "self_assessment"),
    "approval": ("council_session", "appraisal", "self_assessment"),
    "publication": ("approval", "council_session", "appraisal"),
}


@dataclass
class Draft:
    """A stage being built: what later stages need to see of it."""

    code: str
    kind: str
    title: str
    window: Window | None
    lead: list[str]
    cooperating: list[str]
    scope: list[str] = field(default_factory=list)
    consolidates: bool = False
    depends_on: list[str] = field(default_factory=list)


def scope_targets(draft: Draft, directory: Directory) -> list[str]:
    """Return who must act when the lead is a group ("UBND cấp xã" = each commune), plus the
    scored units named beside it; a single lead unit (Sở Nội vụ, the council) acts alone."""
    if not any(t in GROUP_KIND for t in draft.lead):
        # "Cục Thuế tỉnh, BHXH tỉnh | Tự đánh giá": named scored units act; a department may
        # only be organising the step, so that case stays a review item.
        named = {directory.kind_of(t) for t in draft.lead}
        return list(draft.lead) if draft.kind == "self_assessment" and named <= _SELF_NAMED else []
    return [t for t in draft.lead if t in GROUP_KIND or directory.kind_of(t) in ACTING]


def as_scope(targets: list[str], directory: Directory) -> dict[str, Any]:
    """Write scope targets as config: groups become kinds, single units stay units."""
    kinds = [GROUP_KIND[t] for t in targets if t in GROUP_KIND]
    units = [t for t in targets if t not in GROUP_KIND]
    return {k: v for k, v in (("kinds", kinds), ("units", units)) if v}


def depends_on(draft: Draft, earlier: list[Draft]) -> list[str]:
    """Return the earlier stages `draft` waits for: the last one finished before it opens, and
    the step its kind follows (a consolidation or appraisal follows the self-assessment)."""
    out: list[str] = []
    previous = _finished_before(draft, earlier)
    if previous:
        out.append(previous.code)
    follows = FOLLOWS.get(draft.kind, ("self_assessment",) if draft.consolidates else ())
    for kind in follows:
        step = _followed(draft, earlier, kind)
        if step is not None:
            out.append(step.code)
            break
    return list(dict.fromkeys(out))


def _finished_before(draft: Draft, earlier: list[Draft]) -> Draft | None:
    """Return the nearest earlier stage due before `draft` opens (the previous one if undated)."""
    for other in reversed(earlier):
        if draft.window is None or other.window is None:
            return other
        if other.window.due_at < draft.window.opens_at:
            return other
    return None


def _followed(draft: Draft, earlier: list[Draft], kind: str) -> Draft | None:
    """Return the latest earlier stage of `kind`, preferring one that reports to draft's lead."""
    candidates = [d for d in earlier if d.kind == kind]
    for other in reversed(candidates):
        if set(draft.lead) & set(other.cooperating):
            return other
    return candidates[-1] if candidates else None
