"""The hand-written SQL bench 4 compares `compute_results` with (PostgreSQL and SQLite)."""

# Per-unit points straight from the leaf scores: the minimal GROUP BY.
UNIT_POINTS = """
  SELECT unit_id, SUM(COALESCE(final_score, appraised_score)) AS p
  FROM appraisal WHERE campaign_id = :c GROUP BY unit_id
  UNION ALL
  SELECT unit_id, SUM(points) FROM survey_score WHERE campaign_id = :c GROUP BY unit_id
"""
# Per-unit points from per-field rows written first: the same output as compute_results.
FIELD_POINTS = "SELECT unit_id, achieved AS p FROM bench_field WHERE campaign_id = :c"
FIELDS = """
INSERT INTO bench_field (campaign_id, unit_id, field_code, achieved)
SELECT :c, a.unit_id, i.field_code, SUM(COALESCE(a.final_score, a.appraised_score))
FROM appraisal a JOIN criteria_item i ON i.id = a.item_id WHERE a.campaign_id = :c
GROUP BY a.unit_id, i.field_code
UNION ALL
SELECT :c, s.unit_id, i.field_code, SUM(s.points)
FROM survey_score s JOIN criteria_item i ON i.id = s.item_id WHERE s.campaign_id = :c
GROUP BY s.unit_id, i.field_code
"""
RANK = """
INSERT INTO {table} (campaign_id, unit_id, rank_group, achieved, index_value, rank)
WITH pts AS ({points}
), per_unit AS (
  SELECT p.unit_id, SUM(p.p) AS achieved FROM pts p GROUP BY p.unit_id
), idx AS (
  SELECT pu.unit_id, u.rank_group, pu.achieved, pu.achieved / cs.total * 100 AS index_value
  FROM per_unit pu
  JOIN org_unit u ON u.id = pu.unit_id
  JOIN self_assessment sa ON sa.campaign_id = :c AND sa.unit_id = pu.unit_id AND sa.version = 1
  JOIN criteria_set cs ON cs.id = sa.criteria_set_id
)
SELECT :c, unit_id, rank_group, achieved, index_value,
       RANK() OVER (PARTITION BY rank_group ORDER BY ROUND(CAST(index_value AS NUMERIC), 2) DESC)
FROM idx
"""
TABLES = [
    """CREATE TABLE IF NOT EXISTS {name} (campaign_id {uuid}, unit_id {uuid},
  rank_group VARCHAR(32), achieved FLOAT, index_value FLOAT, rank INTEGER)""",
    """CREATE TABLE IF NOT EXISTS bench_field (campaign_id {uuid}, unit_id {uuid},
  field_code VARCHAR(32), achieved FLOAT)""",
]
# The first computation's baseline: the same rows inserted into a table keyed as `result` is
# (a primary key, the unique (campaign, unit) pair, an index on the unit, two foreign keys),
# since the product's output is that table; the keyless table above is the bare minimum.
KEYED_TABLE = """CREATE TABLE IF NOT EXISTS bench_rank_keyed (
  id {uuid} PRIMARY KEY DEFAULT {new_id},
  campaign_id {uuid} NOT NULL REFERENCES campaign (id),
  unit_id {uuid} NOT NULL REFERENCES org_unit (id),
  rank_group VARCHAR(32), achieved FLOAT, index_value FLOAT, rank INTEGER,
  UNIQUE (campaign_id, unit_id))"""
KEYED_INDEX = "CREATE INDEX IF NOT EXISTS ix_bench_rank_keyed_unit ON bench_rank_keyed (unit_id)"
NEW_ID = {"postgresql": "gen_random_uuid()", "sqlite": "(lower(hex(randomblob(16))))"}
