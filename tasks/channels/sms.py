"""The `esms://` apprise scheme: SMS through a brandname gateway's JSON API (eSMS.vn V4).

    esms://rest.esms.vn/?api_key=…&secret_key=…&brandname=SoNoiVu&unicode=no&to=0912345678

POSTs `/MainService.svc/json/SendMultipleMessage_V4_post_json/` with ApiKey, SecretKey, Phone,
Content, Brandname, SmsType 2 (customer care) and IsUnicode; `CodeResult` "100" means accepted
and `SMSID` is the receipt. Without `unicode=yes` the text goes unaccented (most brandnames
are registered for it) and is cut to `max` characters (160 by default, 70 with Unicode).
"""

from __future__ import annotations

import logging
import unicodedata
from typing import Any

import httpx
from apprise.decorators import notify

from tasks.channels import receipts
from tasks.channels.http import base_url, client

PATH = "/MainService.svc/json/SendMultipleMessage_V4_post_json/"
ACCEPTED = "100"
_log = logging.getLogger("apprise")


def unaccented(text: str) -> str:
    """Vietnamese text without diacritics (đ → d), for gateways that take only GSM letters."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def sms_text(title: str, body: str, *, unicode: bool, limit: int) -> str:
    """One SMS: title and body on one line, unaccented unless Unicode, cut to `limit`."""
    text = " ".join(f"{title}: {body}".split())
    if not unicode:
        text = unaccented(text)
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def _payload(qsd: dict[str, Any], title: str, body: str) -> dict[str, str]:
    """The gateway's JSON body for one message."""
    unicode = qsd.get("unicode") in ("yes", "1", "true")
    limit = int(qsd.get("max") or (70 if unicode else 160))
    return {
        "ApiKey": qsd.get("api_key", ""),
        "SecretKey": qsd.get("secret_key", ""),
        "Phone": qsd.get("to", ""),
        "Content": sms_text(title, body, unicode=unicode, limit=limit),
        "Brandname": qsd.get("brandname", ""),
        "SmsType": "2",
        "IsUnicode": "1" if unicode else "0",
        "RequestId": qsd.get("key", ""),  # the gateway drops a repeated request id
    }


@notify(on="esms", name="SMS brandname (eSMS.vn JSON API)")
def send_sms(body: str, title: str, notify_type: str, meta: dict, *_: Any, **__: Any) -> bool:
    """Send one SMS; False (apprise's failure, reason logged) unless the gateway accepted it."""
    qsd = meta.get("qsd") or {}
    if not qsd.get("to"):
        _log.warning("SMS: thiếu số điện thoại người nhận")
        return False
    try:
        with client() as http:
            answer = http.post(
                base_url(meta, "rest.esms.vn") + PATH, json=_payload(qsd, title, body)
            )
        data = answer.json() if answer.content else {}
    except (httpx.HTTPError, ValueError) as exc:
        _log.warning("SMS: không gọi được cổng SMS: %s", type(exc).__name__)
        return False
    if answer.status_code != 200 or str(data.get("CodeResult")) != ACCEPTED:
        code, why = data.get("CodeResult", answer.status_code), data.get("ErrorMessage", "")
        _log.warning("SMS: cổng SMS từ chối (mã %s) %s", code, why)
        return False
    receipts.note(qsd.get("key"), f"esms:{data.get('SMSID', '')}")
    return True
