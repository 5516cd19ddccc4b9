"""The people of a test world: users of a role, appraisers of an agency (rows, no tokens)."""

from __future__ import annotations

import uuid

from sqlmodel import Session

from models.accounts.tables import User
from models.catalog.units import OrgUnit
from tests.world.catalog import make_unit


def make_user(session: Session, role: str, unit: OrgUnit | None = None, **scope: list) -> User:
    """Add a user of this role (tied to a unit when given)."""
    user = User(
        name=f"{role}-{uuid.uuid4().hex[:6]}",
        role=role,
        unit_id=unit.id if unit else None,
        **scope,
    )
    session.add(user)
    session.flush()
    return user


def make_appraiser(session: Session, agency: str = "so-noi-vu") -> User:
    """Add an appraiser working for the agency (the tiny set's appraiser of every field)."""
    return make_user(session, "appraiser", make_unit(session, agency, kind="body"))


class Bearer:
    """The Authorization header of a world's users, by name (worlds keep a `tokens` dict)."""

    tokens: dict[str, str]

    def auth(self, who: str) -> dict[str, str]:
        """Return the Authorization header of one user."""
        return {"Authorization": f"Bearer {self.tokens[who]}"}
