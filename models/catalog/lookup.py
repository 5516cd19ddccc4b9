"""Lookups shared by the scoring functions: units, the criteria set of a unit, its items."""

from __future__ import annotations

import uuid

from sqlmodel import Session, col, select

from cchc.errors import NotFound
from models.campaign.tables import Assignment, Campaign, Plan, Stage
from models.catalog.criteria import CriteriaItem, CriteriaSet
from models.catalog.units import OrgUnit


def get_campaign_by_id(*, session: Session, campaign_id: uuid.UUID) -> Campaign:
    """Return the campaign or raise NotFound."""
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise NotFound(f"không có chiến dịch {campaign_id}")
    return campaign


def get_unit(*, session: Session, unit_id: uuid.UUID) -> OrgUnit:
    """Return the unit or raise NotFound."""
    unit = session.get(OrgUnit, unit_id)
    if unit is None:
        raise NotFound(f"không có đơn vị {unit_id}")
    return unit


def find_unit(*, session: Session, campaign: Campaign, code: str) -> OrgUnit:
    """Return the campaign province's unit with this code (or alias) or raise NotFound."""
    unit = session.exec(
        select(OrgUnit).where(OrgUnit.province_code == campaign.province_code, OrgUnit.code == code)
    ).first()
    if unit is None:
        raise NotFound(f"không có đơn vị «{code}» trong tỉnh {campaign.province_code}")
    return unit


def campaign_sets(*, session: Session, campaign: Campaign) -> list[CriteriaSet]:
    """Return the campaign's criteria sets: the plan's list, else the newest per tier."""
    plan = session.get(Plan, campaign.plan_id)
    codes = list((plan.body or {}).get("criteria_sets") or []) if plan else []
    if codes:
        return list(session.exec(select(CriteriaSet).where(col(CriteriaSet.code).in_(codes))).all())
    rows = session.exec(
        select(CriteriaSet)
        .where(
            CriteriaSet.province_code == campaign.province_code, CriteriaSet.year <= campaign.year
        )
        .order_by(col(CriteriaSet.year).desc())
    ).all()
    # A set stays in force until a newer one replaces it: keep the newest per tier.
    newest: dict[str, CriteriaSet] = {}
    for cset in rows:
        key = cset.tier + "|" + ",".join(sorted(cset.applies_to.get("units") or []))
        newest.setdefault(key, cset)
    return list(newest.values())


def set_rules(sets: list[CriteriaSet]) -> list[tuple[str, str, uuid.UUID]]:
    """Return (match kind, value, set id) rules; named units win over rank groups."""
    rules: list[tuple[str, str, uuid.UUID]] = []
    for cset in sets:
        rules += [("unit", code, cset.id) for code in cset.applies_to.get("units") or []]
    for cset in sets:
        rules += [("group", grp, cset.id) for grp in cset.applies_to.get("rank_groups") or []]
    return rules


def criteria_set_for(*, session: Session, campaign: Campaign, unit: OrgUnit) -> CriteriaSet:
    """Return the criteria set the unit is scored on in this campaign, or raise NotFound."""
    sets = campaign_sets(session=session, campaign=campaign)
    by_id = {s.id: s for s in sets}
    for kind, value, set_id in set_rules(sets):
        if (kind == "unit" and value == unit.code) or (
            kind == "group" and value == unit.rank_group
        ):
            return by_id[set_id]
    raise NotFound(
        f"không có bộ chỉ số áp dụng cho đơn vị «{unit.code}» trong chiến dịch {campaign.code}"
    )


def set_items(*, session: Session, criteria_set_id: uuid.UUID) -> list[CriteriaItem]:
    """Return every item of a criteria set in display order."""
    items = session.exec(
        select(CriteriaItem).where(CriteriaItem.criteria_set_id == criteria_set_id)
    ).all()
    return sorted(items, key=lambda i: (code_key(i.code), i.position))


def code_key(code: str) -> tuple:
    """Sort item codes naturally: 1.2 before 1.10."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in code.split("."))


def items_by_code(*, session: Session, criteria_set_id: uuid.UUID) -> dict[str, CriteriaItem]:
    """Return a set's items keyed by code."""
    return {i.code: i for i in set_items(session=session, criteria_set_id=criteria_set_id)}


def units_in_scope(*, session: Session, campaign: Campaign) -> list[tuple[OrgUnit, CriteriaSet]]:
    """Return every active unit of the province that a campaign's criteria set scores."""
    sets = campaign_sets(session=session, campaign=campaign)
    by_id = {s.id: s for s in sets}
    rules = set_rules(sets)
    query = select(OrgUnit).where(OrgUnit.province_code == campaign.province_code, OrgUnit.active)
    assigned = (
        select(Assignment.unit_id)
        .join(Stage, col(Stage.id) == col(Assignment.stage_id))
        .where(Assignment.campaign_id == campaign.id, Stage.kind == "self_assessment")
    )
    if session.exec(assigned.limit(1)).first() is not None:
        query = query.where(
            col(OrgUnit.id).in_(assigned)
        )  # the same rule as result_sql.SCOPE_WHERE
    units = session.exec(query.order_by(OrgUnit.code)).all()
    out = []
    for unit in units:
        match = next(
            (s for k, v, s in rules if (k, v) in {("unit", unit.code), ("group", unit.rank_group)}),
            None,
        )
        if match is not None:
            out.append((unit, by_id[match]))
    return out


def all_units(*, session: Session) -> list[OrgUnit]:
    """Return every active unit, by province and code (the admin's contacts list)."""
    query = (
        select(OrgUnit)
        .where(col(OrgUnit.active))
        .order_by(col(OrgUnit.province_code), col(OrgUnit.code))
    )
    return list(session.exec(query).all())


def allows_not_applicable(*, session: Session, set_ids: list[uuid.UUID]) -> bool:
    """Tell whether any of these sets lets a leaf be marked not applicable to a unit."""
    found = session.exec(
        select(CriteriaItem.id)
        .where(
            col(CriteriaItem.criteria_set_id).in_(set_ids), col(CriteriaItem.allow_not_applicable)
        )
        .limit(1)
    ).first()
    return found is not None
