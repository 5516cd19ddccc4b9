"""Turn the criteria table's rows into a tree: fields (level 1), criteria (2), sub-criteria (3)."""

from __future__ import annotations

import re

from criteriaimport.columns import header_roles, is_numbering
from criteriaimport.model import Node, Review
from criteriaimport.numbering import read_number
from criteriaimport.reader import Document, RawRow
from planimport.text import fold_clean, one_line

SURVEY = re.compile(r"dieu tra (?:xhh|xa hoi hoc)|\(xhh\)|^xhh$")
BONUS = re.compile(r"^(?:diem thuong|diem cong|cong diem)\b")
PENALTY = re.compile(r"^(?:diem tru|tru diem)\b")
NOT_APPLICABLE = re.compile(r"khong ap dung|khong danh gia")
MAX_LEVEL = 3
_JOINED = re.compile(r"^([IVX]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s+(\S.*)$")


def table_nodes(doc: Document, reviews: list[Review]) -> tuple[list[Node], Node | None]:
    """Return the table's numbered rows in order, and its "Tổng cộng" row if any."""
    nodes: list[Node] = []
    total: Node | None = None
    for row, roles in _body_rows(doc):
        node = _node(row, roles)
        if node.number.kind == "total":
            total = node
        elif node.number.kind == "none" and not node.number.parts:
            _orphan(node, nodes, reviews)
        elif node.number.kind == "none":
            reviews.append(
                Review(
                    node.line,
                    None,
                    "số thứ tự",
                    node.number.parts[0],
                    "không đọc được số thứ tự; bỏ qua dòng này",
                )
            )
        else:
            nodes.append(node)
    return nodes, total


def _body_rows(doc: Document) -> list[tuple[RawRow, list[str | None]]]:
    """Return body rows with their column roles; header repeats and column numbers dropped."""
    out: list[tuple[RawRow, list[str | None]]] = []
    roles: list[str | None] | None = None
    for table in doc.tables:
        if roles is not None and table and len(table[0]) != len(roles):
            roles = None  # a table of another shape: not the criteria table's next page
        for row in table:
            texts = [c.text for c in row]
            found = header_roles(texts)
            if found is not None:
                roles = roles or found  # a header repeated on the next page is skipped
            elif roles is not None and any(t.strip() for t in texts) and not is_numbering(texts):
                out.append((row, roles))
    return out


def _node(row: RawRow, roles: list[str | None]) -> Node:
    """Read one body row by its column roles."""
    cells: dict[str, list[str]] = {}
    for cell, role in zip(row, roles, strict=False):
        text = one_line(cell.text)
        if role and text and text not in cells.get(role, []):
            cells.setdefault(role, []).append(text)
    get = {role: " ".join(texts) for role, texts in cells.items()}
    title = " ".join(cells.get("title", []))
    number = get.get("no", "")
    joined = _JOINED.match(number) if not title else None
    if joined:  # "I. CÔNG TÁC CHỈ ĐẠO" in one cell merged across the STT and title columns
        number, title = joined.group(1), joined.group(2)
    folded = [fold_clean(c.text) for c in row]
    survey = any(SURVEY.search(f) for f in folded)
    node = Node(
        row[0].line,
        read_number(number, title),
        _strip_mark(title),
        get.get("points", ""),
        get.get("method", ""),
        get.get("agency", ""),
        get.get("note", ""),
        survey,
    )
    node.kind = _kind(fold_clean(title), folded, get.get("points", ""))
    node.not_applicable = any(NOT_APPLICABLE.search(f) for f in folded)
    return node


def _kind(title: str, cells: list[str], points: str) -> str:
    """Return bonus/penalty for a "Điểm thưởng"/"Điểm trừ" title or mark, or negative points."""
    marks = {part.strip() for cell in cells for part in cell.split(";")}
    if BONUS.match(title) or "diem thuong" in marks:
        return "bonus"
    if PENALTY.match(title) or "diem tru" in marks or points.strip().startswith("-"):
        return "penalty"
    return ""


def _strip_mark(title: str) -> str:
    """Drop a trailing "(Điều tra XHH)" from a title; the mark is kept as the method."""
    return re.sub(r"\s*\((?:[Đđ]iều tra (?:XHH|xã hội học)|XHH)\)\s*$", "", title).strip()


def _orphan(node: Node, nodes: list[Node], reviews: list[Review]) -> None:
    """A row without a number: a title wrapped onto the next row, else a review."""
    if nodes and node.title and not node.points:
        nodes[-1].title = f"{nodes[-1].title} {node.title}"
        return
    reviews.append(
        Review(
            node.line,
            None,
            "số thứ tự",
            node.title or node.points,
            "dòng không có số thứ tự; bỏ qua dòng này",
        )
    )


def build_tree(nodes: list[Node], reviews: list[Review]) -> list[Node]:
    """Nest the rows by their numbering; return the fields."""
    roman = any(n.number.kind == "roman" for n in nodes)
    fields: list[Node] = []
    stack: list[Node] = []  # stack[i] is the latest node of level i + 1
    for node in nodes:
        node.level = _level(node, roman, stack)
        if node.level == 1:
            fields.append(node)
        elif node.level > MAX_LEVEL:
            reviews.append(
                Review(
                    node.line,
                    None,
                    "cấp mục",
                    _label(node),
                    "sâu hơn tiêu chí thành phần; bỏ qua, điểm tính ở mục trên",
                )
            )
            continue
        elif len(stack) < node.level - 1:
            reviews.append(
                Review(
                    node.line,
                    None,
                    "cấp mục",
                    _label(node),
                    "không có mục cấp trên; bỏ qua dòng này",
                )
            )
            continue
        else:
            stack[node.level - 2].children.append(node)
        del stack[node.level - 1 :]
        stack.append(node)
    return fields


def _level(node: Node, roman: bool, stack: list[Node]) -> int:
    """Return a row's depth: roman numerals are fields; "a)" sits under the last number."""
    kind, parts = node.number
    if kind == "roman":
        return 1
    if kind == "arabic":
        return len(parts) + (1 if roman else 0)
    numbered = [n for n in stack if n.number.kind != "letter"]
    return numbered[-1].level + 1 if numbered else 1


def _label(node: Node) -> str:
    """Return "1.2 Title" for a review."""
    return f"{'.'.join(node.number.parts)} {node.title}".strip()
