"""A TCP proxy to PostgreSQL that can hang: it keeps accepting and stops forwarding."""

from __future__ import annotations

import select
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class HangingProxy:
    """Forward 127.0.0.1:<port> to `target`; `hang()` swallows nothing and sends nothing."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.hung = threading.Event()
        self.stopped = threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])
        self._socks: list[socket.socket] = []

    def url(self, database: str) -> str:
        """A SQLAlchemy URL to `database` through the proxy."""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def hang(self) -> None:
        """Stop forwarding in both directions (connections stay open, new ones are accepted)."""
        self.hung.set()

    def heal(self) -> None:
        """Forward again."""
        self.hung.clear()

    def _accept(self) -> None:
        """Accept clients; pair each with a server connection, unless hung."""
        self.listener.settimeout(0.2)
        while not self.stopped.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                continue
            self._socks.append(client)
            if self.hung.is_set():
                continue  # accepted, never answered
            server = socket.create_connection(self.target)
            self._socks.append(server)
            threading.Thread(target=self._pump, args=(client, server), daemon=True).start()

    def _pump(self, a: socket.socket, b: socket.socket) -> None:
        """Copy bytes both ways while not hung; hold them while hung; a closed side closes both.

        Closing the peer is what any TCP proxy does: when a client process dies, the server must
        see its connection end, or its open transaction would keep its row locks for ever.
        """
        peers = {a: b, b: a}
        try:
            while not self.stopped.is_set():
                if self.hung.is_set():
                    self.stopped.wait(0.1)
                    continue
                ready, _, _ = select.select(list(peers), [], [], 0.1)
                for sock in ready:
                    try:
                        data = sock.recv(65536)
                        if not data:
                            return
                        peers[sock].sendall(data)
                    except OSError:
                        return
        finally:
            for sock in (a, b):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()

    def stop(self) -> None:
        """Close everything."""
        self.stopped.set()
        for sock in [self.listener, *self._socks]:
            sock.close()


@contextmanager
def hanging_proxy(target: tuple[str, int] = ("127.0.0.1", 5432)) -> Iterator[HangingProxy]:
    """Run a proxy in a background thread for the test's duration."""
    proxy = HangingProxy(target)
    thread = threading.Thread(target=proxy._accept, daemon=True)
    thread.start()
    try:
        yield proxy
    finally:
        proxy.stop()
        thread.join(timeout=5)
