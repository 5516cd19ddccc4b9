"""Dialect-aware pieces of the results SQL: new ids, published precision, tie-break, bands.

Precision, tie-break and bands come from the campaign's frozen rules (models/campaign/rules.py).
"""

from __future__ import annotations


def uuid_sql(dialect: str) -> str:
    """Return a new-UUID expression (SQLite stores sa.Uuid as 32 hex characters)."""
    return "gen_random_uuid()" if dialect == "postgresql" else "lower(hex(randomblob(16)))"


def published_sql(expr: str, dialect: str, decimals: int = 2) -> str:
    """Return `expr` rounded half-up to an integer count of 10**-decimals (x >= 0)."""
    # A tiny epsilon makes 92.17499999 (binary noise for 92.175) round like the decimal does.
    inner = f"({expr}) * {10**decimals} + 0.5 + 1e-7"
    return f"FLOOR({inner})" if dialect == "postgresql" else f"CAST({inner} AS INTEGER)"


def tie_sql(tie_break: str | None, dialect: str, decimals: int = 2) -> str:
    """Return the secondary ranking key (0 when the province has no tie-break rule)."""
    columns = {
        "appraised_points": "appr_pts",
        "survey_points": "surv_pts",
        "self_points": "self_pts",
    }
    if tie_break is None:
        return "0"
    if tie_break not in columns:
        raise ValueError(f"unknown tie-break {tie_break!r}; use one of {sorted(columns)}")
    return published_sql(columns[tie_break], dialect, decimals)


def band_sql(
    bands: list[tuple[str, float | None]], decimals: int = 2
) -> tuple[str, dict[str, object]]:
    """Return a CASE naming the band of `pub`, bands listed highest first, and its parameters."""
    if not bands:
        return "NULL", {}
    parts: list[str] = []
    params: dict[str, object] = {}
    for i, (code, minimum) in enumerate(bands):
        params[f"band_{i}"] = code
        if minimum is None:
            parts.append(f"ELSE :band_{i}")
            break
        params[f"band_min_{i}"] = round(minimum * 10**decimals)  # `pub` counts 10**-decimals
        parts.append(f"WHEN pub >= :band_min_{i} THEN :band_{i}")
    if not parts[-1].startswith("ELSE"):
        parts.append("ELSE NULL")
    return "CASE " + " ".join(parts) + " END", params
