"""Pure checks of one score against its criteria leaf; messages name the item code (Vietnamese)."""

from __future__ import annotations

import math
import re

from models.catalog.criteria import CriteriaItem

EPS = 1e-9
# A score typed as text: ASCII digits, one decimal comma or dot. float() alone would also read
# full-width "１.５", Arabic-Indic "١", "1_000", "inf" and " 1e3 ".
TYPED = re.compile(r"-?[0-9]+(?:[.,][0-9]+)?")


def typed_number(text: str) -> float | None:
    """Read a score typed in a form or workbook cell; "" is None; anything else: ValueError."""
    text = text.strip()
    if not text:
        return None
    if not TYPED.fullmatch(text):
        raise ValueError(text)
    return float(text.replace(",", "."))


def fmt_points(value: float) -> str:
    """Write points the Vietnamese way without noise: 2, 1,5, 0,25."""
    return f"{round(value, 6):g}".replace(".", ",")


def score_problem(
    item: CriteriaItem | None, code: str, score: object, *, allow_survey: bool = False
) -> str | None:
    """Return why `score` is not a valid score for the leaf `code`, or None when it is."""
    if item is None:
        return f"{code}: mã tiêu chí không có trong bộ chỉ số"
    if not item.is_leaf:
        return f"{code}: không phải tiêu chí chấm điểm (chấm ở tiêu chí thành phần)"
    if item.method == "survey" and not allow_survey:
        return f"{code}: tiêu chí đánh giá qua điều tra xã hội học, không tự chấm điểm"
    if isinstance(score, bool) or not isinstance(score, int | float) or not math.isfinite(score):
        return f"{code}: điểm phải là một số, nhận được «{score}»"
    low, high = (-item.max_points, 0.0) if item.kind == "penalty" else (0.0, item.max_points)
    if score < low - EPS or score > high + EPS:
        return (
            f"{code}: điểm {fmt_points(score)} ngoài khoảng {fmt_points(low)} – {fmt_points(high)}"
        )
    # 1e-9 of a step absorbs float noise (0.3 / 0.1) but not a forged 0.25000001 on step 0.25
    if item.step and not item.formula and abs(score / item.step - round(score / item.step)) > 1e-9:
        return f"{code}: điểm {fmt_points(score)} không theo bước {fmt_points(item.step)}"
    return None
