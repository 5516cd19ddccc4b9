"""Dialect-aware pieces of the results SQL: ids, precision, tie-break chain, blocks, bands.

Precision, tie-break and bands come from the campaign's frozen rules (models/campaign/rules.py).
"""

from __future__ import annotations

from models.results.rank_rules import FIELD_PREFIX, RankRules


def uuid_sql(dialect: str) -> str:
    """Return a new-UUID expression (SQLite stores sa.Uuid as 32 hex characters)."""
    return "gen_random_uuid()" if dialect == "postgresql" else "lower(hex(randomblob(16)))"


def published_sql(expr: str, dialect: str, decimals: int = 2) -> str:
    """Return `expr` rounded half-up to an integer count of 10**-decimals (x >= 0)."""
    # A tiny epsilon makes 92.17499999 (binary noise for 92.175) round like the decimal does.
    inner = f"({expr}) * {10**decimals} + 0.5 + 1e-7"
    return f"FLOOR({inner})" if dialect == "postgresql" else f"CAST({inner} AS INTEGER)"


PART_COLUMNS = {
    "appraised_points": "appr_pts",
    "survey_points": "surv_pts",
    "self_points": "self_pts",
}
# A field's achieved points, from the field rows compute_results writes first for such a key.
FIELD_POINTS = """COALESCE((SELECT f.achieved_points FROM field_result f
  WHERE f.campaign_id = idx.campaign_id AND f.unit_id = idx.unit_id
    AND f.field_code = :tie_field_{i}), 0)"""


def tie_sql(tie_break: str | None, dialect: str, decimals: int = 2) -> str:
    """Return one tie-break key (0 when the province has no tie-break rule)."""
    if tie_break is None:
        return "0"
    if tie_break not in PART_COLUMNS:
        raise ValueError(f"unknown tie-break {tie_break!r}; use one of {sorted(PART_COLUMNS)}")
    return published_sql(PART_COLUMNS[tie_break], dialect, decimals)


def rank_parts(rank: RankRules, dialect: str, decimals: int) -> tuple[dict[str, str], dict]:
    """Return the ranking's SQL pieces (tkey, ties, tie_order, rank_fn, block) and parameters."""
    tkey = "index_value" if rank.precision is None else published_sql(
        "index_value", dialect, rank.precision
    )
    ties, params, fields = [], {}, 0
    for i, key in enumerate(rank.tie_break):
        if key.startswith(FIELD_PREFIX):
            params[f"tie_field_{fields}"] = key.removeprefix(FIELD_PREFIX)
            expr = published_sql(FIELD_POINTS.format(i=fields), dialect, decimals)
            fields += 1
        else:
            expr = tie_sql(key, dialect, decimals)
        ties.append((f"tb{i}", expr))
    block, block_params = block_sql(rank.blocks)
    return {
        "tkey": tkey,
        "ties": "".join(f", {expr} AS {name}" for name, expr in ties),
        "tie_order": "".join(f", {name} DESC" for name, _ in ties),
        "rank_fn": "DENSE_RANK" if rank.method == "dense" else "RANK",
        "block": block,
    }, params | block_params


def block_sql(blocks: dict[str, str]) -> tuple[str, dict[str, object]]:
    """Return the expression naming each unit's rank block (its rank group unless merged)."""
    if not blocks:
        return "u.rank_group", {}
    whens = " ".join(f"WHEN :blk_from_{i} THEN :blk_to_{i}" for i in range(len(blocks)))
    params: dict[str, object] = {}
    for i, (group, target) in enumerate(sorted(blocks.items())):
        params |= {f"blk_from_{i}": group, f"blk_to_{i}": target}
    return f"CASE u.rank_group {whens} ELSE u.rank_group END", params


def band_sql(
    bands: list[tuple[str, float | None]],
    decimals: int = 2,
    exclusive: frozenset[str] = frozenset(),
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
        compare = ">" if code in exclusive else ">="
        parts.append(f"WHEN pub {compare} :band_min_{i} THEN :band_{i}")
    if not parts[-1].startswith("ELSE"):
        parts.append("ELSE NULL")
    return "CASE " + " ".join(parts) + " END", params
