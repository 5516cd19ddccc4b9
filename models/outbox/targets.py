"""Where a unit's or a user's messages go: its own contacts through the configured channels.

A contact becomes a reference `channel:address` (`email:vp@x.gov.vn`, `sms:+84912345678`,
`zalo:1234`) when `notify.contact_channels` maps its field to a channel `notify.channels`
defines: the address is the recipient, the credentials stay in the settings. A unit with no
usable contact and no configured `notify` URLs falls back to the province's defaults.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from cchc.clock import to_local
from cchc.settings import get_settings
from deadlines.quiet import in_quiet_hours


def contact_refs(*, email: str | None, phone: str | None, zalo: str | None) -> list[str]:
    """The channel references of these contacts (only channels the settings define)."""
    cfg = get_settings().notify
    values = {"email": email, "phone": phone, "zalo": zalo}
    refs = []
    for field, value in values.items():
        channel = cfg.contact_channels.get(field)
        if value and channel and channel in cfg.channels:
            refs.append(f"{channel}:{value}")
    return refs


def unit_refs(
    *, email: str | None, phone: str | None, zalo: str | None, notify_urls: list[str] | None
) -> list[str]:
    """A unit's references: its contacts and own URLs, else the province's defaults."""
    own = [*contact_refs(email=email, phone=phone, zalo=zalo), *(notify_urls or [])]
    return own or list(get_settings().notify.default_urls)


def targets_of(unit: Any) -> list[str]:
    """The references of an `OrgUnit` row (or anything with its contact columns)."""
    return unit_refs(
        email=unit.email, phone=unit.phone, zalo=unit.zalo_id, notify_urls=unit.notify_urls
    )


def is_quiet_hour(at: datetime) -> bool:
    """True when SMS and Zalo wait: `at` (UTC) falls in the local quiet hours."""
    cfg = get_settings().notify
    return in_quiet_hours(to_local(at).time(), start=cfg.quiet_start, end=cfg.quiet_end)
