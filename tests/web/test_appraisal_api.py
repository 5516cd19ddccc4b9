"""Appraisers act only on their units and fields; units answer remarks on their own appraisals."""

from __future__ import annotations

from sqlmodel import Session, select

from models import Appraisal, AuditEntry
from tests.world.web import start_review, submit_full

BASE = "/api/campaigns/test-2024"
APPRAISE = BASE + "/units/{unit}/appraisals/{item}"


def test_worklist_lists_the_agencys_units_and_fields(world, client):
    answer = client.get(BASE + "/appraiser/worklist", headers=world.auth("appraiser"))
    assert answer.status_code == 200
    assert {"unit_code": "so-a", "unit_name": "Sở Alpha", "fields": ["1"]} in answer.json()
    other = client.get(BASE + "/appraiser/worklist", headers=world.auth("appraiser_tp")).json()
    assert other == []


def test_worklist_is_for_appraisers_only(world, client):
    assert client.get(BASE + "/appraiser/worklist", headers=world.auth("unit_a")).status_code == 403


def test_appraiser_adjusts_with_reason_and_it_is_audited(world, client, engine):
    submit_full(client, world)
    start_review(engine, world)
    body = {"decision": "adjusted", "score": 1.5, "reason": "Kế hoạch ban hành muộn"}
    answer = client.post(
        APPRAISE.format(unit="so-a", item="1.1"), json=body, headers=world.auth("appraiser")
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["appraised_score"] == 1.5 and answer.json()["self_score"] == 1.75
    with Session(engine) as s:
        entry = s.exec(select(AuditEntry).where(AuditEntry.action == "appraisal_adjusted")).one()
        assert (entry.actor, entry.old_value, entry.new_value) == ("appraiser", "1.75", "1.5")


def test_adjustment_without_reason_is_422(world, client, engine):
    submit_full(client, world)
    start_review(engine, world)
    answer = client.post(
        APPRAISE.format(unit="so-a", item="1.1"),
        json={"decision": "adjusted", "score": 1.0},
        headers=world.auth("appraiser"),
    )
    assert answer.status_code == 422


def test_appraiser_outside_its_fields_or_units_is_403(world, client, engine):
    submit_full(client, world)
    body = {"decision": "accepted"}
    field_only_2 = client.post(
        APPRAISE.format(unit="so-a", item="1.1"), json=body, headers=world.auth("appraiser_f2")
    )
    assert (
        field_only_2.status_code == 403 and "Lĩnh vực 1" in field_only_2.json()["error"]["message"]
    )
    other_agency = client.post(
        APPRAISE.format(unit="so-a", item="1.1"), json=body, headers=world.auth("appraiser_tp")
    )
    assert other_agency.status_code == 403
    as_unit = client.post(
        APPRAISE.format(unit="so-a", item="1.1"), json=body, headers=world.auth("unit_a")
    )
    assert as_unit.status_code == 403
    with Session(engine) as s:
        assert s.exec(select(Appraisal)).all() == []


def test_appraiser_outside_unit_cannot_read_its_scores(world, client):
    submit_full(client, world)
    answer = client.get(BASE + "/units/so-a/self-assessment", headers=world.auth("appraiser_tp"))
    assert answer.status_code == 403
    mine = client.get(BASE + "/units/so-a/self-assessment", headers=world.auth("appraiser"))
    assert mine.status_code == 200 and mine.json()["versions"][0]["scores"]


def test_accept_all_then_unit_answers_a_remark(world, client, engine):
    submit_full(client, world)
    start_review(engine, world)
    accepted = client.post(
        BASE + "/units/so-a/appraisals:accept-all", json={}, headers=world.auth("appraiser")
    )
    assert accepted.status_code == 200 and accepted.json() == {"accepted": 3}
    answer = client.post(
        APPRAISE.format(unit="so-a", item="1.1") + "/response",
        json={"text": "Đơn vị đã bổ sung tài liệu"},
        headers=world.auth("unit_a"),
    )
    assert answer.status_code == 200
    assert [m["text"] for m in answer.json()["messages"]] == ["Đơn vị đã bổ sung tài liệu"]
    seen = client.get(BASE + "/units/so-a/appraisals", headers=world.auth("unit_a")).json()
    assert len(seen) == 3
    first = next(a for a in seen if a["item_code"] == "1.1")
    assert first["unit_response"] == "Đơn vị đã bổ sung tài liệu"
    assert first["thread"][0]["author"] == "unit_a"
    foreign = client.post(
        APPRAISE.format(unit="so-a", item="1.1") + "/response",
        json={"text": "x"},
        headers=world.auth("unit_b"),
    )
    assert foreign.status_code == 403


def test_appraisals_hidden_from_viewer_and_other_units(world, client):
    submit_full(client, world)
    for who in ("viewer", "unit_b", "appraiser_tp"):
        answer = client.get(BASE + "/units/so-a/appraisals", headers=world.auth(who))
        assert answer.status_code == 403, who


def test_reply_thread_over_the_api(world, client, engine):
    submit_full(client, world)
    start_review(engine, world)
    messages = APPRAISE.format(unit="so-a", item="1.1") + "/messages"
    asked = client.post(
        messages, json={"text": "Bản chụp quyết định?"}, headers=world.auth("appraiser")
    )
    assert (
        asked.status_code == 200 and asked.json()["messages"][0]["role_label"] == "Thẩm định viên"
    )
    replied = client.post(messages, json={"text": "Đã tải lên"}, headers=world.auth("unit_a"))
    assert [m["role"] for m in replied.json()["messages"]] == ["appraiser", "unit"]
    (thread,) = client.get(BASE + "/units/so-a/threads", headers=world.auth("unit_a")).json()
    assert thread["item_code"] == "1.1" and thread["messages"][1]["author"] == "unit_a"
    long = client.post(messages, json={"text": "a" * 2001}, headers=world.auth("unit_a"))
    assert long.status_code == 422 and "error" in long.json()
    assert (
        client.post(messages, json={"text": "x"}, headers=world.auth("unit_b")).status_code == 403
    )
