"""Sign in with a password (throttled), sign out, change one's own password."""

from __future__ import annotations

from sqlmodel import Session, select

from cchc.errors import LoginRefused, TooManyAttempts, ValidationError
from cchc.settings import get_settings
from cchc.wording import accounts as say
from models.accounts.passwords import check_password, hash_password, needs_rehash, require_strong
from models.accounts.sessions import close_session, open_session, revoke_user_sessions
from models.accounts.tables import User
from models.accounts.throttle import clear_failures, record_failure, too_many_failures
from models.audit.log import record_audit


def login(*, session: Session, username: str, password: str, ip: str) -> tuple[User, str]:
    """Check the password and open a session; return the user and the cookie's session id.

    A refusal is recorded before raising: the caller commits it (it counts toward throttling).
    """
    username = username.strip()[:128]
    if too_many_failures(session=session, username=username, ip=ip):
        minutes = get_settings().auth.login_window_minutes
        raise TooManyAttempts(say.TOO_MANY.format(minutes=minutes))
    user = session.exec(select(User).where(User.name == username)).first()
    stored = user.password_hash if user is not None else None
    if not check_password(stored, password) or user is None or not user.active:
        record_failure(session=session, username=username, ip=ip)
        raise LoginRefused(say.LOGIN_REFUSED)
    if stored and needs_rehash(stored):
        user.password_hash = hash_password(password)
        session.add(user)
    clear_failures(session=session, username=username)
    sid = open_session(session=session, user=user, ip=ip)
    record_audit(
        session=session,
        actor=user.name,
        action="login",
        entity="user",
        entity_id=user.id,
        new="password",
    )
    return user, sid


def logout(*, session: Session, sid: str) -> bool:
    """Close the session behind the cookie at once; tell whether one was open."""
    return close_session(session=session, sid=sid)


def change_password(
    *, session: Session, user: User, current: str, new: str, repeat: str, sid: str | None = None
) -> None:
    """Change one's own password; every other session of the user is closed."""
    if not check_password(user.password_hash, current):
        raise ValidationError(say.WRONG_PASSWORD)
    if new != repeat:
        raise ValidationError(say.PASSWORDS_DIFFER)
    require_strong(new)
    user.password_hash = hash_password(new)
    user.must_change_password = False
    session.add(user)
    revoke_user_sessions(session=session, user_id=user.id, keep=sid)
    record_audit(
        session=session, actor=user.name, action="change_password", entity="user", entity_id=user.id
    )
