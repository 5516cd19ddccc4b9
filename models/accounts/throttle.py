"""Login throttling: refused sign-ins counted per user name and per address over a window."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from cchc.clock import now
from cchc.settings import get_settings
from models.accounts.tables import LoginFailure


def _since() -> object:
    """The start of the counting window."""
    return now() - timedelta(minutes=get_settings().auth.login_window_minutes)


def _count(session: Session, column: object, value: str) -> int:
    """Count failures in the window where `column` equals `value`."""
    query = select(func.count()).select_from(LoginFailure)
    query = query.where(column == value, col(LoginFailure.at) >= _since())
    return int(session.exec(query).one())


def too_many_failures(*, session: Session, username: str, ip: str) -> bool:
    """Tell whether this user name or this address must wait before trying again."""
    auth = get_settings().auth
    if _count(session, LoginFailure.username, username) >= auth.login_max_failures:
        return True
    return bool(ip) and _count(session, LoginFailure.ip, ip) >= auth.login_max_failures_ip


def record_failure(*, session: Session, username: str, ip: str) -> None:
    """Count one refused sign-in."""
    session.add(LoginFailure(username=username[:128], ip=ip[:64]))


def clear_failures(*, session: Session, username: str) -> None:
    """Forget a user name's failures after it signs in (and old rows of everyone)."""
    session.execute(delete(LoginFailure).where(col(LoginFailure.username) == username))
    session.execute(delete(LoginFailure).where(col(LoginFailure.at) < _since()))
