"""The unit's self-assessment form: save a draft or submit, through the same domain functions."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from cchc.errors import CchcError, PermissionDenied, ValidationError
from models.accounts.tables import User
from models.catalog.lookup import get_unit
from models.scoring.not_applicable import marked_ids
from models.scoring.score_rules import typed_number
from services import self_assessment as acts
from services import self_assessment_read as reads
from web.deps import SessionDep, UserDep
from web.pages import unit_screen
from web.pages.render import render
from web.schemas import CampaignCode, UnitCode

router = APIRouter()


@router.get("/campaigns/{code}/my")
def my_unit(code: CampaignCode, session: SessionDep, user: UserDep) -> RedirectResponse:
    """Send a unit user to its own unit's page."""
    if user.unit_id is None:
        raise PermissionDenied("Tài khoản không gắn với đơn vị nào")
    unit = get_unit(session=session, unit_id=user.unit_id)
    return RedirectResponse(f"/campaigns/{code}/units/{unit.code}", status_code=303)


def _form_context(form: reads.Form, session: Session, user: User) -> dict[str, Any]:
    """Return the template's values: the leaves to score and the newest version's values."""
    return {
        **unit_screen.screen_context(session, form, user),
        "camp": form.campaign,
        "unit": form.unit,
        "items": form.items,
        "values": form.values,
        "newest": form.newest,
        "lock_version": form.lock_version,
        "not_applicable": marked_ids(
            session=session, campaign_id=form.campaign.id, unit_id=form.unit.id
        ),
    }


@router.get("/campaigns/{code}/units/{unit_code}/self-assessment", response_class=HTMLResponse)
def form(
    request: Request, code: CampaignCode, unit_code: UnitCode, session: SessionDep, user: UserDep
) -> Response:
    """Show the self-assessment form (the unit's own users only)."""
    found = reads.form(session=session, campaign_code=code, unit_code=unit_code, actor=user)
    return render(
        request,
        "self_assessment.html",
        user=user,
        problems=[],
        posted={},
        ok=request.query_params.get("ok"),
        **_form_context(found, session, user),
    )


def _number(text: str, code: str) -> float | None:
    """Read a score typed with a decimal comma or dot; empty means not scored."""
    try:
        return typed_number(text)  # ASCII digits only: no full-width or Arabic-Indic digits
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
        figure = _number(posted.get(f"figure_{code}") or "", code)
        if figure is not None:  # a formula leaf: the service computes the score from it
            out[code] = {"figure": figure, "explanation": explanation}
        elif score is not None or explanation is None:
            out[code] = {"score": score, "explanation": explanation}  # empty score: cleared
        else:
            out[code] = {"explanation": explanation}  # the explanation is kept, score untouched
    return out


def _target(session: Session, code: str, unit_code: str, user: User) -> None:
    """Check the campaign and unit named in the URL exist and the user may edit them."""
    acts.editable(session=session, campaign_code=code, unit_code=unit_code, actor=user)


def _save(session: Session, code: str, unit_code: str, user: User, posted: dict[str, str]) -> str:
    """Save the draft, then submit when asked; return which happened."""
    lock = posted.get("lock_version", "")
    return acts.save_then_submit(
        session=session,
        campaign_code=code,
        unit_code=unit_code,
        actor=user,
        scores=_scores(posted),
        expected_lock_version=int(lock) if lock.isdigit() else None,
        then_submit=posted.get("action") == "submit",
    )


def _reread(
    session: Session, code: str, unit_code: str, user: User
) -> tuple[reads.Form, dict[str, Any]]:
    """Read the form again after a refusal, with the screen's context."""
    found = reads.form(session=session, campaign_code=code, unit_code=unit_code, actor=user)
    return found, _form_context(found, session, user)


@router.post("/campaigns/{code}/units/{unit_code}/self-assessment", response_class=HTMLResponse)
async def post_form(
    request: Request, code: CampaignCode, unit_code: UnitCode, session: SessionDep, user: UserDep
) -> Response:
    """Save or submit from the form; refusals come back on the form with every problem listed."""
    posted = {k: str(v) for k, v in (await request.form()).items()}
    await run_in_threadpool(_target, session, code, unit_code, user)
    try:
        done = await run_in_threadpool(_save, session, code, unit_code, user, posted)
    except PermissionDenied:
        raise
    except CchcError as exc:
        session.rollback()
        problems = getattr(exc, "problems", None) or [str(exc)]
        found, extra = await run_in_threadpool(_reread, session, code, unit_code, user)
        return render(
            request,
            "self_assessment.html",
            status_code=422,
            user=user,
            problems=problems,
            posted=posted,
            **extra,
        )
    return RedirectResponse(f"/campaigns/{code}/units/{unit_code}?ok={done}", status_code=303)
