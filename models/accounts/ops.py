"""Data functions for API users: create with a one-time token, authenticate, and appraiser scope."""

from __future__ import annotations

import hashlib
import secrets

from sqlmodel import Session, select

from cchc.errors import Conflict, NotFound, ValidationError
from models.accounts.tables import User
from models.audit.log import record_audit
from models.catalog.units import OrgUnit
from models.enums import Role

TOKEN_BYTES = 32


def hash_token(token: str) -> str:
    """Return the sha256 hex digest stored in place of the token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def find_unit(*, session: Session, code: str, province_code: str | None = None) -> OrgUnit:
    """Return the unit with this code (in the province when given) or raise NotFound."""
    query = select(OrgUnit).where(OrgUnit.code == code)
    if province_code:
        query = query.where(OrgUnit.province_code == province_code)
    unit = session.exec(query).first()
    if unit is None:
        raise NotFound(f"không có đơn vị «{code}»")
    return unit


def create_user(
    *,
    session: Session,
    name: str,
    role: str,
    actor: str,
    unit_code: str | None = None,
    field_codes: list[str] | None = None,
    unit_codes: list[str] | None = None,
) -> tuple[User, str]:
    """Add a user and return it with its plain token (shown once, stored only hashed)."""
    if role not in set(Role):
        roles = ", ".join(Role)
        raise ValidationError(f"vai trò không hợp lệ: {role} ({roles})")
    if role in {Role.unit, Role.appraiser} and not unit_code:
        raise ValidationError(f"vai trò {role} cần --unit (mã đơn vị)")
    if session.exec(select(User).where(User.name == name)).first() is not None:
        raise Conflict(f"người dùng «{name}» đã tồn tại")
    unit = find_unit(session=session, code=unit_code) if unit_code else None
    token = secrets.token_urlsafe(TOKEN_BYTES)
    user = User(
        name=name,
        role=role,
        unit_id=unit.id if unit else None,
        token_hash=hash_token(token),
        field_codes=list(field_codes or []),
        unit_codes=list(unit_codes or []),
    )
    session.add(user)
    record_audit(
        session=session,
        actor=actor,
        action="create",
        entity="user",
        entity_id=user.id,
        field="role",
        new=role,
    )
    return user, token


def authenticate(*, session: Session, token: str) -> User | None:
    """Return the active user owning this token, or None."""
    if not token:
        return None
    user = session.exec(select(User).where(User.token_hash == hash_token(token))).first()
    return user if user is not None and user.active else None


def agency_code(*, session: Session, user: User) -> str | None:
    """Return the code of the unit an appraiser appraises for (its agency), or None."""
    if user.role != Role.appraiser or user.unit_id is None:
        return None
    agency = session.get(OrgUnit, user.unit_id)
    return agency.code if agency else None
