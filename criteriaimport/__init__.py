"""Import a criteria set (Bộ chỉ số) from the decision's appendix: .docx, .xlsx or text.

`import_criteria(path)` reads the criteria table (STT, Lĩnh vực/Tiêu chí/Tiêu chí thành phần,
Điểm tối đa, cách chấm, cơ quan thẩm định, "Điều tra XHH" marks) and returns the set in the
config format plus every value it could not settle, each with its source line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cchc.errors import ValidationError
from criteriaimport.agency import AgencyResolver
from criteriaimport.build import Builder
from criteriaimport.cap import stated_cap
from criteriaimport.context import GROUPS, SUFFIX, province_year, tier_of, title_of, units_file
from criteriaimport.model import CriteriaImport, Node, Review
from criteriaimport.points import fmt, read_points, tidy
from criteriaimport.reader import Document, read_document
from criteriaimport.tree import build_tree, table_nodes

__all__ = ["CriteriaImport", "Review", "import_criteria"]
EPS = 1e-9


def import_criteria(
    path: str | Path,
    *,
    tier: str | None = None,
    province: str | None = None,
    year: int | None = None,
) -> CriteriaImport:
    """Read an appendix into a config criteria-set dict and the values needing review.

    Raises ValidationError when the file has no criteria table, or when the province, the
    year or the tier can be found neither in the document nor in the arguments.
    """
    path = Path(path)
    doc = read_document(path)
    reviews: list[Review] = []
    nodes, total = table_nodes(doc, reviews)
    if not nodes:
        raise ValidationError(
            f"{path}: không thấy bảng tiêu chí (cần các cột STT, Lĩnh vực/Tiêu chí, Điểm tối đa)"
        )
    code, found_year, decision_no = province_year(doc, path, province, year)
    title = (
        doc.meta.get("title") or title_of(doc) or f"Bộ Chỉ số cải cách hành chính năm {found_year}"
    )
    found_tier = tier or doc.meta.get("tier") or tier_of(title, path)
    units, stem = units_file(code, found_year, doc.meta.get("units"), reviews)
    # Our workbooks keep formulas in `_cchc`: prose rules are read from a decision only.
    builder = Builder(AgencyResolver(units, found_tier), reviews, prose=not doc.meta)
    fields = builder.fields(build_tree(nodes, reviews))
    cs = _head(doc, code, found_year, found_tier, title, decision_no, stem, units)
    cs.update(_totals(fields, total, reviews))
    cs.update(_extensions(doc, fields, (nodes, float(cs["total"])), reviews), fields=fields)
    return CriteriaImport(cs, reviews, doc.shape)


def _extensions(
    doc: Document,
    fields: list[dict[str, Any]],
    table: tuple[list[Node], float],
    reviews: list[Review],
) -> dict[str, Any]:
    """Give formula leaves their rule and return the index cap (our workbook keeps both).

    table: the table's rows and the base total. The cap is our workbook's value, else 100 when
    the decision states one ("tổng điểm không vượt quá 100") equal to the base total or to
    100; another figure (points or index?) and bonus points without a stated cap are reviewed.
    """
    formulas = json.loads(doc.meta.get("formulas") or "{}")
    leaves = [leaf for f in fields for c in f["criteria"] for leaf in c.get("sub_criteria") or [c]]
    for leaf in leaves:
        if leaf["code"] in formulas:
            leaf["formula"] = formulas[leaf["code"]]
    if "index_cap" in doc.meta:
        cap = doc.meta["index_cap"]
        return {"index_cap": tidy(float(cap))} if cap else {}
    nodes, total = table
    stated = stated_cap(doc.lines, nodes, total)
    if stated is not None:
        line, value, text = stated
        if min(abs(value - total), abs(value - 100)) > EPS:  # points or index? not guessed
            why = (
                f"văn bản ghi tối đa {fmt(value)} điểm, tổng điểm chuẩn {fmt(total)}: không rõ"
                " là điểm hay chỉ số; chỉ số tối đa ghi 100 (index_cap)"
            )
            reviews.append(Review(line, None, "chỉ số tối đa", text, why))
        return {"index_cap": 100}
    bonus = next((leaf for leaf in leaves if leaf.get("kind") == "bonus"), None)
    if bonus is None:
        return {}
    why = "có điểm thưởng: chỉ số tối đa ghi 100 (index_cap); sửa nếu quyết định quy định khác"
    line = _line_of(nodes, bonus["title"])
    reviews.append(Review(line, bonus["code"], "điểm thưởng", bonus["title"], why))
    return {"index_cap": 100}


def _line_of(nodes: list[Node], title: str) -> int:
    """The source line of the row with this title (0 when the table has none)."""
    for node in nodes:
        if node.title == title:
            return node.line
        found = _line_of(node.children, title)
        if found:
            return found
    return 0


def _head(
    doc: Document,
    province: str,
    year: int,
    tier: str,
    title: str,
    decision_no: str | None,
    stem: str,
    units: Any,
) -> dict[str, Any]:
    """Return the set's identity: code, province, units file, year, tier, title, targets."""
    out: dict[str, Any] = {
        # "criteria_set": the self-assessment workbook's hidden sheet (`cchc template`)
        "code": doc.meta.get("code")
        or doc.meta.get("criteria_set")
        or f"{province}-{year}-{SUFFIX[tier]}",
        "province": province,
    }
    if stem != province:
        out["units"] = stem
    out.update(year=year, tier=tier, title=title, decision_no=decision_no or None)
    out["applies_to"] = (
        json.loads(doc.meta["applies_to"])
        if doc.meta.get("applies_to")
        else {"rank_groups": _groups(tier, units)}
    )
    return out


def _groups(tier: str, units: Any) -> list[str]:
    """Return the tier's rank groups that the province has (all of them without a units file)."""
    groups = GROUPS[tier]
    present = {u.rank_group for u in units.units} if units is not None else set(groups)
    return [g for g in groups if g in present] or groups[:1]


def _totals(
    fields: list[dict[str, Any]], total: Node | None, reviews: list[Review]
) -> dict[str, Any]:
    """Return total, self_total and survey_total from the leaves; check the "Tổng" row."""
    sums = {"self": 0.0, "survey": 0.0}
    for field in fields:
        for crit in field["criteria"]:
            for leaf in crit.get("sub_criteria") or [crit]:
                if leaf.get("kind"):
                    continue  # bonus and penalty points lie outside the base maximum
                sums[leaf.get("method") or crit.get("method") or "self"] += leaf["max_points"]
    whole = sums["self"] + sums["survey"]
    declared = read_points(total.points) if total is not None else None
    if total is not None and declared is not None and abs(declared - whole) > EPS:
        reviews.append(
            Review(
                total.line,
                None,
                "tổng điểm",
                total.points,
                f"các lĩnh vực cộng lại {fmt(whole)} điểm; đã ghi {fmt(whole)}",
            )
        )
    return {
        "total": tidy(whole),
        "self_total": tidy(sums["self"]),
        "survey_total": tidy(sums["survey"]),
    }
