"""Issue #12 case 3: the public sees the published snapshot, never live rows."""

from __future__ import annotations

from sqlmodel import Session

from cchc.wording.numbers import number
from services import approval
from tests.web.test_admin_council_api import BASE, _publish
from tests.world.web import import_survey

PUBLIC = "/api/public/campaigns/test-2024/results"


def test_reopen_keeps_the_last_snapshot_public_marked_under_review(world, client, engine):
    _publish(client, world, engine)
    assert client.post(BASE + "/publication", headers=world.auth("admin")).status_code == 201
    before = client.get(PUBLIC).json()
    assert before["status"] == "published" and before["status_text"] == "Đã công bố"
    published_xlsx = client.get("/public/test-2024/chi-so-cchc.xlsx")
    assert published_xlsx.status_code == 200
    with Session(engine) as s:
        approval.reopen(session=s, campaign_code="test-2024", decision_no="7/QĐ-UBND",
                        reason="Kiến nghị của Sở Alpha", actor="ct")  # fmt: skip
        s.commit()
    import_survey(engine, world, points=0.0)  # the live numbers move while under review
    assert client.post(BASE + "/results:compute", headers=world.auth("admin")).status_code == 200
    live = client.get(BASE + "/results", headers=world.auth("admin")).json()
    after = client.get(PUBLIC).json()
    assert after["status"] == "under_review" and after["status_text"] == "Đang xem xét lại"
    assert after["results"] == before["results"]  # the snapshot, not the live rows
    so_a = [r for r in live if r["unit_code"] == "so-a"][0]
    assert so_a["index_value"] != before["results"][0]["index_value"]
    page = client.get("/public/test-2024")
    assert page.status_code == 200 and "Đang xem xét lại" in page.text
    assert number(so_a["index_value"]) not in page.text  # live numbers never reach the public
    again = client.get("/public/test-2024/chi-so-cchc.xlsx")  # the file of the snapshot, kept
    assert again.status_code == 200 and again.content == published_xlsx.content
    assert client.get("/public/test-2024/chi-so-cchc.pdf").status_code == 404  # never printed


def test_refusals_name_their_rule_in_the_json_body(world, client, engine):
    _publish(client, world, engine)
    again = {"decision_no": "100/QĐ-UBND", "decided_on": "2025-01-21"}
    answer = client.post(BASE + "/approval", json=again, headers=world.auth("admin"))
    assert answer.status_code == 409
    error = answer.json()["error"]
    assert error["rule"] == "approve_when_approved" and "phê duyệt" in error["message"]
