"""The council screen: sessions recorded from the form, validity shown; others refused."""

from __future__ import annotations

from tests.world.accounts import login_as

COUNCIL = "/campaigns/test-2024/council"


def _login(client, world, who: str) -> None:
    login_as(client, who)


def test_council_records_a_session_and_sees_whether_it_is_valid(world, client):
    _login(client, world, "council")
    assert "Chưa có phiên họp nào." in client.get(COUNCIL).text
    form = {"held_on": "2024-12-20", "members_total": "5", "present": "A, B",
            "in_writing": "C", "votes_for": "3", "decision": "Thống nhất điểm"}  # fmt: skip
    answer = client.post(COUNCIL + "/sessions", data=form, follow_redirects=False)
    assert answer.status_code == 303
    half = {**form, "members_total": "6", "in_writing": "", "votes_for": "2"}
    second = client.post(COUNCIL + "/sessions", data=half, follow_redirects=False)
    assert second.status_code == 303, second.text[-600:]
    page = client.get(COUNCIL).text
    assert "20/12/2024" in page and "Hợp lệ (trên 50% tham gia)" in page
    assert "Không hợp lệ (chưa quá nửa)" in page


def test_council_screen_refuses_units_and_appraisers(world, client):
    for who in ("unit_a", "appraiser"):
        _login(client, world, who)
        assert client.get(COUNCIL).status_code == 403, who
        form = {"held_on": "2024-12-20", "members_total": "5"}
        assert client.post(COUNCIL + "/sessions", data=form).status_code == 403, who


def test_unit_page_links_to_the_appraisal_screen(world, client):
    _login(client, world, "unit_a")
    page = client.get("/campaigns/test-2024/units/so-a").text
    assert 'href="/campaigns/test-2024/units/so-a/appraisal"' in page
