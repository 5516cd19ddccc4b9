"""What the browser keeps between the SSO redirect out and the answer back.

Apart from services/oidc.py so that the web workers load authlib and joserfc (≈ 10 MiB each)
only when someone signs in through SSO.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Pending:
    """State, nonce and PKCE verifier of one SSO sign-in in progress."""

    state: str
    nonce: str
    verifier: str
