"""Evidence on the web: signed expiring links open the file; a storage failure is a JSON 503."""

from __future__ import annotations

from datetime import timedelta

from cchc.clock import frozen_at, now
from cchc.settings import get_settings
from tests.world.s3 import free_port, s3_env

UPLOAD = "/api/campaigns/test-2024/units/{unit}/evidence"
PDF = b"%PDF-1.4 ke hoach"


def _upload(world, client, name="Kế hoạch.pdf", data=PDF) -> str:
    answer = client.post(
        UPLOAD.format(unit="so-a"),
        headers=world.auth("unit_a"),
        data={"item_code": "1.1"},
        files={"file": (name, data, "application/octet-stream")},
    )
    assert answer.status_code == 201, answer.text
    return str(answer.json()["id"])


def _link(world, client, evidence_id: str, who: str = "unit_a", unit: str = "so-a"):
    return client.get(f"{UPLOAD.format(unit=unit)}/{evidence_id}/link", headers=world.auth(who))


def test_signed_link_serves_a_pdf_inline_without_a_token(world, client):
    evidence_id = _upload(world, client)
    link = _link(world, client, evidence_id, who="appraiser")
    assert link.status_code == 200
    client.cookies.clear()
    opened = client.get(link.json()["url"])  # no token: the signature is the authorisation
    assert opened.status_code == 200 and opened.content == PDF
    assert opened.headers["content-type"] == "application/pdf"
    assert opened.headers["content-disposition"].startswith("inline;")
    assert opened.headers["x-content-type-options"] == "nosniff"


def test_other_types_are_downloaded_not_shown(world, client):
    evidence_id = _upload(world, client, name="bang.xlsx", data=b"PK\x03\x04 xlsx")
    opened = client.get(_link(world, client, evidence_id).json()["url"])
    assert opened.headers["content-disposition"].startswith("attachment;")
    assert opened.headers["content-type"] == "application/octet-stream"


def test_a_link_is_refused_to_another_unit_and_when_forged_or_expired(world, client):
    evidence_id = _upload(world, client)
    assert _link(world, client, evidence_id, who="unit_b").status_code == 403
    assert _link(world, client, evidence_id, who="unit_b", unit="so-b").status_code == 404
    url = _link(world, client, evidence_id).json()["url"]
    assert client.get(url[:-4] + "0000").status_code == 403
    with frozen_at(now() + timedelta(seconds=get_settings().storage.link_ttl_seconds + 5)):
        assert client.get(url).status_code == 403


def test_storage_failure_is_a_vietnamese_json_503(world, client, monkeypatch):
    for name, value in s3_env(f"http://127.0.0.1:{free_port()}", "gone").items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    answer = client.post(
        UPLOAD.format(unit="so-a"),
        headers=world.auth("unit_a"),
        files={"file": ("a.pdf", PDF, "application/pdf")},
    )
    assert answer.status_code == 503
    assert answer.json()["error"]["code"] == "storage_unavailable"
    assert "thử lại" in answer.json()["error"]["message"]
