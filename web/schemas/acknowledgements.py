"""Answers about receipt of the guidance: who acknowledged it, when and how."""

from __future__ import annotations

from web.schemas.common import Instant, Out


class AckPublic(Out):
    """One involved unit and its receipt of the guidance (None fields: not acknowledged)."""

    unit_code: str
    unit_name: str
    unit_kind: str
    received_at: Instant | None
    received_by: str | None
    via: str | None


class AcksPublic(Out):
    """The involved units shown (all, or only those still to acknowledge) and the counts."""

    data: list[AckPublic]
    count: int
    total: int
    pending: int
