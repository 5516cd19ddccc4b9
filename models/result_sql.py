"""The SQL that computes a campaign's results in the database (SQLite >= 3.25 and PostgreSQL).

Two statements, each one pass over the campaign's scores: the ranked unit rows come from a
per-unit aggregate (UNIT_POINTS), as a hand-written GROUP BY + RANK() would; the field rows
(the heat map) from a per-unit, per-field one (FIELD_POINTS). Grouping by field costs about
2.5x grouping by unit (84 k groups instead of 12 k for a national campaign), so the ranking
does not pay for the heat map.
"""

from __future__ import annotations

from typing import NamedTuple

# Units in scope and their criteria set: named units win over rank groups. The rules hold one
# row per (kind, value) (compute_results keeps the first, as criteria_set_for does).
# A campaign with self-assessment stages scores exactly the units assigned there, so units that
# a later merger dissolved (still active rows of the province) are never ranked in it.
SCOPE = """
rules(kind, val, set_id) AS (VALUES {rules}),
scope AS {materialized}(
  SELECT u.id AS unit_id, u.rank_group AS rank_group, COALESCE(ru.set_id, rg.set_id) AS set_id
  FROM org_unit u
  LEFT JOIN rules ru ON ru.kind = 'unit' AND ru.val = u.code
  LEFT JOIN rules rg ON rg.kind = 'group' AND rg.val = u.rank_group
  WHERE u.province_code = :province AND u.active
    AND (NOT EXISTS (SELECT 1 FROM assignment a JOIN stage st ON st.id = a.stage_id
                      WHERE a.campaign_id = :campaign_id AND st.kind = 'self_assessment')
         OR EXISTS (SELECT 1 FROM assignment a JOIN stage st ON st.id = a.stage_id
                     WHERE a.campaign_id = :campaign_id AND a.unit_id = u.id
                       AND st.kind = 'self_assessment'))
),"""

# The campaign's current submissions (one submitted version per unit).
SUBMITTED = """
sub AS (
  SELECT sa.id AS sa_id, sa.unit_id AS unit_id, sa.criteria_set_id AS set_id
  FROM self_assessment sa WHERE sa.campaign_id = :campaign_id AND sa.status = 'submitted'
),"""

# Points of the current submissions, per unit and field. An appraised leaf counts the
# council's final score, else the appraised score; its appraisal row also keeps the self score
# (self scores are frozen once appraisal begins, and a submission scores every self leaf).
# So self_score is read only for submissions with leaves not yet appraised (`pending`), and
# then only for those leaves: a fully appraised campaign is one indexed pass over `appraisal`.
# `items` holds the campaign's sets' items only: a score whose item lies outside them (never
# written by the product) has no field, so it is in no field row (an inner join: a left one
# made PostgreSQL hash all 1 M appraisals instead of the few hundred items, and so does a join
# to the `items` CTE, which has no statistics: appraisals join the table itself).
FIELD_POINTS = SUBMITTED + """
items AS (
  SELECT i.id AS item_id, i.criteria_set_id AS set_id, i.field_code AS field_code,
         i.is_leaf AND i.method = 'self' AS self_leaf, i.is_leaf AS is_leaf,
         i.method AS method, i.max_points AS max_points
  FROM criteria_item i
  WHERE i.criteria_set_id IN ({set_ids})
),
apf AS (
  SELECT a.unit_id AS unit_id, it.field_code AS field_code, SUM(a.self_score) AS self_pts,
         SUM(COALESCE(a.final_score, a.appraised_score)) AS appr_pts, COUNT(*) AS n
  FROM appraisal a JOIN criteria_item it ON it.id = a.item_id
  WHERE a.campaign_id = :campaign_id AND it.criteria_set_id IN ({set_ids})
  GROUP BY a.unit_id, it.field_code
),
pending AS {materialized}(
  SELECT s.sa_id AS sa_id, s.unit_id AS unit_id
  FROM sub s
  LEFT JOIN (SELECT set_id, COUNT(*) AS n FROM items WHERE self_leaf GROUP BY set_id) l
    ON l.set_id = s.set_id
  LEFT JOIN (SELECT unit_id, SUM(n) AS n FROM apf GROUP BY unit_id) d ON d.unit_id = s.unit_id
  WHERE l.n IS NULL OR l.n > COALESCE(d.n, 0)
),
restf AS (
  SELECT p.unit_id AS unit_id, it.field_code AS field_code, SUM(ss.score) AS pts
  FROM pending p
  JOIN self_score ss ON ss.self_assessment_id = p.sa_id
  JOIN items it ON it.item_id = ss.item_id
  WHERE NOT EXISTS (SELECT 1 FROM appraisal a WHERE a.campaign_id = :campaign_id
                      AND a.unit_id = p.unit_id AND a.item_id = ss.item_id)
  GROUP BY p.unit_id, it.field_code
),
survf AS (
  SELECT s.unit_id AS unit_id, it.field_code AS field_code, SUM(s.points) AS pts
  FROM survey_score s JOIN items it ON it.item_id = s.item_id
  WHERE s.campaign_id = :campaign_id AND :with_survey
  GROUP BY s.unit_id, it.field_code
),
pts AS (
  SELECT unit_id, field_code, SUM(self_pts) AS self_pts, SUM(appr_pts) AS appr_pts,
         SUM(surv_pts) AS surv_pts
  FROM (SELECT unit_id, field_code, self_pts, appr_pts, 0.0 AS surv_pts FROM apf
        WHERE unit_id IN (SELECT unit_id FROM sub)
        UNION ALL SELECT unit_id, field_code, pts, pts, 0.0 FROM restf
        UNION ALL SELECT unit_id, field_code, 0.0, 0.0, pts FROM survf) parts
  GROUP BY unit_id, field_code
),"""

