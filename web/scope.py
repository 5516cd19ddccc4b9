"""The web's role check; the scope and visibility rules live in services/access.py."""

from __future__ import annotations

from models.accounts.tables import User
from services.access import require_role as _require_role


def require_role(user: User, *roles: str) -> None:
    """Refuse a user whose role is not among `roles` (answered 403 by web/errors.py)."""
    _require_role(user, *roles)
