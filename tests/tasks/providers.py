"""Real loopback servers speaking the providers' documented APIs: eSMS.vn V4 JSON and Zalo OA v3."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

SMS_PATH = "/MainService.svc/json/SendMultipleMessage_V4_post_json/"


class Provider:
    """One fake provider: `mode` is ok, refuse or hang; Zalo tokens start expired when asked."""

    def __init__(self, mode: str = "ok", *, token: str = "tok-1") -> None:
        self.mode, self.token, self.refresh = mode, token, "ref-1"
        self.requests: list[tuple[str, dict[str, str], Any]] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True

    @property
    def host(self) -> str:
        """host:port of the server."""
        return f"127.0.0.1:{self.server.server_address[1]}"

    def answer(self, path: str, headers: dict[str, str], body: Any) -> tuple[int, dict]:
        """The provider's documented answer to one request."""
        if path == SMS_PATH:
            if self.mode == "refuse":
                return 200, {"CodeResult": "101", "ErrorMessage": "Authorize Failed"}
            return 200, {
                "CodeResult": "100",
                "CountRegenerate": 0,
                "SMSID": f"sms-{len(self.requests)}",
            }
        if path == "/v4/oa/access_token":
            if (
                body.get("refresh_token") != self.refresh
                or headers.get("secret_key") != "app-secret"
            ):
                return 200, {"error": -14014, "error_description": "Invalid refresh token"}
            self.token, self.refresh = "tok-2", "ref-2"
            return 200, {"access_token": "tok-2", "refresh_token": "ref-2", "expires_in": "90000"}
        if path == "/v3.0/oa/message/cs":
            if headers.get("access_token") != self.token:
                return 200, {"error": -216, "message": "Access token is invalid"}
            if self.mode == "refuse":
                return 200, {"error": -213, "message": "User has not followed the OA"}
            user = body["recipient"]["user_id"]
            return 200, {
                "error": 0,
                "message": "Success",
                "data": {"message_id": "zm-1", "user_id": user},
            }
        return 404, {}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                raw = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                form = "json" not in self.headers.get("Content-Type", "")
                body = dict(parse_qsl(raw)) if form else json.loads(raw or "{}")
                headers = {k.lower(): v for k, v in self.headers.items()}
                provider.requests.append((self.path, headers, body))
                if provider.mode == "hang":
                    time.sleep(3)  # the provider hangs (the client gives up first)
                status, data = provider.answer(self.path, headers, body)
                payload = json.dumps(data).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # a hanging provider's client gave up before the answer: expected

            def log_message(self, *_: object) -> None:
                return

        return Handler


@contextmanager
def provider(mode: str = "ok", **kwargs: Any) -> Iterator[Provider]:
    """Run a Provider on a free loopback port for the block."""
    fake = Provider(mode, **kwargs)
    thread = threading.Thread(target=fake.server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        fake.server.shutdown()
        fake.server.server_close()
        thread.join(timeout=5)
