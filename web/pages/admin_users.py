"""The admin's users screen: list, add (first-time password), lock, reset a password."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response
from sqlmodel import Session

from cchc.errors import CchcError, PermissionDenied
from models.accounts.tables import User
from services import accounts_admin
from web.deps import SessionDep, UserDep
from web.pages.render import render

router = APIRouter()
ROLES = ("unit", "appraiser", "council", "viewer", "admin")
Text = Annotated[str, Form(max_length=128)]


def _page(
    request: Request,
    session: Session,
    user: User,
    *,
    status: int = 200,
    shown: tuple[str, str] | None = None,
    error: str | None = None,
) -> Response:
    """Render the list of users, with a password to hand over once or a refusal."""
    return render(
        request,
        "admin_users.html",
        status_code=status,
        user=user,
        people=accounts_admin.users(session=session, actor=user),
        roles=ROLES,
        shown=shown,
        error=error,
    )


@router.get("/admin/users", response_class=HTMLResponse)
def users_page(request: Request, session: SessionDep, user: UserDep) -> Response:
    """List every user (admins only)."""
    return _page(request, session, user)


def _refused(request: Request, session: Session, user: User, exc: CchcError) -> Response:
    """Show the list again with the refusal (nothing of the failed act is kept)."""
    if isinstance(exc, PermissionDenied):
        raise exc
    session.rollback()
    return _page(request, session, user, status=422, error=str(exc))


@router.post("/admin/users", response_class=HTMLResponse)
def add(
    request: Request,
    session: SessionDep,
    user: UserDep,
    name: Text,
    role: Text,
    unit_code: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    """Add a user and show its first-time password once."""
    try:
        added, password = accounts_admin.add_account(
            session=session, name=name.strip(), role=role, unit_code=unit_code or None, actor=user
        )
    except CchcError as exc:
        return _refused(request, session, user, exc)
    session.flush()
    return _page(request, session, user, shown=(added.name, password))


@router.post("/admin/users/{name}/revoke", response_class=HTMLResponse)
def revoke(request: Request, name: str, session: SessionDep, user: UserDep) -> Response:
    """Lock a user: sessions and tokens stop working at once."""
    try:
        accounts_admin.revoke_user(session=session, name=name, actor=user)
    except CchcError as exc:
        return _refused(request, session, user, exc)
    return _page(request, session, user)


@router.post("/admin/users/{name}/reset", response_class=HTMLResponse)
def reset(request: Request, name: str, session: SessionDep, user: UserDep) -> Response:
    """Give a user a new first-time password, shown once."""
    try:
        target, password = accounts_admin.reset_password(session=session, name=name, actor=user)
    except CchcError as exc:
        return _refused(request, session, user, exc)
    return _page(request, session, user, shown=(target.name, password))
