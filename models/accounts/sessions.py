"""Server-side web sessions: opened at sign-in, closed by idle or absolute timeout or revocation."""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta

from sqlmodel import Session, col, select

from cchc.clock import now
from cchc.settings import get_settings
from models.accounts.tables import User, WebSession
from models.accounts.tokens import hash_token

# last_seen_at is written at most this often, so reading pages does not write on every request.
TOUCH_EVERY = timedelta(seconds=60)


def open_session(*, session: Session, user: User, ip: str = "") -> str:
    """Record a new sign-in and return the random session id for the cookie (stored hashed)."""
    sid = secrets.token_urlsafe(32)
    session.add(WebSession(sid_hash=hash_token(sid), user_id=user.id, ip=ip[:64]))
    session.flush()
    return sid


def _alive(row: WebSession) -> bool:
    """Tell whether the session is neither revoked nor past its idle or absolute timeout."""
    auth = get_settings().auth
    moment = now()
    if row.revoked_at is not None:
        return False
    if moment - row.created_at >= timedelta(hours=auth.session_absolute_hours):
        return False
    return moment - row.last_seen_at < timedelta(minutes=auth.session_idle_minutes)


def find_session(*, session: Session, sid: str) -> WebSession | None:
    """Return the live session behind a cookie value, or None."""
    if not sid or len(sid) > 128:
        return None
    row = session.exec(select(WebSession).where(WebSession.sid_hash == hash_token(sid))).first()
    return row if row is not None and _alive(row) else None


def session_user(*, session: Session, sid: str) -> User | None:
    """Return the active user of a live session, marking it used (idle timeout restarts)."""
    row = find_session(session=session, sid=sid)
    if row is None:
        return None
    user = session.get(User, row.user_id)
    if user is None or not user.active:
        return None
    if now() - row.last_seen_at >= TOUCH_EVERY:
        row.last_seen_at = now()
        session.add(row)  # committed with the request
    return user


def close_session(*, session: Session, sid: str) -> bool:
    """Revoke the session behind a cookie value; tell whether there was one."""
    row = find_session(session=session, sid=sid)
    if row is None:
        return False
    row.revoked_at = now()
    session.add(row)
    return True


def revoke_user_sessions(*, session: Session, user_id: uuid.UUID, keep: str | None = None) -> int:
    """Revoke every open session of a user (but `keep`'s); return how many."""
    query = select(WebSession).where(
        WebSession.user_id == user_id, col(WebSession.revoked_at).is_(None)
    )
    kept = hash_token(keep) if keep else None
    rows = [row for row in session.exec(query).all() if row.sid_hash != kept]
    for row in rows:
        row.revoked_at = now()
        session.add(row)
    return len(rows)
