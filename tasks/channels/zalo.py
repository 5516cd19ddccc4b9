"""The `zalo://` apprise scheme: a Zalo Official Account text message (OA API v3).

    zalo://APP_ID@openapi.zalo.me/?access_token=…&refresh_token=…&secret_key=…&to=USER_ID

POSTs `/v3.0/oa/message/cs` with the `access_token` header and
`{"recipient": {"user_id"}, "message": {"text"}}`; `error` 0 means sent and `data.message_id`
is the receipt. When Zalo answers that the token is invalid or expired (-216, -124), the
plugin refreshes it once at `oauth.zaloapp.com/v4/oa/access_token` (header `secret_key`, form
`refresh_token`, `app_id`, `grant_type=refresh_token`) and keeps the new pair for the process.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

import httpx
from apprise.decorators import notify

from tasks.channels import receipts
from tasks.channels.http import base_url, client

SEND_PATH = "/v3.0/oa/message/cs"
REFRESH_PATH = "/v4/oa/access_token"
TOKEN_EXPIRED = {-216, -124}
MAX_TEXT = 2000
_log = logging.getLogger("apprise")
_tokens: dict[str, tuple[str, str]] = {}  # app id -> (access, refresh): refreshed in process
_lock = threading.Lock()


def _tokens_of(app_id: str, qsd: dict[str, Any]) -> tuple[str, str]:
    """The current token pair of an app (the settings' pair until refreshed)."""
    with _lock:
        return _tokens.get(app_id) or (qsd.get("access_token", ""), qsd.get("refresh_token", ""))


def _refresh(http: httpx.Client, meta: dict[str, Any], app_id: str) -> str | None:
    """Trade the refresh token for a new pair; the new access token, or None when refused."""
    qsd = meta.get("qsd") or {}
    oauth = base_url({"qsd": qsd, "host": qsd.get("oauth") or "oauth.zaloapp.com"}, "")
    answer = http.post(
        oauth + REFRESH_PATH,
        headers={"secret_key": qsd.get("secret_key", "")},
        data={
            "refresh_token": _tokens_of(app_id, qsd)[1],
            "app_id": app_id,
            "grant_type": "refresh_token",
        },
    )
    data = answer.json() if answer.content else {}
    if answer.status_code != 200 or not data.get("access_token"):
        _log.warning("Zalo: không làm mới được access token (%s)", data.get("error", ""))
        return None
    with _lock:
        _tokens[app_id] = (data["access_token"], data.get("refresh_token", ""))
    return str(data["access_token"])


def _post(http: httpx.Client, meta: dict[str, Any], token: str, text: str) -> dict[str, Any]:
    """Send the text once with this token; Zalo's JSON answer."""
    qsd = meta.get("qsd") or {}
    answer = http.post(
        base_url(meta, "openapi.zalo.me") + SEND_PATH,
        headers={"access_token": token},
        json={"recipient": {"user_id": qsd.get("to", "")}, "message": {"text": text}},
    )
    data: dict[str, Any] = answer.json() if answer.content else {}
    if answer.status_code != 200:
        data.setdefault("error", answer.status_code)
    return data


@notify(on="zalo", name="Zalo Official Account")
def send_zalo(body: str, title: str, notify_type: str, meta: dict, *_: Any, **__: Any) -> bool:
    """Send one OA message (refreshing the token once); False unless Zalo accepted it."""
    qsd = meta.get("qsd") or {}
    app_id = str(meta.get("user") or qsd.get("app_id") or "")
    if not qsd.get("to"):
        _log.warning("Zalo: thiếu user_id người nhận")
        return False
    text = f"{title}\n{body}"[:MAX_TEXT]
    try:
        with client() as http:
            data = _post(http, meta, _tokens_of(app_id, qsd)[0], text)
            if data.get("error") in TOKEN_EXPIRED and (token := _refresh(http, meta, app_id)):
                data = _post(http, meta, token, text)
    except (httpx.HTTPError, ValueError) as exc:
        _log.warning("Zalo: không gọi được OA API: %s", type(exc).__name__)
        return False
    if data.get("error") != 0:
        _log.warning("Zalo: OA API từ chối (mã %s) %s", data.get("error"), data.get("message", ""))
        return False
    receipts.note(qsd.get("key"), f"zalo:{(data.get('data') or {}).get('message_id', '')}")
    return True
