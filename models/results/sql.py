"""The SQL that computes a campaign's ranked unit rows in the database (SQLite and PostgreSQL).

One pass over the campaign's scores: every unit in scope joined to its per-unit sums, as a
hand-written GROUP BY + RANK() would; the heat map's per-field rows are a separate pass
(models/result_field_sql.py). Every join below is keyed on org_unit.id, so PostgreSQL sees
one row per unit: joining CTEs to CTEs instead (no statistics) made it expect millions of rows
and plan hash tables and disk batches for them.
"""

from __future__ import annotations

from typing import NamedTuple

from models.results.field_sql import field_statements

# Units in scope: active units of the province that a criteria-set rule covers ({set_case},
# named units before rank groups). A campaign with self-assessment stages scores exactly the
# units assigned there, so units a later merger dissolved (still active rows) are not ranked.
# Several campaigns ({ids}, at most one per province: models/results/inputs.py) are one pass:
# each unit meets its province's campaign `c`.
SCOPE_FROM = "campaign c JOIN org_unit u ON u.province_code = c.province_code"
SCOPE_WHERE = """WHERE c.id IN ({ids}) AND u.active AND {set_case} IS NOT NULL
    AND (NOT EXISTS (SELECT 1 FROM assignment a JOIN stage st ON st.id = a.stage_id
                      WHERE a.campaign_id = c.id AND st.kind = 'self_assessment')
         OR EXISTS (SELECT 1 FROM assignment a JOIN stage st ON st.id = a.stage_id
                     WHERE a.campaign_id = c.id AND a.unit_id = u.id
                       AND st.kind = 'self_assessment'))"""

# Leaves marked not applicable to a unit leave its maximum (base leaves the campaign counts);
# only batches whose sets allow such marks carry the join (others run the SQL as before).
NOT_APPLICABLE = """
  LEFT JOIN (SELECT n.unit_id AS unit_id, SUM(i.max_points) AS pts
             FROM not_applicable n JOIN criteria_item i ON i.id = n.item_id
             WHERE n.campaign_id IN ({ids}) AND i.kind = 'base'
               AND (i.method = 'self' OR :with_survey)
             GROUP BY n.unit_id) na ON na.unit_id = u.id"""

# Points per unit in scope. An appraised leaf counts the council's final score, else the
# appraised score; its appraisal row also keeps the self score (self scores are frozen once
# appraisal begins, and a submission scores every self leaf). Only a unit with a current
# submission has points from it; survey points need none. A submission with self leaves not
# yet appraised is `pending`: `restu` adds those leaves' self scores (self_score is read for
# pending submissions only, so a fully appraised campaign is one pass over `appraisal`).
# The aggregates join on u.id, never on the submission's columns: keyed on sa.unit_id,
# PostgreSQL expected one submission per unit and rescanned the aggregate for each (38 s).
# They group by unit alone (a batch holds one campaign per province): grouped by (campaign,
# unit), PostgreSQL multiplies the two columns' distinct counts and expects ~60x the groups.
UNIT_POINTS = """
pts AS {materialized}(
  SELECT c.id AS campaign_id, u.id AS unit_id, {block} AS rank_group,
         {max_case}{na_minus} AS max_pts, {cap_case} AS cap_pts, sa.id AS sa_id,
         sa.id IS NOT NULL AND COALESCE(l.n, 0) > COALESCE(a.n, 0) AS pending,
         CASE WHEN sa.id IS NULL THEN 0 ELSE COALESCE(a.self_pts, 0) END AS self_pts,
         CASE WHEN sa.id IS NULL THEN 0 ELSE COALESCE(a.appr_pts, 0) END AS appr_pts,
         COALESCE(v.pts, 0) AS surv_pts
  FROM {scope_from}
  LEFT JOIN self_assessment sa ON sa.campaign_id = c.id AND sa.unit_id = u.id
                               AND sa.status = 'submitted'
  LEFT JOIN (SELECT a.unit_id AS unit_id, SUM(a.self_score) AS self_pts,
                    SUM(COALESCE(a.final_score, a.appraised_score)) AS appr_pts, COUNT(*) AS n
             FROM appraisal a WHERE a.campaign_id IN ({ids})
             GROUP BY a.unit_id) a ON a.unit_id = u.id
  LEFT JOIN (SELECT i.criteria_set_id AS set_id, COUNT(*) AS n FROM criteria_item i
             WHERE i.criteria_set_id IN ({set_ids}) AND i.is_leaf AND i.method = 'self'
             GROUP BY i.criteria_set_id) l ON l.set_id = sa.criteria_set_id
  LEFT JOIN (SELECT s.unit_id AS unit_id, SUM(s.points) AS pts FROM survey_score s
             WHERE s.campaign_id IN ({ids}) AND :with_survey
             GROUP BY s.unit_id) v ON v.unit_id = u.id{not_applicable}
  {scope_where}
),
restu AS (
  SELECT p.unit_id AS unit_id, SUM(ss.score) AS pts
  FROM pts p
  JOIN self_score ss ON ss.self_assessment_id = p.sa_id
  WHERE p.pending AND NOT EXISTS (SELECT 1 FROM appraisal a WHERE a.campaign_id = p.campaign_id
                                    AND a.unit_id = p.unit_id AND a.item_id = ss.item_id)
  GROUP BY p.unit_id
),"""

