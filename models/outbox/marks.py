"""What the notification log marks on a row: held for the quiet hours, a user's own copy or digest.

The Python test (`marks`) and the SQL condition (`condition`) say the same thing, so the labels
on a page and the filter that selects them always agree.
"""

from __future__ import annotations

from typing import Literal

from sqlalchemy import ColumnElement, and_
from sqlmodel import col

from models.outbox.tables import Notification

Mark = Literal["held", "personal"]
MARKS: tuple[Mark, ...] = ("held", "personal")
PERSONAL_PREFIX = "@"  # a subscriber's copy or digest goes to "@<name>" (models/tick/people.py)


def marks(row: Notification) -> list[str]:
    """Return the row's marks: `held` (SMS/Zalo still waiting), and `digest` or `personal`."""
    found = ["held"] if row.quiet and row.state == "pending" else []
    if row.recipient.startswith(PERSONAL_PREFIX):
        found.append("digest" if row.kind == "digest" else "personal")
    return found


def condition(mark: Mark) -> ColumnElement[bool]:
    """The SQL condition selecting rows with `mark` (`personal` takes digests too)."""
    if mark == "held":
        return and_(col(Notification.quiet).is_(True), col(Notification.state) == "pending")
    return col(Notification.recipient).startswith(PERSONAL_PREFIX, autoescape=True)
