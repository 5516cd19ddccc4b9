"""Serve one evidence document through a signed, expiring link (PDF and images inline)."""

from __future__ import annotations

import uuid
from urllib.parse import quote

from fastapi import APIRouter, Query
from fastapi.responses import Response

from services import evidence as evidence_acts
from web.deps import SessionDep

router = APIRouter()

# Shown in the browser; anything else is downloaded so it never runs as a page of this site.
INLINE = {"application/pdf", "image/png", "image/jpeg"}


@router.get("/files/evidence/{evidence_id}")
def evidence_file(
    evidence_id: uuid.UUID,
    session: SessionDep,
    exp: int = Query(...),
    sig: str = Query(..., max_length=128),
) -> Response:
    """Answer the document's bytes when the link's signature and moment are good."""
    row, data = evidence_acts.open_link(
        session=session, evidence_id=evidence_id, expires=exp, signature=sig
    )
    kind = row.content_type or "application/octet-stream"
    disposition = "inline" if kind in INLINE else "attachment"
    headers = {
        "Content-Disposition": f"{disposition}; filename*=UTF-8''{quote(row.filename)}",
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, max-age=60",
        "Content-Security-Policy": "default-src 'none'; img-src 'self'; object-src 'self'; sandbox",
    }
    return Response(data, media_type=kind if kind in INLINE else "application/octet-stream",
                    headers=headers)  # fmt: skip
