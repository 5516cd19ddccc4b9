"""Acknowledge receipt of the guidance (văn bản đến), and who has not yet.

One entry records a receipt whatever the way in (the kick-off's signed link, the unit's page,
the API): the first receipt stands, later ones change nothing, a new one is audited.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from cchc.clock import now
from cchc.errors import PermissionDenied
from cchc.wording import acknowledgement as say
from models.accounts.tables import User
from models.audit.log import record_audit
from models.campaign.ack_links import read_ack_token
from models.campaign.facts import get_campaign
from models.campaign.receipts import (
    GuidanceReceipt,
    ack_counts,
    add_receipt,
    get_receipt,
    involved_units,
    is_involved,
    receipts_by_unit,
)
from models.campaign.tables import Campaign
from models.catalog.units import OrgUnit
from services.access import WATCHERS, Actor, actor_name, require_own_unit, require_role
from services.receipt_clock import start_clocks
from services.targets import campaign_unit


@dataclass
class AckView:
    """What the acknowledgement page shows: the campaign, the unit and its receipt if any."""

    campaign: Campaign
    unit: OrgUnit
    receipt: GuidanceReceipt | None


@dataclass
class AckStatus:
    """Who the guidance went to, and which of them acknowledged it."""

    campaign: Campaign
    rows: list[tuple[OrgUnit, GuidanceReceipt | None]]

    @property
    def pending(self) -> list[OrgUnit]:
        """The units that have not acknowledged."""
        return [u for u, r in self.rows if r is None]

    def shown(self, state: str) -> list[tuple[OrgUnit, GuidanceReceipt | None]]:
        """The rows a filter keeps: all, pending (not acknowledged) or received."""
        wanted = {"pending": (True,), "received": (False,)}.get(state, (True, False))
        return [(u, r) for u, r in self.rows if (r is None) in wanted]


def _involved(session: Session, camp: Campaign, unit: OrgUnit) -> None:
    """Refuse a unit the campaign sent no guidance to."""
    if not is_involved(session=session, campaign=camp, unit=unit):
        raise PermissionDenied(say.NOT_INVOLVED.format(unit=unit.name))


def open_link(*, session: Session, token: str) -> AckView:
    """Return what a signed link names (refusing a tampered or expired one)."""
    claim = read_ack_token(token)
    camp, unit = campaign_unit(
        session=session, campaign_code=claim.campaign_code, unit_code=claim.unit_code
    )
    receipt = get_receipt(session=session, campaign_id=camp.id, unit_id=unit.id)
    return AckView(campaign=camp, unit=unit, receipt=receipt)


def acknowledge_by_link(*, session: Session, token: str, user: User | None) -> AckView:
    """Record the receipt a signed link confirms, by the signed-in user or the link's opener."""
    view = open_link(session=session, token=token)
    person = user.name if user is not None else say.opener(view.unit.name)
    view.receipt = _record(session, view.campaign, view.unit, person, "link")
    return view


def acknowledge(
    *, session: Session, campaign_code: str, unit_code: str, actor: Actor, via: str = "dashboard"
) -> AckView:
    """Record the receipt for the unit, confirmed by one of its own users."""
    camp, unit = campaign_unit(session=session, campaign_code=campaign_code, unit_code=unit_code)
    require_own_unit(actor, unit)
    return AckView(camp, unit, _record(session, camp, unit, actor_name(actor), via))


def _record(
    session: Session, camp: Campaign, unit: OrgUnit, person: str, via: str
) -> GuidanceReceipt:
    """Store the first receipt of the unit and audit it; return the standing one."""
    _involved(session, camp, unit)
    row = GuidanceReceipt(
        campaign_id=camp.id, unit_id=unit.id, received_at=now(), received_by=person, via=via
    )
    standing, created = add_receipt(session=session, receipt=row)
    if created:
        start_clocks(session=session, campaign=camp, receipt=standing)
        record_audit(
            session=session, actor=person, action="guidance_receipt", entity="org_unit",
            entity_id=unit.code, campaign_id=camp.id, new=standing.received_at.isoformat(),
            reason=say.VIA.get(via, via),
        )  # fmt: skip
    return standing


def ack_status(*, session: Session, campaign_code: str, actor: Actor) -> AckStatus:
    """Return every involved unit with its receipt (None: not acknowledged), for watchers."""
    require_role(actor, *WATCHERS)
    camp = get_campaign(session=session, code=campaign_code)
    found = receipts_by_unit(session=session, campaign_id=camp.id)
    units = involved_units(session=session, campaign=camp)
    return AckStatus(campaign=camp, rows=[(u, found.get(u.id)) for u in units])


def pending_count(*, session: Session, campaign: Campaign, actor: Actor) -> tuple[int, int] | None:
    """Return (still to acknowledge, involved) for watchers, None for anyone else."""
    if not isinstance(actor, str) and actor.role not in WATCHERS:
        return None
    return ack_counts(session=session, campaign=campaign)
