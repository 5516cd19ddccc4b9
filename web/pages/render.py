"""Render Jinja2 templates found beside this package (never from the working directory)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from cchc.clock import now
from cchc.wording.dates import moment
from web import csrf, fmt, prefect_links

TEMPLATES = Jinja2Templates(directory=Path(__file__).resolve().parent.parent / "templates")
TEMPLATES.env.autoescape = True  # unit names and free text are always shown as text
fmt.register(TEMPLATES.env)
csrf.install(TEMPLATES.env)  # csrf_field() and csrf_meta() in every template
prefect_links.install(TEMPLATES.env)  # "Xem lần chạy trên Prefect" links (#16)


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render one page with the request and the signed-in user in its context."""
    context.setdefault("now_local", moment(now()))
    return TEMPLATES.TemplateResponse(request, name, context, status_code=status_code)


def render_error(
    request: Request, status: int, message: str, problems: list[str] | None = None
) -> HTMLResponse:
    """Render the error page (403, 404, ...), keeping the signed-in user in the header."""
    return render(
        request,
        "error.html",
        status_code=status,
        status=status,
        message=message,
        problems=problems or [],
        user=getattr(request.state, "user", None),
    )
