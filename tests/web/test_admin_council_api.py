"""Council sessions, final scores; admin facts, extensions, approval, publication; public."""

from __future__ import annotations

from sqlmodel import Session, select

from models import Assignment, Extension
from tests.world.web import import_survey, start_review, submit_full

BASE = "/api/campaigns/test-2024"
SESSION = {
    "held_on": "2024-12-20",
    "members_total": 5,
    "present": ["A", "B"],
    "in_writing": ["C"],
    "votes_for": 3,
    "votes_against": 0,
    "decision": "Thông qua",
}


def test_council_session_valid_only_with_more_than_half(world, client):
    ok = client.post(BASE + "/council/sessions", json=SESSION, headers=world.auth("council"))
    assert ok.status_code == 201 and ok.json()["valid"] is True
    half = {**SESSION, "members_total": 6, "votes_for": 2, "in_writing": []}
    answer = client.post(BASE + "/council/sessions", json=half, headers=world.auth("council"))
    assert answer.status_code == 201 and answer.json()["valid"] is False
    listed = client.get(BASE + "/council/sessions", headers=world.auth("admin")).json()
    assert [s["valid"] for s in listed] == [True, False]


def test_council_endpoints_refuse_other_roles(world, client):
    for who in ("viewer", "unit_a", "appraiser"):
        answer = client.post(BASE + "/council/sessions", json=SESSION, headers=world.auth(who))
        assert answer.status_code == 403, who
    assert client.get(BASE + "/council/sessions", headers=world.auth("viewer")).status_code == 403


def test_final_score_by_council_after_a_valid_session(world, client, engine):
    submit_full(client, world)
    start_review(engine, world)
    client.post(
        BASE + "/units/so-a/appraisals:accept-all", json={}, headers=world.auth("appraiser")
    )
    url = BASE + "/units/so-a/final-scores/1.1"
    body = {"score": 1.25, "reason": "Hội đồng thống nhất"}
    assert (
        client.post(url, json=body, headers=world.auth("council")).status_code == 422
    )  # no session
    client.post(BASE + "/council/sessions", json=SESSION, headers=world.auth("council"))
    ok = client.post(url, json=body, headers=world.auth("council"))
    assert ok.status_code == 200 and ok.json()["final_score"] == 1.25
    assert client.post(url, json=body, headers=world.auth("appraiser")).status_code == 403


def test_admin_extends_one_units_deadline(world, client, engine):
    body = {
        "stage_code": "tu-danh-gia",
        "new_due": "2099-01-15",
        "reason": "Thiên tai",
        "document_no": "123/SNV-CCHC",
    }
    url = BASE + "/units/so-a/extensions"
    assert client.post(url, json=body, headers=world.auth("unit_a")).status_code == 403
    answer = client.post(url, json=body, headers=world.auth("admin"))
    assert answer.status_code == 201, answer.text
    assert answer.json()["new_due_at"].startswith("2099-01-15T16:59:59")
    with Session(engine) as s:
        row = s.exec(select(Assignment).where(Assignment.unit_id == world.units["so-a"].id)).one()
        assert row.extended is True
        assert s.exec(select(Extension)).one().granted_by == "admin"


def test_admin_records_guidance_fact_others_cannot(world, client):
    body = {"kind": "guidance_issued", "stage_code": "huong-dan", "document_no": "45/HD-SNV"}
    assert client.post(BASE + "/facts", json=body, headers=world.auth("viewer")).status_code == 403
    answer = client.post(BASE + "/facts", json=body, headers=world.auth("admin"))
    assert answer.status_code == 201 and answer.json()["recorded_by"] == "admin"
    again = client.post(BASE + "/facts", json=body, headers=world.auth("admin"))
    assert again.json()["recorded_at"] == answer.json()["recorded_at"]  # recorded once