# `pending` is MATERIALIZED on PostgreSQL: inlined, the planner joins every submission to its
# self scores (1 M rows for a national campaign) before it filters the few with leaves pending.
# So is `scope`: inlined, its criteria-set lookup runs once per (unit, field), not per unit.
# The same points per unit only: the ranking's pass. Scores whose item lies outside the
# campaign's sets count here, in the unit's totals (they are in no field row).
UNIT_POINTS = SUBMITTED + """
apu AS (
  SELECT a.unit_id AS unit_id, SUM(a.self_score) AS self_pts,
         SUM(COALESCE(a.final_score, a.appraised_score)) AS appr_pts, COUNT(*) AS n
  FROM appraisal a WHERE a.campaign_id = :campaign_id
  GROUP BY a.unit_id
),
pending AS {materialized}(
  SELECT s.sa_id AS sa_id, s.unit_id AS unit_id
  FROM sub s
  LEFT JOIN (SELECT i.criteria_set_id AS set_id, COUNT(*) AS n FROM criteria_item i
             WHERE i.criteria_set_id IN ({set_ids}) AND i.is_leaf AND i.method = 'self'
             GROUP BY i.criteria_set_id) l ON l.set_id = s.set_id
  LEFT JOIN apu d ON d.unit_id = s.unit_id
  WHERE l.n IS NULL OR l.n > COALESCE(d.n, 0)
),
restu AS (
  SELECT p.unit_id AS unit_id, SUM(ss.score) AS pts
  FROM pending p
  JOIN self_score ss ON ss.self_assessment_id = p.sa_id
  WHERE NOT EXISTS (SELECT 1 FROM appraisal a WHERE a.campaign_id = :campaign_id
                      AND a.unit_id = p.unit_id AND a.item_id = ss.item_id)
  GROUP BY p.unit_id
),
survu AS (
  SELECT s.unit_id AS unit_id, SUM(s.points) AS pts
  FROM survey_score s
  WHERE s.campaign_id = :campaign_id AND :with_survey
  GROUP BY s.unit_id
),
tot AS (
  SELECT unit_id, SUM(self_pts) AS self_pts, SUM(appr_pts) AS appr_pts, SUM(surv_pts) AS surv_pts
  FROM (SELECT unit_id, self_pts, appr_pts, 0.0 AS surv_pts FROM apu
        WHERE unit_id IN (SELECT unit_id FROM sub)
        UNION ALL SELECT unit_id, pts, pts, 0.0 FROM restu
        UNION ALL SELECT unit_id, 0.0, 0.0, pts FROM survu) parts
  GROUP BY unit_id
),"""

FIELD_DELETE = "DELETE FROM field_result WHERE campaign_id = :campaign_id"
FIELD_CTE = """
frows AS (
  SELECT sc.unit_id AS unit_id, fm.field_code AS field_code, fm.max_pts AS max_pts,
         COALESCE(p.appr_pts, 0) + COALESCE(p.surv_pts, 0) AS achieved,
         COALESCE(p.self_pts, 0) AS self_pts, COALESCE(p.appr_pts, 0) AS appr_pts,
         COALESCE(p.surv_pts, 0) AS surv_pts
  FROM scope sc
  JOIN (SELECT it.set_id AS set_id, it.field_code AS field_code, SUM(it.max_points) AS max_pts
        FROM items it WHERE it.is_leaf AND (it.method = 'self' OR :with_survey)
        GROUP BY it.set_id, it.field_code) fm ON fm.set_id = sc.set_id
  LEFT JOIN pts p ON p.unit_id = sc.unit_id AND p.field_code = fm.field_code
)"""
FIELD_STALE_CTE = """,
stale AS (
  DELETE FROM field_result f WHERE f.campaign_id = :campaign_id AND NOT EXISTS (
    SELECT 1 FROM frows r WHERE r.unit_id = f.unit_id AND r.field_code = f.field_code)
)"""
FIELD_ROWS = """
INSERT INTO field_result (id, campaign_id, unit_id, field_code, max_points, achieved_points,
                          self_points, appraised_points, survey_points)
SELECT {uuid}, :campaign_id, unit_id, field_code, max_pts, achieved, self_pts, appr_pts, surv_pts
FROM frows"""
FIELD_UPSERT = """
WHERE TRUE
ON CONFLICT (campaign_id, unit_id, field_code) DO UPDATE SET
  max_points = excluded.max_points, achieved_points = excluded.achieved_points,
  self_points = excluded.self_points, appraised_points = excluded.appraised_points,
  survey_points = excluded.survey_points"""

