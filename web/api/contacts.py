"""Contacts over the API: a unit's channels (admins) and a user's channels and preferences."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from models.accounts.tables import User
from models.catalog.units import OrgUnit
from services import contacts
from web.deps import SessionDep, UserDep
from web.schemas import ERRORS
from web.schemas.contacts import ContactsIn, ContactsOut, UserContactsIn, UserContactsOut

router = APIRouter(prefix="/api", tags=["liên hệ"], responses=ERRORS)


def _given(body: ContactsIn) -> dict[str, Any]:
    """The contact fields the body names (left-out fields stay as they are)."""
    return body.model_dump(include={"email", "phone", "zalo"}, exclude_unset=True)


def _out(row: OrgUnit | User) -> dict[str, Any]:
    """The stored contacts of a unit or user."""
    return {"email": row.email, "phone": row.phone, "zalo": row.zalo_id}


@router.put("/units/{unit_code}/contacts", summary="Đặt thư điện tử, điện thoại, Zalo của đơn vị")
def unit_contacts(
    unit_code: str, body: ContactsIn, session: SessionDep, user: UserDep
) -> ContactsOut:
    """Set a unit's own channels; its messages go there (the province's defaults otherwise)."""
    unit = contacts.set_unit_contacts(
        session=session, unit_code=unit_code, values=_given(body), actor=user
    )
    return ContactsOut(**_out(unit))


@router.put("/users/{name}/contacts", summary="Đặt liên hệ và lựa chọn nhận thông báo")
def user_contacts(
    name: str, body: UserContactsIn, session: SessionDep, user: UserDep
) -> UserContactsOut:
    """Set a user's channels, the events they want and immediate or daily digest."""
    row = contacts.set_user_contacts(
        session=session,
        name=name,
        values=_given(body),
        actor=user,
        events=body.events,
        digest=body.digest,
    )
    return UserContactsOut(**_out(row), events=row.notify_events, digest=row.notify_digest)
