"""Bodies of the contacts API: a unit's or user's e-mail, phone, Zalo id, and preferences."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from web.schemas.common import Out
from web.schemas.inputs import In

# Bounded here; the service checks the syntax and normalises (phone → +84…). Blank clears.
Contact = Annotated[str, StringConstraints(strip_whitespace=True, max_length=254)]
Kind = Annotated[str, StringConstraints(pattern=r"^[a-z_]{1,32}$")]


class ContactsIn(In):
    """A unit's contacts (a field left out stays as it is; "" clears it)."""

    email: Contact | None = None
    phone: Contact | None = None
    zalo: Contact | None = None


class UserContactsIn(ContactsIn):
    """A user's contacts and which messages they want, at once or in a daily digest."""

    events: list[Kind] | None = Field(default=None, max_length=32)
    digest: bool | None = None


class ContactsOut(Out):
    """Contacts as stored (phone normalised to +84…)."""

    email: str | None
    phone: str | None
    zalo: str | None


class UserContactsOut(ContactsOut):
    """A user's contacts and preferences ([] events = every kind)."""

    events: list[str]
    digest: bool
