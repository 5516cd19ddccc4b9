"""The self-assessment form's empty fields, and HTML error pages for the dashboard."""

from __future__ import annotations

from sqlmodel import Session, select

from models import CriteriaItem, SelfScore
from tests.world.accounts import login_as

FORM = "/campaigns/test-2024/units/so-a/self-assessment"


def _login(client, world, who: str) -> None:
    """Sign in through the login form (the cookie is kept by the client)."""
    login_as(client, who)


def _stored(engine) -> dict[str, tuple[float, str | None]]:
    """Return the draft's {item code: (score, explanation)}."""
    with Session(engine) as s:
        rows = s.exec(
            select(CriteriaItem.code, SelfScore.score, SelfScore.explanation).join(
                CriteriaItem, CriteriaItem.id == SelfScore.item_id
            )
        ).all()
    return {code: (score, text) for code, score, text in rows}


def test_form_empty_score_clears_it_and_lone_explanation_is_kept(world, client, engine):
    _login(client, world, "unit_a")
    first = {"score_1.1": "1,75", "expl_1.1": "Có kế hoạch", "score_1.2.1": "", "expl_1.2.1": ""}
    assert client.post(FORM, data=first, follow_redirects=False).status_code == 303
    assert _stored(engine)["1.1"] == (1.75, "Có kế hoạch")
    second = {"score_1.1": "", "expl_1.1": "", "score_1.2.1": "", "expl_1.2.1": "Đang chờ"}
    assert client.post(FORM, data=second, follow_redirects=False).status_code == 303
    stored = _stored(engine)
    assert "1.1" not in stored  # the emptied score is cleared
    assert stored["1.2.1"][1] == "Đang chờ"  # the explanation typed without a score is kept


def test_dashboard_errors_are_html_pages_with_the_signed_in_user(world, client):
    _login(client, world, "admin")
    html = {"Accept": "text/html"}
    bad = client.get("/campaigns/bad%20code", headers=html)
    assert bad.status_code == 422 and bad.headers["content-type"].startswith("text/html")
    missing = client.get("/khong-co-trang", headers=html)
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
    unknown = client.get("/campaigns/khong-co", headers=html)
    assert unknown.status_code == 404 and "admin" in unknown.text  # still shown as signed in
    api = client.get("/api/campaigns/bad%20code")
    assert api.status_code == 422 and api.json()["error"]["code"] == "invalid_request"
