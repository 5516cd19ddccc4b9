"""The dashboard: login by token, the campaign page, drill-down, the form, escaping, publication."""

from __future__ import annotations

from sqlmodel import Session, select

from models import Assignment
from tests.world.accounts import login_as, page_token
from tests.world.web import EVIL, submit_full


def _login(client, world, who: str) -> None:
    """Sign in through the login form (the session cookie is kept by the client)."""
    login_as(client, who)
    assert "cchc_session" in client.cookies


def test_pages_redirect_to_login_without_token(world, client):
    answer = client.get("/campaigns/test-2024", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/login"


def test_wrong_password_stays_on_login_page(world, client):
    form = {"username": "admin", "password": "sai", "csrf_token": page_token(client)}
    answer = client.post("/login", data=form)
    assert answer.status_code == 401 and "mật khẩu không đúng" in answer.text


def test_campaign_page_shows_timeline_progress_and_heat_map(world, client):
    _login(client, world, "admin")
    page = client.get("/campaigns/test-2024")
    assert page.status_code == 200
    html = page.text
    assert "<svg" in html and "Hôm nay" in html
    assert 'id="stage-progress"' in html and "0/4</b> hoàn thành" in html
    heat = html.split('id="heat-map"')[1].split("</table>")[0]
    assert "Sở Alpha" in heat and "còn 1" in heat  # one cell per unit, with working days left
    assert "còn " in html and 'id="notification-log"' in html
    assert "data-refresh" in html


def test_unit_name_with_script_tag_is_shown_as_text(world, client):
    _login(client, world, "admin")
    html = client.get("/campaigns/test-2024").text
    assert EVIL not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    unit_page = client.get("/campaigns/test-2024/units/so-b").text
    assert EVIL not in unit_page and "&lt;script&gt;" in unit_page


def test_unit_submits_through_form_and_progress_changes(world, client, engine):
    _login(client, world, "unit_a")
    form = client.get("/campaigns/test-2024/units/so-a/self-assessment")
    assert form.status_code == 200 and 'name="score_1.1"' in form.text
    data = {
        "lock_version": "0",
        "action": "submit",
        "score_1.1": "1,75",
        "expl_1.1": "Có kế hoạch",
        "score_1.2.1": "1",
        "expl_1.2.1": "Đủ",
        "score_1.2.2": "0,5",
        "expl_1.2.2": "Chậm",
    }
    answer = client.post(
        "/campaigns/test-2024/units/so-a/self-assessment", data=data, follow_redirects=False
    )
    assert answer.status_code == 303, answer.text
    with Session(engine) as s:
        row = s.exec(select(Assignment).where(Assignment.unit_id == world.units["so-a"].id)).one()
        assert row.state == "done"
    client.cookies.clear()
    _login(client, world, "admin")
    assert "1/4</b> hoàn thành" in client.get("/campaigns/test-2024").text


def test_form_refusal_lists_problems_and_keeps_input(world, client):
    _login(client, world, "unit_a")
    data = {"lock_version": "0", "action": "save", "score_1.1": "9", "expl_1.1": "quá điểm"}
    answer = client.post("/campaigns/test-2024/units/so-a/self-assessment", data=data)
    assert answer.status_code == 422
    assert "1.1: điểm 9 ngoài khoảng" in answer.text and 'value="9"' in answer.text


def test_unit_cannot_open_another_units_pages(world, client):
    _login(client, world, "unit_a")
    assert client.get("/campaigns/test-2024/units/so-b").status_code == 403
    assert client.get("/campaigns/test-2024/units/so-b/self-assessment").status_code == 403
    assert client.get("/campaigns/test-2024/groups/huyen-x").status_code == 403


def test_unit_page_shows_own_scores_viewer_does_not(world, client):
    submit_full(client, world)
    _login(client, world, "unit_a")
    mine = client.get("/campaigns/test-2024/units/so-a").text
    assert 'id="scores"' in mine and "1,75" in mine
    client.cookies.clear()
    _login(client, world, "viewer")
    theirs = client.get("/campaigns/test-2024/units/so-a").text
    assert 'id="scores"' not in theirs and "sau khi công bố" in theirs


def test_public_page_only_after_publication(world, client):
    assert client.get("/public/test-2024").status_code == 404


def test_appraiser_page_lists_its_worklist_not_the_heat_map(world, client):
    _login(client, world, "appraiser")
    html = client.get("/campaigns/test-2024").text
    assert 'id="worklist"' in html and "Sở Alpha" in html
    assert 'id="heat-map"' not in html and 'id="notification-log"' not in html


def test_published_campaign_shows_ranking_and_field_heat_map(world, client, engine):
    from tests.web.test_admin_council_api import BASE, _publish

    _publish(client, world, engine)
    assert client.post(BASE + "/publication", headers=world.auth("admin")).status_code == 201
    _login(client, world, "viewer")
    html = client.get("/campaigns/test-2024").text
    assert 'class="card ranking"' in html and 'id="field-heat"' in html
    assert "Sở, ban, ngành" in html and "data-refresh" not in html
    public = client.get("/public/test-2024")
    assert public.status_code == 200 and "Sở Alpha" in public.text and EVIL not in public.text


def test_ranking_pages_each_block_at_twenty_units(world, client, engine):
    from sqlmodel import Session

    from models import Result
    from tests.world.catalog import make_unit

    with Session(engine) as s:
        for i in range(25):
            unit = make_unit(s, f"xa-r{i:02d}", kind="commune", name=f"Xã R{i:02d}")
            s.add(Result(campaign_id=world.campaign.id, unit_id=unit.id, rank_group="commune",
                         max_points=100, index_value=90 - i, rank=i + 1))  # fmt: skip
        s.commit()
    _login(client, world, "admin")
    first = client.get("/campaigns/test-2024").text
    block = first.split('id="rank-commune"')[1].split("</nav>")[0]
    assert "Xã R19" in block and "Xã R20" not in block and "trang 1/2" in block
    assert "rank=commune&amp;rank_page=2#rank-commune" in block
    second = client.get("/campaigns/test-2024?rank=commune&rank_page=2").text
    rows = second.split('id="rank-commune"')[1].split("</nav>")[0]
    assert "Xã R20" in rows and "Xã R24" in rows and "Xã R19" not in rows
    assert client.get("/campaigns/test-2024?rank=xyz&rank_page=abc").status_code == 200
