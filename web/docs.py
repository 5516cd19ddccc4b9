"""The API docs page (/docs): Swagger UI served from the pinned `swagger-ui-bundle`, no CDN.

FastAPI's own page loads scripts from a CDN and starts them with an inline script, which the
CSP forbids; this page loads the same Swagger UI from `/docs-assets` and starts it from
`/static/swagger-init.js`. ReDoc is not served. `CCHC_WEB_SECURITY__DOCS_ENABLED=false` hides
both the page and `/openapi.json`.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
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
<div id="swagger-ui" data-url="/openapi.json"></div>
<script src="/docs-assets/swagger-ui-bundle.js"></script>
<script src="/static/swagger-init.js"></script>
</body>
</html>
"""


def enabled() -> bool:
    """Tell whether the docs page and the OpenAPI document are served."""
    return get_settings().web_security.docs_enabled


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
