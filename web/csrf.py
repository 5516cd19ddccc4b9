"""Anti-forgery (CSRF) tokens for the dashboard's forms and scripts.

The token is an HMAC of a secret only the browser's HttpOnly cookies hold: the session id once
signed in, else a random `cchc_csrf` cookie (the login form). A page embeds it with
`csrf_field()` (hidden input `csrf_token`) or `csrf_meta()` (scripts send `X-CSRF-Token`).
`guard` runs before every route: a write that carries the session cookie, and every sign-in,
must bring the token. Requests authenticated by an API bearer token carry no ambient
credential and are exempt.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from fastapi import Request, Response
from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from cchc.errors import CsrfRefused
from cchc.settings import get_settings
from cchc.wording import accounts as say
from web.deps import SAFE_METHODS, SESSION_COOKIE, bearer_token

SEED_COOKIE = "cchc_csrf"
FIELD = "csrf_token"
HEADER = "X-CSRF-Token"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
ALWAYS_CHECKED = frozenset({"/login"})  # sign-in forgery: a victim signed into our account


def _token_for(seed: str) -> str:
    """Derive the page token from a cookie secret (the secret itself never reaches the page)."""
    return hmac.new(seed.encode("utf-8"), b"cchc-csrf-v1", hashlib.sha256).hexdigest()


def _seed(request: Request) -> str:
    """Return the cookie secret behind this request's token, making one when there is none."""
    seed = request.cookies.get(SESSION_COOKIE) or request.cookies.get(SEED_COOKIE)
    if not seed:
        seed = getattr(request.state, "csrf_seed", None) or secrets.token_urlsafe(32)
        request.state.csrf_seed = seed  # remember() sets it as a cookie on the answer
    return str(seed)


def csrf_token(request: Request) -> str:
    """Return the anti-forgery token for forms and scripts on this request's page."""
    override = getattr(request.state, "csrf_override", None)
    return str(override) if override else _token_for(_seed(request))


def session_token(request: Request) -> str:
    """Return the signed-in session's token, or '' (pages embed it in their forms)."""
    sid = request.cookies.get(SESSION_COOKIE)
    return _token_for(sid) if sid else ""


def remember(request: Request, response: Response) -> Response:
    """Set the seed cookie when this request made one (pages shown before sign-in)."""
    seed = getattr(request.state, "csrf_seed", None)
    if seed:
        secure = get_settings().auth.https
        response.set_cookie(SEED_COOKIE, seed, httponly=True, samesite="lax", secure=secure)
    return response


def after_login(request: Request, sid: str) -> None:
    """Make this request's page use the new session's token (the old seed no longer counts)."""
    request.state.csrf_override = _token_for(sid)


def _page_token(context: Context) -> str:
    """Return the token for a template: from its request, else a `csrf` value given to it."""
    request = context.get("request")
    if isinstance(request, Request):
        return csrf_token(request)
    return str(context.get("csrf") or "")


@pass_context
def csrf_field(context: Context) -> Markup:
    """Render the hidden input every state-changing form carries."""
    value = escape(_page_token(context))
    return Markup(f'<input type="hidden" name="{FIELD}" value="{value}">')


@pass_context
def csrf_meta(context: Context) -> Markup:
    """Render the meta tag scripts read to send the `X-CSRF-Token` header."""
    return Markup(f'<meta name="csrf-token" content="{escape(_page_token(context))}">')


def _needs_check(request: Request) -> bool:
    """Tell whether this request could be forged by another site riding our cookies."""
    if request.method in SAFE_METHODS or bearer_token(request):
        return False
    return SESSION_COOKIE in request.cookies or request.url.path in ALWAYS_CHECKED


async def _sent_token(request: Request) -> str:
    """Return the token the request brought, in the header or in the form."""
    header = request.headers.get(HEADER, "")
    if header:
        return header
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(FORM_TYPES):
        value = (await request.form()).get(FIELD)
        return value if isinstance(value, str) else ""
    return ""


async def guard(request: Request) -> None:
    """Refuse a forgeable write that lacks the right token (403)."""
    if not _needs_check(request):
        return
    expected = _token_for(_seed(request))
    sent = await _sent_token(request)
    if not sent or not hmac.compare_digest(sent, expected):
        raise CsrfRefused(say.CSRF_REFUSED)


def install(env: Environment) -> None:
    """Offer `csrf_field()` and `csrf_meta()` to every template of this environment."""
    env.globals["csrf_field"] = csrf_field
    env.globals["csrf_meta"] = csrf_meta
