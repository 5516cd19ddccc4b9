"""One batch of campaigns (models/results/inputs.py) through the results SQL."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlmodel import Session

from models.results.execute import (
    FIELD_PLANNER,
    PLANNER,
    execute,
    planner_settings,
    switch_settings,
)
from models.results.inputs import CampaignInputs
from models.results.keys import band_sql, published_sql, rank_parts, uuid_sql
from models.results.rules import batch_case, rule_case, rule_params, rule_set_ids
from models.results.sql import ResultSQL, result_statements

COUNT_SQL = (
    "SELECT campaign_id, COUNT(*) FROM result WHERE campaign_id IN ({ids}) GROUP BY campaign_id"
)


def run_batch(
    session: Session, batch: list[CampaignInputs], with_fields: bool, computed_at: datetime
) -> dict[uuid.UUID, int]:
    """Compute the batch's campaigns in one set of statements; return units per campaign."""
    dialect = session.get_bind().dialect.name
    head = batch[0]  # the constants every campaign of the batch shares
    band_case, band_params = band_sql(head.bands, head.decimals, head.exclusive)
    ranking, rank_params = rank_parts(head.rank, dialect, head.decimals)
    values: dict[str, object] = {"with_survey": head.with_survey, "computed_at": computed_at}
    for j, item in enumerate(batch):
        values |= {f"cid_{j}": item.campaign_id}
        values |= rule_params(item.rules, item.maxima, f"_{j}", item.caps)
    parts = {
        "ids": ", ".join(f":cid_{j}" for j in range(len(batch))),
        "set_case": batch_case([rule_case(i.rules, "set", f"_{j}") for j, i in enumerate(batch)]),
        "max_case": batch_case([rule_case(i.rules, "max", f"_{j}") for j, i in enumerate(batch)]),
        "cap_case": _cap_case(batch),
        "set_ids": ", ".join(rule_set_ids(i.rules, f"_{j}") for j, i in enumerate(batch)),
        "uuid": uuid_sql(dialect),
        "materialized": "MATERIALIZED " if dialect == "postgresql" else "",
        "band": band_case,
        "pub": published_sql("index_value", dialect, head.decimals),
        **ranking,
    }
    fields = with_fields or bool(head.rank.field_keys())  # a field tie-break reads them
    sql = result_statements(dialect, fields, parts, any(i.not_applicable for i in batch))
    counts = _run(session, dialect, sql, values | band_params | rank_params)
    if dialect != "postgresql":  # SQLite's WITH…INSERT reports no row count: count the rows
        count_sql = COUNT_SQL.format(ids=parts["ids"])
        counts = list(execute(session, count_sql, values).all())
    by_id = {uuid.UUID(str(cid)): int(n) for cid, n in counts}
    return {item.campaign_id: by_id.get(item.campaign_id, 0) for item in batch}


def _run(session: Session, dialect: str, sql: ResultSQL, values: dict[str, object]) -> list:
    """Run the statements with the planner settings they need; return (campaign, units) rows."""
    fields = [st for st in sql.before if st.startswith("WITH")]
    # The field pass's CTEs are overestimated (FIELD_PLANNER); the ranking needs its sort.
    with planner_settings(session, dialect, PLANNER | (FIELD_PLANNER if fields else {})) as had:
        for statement in sql.before:
            execute(session, statement, values)
        if fields and dialect == "postgresql":
            switch_settings(session, {k: had[k] for k in FIELD_PLANNER})
        done = execute(session, sql.ranking, values)
        return list(done.all()) if dialect == "postgresql" else []


def _cap_case(batch: list[CampaignInputs]) -> str:
    """Return each unit's index cap: 0.0 (none) unless a set of the batch caps its index."""
    if not any(item.caps for item in batch):
        return "0.0"
    return batch_case([rule_case(i.rules, "cap", f"_{j}") for j, i in enumerate(batch)])
