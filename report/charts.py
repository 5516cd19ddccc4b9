"""Inline SVG charts for the HTML report (no JavaScript, no CDN); every text is escaped."""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from cchc.wording.numbers import fmt_change, fmt_vn

BAND_COLOURS = ("#1a7f37", "#2f81f7", "#d29922", "#cf222e", "#6e7781")
FONT = 'font-family="Segoe UI, Roboto, Noto Sans, Arial, sans-serif"'


def band_colour(band: str | None, order: list[str]) -> str:
    """Return the colour of a band by its position in the configured list."""
    if band is None or band not in order:
        return BAND_COLOURS[-1]
    return BAND_COLOURS[min(order.index(band), len(BAND_COLOURS) - 2)]


def _svg(width: int, height: int, body: list[str], label: str) -> Markup:
    """Wrap SVG elements in an accessible, scalable <svg>."""
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'class="chart" '  # sized by the page's CSS: a CSP forbids style attributes
        f'role="img" aria-label="{escape(label)}" {FONT} font-size="12">'
    )
    return Markup(head + "".join(body) + "</svg>")


def axis(values: list[float]) -> tuple[int, int, int]:
    """Return (low, high, step) of an index axis that shows the differences, not 0 to 100.

    Indices of 81 to 87 on a 0-100 axis make bars of the same length; the axis starts at the
    multiple of its step just below the lowest value (and says so under the chart).
    """
    lo_v, hi_v = (min(values), max(values)) if values else (0.0, 100.0)
    span = max(hi_v - lo_v, 1.0)
    step = next(s for s in (1, 2, 5, 10, 20) if span / s <= 8)
    low = max(0, int(lo_v // step) * step - step)
    high = min(100, -int(-hi_v // step) * step) if hi_v <= 100 else int(hi_v) + 1
    return low, max(high, low + step), step


def ranking_bars(rows: list, band_order: list[str], title: str) -> Markup:
    """Horizontal bars of the index, one per unit in rank order, on an axis that shows gaps."""
    left, width, bar_h, gap = 250, 860, 18, 6
    low, high, step = axis([r.index_value for r in rows])
    scale = (width - left - 70) / (high - low)
    bottom = len(rows) * (bar_h + gap)
    body = []
    for tick in range(low, high + 1, step):
        x = left + (tick - low) * scale
        body.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{bottom}" stroke="#d0d7de"/>')
        body.append(
            f'<text x="{x:.1f}" y="{bottom + 14}" text-anchor="middle" '
            f'fill="#57606a">{tick}</text>'
        )
    if low > 0:  # an axis that does not start at 0 says so
        body.append(
            f'<text x="{left}" y="{bottom + 30}" fill="#57606a">'
            f"Trục chỉ số bắt đầu từ {low}</text>"
        )
    for i, row in enumerate(rows):
        y = i * (bar_h + gap)
        rank = "" if row.rank is None else f"{row.rank}{'=' if row.tied else ''}. "
        name = rank + row.unit_name
        name = name if len(name) <= 38 else name[:37] + "…"
        length = max(row.index_value - low, 0) * scale
        body.append(f'<text x="{left - 8}" y="{y + 13}" text-anchor="end">{escape(name)}</text>')
        body.append(
            f'<rect class="rank-bar" x="{left}" y="{y}" width="{length:.1f}" height="{bar_h}" '
            f'rx="2" fill="{band_colour(row.band, band_order)}"/>'
        )
        body.append(
            f'<text x="{left + length + 5:.1f}" y="{y + 13}" '
            f'font-weight="600">{fmt_vn(row.index_value)}</text>'
        )
    return _svg(width, bottom + (38 if low > 0 else 22), body, title)


def _heat(share: float | None) -> str:
    """Return a colour for a share: red at 50% or less, amber at 75%, green at 100% (grey: none)."""
    if share is None:
        return "#eaeef2"
    t = max(0.0, min(1.0, (share - 0.5) / 0.5))  # below half the points is uniformly poor
    stops = ((207, 34, 46), (212, 153, 34), (26, 127, 55))
    lo, hi, u = (stops[0], stops[1], t * 2) if t < 0.5 else (stops[1], stops[2], (t - 0.5) * 2)
    r, g, b = (round(x + (y - x) * u) for x, y in zip(lo, hi, strict=True))
    return f"rgb({r},{g},{b})"


def field_heatmap(rows: list, fields: list[tuple[str, str]], points: dict, title: str) -> Markup:
    """Unit x field grid: each cell is achieved / max of that field, in per cent."""
    left, cell_w, cell_h, top = 250, 62, 22, 46
    width = left + cell_w * len(fields) + 10
    body = []
    for j, (code, name) in enumerate(fields):
        x = left + j * cell_w + cell_w / 2
        body.append(
            f'<text x="{x:.1f}" y="16" text-anchor="middle" font-weight="600">'
            f"{escape(code)}<title>{escape(name)}</title></text>"
        )
        short = name if len(name) <= 11 else name[:10] + "…"
        body.append(
            f'<text x="{x:.1f}" y="32" text-anchor="middle" font-size="9" fill="#57606a">'
            f"{escape(short)}<title>{escape(name)}</title></text>"
        )
    for i, row in enumerate(rows):
        y = top + i * cell_h
        name = row.unit_name if len(row.unit_name) <= 36 else row.unit_name[:35] + "…"
        body.append(f'<text x="{left - 8}" y="{y + 15}" text-anchor="end">{escape(name)}</text>')
        for j, (code, _name) in enumerate(fields):
            fr = points.get(row.unit_id, {}).get(code)
            share = fr.achieved_points / fr.max_points if fr and fr.max_points else None
            x = left + j * cell_w
            body.append(
                f'<rect x="{x + 1}" y="{y + 1}" width="{cell_w - 2}" height="{cell_h - 2}" '
                f'fill="{_heat(share)}"/>'
            )
            text = "" if share is None else fmt_vn(share * 100).split(",")[0] + "%"
            body.append(
                f'<text x="{x + cell_w / 2}" y="{y + 15}" text-anchor="middle" fill="#fff" '
                f'font-weight="600">{text}</text>'
            )
    return _svg(width, top + len(rows) * cell_h + 6, body, title)


def distribution(values: list[float], title: str) -> Markup:
    """Column chart: how many units fall in each 5-point index band."""
    low = int(min(values) // 5 * 5) if values else 0
    bins = list(range(min(low, 95), 100, 5))
    counts = [sum(1 for v in values if b <= v < b + 5 or (b == 95 and v >= 100)) for b in bins]
    width, height, left, base = 860, 240, 40, 200
    col_w = (width - left - 10) / max(len(bins), 1)
    top = max(counts or [1]) or 1
    body = [f'<line x1="{left}" y1="{base}" x2="{width - 10}" y2="{base}" stroke="#57606a"/>']
    for i, (b, n) in enumerate(zip(bins, counts, strict=True)):
        h = n / top * 170
        x = left + i * col_w
        body.append(
            f'<rect x="{x + 4:.1f}" y="{base - h:.1f}" width="{col_w - 8:.1f}" height="{h:.1f}" '
            f'fill="#2f81f7"/>'
        )
        if n:
            body.append(
                f'<text x="{x + col_w / 2:.1f}" y="{base - h - 4:.1f}" text-anchor="middle" '
                f'font-weight="600">{n}</text>'
            )
        body.append(
            f'<text x="{x + col_w / 2:.1f}" y="{base + 16}" text-anchor="middle" '
            f'fill="#57606a">{b}–{b + 5}</text>'
        )
    return _svg(width, height - 10, body, title)


def year_over_year(rows: list, title: str) -> Markup:
    """Dumbbells: last year's index (grey) to this year's (coloured), with the change."""
    rows = [r for r in rows if r.previous_index is not None]
    left, width, row_h = 250, 860, 22
    lo = min([min(r.index_value, r.previous_index) for r in rows] + [100.0])
    lo = max(0.0, (lo // 10) * 10 - 5)
    scale = (width - left - 90) / (100 - lo)
    body = []
    for i, row in enumerate(rows):
        y = i * row_h + 11
        x0, x1 = left + (row.previous_index - lo) * scale, left + (row.index_value - lo) * scale
        colour = "#1a7f37" if row.change >= 0 else "#cf222e"
        body.append(
            f'<text x="{left - 8}" y="{y + 4}" text-anchor="end">'
            f"{escape(row.unit_name[:36])}</text>"
        )
        body.append(
            f'<line x1="{x0:.1f}" y1="{y}" x2="{x1:.1f}" y2="{y}" stroke="{colour}" '
            'stroke-width="3"/>'
        )
        body.append(f'<circle cx="{x0:.1f}" cy="{y}" r="5" fill="#8c959f"/>')
        body.append(f'<circle cx="{x1:.1f}" cy="{y}" r="6" fill="{colour}"/>')
        body.append(
            f'<text x="{max(x0, x1) + 10:.1f}" y="{y + 4}" fill="{colour}" '
            f'font-weight="600">{fmt_change(row.change)}</text>'
        )
    for tick in range(int(lo // 10 * 10 + 10), 101, 10):
        x = left + (tick - lo) * scale
        body.insert(
            0,
            f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{len(rows) * row_h + 2}" '
            'stroke="#eaeef2"/>',
        )
        body.append(
            f'<text x="{x:.1f}" y="{len(rows) * row_h + 16}" text-anchor="middle" '
            f'fill="#57606a">{tick}</text>'
        )
    return _svg(width, len(rows) * row_h + 24, body, title)
