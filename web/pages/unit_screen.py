"""The unit's self-assessment screen: evidence per item, deadline, withdraw, the Excel workbook."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, RedirectResponse, Response
from sqlmodel import Session
from starlette.background import BackgroundTask

from cchc.settings import get_settings
from models.accounts.tables import User
from models.campaign import unit_views
from services import evidence as evidence_acts
from services import not_applicable as na_acts
from services import self_assessment as acts
from services import self_assessment_read as reads
from services import workbook
from web.deps import SessionDep, UserDep
from web.schemas import CampaignCode, ItemCode, UnitCode

router = APIRouter()
BASE = "/campaigns/{code}/units/{unit_code}/self-assessment"


def screen_context(session: Session, form: reads.Form, user: User) -> dict[str, Any]:
    """Return what the screen shows beside the scores: evidence, limits, the deadline."""
    camp, unit = form.campaign, form.unit
    rows = evidence_acts.documents(
        session=session, campaign_code=camp.code, unit_code=unit.code, actor=user
    )
    links = evidence_acts.links_for(rows)
    by_item: dict[str, list[tuple[Any, str]]] = {}
    for row in rows:
        by_item.setdefault(row.item_code or "", []).append((row, links[row.id]))
    stages = unit_views.unit_assignments(session=session, campaign_id=camp.id, unit_id=unit.id)
    own = [(s, a) for s, a in stages if s.kind == "self_assessment"]
    limits = get_settings().evidence
    return {
        "evidence_by_item": by_item,
        "assignment": own[0][1] if own else None,
        "accept": ",".join("." + t for t in limits.allowed_types),
        "allowed_types": ", ".join(limits.allowed_types),
        "max_bytes": limits.max_bytes,
    }


@router.post(BASE + "/not-applicable/{item_code}")
async def mark_not_applicable(
    request: Request,
    code: CampaignCode,
    unit_code: UnitCode,
    item_code: ItemCode,
    session: SessionDep,
    user: UserDep,
) -> RedirectResponse:
    """Mark a leaf not applicable from the form's button; the reason is its own text field."""
    posted = await request.form()
    reason = str(posted.get(f"na_reason_{item_code}") or "")
    await run_in_threadpool(
        lambda: na_acts.mark_not_applicable(
            session=session, campaign_code=code, unit_code=unit_code, item_code=item_code,
            reason=reason[:4000], actor=user,
        )
    )  # fmt: skip
    return RedirectResponse(BASE.format(code=code, unit_code=unit_code) + "?ok=na", status_code=303)


@router.post(BASE + "/withdraw")
def withdraw(
    code: CampaignCode,
    unit_code: UnitCode,
    session: SessionDep,
    user: UserDep,
    reason: Annotated[str, Form(min_length=1, max_length=1000)],
) -> RedirectResponse:
    """Withdraw the submitted version, with the reason the unit gives."""
    acts.withdraw(
        session=session, campaign_code=code, unit_code=unit_code, actor=user, reason=reason
    )
    return RedirectResponse(BASE.format(code=code, unit_code=unit_code), status_code=303)


def _remove(path: Path) -> None:
    path.unlink(missing_ok=True)


@router.get(BASE + "/template.xlsx")
def template(
    code: CampaignCode, unit_code: UnitCode, session: SessionDep, user: UserDep
) -> Response:
    """Download the unit's workbook, pre-filled with its newest version."""
    with tempfile.NamedTemporaryFile(suffix=".xlsx", delete=False) as tmp:
        path = Path(tmp.name)
    workbook.export_template(
        session=session, campaign_code=code, unit_code=unit_code, actor=user, path=path
    )
    return FileResponse(
        path,
        filename=f"tu-danh-gia-{unit_code}.xlsx",
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        background=BackgroundTask(_remove, path),
    )


@router.post(BASE + "/template")
def upload_template(
    request: Request,
    code: CampaignCode,
    unit_code: UnitCode,
    session: SessionDep,
    user: UserDep,
    file: Annotated[UploadFile, File()],
) -> RedirectResponse:
    """Save a filled workbook as the draft (the form then shows it for review and submit)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tu-danh-gia.xlsx"
        path.write_bytes(file.file.read(get_settings().evidence.max_bytes + 1))
        workbook.import_draft(
            session=session, campaign_code=code, unit_code=unit_code, actor=user, path=path
        )
    url = BASE.format(code=code, unit_code=unit_code)
    return RedirectResponse(url + "?ok=workbook", status_code=303)
