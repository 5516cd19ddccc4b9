"""Acknowledging the guidance: by the kick-off's signed link, from the unit page, by API; who has not."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session, select

from cchc.wording import acknowledgement as say
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


def test_unit_acknowledges_by_api_once(world, client):
    url = f"/api/campaigns/{CODE}/units/so-a/acknowledgement"
    first = client.post(url, headers=world.auth("unit_a")).json()
    second = client.post(url, headers=world.auth("unit_a")).json()
    assert first["via"] == "api" and first == second
