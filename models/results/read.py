"""Read a campaign's results: ranking per block, change against last year, field points."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field

from sqlmodel import Session, col, select

from cchc.wording.numbers import rounded
from models.campaign.tables import Campaign
from models.catalog.criteria import CriteriaItem
from models.catalog.lookup import campaign_sets, get_campaign_by_id
from models.catalog.units import OrgUnit
from models.results.lineage import compare, previous_campaigns
from models.results.tables import FieldResult, Result

NUMBERS = (
    "max_points",
    "self_points",
    "appraised_points",
    "survey_points",
    "achieved_points",
    "index_value",
    "previous_index",
    "change",
)
GROUP_ORDER = ("department", "special", "district", "commune", "ward", "central_agency", "none")


@dataclass
class ResultRow:
    """One unit's result, ready to show (full precision; cchc.wording.numbers.fmt_vn writes it)."""

    unit_id: uuid.UUID
    unit_code: str
    unit_name: str
    kind: str
    rank_group: str
    max_points: float
    self_points: float
    appraised_points: float
    survey_points: float
    achieved_points: float
    index_value: float
    rank: int | None
    tied: bool
    band: str | None
    frozen: bool
    previous_index: float | None = None
    change: float | None = None
    # own | renamed | merged | not_comparable (models/results/lineage.py); None: no history
    comparison: str | None = None
    compared_with: list[dict] = field(default_factory=list)

    def as_json(self, places: int = 2) -> dict:
        """Return a JSON-ready dict; points and indices as numbers rounded half-up at `places`.

        Rounded once here (cchc.wording.numbers.rounded), so JSON prints 61.25, never the
        stored float's 61.25000000000001.
        """
        out = asdict(self)
        out["unit_id"] = str(self.unit_id)
        for key in NUMBERS:
            out[key] = rounded(out[key], places)
        for source in out["compared_with"]:
            source["index_value"] = rounded(source["index_value"], places)
        return out


def previous_campaign(*, session: Session, campaign: Campaign) -> Campaign | None:
    """Return the newest earlier campaign with results the comparison reads (own province first).

    After a provincial merger the former provinces' campaigns count too (models/results/lineage.py).
    """
    found = previous_campaigns(session=session, campaign=campaign)
    own = found.get(campaign.province_code)
    return own or max(found.values(), key=lambda c: c.year, default=None)


def list_results(*, session: Session, campaign_id: uuid.UUID) -> list[ResultRow]:
    """Return every unit's result, by block then rank, with the change against last year."""
    campaign = get_campaign_by_id(session=session, campaign_id=campaign_id)
    previous = compare(session=session, campaign=campaign)
    rows = session.exec(
        select(Result, OrgUnit)
        .join(OrgUnit, col(OrgUnit.id) == col(Result.unit_id))
        .where(Result.campaign_id == campaign_id)
    ).all()
    out = []
    for res, unit in rows:
        found = previous.get(unit.id)
        prev = found.previous_index if found else None
        out.append(
            ResultRow(
                unit_id=unit.id,
                unit_code=unit.code,
                unit_name=unit.name,
                kind=unit.kind,
                rank_group=res.rank_group,
                max_points=res.max_points,
                self_points=res.self_points,
                appraised_points=res.appraised_points,
                survey_points=res.survey_points,
                achieved_points=res.achieved_points,
                index_value=res.index_value,
                rank=res.rank,
                tied=bool(res.tied),
                band=res.band,
                frozen=res.frozen_at is not None,
                previous_index=prev,
                change=None if prev is None else res.index_value - prev,
                comparison=found.basis if found else None,
                compared_with=[asdict(s) for s in found.sources] if found else [],
            )
        )
    order = {g: i for i, g in enumerate(GROUP_ORDER)}
    return sorted(out, key=lambda r: (order.get(r.rank_group, 99), r.rank or 10**9, r.unit_code))


def field_points(
    *, session: Session, campaign_id: uuid.UUID
) -> dict[uuid.UUID, dict[str, FieldResult]]:
    """Return {unit id: {field code: FieldResult}} for the field heat map."""
    out: dict[uuid.UUID, dict[str, FieldResult]] = {}
    for row in session.exec(
        select(FieldResult).where(FieldResult.campaign_id == campaign_id)
    ).all():
        out.setdefault(row.unit_id, {})[row.field_code] = row
    return out


def field_titles(*, session: Session, campaign_id: uuid.UUID) -> dict[str, str]:
    """Return {field code: title} over the campaign's criteria sets (first title wins)."""
    campaign = get_campaign_by_id(session=session, campaign_id=campaign_id)
    set_ids = [s.id for s in campaign_sets(session=session, campaign=campaign)]
    items = session.exec(
        select(CriteriaItem).where(
            col(CriteriaItem.criteria_set_id).in_(set_ids),
            col(CriteriaItem.level) == 1,
        )
    ).all()
    titles: dict[str, str] = {}
    for item in items:
        titles.setdefault(item.code, item.title)
    return titles
