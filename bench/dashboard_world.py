"""Bench 5's data: one campaign of many units and a small one, moved to today, ticked once."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from bench.plan_shape import AT

SMALL_UNITS = 60


def build(engine: Engine, units: int) -> tuple[str, str, str]:
    """Generate the campaigns, move them to today, tick them once, add an admin.

    Returns (big campaign code, small campaign code, admin token).
    """
    from bench.b1_tick import campaigns
    from bench.generate import generate
    from bench.shapes import Scale
    from bench.timeshift import shift, weeks_to_now
    from flows.tick_sequence import InProcessSteps, decide
    from models.accounts.ops import create_user
    from models.tick.context import load_context

    generate(
        engine,
        scale=Scale("dashboard", 1, units_per_province=units),
        with_scores=False,
        extra=(Scale("dashboard-small", 1, units_per_province=SMALL_UNITS),),
    )
    delta = weeks_to_now()
    shift(engine, delta)
    rows = campaigns(engine)
    for cid, *_ in rows:
        with Session(engine) as session:
            ctx = load_context(session=session, campaign_id=cid, at=AT + delta)
            decide(InProcessSteps(session), ctx)
            session.commit()
    with Session(engine) as session:
        _, token = create_user(session=session, name="bench-admin", role="admin", actor="bench")
        session.commit()
    return rows[-1][1], rows[0][1], token


def query_counts(engine: Engine, codes: list[str], token: str) -> list[int]:
    """SQL statements one uncached campaign page costs, per campaign (in-process app)."""
    import warnings

    with warnings.catch_warnings():  # starlette nudges towards httpx2; the client works as is
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from web.app import create_app

    seen = [0]

    def count(*_: object) -> None:
        seen[0] += 1

    sa.event.listen(engine, "before_cursor_execute", count)
    out = []
    with TestClient(create_app(engine)) as client:
        for code in codes:
            seen[0] = 0
            client.get(f"/campaigns/{code}", headers={"Authorization": f"Bearer {token}"})
            out.append(seen[0])
    sa.event.remove(engine, "before_cursor_execute", count)
    return out
