"""The heat map's pass of compute_results: one row per (unit, field) (SQLite and PostgreSQL).

Grouping by field costs about 2.5x grouping by unit (84 k groups instead of 12 k for a national
campaign), so it runs apart from the ranking (models/result_sql.py), which does not pay for it.
"""

from __future__ import annotations

# Units in scope and their criteria set; {scope_where} and {set_case} come from result_sql.
SCOPE = """
scope AS {materialized}(
  SELECT c.id AS campaign_id, u.id AS unit_id, {set_case} AS set_id
  FROM {scope_from} {scope_where}
),"""

# The campaign's current submissions (one submitted version per unit).
SUBMITTED = """
sub AS (
  SELECT sa.id AS sa_id, sa.campaign_id AS campaign_id, sa.unit_id AS unit_id,
         sa.criteria_set_id AS set_id
  FROM self_assessment sa WHERE sa.campaign_id IN ({ids}) AND sa.status = 'submitted'
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
# `pending` is MATERIALIZED on PostgreSQL: inlined, the planner joins every submission to its
# self scores (1 M rows for a national campaign) before it filters the few with leaves pending.
# So is `scope`: inlined, its criteria-set lookup runs once per (unit, field), not per unit.
FIELD_POINTS = (
    SUBMITTED
    + """
items AS (
  SELECT i.id AS item_id, i.criteria_set_id AS set_id, i.field_code AS field_code,
         i.is_leaf AND i.method = 'self' AS self_leaf, i.is_leaf AS is_leaf,
         i.method AS method, i.max_points AS max_points, i.kind AS kind
  FROM criteria_item i
  WHERE i.criteria_set_id IN ({set_ids})
),
apf AS (
  SELECT a.unit_id AS unit_id, it.field_code AS field_code, SUM(a.self_score) AS self_pts,
         SUM(COALESCE(a.final_score, a.appraised_score)) AS appr_pts, COUNT(*) AS n
  FROM appraisal a JOIN criteria_item it ON it.id = a.item_id
  WHERE a.campaign_id IN ({ids}) AND it.criteria_set_id IN ({set_ids})
  GROUP BY a.unit_id, it.field_code
),
pending AS {materialized}(
  SELECT s.sa_id AS sa_id, s.campaign_id AS campaign_id, s.unit_id AS unit_id
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
  WHERE NOT EXISTS (SELECT 1 FROM appraisal a WHERE a.campaign_id = p.campaign_id
                      AND a.unit_id = p.unit_id AND a.item_id = ss.item_id)
  GROUP BY p.unit_id, it.field_code
),
survf AS (
  SELECT s.unit_id AS unit_id, it.field_code AS field_code, SUM(s.points) AS pts
  FROM survey_score s JOIN items it ON it.item_id = s.item_id
  WHERE s.campaign_id IN ({ids}) AND :with_survey
  GROUP BY s.unit_id, it.field_code
),
{nafm}"""
)
# Per (unit, field), the points of leaves marked not applicable (batches whose sets allow it).
NAFM = """nafm AS {materialized}(
  SELECT n.unit_id AS unit_id, i.field_code AS field_code, SUM(i.max_points) AS pts
  FROM not_applicable n JOIN criteria_item i ON i.id = n.item_id
  WHERE n.campaign_id IN ({ids}) AND i.kind = 'base' AND (i.method = 'self' OR :with_survey)
  GROUP BY n.unit_id, i.field_code
),
"""
NAFM_JOIN = "  LEFT JOIN nafm nf ON nf.unit_id = sc.unit_id AND nf.field_code = fm.field_code"

# Bonus and penalty leaves add their (signed) points to their field but nothing to its maximum;
# leaves not applicable to a unit (`nafm`) leave that unit's field maximum.
# Each (unit, field) of the scope meets its three sums by key (appraised leaves only for a unit
# with a current submission), added in the order a union regrouped by (unit, field) added them:
# the regrouping cost more than the three hash joins.
FIELD_CTE = """
frows AS (
  SELECT sc.campaign_id AS campaign_id, sc.unit_id AS unit_id, fm.field_code AS field_code,
         fm.max_pts{nf_minus} AS max_pts,
         COALESCE(a.appr_pts, 0) + COALESCE(r.pts, 0) + COALESCE(v.pts, 0) AS achieved,
         COALESCE(a.self_pts, 0) + COALESCE(r.pts, 0) AS self_pts,
         COALESCE(a.appr_pts, 0) + COALESCE(r.pts, 0) AS appr_pts, COALESCE(v.pts, 0) AS surv_pts
  FROM scope sc
  JOIN (SELECT it.set_id AS set_id, it.field_code AS field_code,
               SUM(CASE WHEN it.kind = 'base' THEN it.max_points ELSE 0 END) AS max_pts
        FROM items it WHERE it.is_leaf AND (it.method = 'self' OR :with_survey)
        GROUP BY it.set_id, it.field_code) fm ON fm.set_id = sc.set_id
  LEFT JOIN sub s ON s.unit_id = sc.unit_id
  LEFT JOIN apf a ON s.sa_id IS NOT NULL AND a.unit_id = sc.unit_id
                 AND a.field_code = fm.field_code
  LEFT JOIN restf r ON r.unit_id = sc.unit_id AND r.field_code = fm.field_code
  LEFT JOIN survf v ON v.unit_id = sc.unit_id AND v.field_code = fm.field_code
{nf_join}
)"""
FIELD_ROWS = """
INSERT INTO field_result (id, campaign_id, unit_id, field_code, max_points, achieved_points,
                          self_points, appraised_points, survey_points)
