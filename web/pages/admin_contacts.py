"""Contacts screens: the units' list, a contacts form per unit and per user (CSRF-protected)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response
from sqlmodel import Session

from cchc.errors import ValidationError
from cchc.wording.labels import NOTIFICATION_KIND
from models.accounts.tables import User
from services import contacts
from web.deps import SessionDep, UserDep
from web.pages.render import render

router = APIRouter()
Field = Annotated[str, Form(max_length=254)]


def _form(
    request: Request, user: User, row: Any, *, kind: str, status: int = 200, **extra: Any
) -> Response:
    """Render the contacts form of one unit (kind "unit") or user (kind "user")."""
    return render(
        request,
        "contacts.html",
        status_code=status,
        user=user,
        row=row,
        kind=kind,
        kinds=NOTIFICATION_KIND,
        **extra,
    )


@router.get("/admin/contacts", response_class=HTMLResponse)
def units_page(request: Request, session: SessionDep, user: UserDep) -> Response:
    """List every unit with its e-mail, phone and Zalo id (admins only)."""
    units = contacts.units_with_contacts(session=session, actor=user)
    return render(request, "contacts_units.html", user=user, units=units)


@router.get("/admin/units/{code}/contacts", response_class=HTMLResponse)
def unit_form(request: Request, code: str, session: SessionDep, user: UserDep) -> Response:
    """Show a unit's contacts form."""
    unit = contacts.contacts_of_unit(session=session, unit_code=code, actor=user)
    return _form(request, user, unit, kind="unit")


@router.post("/admin/units/{code}/contacts", response_class=HTMLResponse)
def unit_save(
    request: Request,
    code: str,
    session: SessionDep,
    user: UserDep,
    email: Field = "",
    phone: Field = "",
    zalo: Field = "",
) -> Response:
    """Save a unit's contacts; a refusal shows the form again with what was typed."""
    values = {"email": email, "phone": phone, "zalo": zalo}
    try:
        unit = contacts.set_unit_contacts(
            session=session, unit_code=code, values=dict(values), actor=user
        )
    except ValidationError as exc:
        return _refused(request, session, user, code, "unit", exc, values)
    return _form(request, user, unit, kind="unit", saved=True)


@router.get("/admin/users/{name}/contacts", response_class=HTMLResponse)
def user_form(request: Request, name: str, session: SessionDep, user: UserDep) -> Response:
    """Show a user's contacts and preferences form (the admin, or the user themself)."""
    row = contacts.contacts_of_user(session=session, name=name, actor=user)
    return _form(request, user, row, kind="user")


@router.post("/admin/users/{name}/contacts", response_class=HTMLResponse)
def user_save(
    request: Request,
    name: str,
    session: SessionDep,
    user: UserDep,
    email: Field = "",
    phone: Field = "",
    zalo: Field = "",
    events: Annotated[list[str] | None, Form(max_length=32)] = None,
    digest: Annotated[str, Form(max_length=8)] = "",
) -> Response:
    """Save a user's contacts, wanted events and digest choice."""
    values = {"email": email, "phone": phone, "zalo": zalo}
    try:
        row = contacts.set_user_contacts(
            session=session,
            name=name,
            values=dict(values),
            actor=user,
            events=list(events or []),
            digest=digest == "yes",
        )
    except ValidationError as exc:
        return _refused(request, session, user, name, "user", exc, values)
    return _form(request, user, row, kind="user", saved=True)


def _refused(
    request: Request,
    session: Session,
    user: User,
    key: str,
    kind: str,
    exc: ValidationError,
    typed: dict[str, str],
) -> Response:
    """Show the form again with the problems and what was typed (nothing is kept)."""
    session.rollback()
    if kind == "unit":
        row: Any = contacts.contacts_of_unit(session=session, unit_code=key, actor=user)
    else:
        row = contacts.contacts_of_user(session=session, name=key, actor=user)
    return _form(request, user, row, kind=kind, status=422, problems=exc.problems, typed=typed)
