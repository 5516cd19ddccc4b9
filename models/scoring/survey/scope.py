"""What the survey scores: each unit's survey leaves, a row's target, and coverage gaps."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlmodel import Session

from models.catalog.criteria import CriteriaItem
from models.catalog.lookup import get_campaign_by_id, set_items, units_in_scope
from models.catalog.tabular import Row
from models.catalog.units import OrgUnit


@dataclass
class CoverageGap:
    """A unit/item the survey cannot score yet: too few valid ballots (or no points imported)."""

    unit_code: str
    item_code: str
    ballots: int
    needed: int


@dataclass
class BallotScoring:
    """What score_ballots did: items scored and the coverage gaps left unscored."""

    scored: int
    gaps: list[CoverageGap]


def survey_leaves(
    session: Session, campaign_id: uuid.UUID
) -> dict[str, tuple[OrgUnit, dict[str, CriteriaItem]]]:
    """Return {unit code: (unit, {survey leaf code: item})} for the units in scope."""
    campaign = get_campaign_by_id(session=session, campaign_id=campaign_id)
    leaves: dict[uuid.UUID, dict[str, CriteriaItem]] = {}
    out = {}
    for unit, cset in units_in_scope(session=session, campaign=campaign):
        if cset.id not in leaves:
            leaves[cset.id] = {
                i.code: i
                for i in set_items(session=session, criteria_set_id=cset.id)
                if i.is_leaf and i.method == "survey"
            }
        out[unit.code] = (unit, leaves[cset.id])
    return out


def survey_target(
    row: Row, scope: dict, item_col: str, problems: list[str]
) -> tuple[OrgUnit, CriteriaItem] | None:
    """Resolve a row's unit and survey item, or note why not."""
    code = row.values["unit"]
    if code not in scope:
        problems.append(f"{row.where('unit')}: đơn vị «{code}» không có trong chiến dịch")
        return None
    unit, leaves = scope[code]
    item = leaves.get(row.values[item_col])
    if item is None:
        problems.append(
            f"{row.where(item_col)}: «{row.values[item_col]}» "
            f"không phải tiêu chí điều tra XHH của {code}"
        )
        return None
    return unit, item
