"""Answers about stored evidence files: expiring download links."""

from __future__ import annotations

from web.schemas.common import Instant, Out


class EvidenceLinkPublic(Out):
    """A signed link to one evidence document; it stops working at `expires_at`."""

    url: str
    expires_at: Instant
