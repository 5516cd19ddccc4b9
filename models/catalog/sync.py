"""Configuration → rows: units and criteria sets, idempotent (run again, nothing duplicates)."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from models.catalog.criteria import CriteriaItem, CriteriaSet
from models.catalog.units import OrgUnit, UnitLineage

UNIT_FIELDS = ("name", "kind", "rank_group", "commune_type", "email", "phone")


def sync_units(*, session: Session, units_cfg: Any) -> dict[str, OrgUnit]:
    """Insert or update the units of a units file (config.schema.UnitsFile); return them by code."""
    province = units_cfg.province.code
    rows = {
        u.code: u for u in session.exec(select(OrgUnit).where(OrgUnit.province_code == province))
    }
    for cfg in units_cfg.units:
        row = rows.get(cfg.code) or OrgUnit(
            province_code=province, code=cfg.code, name=cfg.name, kind=cfg.kind
        )
        for name in UNIT_FIELDS:
            setattr(row, name, getattr(cfg, name))
        row.aliases = [*cfg.short_names, *cfg.aliases]
        row.zalo_id = cfg.zalo
        row.notify_urls = list(cfg.notify)
        row.active = True
        rows[cfg.code] = row
        session.add(row)
    session.flush()
    for cfg in units_cfg.units:  # parents after every row has its id
        rows[cfg.code].parent_id = rows[cfg.parent].id if cfg.parent else None
    _sync_lineage(session, units_cfg, rows)
    session.flush()
    return rows


def _sync_lineage(session: Session, units_cfg: Any, rows: dict[str, OrgUnit]) -> None:
    """Make the units' renames and merges of the file's years those of the file (a hand edit
    overrides the catalogue's links)."""
    ids = [r.id for r in rows.values()]
    wanted = {
        (rows[cfg.code].id, p.province, p.code, p.year): p.change
        for cfg in units_cfg.units
        for p in cfg.predecessors
    }
    # Years the file speaks for: another file of the province (3 tiers before 2025, 2 after)
    # shares units but never removes the links of a year it does not cover.
    start = units_cfg.province.effective_from
    covered = {key[3] for key in wanted} | ({start.year} if start else set())
    known: set[tuple[Any, str | None, str, int]] = set()
    for lin in session.exec(select(UnitLineage).where(col(UnitLineage.unit_id).in_(ids))):
        key = (lin.unit_id, lin.predecessor_province, lin.predecessor_code, lin.year)
        if key not in wanted:
            if lin.year in covered:
                session.delete(lin)  # the file no longer links it: history must not follow it
            continue
        lin.change = wanted[key]
        known.add(key)
    for key, change in wanted.items():
        if key not in known:
            unit_id, province, code, year = key
            session.add(
                UnitLineage(
                    unit_id=unit_id,
                    predecessor_code=code,
                    predecessor_province=province,
                    year=year,
                    change=change,
                )
            )


def sync_criteria_set(*, session: Session, cset_cfg: Any) -> CriteriaSet:
    """Store a criteria set (config.schema.CriteriaSet) once; an existing code is returned as is."""
    found = session.exec(select(CriteriaSet).where(CriteriaSet.code == cset_cfg.code)).first()
    if found is not None:
        return found
    cset = CriteriaSet(
        code=cset_cfg.code,
        province_code=cset_cfg.province,
        year=cset_cfg.year,
        tier=cset_cfg.tier,
        title=cset_cfg.title,
        total=cset_cfg.total,
        self_total=cset_cfg.self_total,
        survey_total=cset_cfg.survey_total,
        applies_to=cset_cfg.applies_to.model_dump(),
        index_cap=getattr(cset_cfg, "index_cap", None),
    )
    session.add(cset)
    session.flush()
    position = 0
    for field in cset_cfg.fields:
        position += 1
        top = _item(
            session,
            cset,
            field,
            None,
            1,
            position,
            field.code,
            field.appraiser,
            leaf=False,
            method=_field_method(field),
        )
        for crit in field.criteria:
            position += 1
            mid = _item(
                session,
                cset,
                crit,
                top,
                2,
                position,
                field.code,
                field.appraiser,
                leaf=not crit.sub_criteria,
                method=crit.method or "self",
            )
            for sub in crit.sub_criteria:
                position += 1
                _item(
                    session,
                    cset,
                    sub,
                    mid,
                    3,
                    position,
                    field.code,
                    field.appraiser,
                    leaf=True,
                    method=sub.method or "self",
                )
    session.flush()
    return cset


def _field_method(field: Any) -> str:
    """A field is `survey` when all its leaves are, else `self`."""
    leaves = [s for c in field.criteria for s in (c.sub_criteria or [c])]
    return "survey" if all(leaf.method == "survey" for leaf in leaves) else "self"


def _item(
    session: Session,
    cset: CriteriaSet,
    cfg: Any,
    parent: CriteriaItem | None,
    level: int,
    position: int,
    field_code: str,
    appraiser: str,
    *,
    leaf: bool,
    method: str,
) -> CriteriaItem:
    """Add one criteria item (its id is set at once so children can point at it)."""
    item = CriteriaItem(
        criteria_set_id=cset.id,
        code=cfg.code,
        parent_id=parent.id if parent else None,
        field_code=field_code,
        level=level,
        title=cfg.title,
        max_points=cfg.max_points,
        method=method,
        step=getattr(cfg, "step", None),
        appraiser_code=appraiser,
        is_leaf=leaf,
        position=position,
        kind=getattr(cfg, "kind", None) or "base",
        allow_not_applicable=getattr(cfg, "allow_not_applicable", False),
        formula=formula.model_dump() if (formula := getattr(cfg, "formula", None)) else None,
    )
    session.add(item)
    return item