# Ranks compare the index at its published precision (hundredths), so 92,18 ties with 92,18.
UNIT_CTES = """
setmax AS (
  SELECT c.id AS set_id, CASE WHEN :with_survey THEN c.total ELSE c.self_total END AS max_pts
  FROM criteria_set c WHERE c.id IN (SELECT set_id FROM rules)
),
idx AS (
  SELECT sc.unit_id AS unit_id, sc.rank_group AS rank_group, sm.max_pts AS max_pts,
         COALESCE(t.self_pts, 0) AS self_pts, COALESCE(t.appr_pts, 0) AS appr_pts,
         COALESCE(t.surv_pts, 0) AS surv_pts,
         COALESCE(t.appr_pts, 0) + COALESCE(t.surv_pts, 0) AS achieved,
         CASE WHEN sm.max_pts > 0
              THEN (COALESCE(t.appr_pts, 0) + COALESCE(t.surv_pts, 0)) / sm.max_pts * 100
              ELSE 0 END AS index_value
  FROM scope sc
  JOIN setmax sm ON sm.set_id = sc.set_id
  LEFT JOIN tot t ON t.unit_id = sc.unit_id
),
keyed AS (
  SELECT idx.*, {pub} AS pub, {tie} AS tb FROM idx
)"""
UNIT_ROWS = """
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
WHERE TRUE
ON CONFLICT (campaign_id, unit_id) DO UPDATE SET
  rank_group = excluded.rank_group, max_points = excluded.max_points,
  self_points = excluded.self_points, appraised_points = excluded.appraised_points,
  survey_points = excluded.survey_points, achieved_points = excluded.achieved_points,
  index_value = excluded.index_value, rank = excluded.rank, tied = excluded.tied,
  band = excluded.band, computed_at = excluded.computed_at, frozen_at = NULL"""

# Units that left the scope (a merger, a changed criteria-set rule) lose their row. The
# others are updated in place by UNIT_ROWS: an UPDATE that keeps the keys checks no foreign
# key, and with the table's fillfactor (migration 0005) stays on its page without touching
# the indexes, where DELETE + INSERT rewrote 12,000 rows, four indexes and two foreign keys.
STALE_UNITS = """
DELETE FROM result WHERE campaign_id = :campaign_id AND unit_id NOT IN (
  SELECT sc.unit_id FROM scope sc JOIN criteria_set c ON c.id = sc.set_id)"""
# PostgreSQL does the same inside the upsert's WITH (one pass over the scope, not two).
STALE_CTE = """,
stale AS (
  DELETE FROM result WHERE campaign_id = :campaign_id
    AND unit_id NOT IN (SELECT unit_id FROM keyed)
)"""


class ResultSQL(NamedTuple):
    """The statements of one computation: `before` and `after` run around `ranking`."""

    before: list[str]
    ranking: str
    after: list[str]


def result_statements(dialect: str, with_fields: bool, parts: dict[str, str]) -> ResultSQL:
    """Return the statements: stale unit rows out, ranked unit rows in, then the field rows.

    parts fills the placeholders: rules, set_ids, uuid, pub, tie, band, materialized.
    """
    head = "WITH " + SCOPE + UNIT_POINTS + UNIT_CTES
    before: list[str] = []
    if dialect == "postgresql":
        ranking = (head + STALE_CTE + UNIT_ROWS).format(**parts)
    else:  # SQLite has no data-modifying WITH
        before.append(("WITH " + SCOPE.rstrip().rstrip(",") + STALE_UNITS).format(**parts))
        ranking = (head + UNIT_ROWS).format(**parts)
    if not with_fields:
        return ResultSQL(before, ranking, [])
    head = "WITH " + SCOPE + FIELD_POINTS + FIELD_CTE
    if dialect == "postgresql":  # updated in place, like the unit rows
        return ResultSQL(
            before, ranking, [(head + FIELD_STALE_CTE + FIELD_ROWS + FIELD_UPSERT).format(**parts)]
        )
    return ResultSQL(before, ranking, [FIELD_DELETE, (head + FIELD_ROWS).format(**parts)])
