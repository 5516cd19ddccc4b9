"""Administer accounts: list, revoke, reset a password, and manage API tokens (audited)."""

from __future__ import annotations

from sqlmodel import Session

from models.accounts.ops import find_user, list_users
from models.accounts.passwords import first_time_password, hash_password, require_strong
from models.accounts.sessions import revoke_user_sessions
from models.accounts.tables import ApiToken, User
from models.accounts.tokens import issue_token, list_tokens, revoke_all_tokens, revoke_token
from models.accounts.tokens import rotate_token as rotate
from models.audit.log import record_audit
from services.access import Actor, actor_name, require_role
from services.users import add_user


def _audit(session: Session, actor: Actor, action: str, user: User, new: object = None) -> None:
    """Record one account act, naming who did it."""
    record_audit(
        session=session,
        actor=actor_name(actor),
        action=action,
        entity="user",
        entity_id=user.id,
        new=new,
    )


def add_account(
    *,
    session: Session,
    name: str,
    role: str,
    actor: Actor,
    unit_code: str | None = None,
    field_codes: list[str] | None = None,
    unit_codes: list[str] | None = None,
    password: str | None = None,
) -> tuple[User, str]:
    """Add a user who signs in with a first-time password; return it with that password."""
    require_role(actor, "admin")
    chosen = password if password is not None else first_time_password()
    user, _ = add_user(
        session=session,
        name=name,
        role=role,
        actor=actor_name(actor),
        unit_code=unit_code,
        field_codes=field_codes,
        unit_codes=unit_codes,
        password=chosen,
        with_token=False,
    )
    return user, chosen


def users(*, session: Session, actor: Actor) -> list[User]:
    """Return every user (admins and the local operator only)."""
    require_role(actor, "admin")
    return list_users(session=session)


def revoke_user(*, session: Session, name: str, actor: Actor) -> User:
    """Lock an account: its sessions and tokens stop working at once."""
    require_role(actor, "admin")
    user = find_user(session=session, name=name)
    user.active = False
    session.add(user)
    revoke_user_sessions(session=session, user_id=user.id)
    revoke_all_tokens(session=session, user_id=user.id)
    _audit(session, actor, "revoke", user)
    return user


def reset_password(
    *, session: Session, name: str, actor: Actor, password: str | None = None
) -> tuple[User, str]:
    """Set a new password (random when not given) to change at next sign-in; close sessions."""
    require_role(actor, "admin")
    user = find_user(session=session, name=name)
    chosen = password if password is not None else first_time_password()
    require_strong(chosen)
    user.password_hash = hash_password(chosen)
    user.must_change_password = True
    user.active = True
    session.add(user)
    revoke_user_sessions(session=session, user_id=user.id)
    _audit(session, actor, "reset_password", user)
    return user, chosen


def tokens(*, session: Session, name: str, actor: Actor) -> list[ApiToken]:
    """Return a user's API tokens, newest first."""
    require_role(actor, "admin")
    return list_tokens(session=session, user=find_user(session=session, name=name))


def add_token(
    *, session: Session, name: str, token_name: str, scope: str, days: int | None, actor: Actor
) -> tuple[ApiToken, str]:
    """Issue a named API token to a user; return it with its value (shown once)."""
    require_role(actor, "admin")
    user = find_user(session=session, name=name)
    row, plain = issue_token(session=session, user=user, name=token_name, scope=scope, days=days)
    _audit(session, actor, "add_token", user, new=f"{token_name}:{scope}")
    return row, plain


def revoke_named_token(*, session: Session, name: str, token_name: str, actor: Actor) -> ApiToken:
    """Revoke one named token of a user (it stops working at once)."""
    require_role(actor, "admin")
    user = find_user(session=session, name=name)
    row = revoke_token(session=session, user=user, name=token_name)
    _audit(session, actor, "revoke_token", user, new=token_name)
    return row


def rotate_token(
    *, session: Session, name: str, token_name: str, actor: Actor
) -> tuple[ApiToken, str]:
    """Replace a named token by a new value (the old one stops working at once)."""
    require_role(actor, "admin")
    user = find_user(session=session, name=name)
    row, plain = rotate(session=session, user=user, name=token_name)
    _audit(session, actor, "rotate_token", user, new=token_name)
    return row, plain
