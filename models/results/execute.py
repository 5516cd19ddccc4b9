"""Running the results SQL: planner settings for its statements, parameters typed per dialect."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from models.types import UTCDateTime

# A national campaign's statements cost far above jit_above_cost, so PostgreSQL would spend
# ≈ 1 s JIT-compiling a 0.5 s statement. The field pass's CTEs are overestimated (millions of
# rows for 84 k (unit, field) groups): it would sort 1 M scores on disk where a hash aggregate
# fits in memory (sorts stay allowed for the ranking: its window needs one).
PLANNER = {"jit": "off", "work_mem": "64MB"}
FIELD_PLANNER = {"enable_sort": "off"}


@contextmanager
def planner_settings(session: Session, dialect: str, settings: dict[str, str]) -> Iterator[None]:
    """Set `settings` for the statements inside on PostgreSQL, then restore the caller's."""
    if dialect != "postgresql" or not settings:
        yield
        return
    names = list(settings)
    had = execute(
        session, "SELECT " + ", ".join(f"current_setting('{n}')" for n in names), {}
    ).one()
    _set_local(session, settings)
    yield  # on an error the transaction is aborted and rolls the settings back with it
    _set_local(session, dict(zip(names, had, strict=True)))


def _set_local(session: Session, settings: dict[str, str]) -> None:
    """set_config(..., is_local) for each setting, in one round trip."""
    calls = ", ".join(f"set_config('{n}', :v_{i}, true)" for i, n in enumerate(settings))
    execute(session, f"SELECT {calls}", {f"v_{i}": v for i, v in enumerate(settings.values())})


def execute(session: Session, sql: str, params: dict[str, object]) -> sa.CursorResult:
    """Run raw SQL with UUID and timestamp parameters typed for the dialect."""
    stmt = sa.text(sql)
    used = set(re.findall(r":(\w+)", sql))
    params = {k: v for k, v in params.items() if k in used}
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
