"""What one evaluation holds in memory: campaign, units, calendar, who answers to whom."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property, lru_cache

from sqlalchemy import select as sa_select
from sqlmodel import Session, col

from cchc.clock import as_utc, to_local
from cchc.settings import get_settings
from deadlines import WorkCalendar, calendar_for
from models.campaign.facts import get_campaign
from models.campaign.tables import Campaign, Stage
from models.catalog.units import OrgUnit
from models.outbox.targets import contact_refs


@dataclass(frozen=True)
class UnitInfo:
    """The few columns of a unit the tick reads."""

    id: uuid.UUID
    code: str
    name: str
    kind: str
    parent_id: uuid.UUID | None
    urls: tuple[str, ...]


@lru_cache(maxsize=16)
def _calendar(years: tuple[int, ...], overrides_json: str) -> WorkCalendar:
    """Build (once per process) the working-day calendar of a campaign."""
    return calendar_for(years, json.loads(overrides_json) or None)


def campaign_calendar(campaign: Campaign) -> WorkCalendar:
    """Return the campaign's calendar: holidays.VN plus the overrides stored at launch."""
    years = tuple(range(campaign.starts_at.year - 1, campaign.ends_at.year + 2))
    overrides = campaign.policy.get("calendar") or {}
    return _calendar(years, json.dumps(overrides, sort_keys=True, default=str))


@dataclass
class TickContext:
    """One campaign at one instant, with its units by id and code."""

    campaign: Campaign
    at: datetime
    cal: WorkCalendar
    units: dict[uuid.UUID, UnitInfo]
    by_code: dict[str, UnitInfo]
    _lead_ids: dict[uuid.UUID, set[uuid.UUID]] = field(default_factory=dict)

    @property
    def today(self) -> date:
        """The local (Asia/Ho_Chi_Minh) date of the evaluation."""
        return to_local(self.at).date()

    def urls(self, unit: UnitInfo) -> list[str]:
        """The unit's apprise URLs, or the configured defaults (outbox://)."""
        return list(unit.urls) or list(get_settings().notify.default_urls)

    @cached_property
    def province(self) -> UnitInfo | None:
        """The province unit (UBND tỉnh); looked up once, asked for every overdue unit."""
        return next((u for u in self.units.values() if u.kind == "province"), None)

    def root(self) -> UnitInfo | None:
        """The province unit (UBND tỉnh)."""
        return self.province

    def coordinator(self) -> UnitInfo | None:
        """The unit that runs the campaign (Sở Nội vụ), chosen at launch."""
        return self.by_code.get(self.campaign.policy.get("coordinator") or "") or self.root()

    def actor(self, stage: Stage, unit_id: uuid.UUID) -> UnitInfo:
        """Who must act on an assignment: the unit, or its appraiser in an appraisal stage."""
        unit = self.units[unit_id]
        if stage.kind != "appraisal" or unit_id in self._leads(stage):
            return unit
        parent = self.units.get(unit.parent_id) if unit.parent_id else None
        if unit.kind == "commune" and parent is not None and parent.kind == "district":
            return parent  # a district appraises its communes (3-tier)
        return self.by_code.get(stage.lead_code or "") or self.coordinator() or unit

    def supervisor(self, stage: Stage, actor: UnitInfo) -> UnitInfo | None:
        """Who hears about an overdue actor: a commune's parent, else the lead agency."""
        if actor.kind == "commune" and actor.parent_id in self.units:
            return self.units[actor.parent_id]
        for candidate in (self.by_code.get(stage.lead_code or ""), self.coordinator(), self.root()):
            if candidate is not None and candidate.id != actor.id:
                return candidate
        return None

    def _leads(self, stage: Stage) -> set[uuid.UUID]:
        """The ids of the stage's lead units (they act in a lead-only stage), once per stage."""
        if stage.id not in self._lead_ids:
            codes = stage.scope.get("lead_units") or []
            self._lead_ids[stage.id] = {self.by_code[c].id for c in codes if c in self.by_code}
        return self._lead_ids[stage.id]


def _own_refs(
    email: str | None, phone: str | None, zalo: str | None, urls: list[str] | None
) -> tuple[str, ...]:
    """A unit's own references (contacts, then its URLs); empty means the defaults."""
    return (*contact_refs(email=email, phone=phone, zalo=zalo), *(urls or ()))


def load_context(*, session: Session, campaign_id: uuid.UUID, at: datetime) -> TickContext:
    """Load the campaign, its province's units and its calendar (two queries)."""
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise LookupError(f"campaign {campaign_id} vanished")
    return context_for(session=session, campaign=campaign, at=at)


def load_campaign_context(*, session: Session, code: str, at: datetime) -> TickContext:
    """Look a campaign up by code (NotFound if unknown) and load its context."""
    return context_for(session=session, campaign=get_campaign(session=session, code=code), at=at)


def context_for(*, session: Session, campaign: Campaign, at: datetime) -> TickContext:
    """Load a campaign's province units and calendar around the campaign already in hand."""
    # Columns, not OrgUnit objects: a national province has thousands of units per tick.
    rows = session.execute(
        sa_select(  # nine columns: beyond sqlmodel.select's typed overloads
            col(OrgUnit.id), col(OrgUnit.code), col(OrgUnit.name), col(OrgUnit.kind),
            col(OrgUnit.parent_id), col(OrgUnit.notify_urls), col(OrgUnit.email),
            col(OrgUnit.phone), col(OrgUnit.zalo_id),
        ).where(col(OrgUnit.province_code) == campaign.province_code)
    ).all()
    units = {
        r[0]: UnitInfo(r[0], r[1], r[2], r[3], r[4], _own_refs(r[6], r[7], r[8], r[5]))
        for r in rows
    }
    return TickContext(
        campaign=campaign,
        at=as_utc(at),
        cal=campaign_calendar(campaign),
        units=units,
        by_code={u.code: u for u in units.values()},
    )
