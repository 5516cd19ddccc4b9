"""The heat map's cells: a unit's state and days left, a group's done share, escaped text."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from models import Campaign
from models.campaign.progress import Counts, MatrixRow
from models.catalog.units import OrgUnit
from web.fmt import Countdown
from web.pages.heat_cells import NO_CELL, HeatCells

START = datetime(2024, 10, 1, 1, tzinfo=UTC)
AT = datetime(2024, 11, 6, 3, tzinfo=UTC)  # Wed 10:00 local
DUE = datetime(2024, 11, 8, 10, 0, tzinfo=UTC)  # Fri 17:00 local


def _cells(*counts: Counts | None) -> str:
    campaign = Campaign(starts_at=START, ends_at=START + timedelta(days=90), policy={})
    ids = [uuid.uuid4() for _ in counts]
    row = MatrixRow(OrgUnit(), 0, {i: c for i, c in zip(ids, counts, strict=True) if c})
    return str(HeatCells(ids, Countdown.of(campaign, AT))(row))


def _counts(*states: str, extended: int = 0, due: datetime | None = None) -> Counts:
    counts = Counts()
    for state in states:
        counts.add(state, 1, extended, due)
    return counts


def test_a_unit_cell_says_its_days_left_and_an_extension():
    html = _cells(_counts("open", extended=1, due=DUE))
    assert (
        'class="cell s-open ext" title="Đang thực hiện · hạn 08/11/2024 17:00">còn 2</td>' in html
    )


def test_a_group_cell_shows_done_of_total_coloured_by_share():
    html = _cells(_counts("done", "overdue", due=DUE), _counts("pending", "pending"))
    title = "1/2 hoàn thành · 1 quá hạn · hạn sớm nhất 08/11/2024 17:00"
    assert f'<td class="cell sh-5" title="{title}">1/2</td>' in html
    assert '<td class="cell s-pending" title="0/2 hoàn thành · 0 quá hạn">0/2</td>' in html


def test_no_duty_is_a_dot_and_unknown_states_are_escaped():
    html = _cells(None, _counts("<b>"))
    assert html.startswith(NO_CELL)
    assert 'class="cell s-&lt;b&gt;" title="&lt;b&gt;">&lt;b&gt;</td>' in html


def test_field_cells_show_percent_of_the_maximum_or_a_dash():
    from web.pages.heat_cells import field_cells

    html = str(field_cells({"1": (7.5, 10.0), "3": (0.0, 0.0)}, ["1", "2", "3"]))
    assert html.startswith('<td class="cell sh-8" title="7,50/10,00">75</td>')
    assert html.count('<td class="cell muted">–</td>') == 2  # no points, or a zero maximum
