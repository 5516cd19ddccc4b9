"""The API docs page (/docs): Swagger UI served from the pinned `swagger-ui-bundle`, no CDN.

FastAPI's own page loads scripts from a CDN and starts them with an inline script, which the
CSP forbids; this page loads the same Swagger UI from `/docs-assets` and starts it from
`/static/swagger-init.js`. ReDoc is not served. With `CCHC_ENV=production` (or
`CCHC_WEB_SECURITY__DOCS_ENABLED=false`) neither the page nor `/openapi.json` is served.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

from cchc.settings import get_settings

PAGE = """<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <title>API cchc-flow</title>
  <link rel="stylesheet" href="/docs-assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui" data-url="/docs/openapi.json"></div>
<script src="/docs-assets/swagger-ui-bundle.js"></script>
<script src="/static/swagger-init.js"></script>
</body>
</html>
"""


def enabled() -> bool:
    """Tell whether the docs page and OpenAPI document are served (default: not in production)."""
    settings = get_settings()
    chosen = settings.web_security.docs_enabled
    return settings.env != "production" if chosen is None else chosen


def openapi_url() -> str | None:
    """Return the OpenAPI document's path, or None when the docs are off."""
    return "/openapi.json" if enabled() else None


def install(app: FastAPI) -> None:
    """Serve /docs and its assets when the docs are on."""
    if not enabled():
        return
    app.mount("/docs-assets", StaticFiles(directory=swagger_ui_path), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(PAGE)

    @app.get("/docs/openapi.json", include_in_schema=False)
    def docs_openapi() -> JSONResponse:
        return JSONResponse(for_swagger_ui(app.openapi()))


def for_swagger_ui(document: dict[str, Any]) -> dict[str, Any]:
    """Label the OpenAPI 3.1 document 3.0.3 for Swagger UI 4 (the bundle's), which reads it so.

    Swagger UI 4 refuses to render a document that says 3.1; what our schemas use of 3.1 (null
    in anyOf, examples) it shows well enough. `/openapi.json` itself stays 3.1, unchanged.
    """
    return {**document, "openapi": "3.0.3"}
