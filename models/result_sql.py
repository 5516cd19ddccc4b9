"""The SQL that computes a campaign's results in the database (SQLite >= 3.25 and PostgreSQL).

RESULTS: one INSERT…SELECT of per-unit totals, index, RANK() and band straight from the score
rows. FIELDS: one INSERT…SELECT of the per-field breakdown (the heat map), run after it.
"""

from __future__ import annotations

# Units in scope and their criteria set: named units win over rank groups ('unit' > 'group').
# A campaign with self-assessment stages scores exactly the units assigned there, so units that
# a later merger dissolved (still active rows of the province) are never ranked in it.
SCOPE = """
scope AS (
  SELECT u.id AS unit_id, u.rank_group AS rank_group,
         (SELECT r.set_id FROM rules r
           WHERE (r.kind = 'unit' AND r.val = u.code) OR (r.kind = 'group' AND r.val = u.rank_group)
           ORDER BY r.kind DESC LIMIT 1) AS set_id
  FROM org_unit u
  WHERE u.province_code = :province AND u.active
    AND (NOT EXISTS (SELECT 1 FROM assignment a JOIN stage st ON st.id = a.stage_id
                      WHERE a.campaign_id = :campaign_id AND st.kind = 'self_assessment')
         OR EXISTS (SELECT 1 FROM assignment a JOIN stage st ON st.id = a.stage_id
                     WHERE a.campaign_id = :campaign_id AND a.unit_id = u.id
                       AND st.kind = 'self_assessment'))
)"""

FIELDS = """
WITH rules(kind, val, set_id) AS (VALUES {rules}),
{scope},
fieldmax AS (
  SELECT i.criteria_set_id AS set_id, i.field_code AS field_code, SUM(i.max_points) AS max_pts
  FROM criteria_item i
  WHERE i.is_leaf AND (i.method = 'self' OR :with_survey)
    AND i.criteria_set_id IN (SELECT set_id FROM rules)
  GROUP BY i.criteria_set_id, i.field_code
),
selfagg AS (
  SELECT sa.unit_id AS unit_id, i.field_code AS field_code, SUM(ss.score) AS self_pts,
         SUM(COALESCE(a.final_score, a.appraised_score, ss.score)) AS appr_pts
  FROM self_assessment sa
  JOIN self_score ss ON ss.self_assessment_id = sa.id
  JOIN criteria_item i ON i.id = ss.item_id
  LEFT JOIN appraisal a
    ON a.campaign_id = sa.campaign_id AND a.unit_id = sa.unit_id AND a.item_id = ss.item_id
  WHERE sa.campaign_id = :campaign_id AND sa.status = 'submitted' AND i.method = 'self'
  GROUP BY sa.unit_id, i.field_code
),
survagg AS (
  SELECT s.unit_id AS unit_id, i.field_code AS field_code, SUM(s.points) AS surv_pts
  FROM survey_score s JOIN criteria_item i ON i.id = s.item_id
  WHERE s.campaign_id = :campaign_id AND :with_survey
  GROUP BY s.unit_id, i.field_code
)
INSERT INTO field_result (id, campaign_id, unit_id, field_code, max_points, achieved_points,
                          self_points, appraised_points, survey_points)
SELECT {uuid}, :campaign_id, sc.unit_id, fm.field_code, fm.max_pts,
       COALESCE(sa.appr_pts, 0) + COALESCE(sv.surv_pts, 0),
       COALESCE(sa.self_pts, 0), COALESCE(sa.appr_pts, 0), COALESCE(sv.surv_pts, 0)
FROM scope sc
JOIN fieldmax fm ON fm.set_id = sc.set_id
LEFT JOIN selfagg sa ON sa.unit_id = sc.unit_id AND sa.field_code = fm.field_code
LEFT JOIN survagg sv ON sv.unit_id = sc.unit_id AND sv.field_code = fm.field_code
"""

# Ranks compare the index at its published precision (hundredths), so 92,18 ties with 92,18.
# Per-unit totals come straight from the score rows (not from field_result), so ranking a
# campaign costs one pass over the scores, like a hand-written SUM … GROUP BY + RANK().
RESULTS = """
WITH rules(kind, val, set_id) AS (VALUES {rules}),
{scope},
setmax AS (
  SELECT c.id AS set_id, CASE WHEN :with_survey THEN c.total ELSE c.self_total END AS max_pts
  FROM criteria_set c WHERE c.id IN (SELECT set_id FROM rules)
),
{totals}
idx AS (
  SELECT sc.unit_id AS unit_id, sc.rank_group AS rank_group, sm.max_pts AS max_pts,
         COALESCE(sa.self_pts, 0) AS self_pts, COALESCE(sa.appr_pts, 0) AS appr_pts,
         COALESCE(sv.surv_pts, 0) AS surv_pts,
         COALESCE(sa.appr_pts, 0) + COALESCE(sv.surv_pts, 0) AS achieved,
         CASE WHEN sm.max_pts > 0
              THEN (COALESCE(sa.appr_pts, 0) + COALESCE(sv.surv_pts, 0)) / sm.max_pts * 100
              ELSE 0 END AS index_value
  FROM scope sc
  JOIN setmax sm ON sm.set_id = sc.set_id
  LEFT JOIN selfagg sa ON sa.unit_id = sc.unit_id
  LEFT JOIN survagg sv ON sv.unit_id = sc.unit_id
),
keyed AS (
  SELECT idx.*, {pub} AS pub, {tie} AS tb FROM idx
)
INSERT INTO result (id, campaign_id, unit_id, rank_group, max_points, self_points,
                    appraised_points, survey_points, achieved_points, index_value, rank, tied,
                    band, computed_at, frozen_at)
SELECT {uuid}, :campaign_id, unit_id, rank_group, max_pts, self_pts, appr_pts, surv_pts,
       achieved, index_value,
       CASE WHEN rank_group = 'none' THEN NULL
            ELSE RANK() OVER (PARTITION BY rank_group ORDER BY pub DESC, tb DESC) END,
       CASE WHEN rank_group = 'none' THEN FALSE
            ELSE COUNT(*) OVER (PARTITION BY rank_group, pub, tb) > 1 END,
       {band}, :computed_at, NULL
FROM keyed
"""

