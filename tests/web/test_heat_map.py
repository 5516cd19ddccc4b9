"""The campaign page summarises and pages its heat map instead of listing every unit."""

from __future__ import annotations

from models.campaign.heat_map import PER_PAGE
from tests.web.test_pages import _login
from tests.web.test_query_budget import _add_communes


def _heat(html: str) -> str:
    """The heat map's table."""
    return html.split('id="heat-map"')[1].split("</table>")[0]


def test_group_page_shows_one_page_of_rows_and_a_pager(world, client, engine):
    _login(client, world, "admin")
    _add_communes(engine, world, 100, 120)  # 120 communes with tasks under huyen-x
    first = client.get("/campaigns/test-2024/groups/huyen-x").text
    assert _heat(first).count('scope="row"') == PER_PAGE
    assert "trang 1/3" in first and "page=2" in first
    last = client.get("/campaigns/test-2024/groups/huyen-x?page=3").text
    assert _heat(last).count('scope="row"') == 120 - 2 * PER_PAGE
    assert "trang 3/3" in last
    past = client.get("/campaigns/test-2024/groups/huyen-x?page=7").text  # shows the last page
    assert "trang 3/3" in past and _heat(past) == _heat(last)


def test_out_of_range_or_bad_page_falls_back_to_a_real_page(world, client):
    _login(client, world, "admin")
    assert "trang 1/1" in client.get("/campaigns/test-2024?page=abc").text
    assert "trang 1/1" in client.get("/campaigns/test-2024?page=999").text


def test_search_by_name_finds_units_of_the_whole_province(world, client, engine):
    _login(client, world, "admin")
    _add_communes(engine, world, 100, 3)
    html = client.get("/campaigns/test-2024", params={"q": "XA-101"}).text
    heat = _heat(html)
    assert "/units/xa-101" in heat and "/units/xa-102" not in heat and "Sở Alpha" not in heat
    assert "1 đơn vị khớp bộ lọc" in html


def test_state_filter_keeps_units_with_such_an_assignment(world, client):
    _login(client, world, "admin")
    open_units = _heat(client.get("/campaigns/test-2024?state=open").text)
    assert "Sở Alpha" in open_units
    none = client.get("/campaigns/test-2024?state=done").text
    assert "Không có đơn vị nào khớp bộ lọc" in _heat(none)


def test_group_filter_and_summary_per_rank_group(world, client):
    _login(client, world, "admin")
    html = client.get("/campaigns/test-2024").text
    summary = html.split('id="group-summary"')[1].split("</table>")[0]
    assert "Sở, ban, ngành" in summary and "?group=department" in summary
    heat = _heat(client.get("/campaigns/test-2024?group=district").text)
    assert "Sở Alpha" not in heat


def test_unknown_filter_values_are_ignored_not_errors(world, client):
    _login(client, world, "admin")
    answer = client.get("/campaigns/test-2024?group=x&state=y&stage=z")
    assert answer.status_code == 200 and "Sở Alpha" in _heat(answer.text)
    nul = client.get("/campaigns/test-2024", params={"q": "S\x00ở Alpha"})
    assert nul.status_code == 200 and "Sở Alpha" in _heat(nul.text)


def test_unchanged_page_answers_304(world, client):
    _login(client, world, "admin")
    first = client.get("/campaigns/test-2024")
    again = client.get("/campaigns/test-2024", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