# The same points from the heat map's rows when the call writes them first (the default):
# 96 k field rows per national campaign to sum instead of 1.06 M leaf scores a second time.
# They hold the same sums (submitted units' appraised leaves, pending self leaves, survey
# points), so nothing is left for `restu`.
FIELD_UNIT_POINTS = """
pts AS {materialized}(
  SELECT c.id AS campaign_id, u.id AS unit_id, {block} AS rank_group,
         {max_case}{na_minus} AS max_pts, {cap_case} AS cap_pts,
         COALESCE(f.self_pts, 0) AS self_pts, COALESCE(f.appr_pts, 0) AS appr_pts,
         COALESCE(f.surv_pts, 0) AS surv_pts
  FROM {scope_from}
  LEFT JOIN (SELECT f.unit_id AS unit_id, SUM(f.self_points) AS self_pts,
                    SUM(f.appraised_points) AS appr_pts, SUM(f.survey_points) AS surv_pts
             FROM field_result f WHERE f.campaign_id IN ({ids})
             GROUP BY f.unit_id) f ON f.unit_id = u.id{not_applicable}
  {scope_where}
),
restu AS (SELECT p.unit_id AS unit_id, 0.0 AS pts FROM pts p WHERE 1 = 0),"""

# The index is achieved (bonus and penalty leaves included: their scores are signed) over the
# unit's maximum (base leaves, less those not applicable to it), capped at the set's
# index_cap (`cap_pts`; 0: no cap). Ranks compare the index at the campaign's tie precision
# (`tkey`: hundredths by default, so 92,18 ties with 92,18), then its tie-break keys in turn;
# bands compare the published index (`pub`). One window: RANK() is the first peer's position
# and COUNT(*) (the frame ends at the last peer) the last one's, so a unit is tied exactly when
# they differ; the rank itself is {rank_fn}: RANK() (competition, 1 2 2 4) or DENSE_RANK()
# (dense, 1 2 2 3).
UNIT_CTES = """
vals AS (
  SELECT p.campaign_id AS campaign_id, p.unit_id AS unit_id, p.rank_group AS rank_group,
         p.max_pts AS max_pts, p.cap_pts AS cap_pts,
         p.self_pts + COALESCE(r.pts, 0) AS self_pts, p.appr_pts + COALESCE(r.pts, 0) AS appr_pts,
         p.surv_pts AS surv_pts
  FROM pts p LEFT JOIN restu r ON r.unit_id = p.unit_id
),
idx AS (
  SELECT vals.*, appr_pts + surv_pts AS achieved,
         CASE WHEN max_pts <= 0 THEN 0
              WHEN cap_pts > 0 AND (appr_pts + surv_pts) * 100 > cap_pts * max_pts THEN cap_pts
              ELSE (appr_pts + surv_pts) / max_pts * 100 END AS index_value
  FROM vals
),
keyed AS (
  SELECT idx.*, {pub} AS pub, {tkey} AS tkey{ties} FROM idx
),
ranked AS {materialized}(
  SELECT campaign_id, unit_id, rank_group, max_pts, self_pts, appr_pts, surv_pts, achieved,
         index_value, CASE WHEN rank_group = 'none' THEN NULL ELSE {rank_fn}() OVER w END AS rnk,
         CASE WHEN rank_group = 'none' THEN FALSE
              ELSE COUNT(*) OVER w > RANK() OVER w END AS tied,
         {band} AS band
  FROM keyed
  WINDOW w AS (PARTITION BY campaign_id, rank_group ORDER BY tkey DESC{tie_order})
)"""

COLUMNS = """(id, campaign_id, unit_id, rank_group, max_points, self_points, appraised_points,
  survey_points, achieved_points, index_value, rank, tied, band, computed_at, frozen_at)"""
NEW_ROWS = """
  SELECT {uuid}, campaign_id, unit_id, rank_group, max_pts, self_pts, appr_pts, surv_pts,
         achieved, index_value, rnk, tied, band, :computed_at, NULL"""
