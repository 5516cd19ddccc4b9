"""Turn stage rows into the plan's stages, listing every value that needs a human look."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from cchc.clock import LOCAL_TZ
from deadlines import Window
from planimport.agencies import Directory, Resolved
from planimport.chronology import out_of_order
from planimport.deadline import stage_deadline
from planimport.kinds import stage_kind
from planimport.model import Review, Row
from planimport.order import Draft, as_scope, depends_on, scope_targets
from planimport.parties import row_parties
from planimport.text import fold, one_line


@dataclass
class _Stage:
    """One stage's draft, its config body and its review items."""

    draft: Draft
    body: dict[str, Any]
    line: int
    reviews: list[Review] = field(default_factory=list)


def build_stages(
    rows: list[Row], directory: Directory, year: int, issued_on: date | None = None
) -> tuple[list[dict], list[Review]]:
    """Return the plan's stages as config dicts and the review list, in document order."""
    built: list[_Stage] = []
    above = ""
    for i, row in enumerate(rows, 1):
        after = _opens(built[-1].draft.window) if built and built[-1].draft.window else None
        built.append(_stage(f"s{i:02d}", row, directory, year, after, above))
        above = built[-1].body.get("deadline") or above
    drafts = [s.draft for s in built]
    for n, stage in enumerate(built):
        stage.draft.scope = scope_targets(stage.draft, directory)
        _finish(stage, directory, drafts[:n], issued_on)
    return [s.body for s in built], [r for s in built for r in s.reviews]


def _opens(window: Window) -> date:
    """Return the local opening day of a window (year inference for the next stage)."""
    return window.opens_at.astimezone(LOCAL_TZ).date()


def _stage(code: str, row: Row, directory: Directory, year: int, after: date | None,
           above: str) -> _Stage:
    """Read one row: title, kind, deadline and window, lead and cooperating agencies."""
    reviews: list[Review] = []
    title = one_line(row.text("title"))
    if not title:
        reviews.append(Review(row.line, code, "tên nhiệm vụ", "", "hàng không có tên nhiệm vụ"))
        title = "(chưa có tên)"
    guess = stage_kind(title, row.text("context"), row.section)
    if guess.doubt:
        reviews.append(Review(row.line_of("title"), code, "loại giai đoạn", title[:80],
                              f"{guess.doubt}; đã chọn {guess.kind}"))
    elif not guess.found and guess.kind != "generic" and not row.prose:
        why = f"tên nhiệm vụ không nêu việc; lấy theo mục/ngữ cảnh: {guess.kind}, cần xác nhận"
        reviews.append(Review(row.line_of("title"), code, "loại giai đoạn", title[:80], why))
    deadline, window = stage_deadline(code, row, year, after, above, reviews)
    if row.joined:
        reviews.append(Review(row.line, code, "thời hạn", deadline or "", row.joined))
    lead, cooperating = row_parties(row, directory)
    _agency_reviews(code, row, "cơ quan chủ trì", "lead", lead, directory, reviews)
    _agency_reviews(code, row, "cơ quan phối hợp", "cooperating", cooperating, directory, reviews)
    draft = Draft(code, guess.kind, title, window, lead.targets, cooperating.targets,
                  consolidates="tong hop" in fold(title) and guess.kind in ("generic", "approval"))
    body: dict[str, Any] = {"code": code, "title": title, "kind": guess.kind}
    if deadline:
        body["deadline"] = deadline
    if window is not None:
        body["window"] = {"opens": _opens(window), "due": window.due_at.astimezone(LOCAL_TZ).date()}
    return _Stage(draft, body, row.line, reviews)


def _agency_reviews(code: str, row: Row, label: str, role: str, found: Resolved,
                    directory: Directory, reviews: list[Review]) -> None:
    """Note unknown agencies, a missing lead, and groups with no members in this province."""
    line = row.line_of(role)
    for text in found.unknown:
        reviews.append(Review(line, code, label, text, "không khớp đơn vị nào của tỉnh"))
    for target in found.targets:
        if directory.empty_group(target):
            reviews.append(Review(line, code, label, one_line(row.text(role)),
                                  f"tỉnh không có đơn vị nào thuộc nhóm {target}"))
    if role == "lead" and not found.targets and not found.unknown:
        text = one_line(row.text("lead"))
        reviews.append(Review(line, code, label, text, "không xác định được cơ quan chủ trì"))


def _finish(
    stage: _Stage, directory: Directory, earlier: list[Draft], issued_on: date | None
) -> None:
    """Add scope, dependencies, agencies and the review mark to the stage's body."""
    draft, body = stage.draft, stage.body
    body["lead"] = draft.lead
    body["cooperating"] = draft.cooperating
    scope = as_scope(draft.scope, directory)
    if scope:
        body["scope"] = scope
    elif draft.kind == "self_assessment" and draft.lead:
        stage.reviews.append(Review(stage.line, draft.code, "phạm vi", draft.title[:80],
                                    "không rõ đơn vị nào phải thực hiện"))
    body["depends_on"] = draft.depends_on = depends_on(draft, earlier)
    stage.reviews += out_of_order(draft, stage.line, earlier, issued_on)
    body["needs_review"] = bool(stage.reviews)
    if stage.reviews:
        body["review_notes"] = [r.note() for r in stage.reviews]
