"""Sign in with a user name and password (server-side session), sign out, change one's password."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from cchc.errors import LoginRefused, TooManyAttempts, ValidationError
from cchc.settings import get_settings
from cchc.wording import accounts as say
from models.accounts.tables import User
from services import accounts_login
from web import csrf
from web.deps import SESSION_COOKIE, OptionalUserDep, SessionDep, UserDep
from web.pages.render import render

router = APIRouter()
Text = Annotated[str, Form(max_length=256)]


def client_ip(request: Request) -> str:
    """Return the caller's address (as the server sees it)."""
    return request.client.host if request.client else ""


@router.get("/", response_class=RedirectResponse)
def home(user: OptionalUserDep) -> RedirectResponse:
    """Send signed-in users to the campaigns, others to the login page."""
    return RedirectResponse("/campaigns" if user else "/login", status_code=303)


def login_page(
    request: Request, status: int = 200, error: str | None = None, username: str = ""
) -> Response:
    """Render the login form (setting the anti-forgery cookie when the browser has none)."""
    page = render(
        request,
        "login.html",
        status_code=status,
        user=None,
        error=error,
        username=username,
        sso=get_settings().oidc.enabled,
        sso_label=say.SSO_BUTTON,
    )
    return csrf.remember(request, page)


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> Response:
    """Show the login form."""
    return login_page(request)


@router.post("/login", response_class=HTMLResponse)
def login(request: Request, session: SessionDep, username: Text, password: Text) -> Response:
    """Check the password; on success open a session (cookie) and go to the campaigns."""
    try:
        user, sid = accounts_login.login(
            session=session, username=username, password=password, ip=client_ip(request)
        )
    except TooManyAttempts as exc:
        return login_page(request, 429, str(exc), username)
    except LoginRefused as exc:  # the failure row is committed with this answer
        return login_page(request, 401, str(exc), username)
    return signed_in(request, session, user, sid)


def signed_in(request: Request, session: SessionDep, user: User, sid: str) -> RedirectResponse:
    """Set the new session's cookie (closing the browser's older one) and go on."""
    previous = request.cookies.get(SESSION_COOKIE)
    if previous:  # a browser signing in again leaves no older session of it open
        accounts_login.logout(session=session, sid=previous)
    target = "/account/password" if user.must_change_password else "/campaigns"
    answer = RedirectResponse(target, status_code=303)
    auth = get_settings().auth
    answer.set_cookie(
        SESSION_COOKIE,
        sid,
        max_age=auth.session_absolute_hours * 3600,
        httponly=True,
        samesite="lax",
        secure=auth.https,
    )
    answer.delete_cookie(csrf.SEED_COOKIE)
    return answer


@router.post("/logout")
def logout(request: Request, session: SessionDep) -> RedirectResponse:
    """Close the server-side session (it stops working at once) and forget the cookie."""
    accounts_login.logout(session=session, sid=request.cookies.get(SESSION_COOKIE, ""))
    answer = RedirectResponse("/login", status_code=303)
    answer.delete_cookie(SESSION_COOKIE)
    return answer


@router.get("/account/password", response_class=HTMLResponse)
def password_form(request: Request, user: UserDep) -> Response:
    """Show the form to change one's own password."""
    notice = say.MUST_CHANGE if user.must_change_password else None
    return render(request, "account_password.html", user=user, error=None, notice=notice)


@router.post("/account/password", response_class=HTMLResponse)
def change_password(
    request: Request, session: SessionDep, user: UserDep, current: Text, new: Text, repeat: Text
) -> Response:
    """Change one's own password; the user's other sessions are closed."""
    try:
        accounts_login.change_password(
            session=session,
            user=user,
            current=current,
            new=new,
            repeat=repeat,
            sid=request.cookies.get(SESSION_COOKIE),
        )
    except ValidationError as exc:
        session.rollback()
        return render(
            request,
            "account_password.html",
            status_code=422,
            user=user,
            error=str(exc),
            notice=None,
        )
    return render(
        request, "account_password.html", user=user, error=None, notice=say.PASSWORD_CHANGED
    )
