"""Admin screens: approve (with the gate's override) and publish, extend, the audit log and CSV."""

from __future__ import annotations

from sqlmodel import Session, select

from models import Assignment
from tests.world.accounts import login_as
from tests.world.web import start_review, submit_full

ADMIN = "/campaigns/test-2024/admin"
API = "/api/campaigns/test-2024"


def _login(client, world, who: str) -> None:
    login_as(client, who)


def _post(client, url: str, data: dict[str, str]) -> str:
    answer = client.post(url, data=data, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    return str(answer.headers["location"])


def test_admin_approves_past_the_gate_with_a_reason_then_publishes(world, client, engine):
    submit_full(client, world)
    start_review(engine, world)
    client.post(API + "/units/so-a/appraisals:accept-all", json={}, headers=world.auth("appraiser"))
    assert client.post(API + "/results:compute", headers=world.auth("admin")).status_code == 200
    _login(client, world, "admin")
    assert "Phê duyệt" in client.get(ADMIN).text
    gate = {"decision_no": "12/QĐ-UBND", "decided_on": "2025-01-20"}
    refused = client.post(ADMIN + "/approve", data=gate)
    assert refused.status_code == 409 and "text/html" in refused.headers["content-type"]
    forced = {**gate, "force": "true", "reason": "Chỉ một đơn vị nộp"}
    assert _post(client, ADMIN + "/approve", forced).endswith("?ok=approved")
    assert _post(client, ADMIN + "/publish", {}).endswith("?ok=published")
    assert client.get("/api/public/campaigns/test-2024/results").status_code == 200


def test_admin_extends_a_deadline_and_others_cannot(world, client, engine):
    body = {"stage_code": "tu-danh-gia", "unit_code": "so-a", "new_due": "2099-01-15",
            "document_no": "123/SNV-CCHC", "reason": "Thiên tai"}  # fmt: skip
    _login(client, world, "unit_a")
    assert client.post(ADMIN + "/extensions", data=body).status_code == 403
    assert client.get(ADMIN).status_code == 403
    _login(client, world, "admin")
    form = client.get(ADMIN).text.split('action="' + ADMIN + '/extensions"')[1].split("</form>")[0]
    # The stage is chosen by its title among the stages units act in, not typed as a code.
    assert '<select name="stage_code" required>' in form
    assert '<option value="tu-danh-gia">' in form and "huong-dan" not in form
    assert _post(client, ADMIN + "/extensions", body).endswith("?ok=extended")
    with Session(engine) as s:
        row = s.exec(select(Assignment).where(Assignment.unit_id == world.units["so-a"].id)).one()
        assert row.extended is True


def test_extension_form_suggests_units_by_name_or_code(world, client):
    _login(client, world, "unit_a")
    assert client.get(ADMIN + "/units", params={"q": "so"}).status_code == 403
    _login(client, world, "admin")
    found = client.get(ADMIN + "/units", params={"q": "SO-"}).json()
    assert {"code": "so-a", "name": world.units["so-a"].name} in found
    assert all(u["code"].startswith("so-") for u in found)
    assert [u["code"] for u in client.get(ADMIN + "/units", params={"q": "alpha"}).json()] == [
        "so-a"
    ]
    assert client.get(ADMIN + "/units", params={"q": "s"}).json() == []  # too short to narrow
    assert client.get(ADMIN + "/units", params={"q": "khong-co"}).json() == []
    assert client.get(ADMIN + "/units", params={"q": "x" * 200}).status_code == 422
    assert 'list="unit-choices"' in client.get(ADMIN).text


def test_audit_view_filters_and_exports_csv(world, client):
    submit_full(client, world)
    _login(client, world, "admin")
    everyone = client.get(ADMIN + "/audit")
    assert everyone.status_code == 200 and "unit_a" in everyone.text
    none = client.get(ADMIN + "/audit", params={"who": "khong-ai"})
    assert "Không có thao tác nào khớp bộ lọc." in none.text
    csv = client.get(ADMIN + "/audit", params={"who": "unit_a", "format": "csv"})
    assert csv.headers["content-type"].startswith("text/csv")
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Thời điểm,Người thực hiện") and len(lines) > 1
    assert all(",unit_a," in line for line in lines[1:])
    assert any(",Nộp," in line for line in lines[1:])  # actions read in Vietnamese
    page = client.get(ADMIN + "/audit", params={"action": "submit"}).text
    submits = page.split('<table id="audit"')[1]
    assert "Nộp" in submits and "Tự chấm điểm" not in submits
    assert "Bản nháp → Đã nộp (phiên bản 1)" in submits  # stored as "draft → submitted v1"
    for code in ("draft", "submitted", "self_assessment_submitted", "null", "True"):
        assert code not in everyone.text.split('<table id="audit"')[1], code
    assert ",Bản tự đánh giá," in csv.content.decode("utf-8-sig")
    _login(client, world, "council")
    assert client.get(ADMIN + "/audit").status_code == 403
