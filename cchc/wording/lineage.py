"""How a unit's year-over-year comparison is worded (models/results/lineage.py's bases)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from cchc.wording.numbers import fmt_change, fmt_vn

NOT_COMPARABLE = "không so sánh được"
BASIS = {
    "own": "so với chính đơn vị năm trước",
    "renamed": "so với đơn vị trước khi đổi tên",
    "merged": "so với bình quân các đơn vị hợp nhất",
    "not_comparable": NOT_COMPARABLE + " (đơn vị trước đây khác cấp)",
}
# The report's note under "So sánh với năm trước": the rules, as a reader needs them.
RULE_NOTE = (
    "Đơn vị giữ nguyên (kể cả đổi tên, nhận thêm nhiệm vụ của đơn vị khác) so với chỉ số của "
    "chính mình năm trước; đơn vị mới thành lập do hợp nhất so với bình quân cộng (trọng số "
    "bằng nhau) chỉ số năm trước của các đơn vị hợp nhất, kể cả đơn vị thuộc tỉnh cũ đã hợp "
    "nhất; đơn vị trước đây khác cấp (huyện cũ với xã mới) ghi «không so sánh được»."
)


def change_text(comparison: str | None, change: float | None) -> str:
    """Write the change column: +1,25 / -0,50 / "không so sánh được" / empty."""
    if comparison == "not_comparable":
        return NOT_COMPARABLE
    return fmt_change(change)


def basis_text(comparison: str | None, sources: Iterable[Any] = ()) -> str:
    """Explain what the change is measured against, naming merged predecessors and indices."""
    if comparison is None:
        return ""
    text = BASIS.get(comparison, comparison)
    found = [_plain(s) for s in sources]
    if comparison in ("merged", "renamed") and found:
        named = "; ".join(f"{s['name']} {s['year']}: {fmt_vn(s['index_value'])}" for s in found)
        text += f" ({named})"
    return text


def _plain(source: Any) -> Mapping[str, Any]:
    """Read a source given as a mapping (JSON rows) or as an object (lineage.Source)."""
    return source if isinstance(source, Mapping) else vars(source)
