"""Register the work screens (unit, appraisal, council, admin) and evidence links on the app."""

from __future__ import annotations

from fastapi import FastAPI

from web.api import evidence_links
from web.pages import (
    admin_screen,
    appraisal_screen,
    council_screen,
    evidence_files,
    unit_screen,
)


def include(app: FastAPI) -> None:
    """Add the screens' routers (pages hidden from OpenAPI, the link route documented)."""
    app.include_router(evidence_links.router)
    for module in (evidence_files, unit_screen, appraisal_screen, admin_screen, council_screen):
        app.include_router(module.router, include_in_schema=False)
