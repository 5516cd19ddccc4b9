"""Hostile requests (issue #14): body limits before reading and auth, security headers, docs."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Engine

from cchc.settings import get_settings
from tests.world.accounts import PASSWORD, page_token, set_password
from tests.world.web import SA, World, build_world
from web.app import create_app
from web.security import CSP

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

MB = 1024 * 1024


@pytest.fixture
def lite(sqlite_only: Engine) -> Iterator[TestClient]:
    """A client on the real app over SQLite (headers and limits do not depend on the backend)."""
    with TestClient(create_app(sqlite_only)) as c:
        yield c


@pytest.fixture
def lite_world(sqlite_only: Engine) -> World:
    """The small province on SQLite."""
    return build_world(sqlite_only)


def _chunks(total: int, size: int = 64 * 1024) -> Iterator[bytes]:
    """Stream `total` bytes without a Content-Length (chunked transfer)."""
    sent = 0
    while sent < total:
        yield b" " * min(size, total - sent)
        sent += size


def test_oversized_json_body_refused_413_before_auth(lite: TestClient) -> None:
    answer = lite.put(SA.format(unit="so-a"), content=b"{" + b" " * (2 * MB))
    assert answer.status_code == 413  # anonymous: refused on size, not 401 after reading
    error = answer.json()["error"]
    assert error["code"] == "too_large" and error["message"] == (
        "Nội dung yêu cầu lớn hơn giới hạn 1 MB"
    )


def test_streamed_body_without_length_refused_413(lite: TestClient) -> None:
    answer = lite.post(
        "/api/campaigns", content=_chunks(3 * MB), headers={"content-type": "application/json"}
    )
    assert answer.status_code == 413
    assert "giới hạn 1 MB" in answer.json()["error"]["message"]


def test_json_limit_is_a_setting(lite: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CCHC_LIMITS__JSON_BODY_BYTES", str(4096))
    get_settings.cache_clear()
    answer = lite.post("/api/campaigns", content=b"x" * 5000)
    assert answer.status_code == 413 and "4 KB" in answer.json()["error"]["message"]


def test_upload_route_takes_evidence_limit_not_json_limit(
    lite: TestClient, lite_world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = "/api/campaigns/test-2024/units/so-a/evidence"
    auth = lite_world.auth("unit_a")
    two_mb = lite.post(url, files={"file": ("a.pdf", b"%PDF" + b"0" * 2 * MB)}, headers=auth)
    assert two_mb.status_code == 201, two_mb.text  # past the JSON limit, within the evidence one
    monkeypatch.setenv("CCHC_EVIDENCE__MAX_BYTES", str(MB))
    get_settings.cache_clear()
    big = lite.post(url, files={"file": ("b.pdf", b"%PDF" + b"0" * 2 * MB)}, headers=auth)
    assert big.status_code == 413


def test_small_body_passes_through(lite: TestClient, lite_world: World) -> None:
    answer = lite.get("/api/me", headers=lite_world.auth("admin"))
    assert answer.status_code == 200


@pytest.mark.parametrize("path", ["/login", "/api/me", "/static/app.css", "/nowhere"])
def test_security_headers_on_every_answer(lite: TestClient, path: str) -> None:
    headers = lite.get(path).headers
    assert headers["content-security-policy"] == CSP
    assert "frame-ancestors 'none'" in CSP and "script-src 'self';" in CSP
    assert "unsafe-inline" not in CSP.split("script-src")[1].split(";")[0]
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert "strict-transport-security" not in headers  # plain HTTP: no HSTS


def test_headers_on_413_too(lite: TestClient) -> None:
    answer = lite.post("/api/campaigns", content=b"x" * (2 * MB))
    assert answer.headers["x-frame-options"] == "DENY"


def _login_cookie(client: TestClient, world: World, **headers: str) -> str:
    """Sign in through the form and return the Set-Cookie header of the answer."""
    set_password(client.app.state.engine, "admin")
    client.cookies.clear()
    form = {"username": "admin", "password": PASSWORD, "csrf_token": page_token(client)}
    answer = client.post("/login", data=form, headers=headers, follow_redirects=False)
    assert answer.status_code in (302, 303), answer.text
    return answer.headers["set-cookie"]


def test_cookie_not_secure_over_plain_http(lite: TestClient, lite_world: World) -> None:
    assert "secure" not in _login_cookie(lite, lite_world).lower()


def test_cookie_secure_behind_trusted_https_proxy(
    lite: TestClient, lite_world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    spoofed = _login_cookie(lite, lite_world, **{"x-forwarded-proto": "https"})
    assert "secure" not in spoofed.lower()  # the proxy header counts only when trusted
    monkeypatch.setenv("CCHC_WEB_SECURITY__TRUST_PROXY_HTTPS", "true")
    get_settings.cache_clear()
    cookie = _login_cookie(lite, lite_world, **{"x-forwarded-proto": "https"})
    assert cookie.endswith("; Secure") and "httponly" in cookie.lower()


def test_cookie_secure_when_served_over_https(sqlite_only: Engine) -> None:
    build_world(sqlite_only)
    with TestClient(create_app(sqlite_only), base_url="https://testserver") as client:
        set_password(sqlite_only, "admin")
        form = {"username": "admin", "password": PASSWORD, "csrf_token": page_token(client)}
        answer = client.post("/login", data=form, follow_redirects=False)
        assert "; Secure" in answer.headers["set-cookie"]
        assert answer.headers["strict-transport-security"] == "max-age=31536000"


def test_docs_served_from_local_assets_without_redoc(lite: TestClient) -> None:
    page = lite.get("/docs")
    assert page.status_code == 200
    assert "cdn" not in page.text.lower() and "<script>" not in page.text
    assert '<script src="/docs-assets/swagger-ui-bundle.js">' in page.text
    assert lite.get("/docs-assets/swagger-ui-bundle.js").status_code == 200
    assert lite.get("/static/swagger-init.js").status_code == 200
    assert lite.get("/redoc").status_code == 404
    assert lite.get("/docs/openapi.json").json()["openapi"] == "3.0.3"  # what Swagger UI 4 reads
    assert lite.get("/openapi.json").json()["openapi"].startswith("3.1")


@pytest.mark.parametrize(
    "env", [{"CCHC_WEB_SECURITY__DOCS_ENABLED": "false"}, {"CCHC_ENV": "production"}]
)
def test_docs_off_by_setting_or_in_production(
    sqlite_only: Engine, monkeypatch: pytest.MonkeyPatch, env: dict[str, str]
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    with TestClient(create_app(sqlite_only)) as client:
        assert client.get("/docs").status_code == 404
        assert client.get("/openapi.json").status_code == 404
