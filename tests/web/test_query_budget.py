"""The campaign page costs a fixed number of queries, whatever the number of units."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import timedelta

from sqlalchemy import event
from sqlmodel import Session, select

from cchc.clock import now
from models import OrgUnit
from tests.web.test_pages import _login
from tests.world.campaigns import make_stage
from tests.world.catalog import make_unit


@contextmanager
def counting(engine):
    """Count the SQL statements run on `engine`."""
    seen: list[str] = []

    def count(conn, cursor, statement, *args) -> None:  # noqa: ANN001 - SQLAlchemy's signature
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", count)


def _add_communes(engine, world, first: int, n: int) -> None:
    """Add n communes under the district, each with an assignment in a new stage."""
    with Session(engine) as s:
        district = s.exec(select(OrgUnit).where(OrgUnit.code == "huyen-x")).one()
        units = [
            make_unit(s, f"xa-{i}", kind="commune", parent=district)
            for i in range(first, first + n)
        ]
        start = now()
        make_stage(
            s,
            world.campaign,
            f"bao-cao-{first}",
            "generic",
            position=first,
            units=units,
            opens=start - timedelta(days=1),
            due=start + timedelta(days=5),
        )
        s.commit()


def _page_queries(client, engine, path: str) -> int:
    """Load a page and return how many statements it ran (nothing is cached)."""
    with counting(engine) as seen:
        assert client.get(path).status_code == 200
    return len(seen)


def test_campaign_page_query_count_does_not_grow_with_units(world, client, engine):
    _login(client, world, "admin")
    _add_communes(engine, world, 100, 5)
    small = _page_queries(client, engine, "/campaigns/test-2024")
    small_group = _page_queries(client, engine, "/campaigns/test-2024/groups/huyen-x")
    _add_communes(engine, world, 200, 120)
    assert _page_queries(client, engine, "/campaigns/test-2024") == small
    assert _page_queries(client, engine, "/campaigns/test-2024/groups/huyen-x") == small_group
    assert small <= 20
