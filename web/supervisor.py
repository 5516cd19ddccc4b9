"""The `cchc serve --workers N` supervisor: uvicorn alone, so it holds none of the CLI's imports.

`cchc serve` upgrades the schema, then replaces itself (exec, same pid, same signals) with
`python -m web.supervisor OPTIONS_JSON`; this process watches and restarts the workers, each of
which builds the app. Only json, socket, sys and uvicorn are imported here (≈ 27 MiB against
≈ 70 MiB for the CLI process).
"""

from __future__ import annotations

import json
import logging
import os
import socket
import sys
from datetime import UTC, datetime
from typing import Any


def exec_supervisor(workers: int, options: dict[str, Any], log_format: str) -> None:
    """Replace this process with the supervisor of `workers` worker processes."""
    sys.stdout.flush()  # exec drops Python's buffers: what the CLI printed must be out first
    sys.stderr.flush()
    options = options | {"workers": workers}
    argv = [sys.executable, "-m", "web.supervisor", json.dumps(options), log_format]
    os.execv(sys.executable, argv)


class _JsonLine(logging.Formatter):
    """cchc/logs.py's line shape for the supervisor's few lines (worker started, died)."""

    def format(self, record: logging.LogRecord) -> str:
        """One JSON object: time (UTC ISO), level, logger, message."""
        moment = datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds")
        line = {"time": moment, "level": record.levelname, "logger": record.name}
        return json.dumps(line | {"message": record.getMessage()}, ensure_ascii=False)


def _log_to_stderr(log_format: str) -> None:
    """Send the supervisor's lines to stderr, as JSON when the workers log JSON."""
    handler = logging.StreamHandler(sys.stderr)
    if log_format == "json":  # cchc.logs itself would load the settings (≈ 15 MiB) for this
        handler.setFormatter(_JsonLine())
    logging.basicConfig(level=logging.WARNING, handlers=[handler])


def tcp_socket(sock: socket.socket) -> socket.socket:
    """The same listening socket, marked as TCP so each accepted connection gets TCP_NODELAY.

    uvicorn binds a multi-worker socket with protocol 0, and asyncio sets TCP_NODELAY only on
    sockets whose protocol reads IPPROTO_TCP. Without it, a response written in two pieces
    (headers, then body) waits for the client's delayed ACK: 40 ms on every request of a
    kept-alive connection.
    """
    if sock.family not in (socket.AF_INET, socket.AF_INET6):
        return sock  # a Unix socket has no Nagle delay
    return socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, fileno=sock.detach())


def main(argv: list[str]) -> None:
    """Run uvicorn's multiprocess supervisor over the app factory with the given options."""
    from uvicorn import Config
    from uvicorn.supervisors import Multiprocess

    _log_to_stderr(argv[2] if len(argv) > 2 else "text")
    # uvicorn.run(...) with workers > 1, but over our TCP-marked socket
    config = Config("web.app:create_app", factory=True, **json.loads(argv[1]))
    Multiprocess(config, sockets=[tcp_socket(config.bind_socket())]).run()


if __name__ == "__main__":
    main(sys.argv)
