"""Year-over-year comparison across renames, mergers and provincial mergers (read-only).

Kept apart from the index computation: it only reads computed results. The rules
(models/results/README.md, "Lineage"), for each unit with a result in campaign C:
- the previous campaigns are, per province, the newest earlier campaign with results: C's
  own province and every former province its units' predecessors name (provincial mergers);
- a link (UnitLineage) counts when its year is after its province's previous campaign and at
  most C's year;
- no link: the unit's own previous index (`own`);
- links, the unit itself not among them, and its own previous index exists: it survived and
  absorbed the others (Sở Nội vụ taking in Sở LĐTB&XH) → its own index (`own`);
- one link: a rename → that predecessor's index (`renamed`);
- several links: a new unit → the weighted mean of the predecessors' indices (`merged`).
  Weights are equal: the catalogue package publishes no population and no area for the
  former units (only `wardAreaKm2` of the 2025 ones), so no other weight can be read;
- a source of another kind than the unit (a former district for a new commune) makes the
  comparison `not_comparable` (no figure); a predecessor without a previous result gives none.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlmodel import Session, col, select

from models.campaign.tables import Campaign
from models.catalog.units import OrgUnit, UnitLineage
from models.results.tables import Result

OWN, RENAMED, MERGED, NOT_COMPARABLE = "own", "renamed", "merged", "not_comparable"
Key = tuple[str, str]  # (province code, unit code)


@dataclass(frozen=True)
class Source:
    """One previous index a comparison uses, with its weight."""

    province: str
    code: str
    name: str
    year: int
    index_value: float
    weight: float


@dataclass(frozen=True)
class Comparison:
    """How a unit compares with last year: the basis, the previous index and its sources."""

    basis: str  # own | renamed | merged | not_comparable
    previous_index: float | None
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class _Prior:
    """A unit as the previous campaigns know it (index None: no result there)."""

    kind: str
    name: str
    year: int
    index_value: float | None


def previous_campaigns(*, session: Session, campaign: Campaign) -> dict[str, Campaign]:
    """Return, per province the campaign's history comes from, its newest earlier campaign."""
    out: dict[str, Campaign] = {}
    for province in sorted(_history_provinces(session, campaign)):
        found = session.exec(
            select(Campaign)
            .where(
                Campaign.province_code == province,
                Campaign.year < campaign.year,
                col(Campaign.id).in_(select(Result.campaign_id)),
            )
            .order_by(col(Campaign.year).desc())
        ).first()
        if found is not None:
            out[province] = found
    return out


def compare(*, session: Session, campaign: Campaign) -> dict[uuid.UUID, Comparison]:
    """Return each unit's comparison with last year by its unit id (absent: no history)."""
    units = _units(session, campaign.id)
    links = _links(session, campaign, list(units))
    previous = previous_campaigns(session=session, campaign=campaign)
    wanted = {(u.province_code, u.code) for u in units.values()}
    wanted |= {key for rows in links.values() for key, _ in rows}
    priors = _priors(session, previous, wanted)
    years = {p: c.year for p, c in previous.items()}
    out: dict[uuid.UUID, Comparison] = {}
    for unit_id, unit in units.items():
        # A link made before its province's previous campaign is already in that history.
        live = [key for key, year in links.get(unit_id, []) if year > years.get(key[0], 0)]
        found = _compare(unit, live, priors)
        if found is not None:
            out[unit_id] = found
    return out


def _compare(unit: OrgUnit, links: list[Key], priors: dict[Key, _Prior]) -> Comparison | None:
    """Apply the module's rules to one unit."""
    own = (unit.province_code, unit.code)
    own_prior = priors.get(own)
    survived = own_prior is not None and own_prior.index_value is not None and own not in links
    keys = [own] if not links or survived else sorted(set(links))  # one order on every backend
    found = [priors.get(k) for k in keys]
    if any(p is not None and p.kind != unit.kind for p in found):
        return Comparison(NOT_COMPARABLE, None)
    if any(p is None or p.index_value is None for p in found):
        return None
    weight = 1 / len(keys)  # equal weights: the catalogue has no figure to weigh former units by
    sources = tuple(
        Source(k[0], k[1], p.name, p.year, float(p.index_value), weight)
        for k, p in zip(keys, found, strict=True)
        if p is not None and p.index_value is not None
    )
    basis = OWN if keys == [own] else RENAMED if len(keys) == 1 else MERGED
    mean = sum(s.index_value for s in sources) / len(sources)  # = Σ weight × index, exactly
    return Comparison(basis, mean, sources)


def _units(session: Session, campaign_id: uuid.UUID) -> dict[uuid.UUID, OrgUnit]:
    """Return the units with a result in the campaign."""
    rows = session.exec(
        select(OrgUnit)
        .join(Result, col(Result.unit_id) == col(OrgUnit.id))
        .where(Result.campaign_id == campaign_id)
    ).all()
    return {u.id: u for u in rows}


def _links(
    session: Session, campaign: Campaign, unit_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[tuple[Key, int]]]:
    """Return each unit's predecessors up to the campaign's year as ((province, code), year)."""
    rows = session.exec(
        select(UnitLineage, OrgUnit.province_code)
        .join(OrgUnit, col(OrgUnit.id) == col(UnitLineage.unit_id))
        .where(col(UnitLineage.unit_id).in_(unit_ids), UnitLineage.year <= campaign.year)
    ).all()
    out: dict[uuid.UUID, list[tuple[Key, int]]] = {}
    for lin, province in rows:
        key = (lin.predecessor_province or province, lin.predecessor_code)
        out.setdefault(lin.unit_id, []).append((key, lin.year))
    return out


def _history_provinces(session: Session, campaign: Campaign) -> set[str]:
    """Return the campaign's province and the former provinces its units' links name."""
    named = session.exec(
        select(UnitLineage.predecessor_province)
        .join(OrgUnit, col(OrgUnit.id) == col(UnitLineage.unit_id))
        .where(
            OrgUnit.province_code == campaign.province_code,
            col(UnitLineage.predecessor_province).is_not(None),
            UnitLineage.year <= campaign.year,
        )
        .distinct()
    ).all()
    return {campaign.province_code, *(p for p in named if p)}


def _priors(session: Session, previous: dict[str, Campaign], wanted: set[Key]) -> dict[Key, _Prior]:
    """Return the wanted units as their province's previous campaign knows them."""
    out: dict[Key, _Prior] = {}
    for province, prev in previous.items():
        codes = [code for prov, code in wanted if prov == province]
        rows = session.exec(
            select(OrgUnit, Result.index_value)
            .join(
                Result,
                (col(Result.unit_id) == col(OrgUnit.id)) & (col(Result.campaign_id) == prev.id),
                isouter=True,
            )
            .where(OrgUnit.province_code == province, col(OrgUnit.code).in_(codes))
        ).all()
        for unit, index in rows:
            out[(province, unit.code)] = _Prior(unit.kind, unit.name, prev.year, index)
    return out
