"""The `outbox://` apprise scheme: append each message as one JSON line under var/outbox/.

`outbox://` writes var/outbox/messages.jsonl; `outbox://demo` writes var/outbox/demo.jsonl.
Nothing leaves the machine, which is what the demo and a fresh install want. The sender adds
`?key=...&to=...` so every line names its idempotency key and recipient.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

from apprise.decorators import notify

from cchc.clock import now
from cchc.settings import get_settings

_STEM = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def outbox_path(stem: str = "messages") -> Any:
    """Return the JSON-lines file for `stem` (created on first write)."""
    return get_settings().var_dir / "outbox" / f"{stem}.jsonl"


@notify(on="outbox", name="cchc local outbox")
def write_outbox(body: str, title: str, notify_type: str, meta: dict, *_: Any, **__: Any) -> bool:
    """Append the message to its outbox file; False (apprise's failure) when it cannot."""
    host = str(meta.get("host") or "messages")
    if not _STEM.match(host):
        return False
    qsd = meta.get("qsd") or {}
    line = json.dumps(
        {
            "at": now().isoformat(),
            "key": qsd.get("key"),
            "to": qsd.get("to"),
            "type": str(notify_type),
            "title": title,
            "body": body,
        },
        ensure_ascii=False,
    )
    path = outbox_path(host)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # One write() per line on an O_APPEND file: concurrent senders never interleave lines.
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, (line + "\n").encode("utf-8"))
        finally:
            os.close(fd)
    except OSError:
        return False
    return True
