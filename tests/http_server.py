"""Real HTTP servers for the tests, on 127.0.0.1 with a free port, well-behaved or not.

`serve(routes)` runs one: each route is a function taking the request handler and writing whatever it
likes to `handler.wfile` (a status line or not, a lying Content-Length, a trickle); `handler.server.hits`
counts the requests that arrived, by path.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = Callable[[BaseHTTPRequestHandler], None]


class Server(ThreadingHTTPServer):
    daemon_threads = True
    hits: Counter[str]
    routes: dict[str, Route]

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client under a deadline hangs up mid-answer; printing that would land in another test's output

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    server: Server

    def log_message(self, *args: object) -> None:
        pass

    def answer(self) -> None:
        self.server.hits[self.path] += 1
        route = self.server.routes.get(self.path)
        if route is None:
            self.send_error(404)
            return
        try:
            route(self)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client hung up, as a client under a deadline does

    do_GET = do_HEAD = answer


def page(body: bytes, content_type: str = "text/html; charset=utf-8", status: int = 200) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        if handler.command != "HEAD":
            handler.wfile.write(body)

    return route


def redirect(location: str, status: int = 302) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return route


@contextmanager
def serve(routes: dict[str, Route]) -> Iterator[Server]:
    server = Server(("127.0.0.1", 0), Handler)
    server.routes = routes
    server.hits = Counter()
    # polled every 0.05 s for shutdown (not the default 0.5 s): a test ends without waiting on it
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
