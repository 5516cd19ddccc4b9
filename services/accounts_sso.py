"""Sign in through the provincial SSO: only an existing, active user named by the claim passes."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, select

from cchc.errors import SsoRefused
from cchc.settings import get_settings
from cchc.wording import accounts as say
from models.accounts.sessions import open_session
from models.accounts.tables import User
from models.audit.log import record_audit
from services.sso_pending import Pending


def sso_start(*, redirect_uri: str) -> tuple[str, Pending]:
    """Return the provider's sign-in URL and the secrets the browser keeps until it answers."""
    from services import oidc  # authlib: loaded by the first SSO sign-in, not by every worker

    with oidc.client() as http:
        return oidc.start(http, redirect_uri=redirect_uri)


def sso_login(
    *, session: Session, pending: Pending | None, state: str, code: str, redirect_uri: str, ip: str
) -> tuple[User, str]:
    """Verify the provider's answer, then open a session like a password sign-in does."""
    from services import oidc

    with oidc.client() as http:
        claims = oidc.finish(
            http, pending=pending, state=state, code=code, redirect_uri=redirect_uri
        )
    return open_sso_session(session=session, claims=claims, ip=ip)


def open_sso_session(*, session: Session, claims: dict[str, Any], ip: str) -> tuple[User, str]:
    """Map verified claims to the user and open a session; a refusal is audited, then raised."""
    name = str(claims.get(get_settings().oidc.username_claim) or "").strip()[:128]
    if not name:
        raise SsoRefused(say.SSO_NO_CLAIM)
    user = session.exec(select(User).where(User.name == name)).first()
    if user is None or not user.active:
        record_audit(session=session, actor=name, action="login_refused", entity="user", new="oidc")
        raise SsoRefused(say.SSO_UNKNOWN_USER.format(name=name))
    sid = open_session(session=session, user=user, ip=ip)
    record_audit(
        session=session,
        actor=user.name,
        action="login",
        entity="user",
        entity_id=user.id,
        new="oidc",
    )
    return user, sid
