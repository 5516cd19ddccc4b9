"""Compute a campaign's index and ranking in the database, and read the results back.

compute_results never loads score rows into Python: set-based statements do the work, on
PostgreSQL one for the ranking (models/result_sql.py) and one for the heat map
(models/result_field_sql.py), so a national campaign (12,000 units x 100 leaves) stays in the
database.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from cchc.clock import now
from models.audit.log import record_audit
from models.campaign.rules import campaign_rules
from models.catalog.criteria import CriteriaSet
from models.catalog.lookup import campaign_sets, get_campaign_by_id, set_rules
from models.results.bands import Bands
from models.results.keys import band_sql, published_sql, rank_parts, uuid_sql
from models.results.rank_rules import RankRules
from models.results.rules import first_rules, rule_case, rule_params, rule_set_ids
from models.results.sql import ResultSQL, result_statements
from models.scoring.freeze import ensure_not_frozen
from models.types import UTCDateTime


def compute_results(
    *,
    session: Session,
    campaign_id: uuid.UUID,
    tie_break: str | None = None,
    bands: Bands | None = None,
    with_fields: bool = True,
    actor: str = "system",
) -> int:
    """(Re)compute every unit's points, index, rank and band in SQL; return the number of units.

    with_fields=False recomputes the ranking only and leaves the heat map's per-field rows as
    they were (benchmarks measure the ranking pass this way).
    """
    campaign = get_campaign_by_id(session=session, campaign_id=campaign_id)
    ensure_not_frozen(session=session, campaign_id=campaign_id)
    frozen = campaign_rules(session=session, campaign=campaign)  # never config/ at query time
    rank = frozen.rank
    if tie_break:  # a caller's single key replaces the frozen chain (benchmarks, tests)
        rank = RankRules(rank.method, rank.precision, (tie_break,), rank.blocks)
    rank.check()
    bands = frozen.band_rules() if bands is None else bands
    sets = campaign_sets(session=session, campaign=campaign)
    with_survey = bool(campaign.has_survey) and any(s.survey_total > 0 for s in sets)
    dialect = session.get_bind().dialect.name
    common: dict[str, object] = {"campaign_id": campaign_id}
    rules = first_rules(set_rules(sets))
    if not rules:
        for table in ("field_result", "result"):
            _execute(session, f"DELETE FROM {table} WHERE campaign_id = :campaign_id", common)
        return 0
    maxima = {s.id: s.total if with_survey else s.self_total for s in sets}
    values = {
        **common,
        **rule_params(rules, maxima),
        "province": campaign.province_code,
        "with_survey": with_survey,
        "computed_at": now(),
    }
    band_case, band_params = band_sql(bands, frozen.decimals, frozen.band_exclusive())
    ranking, rank_params = rank_parts(rank, dialect, frozen.decimals)
    parts = {
        "set_case": rule_case(rules, "set"),
        "max_case": rule_case(rules, "max"),
        "set_ids": rule_set_ids(rules),
        "uuid": uuid_sql(dialect),
        "materialized": "MATERIALIZED " if dialect == "postgresql" else "",
        "band": band_case,
        "pub": published_sql("index_value", dialect, frozen.decimals),
        **ranking,
    }
    fields_first = bool(rank.field_keys())  # a field tie-break reads the field rows
    sql = result_statements(dialect, with_fields or fields_first, parts)
    count = _run(session, dialect, sql, values | band_params | rank_params, fields_first)
    record_audit(
        session=session,
        actor=actor,
        action="compute_results",
        entity="campaign",
        entity_id=campaign_id,
        campaign_id=campaign_id,
        field="results",
        new=count,
        reason=f"rank={rank.as_json()}; survey={with_survey}",
    )
    return count


# A national campaign's statements cost far above jit_above_cost, so PostgreSQL would spend
# ≈ 1 s JIT-compiling a 0.5 s statement. The field pass's CTEs are overestimated (millions of
# rows for 84 k (unit, field) groups): it would sort 1 M scores on disk where a hash aggregate
# fits in memory (sorts stay allowed for the ranking: its window needs one).
PLANNER = {"jit": "off", "work_mem": "64MB"}
FIELD_PLANNER = {"enable_sort": "off"}


def _run(
    session: Session,
    dialect: str,
    sql: ResultSQL,
    values: dict[str, object],
    fields_first: bool = False,
) -> int:
    """Run the statements with the planner settings they need; return the unit rows written."""
    with _planner_settings(session, dialect, PLANNER):
        for statement in sql.before:
            _execute(session, statement, values)
        if fields_first:
            _field_pass(session, dialect, sql, values)
        done = _execute(session, sql.ranking, values)
        count = done.scalar_one() if dialect == "postgresql" else None
        if not fields_first:
            _field_pass(session, dialect, sql, values)
    if count is None:  # SQLite's WITH…INSERT reports no row count: count the rows instead
        sql_count = "SELECT COUNT(*) FROM result WHERE campaign_id = :campaign_id"
        count = _execute(session, sql_count, values).scalar_one()
    return int(count)


def _field_pass(session: Session, dialect: str, sql: ResultSQL, values: dict) -> None:
    """Write the heat map's field rows (its own planner settings)."""
    with _planner_settings(session, dialect, FIELD_PLANNER if sql.after else {}):
        for statement in sql.after:
            _execute(session, statement, values)


@contextmanager
def _planner_settings(session: Session, dialect: str, settings: dict[str, str]) -> Iterator[None]:
    """Set `settings` for the statements inside on PostgreSQL, then restore the caller's."""
    if dialect != "postgresql" or not settings:
        yield
        return
    names = list(settings)
    had = _execute(
        session, "SELECT " + ", ".join(f"current_setting('{n}')" for n in names), {}
    ).one()
    _set_local(session, settings)
    yield  # on an error the transaction is aborted and rolls the settings back with it
    _set_local(session, dict(zip(names, had, strict=True)))


def _set_local(session: Session, settings: dict[str, str]) -> None:
    """set_config(..., is_local) for each setting, in one round trip."""
    calls = ", ".join(f"set_config('{n}', :v_{i}, true)" for i, n in enumerate(settings))
    _execute(session, f"SELECT {calls}", {f"v_{i}": v for i, v in enumerate(settings.values())})


def _execute(session: Session, sql: str, params: dict[str, object]) -> sa.CursorResult:
    """Run raw SQL with UUID and timestamp parameters typed for the dialect."""
    stmt = sa.text(sql)
    params = {k: v for k, v in params.items() if re.search(rf":{k}\b", sql)}
    typed: list[sa.BindParameter[Any]] = [
        sa.bindparam(k, type_=sa.Uuid()) for k, v in params.items() if isinstance(v, uuid.UUID)
    ]
    typed += [sa.bindparam(k, type_=UTCDateTime()) for k in params if k == "computed_at"]
    typed += [sa.bindparam(k, type_=sa.Boolean()) for k, v in params.items() if isinstance(v, bool)]
    typed += [sa.bindparam(k, type_=sa.String()) for k, v in params.items() if isinstance(v, str)]
    if typed:
        stmt = stmt.bindparams(*typed)
    # The stubs type execute() as Result; a textual statement returns a CursorResult.
    return session.execute(stmt, params)  # type: ignore[return-value]


def criteria_sets_of(*, session: Session, campaign_id: uuid.UUID) -> list[CriteriaSet]:
    """Return the criteria sets the campaign is scored with."""
    campaign = get_campaign_by_id(session=session, campaign_id=campaign_id)
    return campaign_sets(session=session, campaign=campaign)
