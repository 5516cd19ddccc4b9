"""Sending through apprise to real loopback receivers: SMTP, HTTP JSON, and the outbox:// file."""

from __future__ import annotations

import json

import pytest

from cchc.errors import NotificationFailed
from tasks.outbox_plugin import outbox_path
from tasks.sending import Sender, send, with_key
from tests.flows.receivers import http_receiver, smtp_receiver

BODY = "Hạn hoàn thành: 16/02/2024 23:59 (giờ Việt Nam), còn 2 ngày làm việc."


def test_mail_arrives_with_key_header_and_vietnamese_text():
    with smtp_receiver() as (url, received):
        send(
            urls=[url],
            key="thu:tu-danh-gia:xa-1:reminder:before-2",
            recipient="xa-1",
            subject="Nhắc hạn: Tự đánh giá",
            body=BODY,
        )
    assert len(received) == 1
    mail = received[0]
    assert mail["X-Cchc-Key"] == "thu:tu-danh-gia:xa-1:reminder:before-2"
    text = mail.get_payload()[-1].get_payload(decode=True).decode()
    assert "còn 2 ngày làm việc" in text and "thu:tu-danh-gia" not in text  # key: header only


def test_json_webhook_gets_key_header_and_body():
    with http_receiver() as receiver:
        send(urls=[receiver.url], key="k-1", recipient="xa-1", subject="Quá hạn", body=BODY)
    assert receiver.keys == {"k-1": 1}
    assert receiver.bodies[0]["title"] == "Quá hạn"


def test_refused_delivery_raises_notification_failed():
    with http_receiver(always_fail=True) as receiver, pytest.raises(NotificationFailed):
        send(urls=[receiver.url], key="k-2", recipient="xa-1", subject="Quá hạn", body=BODY)


def test_outbox_scheme_appends_json_lines(configured):
    send(urls=["outbox://demo"], key="k-3", recipient="xa-1", subject="Nhắc hạn", body=BODY)
    send(urls=["outbox://demo"], key="k-4", recipient="xa-2", subject="Nhắc hạn", body=BODY)
    lines = [json.loads(x) for x in outbox_path("demo").read_text(encoding="utf-8").splitlines()]
    assert [(x["key"], x["to"]) for x in lines] == [("k-3", "xa-1"), ("k-4", "xa-2")]
    assert "còn 2 ngày làm việc" in lines[0]["body"]


def test_with_key_leaves_other_schemes_alone():
    assert with_key("tgram://token/chat", "k", "x") == "tgram://token/chat"
    assert with_key("outbox://", "a:b", "x") == "outbox://?key=a%3Ab&to=x"


def test_a_batch_sends_each_message_with_its_own_key_to_web_hooks_and_mail():
    with smtp_receiver() as (mail_url, mails), http_receiver() as receiver, Sender() as sender:
        for n in range(3):
            sender.send(
                urls=[receiver.url, mail_url],
                key=f"lo-{n}",
                recipient=f"xa-{n}",
                subject="Nhắc hạn",
                body=BODY,
            )
    assert receiver.keys == {"lo-0": 1, "lo-1": 1, "lo-2": 1}
    assert [m["X-Cchc-Key"] for m in mails] == ["lo-0", "lo-1", "lo-2"]
    assert [b["message"] for b in receiver.bodies] == [BODY] * 3  # no internal key in the text


def test_a_failed_send_in_a_batch_names_its_reason_and_the_batch_goes_on():
    with http_receiver(fail_first=1) as receiver, Sender() as sender:
        with pytest.raises(NotificationFailed, match="500"):
            sender.send(urls=[receiver.url], key="k-5", recipient="xa-1", subject="S", body=BODY)
        sender.send(urls=[receiver.url], key="k-5", recipient="xa-1", subject="S", body=BODY)
        sender.send(urls=[receiver.url], key="k-6", recipient="xa-2", subject="S", body=BODY)
    assert receiver.keys == {"k-5": 1, "k-6": 1}


def test_an_invalid_url_fails_only_its_message():
    with http_receiver() as receiver, Sender() as sender:
        with pytest.raises(NotificationFailed, match="không hợp lệ: json://"):
            sender.send(urls=["json://"], key="k-7", recipient="xa-1", subject="S", body=BODY)
        sender.send(urls=[receiver.url], key="k-8", recipient="xa-2", subject="S", body=BODY)
    assert receiver.keys == {"k-8": 1}
