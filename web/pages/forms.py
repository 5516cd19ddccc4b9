"""The unit's self-assessment form: save a draft or submit, through the same domain functions."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from cchc.errors import CchcError, PermissionDenied, ValidationError
from models.accounts.tables import User
from models.campaign.tables import Campaign
from models.catalog.lookup import criteria_set_for, get_unit, set_items
from models.catalog.units import OrgUnit
from models.scoring.self_assessments import (
    list_versions,
    save_draft,
    submit_self_assessment,
    version_scores,
)
from web import lookup
from web.deps import SessionDep, UserDep
from web.pages.render import render
from web.schemas import CampaignCode, UnitCode
from web.scope import require_own_unit

router = APIRouter()


@router.get("/campaigns/{code}/my")
def my_unit(code: CampaignCode, session: SessionDep, user: UserDep) -> RedirectResponse:
    """Send a unit user to its own unit's page."""
    if user.unit_id is None:
        raise PermissionDenied("Tài khoản không gắn với đơn vị nào")
    unit = get_unit(session=session, unit_id=user.unit_id)
    return RedirectResponse(f"/campaigns/{code}/units/{unit.code}", status_code=303)


def _form_context(session: Session, camp: Campaign, unit: OrgUnit) -> dict[str, Any]:
    """Return the leaves to score and the newest version's values."""
    cset = criteria_set_for(session=session, campaign=camp, unit=unit)
    items = set_items(session=session, criteria_set_id=cset.id)
    versions = list_versions(session=session, campaign_id=camp.id, unit_id=unit.id)
    newest = versions[-1] if versions else None
    stored = version_scores(session=session, self_assessment_id=newest.id) if newest else {}
    values = {i.code: stored[i.id] for i in items if i.id in stored}
    lock = newest.lock_version if newest is not None and newest.status == "draft" else 0
    return {"items": items, "values": values, "newest": newest, "lock_version": lock}


@router.get("/campaigns/{code}/units/{unit_code}/self-assessment", response_class=HTMLResponse)
def form(
    request: Request, code: CampaignCode, unit_code: UnitCode, session: SessionDep, user: UserDep
) -> Response:
    """Show the self-assessment form (the unit's own users only)."""
    camp = lookup.campaign(session, code)
    unit = lookup.unit(session, camp, unit_code)
    require_own_unit(user, unit)
    return render(
        request,
        "self_assessment.html",
        user=user,
        camp=camp,
        unit=unit,
        problems=[],
        posted={},
        **_form_context(session, camp, unit),
    )


def _number(text: str, code: str) -> float | None:
    """Read a score typed with a decimal comma or dot; empty means not scored."""
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise ValidationError(f"{code}: «{text}» không phải là số") from None


def _scores(posted: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Turn score_<code>/expl_<code> fields into the draft's {code: {score, explanation}}."""
    out: dict[str, dict[str, Any]] = {}
    for key, value in posted.items():
        if not key.startswith("score_"):
            continue
        code = key.removeprefix("score_")
        score = _number(value, code)
        explanation = (posted.get(f"expl_{code}") or "").strip() or None
        if score is not None or explanation is None:
            out[code] = {"score": score, "explanation": explanation}  # empty score: cleared
        else:
            out[code] = {"explanation": explanation}  # the explanation is kept, score untouched
    return out


def _target(session: Session, code: str, unit_code: str, user: User) -> tuple[Campaign, OrgUnit]:
    """Find the campaign and unit named in the URL and check the user may edit it."""
    camp = lookup.campaign(session, code)
    unit = lookup.unit(session, camp, unit_code)
    require_own_unit(user, unit)
    return camp, unit


def _save(
    session: Session, camp: Campaign, unit: OrgUnit, user: User, posted: dict[str, str]
) -> str:
    """Save the draft, then submit when asked; return which happened."""
    lock = posted.get("lock_version", "")
    expected = int(lock) if lock.isdigit() else None
    save_draft(
        session=session,
        campaign_id=camp.id,
        unit_id=unit.id,
        scores=_scores(posted),
        actor=user.name,
        expected_lock_version=expected,
    )
    session.commit()  # the draft is kept even if the submission below is refused
    if posted.get("action") != "submit":
        return "saved"
    submit_self_assessment(session=session, campaign_id=camp.id, unit_id=unit.id, actor=user.name)
    return "submitted"


@router.post("/campaigns/{code}/units/{unit_code}/self-assessment", response_class=HTMLResponse)
async def post_form(
    request: Request, code: CampaignCode, unit_code: UnitCode, session: SessionDep, user: UserDep
) -> Response:
    """Save or submit from the form; refusals come back on the form with every problem listed."""
    posted = {k: str(v) for k, v in (await request.form()).items()}
    camp, unit = await run_in_threadpool(_target, session, code, unit_code, user)
    try:
        done = await run_in_threadpool(_save, session, camp, unit, user, posted)
    except PermissionDenied:
        raise
    except CchcError as exc:
        session.rollback()
        problems = getattr(exc, "problems", None) or [str(exc)]
        context = await run_in_threadpool(_form_context, session, camp, unit)
        return render(
            request,
            "self_assessment.html",
            status_code=422,
            user=user,
            camp=camp,
            unit=unit,
            problems=problems,
            posted=posted,
            **context,
        )
    return RedirectResponse(f"/campaigns/{code}/units/{unit.code}?ok={done}", status_code=303)