SELECT {uuid}, campaign_id, unit_id, field_code, max_pts, achieved, self_pts, appr_pts, surv_pts
FROM frows"""
FIELD_UPSERT = """
WHERE TRUE
ON CONFLICT (campaign_id, unit_id, field_code) DO UPDATE SET
  max_points = excluded.max_points, achieved_points = excluded.achieved_points,
  self_points = excluded.self_points, appraised_points = excluded.appraised_points,
  survey_points = excluded.survey_points"""
# PostgreSQL: each (unit, field) meets its current row once (`cur`); rows whose figures did not
# change are left alone (a recompute after a few new scores rewrites a few rows, not 96 k), the
# changed ones are updated in place (heap-only with migration 0005's fillfactor: no index probe
# and row lock per row, as an upsert of every row took), pairs without a row are inserted, and
# rows no pair met are stale (one full join finds all three). The field rows carry no
# timestamp, so an unchanged row is exact.
FIELD_PG_WRITE = """,
cur AS {materialized}(
  SELECT r.*, f.id AS fid, r.unit_id IS NULL AS gone,
         r.unit_id IS NOT NULL AND f.id IS NOT NULL
           AND (f.max_points, f.achieved_points, f.self_points, f.appraised_points,
                f.survey_points)
           IS DISTINCT FROM (r.max_pts, r.achieved, r.self_pts, r.appr_pts, r.surv_pts) AS changed
  FROM frows r
  FULL JOIN (SELECT * FROM field_result WHERE campaign_id IN ({ids})) f
    ON f.unit_id = r.unit_id AND f.field_code = r.field_code
),
stale AS (
  DELETE FROM field_result f USING cur WHERE cur.gone AND f.id = cur.fid
),
upd AS (
  UPDATE field_result f SET max_points = r.max_pts, achieved_points = r.achieved,
    self_points = r.self_pts, appraised_points = r.appr_pts, survey_points = r.surv_pts
  FROM cur r WHERE r.changed AND f.id = r.fid
)
INSERT INTO field_result (id, campaign_id, unit_id, field_code, max_points, achieved_points,
                          self_points, appraised_points, survey_points)
SELECT {uuid}, campaign_id, unit_id, field_code, max_pts, achieved, self_pts, appr_pts, surv_pts
FROM cur WHERE fid IS NULL"""
FIELD_DELETE = "DELETE FROM field_result WHERE campaign_id IN ({ids})"


def field_statements(
    dialect: str, parts: dict[str, str], not_applicable: bool = False
) -> list[str]:
    """Return the statements that write the campaign's field rows (updated in place on PG)."""
    parts = {
        **parts,
        "nafm": NAFM.format(**parts) if not_applicable else "",
        "nf_join": NAFM_JOIN if not_applicable else "",
        "nf_minus": " - COALESCE(nf.pts, 0)" if not_applicable else "",
    }
    head = "WITH " + SCOPE + FIELD_POINTS + FIELD_CTE
    if dialect == "postgresql":
        upsert = FIELD_UPSERT.replace("WHERE TRUE\n", "")  # a concurrent first computation
        return [(head + FIELD_PG_WRITE + upsert).format(**parts)]
    return [FIELD_DELETE.format(**parts), (head + FIELD_ROWS).format(**parts)]
