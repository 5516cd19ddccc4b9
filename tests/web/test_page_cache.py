"""The rendered campaign page: cached per user, stated moment, ETag 304, token lookups, workers."""

from __future__ import annotations

import os
import uuid

import pytest
from sqlmodel import Session, select

from models.accounts.tables import User
from tests.web.test_query_budget import counting
from tests.world.web import submit_full
from web.pages import cache

PAGE = "/campaigns/test-2024"


def test_cached_page_is_never_served_to_another_user(world, client):
    cache.invalidate()
    admin = client.get(PAGE, headers=world.auth("admin")).text
    appraiser = client.get(PAGE, headers=world.auth("appraiser")).text
    unit_b = client.get(PAGE, headers=world.auth("unit_b")).text
    assert 'id="heat-map"' in admin and 'id="worklist"' not in admin
    assert 'id="worklist"' in appraiser and 'id="heat-map"' not in appraiser
    assert ">appraiser ·" in appraiser.replace("\n", "").replace("    ", "")
    assert "unit_b" in unit_b and "unit_a" not in unit_b and 'id="heat-map"' not in unit_b
    assert client.get(PAGE, headers=world.auth("admin")).text.count("admin") == admin.count("admin")


def test_page_states_when_its_data_were_read(world, client):
    html = client.get(PAGE, headers=world.auth("viewer")).text
    stamp = html.split("số liệu cập nhật lúc ")[1][:8]
    assert stamp[2] == ":" and stamp[5] == ":" and stamp.replace(":", "").isdigit()


def test_unchanged_page_answers_304_even_after_a_rebuild(world, client):
    cache.invalidate()
    first = client.get(PAGE, headers=world.auth("admin"))
    etag = first.headers["etag"]
    assert first.headers["cache-control"] == "private, no-cache"
    again = client.get(PAGE, headers={**world.auth("admin"), "If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    cache.invalidate()  # rebuilt: a new moment on the page, the same data
    rebuilt = client.get(PAGE, headers={**world.auth("admin"), "If-None-Match": etag})
    assert rebuilt.status_code == 304


def test_a_write_changes_the_etag_and_the_page(world, client):
    cache.invalidate()
    etag = client.get(PAGE, headers=world.auth("admin")).headers["etag"]
    submit_full(client, world, "unit_a")  # a write through this app drops the cache
    after = client.get(PAGE, headers={**world.auth("admin"), "If-None-Match": etag})
    assert after.status_code == 200 and after.headers["etag"] != etag
    assert "1/4</b> hoàn thành" in after.text


def test_a_cached_page_costs_only_the_token_lookup(world, client, engine):
    cache.invalidate()
    client.get(PAGE, headers=world.auth("council"))
    with counting(engine) as seen:
        assert client.get(PAGE, headers=world.auth("council")).status_code == 200
    assert 1 <= len(seen) <= 2  # the token and its user, looked up on every request (#16)
    assert all("api_token" in q or "app_user" in q for q in seen)


def test_token_of_a_user_locked_elsewhere_stops_at_once(world, client, engine):
    assert client.get(PAGE, headers=world.auth("viewer")).status_code == 200
    with Session(engine) as s:  # another process (the CLI): no cache of this server is told
        user = s.exec(select(User).where(User.name == "viewer")).one()
        user.active = False
        s.commit()
    answer = client.get(PAGE, headers=world.auth("viewer"), follow_redirects=False)
    assert answer.status_code == 303  # back to the login page


def test_another_workers_write_drops_this_workers_entries(tmp_path, monkeypatch):
    from cchc.settings import get_settings

    monkeypatch.setenv("CCHC_WEB_CACHE_SIGNAL", str(tmp_path / "writes"))
    get_settings.cache_clear()
    key = ("k", uuid.uuid4())
    cache.cached(key, lambda: "old")
    assert cache.peek(key) == "old"
    other = tmp_path / "other"  # another worker's invalidate(): a new file replaces the old
    other.write_text("1\n")
    os.replace(other, tmp_path / "writes")
    assert cache.peek(key) is None
    cache.cached(key, lambda: "new")
    cache.invalidate()  # ours: touches the file for the others, and drops our own entries
    assert (tmp_path / "writes").exists() and cache.peek(key) is None


def test_page_renders_in_a_helper_process_and_refusals_pass_through(world, engine, monkeypatch):
    from cchc.errors import NotFound
    from cchc.settings import get_settings
    from web.pages import render_process

    monkeypatch.setenv("CCHC_DATABASE_URL", engine.url.render_as_string(hide_password=False))
    monkeypatch.setenv("CCHC_WEB_RENDER_PROCESS", "true")
    get_settings.cache_clear()
    with Session(engine, expire_on_commit=False) as s:
        admin = s.exec(select(User).where(User.name == "admin")).one()
        s.expunge(admin)
    try:
        page = render_process.render_campaign(engine, admin, "test-2024", None)
        assert b'id="heat-map"' in page.html and page.gzipped[:2] == b"\x1f\x8b"
        with pytest.raises(NotFound):
            render_process.render_campaign(engine, admin, "khong-co", None)
    finally:
        render_process.shutdown()
