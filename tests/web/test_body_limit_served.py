"""A 50 MB anonymous body against a real `cchc serve` (issue #14): 413 at once, memory unchanged."""

from __future__ import annotations

import io
import socket
from pathlib import Path

import httpx
import pytest

from bench.common import process_peak_rss_mb
from bench.procs import cchc_serve
from tests.world.logs import SECRET_ENV, assert_no_secret, lines

pytestmark = pytest.mark.slow
BODY = 50 * 1024 * 1024
PATH = "/api/campaigns/x-2024/units/so-a/self-assessment"
TOKEN = "cchc_not-a-real-token-3f9a"
PROBE = {"X-Request-ID": "probe-1", "Authorization": f"Bearer {TOKEN}"}


def _tree(pid: int) -> list[int]:
    """Return `pid` and every process below it (workers, helpers)."""
    pids, todo = [], [pid]
    while todo:
        pids.append(todo.pop())
        children = Path(f"/proc/{pids[-1]}/task/{pids[-1]}/children")
        todo += [int(p) for p in children.read_text().split()] if children.exists() else []
    return pids


def _peak_mb(pid: int) -> float:
    """Sum of the peak RSS (VmHWM) of the server's process tree, in MiB."""
    return sum(p or 0.0 for p in (process_peak_rss_mb(q) for q in _tree(pid)))


def _read_answer(sock: socket.socket) -> bytes:
    """Read one HTTP answer (head and its Content-Length body) from `sock`."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(
        int(line.split(b":")[1])
        for line in head.lower().split(b"\r\n")
        if line.startswith(b"content-length:")
    )
    while len(body) < length:
        body += sock.recv(65536)
    return head + b"\r\n\r\n" + body


def _send_huge(base: str) -> bytes:
    """Declare a 50 MB JSON body, read the answer, then push the body anyway; return the answer."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        head = (
            f"PUT {PATH} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {BODY}\r\n\r\n"
        )
        sock.sendall(head.encode())
        answer = _read_answer(sock)  # the server answers before a byte of the body is sent
        chunk = b" " * (1024 * 1024)
        try:
            for _ in range(BODY // len(chunk)):
                sock.sendall(chunk)
        except OSError:
            pass  # the server closed the connection: the body was never wanted
        return answer


def test_fifty_megabyte_anonymous_body_refused_memory_flat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CCHC_API_WORKERS", "1")
    for name, value in {**SECRET_ENV, "CCHC_LOG__FORMAT": "json"}.items():
        monkeypatch.setenv(name, value)
    url = f"sqlite:///{tmp_path / 'serve.sqlite3'}"
    with cchc_serve(url, log=tmp_path / "serve.log") as (proc, base):
        me = httpx.get(f"{base}/api/me", headers=PROBE, timeout=30)
        assert me.status_code == 401 and me.headers["x-request-id"] == "probe-1"  # warmed up
        before = _peak_mb(proc.pid)
        answer = _send_huge(base)
        after = _peak_mb(proc.pid)
        assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
        assert "Nội dung yêu cầu lớn hơn giới hạn 1 MB".encode() in answer
        assert b"x-frame-options: deny" in answer.lower()
        assert after - before < 5.0, (before, after)  # a 50 MB body would add ≥ 50 MiB
        assert httpx.get(f"{base}/api/me", timeout=30).status_code == 401  # still serving
        print(f"serve tree peak RSS {before:.1f} → {after:.1f} MiB")  # noqa: T201
    _served_logs_are_json(tmp_path / "serve.log")


def _served_logs_are_json(path: Path) -> None:
    """Every log line of the real server is JSON (#16), with the ids, and holds no secret."""
    text = path.read_text()
    logged = [line for line in text.splitlines() if not line.startswith("cchc-flow: ")]
    buffer = io.StringIO("\n".join(logged))
    access = {(d["path"], d["status"]) for d in lines(buffer) if d["logger"] == "cchc.access"}
    assert ("/api/me", 401) in access and (PATH, 413) in access, access
    assert '"request_id": "probe-1"' in text and '"campaign": "x-2024"' in text
    assert_no_secret(buffer, TOKEN)
