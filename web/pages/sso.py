"""SSO sign-in (OpenID Connect): out to the provider, back with a code, into a session."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response

from cchc.errors import SsoRefused
from cchc.settings import get_settings
from cchc.wording import accounts as say
from services import accounts_sso
from services.sso_pending import Pending
from web.deps import SessionDep
from web.pages.auth import client_ip, login_page, signed_in

router = APIRouter()
PENDING_COOKIE = "cchc_sso"  # state, nonce and PKCE verifier between the two legs
PENDING_PATH = "/login/sso"
PENDING_SECONDS = 600
Param = Annotated[str, Query(max_length=2048)]


def _redirect_uri(request: Request) -> str:
    """The callback URL the provider sends the browser back to."""
    return get_settings().oidc.redirect_url or str(request.url_for("sso_callback"))


def _pending(request: Request) -> Pending | None:
    """Read the secrets kept in the browser's short-lived cookie (None when absent or odd)."""
    parts = request.cookies.get(PENDING_COOKIE, "").split(".")
    return Pending(*parts) if len(parts) == 3 and all(parts) else None


@router.get("/login/sso")
def sso_start(request: Request) -> Response:
    """Send the browser to the provider, keeping state, nonce and verifier in a cookie."""
    try:
        url, pending = accounts_sso.sso_start(redirect_uri=_redirect_uri(request))
    except SsoRefused as exc:
        return login_page(request, 503, str(exc))
    answer = RedirectResponse(url, status_code=303)
    answer.set_cookie(
        PENDING_COOKIE,
        f"{pending.state}.{pending.nonce}.{pending.verifier}",
        max_age=PENDING_SECONDS,
        path=PENDING_PATH,
        httponly=True,
        samesite="lax",  # the provider's redirect back is a top-level GET: the cookie comes along
        secure=get_settings().auth.https,
    )
    return answer


@router.get("/login/sso/callback", name="sso_callback")
def sso_callback(
    request: Request, session: SessionDep, state: Param = "", code: Param = "", error: Param = ""
) -> Response:
    """Check the provider's answer and open a session, or show a Vietnamese refusal."""
    try:
        if error:
            raise SsoRefused(say.SSO_DENIED)
        user, sid = accounts_sso.sso_login(
            session=session,
            pending=_pending(request),
            state=state,
            code=code,
            redirect_uri=_redirect_uri(request),
            ip=client_ip(request),
        )
    except SsoRefused as exc:  # a refusal's audit row is committed with this answer
        answer = login_page(request, 403, str(exc))
    else:
        answer = signed_in(request, session, user, sid)
    answer.delete_cookie(PENDING_COOKIE, path=PENDING_PATH)  # each answer is used once
    return answer
