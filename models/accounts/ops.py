"""Data functions for users: create (password and/or first token), find, list, and scope."""

from __future__ import annotations

from sqlmodel import Session, col, select

from cchc.errors import Conflict, NotFound, UnknownCode, ValidationError
from models.accounts.passwords import hash_password, require_strong
from models.accounts.tables import User
from models.accounts.tokens import hash_token, issue_token, token_access
from models.audit.log import record_audit
from models.catalog.units import OrgUnit
from models.enums import Role

__all__ = ["authenticate", "create_user", "find_unit", "find_user", "hash_token", "list_users"]


def find_unit(*, session: Session, code: str, province_code: str | None = None) -> OrgUnit:
    """Return the unit with this code (in the province when given) or raise UnknownCode."""
    query = select(OrgUnit).where(OrgUnit.code == code)
    if province_code:
        query = query.where(OrgUnit.province_code == province_code)
    unit = session.exec(query).first()
    if unit is None:
        raise UnknownCode(f"không có đơn vị «{code}»")
    return unit


def find_user(*, session: Session, name: str) -> User:
    """Return the user of this name or raise NotFound."""
    user = session.exec(select(User).where(User.name == name)).first()
    if user is None:
        raise NotFound(f"không có người dùng «{name}»")
    return user


def list_users(*, session: Session) -> list[User]:
    """Return every user, by name."""
    return list(session.exec(select(User).order_by(col(User.name))).all())


def _check_new(session: Session, name: str, role: str, unit_code: str | None) -> None:
    """Refuse an unknown role, a unit role without unit, or a name already taken."""
    if role not in set(Role):
        roles = ", ".join(Role)
        raise ValidationError(f"vai trò không hợp lệ: {role} ({roles})")
    if role in {Role.unit, Role.appraiser} and not unit_code:
        raise ValidationError(f"vai trò {role} cần --unit (mã đơn vị)")
    if not name.strip() or len(name) > 128:
        raise ValidationError("tên người dùng phải có từ 1 đến 128 ký tự")
    if session.exec(select(User).where(User.name == name)).first() is not None:
        raise Conflict(f"người dùng «{name}» đã tồn tại")


def _check_scope(session: Session, field_codes: list[str], unit_codes: list[str]) -> None:
    """Refuse field or unit codes no criteria set or unit has (a typo would grant nothing)."""
    from models.catalog.criteria import CriteriaItem

    if field_codes:
        known = set(session.exec(select(CriteriaItem.field_code).distinct()).all())
        unknown = sorted(set(field_codes) - known)
        if unknown:
            raise UnknownCode(f"không có lĩnh vực mã {', '.join(unknown)} trong bộ chỉ số nào")
    if unit_codes:
        found = set(
            session.exec(select(OrgUnit.code).where(col(OrgUnit.code).in_(unit_codes))).all()
        )
        unknown = sorted(set(unit_codes) - found)
        if unknown:
            raise UnknownCode(f"không có đơn vị mã {', '.join(unknown)}")


def create_user(
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
    """Add a user; return it with its first API token ("default", read-write) or ''."""
    _check_new(session, name, role, unit_code)
    _check_scope(session, list(field_codes or []), list(unit_codes or []))
    if password is not None:
        require_strong(password)
    unit = find_unit(session=session, code=unit_code) if unit_code else None
    user = User(
        name=name,
        role=role,
        unit_id=unit.id if unit else None,
        password_hash=hash_password(password) if password is not None else None,
        must_change_password=password is not None,
        field_codes=list(field_codes or []),
        unit_codes=list(unit_codes or []),
    )
    session.add(user)
    session.flush()
    token = ""
    if with_token:
        token = issue_token(session=session, user=user, name="default", scope="write")[1]
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
    """Return the active user owning this live API token, or None."""
    found = token_access(session=session, token=token)
    return found[0] if found else None


def agency_code(*, session: Session, user: User) -> str | None:
    """Return the code of the unit an appraiser appraises for (its agency), or None."""
    if user.role != Role.appraiser or user.unit_id is None:
        return None
    agency = session.get(OrgUnit, user.unit_id)
    return agency.code if agency else None
