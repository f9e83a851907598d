"""A real daphne server inside the test process, for socket clients and the browser.

In a thread rather than a process (channels' ChannelsLiveServerTestCase) so that it answers
from the test database, including pytest-django's in-memory SQLite: the threads of this process
reach that shared-cache database, another process would not. Twisted's reactor cannot be
restarted, so one server runs for the whole session and stops with the interpreter.
"""

from __future__ import annotations

import threading
import time

_lock = threading.Lock()
_url: str | None = None
_server = None

STARTUP_SECONDS = 10.0
IDLE_SECONDS = 10.0


def daphne_url() -> str:
    """http://127.0.0.1:<port> of the session's daphne, started on first use."""
    global _url
    with _lock:
        if _url is None:
            _url = _start()
    return _url


def wait_until_idle() -> None:
    """Let the consumers of closed sockets finish before the test's tables are emptied.

    Their disconnect handlers still read the database (presence); on the shared in-memory SQLite
    a read during the flush after a transactional test fails with "table is locked".
    """
    if _server is None:
        return
    deadline = time.monotonic() + IDLE_SECONDS
    while time.monotonic() < deadline:
        instances = [
            details.get("application_instance") for details in list(_server.connections.values())
        ]
        if all(instance is None or instance.done() for instance in instances):
            return
        time.sleep(0.02)


def _start() -> str:
    global _server
    from daphne.server import Server

    from portal.asgi import application

    server = Server(
        application=application,
        endpoints=["tcp:port=0:interface=127.0.0.1"],
        signal_handlers=False,
        websocket_handshake_timeout=5,
    )
    _server = server
    thread = threading.Thread(target=server.run, name="daphne-live-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + STARTUP_SECONDS
    while not server.listening_addresses:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("daphne did not start listening")
        time.sleep(0.02)
    host, port = server.listening_addresses[0]
    return f"http://{host}:{port}"
