"""A unit that submits gets a receipt message (sent by the next delivery run), one per version."""

from __future__ import annotations

from sqlmodel import Session, select

from models import Notification
from tests.world.web import submit_full


def test_submitting_enqueues_one_receipt_for_the_unit(world, client, engine):
    submit_full(client, world)
    with Session(engine) as session:
        receipts = session.exec(select(Notification).where(Notification.kind == "receipt")).all()
    assert [r.recipient for r in receipts] == ["so-a"]
    receipt = receipts[0]
    assert receipt.subject.startswith("Đã nhận bản tự đánh giá")
    assert "lần 1" in receipt.body and "(giờ Việt Nam)" in receipt.body
    assert receipt.idempotency_key not in receipt.body and receipt.state == "pending"
