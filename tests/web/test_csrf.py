"""CSRF: cookie-authenticated writes need the page's token; bearer-token requests do not."""

from __future__ import annotations

from tests.world.accounts import PASSWORD, login_as, page_token, set_password
from tests.world.web import FULL, SA

FORM = "/campaigns/test-2024/units/so-a/self-assessment"
DRAFT = {"score_1.1": "1,5", "expl_1.1": "Có"}


def test_login_without_token_is_refused(world, client, engine):
    set_password(engine, "unit_a")
    client.get("/login")
    answer = client.post("/login", data={"username": "unit_a", "password": PASSWORD})
    assert answer.status_code == 403 and "CSRF" in answer.text
    assert "cchc_session" not in client.cookies


def test_form_post_without_token_is_refused_and_with_it_accepted(world, client):
    token = login_as(client, "unit_a")
    del client.headers["X-CSRF-Token"]
    refused = client.post(FORM, data=DRAFT, follow_redirects=False)
    assert refused.status_code == 403 and "CSRF" in refused.text
    forged = client.post(FORM, data={**DRAFT, "csrf_token": "0" * 64}, follow_redirects=False)
    assert forged.status_code == 403
    accepted = client.post(FORM, data={**DRAFT, "csrf_token": token}, follow_redirects=False)
    assert accepted.status_code == 303


def test_form_page_embeds_the_hidden_field_and_meta(world, client):
    token = login_as(client, "unit_a")
    html = client.get(FORM).text
    assert f'<input type="hidden" name="csrf_token" value="{token}">' in html
    assert f'<meta name="csrf-token" content="{token}">' in html


def test_script_write_needs_the_header(world, client):
    token = login_as(client, "unit_a")
    del client.headers["X-CSRF-Token"]
    url = SA.format(unit="so-a")
    refused = client.put(url, json=FULL)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "forbidden"
    assert client.put(url, json=FULL, headers={"X-CSRF-Token": token}).status_code == 200


def test_bearer_token_requests_are_exempt(world, client):
    client.cookies.clear()
    answer = client.put(SA.format(unit="so-a"), json=FULL, headers=world.auth("unit_a"))
    assert answer.status_code == 200


def test_token_changes_at_sign_in(world, client):
    before = page_token(client)
    after = login_as(client, "viewer")
    assert before != after


def test_campaign_page_logout_form_carries_the_session_token(world, client):
    token = login_as(client, "admin")
    html = client.get("/campaigns/test-2024").text
    assert f'name="csrf_token" value="{token}"' in html
