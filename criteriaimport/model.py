"""The importer's data: table rows, the item tree, review items and the result."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from criteriaimport.numbering import Number


@dataclass
class Node:
    """One numbered row of the criteria table, with its children once the tree is built."""

    line: int
    number: Number
    title: str
    points: str = ""
    method: str = ""  # cách chấm / phương pháp
    agency: str = ""
    note: str = ""
    survey: bool = False
    level: int = 0
    kind: str = ""  # bonus | penalty: "Điểm thưởng" / "Điểm trừ" rows (and their children)
    not_applicable: bool = False  # "Không áp dụng" / "không đánh giá" written for the row
    children: list[Node] = field(default_factory=list)


@dataclass(frozen=True)
class Review:
    """A value the importer could not settle: where, which item, what, and why."""

    line: int
    item: str | None
    field: str
    text: str
    reason: str

    def as_dict(self) -> dict[str, Any]:
        """Return the review as plain JSON-able data."""
        return {
            "line": self.line,
            "item": self.item,
            "field": self.field,
            "text": self.text,
            "reason": self.reason,
        }

    def note(self) -> str:
        """Return the one-line note printed and kept with the set."""
        where = f"mục {self.item}, " if self.item else ""
        return f"dòng {self.line}: {where}{self.field} «{self.text}» — {self.reason}"


@dataclass
class CriteriaImport:
    """The criteria set as a config dict plus every value that needs a human look."""

    criteria_set: dict[str, Any]
    reviews: list[Review] = field(default_factory=list)
    shape: str = ""

    def as_dict(self) -> dict[str, Any]:
        """Return set, shape and reviews as JSON-able data."""
        return {
            "criteria_set": self.criteria_set,
            "shape": self.shape,
            "reviews": [r.as_dict() for r in self.reviews],
        }
