"""Who leads and who cooperates in a row: its columns, or for prose its subject and recipient."""

from __future__ import annotations

import re

from planimport.agencies import Directory, Resolved
from planimport.model import Row
from planimport.text import fold

# Words that end a prose sentence's subject ("Sở Nội vụ tổng hợp ...").
_VERB = re.compile(
    r"\b(?:tu danh gia|tu cham diem|tong hop|trinh|hoan thanh|thuc hien|to chuc|xay dung|ban hanh"
    r"|cong bo|bao cao|chu tri|phoi hop|yeu cau|thanh lap|tham dinh|danh gia|gui|nop|huong dan"
    r"|trien khai|tien hanh|phat(?:,? thu)? phieu|phat hanh|theo doi|don doc|kiem tra|phuc tra"
    r"|cung cap|cap nhat|ra soat|chuan bi|dieu tra|khao sat)\b"
)
_BODY = re.compile(r"\b(?:hoi dong|to) tham dinh\b")  # a council's name, not the verb
_TO = re.compile(r"\b(?:gui ve|gui den|gui|nop ve|nop)\b")
_PURPOSE = re.compile(r"\b(?:de|nham|kem theo|dong thoi)\b")


def row_parties(row: Row, directory: Directory) -> tuple[Resolved, Resolved]:
    """Return (lead, cooperating) of a row as resolved targets plus unknown fragments."""
    lead = directory.resolve(row.text("lead"))
    cooperating = directory.resolve(row.text("cooperating"))
    if row.prose:
        subject, recipients = _prose_parties(row.text("actor"), directory)
        if subject.targets or subject.unknown:
            lead = subject
        cooperating.targets += [t for t in recipients if t not in cooperating.targets]
    cooperating.targets = [t for t in cooperating.targets if t not in lead.targets]
    return lead, cooperating


def _prose_parties(actor: str, directory: Directory) -> tuple[Resolved, list[str]]:
    """Read a sentence's subject (or the owner "của X" of its report) and whom it goes to."""
    folded = fold(actor)
    to = _TO.search(folded)
    before, after = (actor[: to.start()], actor[to.end():]) if to else (actor, "")
    verb = _VERB.search(_BODY.sub(lambda m: "x" * len(m.group(0)), fold(before)))
    subject = directory.resolve(before[: verb.start()] if verb else before)
    owner = fold(before).rfind(" cua ")
    if not subject.targets and owner >= 0:
        of = directory.resolve(before[owner + 5:])
        subject = of if of.targets or of.unknown else subject
    purpose = _PURPOSE.search(fold(after))
    recipients = directory.mentions(after[: purpose.start()] if purpose else after)
    return subject, recipients
