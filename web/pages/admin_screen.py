"""Admin screens: approve, publish, reopen with a decision number; extensions; the audit log."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from cchc.clock import as_utc
from cchc.wording.audit import AUDIT_ACTION, action_label, field_label, value_text
from deadlines import end_of
from models.enums import Role
from services import approval, audit_view, extensions, results
from web.deps import SessionDep, UserDep
from web.pages.render import render
from web.schemas import CampaignCode
from web.scope import require_role

router = APIRouter()
ADMIN = "/campaigns/{code}/admin"
Short = Annotated[str, Form(min_length=1, max_length=128)]
Long = Annotated[str, Form(min_length=1, max_length=2000)]


def _done(code: str, what: str) -> RedirectResponse:
    return RedirectResponse(ADMIN.format(code=code) + f"?ok={what}", status_code=303)


@router.get(ADMIN, response_class=HTMLResponse)
def admin_page(
    request: Request, code: CampaignCode, session: SessionDep, user: UserDep
) -> Response:
    """Show the Sở Nội vụ's acts on the campaign."""
    require_role(user, Role.admin)
    ok = request.query_params.get("ok")
    stages = extensions.extension_stages(session=session, campaign_code=code)
    return render(request, "admin.html", user=user, code=code, ok=ok, stages=stages)


@router.get(ADMIN + "/units")
def unit_choices(
    code: CampaignCode, session: SessionDep, user: UserDep,
    q: Annotated[str, Query(max_length=128)] = "",
) -> list[dict[str, str]]:  # fmt: skip
    """Suggest the units an extension can name, by a part of their name or code."""
    require_role(user, Role.admin)
    found = extensions.extension_units(session=session, campaign_code=code, text=q)
    return [{"code": unit_code, "name": name} for unit_code, name in found]


@router.post(ADMIN + "/compute")
def compute(code: CampaignCode, session: SessionDep, user: UserDep) -> RedirectResponse:
    """Recompute every unit's index and rank (refused once approved)."""
    require_role(user, Role.admin)
    results.compute(session=session, campaign_code=code, actor=user.name)
    return _done(code, "computed")


@router.post(ADMIN + "/approve")
def approve(
    code: CampaignCode, session: SessionDep, user: UserDep, decision_no: Short,
    decided_on: Annotated[date, Form()], force: Annotated[bool, Form()] = False,
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> RedirectResponse:  # fmt: skip
    """Record the chairman's approval (past the gate only with a reason); results then freeze."""
    require_role(user, Role.admin)
    approval.approve(
        session=session, campaign_code=code, decision_no=decision_no, decided_on=decided_on,
        actor=user.name, force=force, reason=reason.strip() or None,
    )  # fmt: skip
    return _done(code, "approved")


@router.post(ADMIN + "/publish")
def publish(code: CampaignCode, session: SessionDep, user: UserDep) -> RedirectResponse:
    """Publish the approved results."""
    require_role(user, Role.admin)
    approval.publish(session=session, campaign_code=code, actor=user.name)
    return _done(code, "published")


@router.post(ADMIN + "/reopen")
def reopen(
    code: CampaignCode, session: SessionDep, user: UserDep, decision_no: Short, reason: Long
) -> RedirectResponse:
    """Unfreeze approved results under a new decision."""
    require_role(user, Role.admin)
    approval.reopen(
        session=session, campaign_code=code, decision_no=decision_no, reason=reason,
        actor=user.name,
    )  # fmt: skip
    return _done(code, "reopened")


@router.post(ADMIN + "/extensions")
def extend(
    code: CampaignCode, session: SessionDep, user: UserDep, stage_code: Short, unit_code: Short,
    new_due: Annotated[date, Form()], document_no: Short, reason: Long,
) -> RedirectResponse:  # fmt: skip
    """Move one unit's due day in one stage to the end of `new_due` (local time)."""
    require_role(user, Role.admin)
    extensions.extend_deadline(
        session=session, campaign_code=code, stage_code=stage_code, unit_code=unit_code,
        new_due_at=as_utc(end_of(new_due)), reason=reason, document_no=document_no,
        actor=user.name,
    )  # fmt: skip
    return _done(code, "extended")


@router.get(ADMIN + "/audit", response_class=HTMLResponse)
def audit(
    request: Request, code: CampaignCode, session: SessionDep, user: UserDep,
    who: Annotated[str, Query(max_length=128)] = "",
    action: Annotated[str, Query(max_length=64)] = "",
    since: date | None = None, until: date | None = None,
    format: Annotated[str, Query(pattern="^(html|csv)$")] = "html",
) -> Response:  # fmt: skip
    """Show the campaign's audit log filtered, or export the same rows as CSV."""
    rows = audit_view.entries(
        session=session, campaign_code=code, actor=user, who=who, action=action, since=since,
        until=until,
    )  # fmt: skip
    if format == "csv":
        headers = {"Content-Disposition": f'attachment; filename="nhat-ky-{code}.csv"'}
        # a BOM so spreadsheet programs read the Vietnamese text as UTF-8
        body = "\ufeff" + audit_view.as_csv(rows)
        return Response(body, media_type="text/csv; charset=utf-8", headers=headers)
    filters = {"who": who, "action": action, "since": since or "", "until": until or ""}
    return render(
        request, "audit.html", user=user, code=code, rows=rows, filters=filters,
        action_label=action_label, actions=sorted(AUDIT_ACTION.items(), key=lambda a: a[1]),
        field_label=field_label, value_text=value_text,
    )  # fmt: skip
