"""`cchc serve --workers N` connections get TCP_NODELAY (no 40 ms delayed-ACK stall per request)."""

from __future__ import annotations

import asyncio
import socket

from web.supervisor import tcp_socket


def _uvicorn_like() -> socket.socket:
    """A listening socket bound the way uvicorn's Config.bind_socket binds one (protocol 0)."""
    sock = socket.socket(family=socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


async def _accepted_nodelay(sock: socket.socket) -> int:
    """Serve on `sock` with asyncio, connect once, return the accepted side's TCP_NODELAY."""
    seen: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    class Probe(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            raw = transport.get_extra_info("socket")
            seen.set_result(raw.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            transport.close()

    server = await asyncio.get_running_loop().create_server(Probe, sock=sock)
    try:
        _, writer = await asyncio.open_connection(*sock.getsockname())
        value = await asyncio.wait_for(seen, 5)
        writer.close()
        return value
    finally:
        server.close()


def test_accepted_connections_get_tcp_nodelay():
    marked = tcp_socket(_uvicorn_like())
    assert marked.proto == socket.IPPROTO_TCP
    assert asyncio.run(_accepted_nodelay(marked)) != 0


def test_uvicorns_own_socket_leaves_nagle_on():
    # Why tcp_socket exists: asyncio skips TCP_NODELAY on a protocol-0 socket (Python 3.11).
    assert asyncio.run(_accepted_nodelay(_uvicorn_like())) == 0


def test_a_unix_socket_is_left_as_it_is(tmp_path):
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        assert tcp_socket(sock) is sock
    finally:
        sock.close()
