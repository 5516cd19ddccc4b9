"""A real OpenID Connect provider for tests: oidc-provider-mock in its own process."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from tests.world.s3 import free_port

CLIENT_ID = "cchc-flow"
CLIENT_SECRET = "bi-mat-cua-ung-dung"


def _wait(issuer: str, proc: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    """Wait until the provider answers its discovery document."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if httpx.get(f"{issuer}/.well-known/openid-configuration").status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError(f"oidc-provider-mock did not answer on {issuer}")


@contextmanager
def oidc_provider(users: dict[str, str]) -> Iterator[str]:
    """Run the provider with users {sub: preferred_username} on a free port; yield its issuer."""
    port = free_port()
    claims = [json.dumps({"sub": sub, "preferred_username": name}) for sub, name in users.items()]
    args = [a for c in claims for a in ("--user-claims", c)]
    proc = subprocess.Popen(
        [sys.executable, "-m", "oidc_provider_mock", "-H", "127.0.0.1", "-p", str(port), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    issuer = f"http://127.0.0.1:{port}"
    try:
        _wait(issuer, proc)
        yield issuer
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def oidc_env(issuer: str) -> dict[str, str]:
    """Return the CCHC_ variables that turn SSO on against the provider."""
    return {
        "CCHC_OIDC__ISSUER": issuer,
        "CCHC_OIDC__CLIENT_ID": CLIENT_ID,
        "CCHC_OIDC__CLIENT_SECRET": CLIENT_SECRET,
    }


def sign_in_at_provider(authorize_url: str, sub: str) -> str:
    """Pick the user on the provider's own page (real HTTP); return where it sends the browser."""
    with httpx.Client() as http:
        assert http.get(authorize_url).status_code == 200  # the provider's sign-in form
        answer = http.post(authorize_url, data={"sub": sub})
    assert answer.status_code in (302, 303), answer.text
    return answer.headers["location"]