def test_launch_refuses_non_admin_and_paths_outside_plans(world, client):
    body = {"plan": "bac-kan-2023.yaml"}
    assert (
        client.post("/api/campaigns", json=body, headers=world.auth("council")).status_code == 403
    )
    escape = client.post(
        "/api/campaigns", json={"plan": "../units/x.yaml"}, headers=world.auth("admin")
    )
    assert escape.status_code == 422
    missing = client.post(
        "/api/campaigns", json={"plan": "khong-co.yaml"}, headers=world.auth("admin")
    )
    assert missing.status_code == 404


def _publish(client, world, engine) -> None:
    """Submit, appraise, hold the council, record the rest and approve as the right users."""
    submit_full(client, world)
    start_review(engine, world)
    client.post(
        BASE + "/units/so-a/appraisals:accept-all", json={}, headers=world.auth("appraiser")
    )
    council = client.post(BASE + "/council/sessions", json=SESSION, headers=world.auth("council"))
    assert council.status_code == 201
    for unit in ("so-b", "so-noi-vu", "so-tu-phap"):
        url = BASE + f"/units/{unit}/self-assessment:not-submitted"
        answer = client.post(url, json={"reason": "Không nộp"}, headers=world.auth("council"))
        assert answer.status_code == 201, answer.text
    import_survey(engine, world)
    assert client.post(BASE + "/results:compute", headers=world.auth("admin")).status_code == 200
    approval = {"decision_no": "99/QĐ-UBND", "decided_on": "2025-01-20"}
    assert (
        client.post(BASE + "/approval", json=approval, headers=world.auth("admin")).status_code
        == 201
    )


def test_scores_hidden_before_publication_except_admin_council_and_unit(world, client, engine):
    _publish(client, world, engine)
    for who in ("viewer", "appraiser"):
        assert client.get(BASE + "/results", headers=world.auth(who)).status_code == 403, who
    assert client.get("/api/public/campaigns/test-2024/results").status_code == 404
    admin = client.get(BASE + "/results", headers=world.auth("admin")).json()
    assert len(admin) >= 2
    own = client.get(BASE + "/results", headers=world.auth("unit_a")).json()
    assert [r["unit_code"] for r in own] == ["so-a"]


def test_public_sees_results_only_after_publication(world, client, engine):
    _publish(client, world, engine)
    assert client.post(BASE + "/publication", headers=world.auth("viewer")).status_code == 403
    assert client.post(BASE + "/publication", headers=world.auth("admin")).status_code == 201
    public = client.get("/api/public/campaigns/test-2024/results")
    assert public.status_code == 200
    first = public.json()["results"][0]
    assert first["unit_code"] == "so-a" and first["rank"] == 1 and "," in first["index_text"]
    assert client.get(BASE + "/results", headers=world.auth("viewer")).status_code == 200
    assert [c["code"] for c in client.get("/api/public/campaigns").json()] == ["test-2024"]


def test_admin_launches_a_plan_once(sqlite_only, tmp_path, monkeypatch):
    from tests.web.conftest import TestClient
    from tests.world.web import build_world
    from web.app import create_app

    world = build_world(sqlite_only)
    with TestClient(create_app(sqlite_only)) as client:
        dry = client.post(
            "/api/campaigns",
            json={"plan": "bac-kan-2023.yaml", "dry_run": True, "replay": True},
            headers=world.auth("admin"),
        )
        assert dry.status_code == 201, dry.text
        assert dry.json()["summary"]["assignments"] > 50
        gone = client.get("/api/campaigns/bac-kan-2023", headers=world.auth("admin"))
        assert gone.status_code == 404  # the dry run stored nothing
        real = client.post(
            "/api/campaigns",
            json={"plan": "bac-kan-2023.yaml", "replay": True},
            headers=world.auth("admin"),
        )
        assert real.status_code == 201
        stages = client.get("/api/campaigns/bac-kan-2023", headers=world.auth("viewer")).json()
        assert len(stages["stages"]) == real.json()["summary"]["stages"]
        again = client.post(
            "/api/campaigns",
            json={"plan": "bac-kan-2023.yaml", "replay": True},
            headers=world.auth("admin"),
        )
        assert again.status_code == 409 and again.json()["error"]["code"] == "already_launched"
