"""The SMS and Zalo channels against loopback servers speaking their APIs: delivered (with the
provider's receipt on the row), refused with the provider's error, down, hanging."""

from __future__ import annotations

import json
import time

import pytest
from sqlmodel import Session, select

from cchc.errors import NotificationFailed
from cchc.settings import get_settings
from models import Notification
from models.outbox.queue import Message, enqueue_many
from tasks.channels import zalo
from tasks.channels.sms import sms_text, unaccented
from tasks.outbox_sender import deliver_pending
from tasks.sending import send
from tests.flows.receivers import free_port
from tests.tasks.providers import SMS_PATH, provider
from tests.world.campaigns import make_campaign

BODY = "Hạn hoàn thành: 16/02/2024 23:59, còn 2 ngày làm việc. Đề nghị đơn vị khẩn trương."


@pytest.fixture
def channels(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Configure the sms and zalo channels for a host (a short provider timeout)."""

    def configure(host: str) -> None:
        monkeypatch.setenv(
            "CCHC_NOTIFY__CHANNELS",
            json.dumps(
                {
                    "sms": f"esms://{host}/?api_key=K1&secret_key=S1&brandname=SoNoiVu&insecure=yes",
                    "zalo": f"zalo://app-1@{host}/?access_token=tok-1&refresh_token=ref-1"
                    f"&secret_key=app-secret&oauth={host}&insecure=yes",
                }
            ),
        )
        monkeypatch.setenv("CCHC_NOTIFY__CHANNEL_TIMEOUT_SECONDS", "0.5")
        # About the providers, not the hour: no quiet hours (tests/tasks/test_contacts_delivery).
        monkeypatch.setenv("CCHC_NOTIFY__QUIET_END", "21:00")
        get_settings.cache_clear()
        zalo._tokens.clear()

    yield configure
    get_settings.cache_clear()
    zalo._tokens.clear()


def _send(ref: str, key: str = "k-1") -> None:
    send(urls=[ref], key=key, recipient="xa-1", subject="Nhắc hạn", body=BODY)


def test_sms_is_delivered_unaccented_within_the_limit_and_its_id_recorded(
    session: Session, engine, channels
):
    campaign = make_campaign(session)
    with provider() as fake:
        channels(fake.host)
        message = Message(
            key="thu:sms:1", campaign_id=campaign.id, recipient="xa-1", urls=["sms:0912345678"],
            kind="reminder", occasion="before-2", subject="Nhắc hạn", body=BODY,
        )  # fmt: skip
        enqueue_many(session=session, messages=[message])
        session.commit()
        report = deliver_pending(engine=engine, campaign_id=campaign.id)
    path, _headers, sent = fake.requests[0]
    assert report.delivered == 1 and path == SMS_PATH
    assert (sent["Phone"], sent["Brandname"], sent["ApiKey"], sent["IsUnicode"]) == (
        "0912345678", "SoNoiVu", "K1", "0",
    )  # fmt: skip
    assert sent["Content"].startswith("Nhac han: Han hoan thanh") and len(sent["Content"]) <= 160
    assert sent["RequestId"] == "thu:sms:1"
    session.expire_all()
    row = session.exec(select(Notification)).one()
    assert (row.state, row.receipt, row.urls) == ("delivered", "esms:sms-1", ["sms:0912345678"])


def test_sms_text_is_cut_and_unaccented_where_the_gateway_asks():
    assert unaccented("Đề nghị Sở Nội vụ") == "De nghi So Noi vu"
    long = sms_text("Quá hạn", "x" * 400, unicode=False, limit=160)
    assert len(long) == 160 and long.endswith("...")
    assert sms_text("Quá hạn", "ngắn", unicode=True, limit=70) == "Quá hạn: ngắn"


def test_sms_refused_by_the_gateway_fails_with_its_code(channels):
    with provider("refuse") as fake:
        channels(fake.host)
        with pytest.raises(NotificationFailed, match="mã 101"):
            _send("sms:0912345678")


def test_sms_gateway_down_or_hanging_fails_within_one_timeout(channels):
    channels(f"127.0.0.1:{free_port()}")
    with pytest.raises(NotificationFailed, match="không gọi được"):
        _send("sms:0912345678")
    with provider("hang") as fake:
        channels(fake.host)
        started = time.monotonic()
        with pytest.raises(NotificationFailed, match="không gọi được"):
            _send("sms:0912345678")
        assert time.monotonic() - started < 2.0


def test_zalo_refreshes_an_expired_token_once_and_records_the_message_id(
    session: Session, engine, channels
):
    campaign = make_campaign(session)
    with provider(token="tok-fresh-only-after-refresh") as fake:
        channels(fake.host)
        message = Message(
            key="thu:zalo:1", campaign_id=campaign.id, recipient="xa-1", urls=["zalo:u-42"],
            kind="reminder", occasion="before-2", subject="Nhắc hạn", body=BODY,
        )  # fmt: skip
        enqueue_many(session=session, messages=[message])
        session.commit()
        report = deliver_pending(engine=engine, campaign_id=campaign.id)
        _send("zalo:u-42", key="thu:zalo:2")  # the refreshed token serves the next message
    paths = [path for path, _h, _b in fake.requests]
    assert paths == ["/v3.0/oa/message/cs", "/v4/oa/access_token", "/v3.0/oa/message/cs",
                     "/v3.0/oa/message/cs"]  # fmt: skip
    last = fake.requests[-1]
    assert last[1]["access_token"] == "tok-2" and last[2]["recipient"] == {"user_id": "u-42"}
    assert "Nhắc hạn\nHạn hoàn thành" in last[2]["message"]["text"]  # accents kept on Zalo
    session.expire_all()
    row = session.exec(select(Notification)).one()
    assert report.delivered == 1 and (row.state, row.receipt) == ("delivered", "zalo:zm-1")


def test_zalo_refused_down_and_hanging_fail_with_a_reason(channels):
    with provider("refuse") as fake:
        channels(fake.host)
        with pytest.raises(NotificationFailed, match="mã -213"):
            _send("zalo:u-42")
    channels(f"127.0.0.1:{free_port()}")
    with pytest.raises(NotificationFailed, match="không gọi được"):
        _send("zalo:u-42")
    with provider("hang") as fake:
        channels(fake.host)
        started = time.monotonic()
        with pytest.raises(NotificationFailed, match="không gọi được"):
            _send("zalo:u-42")
        assert time.monotonic() - started < 2.0


def test_an_unconfigured_channel_fails_its_message_with_a_clear_reason(channels):
    channels("127.0.0.1:1")
    with pytest.raises(NotificationFailed, match="kênh thông báo «email» chưa được cấu hình"):
        _send("email:van-phong@example.gov.vn")
