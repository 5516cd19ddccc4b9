"""Running the results SQL: planner settings for its statements, parameters typed per dialect."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from models.types import UTCDateTime

# A national campaign's statements cost far above jit_above_cost, so PostgreSQL would spend
# ≈ 1 s JIT-compiling a 0.5 s statement. The field pass's CTEs are overestimated (millions of
# rows for 84 k (unit, field) groups): it would sort 1 M scores on disk where a hash aggregate
# fits in memory (sorts stay allowed for the ranking: its window needs one). Nested loops are
# off: the planner probed self_assessment once per unit (12,000 index scans, ≈ 70 ms of a
# 0.5 s ranking) where one hash join over the campaign's submissions reads them once.
PLANNER = {"jit": "off", "work_mem": "64MB", "enable_nestloop": "off"}
FIELD_PLANNER = {"enable_sort": "off"}


@contextmanager
def planner_settings(
    session: Session, dialect: str, settings: dict[str, str]
) -> Iterator[dict[str, str]]:
    """Set `settings` on PostgreSQL for the statements inside (yield the caller's), restore them."""
    if dialect != "postgresql" or not settings:
        yield dict(settings)
        return
    had = switch_settings(session, settings)
    yield had  # on an error the transaction is aborted and rolls the settings back with it
    switch_settings(session, had)


def switch_settings(session: Session, settings: dict[str, str]) -> dict[str, str]:
    """set_config(..., is_local) each setting and return the values it had, in one round trip."""
    # A target list is evaluated left to right: each current_setting reads the value before
    # the set_config after it (one round trip instead of two, per call and per batch).
    names = list(settings)
    reads = [f"current_setting('{n}')" for n in names]
    calls = [f"set_config('{n}', :v_{i}, true)" for i, n in enumerate(names)]
    values = {f"v_{i}": v for i, v in enumerate(settings.values())}
    had = execute(session, "SELECT " + ", ".join(reads + calls), values).one()
    return dict(zip(names, had[: len(names)], strict=True))


def execute(session: Session, sql: str, params: Mapping[str, object]) -> sa.CursorResult:
    """Run raw SQL with UUID and timestamp parameters typed for the dialect."""
    stmt = sa.text(sql)
    used = set(re.findall(r":(\w+)", sql))
    params = {k: v for k, v in params.items() if k in used}  # only the names the SQL uses
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
