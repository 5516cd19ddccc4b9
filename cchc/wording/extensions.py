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


def _pct(value: float) -> str:
    """A figure in % the Vietnamese way: 95,5%."""
    return f"{fmt_points(value)}%"


def formula_read_brackets(rows: list[tuple[float, float, float]]) -> str:
    """The bracket rule read from a decision's prose, said back for review."""
    parts = []
    exact = any(low == high for low, high, _ in rows)
    for low, high, points in sorted(rows, reverse=True):
        if low == high:
            cond = f"đạt {_pct(high)}"
        elif low <= 0 and (high < 100 or exact):
            cond = f"dưới {_pct(high)}"
        elif high >= 100:
            cond = f"từ {_pct(low)} trở lên"
        else:
            cond = f"từ {_pct(low)} đến dưới {_pct(high)}"
        parts.append(f"{cond}: {fmt_points(points)} điểm")
    return "đọc công thức từ văn bản: " + "; ".join(parts)


def formula_read_proportional(max_points: float) -> str:
    """The proportional rule read from a decision's prose, said back for review."""
    return f"đọc công thức từ văn bản: điểm = tỷ lệ % × {fmt_points(max_points)} / 100"


def _plain(why: str) -> str:
    """A formula the importer will not guess: the item stays plain."""
    return f"không đọc chắc chắn được công thức ({why}); để là mục chấm điểm thường"


def formula_unreadable(text: str) -> str:
    """A text that looks like a figure rule but reads as none."""
    return _plain(f"«{text}»")


def formula_clause(clause: str) -> str:
    """One clause of a bracket rule that cannot be read for certain."""
    return _plain(f"không rõ khoảng «{clause}»")


def formula_gap(low: float, high: float) -> str:
    """Brackets that leave figures uncovered or overlap."""
    if high < low:
        return _plain(f"các khoảng chồng lên nhau từ {_pct(high)} đến {_pct(low)}")
    return _plain(f"không khoảng nào chứa tỷ lệ từ {_pct(low)} đến {_pct(high)}")


def formula_points_above(points: float, max_points: float) -> str:
    """A bracket giving more than the item's maximum."""
    return _plain(f"{fmt_points(points)} điểm vượt điểm tối đa {fmt_points(max_points)}")


def formula_factor(factor: float, max_points: float) -> str:
    """A proportional factor other than the item's maximum."""
    return _plain(f"hệ số {fmt_points(factor)} khác điểm tối đa {fmt_points(max_points)}")


def formula_mixed() -> str:
    """A text that states both a proportional rule and brackets."""
    return _plain("vừa tính theo tỷ lệ vừa chia khoảng")


def formula_with_step() -> str:
    """A proportional rule on an item the decision also gives a step."""
    return _plain("tính theo tỷ lệ nhưng văn bản cũng ghi bước điểm")
