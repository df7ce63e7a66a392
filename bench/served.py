"""The pages of a bench served over HTTP on 127.0.0.1, each at its own address's path, as the page's site would
serve it: for the "fetched" form of bench/pages.py (the pasted text, its address given, the page there read for the
headline it names, as the preview's "Add a page" reads it). Nothing but this server is reached: the reader fetches
only the address typed, and 127.0.0.1 only when that address is it."""

from __future__ import annotations

import http.server
import threading
from typing import Any
from urllib.parse import urlsplit


class Served:
    """A server on 127.0.0.1 answering each path added with its page's bytes (text/html, the page's own charset as
    it declares it), anything else with 404."""

    def __init__(self) -> None:
        pages: dict[str, bytes] = {}
        self.pages = pages

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                data = pages.get(self.path.split("?")[0])
                self.send_response(200 if data is not None else 404)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(data or b"")))
                self.end_headers()
                self.wfile.write(data or b"")

            def log_message(self, *args: Any) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Served:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def add(self, number: int, address: str, data: bytes) -> str:
        """The page's address here: its own address's path (whose words are the same evidence), under a number of
        its own (which the address's words leave out), or /page/NUMBER when it names no address."""
        path = f"/{number}{urlsplit(address).path}" if address else f"/page/{number}"
        self.pages[path] = data
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"
