"""Heat-map counts over each row's subtree agree with a plain count, on both backends.

PostgreSQL reads them through LATERAL index walks and SQLite through joins
(`models/campaign/progress.py`), so both are checked against the same hand count: nested levels,
states, extensions, the earliest open due time, and another campaign's assignments left out.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import UTC, datetime, timedelta

from sqlmodel import Session, col, select

from models import Assignment, OrgUnit
from models.campaign.heat_map import HeatFilter, heat_page
from models.campaign.progress import OPEN_STATES, subtree_counts
from tests.world.campaigns import make_campaign, make_stage
from tests.world.catalog import make_unit

STATES = ["pending", "open", "overdue", "done", "late", "refused"]
START = datetime(2024, 10, 1, 1, 0, tzinfo=UTC)


def _tree(session: Session) -> tuple[OrgUnit, list[OrgUnit]]:
    """A province root, two departments, three districts of three communes, one hamlet each."""
    root = make_unit(session, "tinh", kind="province")
    units = [make_unit(session, f"so-{i}", parent=root) for i in range(2)]
    for d in range(3):
        district = make_unit(session, f"huyen-{d}", kind="district", parent=root)
        units.append(district)
        for c in range(3):
            commune = make_unit(session, f"xa-{d}-{c}", kind="commune", parent=district)
            units += [commune, make_unit(session, f"thon-{d}-{c}", kind="other", parent=commune)]
    return root, units


def _scatter(session: Session, rng: random.Random, campaign_id: object) -> None:
    """Give the campaign's assignments random states, extensions and due times."""
    rows = session.exec(select(Assignment).where(col(Assignment.campaign_id) == campaign_id)).all()
    for row in rows:
        row.state = rng.choice(STATES)
        row.extended = rng.random() < 0.3
        row.due_at = START + timedelta(days=rng.randint(1, 40))
        session.add(row)
    session.flush()


def _by_hand(session: Session, campaign_id: object, top: OrgUnit) -> dict:
    """Count the campaign's assignments under `top` (itself included) per stage, in Python."""
    children = defaultdict(list)
    for unit in session.exec(select(OrgUnit)).all():
        children[unit.parent_id].append(unit.id)
    subtree, todo = set(), [top.id]
    while todo:
        subtree.add(todo[-1])
        todo += children[todo.pop()]
    found: dict = defaultdict(lambda: ({}, 0, None))
    query = select(Assignment).where(col(Assignment.campaign_id) == campaign_id)
    for row in session.exec(query).all():
        if row.unit_id not in subtree:
            continue
        states, extended, due = found[row.stage_id]
        states[row.state] = states.get(row.state, 0) + 1
        at = row.due_at.replace(tzinfo=UTC) if row.due_at.tzinfo is None else row.due_at
        if row.state in OPEN_STATES:
            due = at if due is None else min(due, at)
        found[row.stage_id] = (states, extended + int(row.extended), due)
    return dict(found)


def test_subtree_counts_match_a_hand_count(session):
    rng = random.Random(7)
    root, units = _tree(session)
    mine, other = make_campaign(session, "a-2024"), make_campaign(session, "b-2024")
    for n, campaign in enumerate((mine, other)):
        for position in range(2):
            make_stage(
                session,
                campaign,
                f"giai-doan-{position}",
                "generic",
                opens=START,
                due=START + timedelta(days=10),
                units=rng.sample(units, 14 + n),
                position=position,
            )
        _scatter(session, rng, campaign.id)
    tops = [u for u in units if u.parent_id == root.id]
    counted = subtree_counts(session=session, campaign_id=mine.id, top_ids=[u.id for u in tops])
    for top in tops:
        got = {
            stage_id: (c.by_state, c.extended, c.next_due)
            for stage_id, c in counted.get(top.id, {}).items()
        }
        assert got == _by_hand(session, mine.id, top), top.code
    assert sum(len(v) for v in counted.values()) > 4  # not a trivially empty case


def test_level_rows_keep_units_with_work_below_or_their_own(session):
    root, units = _tree(session)
    campaign = make_campaign(session, "a-2024")
    hamlet = next(u for u in units if u.code == "thon-1-2")
    make_stage(
        session,
        campaign,
        "bao-cao",
        "generic",
        opens=START,
        due=START + timedelta(days=10),
        units=[units[0], hamlet],
    )
    page = heat_page(session=session, campaign=campaign, parent_id=None, wanted=HeatFilter())
    shown = {row.unit.code: row for row in page.rows}
    # a unit is listed for its own assignment (so-0) or for having units below (the districts);
    # a department with neither (so-1) is not
    assert set(shown) == {"so-0", "huyen-0", "huyen-1", "huyen-2"}
    assert sum(c.total for c in shown["so-0"].cells.values()) == 1
    assert sum(c.total for c in shown["huyen-1"].cells.values()) == 1  # three levels down
    assert not shown["huyen-0"].cells
    assert page.total == 4
