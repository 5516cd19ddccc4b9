"""Real loopback receivers for tests: an HTTP endpoint for json:// and an SMTP server."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

KEY_HEADER = "X-Cchc-Key"


class HttpReceiver:
    """Counts messages by idempotency key; answers 500 for the first `fail_first` requests."""

    def __init__(
        self,
        *,
        fail_first: int = 0,
        always_fail: bool = False,
        fail_per_key: int = 0,
        hang_seconds: float = 0.0,
    ) -> None:
        self.fail_first, self.always_fail = fail_first, always_fail
        # notify branch: fail each key's first attempts; or hang before answering.
        self.fail_per_key, self.hang_seconds = fail_per_key, hang_seconds
        self.tries: Counter[str] = Counter()
        self.requests = 0
        self.keys: Counter[str] = Counter()
        self.bodies: list[dict] = []
        self.addresses: list[str] = []  # X-Cchc-To of each accepted message (per-unit webhooks)
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())

    @property
    def url(self) -> str:
        """The apprise URL that posts JSON here."""
        return f"json://127.0.0.1:{self.server.server_address[1]}/hook"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                data = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if receiver.hang_seconds:
                    time.sleep(receiver.hang_seconds)  # a receiver that hangs, not a test sleep
                key = self.headers.get(KEY_HEADER, "")
                with receiver.lock:
                    receiver.requests += 1
                    receiver.tries[key] += 1
                    failing = receiver.always_fail or receiver.requests <= receiver.fail_first
                    failing = failing or receiver.tries[key] <= receiver.fail_per_key
                    if not failing:
                        receiver.keys[self.headers.get(KEY_HEADER, "")] += 1
                        receiver.bodies.append(json.loads(data or b"{}"))
                        receiver.addresses.append(self.headers.get("X-Cchc-To", ""))
                self.send_response(500 if failing else 200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *_: object) -> None:
                return

        return Handler


@contextmanager
def http_receiver(**kwargs: object) -> Iterator[HttpReceiver]:
    """Run an HttpReceiver on a free loopback port for the block."""
    receiver = HttpReceiver(**kwargs)  # type: ignore[arg-type]
    thread = threading.Thread(target=receiver.server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        receiver.server.shutdown()
        receiver.server.server_close()
        thread.join(timeout=5)


def free_port() -> int:
    """Return a loopback port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def smtp_receiver() -> Iterator[tuple[str, list]]:
    """Run aiosmtpd on loopback; yield (apprise mailto URL, received messages)."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Message

    received: list = []

    class Collect(Message):
        def handle_message(self, message: object) -> None:
            received.append(message)

    port = free_port()
    controller = Controller(Collect(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        url = (
            f"mailto://sender@example.org?smtp=127.0.0.1&port={port}&mode=insecure"
            f"&to=so-noi-vu@example.org"
        )
        yield url, received
    finally:
        controller.stop()
