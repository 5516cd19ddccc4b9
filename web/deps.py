"""Request dependencies: a database session per request and the user behind the token."""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.engine import Engine
from sqlmodel import Session

from models.users import User
from models.users_ops import authenticate
from web.errors import Unauthorized
from web.pages.cache import invalidate

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
    user = authenticate(session=session, token=token)
    if user is not None:
        request.state.user_name = user.name
        # A detached snapshot, so an error page can still show who is signed in.
        request.state.user = SimpleNamespace(name=user.name, role=user.role)
    return user


def current_user(user: Annotated[User | None, Depends(optional_user)]) -> User:
    """Return the authenticated user or refuse with 401."""
    if user is None:
        raise Unauthorized("Thiếu mã truy cập hoặc mã không hợp lệ")
    return user


UserDep = Annotated[User, Depends(current_user)]
OptionalUserDep = Annotated[User | None, Depends(optional_user)]
