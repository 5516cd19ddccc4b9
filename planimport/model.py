"""The importer's data: source cells and rows, review items, and the result."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Column roles a stage table can have.
ROLES = ("no", "title", "start", "time", "lead", "cooperating", "note")


@dataclass(frozen=True)
class Cell:
    """One table cell (or prose fragment) and the source line it starts on."""

    text: str
    line: int


@dataclass
class Row:
    """One candidate stage: its cells by role, where it starts, and its section heading."""

    line: int
    cells: dict[str, Cell] = field(default_factory=dict)
    section: str = ""
    prose: bool = False  # taken from a sentence, not from a table row
    joined: str = ""  # why a start and an end row were read together (planimport.pairs)

    def text(self, role: str) -> str:
        """Return the text of the cell in `role`, or ''."""
        cell = self.cells.get(role)
        return cell.text if cell else ""

    def line_of(self, role: str) -> int:
        """Return the source line of the cell in `role` (the row's line when absent)."""
        cell = self.cells.get(role)
        return cell.line if cell else self.line


    def line_at(self, role: str, needle: str) -> int:
        """Return the source line, inside a multi-line cell, where `needle` is written."""
        lines = self.text(role).split("\n")
        offset = next((i for i, text in enumerate(lines) if needle in text), 0)
        return self.line_of(role) + offset


@dataclass(frozen=True)
class Review:
    """A value the importer could not resolve: where, what, and why."""

    line: int
    stage: str | None
    field: str
    text: str
    reason: str

    def as_dict(self) -> dict[str, Any]:
        """Return the review as plain JSON-able data."""
        return {"line": self.line, "stage": self.stage, "field": self.field,
                "text": self.text, "reason": self.reason}

    def note(self) -> str:
        """Return the one-line note kept in the stage's review_notes."""
        return f"dòng {self.line}: {self.field} «{self.text}» — {self.reason}"


@dataclass
class ImportResult:
    """The plan as a config dict plus every value that needs a human look."""

    plan: dict[str, Any]
    reviews: list[Review] = field(default_factory=list)
    shape: str = ""  # which document shape was read: table, cell_lines, pipe, docx, prose

    def as_dict(self) -> dict[str, Any]:
        """Return plan, shape and reviews as JSON-able data."""
        return {"plan": self.plan, "shape": self.shape,
                "reviews": [r.as_dict() for r in self.reviews]}


@dataclass
class Grid:
    """A table: the role of each column and its body rows (header rows removed)."""

    roles: list[str | None]
    rows: list[list[Cell]] = field(default_factory=list)
    shape: str = "table"
    line: int = 0
