"""Compute a campaign's index and ranking in the database, and read the results back.

compute_results never loads score rows into Python: upserting INSERT…SELECT statements do the
work (models/result_sql.py; on PostgreSQL one for the ranking and one for the heat map), so a
national campaign (12,000 units x 100 leaves) stays in the database.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from sqlmodel import Session

from cchc.clock import now
from models.audit import record_audit
from models.council_ops import ensure_not_frozen
from models.criteria import CriteriaSet
from models.result_bands import Bands, band_rules
from models.result_keys import band_sql, hundredths_sql, tie_sql, uuid_sql
from models.result_sql import result_statements
from models.scoring_lookup import campaign_sets, get_campaign_by_id, set_rules
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
    policy = campaign.policy or {}
    tie_break = tie_break or policy.get("tie_break")
    bands = band_rules(policy.get("bands")) if bands is None else bands
    sets = campaign_sets(session=session, campaign=campaign)
    with_survey = bool(campaign.has_survey) and any(s.survey_total > 0 for s in sets)
    dialect = session.get_bind().dialect.name
    common: dict[str, object] = {"campaign_id": campaign_id}
    rules = _first_rules(set_rules(sets))
    if not rules:
        for table in ("field_result", "result"):
            _execute(session, f"DELETE FROM {table} WHERE campaign_id = :campaign_id", common)
        return 0
    params = {
        **common,
        **_rule_params(rules),
        "province": campaign.province_code,
        "with_survey": with_survey,
    }
    band_case, band_params = band_sql(bands)
    parts = {
        "rules": _rule_values(rules),
        "set_ids": _set_ids(rules),
        "uuid": uuid_sql(dialect),
        "materialized": "MATERIALIZED " if dialect == "postgresql" else "",
        "band": band_case,
        "pub": hundredths_sql("index_value", dialect),
        "tie": tie_sql(tie_break, dialect),
    }
    values = {**params, **band_params, "computed_at": now()}
    sql = result_statements(dialect, with_fields, parts)
    with _planner_settings(session, dialect, PLANNER):
        for statement in sql.before:
            _execute(session, statement, values)
        done = _execute(session, sql.ranking, values)
        with _planner_settings(session, dialect, FIELD_PLANNER):
            for statement in sql.after:
                _execute(session, statement, values)
    # rowcount is -1 for WITH…INSERT on SQLite: count the rows there instead.
    count = done.rowcount
    if count < 0:
        count = _execute(
            session, "SELECT COUNT(*) FROM result WHERE campaign_id = :campaign_id", common
        ).scalar_one()
    record_audit(
        session=session,
        actor=actor,
        action="compute_results",
        entity="campaign",
        entity_id=campaign_id,
        campaign_id=campaign_id,
        field="results",
        new=count,
        reason=f"tie_break={tie_break}; survey={with_survey}",
    )
    return int(count)


# The planner overestimates the results CTEs (millions of rows where a national campaign has
# 12 k units and 84 k (unit, field) groups): that triggers ≈ 1 s of JIT compilation for a
# 0.5 s statement, and for the field rows a disk sort of 1 M scores where a hash aggregate
# fits in memory (sorts stay allowed for the ranking: its window functions need them).
PLANNER = {"jit": "off", "work_mem": "64MB"}
FIELD_PLANNER = {"enable_sort": "off"}


@contextmanager
def _planner_settings(session: Session, dialect: str, settings: dict[str, str]) -> Iterator[None]:
    """Set `settings` for the statements inside on PostgreSQL, then restore the caller's."""
    if dialect != "postgresql":
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


def _first_rules(rules: list) -> list:
    """One rule per (kind, value): the first, as criteria_set_for reads them (SQL joins them)."""
    first: dict[tuple[str, str], tuple] = {}
    for kind, value, set_id in rules:
        first.setdefault((kind, value), (kind, value, set_id))
    return list(first.values())


def _rule_values(rules: list) -> str:
    """Return the VALUES rows of the unit → criteria set rules."""
    return ", ".join(f"(:rule_kind_{i}, :rule_val_{i}, :rule_set_{i})" for i in range(len(rules)))


def _set_ids(rules: list) -> str:
    """Return the parameters naming each distinct criteria set of the rules once."""
    first: dict[object, int] = {}
    for i, (_kind, _value, set_id) in enumerate(rules):
        first.setdefault(set_id, i)
    return ", ".join(f":rule_set_{i}" for i in first.values())


def _rule_params(rules: list) -> dict[str, object]:
    """Return the parameters of the rules' VALUES rows."""
    params: dict[str, object] = {}
    for i, (kind, value, set_id) in enumerate(rules):
        params |= {f"rule_kind_{i}": kind, f"rule_val_{i}": value, f"rule_set_{i}": set_id}
    return params


def _execute(session: Session, sql: str, params: dict[str, object]) -> sa.CursorResult:
    """Run raw SQL with UUID and timestamp parameters typed for the dialect."""
    stmt = sa.text(sql)
    params = {k: v for k, v in params.items() if re.search(rf":{k}\b", sql)}
    typed = [
        sa.bindparam(k, type_=sa.Uuid()) for k, v in params.items() if isinstance(v, uuid.UUID)
    ]
    typed += [sa.bindparam(k, type_=UTCDateTime()) for k in params if k == "computed_at"]
    typed += [sa.bindparam(k, type_=sa.Boolean()) for k, v in params.items() if isinstance(v, bool)]
    typed += [sa.bindparam(k, type_=sa.String()) for k, v in params.items() if isinstance(v, str)]
    if typed:
        stmt = stmt.bindparams(*typed)
    return session.execute(stmt, params)  # type: ignore[return-value]


def criteria_sets_of(*, session: Session, campaign_id: uuid.UUID) -> list[CriteriaSet]:
    """Return the criteria sets the campaign is scored with."""
    campaign = get_campaign_by_id(session=session, campaign_id=campaign_id)
    return campaign_sets(session=session, campaign=campaign)
