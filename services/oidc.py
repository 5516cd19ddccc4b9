"""OpenID Connect, authorization code flow with PKCE (authlib): the way out and the answer back.

The provider is read from its discovery document; the ID token's signature is checked against
its JWKS, then issuer, audience, expiry and nonce (authlib's `CodeIDToken`). State, nonce and
the PKCE verifier are made here and kept by the caller (a short-lived cookie) between the two.
"""

from __future__ import annotations

import hmac
from typing import Any

import httpx
from authlib.common.security import generate_token
from authlib.oauth2.rfc6749.parameters import prepare_grant_uri
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from authlib.oidc.core import CodeIDToken
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from cchc.errors import SsoRefused
from cchc.settings import OidcSettings, get_settings
from cchc.wording import accounts as say
from services.sso_pending import Pending


def _settings() -> OidcSettings:
    """Return the SSO settings, refusing when SSO is not configured."""
    oidc = get_settings().oidc
    if not oidc.enabled:
        raise SsoRefused(say.SSO_OFF)
    return oidc


def client(transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """The httpx client for calls to the provider (tests may pass a transport)."""
    return httpx.Client(timeout=get_settings().oidc.timeout_seconds, transport=transport)


def _get_json(http: httpx.Client, url: str, **kwargs: Any) -> dict[str, Any]:
    """GET or POST (with `data=`) and return the JSON object; any failure refuses the sign-in."""
    try:
        answer = http.post(url, **kwargs) if "data" in kwargs else http.get(url)
        answer.raise_for_status()
        body = answer.json()
    except (httpx.HTTPError, ValueError) as exc:
        raise SsoRefused(say.SSO_PROVIDER_FAILED) from exc
    if not isinstance(body, dict):
        raise SsoRefused(say.SSO_PROVIDER_FAILED)
    return body


def discover(http: httpx.Client) -> dict[str, Any]:
    """Read the provider's discovery document; its issuer must be the configured one."""
    issuer = _settings().issuer.rstrip("/")
    meta = _get_json(http, f"{issuer}/.well-known/openid-configuration")
    if str(meta.get("issuer", "")).rstrip("/") != issuer:
        raise SsoRefused(say.SSO_PROVIDER_FAILED)
    return meta


def start(http: httpx.Client, *, redirect_uri: str) -> tuple[str, Pending]:
    """Return the provider's authorization URL and the secrets the browser must keep."""
    oidc = _settings()
    pending = Pending(
        state=generate_token(32), nonce=generate_token(32), verifier=generate_token(64)
    )
    url = prepare_grant_uri(
        discover(http)["authorization_endpoint"],
        oidc.client_id,
        "code",
        redirect_uri=redirect_uri,
        scope=oidc.scopes.split(),
        state=pending.state,
        nonce=pending.nonce,
        code_challenge=create_s256_code_challenge(pending.verifier),
        code_challenge_method="S256",
    )
    return str(url), pending


def same_state(pending: Pending | None, state: str) -> bool:
    """Tell whether the answer's state is the one sent out (constant-time)."""
    return pending is not None and hmac.compare_digest(pending.state, state)


def finish(
    http: httpx.Client, *, pending: Pending | None, state: str, code: str, redirect_uri: str
) -> dict[str, Any]:
    """Check the state, trade the code (with the PKCE verifier) and return the ID token's claims."""
    if not same_state(pending, state) or pending is None or not code:
        raise SsoRefused(say.SSO_BAD_STATE)
    oidc = _settings()
    meta = discover(http)
    tokens = _get_json(
        http,
        meta["token_endpoint"],
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri,
            "code_verifier": pending.verifier,
        },
        auth=(oidc.client_id, oidc.client_secret),
    )
    keys = KeySet.import_key_set(_get_json(http, meta["jwks_uri"]))  # type: ignore[arg-type]
    return _checked_claims(tokens, keys, meta["issuer"], oidc.client_id, pending.nonce)


def _checked_claims(
    tokens: dict[str, Any], keys: KeySet, issuer: str, client_id: str, nonce: str
) -> dict[str, Any]:
    """Verify the ID token's signature and claims (issuer, audience, expiry, nonce, at_hash)."""
    try:
        token = jwt.decode(str(tokens.get("id_token", "")), keys)
        claims = CodeIDToken(
            token.claims,
            token.header,
            options={
                "iss": {"essential": True, "value": issuer},
                "aud": {"essential": True, "value": client_id},
            },
            params={
                "nonce": nonce,
                "client_id": client_id,
                "access_token": tokens.get("access_token"),
            },
        )
        claims.validate()
    except (JoseError, ValueError) as exc:
        raise SsoRefused(say.SSO_PROVIDER_FAILED) from exc
    return dict(claims)
