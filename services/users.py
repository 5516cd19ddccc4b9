"""Create a user: a first-time password to change, and/or an API token shown once."""

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
    password: str | None = None,
    with_token: bool = True,
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
        password=password,
        with_token=with_token,
    )
