"""Create a user with a token shown once (stored only as a hash)."""

from __future__ import annotations

from sqlmodel import Session

from models.accounts.ops import create_user
from models.accounts.tables import User


def add_user(
    *,
    session: Session,
    name: str,
    role: str,
    actor: str,
    unit_code: str | None = None,
    field_codes: list[str] | None = None,
    unit_codes: list[str] | None = None,
) -> tuple[User, str]:
    """Add a user of a role (unit and appraiser need their unit); return it with its token."""
    return create_user(
        session=session,
        name=name,
        role=role,
        actor=actor,
        unit_code=unit_code,
        field_codes=field_codes,
        unit_codes=unit_codes,
    )
