"""Expiring download links: an HMAC over the evidence id and the expiry moment."""

from __future__ import annotations

import hmac
import uuid
from datetime import datetime, timedelta

from cchc.clock import now
from cchc.errors import PermissionDenied
from cchc.settings import get_settings
from cchc.signing import digest
from cchc.wording.storage import LINK_EXPIRED

PATH = "/files/evidence/{id}"


def _signature(evidence_id: uuid.UUID, expires: int) -> str:
    """Return the hex HMAC of one link."""
    return digest(f"{evidence_id}:{expires}")


def sign(evidence_id: uuid.UUID, ttl: timedelta | None = None) -> tuple[str, datetime]:
    """Return a signed download URL for the evidence and the moment it expires."""
    seconds = get_settings().storage.link_ttl_seconds
    expires_at = now() + (ttl or timedelta(seconds=seconds))
    expires = int(expires_at.timestamp())
    url = f"{PATH.format(id=evidence_id)}?exp={expires}&sig={_signature(evidence_id, expires)}"
    return url, expires_at


def verify(evidence_id: uuid.UUID, expires: int, signature: str) -> None:
    """Refuse a link whose signature is wrong or whose moment has passed."""
    good = hmac.compare_digest(_signature(evidence_id, expires), signature)
    if not good or expires < now().timestamp():
        raise PermissionDenied(LINK_EXPIRED)
