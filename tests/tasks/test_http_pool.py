"""The batch session reads the environment once only when that changes nothing requests does."""

from __future__ import annotations

import pytest

from tasks.http_pool import _session

PROXY_VARS = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


@pytest.fixture
def bare_env(monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    """No proxy variables and no .netrc file."""
    for name in PROXY_VARS:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    monkeypatch.setenv("NETRC", str(tmp_path / "absent"))
    return monkeypatch


def test_without_proxies_or_netrc_the_session_reads_the_ca_bundle_once(bare_env):
    bare_env.setenv("REQUESTS_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt")
    with _session() as session:
        assert (session.trust_env, session.verify) == (
            False,
            "/etc/ssl/certs/ca-certificates.crt",
        )


def test_a_proxy_or_a_netrc_keeps_requests_reading_the_environment(bare_env, tmp_path):
    bare_env.setenv("HTTPS_PROXY", "http://proxy.example:3128")
    with _session() as session:
        assert session.trust_env is True
    bare_env.delenv("HTTPS_PROXY")
    (tmp_path / "netrc").write_text("machine example.org login a password b\n")
    bare_env.setenv("NETRC", str(tmp_path / "netrc"))
    with _session() as session:
        assert session.trust_env is True
