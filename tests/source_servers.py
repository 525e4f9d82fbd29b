"""Tiny local HTTP servers that play a central site, well-behaved or hostile,
for the pull tests: each route answers as a test tells it to."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.servers import free_port

Route = Callable[[BaseHTTPRequestHandler], None]


class SourceServer:
    """An http.server on 127.0.0.1 whose paths answer as ``routes`` say;
    every request's path is kept in ``requests``."""

    def __init__(self, routes: dict[str, Route]):
        self.routes = routes
        self.requests: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                server.requests.append(self.path)
                route = server.routes.get(self.path.split("?")[0])
                if route is None:
                    self.send_error(404)
                else:
                    try:
                        route(self)
                    except (BrokenPipeError, ConnectionResetError):
                        pass  # the client stopped reading, as it should

            def log_message(self, *args):
                pass

        self.port = free_port("source")
        self.httpd = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> SourceServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def send(body: bytes, status: int = 200, **headers) -> Route:
    """A route that answers ``body`` (JSON unless told otherwise)."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            handler.send_header(name.replace("_", "-"), value)
        handler.end_headers()
        handler.wfile.write(body)

    return route


def endless(handler: BaseHTTPRequestHandler) -> None:
    """A body that never ends (no Content-Length), as fast as it is read."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.end_headers()
    chunk = b"[" * 65536
    while True:
        handler.wfile.write(chunk)


def declares_a_gigabyte(handler: BaseHTTPRequestHandler) -> None:
    """Says 1 GB is coming, and starts sending it."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(1024**3))
    handler.end_headers()
    handler.wfile.write(b"[" * 65536)


def silent(handler: BaseHTTPRequestHandler) -> None:
    """Accepts the request and never answers (until the test ends)."""
    time.sleep(5)


def dripping(handler: BaseHTTPRequestHandler) -> None:
    """Answers at once, then one byte at a time, each just in time."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.end_headers()
    for _ in range(50):
        handler.wfile.write(b" ")
        handler.wfile.flush()
        time.sleep(0.1)


def redirect(location: str) -> Route:
    """A route that redirects to ``location``."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return route
