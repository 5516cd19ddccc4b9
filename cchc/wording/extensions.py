"""Wording of the criteria extensions: bonus/penalty, not applicable, formula items."""

from __future__ import annotations

from cchc.wording.numbers import fmt_points


def figure_not_number(value: object) -> str:
    """A figure that is not a plain number."""
    return f"số liệu phải là một số, nhận được «{value}»"


def figure_out_of_range(value: float, low: float, high: float) -> str:
    """A figure outside the rule's range."""
    return f"số liệu {fmt_points(value)} ngoài khoảng {fmt_points(low)} – {fmt_points(high)}"


def not_formula(code: str) -> str:
    """A figure given for an item that is not scored by a formula."""
    return f"{code}: tiêu chí không chấm theo số liệu, hãy nhập điểm"


def score_differs(code: str, score: float, points: float) -> str:
    """A score that contradicts the points its figure gives."""
    return (
        f"{code}: điểm {fmt_points(score)} khác điểm tính từ số liệu ({fmt_points(points)}); "
        "chỉ cần nhập số liệu"
    )


def na_not_allowed(code: str) -> str:
    """An item marked not applicable that the set does not allow so."""
    return f"{code}: bộ chỉ số không cho phép đánh dấu «không áp dụng» tiêu chí này"


def na_needs_reason(code: str) -> str:
    """A not-applicable mark without its reason."""
    return f"{code}: cần ghi lý do không áp dụng"


def na_scored(code: str) -> str:
    """A score on an item marked not applicable."""
    return f"{code}: tiêu chí đã đánh dấu «không áp dụng», điểm phải là 0"


def breakdown_note(kind: str, figure: float | None, not_applicable: str | None) -> str:
    """An appendix row's note: bonus/penalty, the figure a formula scored, not applicable."""
    parts = {"bonus": ["Điểm thưởng"], "penalty": ["Điểm trừ"]}.get(kind, [])
    if figure is not None:
        parts.append(f"Số liệu: {fmt_points(figure)}")
    if not_applicable is not None:
        parts.append(f"Không áp dụng: {not_applicable}")
    return "; ".join(parts)
