"""SSO sign-in against a real OpenID Connect provider process (discovery, token, JWKS over HTTP)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlmodel import Session, select

from cchc.settings import get_settings
from cchc.wording import accounts as say
from models import AuditEntry, WebSession
from tests.world.oidc import oidc_env, oidc_provider, sign_in_at_provider

pytestmark = pytest.mark.slow
USERS = {"kc-unit-a": "unit_a", "kc-stranger": "nobody-here"}


@pytest.fixture
def engine(sqlite_only):
    """SSO is HTTP between processes: one backend is enough (sessions run on both elsewhere)."""
    return sqlite_only


@pytest.fixture(scope="module")
def issuer() -> Iterator[str]:
    """One provider process for the module."""
    with oidc_provider(USERS) as url:
        yield url


@pytest.fixture
def sso(issuer, monkeypatch) -> str:
    """Turn SSO on for the test's app."""
    for key, value in oidc_env(issuer).items():
        monkeypatch.setenv(key, value)
    get_settings.cache_clear()
    return issuer


def _go_out(client) -> str:
    """Press the SSO button; return the provider's authorization URL."""
    answer = client.get("/login/sso", follow_redirects=False)
    assert answer.status_code == 303 and "cchc_sso" in answer.headers["set-cookie"]
    return answer.headers["location"]


def test_sso_button_shows_only_when_configured(world, client, issuer, monkeypatch):
    assert say.SSO_BUTTON not in client.get("/login").text
    for key, value in oidc_env(issuer).items():
        monkeypatch.setenv(key, value)
    get_settings.cache_clear()
    assert say.SSO_BUTTON in client.get("/login").text


def test_sso_signs_an_existing_user_in_with_pkce(world, client, sso, engine):
    url = _go_out(client)
    asked = parse_qs(urlsplit(url).query)
    assert url.startswith(sso) and asked["code_challenge_method"] == ["S256"]
    assert asked["nonce"] and asked["state"] and "openid" in asked["scope"][0]
    back = sign_in_at_provider(url, "kc-unit-a")
    answer = client.get(back, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/campaigns"
    assert client.get("/api/me").json()["name"] == "unit_a"
    with Session(engine) as s:
        assert len(s.exec(select(WebSession)).all()) == 1  # the same server-side session
        login = s.exec(select(AuditEntry).where(AuditEntry.action == "login")).one()
    assert (login.actor, login.new_value) == ("unit_a", "oidc")
    assert client.get(back, follow_redirects=False).status_code == 403  # answers are single-use


def test_sso_refuses_a_user_unknown_to_cchc(world, client, sso, engine):
    back = sign_in_at_provider(_go_out(client), "kc-stranger")
    answer = client.get(back, follow_redirects=False)
    assert answer.status_code == 403 and "«nobody-here» chưa được cấp quyền" in answer.text
    assert "cchc_session" not in client.cookies
    with Session(engine) as s:
        refused = s.exec(select(AuditEntry).where(AuditEntry.action == "login_refused")).one()
        assert s.exec(select(WebSession)).all() == []
    assert (refused.actor, refused.new_value) == ("nobody-here", "oidc")


def test_sso_refuses_a_tampered_state(world, client, sso, engine):
    back = sign_in_at_provider(_go_out(client), "kc-unit-a")
    state = parse_qs(urlsplit(back).query)["state"][0]
    tampered = back.replace(f"state={state}", f"state={state[::-1]}")
    assert tampered != back
    answer = client.get(tampered, follow_redirects=False)
    assert answer.status_code == 403 and say.SSO_BAD_STATE in answer.text
    assert "cchc_session" not in client.cookies
    with Session(engine) as s:
        assert s.exec(select(WebSession)).all() == []


def test_sso_refuses_an_id_token_for_another_nonce(world, client, sso):
    back = sign_in_at_provider(_go_out(client), "kc-unit-a")
    state, _nonce, verifier = client.cookies.get("cchc_sso", path="/login/sso").split(".")
    client.cookies.delete("cchc_sso", path="/login/sso")
    client.cookies.set("cchc_sso", f"{state}.another-nonce.{verifier}", path="/login/sso")
    answer = client.get(back, follow_redirects=False)
    assert answer.status_code == 403 and say.SSO_PROVIDER_FAILED in answer.text
    assert "cchc_session" not in client.cookies
