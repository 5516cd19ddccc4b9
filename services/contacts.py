"""Set a unit's or a user's contacts and a user's notification preferences (audited).

Contacts are checked and normalised (`cchc.contacts`): e-mail syntax, VN phone as +84…,
Zalo user id, bounded lengths. An admin sets anyone's; a user may set their own.
"""

from __future__ import annotations

from sqlmodel import Session

from cchc.contacts import clean_contacts
from cchc.errors import ValidationError
from cchc.wording.contacts import unknown_events
from cchc.wording.labels import NOTIFICATION_KIND
from models.accounts.ops import find_unit, find_user
from models.accounts.tables import User
from models.audit.log import record_audit
from models.catalog.lookup import all_units
from models.catalog.units import OrgUnit
from services.access import Actor, actor_name, require_role

# Contact field -> column (units and users alike).
COLUMN = {"email": "email", "phone": "phone", "zalo": "zalo_id"}
Contacts = dict[str, str | None]


def _apply(
    session: Session, row: OrgUnit | User, entity: str, values: Contacts, actor: Actor
) -> None:
    """Write the cleaned contacts that changed, one audit entry per changed field."""
    for field, value in clean_contacts(values).items():
        old = getattr(row, COLUMN[field])
        if old == value:
            continue
        setattr(row, COLUMN[field], value)
        record_audit(
            session=session,
            actor=actor_name(actor),
            action="contacts",
            entity=entity,
            entity_id=row.id,
            field=field,
            old=old,
            new=value,
        )
    session.add(row)


def set_unit_contacts(
    *, session: Session, unit_code: str, values: Contacts, actor: Actor, province: str | None = None
) -> OrgUnit:
    """Set a unit's e-mail, phone and Zalo id (admins only); blank clears one."""
    require_role(actor, "admin")
    unit = find_unit(session=session, code=unit_code, province_code=province)
    _apply(session, unit, "org_unit", values, actor)
    session.flush()
    return unit


def set_user_contacts(
    *,
    session: Session,
    name: str,
    values: Contacts,
    actor: Actor,
    events: list[str] | None = None,
    digest: bool | None = None,
) -> User:
    """Set a user's contacts and preferences (an admin, or the user themself)."""
    if not (isinstance(actor, User) and actor.name == name):
        require_role(actor, "admin")
    user = find_user(session=session, name=name)
    _apply(session, user, "user", values, actor)
    _preferences(session, user, events, digest, actor)
    session.flush()
    return user


def _preferences(
    session: Session, user: User, events: list[str] | None, digest: bool | None, actor: Actor
) -> None:
    """Set which message kinds a user wants ([] = all) and immediate or daily digest."""
    if events is not None:
        unknown = sorted(set(events) - set(NOTIFICATION_KIND))
        if unknown:
            raise ValidationError(unknown_events(unknown))
        wanted = sorted(set(events))
        if wanted != sorted(user.notify_events):
            _audit_pref(session, user, "events", user.notify_events, wanted, actor)
            user.notify_events = wanted
    if digest is not None and digest != user.notify_digest:
        _audit_pref(session, user, "digest", user.notify_digest, digest, actor)
        user.notify_digest = digest


def _audit_pref(
    session: Session, user: User, field: str, old: object, new: object, actor: Actor
) -> None:
    """Record one preference change."""
    record_audit(
        session=session,
        actor=actor_name(actor),
        action="preferences",
        entity="user",
        entity_id=user.id,
        field=field,
        old=old,
        new=new,
    )


def units_with_contacts(*, session: Session, actor: Actor) -> list[OrgUnit]:
    """Every unit with its contacts (admins only)."""
    require_role(actor, "admin")
    return all_units(session=session)


def contacts_of_unit(*, session: Session, unit_code: str, actor: Actor) -> OrgUnit:
    """One unit, to show its contacts form (admins only)."""
    require_role(actor, "admin")
    return find_unit(session=session, code=unit_code)


def contacts_of_user(*, session: Session, name: str, actor: Actor) -> User:
    """One user, to show their contacts form (an admin, or the user themself)."""
    if not (isinstance(actor, User) and actor.name == name):
        require_role(actor, "admin")
    return find_user(session=session, name=name)
