"""The FastAPI app factory: the JSON API under /api, the dashboard pages, static files."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from sqlalchemy.engine import Engine

from cchc.db import get_engine
from web import errors
from web.api import admin, appraisal, campaigns, council, public, units
from web.pages import auth, dashboard, forms

HERE = Path(__file__).resolve().parent
DESCRIPTION = (
    "API của cchc-flow: chiến dịch xác định Chỉ số CCHC. Xác thực bằng "
    "`Authorization: Bearer <mã truy cập>` (tạo bằng `cchc users add`). Lỗi trả về "
    '`{"error": {"code", "message"}}` với mã 400/401/403/404/409/422.'
)


def create_app(engine: Engine | None = None) -> FastAPI:
    """Build the app against `engine` (default: the configured database)."""
    app = FastAPI(
        title="cchc-flow",
        version="0.1.0",
        description=DESCRIPTION,
    )
    app.state.engine = engine or get_engine()
    errors.install(app)
    for module in (campaigns, units, appraisal, council, admin, public):
        app.include_router(module.router)
    for module in (auth, dashboard, forms):
        app.include_router(module.router, include_in_schema=False)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app
