"""A loopback HTTP receiver that counts messages by idempotency key, and can fail or hang on cue.

Run: `python -m bench.receiver [--port 0] [--mode ok|fail|hang|slow] [--hang-seconds S]`; it
prints `PORT <n>` once listening. `GET /_stats` answers {"total", "arrived", "refused",
"aborted", "waiting": [keys held now], "mode", "keys": {key: count}};
`POST /_control` with {"mode": "ok"|"fail"|"hang"|"slow", "hang_seconds": s} changes behaviour
live. A failing receiver answers 500 and does not count the message. A slow one waits
`hang_seconds`, then accepts the message only if its sender is still connected (a sender killed
meanwhile never heard the answer, so the message counts as `aborted`, not received). asyncio
keeps it fast enough (thousands of requests/s) not to be what a delivery benchmark measures.
`POST /v3.0/oa/message/cs` answers as the Zalo OA API does (`error` 0, a message id), counted
as `zalo:<text>`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections import Counter
from collections.abc import Callable

KEY_HEADER = b"x-cchc-key"


ZALO_PATH = b"/v3.0/oa/message/cs"


class Receiver:
    """The receiver's state: what arrived, and how to answer."""

    def __init__(self, mode: str = "ok", hang_seconds: float = 30.0) -> None:
        self.mode = mode
        self.hang_seconds = hang_seconds
        self.keys: Counter[str] = Counter()
        self.total = 0
        self.refused = 0
        self.arrived = 0  # messages that reached us, counted before any hang
        self.aborted = 0  # slow mode: senders that hung up before the answer
        self.waiting: Counter[str] = Counter()  # keys of messages being held (hang or slow)

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """Serve one connection, keeping it alive for as many requests as the client sends."""
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                method, path, headers = _parse(head)
                body = await reader.readexactly(int(headers.get(b"content-length", b"0")))
                status, payload = await self.answer(method, path, headers, body, reader.at_eof)
                close = headers.get(b"connection", b"").lower() == b"close"
                writer.write(_response(status, payload, close))
                await writer.drain()
                if close:
                    break
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()

    async def answer(
        self,
        method: bytes,
        path: bytes,
        headers: dict,
        body: bytes,
        gone: Callable[[], bool] = lambda: False,
    ) -> tuple[int, bytes]:
        """Decide the status and body of one request."""
        if path == b"/_stats":
            return 200, json.dumps(
                {
                    "total": self.total,
                    "refused": self.refused,
                    "mode": self.mode,
                    "arrived": self.arrived,
                    "aborted": self.aborted,
                    "waiting": sorted(+self.waiting),
                    "keys": self.keys,
                }
            ).encode()
        if path == b"/_control":
            control = json.loads(body or b"{}")
            self.mode = control.get("mode", self.mode)
            self.hang_seconds = float(control.get("hang_seconds", self.hang_seconds))
            return 200, b'{"ok": true}'
        self.arrived += 1
        if path == ZALO_PATH and self.mode == "ok":  # the Zalo OA API, as zalo:// calls it
            text = json.loads(body or b"{}").get("message", {}).get("text", "")
            self.total += 1
            self.keys[f"zalo:{text}"] += 1
            answer = {"error": 0, "data": {"message_id": f"zm-{self.total}"}}
            return 200, json.dumps(answer).encode()
        mode, key = self.mode, _key(headers, body)
        if mode in ("hang", "slow"):
            self.waiting[key] += 1
            await asyncio.sleep(self.hang_seconds)
            self.waiting[key] -= 1
        if mode == "slow" and gone():  # the sender died while we made it wait
            self.aborted += 1
            return 500, b'{"error": "sender gone"}'
        if self.mode in ("fail", "hang"):
            self.refused += 1
            return 500, b'{"error": "receiver down"}'
        self.total += 1
        self.keys[key] += 1
        return 200, b'{"ok": true}'


def _key(headers: dict, body: bytes) -> str:
    """The message's idempotency key: the header apprise carries, else a `key` in the JSON body."""
    if KEY_HEADER in headers:
        return headers[KEY_HEADER].decode()
    try:
        data = json.loads(body)
        return str(data.get("key") or data.get("title") or "")
    except (ValueError, AttributeError):
        return ""


def _parse(head: bytes) -> tuple[bytes, bytes, dict[bytes, bytes]]:
    """Split a request head into method, path and lower-cased headers."""
    lines = head.split(b"\r\n")
    method, path, _ = lines[0].split(b" ", 2)
    headers = {}
    for line in lines[1:]:
        if b":" in line:
            name, value = line.split(b":", 1)
            headers[name.strip().lower()] = value.strip()
    return method, path.split(b"?", 1)[0], headers


def _response(status: int, payload: bytes, close: bool) -> bytes:
    """An HTTP/1.1 response."""
    reason = {200: b"OK", 500: b"Internal Server Error"}[status]
    return (
        b"HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n"
        b"Connection: %s\r\n\r\n"
        % (status, reason, len(payload), b"close" if close else b"keep-alive")
    ) + payload


async def serve(port: int, receiver: Receiver) -> None:
    """Listen on 127.0.0.1:port and announce the port on stdout."""
    server = await asyncio.start_server(receiver.handle, "127.0.0.1", port, backlog=1024)
    sys.stdout.write(f"PORT {server.sockets[0].getsockname()[1]}\n")
    sys.stdout.flush()
    async with server:
        await server.serve_forever()


def main(argv: list[str] | None = None) -> None:
    """Command line."""
    parser = argparse.ArgumentParser(prog="python -m bench.receiver")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--mode", choices=["ok", "fail", "hang", "slow"], default="ok")
    parser.add_argument("--hang-seconds", type=float, default=30.0)
    args = parser.parse_args(argv)
    try:
        asyncio.run(serve(args.port, Receiver(args.mode, args.hang_seconds)))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