# Per-unit totals. SQLite streams each table grouped in unit order (the unique index on
# self_assessment is (campaign_id, unit_id, version)); PostgreSQL aggregates one UNION ALL in
# parallel. Both yield selfagg(unit_id, self_pts, appr_pts) and survagg(unit_id, surv_pts).
TOTALS_SQLITE = """
selfagg AS (
  SELECT sa.unit_id AS unit_id, SUM(ss.score) AS self_pts, SUM({appraised}) AS appr_pts
  FROM self_assessment sa
  JOIN self_score ss ON ss.self_assessment_id = sa.id
  {appraisal_join}
  WHERE sa.campaign_id = :campaign_id AND sa.status = 'submitted'
  GROUP BY sa.unit_id
),
survagg AS (
  SELECT s.unit_id AS unit_id, SUM(s.points) AS surv_pts
  FROM survey_score s
  WHERE s.campaign_id = :campaign_id AND :with_survey
  GROUP BY s.unit_id
),"""
# PostgreSQL runs no parallel workers for INSERT…SELECT, but does for CREATE TABLE AS: the
# 1.2 M-row aggregate goes into a temporary table first, then the ranking INSERT reads 12 k rows.
TOTALS_PG_TABLE = """
CREATE TEMP TABLE cchc_unit_totals ON COMMIT DROP AS
SELECT unit_id, SUM(self_pts) AS self_pts, SUM(appr_pts) AS appr_pts, SUM(surv_pts) AS surv_pts
FROM (
  SELECT sa.unit_id AS unit_id, ss.score AS self_pts, {appraised} AS appr_pts, 0.0 AS surv_pts
  FROM self_assessment sa
  JOIN self_score ss ON ss.self_assessment_id = sa.id
  {appraisal_join}
  WHERE sa.campaign_id = :campaign_id AND sa.status = 'submitted'
  UNION ALL
  SELECT s.unit_id, 0.0, 0.0, s.points FROM survey_score s
  WHERE s.campaign_id = :campaign_id AND :with_survey
) points
GROUP BY unit_id"""
TOTALS_PG = """
selfagg AS (SELECT unit_id, self_pts, appr_pts FROM cchc_unit_totals),
survagg AS (SELECT unit_id, surv_pts FROM cchc_unit_totals),"""

# The council's final score wins, then the appraised score, then the self score (not yet appraised).
APPRAISED = "COALESCE(a.final_score, a.appraised_score, ss.score)"
APPRAISAL_JOIN = (
    "LEFT JOIN appraisal a ON a.campaign_id = sa.campaign_id AND a.unit_id = sa.unit_id "
    "AND a.item_id = ss.item_id"
)


def uuid_sql(dialect: str) -> str:
    """Return a new-UUID expression (SQLite stores sa.Uuid as 32 hex characters)."""
    return "gen_random_uuid()" if dialect == "postgresql" else "lower(hex(randomblob(16)))"


def hundredths_sql(expr: str, dialect: str) -> str:
    """Return `expr` rounded half-up to an integer count of hundredths (x >= 0)."""
    # A tiny epsilon makes 92.17499999 (binary noise for 92.175) round like the decimal does.
    inner = f"({expr}) * 100 + 0.5 + 1e-7"
    return f"FLOOR({inner})" if dialect == "postgresql" else f"CAST({inner} AS INTEGER)"


def tie_sql(tie_break: str | None, dialect: str) -> str:
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
    return hundredths_sql(columns[tie_break], dialect)


def band_sql(bands: list[tuple[str, float | None]]) -> tuple[str, dict[str, object]]:
    """Return a CASE naming the band of `pub`, bands listed highest first, and its parameters."""
    if not bands:
        return "NULL", {}
    parts, params = [], {}
    for i, (code, minimum) in enumerate(bands):
        params[f"band_{i}"] = code
        if minimum is None:
            parts.append(f"ELSE :band_{i}")
            break
        params[f"band_min_{i}"] = round(minimum * 100)
        parts.append(f"WHEN pub >= :band_min_{i} THEN :band_{i}")
    if not parts[-1].startswith("ELSE"):
        parts.append("ELSE NULL")
    return "CASE " + " ".join(parts) + " END", params
