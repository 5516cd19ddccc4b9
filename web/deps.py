"""Request dependencies: a database session per request and the user behind it.

A request is signed in by an API token (`Authorization: Bearer`, scripts) or by the dashboard's
session cookie; both are looked up in the database on every request, so a revoked token or
session stops working at once (no in-process cache, issue #16).
"""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace
from typing import Annotated

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.engine import Engine
from sqlmodel import Session

from cchc.errors import PermissionDenied
from cchc.wording import accounts as say
from models.accounts.sessions import session_user
from models.accounts.tables import User
from models.accounts.tokens import token_access
from web.errors import PasswordChangeRequired, Unauthorized

SESSION_COOKIE = "cchc_session"
# What a session with a first-time password may still reach: changing it, or leaving.
PASSWORD_PATHS = frozenset({"/account/password", "/logout"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
bearer = HTTPBearer(auto_error=False, description="Mã truy cập (token) do `cchc users tokens` cấp")


def get_engine(request: Request) -> Engine:
    """Return the engine the app was created with."""
    engine: Engine = request.app.state.engine
    return engine


def get_session(request: Request) -> Iterator[Session]:
    """Yield a session that commits before the answer is sent, or rolls back on error."""
    with Session(get_engine(request), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def bearer_token(request: Request) -> str:
    """Return the token of an `Authorization: Bearer` header, or ''."""
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" else ""


def _lookup(session: Session, request: Request) -> User | None:
    """Return the user behind the bearer token, else behind the session cookie, or None."""
    token = bearer_token(request)
    if token:
        found = token_access(session=session, token=token)
        if found is None:
            return None
        owner, row = found
        if row.scope != "write" and request.method not in SAFE_METHODS:
            raise PermissionDenied(say.READ_ONLY)
        request.state.auth = f"token:{row.scope}"
        return owner
    sid = request.cookies.get(SESSION_COOKIE, "")
    user = session_user(session=session, sid=sid) if sid else None
    if user is not None:
        request.state.auth = "session"
        if user.must_change_password and request.url.path not in PASSWORD_PATHS:
            raise PasswordChangeRequired(say.MUST_CHANGE)
    return user


def _signed_in(request: Request, user: User | None) -> User | None:
    """Remember who is signed in, so an error page can still show it."""
    if user is not None:
        request.state.user_name = user.name
        request.state.user = SimpleNamespace(name=user.name, role=user.role)
    return user


def optional_user(
    request: Request,
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> User | None:
    """Return the user behind the request's token or session, or None."""
    return _signed_in(request, _lookup(session, request))


def _user_in_thread(engine: Engine, request: Request) -> User | None:
    """Look the request's user up with a session of its own (async routes)."""
    with Session(engine, expire_on_commit=False) as session:
        user = _lookup(session, request)
        session.commit()  # the session's last use, when it was due to be noted
        return user


async def async_user(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> User:
    """The signed-in user for async routes (one thread hop, one lookup)."""
    user = await run_in_threadpool(_user_in_thread, get_engine(request), request)
    signed_in = _signed_in(request, user)
    if signed_in is None:
        raise Unauthorized(say.UNAUTHORIZED)
    return signed_in


def current_user(user: Annotated[User | None, Depends(optional_user)]) -> User:
    """Return the authenticated user or refuse with 401."""
    if user is None:
        raise Unauthorized(say.UNAUTHORIZED)
    return user


UserDep = Annotated[User, Depends(current_user)]
OptionalUserDep = Annotated[User | None, Depends(optional_user)]
AsyncUserDep = Annotated[User, Depends(async_user)]
