"""Messages reach a unit's own channels (e-mail, SMS, Zalo) through real local receivers, the
province's default only when a unit has none; SMS and Zalo wait out the quiet hours."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlmodel import Session, select

from cchc.clock import frozen_at
from cchc.settings import get_settings
from models import Notification
from models.outbox.queue import HELD_SUFFIX, Message, enqueue_many
from models.outbox.targets import targets_of
from models.tick.context import context_for
from tasks.channels import zalo
from tasks.outbox_sender import deliver_pending
from tasks.sending import Sender, split_address
from tests.flows.receivers import http_receiver, smtp_receiver
from tests.tasks.providers import SMS_PATH, provider
from tests.world.campaigns import make_campaign
from tests.world.catalog import make_unit

NIGHT = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)  # 22:00 in Hà Nội
DAWN = datetime(2026, 3, 2, 23, 59, tzinfo=UTC)  # 06:59
MORNING = datetime(2026, 3, 3, 0, 0, tzinfo=UTC)  # 07:00


@pytest.fixture
def receivers(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Local SMTP, SMS gateway, Zalo OA and a default webhook, configured as the channels."""
    with smtp_receiver() as (mail_url, mails), provider() as fake, http_receiver() as hook:
        host = fake.host
        channels = {
            "email": mail_url.split("&to=")[0],  # the unit's address is the recipient
            "sms": f"esms://{host}/?api_key=K1&secret_key=S1&brandname=SoNoiVu&insecure=yes",
            "zalo": f"zalo://app-1@{host}/?access_token=tok-1&refresh_token=ref-1"
            f"&secret_key=app-secret&oauth={host}&insecure=yes",
        }
        monkeypatch.setenv("CCHC_NOTIFY__CHANNELS", json.dumps(channels))
        monkeypatch.setenv("CCHC_NOTIFY__DEFAULT_URLS", json.dumps([hook.url]))
        get_settings.cache_clear()
        zalo._tokens.clear()
        yield mails, fake, hook
    get_settings.cache_clear()
    zalo._tokens.clear()


def _units(session: Session):  # type: ignore[no-untyped-def]
    """A unit with all three contacts and one with none."""
    own = make_unit(session, "so-a", name="Sở Alpha")
    own.email, own.phone, own.zalo_id = "vp@so-a.gov.vn", "+84912345678", "4213456789"
    bare = make_unit(session, "so-b", name="Sở Beta")
    session.add(own)
    session.flush()
    return own, bare


def _messages(campaign, units) -> list[Message]:  # type: ignore[no-untyped-def]
    return [
        Message(
            key=f"{campaign.code}:-:{u.code}:reminder:d-2",
            campaign_id=campaign.id,
            recipient=u.code,
            urls=targets_of(u),
            kind="reminder",
            occasion="d-2",
            subject="Nhắc hạn",
            body="Còn 2 ngày làm việc.",
            unit_id=u.id,
        )  # fmt: skip
        for u in units
    ]


def test_unit_messages_go_to_its_own_channels_and_defaults_only_as_fallback(
    session: Session, engine, receivers
):
    mails, fake, hook = receivers
    campaign = make_campaign(session)
    own, bare = _units(session)
    ctx = context_for(session=session, campaign=campaign, at=MORNING)
    assert ctx.urls(ctx.by_code["so-a"]) == [
        "email:vp@so-a.gov.vn", "sms:+84912345678", "zalo:4213456789",
    ]  # fmt: skip
    assert ctx.urls(ctx.by_code["so-b"]) == [hook.url]
    with frozen_at(MORNING):
        assert enqueue_many(session=session, messages=_messages(campaign, [own, bare])) == 2
        session.commit()
        report = deliver_pending(engine=engine, campaign_id=campaign.id)
    assert report.delivered == 3  # so-a's e-mail row, its SMS+Zalo row, so-b's webhook row
    assert [m["To"] for m in mails] == ["vp@so-a.gov.vn"]
    sms = [body for path, _h, body in fake.requests if path == SMS_PATH]
    chats = [body for path, _h, body in fake.requests if path.endswith("/message/cs")]
    assert [s["Phone"] for s in sms] == ["+84912345678"]
    assert [c["recipient"]["user_id"] for c in chats] == ["4213456789"]
    assert list(hook.keys) == ["test-2024:-:so-b:reminder:d-2"]
    stored = json.dumps([r.urls for r in session.exec(select(Notification)).all()])
    assert "K1" not in stored and "tok-1" not in stored and "app-secret" not in stored


def test_sms_and_zalo_wait_for_the_end_of_quiet_hours_and_go_once(
    session: Session, engine, receivers
):
    mails, fake, _hook = receivers
    campaign = make_campaign(session)
    own, _bare = _units(session)
    with frozen_at(NIGHT):
        enqueue_many(session=session, messages=_messages(campaign, [own]))
        session.commit()
        night = deliver_pending(engine=engine, campaign_id=campaign.id)
    with frozen_at(DAWN):
        dawn = deliver_pending(engine=engine, campaign_id=campaign.id)
    assert (night.delivered, dawn.delivered) == (1, 0)  # the e-mail went at 22:00
    assert night.held == 1 and "chờ hết giờ nghỉ 1 (SMS/Zalo)" in night.summary()
    assert len(mails) == 1 and fake.requests == []
    session.expire_all()
    held = session.exec(select(Notification).where(Notification.quiet)).one()
    assert held.idempotency_key.endswith(HELD_SUFFIX)
    assert (held.state, held.attempts, held.urls) == (
        "pending", 0, ["sms:+84912345678", "zalo:4213456789"],
    )  # fmt: skip
    with frozen_at(MORNING):
        morning = deliver_pending(engine=engine, campaign_id=campaign.id)
        again = deliver_pending(engine=engine, campaign_id=campaign.id)
        enqueue_many(session=session, messages=_messages(campaign, [own]))  # a tick re-runs
        session.commit()
        rerun = deliver_pending(engine=engine, campaign_id=campaign.id)
    assert (morning.delivered, again.delivered, rerun.delivered) == (1, 0, 0)
    assert morning.held == 0 and "giờ nghỉ" not in morning.summary()
    assert len(fake.requests) == 2 and len(mails) == 1  # one SMS, one Zalo, never twice


def test_a_units_webhook_address_travels_as_a_header_on_one_channel_object(monkeypatch):
    with http_receiver() as hook:
        monkeypatch.setenv("CCHC_NOTIFY__CHANNELS", json.dumps({"webhook": hook.url}))
        get_settings.cache_clear()
        with Sender() as sender:
            for ref in ("webhook:xa-1", "webhook:xa-2", "webhook"):
                sender.send(urls=[ref], key=f"k-{ref}", recipient="x", subject="s", body="b")
            assert len(sender._reused) == 1  # one Apprise object for the channel, not per unit
    get_settings.cache_clear()
    assert hook.addresses == ["xa-1", "xa-2", ""]
    assert split_address("json://h:1/p?a=1&to=xa%2B1") == ("json://h:1/p?a=1", "xa+1")
