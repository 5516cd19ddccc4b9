"""Rich tables for the scoring commands (Vietnamese headers, numbers shown as 92,18)."""

from __future__ import annotations

from rich.console import JustifyMethod
from rich.table import Table

from cchc.wording.blocks import block_title
from cchc.wording.lineage import change_text
from cchc.wording.numbers import fmt_points, fmt_rank, fmt_vn
from models.results.read import ResultRow


def results_table(rows: list[ResultRow]) -> Table:
    """Return the ranking per block: rank (2= for a tie), unit, points, index, band, change."""
    table = Table(title="Chỉ số CCHC", show_lines=False)
    columns: tuple[tuple[str, JustifyMethod], ...] = (
        ("Khối", "left"),
        ("Hạng", "right"),
        ("Đơn vị", "left"),
        ("Điểm tối đa", "right"),
        ("Thẩm định", "right"),
        ("Điều tra XHH", "right"),
        ("Điểm đạt được", "right"),
        ("Chỉ số", "right"),
        ("Xếp loại", "left"),
        ("So với năm trước", "right"),
    )
    for name, justify in columns:
        table.add_column(name, justify=justify)
    group = None
    for row in rows:
        label = block_title(row.rank_group) if row.rank_group != group else ""
        group = row.rank_group
        table.add_row(
            label,
            fmt_rank(row.rank, row.tied),
            row.unit_name,
            fmt_points(row.max_points),
            fmt_vn(row.appraised_points),
            fmt_vn(row.survey_points),
            fmt_vn(row.achieved_points),
            fmt_vn(row.index_value),
            row.band or "",
            change_text(row.comparison, row.change),
        )
    return table
