"""The report's sentence on how units are ranked, written from the campaign's rank rules."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

PART_NAMES = {
    "appraised_points": "điểm thẩm định",
    "survey_points": "điểm điều tra xã hội học",
    "self_points": "điểm tự đánh giá",
}
EXAMPLE = {"competition": "1, 2, 2, 4", "dense": "1, 2, 2, 3"}


def tie_key_name(key: str, field_titles: Mapping[str, str]) -> str:
    """Name one tie-break key: a part's points, or a field's ("điểm lĩnh vực 2. Cải cách…")."""
    if key.startswith("field:"):
        code = key.removeprefix("field:")
        title = field_titles.get(code)
        return f"điểm lĩnh vực {code}" + (f" ({title})" if title else "")
    return PART_NAMES.get(key, key)


def precision_phrase(precision: int | None) -> str:
    """Say what the index is compared at: unrounded, whole points, or n decimals."""
    if precision is None:
        return "chỉ số chưa làm tròn"
    if precision == 0:
        return "chỉ số làm tròn đến hàng đơn vị"
    return f"chỉ số làm tròn {precision} chữ số thập phân"


def rank_rule_text(
    method: str,
    precision: int | None,
    tie_break: Sequence[str],
    field_titles: Mapping[str, str] | None = None,
) -> str:
    """Return the report's ranking sentence for the rules in force."""
    head = f"Xếp hạng từ cao xuống thấp theo {precision_phrase(precision)}"
    if tie_break:
        keys = ", rồi ".join(tie_key_name(k, field_titles or {}) for k in tie_break)
        ties = (
            f"; các đơn vị bằng chỉ số được xếp tiếp theo {keys}; chỉ đồng hạng khi bằng nhau "
            "cả các tiêu chí này"
        )
    else:
        ties = "; các đơn vị bằng chỉ số đồng hạng"
    rank = "liền sau" if method == "dense" else "bỏ qua các vị trí đồng hạng đã chiếm"
    return f"{head}{ties} (đánh dấu “=”); thứ hạng kế tiếp {rank} ({EXAMPLE[method]})."


def computation_note(
    method: str, precision: int | None, tie_break: Sequence[str], with_survey: bool
) -> str:
    """Say, for the audit log, which rules a computation of the results used."""
    survey = "có" if with_survey else "không có"
    return f"{rank_rule_text(method, precision, tie_break)} Chỉ số {survey} điểm điều tra XHH."
