"""Sign in by pasting a token (kept in an HttpOnly cookie), and sign out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from models.accounts.ops import authenticate
from web.deps import COOKIE, OptionalUserDep, SessionDep
from web.pages.render import render

router = APIRouter()
MAX_AGE = 30 * 24 * 3600


@router.get("/", response_class=RedirectResponse)
def home(user: OptionalUserDep) -> RedirectResponse:
    """Send signed-in users to the campaigns, others to the login page."""
    return RedirectResponse("/campaigns" if user else "/login", status_code=303)


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, user: OptionalUserDep) -> Response:
    """Show the login form."""
    return render(request, "login.html", user=user, error=None)


@router.post("/login", response_class=HTMLResponse)
def login(
    request: Request, session: SessionDep, token: Annotated[str, Form(max_length=512)]
) -> Response:
    """Check the pasted token; on success keep it in a cookie and open the campaigns."""
    user = authenticate(session=session, token=token.strip())
    if user is None:
        return render(
            request,
            "login.html",
            status_code=401,
            user=None,
            error="Mã truy cập không đúng hoặc đã bị khóa.",
        )
    answer = RedirectResponse("/campaigns", status_code=303)
    answer.set_cookie(COOKIE, token.strip(), max_age=MAX_AGE, httponly=True, samesite="strict")
    return answer


@router.post("/logout")
def logout() -> RedirectResponse:
    """Forget the token cookie."""
    answer = RedirectResponse("/login", status_code=303)
    answer.delete_cookie(COOKIE)
    return answer
