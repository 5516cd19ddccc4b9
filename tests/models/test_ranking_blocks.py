"""The campaign page's ranking: one page per block, numbered in SQL, same order as a full sort."""

from __future__ import annotations

import random

from models import Result
from models.results.views import ranking_blocks
from tests.world.campaigns import make_campaign
from tests.world.catalog import make_unit

PER = 20


def _ranked(session) -> tuple[object, list[tuple[int | None, str]]]:
    """45 communes (ties, and three unranked) and 3 departments with results."""
    rng = random.Random(3)
    campaign = make_campaign(session)
    expected = []
    for i in range(45):
        unit = make_unit(session, f"xa-{i:02d}", kind="commune")
        rank = None if i in (7, 30, 41) else rng.randint(1, 30)  # repeated ranks are ties
        session.add(
            Result(campaign_id=campaign.id, unit_id=unit.id, rank_group="commune",
                   max_points=100, index_value=50, rank=rank)
        )  # fmt: skip
        expected.append((rank, unit.code))
    for i in range(3):
        unit = make_unit(session, f"so-{i}")
        session.add(
            Result(campaign_id=campaign.id, unit_id=unit.id, rank_group="department",
                   max_points=100, index_value=80, rank=i + 1)
        )  # fmt: skip
    session.flush()
    return campaign, sorted(expected, key=lambda r: (r[0] is None, r[0] or 0, r[1]))


def _codes(block) -> list[str]:
    return [unit.code for _, unit in block.rows]


def test_each_block_shows_one_page_in_rank_then_code_order(session):
    campaign, expected = _ranked(session)
    for page, wanted in ((1, expected[:20]), (2, expected[20:40]), (3, expected[40:])):
        blocks = {
            b.block: b
            for b in ranking_blocks(
                session=session, campaign_id=campaign.id, per_page=PER, block="commune", page=page
            )
        }
        communes = blocks["commune"]
        assert _codes(communes) == [code for _, code in wanted]
        assert (communes.total, communes.page, communes.pages) == (45, page, 3)
        # the other block stays on its first (and only) page
        assert _codes(blocks["department"]) == ["so-0", "so-1", "so-2"]
        assert (blocks["department"].page, blocks["department"].pages) == (1, 1)


def test_a_page_past_the_end_shows_the_last_and_an_unknown_block_the_first(session):
    campaign, expected = _ranked(session)
    past = ranking_blocks(
        session=session, campaign_id=campaign.id, per_page=PER, block="commune", page=99
    )
    communes = next(b for b in past if b.block == "commune")
    assert communes.page == 3 and _codes(communes) == [code for _, code in expected[40:]]
    other = ranking_blocks(
        session=session, campaign_id=campaign.id, per_page=PER, block=None, page=5
    )
    assert [(b.block, b.page) for b in other] == [("commune", 1), ("department", 1)]
