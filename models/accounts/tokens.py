"""API tokens: named, scoped (read or write), expiring, revocable; stored only as sha256."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import timedelta

from sqlmodel import Session, col, select

from cchc.clock import now
from cchc.errors import Conflict, NotFound, ValidationError
from models.accounts.tables import ApiToken, User

TOKEN_BYTES = 32
SCOPES = ("read", "write")


def hash_token(token: str) -> str:
    """Return the sha256 hex digest stored in place of the token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_token(
    *, session: Session, user: User, name: str, scope: str = "write", days: int | None = None
) -> tuple[ApiToken, str]:
    """Add a token for `user` and return it with its plain value (shown once)."""
    if scope not in SCOPES:
        raise ValidationError(f"phạm vi không hợp lệ: {scope} (read, write)")
    if _active(session, user.id, name) is not None:
        raise Conflict(f"«{user.name}» đã có mã truy cập tên «{name}»")
    plain = "cchc_" + secrets.token_urlsafe(TOKEN_BYTES)
    expires = now() + timedelta(days=days) if days else None
    row = ApiToken(
        user_id=user.id, name=name, scope=scope, token_hash=hash_token(plain), expires_at=expires
    )
    session.add(row)
    session.flush()
    return row, plain


def _active(session: Session, user_id: uuid.UUID, name: str) -> ApiToken | None:
    """Return the user's unrevoked token of this name, if any."""
    query = select(ApiToken).where(
        ApiToken.user_id == user_id, ApiToken.name == name, col(ApiToken.revoked_at).is_(None)
    )
    return session.exec(query).first()


def token_access(*, session: Session, token: str) -> tuple[User, ApiToken] | None:
    """Return the active user and the live token behind a plain token, or None."""
    if not token or len(token) > 512:
        return None
    row = session.exec(select(ApiToken).where(ApiToken.token_hash == hash_token(token))).first()
    if row is None or row.revoked_at is not None:
        return None
    if row.expires_at is not None and row.expires_at <= now():
        return None
    user = session.get(User, row.user_id)
    return (user, row) if user is not None and user.active else None


def list_tokens(*, session: Session, user: User) -> list[ApiToken]:
    """Return the user's tokens, newest first (revoked and expired ones included)."""
    query = select(ApiToken).where(ApiToken.user_id == user.id)
    return list(session.exec(query.order_by(col(ApiToken.created_at).desc())).all())


def revoke_token(*, session: Session, user: User, name: str) -> ApiToken:
    """Revoke the user's live token of this name (it stops working at once)."""
    row = _active(session, user.id, name)
    if row is None:
        raise NotFound(f"«{user.name}» không có mã truy cập còn hiệu lực tên «{name}»")
    row.revoked_at = now()
    session.add(row)
    return row


def revoke_all_tokens(*, session: Session, user_id: uuid.UUID) -> int:
    """Revoke every live token of a user; return how many."""
    query = select(ApiToken).where(ApiToken.user_id == user_id, col(ApiToken.revoked_at).is_(None))
    rows = session.exec(query).all()
    for row in rows:
        row.revoked_at = now()
        session.add(row)
    return len(rows)


def rotate_token(*, session: Session, user: User, name: str) -> tuple[ApiToken, str]:
    """Revoke the named token and issue its replacement (same name, scope and lifetime)."""
    old = revoke_token(session=session, user=user, name=name)
    session.flush()
    days = (old.expires_at - old.created_at).days if old.expires_at else None
    return issue_token(session=session, user=user, name=name, scope=old.scope, days=days)
