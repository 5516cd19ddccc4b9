"""Signed, expiring links a unit opens to acknowledge the guidance: /ack/<token>."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import datetime, timedelta

from cchc.clock import now
from cchc.errors import PermissionDenied
from cchc.settings import get_settings
from cchc.signing import digest, matches
from cchc.wording import acknowledgement as say

PATH = "/ack/{token}"


@dataclass(frozen=True)
class AckClaim:
    """What a valid link names: the campaign, the unit and when the link stops working."""

    campaign_code: str
    unit_code: str
    expires: int


def _payload(campaign_code: str, unit_code: str, expires: int) -> str:
    """The signed text of one link (a purpose prefix keeps other signatures from passing)."""
    return f"ack\n{campaign_code}\n{unit_code}\n{expires}"


def ack_token(campaign_code: str, unit_code: str, ttl: timedelta | None = None) -> str:
    """Return a token naming the unit of the campaign, valid for `ack_link_days`."""
    ttl = ttl or timedelta(days=get_settings().notify.ack_link_days)
    expires = int((now() + ttl).timestamp())
    payload = _payload(campaign_code, unit_code, expires)
    encoded = base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")
    return f"{encoded}.{digest(payload)}"


def ack_url(campaign_code: str, unit_code: str) -> str:
    """Return the full link for a message, or '' when no dashboard address is set."""
    base = get_settings().notify.base_url.rstrip("/")
    return base + PATH.format(token=ack_token(campaign_code, unit_code)) if base else ""


def _decode(token: str) -> str:
    """Return the payload text of a token, refusing one that does not decode."""
    encoded = token.partition(".")[0]
    try:
        return base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise PermissionDenied(say.LINK_BAD) from exc


def read_ack_token(token: str, at: datetime | None = None) -> AckClaim:
    """Return what a link names; refuse a tampered token, then an expired one."""
    payload, signature = _decode(token), token.partition(".")[2]
    parts = payload.split("\n")
    if len(parts) != 4 or parts[0] != "ack" or not parts[3].isdigit():
        raise PermissionDenied(say.LINK_BAD)
    if not matches(payload, signature):
        raise PermissionDenied(say.LINK_BAD)
    claim = AckClaim(campaign_code=parts[1], unit_code=parts[2], expires=int(parts[3]))
    if claim.expires < (at or now()).timestamp():
        raise PermissionDenied(say.LINK_EXPIRED)
    return claim
