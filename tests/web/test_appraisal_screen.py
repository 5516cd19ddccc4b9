"""Appraisal screens: worklist, evidence opened, adjust with reason, accept a field, reply."""

from __future__ import annotations

from sqlmodel import Session, select

from models import Appraisal, AppraisalMessage, AuditEntry
from tests.web.test_admin_council_api import SESSION
from tests.world.accounts import login_as
from tests.world.web import start_review, submit_full

UNIT = "/campaigns/test-2024/units/so-a/appraisal"
UPLOAD = "/api/campaigns/test-2024/units/so-a/evidence"


def _login(client, world, who: str) -> None:
    login_as(client, who)


def _ready(world, client, engine) -> None:
    """The unit uploaded evidence for 1.1 and submitted; the appraisal stage is open."""
    files = {"file": ("Báo cáo.pdf", b"%PDF-1.4 bc", "application/pdf")}
    client.post(UPLOAD, headers=world.auth("unit_a"), data={"item_code": "1.1"}, files=files)
    submit_full(client, world)
    start_review(engine, world)


def _post(client, url: str, data: dict[str, str]) -> None:
    answer = client.post(url, data=data, follow_redirects=False)
    assert answer.status_code == 303, answer.text


def test_appraiser_works_from_the_list_to_a_verdict_on_every_leaf(world, client, engine):
    _ready(world, client, engine)
    _login(client, world, "appraiser")
    listed = client.get("/campaigns/test-2024/appraise")
    assert listed.status_code == 200 and UNIT in listed.text
    page = client.get(UNIT).text
    assert "Báo cáo.pdf" in page and "Có kế hoạch" in page and "chưa thẩm định" in page
    link = page.split('href="/files/evidence/')[1].split('"')[0].replace("&amp;", "&")
    assert client.get("/files/evidence/" + link).content == b"%PDF-1.4 bc"
    _post(client, UNIT + "/items/1.1",
          {"decision": "adjusted", "score": "1,5", "reason": "Kế hoạch ban hành muộn"})  # fmt: skip
    _post(client, UNIT + "/fields/1/accept-all", {})
    with Session(engine) as s:
        rows = s.exec(select(Appraisal)).all()
        assert sorted((r.decision, r.appraised_score) for r in rows) == [
            ("accepted", 0.5), ("accepted", 1.0), ("adjusted", 1.5)
        ]  # fmt: skip
        actors = {e.actor for e in s.exec(select(AuditEntry)).all() if "appraisal" in e.action}
        assert actors == {"appraiser"}
    assert "Kế hoạch ban hành muộn" in client.get(UNIT).text


def test_adjusting_without_a_reason_shows_the_refusal(world, client, engine):
    _ready(world, client, engine)
    _login(client, world, "appraiser")
    refused = client.post(UNIT + "/items/1.1", data={"decision": "adjusted", "score": "1"})
    assert refused.status_code == 422 and "text/html" in refused.headers["content-type"]


def test_unit_replies_and_council_finalises(world, client, engine):
    _ready(world, client, engine)
    _login(client, world, "appraiser")
    _post(client, UNIT + "/items/1.1", {"decision": "adjusted", "score": "1", "reason": "Thiếu"})
    _login(client, world, "unit_a")
    page = client.get(UNIT).text
    assert "Điều chỉnh" in page and 'action="' + UNIT + '/items/1.1/reply"' in page
    assert "accept-all" not in page  # a unit cannot appraise itself
    _post(client, UNIT + "/items/1.1/reply", {"text": "Đã bổ sung quyết định số 12"})
    sessions = "/api/campaigns/test-2024/council/sessions"
    assert client.post(sessions, json=SESSION, headers=world.auth("council")).status_code == 201
    _login(client, world, "council")
    assert "Đã bổ sung quyết định số 12" in client.get(UNIT).text
    _post(client, UNIT + "/items/1.1/final", {"score": "1,5", "reason": "Chấp nhận giải trình"})
    with Session(engine) as s:
        row = s.exec(select(Appraisal)).one()
        message = s.exec(select(AppraisalMessage)).one()
        assert (message.text, row.final_score) == ("Đã bổ sung quyết định số 12", 1.5)
    # the form now offers the council's final score, not the appraiser's 1
    assert 'name="score" size="5" required value="1,50"' in client.get(UNIT).text


def test_another_units_user_cannot_open_the_screen(world, client, engine):
    _ready(world, client, engine)
    _login(client, world, "unit_b")
    assert client.get(UNIT).status_code == 403
