"""The FastAPI app factory: the JSON API under /api, the dashboard pages, static files."""

from __future__ import annotations

import gc
from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles
from sqlalchemy.engine import Engine

from cchc import logs
from cchc.db import get_engine
from web import csrf, docs, errors, health, request_ids, security
from web.api import acknowledgements, admin, appraisal, campaigns, contacts, council, public, units
from web.pages import ack, admin_contacts, admin_users, auth, dashboard, forms, screens, sso

HERE = Path(__file__).resolve().parent
DESCRIPTION = (
    "API của cchc-flow: chiến dịch xác định Chỉ số CCHC. Xác thực bằng "
    "`Authorization: Bearer <mã truy cập>` (tạo bằng `cchc users tokens add`). Lỗi trả về "
    '`{"error": {"code", "message"}}` với mã 400/401/403/404/409/422.'
)


def create_app(engine: Engine | None = None) -> FastAPI:
    """Build the app against `engine` (default: the configured database)."""
    if engine is None:  # a served app (not a test's): its worker logs through the one set-up
        logs.configure()
    app = FastAPI(
        title="cchc-flow",
        version="0.1.0",
        description=DESCRIPTION,
        dependencies=[Depends(csrf.guard)],  # every forgeable write brings the page's token
        # Hostile requests (#14): no CDN docs, no ReDoc; /docs from local assets (web/docs.py).
        docs_url=None,
        redoc_url=None,
        openapi_url=docs.openapi_url(),
    )
    app.state.engine = engine or get_engine()
    errors.install(app)
    for module in (campaigns, units, appraisal, council, admin, contacts, public, acknowledgements):
        app.include_router(module.router)
    for module in (auth, sso, dashboard, forms, ack):
        app.include_router(module.router, include_in_schema=False)
    screens.include(app)  # work screens and evidence links (web/pages/screens.py)
    app.include_router(admin_users.router, include_in_schema=False)
    app.include_router(admin_contacts.router, include_in_schema=False)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    # Operations: /health, /ready, 503 for a database that is gone (web/health.py).
    health.install(app)
    docs.install(app)
    security.install(app)  # body limit before routing and auth; headers on every answer
    request_ids.install(app)  # outermost: ids and the access line for every answer (#16)
    if engine is None:
        # A served worker's modules, routes and metadata live as long as it does: moved out of
        # the collector's reach, a full collection during a request no longer walks them all
        # (the campaign page's slowest renders were such collections).
        gc.freeze()
    return app
