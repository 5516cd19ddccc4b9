"""Turn the domain's error tree into JSON answers {"error": {"code", "message"}} (or HTML pages)."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from sqlalchemy.exc import IntegrityError, OperationalError
from starlette.exceptions import HTTPException

from cchc import errors
from cchc.wording import refusals

logger = logging.getLogger(__name__)
RETRY = {"Retry-After": "5"}

# The first matching class wins, so subclasses come before their parents.
STATUS: tuple[tuple[type[errors.CchcError], int, str], ...] = (
    (errors.AlreadyLaunched, 409, "already_launched"),
    (errors.PlanChanged, 409, "plan_changed"),
    (errors.ResultsFrozen, 409, "results_frozen"),
    (errors.Conflict, 409, "conflict"),
    (errors.DeadlinePassed, 409, "deadline_passed"),
    (errors.ScoreError, 422, "invalid_score"),
    (errors.ValidationError, 422, "invalid"),
    (errors.NotFound, 404, "not_found"),
    (errors.PermissionDenied, 403, "forbidden"),
    (errors.ConfigError, 400, "bad_config"),
    (errors.DeadlinePhraseError, 400, "bad_deadline"),
    (errors.StorageUnavailable, 503, "storage_unavailable"),
    (errors.Retryable, 503, "retry_later"),
    (errors.CchcError, 400, "bad_request"),
)


class Unauthorized(errors.CchcError):
    """Raised when a request carries no token, or one no user owns."""


class PasswordChangeRequired(errors.PermissionDenied):
    """Raised when a session signed in with a first-time or reset password does anything else."""


def error_body(
    code: str, message: str, problems: list[str] | None = None, rule: str | None = None
) -> dict:
    """Build the JSON error body every refusal uses (with the lifecycle rule, when one refused)."""
    error: dict = {"code": code, "message": message}
    if rule:
        error["rule"] = rule
    if problems:
        error["problems"] = problems
    return {"error": error}


def classify(exc: errors.CchcError) -> tuple[int, str]:
    """Return the HTTP status and error code of a domain error."""
    if isinstance(exc, Unauthorized):
        return 401, "unauthorized"
    for cls, status, code in STATUS:
        if isinstance(exc, cls):
            return status, code
    return 400, "bad_request"


def _wants_html(request: Request) -> bool:
    """Tell whether the request came from the dashboard rather than the API."""
    return not request.url.path.startswith("/api")


def _answer(
    request: Request,
    status: int,
    code: str,
    message: str,
    problems: list[str] | None = None,
    headers: dict[str, str] | None = None,
    rule: str | None = None,
) -> Response:
    """Answer a refusal: an HTML error page for the dashboard, the JSON body for the API."""
    if _wants_html(request):
        from web.pages.render import render_error

        page = render_error(request, status, message, problems)
        page.headers.update(headers or {})
        return page
    body = error_body(code, message, problems, rule)
    return JSONResponse(body, status_code=status, headers=headers)


async def on_domain_error(request: Request, exc: Exception) -> Response:
    """Answer a domain error: JSON for the API, a login redirect or error page for the dashboard."""
    assert isinstance(exc, errors.CchcError)
    status, code = classify(exc)
    if isinstance(exc, PasswordChangeRequired) and _wants_html(request):
        return RedirectResponse("/account/password", status_code=303)
    if status == 401:
        if _wants_html(request):
            return RedirectResponse("/login", status_code=303)
        return _answer(request, status, code, str(exc), headers={"WWW-Authenticate": "Bearer"})
    problems = getattr(exc, "problems", None)
    return _answer(
        request,
        status,
        code,
        str(exc),
        problems if problems and len(problems) > 1 else None,
        rule=getattr(exc, "rule", None),
        headers=RETRY if status == 503 else None,  # a store or service that may come back
    )


async def on_integrity_error(request: Request, exc: Exception) -> Response:
    """Two writers raced for one row: the loser gets a conflict, never a 500."""
    msg = "Dữ liệu vừa bị thay đổi bởi một yêu cầu khác; vui lòng tải lại và thử lại"
    return _answer(request, 409, "conflict", msg)


async def on_busy_database(request: Request, exc: Exception) -> Response:
    """The database was locked or unreachable for a moment: ask the client to retry."""
    msg = "Cơ sở dữ liệu đang bận; vui lòng thử lại sau giây lát"
    return _answer(request, 503, "retry_later", msg, headers={"Retry-After": "1"})


async def on_http_error(request: Request, exc: Exception) -> Response:
    """Answer framework errors (404 route, 405 method) with the same body."""
    assert isinstance(exc, HTTPException)
    messages = {404: refusals.NOT_FOUND, 405: refusals.METHOD_NOT_ALLOWED}
    message = messages.get(exc.status_code, str(exc.detail))
    headers = getattr(exc, "headers", None)
    code = "too_large" if exc.status_code == 413 else f"http_{exc.status_code}"
    return _answer(request, exc.status_code, code, message, headers=headers)


def field_name(loc: tuple | list) -> str:
    """Name a field from pydantic's location without its body/query prefix: scores[0].points."""
    parts = list(loc)
    if parts and parts[0] in ("body", "query", "path", "header", "cookie", "form"):
        parts = parts[1:]
    name = ""
    for part in parts:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


async def on_request_invalid(request: Request, exc: Exception) -> Response:
    """Answer a malformed request (wrong type, missing field) with 422 naming each field."""
    assert isinstance(exc, RequestValidationError)
    problems = [
        refusals.field_error(str(e.get("type", "")), field_name(e.get("loc", ())))
        for e in exc.errors()
    ]
    message = refusals.INVALID_REQUEST + (f": {problems[0]}" if len(problems) == 1 else "")
    return _answer(request, 422, "invalid_request", message, problems)


async def on_storage_error(request: Request, exc: Exception) -> Response:
    """A disk or object-store write failed: a Vietnamese 503, never a plain-text 500."""
    logger.error("storage error on %s: %r", request.url.path, exc)
    return _answer(request, 503, "storage_unavailable", refusals.STORAGE, headers=RETRY)


async def on_unexpected(request: Request, exc: Exception) -> Response:
    """Anything unforeseen: a Vietnamese 500 body (the server still logs the traceback)."""
    try:
        return _answer(request, 500, "internal", refusals.INTERNAL)
    except Exception:  # the error page itself failed: the JSON body needs nothing
        return JSONResponse(error_body("internal", refusals.INTERNAL), status_code=500)


def install(app: FastAPI) -> None:
    """Register the handlers on the app."""
    app.add_exception_handler(errors.CchcError, on_domain_error)
    app.add_exception_handler(IntegrityError, on_integrity_error)
    app.add_exception_handler(OperationalError, on_busy_database)
    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_request_invalid)
    app.add_exception_handler(OSError, on_storage_error)
    app.add_exception_handler(Exception, on_unexpected)  # Starlette still re-raises it to log
