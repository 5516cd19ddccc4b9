"""The notification log marks messages held for the quiet hours and users' own copies, and
filters by them: on the campaign page and in /api/…/notifications (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session

from cchc.clock import now
from models.outbox.tables import Notification
from tests.world.accounts import login_as

PAGE = "/campaigns/test-2024"
API = "/api/campaigns/test-2024/notifications"
# (key, recipient, kind, state, quiet): what each row is, newest last
ROWS = [
    ("unit-mail", "so-a", "reminder", "pending", False),
    ("unit-sms-held", "so-a", "reminder", "pending", True),
    ("unit-sms-sent", "so-b", "reminder", "delivered", True),
    ("copy", "@unit_a", "reminder", "pending", False),
    ("digest", "@viewer", "digest", "delivered", False),
]


def _outbox(engine, world) -> None:
    """Write one row of each sort, a minute apart."""
    start = now()
    with Session(engine) as s:
        for i, (key, recipient, kind, state, quiet) in enumerate(ROWS):
            unit = world.units.get(recipient)
            s.add(
                Notification(
                    idempotency_key=f"marks:{key}", campaign_id=world.campaign.id,
                    unit_id=unit.id if unit else None, recipient=recipient, kind=kind,
                    occasion=key, subject=f"Tin {key}", body="…", state=state, quiet=quiet,
                    created_at=start + timedelta(minutes=i),
                )
            )  # fmt: skip
        s.commit()


def _log(html: str) -> str:
    """The notification log's table."""
    return html.split('id="notification-log"')[1].split("</table>")[0]


def test_page_marks_held_and_personal_rows_and_filters_by_them(world, client, engine):
    _outbox(engine, world)
    login_as(client, "admin")
    html = client.get(PAGE).text
    log = _log(html)
    held = log.split("Tin unit-sms-held")[1].split("</tr>")[0]
    assert "Chờ hết giờ nghỉ" in held
    sent = log.split("Tin unit-sms-sent")[1].split("</tr>")[0]
    assert "Chờ hết giờ nghỉ" not in sent  # delivered: no longer held
    assert log.count("Chờ hết giờ nghỉ") == 1
    copy = log.split("Tin copy")[0].rsplit("<tr>", 1)[1]
    assert "@unit_a" in copy and "Bản gửi riêng người dùng" in copy
    digest = log.split("Tin digest")[0].rsplit("<tr>", 1)[1]
    assert "@viewer" in digest and "Bản tổng hợp trong ngày" in digest
    bar = html.split('id="log-filter"')[1].split("</p>")[0]
    assert "Chờ hết giờ nghỉ (SMS, Zalo): 1" in bar
    assert "Gửi riêng người dùng (bản sao, bản tổng hợp): 2" in bar
    only_held = _log(client.get(PAGE + "?log=held").text)
    assert "Tin unit-sms-held" in only_held and "Tin unit-mail" not in only_held
    assert "Tin copy" not in only_held and "Tin unit-sms-sent" not in only_held
    own = _log(client.get(PAGE + "?log=personal&state=open").text)
    assert "Tin copy" in own and "Tin digest" in own and "Tin unit-mail" not in own
    assert "Tin unit-mail" in _log(client.get(PAGE + "?log=khac").text)  # unknown: no filter


def test_api_gives_marks_their_labels_and_filters(world, client, engine):
    _outbox(engine, world)
    admin = world.auth("admin")
    answer = client.get(API, headers=admin).json()
    assert answer["mark_counts"] == {"held": 1, "personal": 2}
    by_key = {row["occasion"]: row for row in answer["data"]}
    assert by_key["unit-sms-held"]["marks"] == ["held"]
    assert by_key["unit-sms-held"]["mark_labels"] == ["Chờ hết giờ nghỉ"]
    assert by_key["unit-sms-sent"]["marks"] == [] and by_key["unit-mail"]["marks"] == []
    assert by_key["copy"]["mark_labels"] == ["Bản gửi riêng người dùng"]
    assert by_key["digest"]["marks"] == ["digest"]
    held = client.get(API, params={"mark": "held"}, headers=admin).json()["data"]
    assert [row["occasion"] for row in held] == ["unit-sms-held"]
    own = client.get(API, params={"mark": "personal"}, headers=admin).json()["data"]
    assert [row["occasion"] for row in own] == ["digest", "copy"]  # newest first
    refused = client.get(API, params={"mark": "khac"}, headers=admin)
    assert refused.status_code == 422 and "error" in refused.json()


def test_unit_page_marks_its_held_message(world, client, engine):
    _outbox(engine, world)
    login_as(client, "admin")
    html = client.get("/campaigns/test-2024/units/so-a").text
    table = html.split('id="unit-notifications"')[1].split("</table>")[0]
    assert "Tin unit-sms-held" in table and table.count("Chờ hết giờ nghỉ") == 1
    held = table.split("Tin unit-sms-held")[1].split("</tr>")[0]
    assert "Chờ hết giờ nghỉ" in held
