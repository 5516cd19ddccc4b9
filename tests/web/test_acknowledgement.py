"""Acknowledging the guidance: signed link, unit page, API; who has not acknowledged."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlmodel import Session, select

from cchc.wording import acknowledgement as say
from deadlines import end_of
from models import AuditEntry, GuidanceReceipt
from models.campaign.ack_links import ack_token

CODE = "test-2024"
HTML = {"Accept": "text/html"}


def _receipts(engine):  # type: ignore[no-untyped-def]
    with Session(engine) as s:
        return s.exec(select(GuidanceReceipt)).all()


def test_link_records_the_first_receipt_by_its_opener(world, client, engine):
    token = ack_token(CODE, "so-a")
    page = client.get(f"/ack/{token}")
    assert page.status_code == 200 and "Sở Alpha" in page.text and 'id="ack-button"' in page.text
    first = client.post(f"/ack/{token}")
    assert first.status_code == 200 and "người mở liên kết (Sở Alpha)" in first.text
    again = client.post(f"/ack/{token}")
    assert again.status_code == 200 and 'id="ack-button"' not in client.get(f"/ack/{token}").text
    (receipt,) = _receipts(engine)
    assert receipt.received_by == say.opener("Sở Alpha") and receipt.via == "link"
    with Session(engine) as s:
        audits = s.exec(select(AuditEntry).where(AuditEntry.action == "guidance_receipt")).all()
    assert [a.entity_id for a in audits] == ["so-a"]


def test_tampered_or_expired_link_gets_a_vietnamese_page_and_records_nothing(world, client, engine):
    token = ack_token(CODE, "so-a")
    forged = ack_token(CODE, "so-b").partition(".")[0] + "." + token.partition(".")[2]
    expired = ack_token(CODE, "so-a", ttl=timedelta(seconds=-5))
    for bad, message in ((forged, say.LINK_BAD), (expired, say.LINK_EXPIRED)):
        for answer in (client.get(f"/ack/{bad}", headers=HTML), client.post(f"/ack/{bad}")):
            assert answer.status_code == 403 and message in answer.text
            assert "Traceback" not in answer.text
    assert client.get("/ack/not-a-token-at-all-xxxxx").status_code == 403
    assert _receipts(engine) == []


def test_unit_user_confirms_from_its_page_and_others_may_not(world, client, engine):
    url = f"/campaigns/{CODE}/units/so-a/acknowledgement"
    refused = client.post(url, headers=world.auth("unit_b"), follow_redirects=False)
    assert refused.status_code == 403
    done = client.post(url, headers=world.auth("unit_a"), follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"].endswith("?ok=ack")
    (receipt,) = _receipts(engine)
    assert receipt.received_by == "unit_a" and receipt.via == "dashboard"
    page = client.get(f"/campaigns/{CODE}/units/so-a", headers=world.auth("admin"))
    assert "Đã xác nhận nhận văn bản hướng dẫn lúc" in page.text and "(unit_a)" in page.text


def test_watchers_see_who_has_not_acknowledged(world, client):
    client.post(f"/ack/{ack_token(CODE, 'so-a')}")
    api = f"/api/campaigns/{CODE}/acknowledgements"
    body = client.get(api + "?state=pending", headers=world.auth("viewer")).json()
    assert (body["count"], body["total"], body["pending"]) == (3, 4, 3)
    assert "so-a" not in {r["unit_code"] for r in body["data"]}
    done = client.get(api + "?state=received", headers=world.auth("admin")).json()["data"]
    assert [(r["unit_code"], r["via"]) for r in done] == [("so-a", "link")]
    assert client.get(api, headers=world.auth("unit_a")).status_code == 403
    page = client.get(f"/campaigns/{CODE}/acknowledgements", headers=world.auth("admin"))
    assert "Chưa xác nhận: <b>3</b> / 4" in page.text and "Sở Alpha" not in page.text
    summary = client.get(f"/campaigns/{CODE}", headers=world.auth("admin")).text
    assert "chưa xác nhận nhận văn bản: 3/4 đơn vị" in summary
    assert (
        'id="ack-link"' not in client.get(f"/campaigns/{CODE}", headers=world.auth("unit_a")).text
    )


def test_unit_acknowledges_by_api_once(world, client):
    url = f"/api/campaigns/{CODE}/units/so-a/acknowledgement"
    first = client.post(url, headers=world.auth("unit_a")).json()
    second = client.post(url, headers=world.auth("unit_a")).json()
    assert first["via"] == "api" and first == second


def test_receipt_starts_the_units_clock_in_a_receipt_clocked_stage(world, client, engine):
    from cchc.clock import as_utc, now, to_local
    from models import Assignment, Stage
    from models.tick.context import campaign_calendar

    soon = now() + timedelta(hours=1)
    with Session(engine, expire_on_commit=False) as s:
        stage = s.get(Stage, world.stage.id)
        stage.from_receipt_days = 10
        rows = s.exec(select(Assignment).where(Assignment.stage_id == stage.id)).all()
        for row in rows:
            row.due_at = soon
        s.add_all([stage, *rows])
        s.commit()
    client.post(f"/ack/{ack_token(CODE, 'so-a')}")
    cal = campaign_calendar(world.campaign)
    wanted = end_of(cal.add_working_days(to_local(now()).date(), 10))
    with Session(engine) as s:
        dues = {
            a.unit_id: as_utc(a.due_at)
            for a in s.exec(select(Assignment).where(Assignment.stage_id == world.stage.id))
        }
        audits = s.exec(select(AuditEntry).where(AuditEntry.action == "receipt_clock")).all()
    assert dues[world.units["so-a"].id] == as_utc(wanted)
    assert dues[world.units["so-b"].id] == as_utc(soon)  # not acknowledged: the plan's due
    assert len(audits) == 1 and audits[0].new_value == as_utc(wanted).isoformat()


def test_signed_in_user_confirms_through_the_form_with_its_token(world, client, engine):
    from tests.world.accounts import login_as

    login_as(client, "unit_a")
    token = ack_token(CODE, "so-a")
    forged = client.post(f"/ack/{token}", headers={"X-CSRF-Token": "forged"})
    assert forged.status_code == 403 and _receipts(engine) == []
    form = re.search(r'name="csrf_token" value="([^"]+)"', client.get(f"/ack/{token}").text)
    assert form is not None
    done = client.post(
        f"/ack/{token}", data={"csrf_token": form.group(1)}, headers={"X-CSRF-Token": ""}
    )
    assert done.status_code == 200 and "(unit_a)" in done.text
    assert [r.received_by for r in _receipts(engine)] == ["unit_a"]
