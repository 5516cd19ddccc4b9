"""Turn the item tree into the config criteria-set format, checking every declared sum."""

from __future__ import annotations

from typing import Any

from cchc.wording import extensions as say
from criteriaimport.agency import AgencyResolver
from criteriaimport.formula_text import read_formula
from criteriaimport.model import Node, Review
from criteriaimport.points import fmt, read_points, read_step, tidy
from criteriaimport.tree import SURVEY
from planimport.text import fold_clean

EPS = 1e-9
COORDINATOR = "Sở Nội vụ"  # the standing agency of every PAR Index campaign
PLACEHOLDER = "can-xem-lai"  # an appraiser no unit matched: `cchc validate` refuses it


class Builder:
    """Build fields, criteria and sub-criteria; add a review for every doubt."""

    def __init__(self, agencies: AgencyResolver, reviews: list[Review], *, prose: bool) -> None:
        self.agencies = agencies
        self.reviews = reviews
        self.prose = prose  # read formula rules written in "cách chấm" (a decision, not ours)

    def fields(self, nodes: list[Node]) -> list[dict[str, Any]]:
        """Return the fields in config form, coded 1, 1.1, 1.1.1 by position."""
        return [self._field(node, str(i)) for i, node in enumerate(nodes, 1)]

    def _field(self, node: Node, code: str) -> dict[str, Any]:
        """Return one field with its criteria and its appraiser."""
        if not node.children:
            self._review(node, code, "lĩnh vực", node.title, "lĩnh vực không có tiêu chí nào")
        crits = [
            self._item(c, f"{code}.{j}", (node.survey, node.kind, node.not_applicable), 2)
            for j, c in enumerate(node.children, 1)
        ]
        out: dict[str, Any] = {"code": code, "title": node.title or f"Lĩnh vực {code}"}
        out["appraiser"] = self._appraiser(node, code)
        out["max_points"] = self._sum(node, code, crits, node.kind)
        if node.kind:
            out["kind"] = node.kind
        out["criteria"] = crits
        return out

    def _item(
        self, node: Node, code: str, above: tuple[bool, str, bool], level: int
    ) -> dict[str, Any]:
        """Return a criterion (level 2) or sub-criterion (level 3).

        above: the parent's survey mark, kind and not-applicable mark, which children inherit.
        """
        survey = above[0] or node.survey
        kind, not_applicable = node.kind or above[1], node.not_applicable or above[2]
        out: dict[str, Any] = {"code": code, "title": node.title or f"Tiêu chí {code}"}
        mine = (survey, kind, not_applicable)
        subs = [self._item(c, f"{code}.{k}", mine, 3) for k, c in enumerate(node.children, 1)]
        if subs:
            out["max_points"] = self._sum(node, code, subs, kind)
        else:
            out["max_points"] = self._leaf_points(node, code)
        if survey and (node.survey or level == 2):
            out["method"] = "survey"
        elif level == 2 and not subs:
            out["method"] = "self"
        step = read_step(node.note, node.method)
        if step and not subs:
            out["step"] = tidy(step)
        if self.prose and not subs and not survey and kind != "penalty":
            self._formula(node, code, out)
        note = _note(node.method)
        if note:
            out["note"] = note
        if kind:
            out["kind"] = kind
        if not_applicable and not subs and not kind:
            out["allow_not_applicable"] = True
        if subs:
            out["sub_criteria"] = subs
        return out

    def _formula(self, node: Node, code: str, leaf: dict[str, Any]) -> None:
        """Give a leaf the figure rule its "cách chấm" states; say so, or why it stays plain."""
        reading = read_formula(node.method, float(leaf["max_points"]), leaf["title"])
        if reading is None:
            return
        text = reading.text
        if reading.rule and reading.rule["rule"] == "proportional" and "step" in leaf:
            text = say.formula_with_step()
        elif reading.rule:
            leaf["formula"] = reading.rule
        self._review(node, code, "cách chấm", node.method, text)

    def _leaf_points(self, node: Node, code: str) -> float | int:
        """Return a leaf's maximum; a missing or unreadable one is 0 and reviewed."""
        value = read_points(node.points)
        if value is None:
            self._review(node, code, "điểm tối đa", node.points, "không đọc được điểm; ghi 0")
            return 0
        return tidy(value)

    def _sum(self, node: Node, code: str, children: list[dict[str, Any]], kind: str) -> float | int:
        """Return the children's sum; a declared maximum that differs is reviewed.

        Bonus and penalty children lie outside a base parent's maximum; a bonus or penalty
        parent sums its children's points (a penalty written "-2" counts 2).
        """
        total = sum(abs(float(c["max_points"])) for c in children if kind or not c.get("kind"))
        declared = read_points(node.points)
        declared = abs(declared) if declared is not None and kind else declared
        if declared is not None and abs(declared - total) > EPS:
            self._review(
                node,
                code,
                "điểm tối đa",
                node.points,
                f"các mục con cộng lại {fmt(total)} điểm, văn bản ghi {fmt(declared)};"
                f" đã ghi {fmt(total)}",
            )
        elif declared is None and node.points.strip():
            self._review(node, code, "điểm tối đa", node.points, "không đọc được điểm")
        return tidy(total)

    def _appraiser(self, node: Node, code: str) -> str:
        """Return the field's appraiser: its own row's agency, else the one its items name."""
        texts = [node.agency] if node.agency else _agencies(node)
        found: dict[str, str] = {}
        for text in dict.fromkeys(texts):
            unit, why = self.agencies.resolve(text)
            if unit is None:
                self._review(node, code, "cơ quan thẩm định", text, why)
            else:
                found.setdefault(unit, text)
        if len(found) > 1:
            self._review(
                node,
                code,
                "cơ quan thẩm định",
                "; ".join(found.values()),
                "mỗi lĩnh vực chỉ có một cơ quan thẩm định; đã chọn cơ quan đầu tiên",
            )
        if not found and not texts:
            return self._unnamed_appraiser(node, code)
        return next(iter(found), PLACEHOLDER)

    def _unnamed_appraiser(self, node: Node, code: str) -> str:
        """A field whose agency the decision does not name: reviewed; bonus and penalty points
        are the coordinator's (Sở Nội vụ) to check, so those get it and validate accepts them."""
        unit = self.agencies.resolve(COORDINATOR)[0] if node.kind else None
        if unit is None:
            self._review(node, code, "cơ quan thẩm định", "", "văn bản không ghi cơ quan thẩm định")
            return PLACEHOLDER
        why = f"văn bản không ghi cơ quan thẩm định; đã ghi {COORDINATOR} (cơ quan thường trực)"
        self._review(node, code, "cơ quan thẩm định", "", why)
        return unit

    def _review(self, node: Node, code: str, what: str, text: str, reason: str) -> None:
        """Add one review item."""
        self.reviews.append(Review(node.line, code, what, text, reason))


def _agencies(node: Node) -> list[str]:
    """Return the agencies named under a field by its self-assessed items (document order)."""
    out: list[str] = []
    for child in node.children:
        if child.agency and not child.survey:
            out.append(child.agency)
        out += _agencies(child)
    return out


def _note(method: str) -> str | None:
    """Keep the scoring method as the item's note, unless it is only the survey/self mark."""
    folded = fold_clean(method)
    if not folded or SURVEY.search(folded) and len(folded) < 30:
        return None
    if folded in ("tu danh gia", "tu cham", "tu cham diem"):
        return None
    return method
