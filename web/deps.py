"""Request dependencies: a database session per request and the user behind the token."""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace
from typing import Annotated

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.engine import Engine
from sqlmodel import Session

from models.accounts.ops import authenticate, hash_token
from models.accounts.tables import User
from web.errors import Unauthorized
from web.pages.cache import cached, invalidate, peek

# A token's user is remembered this long: a token revoked from another process (the CLI) stops
# working within these seconds; one revoked through this server stops at once (invalidate()).
USER_TTL_SECONDS = 5.0

COOKIE = "cchc_token"
bearer = HTTPBearer(auto_error=False, description="Mã truy cập (token) do `cchc users add` cấp")


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
            if request.method not in {"GET", "HEAD"}:
                invalidate()  # the dashboard shows a user's own change on the next load
        except BaseException:
            session.rollback()
            raise


SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def token_of(request: Request, credentials: HTTPAuthorizationCredentials | None) -> str:
    """Return the token from `Authorization: Bearer`, else from the dashboard cookie."""
    if credentials is not None and credentials.scheme.lower() == "bearer":
        return credentials.credentials
    return request.cookies.get(COOKIE, "")


def optional_user(
    request: Request,
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> User | None:
    """Return the user behind the request's token, or None."""
    token = token_of(request, credentials)
    if not token or len(token) > 512:
        return None
    return _signed_in(request, _user_for(session, token))


class _NoUser(Exception):
    """No active user owns the token (never cached, so a new token works at once)."""


def _user_for(session: Session, token: str) -> User | None:
    """Return the token's active user, from the short-lived cache keyed by the token's hash."""

    def load() -> User:
        user = authenticate(session=session, token=token)
        if user is None:
            raise _NoUser
        session.expunge(user)  # a detached copy, shared read-only by later requests
        return user

    try:
        return cached(("user", hash_token(token)), load, ttl=USER_TTL_SECONDS)
    except _NoUser:
        return None


def _signed_in(request: Request, user: User | None) -> User | None:
    """Remember who is signed in, so an error page can still show it."""
    if user is not None:
        request.state.user_name = user.name
        request.state.user = SimpleNamespace(name=user.name, role=user.role)
    return user


def _user_in_thread(engine: Engine, token: str) -> User | None:
    """Look the token up with a session of its own (the async path's cache miss)."""
    with Session(engine, expire_on_commit=False) as session:
        return _user_for(session, token)


async def async_user(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> User:
    """The signed-in user for async routes: a cache hit costs no thread hop and no query."""
    token = token_of(request, credentials)
    user = None
    if token and len(token) <= 512:
        user = peek(("user", hash_token(token)), ttl=USER_TTL_SECONDS)
        if user is None:
            user = await run_in_threadpool(_user_in_thread, get_engine(request), token)
    signed_in = _signed_in(request, user)
    if signed_in is None:
        raise Unauthorized("Thiếu mã truy cập hoặc mã không hợp lệ")
    return signed_in


def current_user(user: Annotated[User | None, Depends(optional_user)]) -> User:
    """Return the authenticated user or refuse with 401."""
    if user is None:
        raise Unauthorized("Thiếu mã truy cập hoặc mã không hợp lệ")
    return user


UserDep = Annotated[User, Depends(current_user)]
OptionalUserDep = Annotated[User | None, Depends(optional_user)]
AsyncUserDep = Annotated[User, Depends(async_user)]