UPSERT = """
  ON CONFLICT (campaign_id, unit_id) DO UPDATE SET
    rank_group = excluded.rank_group, max_points = excluded.max_points,
    self_points = excluded.self_points, appraised_points = excluded.appraised_points,
    survey_points = excluded.survey_points, achieved_points = excluded.achieved_points,
    index_value = excluded.index_value, rank = excluded.rank, tied = excluded.tied,
    band = excluded.band, computed_at = excluded.computed_at, frozen_at = NULL"""

# PostgreSQL: units that left the scope (a merger, a changed rule) lose their row; rows whose
# values changed (or that an approval froze) are updated in place (an UPDATE that keeps the keys
# checks no foreign key and, with the table's fillfactor from migration 0005, touches no index);
# unchanged rows are not written at all, as the field pass does (a recompute after a few new
# scores rewrites a few rows, and `computed_at` is when a row's values last changed); new units
# are inserted (ON CONFLICT: a concurrent computation may have inserted them first). Every
# statement of a WITH sees the same snapshot, so `ins` tests `result` as it was before `upd`;
# with nested loops off (execute.PLANNER) that is one hash anti join, not a scan per row.
# The count is of the ranked rows: every unit in scope, written or not.
PG_WRITE = (
    """,
stale AS (
  DELETE FROM result WHERE campaign_id IN ({ids})
    AND unit_id NOT IN (SELECT unit_id FROM pts)
),
upd AS (
  UPDATE result r SET rank_group = k.rank_group, max_points = k.max_pts,
    self_points = k.self_pts, appraised_points = k.appr_pts, survey_points = k.surv_pts,
    achieved_points = k.achieved, index_value = k.index_value, rank = k.rnk, tied = k.tied,
    band = k.band, computed_at = :computed_at, frozen_at = NULL
  FROM ranked k WHERE r.campaign_id = k.campaign_id AND r.unit_id = k.unit_id
    AND (r.frozen_at IS NOT NULL
         OR (r.rank_group, r.max_points, r.self_points, r.appraised_points, r.survey_points,
             r.achieved_points, r.index_value, r.rank, r.tied, r.band)
            IS DISTINCT FROM (k.rank_group, k.max_pts, k.self_pts, k.appr_pts, k.surv_pts,
                              k.achieved, k.index_value, k.rnk, k.tied, k.band))
),
ins AS (
  INSERT INTO result """
    + COLUMNS
    + NEW_ROWS
    + """
  FROM ranked k WHERE NOT EXISTS (SELECT 1 FROM result r
                                  WHERE r.campaign_id = k.campaign_id AND r.unit_id = k.unit_id)"""
)
PG_WRITE += (
    UPSERT
    + """
)
SELECT campaign_id, COUNT(*) FROM ranked GROUP BY campaign_id"""
)

# SQLite has no data-modifying WITH: the stale rows go first, then one upsert.
SQLITE_STALE = """
DELETE FROM result WHERE campaign_id IN ({ids})
  AND unit_id NOT IN (SELECT u.id FROM {scope_from} {scope_where})"""
SQLITE_WRITE = "\nINSERT INTO result " + COLUMNS + NEW_ROWS + "\n  FROM ranked WHERE TRUE" + UPSERT


class ResultSQL(NamedTuple):
    """The statements of one computation: `before` runs first (field rows, stale unit rows).

    On PostgreSQL `ranking` returns (campaign_id, unit rows); on SQLite it returns nothing.
    """

    before: list[str]
    ranking: str


def result_statements(
    dialect: str, with_fields: bool, parts: dict[str, str], not_applicable: bool = False
) -> ResultSQL:
    """Return the statements: stale unit rows out, then the ranked unit rows.

    with_fields: the field rows are written first (`before`) and the units ranked from them.
    not_applicable: a set of the batch lets leaves be marked not applicable to a unit.

    parts fills the placeholders: ids, set_case, max_case, cap_case, set_ids, uuid, block, pub,
    tkey, ties, tie_order, rank_fn, band, materialized.
    """
    parts = {**parts, "scope_from": SCOPE_FROM, "scope_where": SCOPE_WHERE.format(**parts)}
    parts["not_applicable"] = NOT_APPLICABLE.format(**parts) if not_applicable else ""
    parts["na_minus"] = " - COALESCE(na.pts, 0)" if not_applicable else ""
    head = "WITH " + (FIELD_UNIT_POINTS if with_fields else UNIT_POINTS) + UNIT_CTES
    fields = field_statements(dialect, parts, not_applicable) if with_fields else []
    if dialect == "postgresql":
        return ResultSQL(fields, (head + PG_WRITE).format(**parts))
    return ResultSQL([*fields, SQLITE_STALE.format(**parts)], (head + SQLITE_WRITE).format(**parts))
