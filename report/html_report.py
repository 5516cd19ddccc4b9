"""Render the self-contained HTML report (inline CSS and SVG; no JavaScript, no CDN)."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from cchc import atomic
from cchc.clock import now
from cchc.wording.dates import fmt_date
from cchc.wording.lineage import RULE_NOTE, basis_text, change_text
from cchc.wording.numbers import fmt_change, fmt_points, fmt_rank, fmt_vn
from report import charts
from report.data import ReportData

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _env() -> Environment:
    """Return the Jinja2 environment (templates beside this module, HTML autoescaped)."""
    return Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"])
    )


def render_html(data: ReportData) -> str:
    """Return the report as one HTML page in Vietnamese."""
    order = list(data.bands)
    ranked = [r for r in data.rows if r.rank_group != "none"]
    blocks = []
    for block in data.blocks:
        title = block.title
        blocks.append(
            {
                "code": block.code,
                "title": title,
                "stats": block.stats,
                "rows": block.rows,
                "fields": block.fields,
                "bars": charts.ranking_bars(block.rows, order, f"Xếp hạng {title}"),
                "heatmap": charts.field_heatmap(
                    block.rows, block.fields, data.fields, f"Theo lĩnh vực: {title}"
                ),
            }
        )
    has_previous = any(r.previous_index is not None for r in data.rows)
    return (
        _env()
        .get_template("report.html.j2")
        .render(
            campaign=data.campaign,
            approval=data.approval,
            previous=data.previous,
            rows=data.rows,
            blocks=blocks,
            bands=list(data.bands.items()),
            rank_text=data.rank_text,
            places=data.decimals,
            generated=fmt_date(now()),
            distribution=charts.distribution([r.index_value for r in ranked], "Phân bố chỉ số"),
            yoy=charts.year_over_year(data.rows, "So với năm trước") if has_previous else None,
            fmt_vn=fmt_vn,
            fmt_points=fmt_points,
            fmt_change=fmt_change,
            yoy_change=change_text,
            yoy_basis=basis_text,
            yoy_rule=RULE_NOTE,
            fmt_date=fmt_date,
            fmt_rank=fmt_rank,
            band_label=lambda code: data.bands.get(code, code or "").split(" (")[0],
            band_colour=lambda code: charts.band_colour(code, order),
            bands_full=data.bands,
        )
    )


def write_html(data: ReportData, path: Path) -> Path:
    """Write the HTML report to `path`."""
    return atomic.write_text(path, render_html(data))  # never a partial .html left behind
