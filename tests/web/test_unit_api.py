"""Units: their assignments, draft/submit/withdraw/resubmit, evidence; only their own data."""

from __future__ import annotations

from sqlmodel import Session, select

from models import Assignment, AuditEntry
from tests.world.web import FULL, SA, submit_full

ASSIGN = "/api/campaigns/test-2024/units/{unit}/assignments"


def test_unit_reads_its_assignments_with_working_days_left(world, client):
    answer = client.get(ASSIGN.format(unit="so-a"), headers=world.auth("unit_a"))
    assert answer.status_code == 200
    row = answer.json()[0]
    assert row["stage_code"] == "tu-danh-gia" and row["state"] == "open"
    assert row["working_days_left"] > 5 and row["days_left_text"].startswith("còn ")


def test_unit_cannot_read_another_units_assignments(world, client):
    answer = client.get(ASSIGN.format(unit="so-b"), headers=world.auth("unit_a"))
    assert answer.status_code == 403
    assert answer.json()["error"]["code"] == "forbidden"


def test_viewer_sees_progress_but_not_scores_before_publication(world, client):
    assert client.get(ASSIGN.format(unit="so-a"), headers=world.auth("viewer")).status_code == 200
    answer = client.get(SA.format(unit="so-a"), headers=world.auth("viewer"))
    assert answer.status_code == 403
    assert "công bố" in answer.json()["error"]["message"]


def test_unit_saves_submits_withdraws_and_resubmits(world, client, engine):
    submit_full(client, world)
    mine = client.get(SA.format(unit="so-a"), headers=world.auth("unit_a")).json()
    assert mine["versions"][0]["status"] == "submitted"
    assert {s["item_code"]: s["score"] for s in mine["versions"][0]["scores"]}["1.1"] == 1.75
    withdrawn = client.post(
        SA.format(unit="so-a") + "/withdraw",
        json={"reason": "Sửa điểm 1.1"},
        headers=world.auth("unit_a"),
    )
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "withdrawn"
    again = client.post(SA.format(unit="so-a") + "/submit", headers=world.auth("unit_a"))
    assert again.status_code == 200 and again.json()["version"] == 2
    with Session(engine) as s:
        assignment = s.exec(
            select(Assignment).where(Assignment.unit_id == world.units["so-a"].id)
        ).one()
        assert assignment.state == "done" and assignment.received_at is not None
        actors = set(s.exec(select(AuditEntry.actor).where(AuditEntry.action == "submit")).all())
        assert actors == {"unit_a"}


def test_stale_lock_version_is_a_conflict_not_an_overwrite(world, client):
    first = client.put(SA.format(unit="so-a"), json=FULL, headers=world.auth("unit_a"))
    etag = first.headers["etag"]
    ok = client.put(
        SA.format(unit="so-a"),
        headers={**world.auth("unit_a"), "If-Match": etag},
        json={"scores": [{"item_code": "1.1", "score": 2.0, "explanation": "x"}]},
    )
    assert ok.status_code == 200
    stale = client.put(
        SA.format(unit="so-a"),
        headers={**world.auth("unit_a"), "If-Match": etag},
        json={"scores": [{"item_code": "1.1", "score": 0.25, "explanation": "y"}]},
    )
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "conflict"
    stored = client.get(SA.format(unit="so-a"), headers=world.auth("unit_a")).json()
    assert {s["item_code"]: s["score"] for s in stored["versions"][0]["scores"]}["1.1"] == 2.0


def test_out_of_range_score_is_422_naming_the_item(world, client):
    bad = {"scores": [{"item_code": "1.1", "score": 5.0}]}
    answer = client.put(SA.format(unit="so-a"), json=bad, headers=world.auth("unit_a"))
    assert answer.status_code == 422
    assert answer.json()["error"]["message"].startswith("1.1")


def test_nobody_but_the_unit_writes_its_self_assessment(world, client):
    for who in ("unit_b", "admin", "appraiser", "council", "viewer"):
        answer = client.put(SA.format(unit="so-a"), json=FULL, headers=world.auth(who))
        assert answer.status_code == 403, who
    assert (
        client.post(SA.format(unit="so-a") + "/submit", headers=world.auth("unit_b")).status_code
        == 403
    )


def test_unit_uploads_evidence_and_bad_types_are_refused(world, client):
    url = "/api/campaigns/test-2024/units/so-a/evidence"
    ok = client.post(
        url,
        headers=world.auth("unit_a"),
        data={"item_code": "1.1"},
        files={"file": ("ke-hoach.pdf", b"%PDF-1.4 test", "application/pdf")},
    )
    assert ok.status_code == 201 and ok.json()["size"] == 13
    bad = client.post(
        url, headers=world.auth("unit_a"), files={"file": ("x.exe", b"MZ", "application/x")}
    )
    assert bad.status_code == 422
    listed = client.get(url, headers=world.auth("unit_a")).json()
    assert [e["filename"] for e in listed] == ["ke-hoach.pdf"]
    assert (
        client.post(
            url, headers=world.auth("unit_b"), files={"file": ("a.pdf", b"x", "application/pdf")}
        ).status_code
        == 403
    )


def test_unknown_campaign_and_unit_are_404(world, client):
    assert client.get("/api/campaigns/nope", headers=world.auth("admin")).status_code == 404
    answer = client.get(ASSIGN.format(unit="nope"), headers=world.auth("admin"))
    assert answer.status_code == 404 and answer.json()["error"]["code"] == "not_found"
