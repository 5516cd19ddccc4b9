"""Appraisal screens: the worklist, one unit by field (accept/adjust, reply thread, final score)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from cchc.errors import ValidationError
from services import appraisal as acts
from services import appraisal_read as reads
from services import appraisal_screen, final_scores
from services.appraisal_reply import post_message
from services.targets import campaign_unit
from web.deps import SessionDep, UserDep
from web.pages.render import render
from web.schemas import CampaignCode, ItemCode, UnitCode

router = APIRouter()
UNIT = "/campaigns/{code}/units/{unit_code}/appraisal"
Text = Annotated[str, Form(max_length=4000)]


def _number(text: str) -> float:
    """Read a score typed with a decimal comma or dot."""
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        raise ValidationError(f"«{text}» không phải là số") from None


def _back(code: str, unit_code: str, anchor: str = "") -> RedirectResponse:
    """Return to the unit's screen, at the leaf or field just acted on."""
    url = UNIT.format(code=code, unit_code=unit_code)
    return RedirectResponse(url + (f"#{anchor}" if anchor else ""), status_code=303)


@router.get("/campaigns/{code}/appraise", response_class=HTMLResponse)
def worklist(request: Request, code: CampaignCode, session: SessionDep, user: UserDep) -> Response:
    """List the units and fields this appraiser must appraise."""
    rows = reads.worklist(session=session, campaign_code=code, user=user)
    return render(request, "appraise_list.html", user=user, code=code, rows=rows)


@router.get(UNIT, response_class=HTMLResponse)
def unit_screen(
    request: Request, code: CampaignCode, unit_code: UnitCode, session: SessionDep, user: UserDep
) -> Response:
    """Show one unit's leaves by field, with the acts this user may take."""
    camp, _unit = campaign_unit(session=session, campaign_code=code, unit_code=unit_code)
    view = appraisal_screen.unit_appraisal(
        session=session, campaign_code=code, unit_code=unit_code, actor=user
    )
    return render(request, "appraisal.html", user=user, camp=camp, view=view)


@router.post(UNIT + "/items/{item_code}")
def appraise(
    code: CampaignCode,
    unit_code: UnitCode,
    item_code: ItemCode,
    session: SessionDep,
    user: UserDep,
    decision: Annotated[str, Form(pattern="^(accepted|adjusted)$")],
    score: Annotated[str, Form(max_length=16)] = "",
    reason: Text = "",
) -> RedirectResponse:
    """Accept the self score, or adjust it with a score and a reason."""
    acts.appraise_item(
        session=session, campaign_code=code, unit_code=unit_code, item_code=item_code,
        actor=user, decision=decision, score=_number(score) if score.strip() else None,
        reason=reason.strip() or None,
    )  # fmt: skip
    return _back(code, unit_code, f"leaf-{item_code}")


@router.post(UNIT + "/fields/{field_code}/accept-all")
def accept_field(
    code: CampaignCode,
    unit_code: UnitCode,
    field_code: ItemCode,
    session: SessionDep,
    user: UserDep,
) -> RedirectResponse:
    """Accept every leaf of the field not yet appraised."""
    acts.accept_all(
        session=session, campaign_code=code, unit_code=unit_code, actor=user, field_code=field_code
    )
    return _back(code, unit_code, f"field-{field_code}")


@router.post(UNIT + "/items/{item_code}/reply")
def answer(
    code: CampaignCode,
    unit_code: UnitCode,
    item_code: ItemCode,
    session: SessionDep,
    user: UserDep,
    text: Annotated[str, Form(min_length=1, max_length=2000)],
) -> RedirectResponse:
    """Add the unit's reply or the appraiser's question to one leaf's thread (giải trình)."""
    post_message(
        session=session, campaign_code=code, unit_code=unit_code, item_code=item_code,
        actor=user, text=text,
    )  # fmt: skip
    return _back(code, unit_code, f"leaf-{item_code}")


@router.post(UNIT + "/items/{item_code}/final")
def final(
    code: CampaignCode,
    unit_code: UnitCode,
    item_code: ItemCode,
    session: SessionDep,
    user: UserDep,
    score: Annotated[str, Form(min_length=1, max_length=16)],
    reason: Annotated[str, Form(min_length=1, max_length=4000)],
) -> RedirectResponse:
    """Record the council's final score of one leaf, with its reason."""
    final_scores.record(
        session=session, campaign_code=code, unit_code=unit_code, item_code=item_code,
        actor=user, score=_number(score), reason=reason,
    )  # fmt: skip
    return _back(code, unit_code, f"leaf-{item_code}")
