"""CSRF placeholder: the accounts branch replaces it with real tokens (same names, same globals)."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from jinja2 import Environment, pass_context
from markupsafe import Markup, escape


def csrf_token(request: Request | None) -> str:
    """Return the request's CSRF token (none yet: the login is a bearer token)."""
    return ""


@pass_context
def csrf_field(context: Any) -> Markup:
    """Return the hidden form field carrying the token."""
    token = csrf_token(context.get("request"))  # pages rendered off-request have none
    return Markup('<input type="hidden" name="csrf_token" value="{}">').format(escape(token))


@pass_context
def csrf_meta(context: Any) -> Markup:
    """Return the meta tag that scripts read for the X-CSRF-Token header."""
    token = csrf_token(context.get("request"))  # pages rendered off-request have none
    return Markup('<meta name="csrf-token" content="{}">').format(escape(token))


def register(env: Environment) -> None:
    """Make csrf_field() and csrf_meta() available to every template."""
    env.globals.update(csrf_field=csrf_field, csrf_meta=csrf_meta)
