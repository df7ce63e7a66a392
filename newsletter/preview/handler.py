"""An HTTP request to the preview -> its answer: the page, the build's files, the last build's summary, the
event stream, and the desk's writes, which only the page itself may make (see Handler.refusal).

Nothing from a request's path reaches the disk: the page and the build's files are served by fixed names.
"""

from __future__ import annotations

import json
import re
import secrets
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import parse_qs, urlsplit

from newsletter.errors import NewsletterError
from newsletter.images import FILE_LIMIT
from newsletter.loopback import is_loopback
from newsletter.patterns import regex
from newsletter.preview.desk import refusal
from newsletter.preview.server import KEEPALIVE_SECONDS, LOOPBACK
from newsletter.text import STORY_LIMIT, human_size

if TYPE_CHECKING:
    from newsletter.preview.server import Preview

# The preview page: fixed names, read from this package's folder (never from the editor's folder).
PAGE_FILES = {
    "/": ("preview.html", "text/html; charset=utf-8"),
    "/preview.js": ("preview.js", "text/javascript; charset=utf-8"),
    "/preview.css": ("preview.css", "text/css; charset=utf-8"),
    "/order.js": ("order.js", "text/javascript; charset=utf-8"),
}
# The build's own files, by URL path. Anything else is 404: no path from a request ever reaches the disk.
BUILD_TYPES = {
    "email.html": "text/html; charset=utf-8",
    "email.txt": "text/plain; charset=utf-8",
    "web.html": "text/html; charset=utf-8",
    "email.eml": "message/rfc822",
    "email.mjml": "text/plain; charset=utf-8",
    "issue.json": "application/json; charset=utf-8",
}
# Story content is not trusted: the email, the web version and plain text run no script, post no form and
# load no frame, even when opened outside the page's sandboxed iframe.
CONTENT_CSP = (
    "default-src 'none'; img-src * data:; style-src 'unsafe-inline' *; font-src * data:; media-src *; "
    "script-src 'none'; object-src 'none'; form-action 'none'; base-uri 'none'; frame-ancestors 'self'"
)
PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
# Writes: the desk's endpoints, the bodies they take, and the most they read (a photo, a saved page: base64 in JSON).
WRITES = ("/add-page", "/add-photo", "/use-photo", "/use-headline", "/stop-reading", "/make-lead", "/move-story")
BODY_TYPES = ("application/json", "application/x-www-form-urlencoded")
# What each write carries, the most that may be (the build's limit: images.FILE_LIMIT for a photo, a story file's
# for a page), and so the most its request may weigh: a photo or a saved page dropped goes base64-encoded (a third
# more), a pasted page as its HTML and its text together, escaped as JSON strings. Any other write is a few names.
WRITE_LIMITS = {
    "/add-photo": ("a photo", FILE_LIMIT, FILE_LIMIT // 3 * 4 + 64 * 1024),
    "/add-page": ("a page", STORY_LIMIT, 3 * STORY_LIMIT),
}
OTHER_WRITE = ("a request", STORY_LIMIT, STORY_LIMIT)
TOKEN_MARK = "__PREVIEW_TOKEN__"  # in preview.html: the session's token goes there
# In preview.html too: the most a dropped page and photo may weigh, so that the page refuses a bigger one with its size
# before it reads it (the server refuses a request over its write's limit unread, and cannot tell its size)
FILE_MARKS = {"__PAGE_LIMIT__": STORY_LIMIT, "__PHOTO_LIMIT__": FILE_LIMIT}
IMAGE_TYPES = {".jpg": "image/jpeg", ".png": "image/png"}  # what images.py writes
# Half of a character (a lone surrogate): what no file can hold. Text dragged from a page cut inside an emoji keeps it
LONE_SURROGATE = regex("[\ud800-\udfff]")
SHOWN_BEFORE = 30  # characters of the text before it that a refusal quotes
SCHEME_QUERY = regex(r"\(\s*prefers-color-scheme\s*:\s*(dark|light)\s*\)", re.IGNORECASE)


def force_scheme(html: str, scheme: str) -> str:
    """`html` with its prefers-color-scheme queries fixed to `scheme` ("light" or "dark").

    An iframe follows the colour scheme of the browser around it, so Light beside Dark needs the query
    decided in the served copy: the matching scheme becomes (color), true on every colour screen, the other
    (monochrome), false on one. The file on disk, and what "Copy HTML" copies, are never changed.
    """
    return SCHEME_QUERY.sub(lambda match: "(color)" if match[1].lower() == scheme else "(monochrome)", html)


def half_a_character(found: re.Match[str]) -> str:
    """The refusal of a text holding half a character (a lone surrogate, `found`), saying where it is."""
    before = " ".join(found.string[: found.start()].split()[-8:])[-SHOWN_BEFORE:]
    where = f" after “…{before}”" if before else " at its start"
    return (
        f"Refused: the page holds half a character (U+{ord(found[0]):04X}, a lone surrogate){where}, which no file can "
        "hold: delete it, or copy the page and paste it (Ctrl+V) instead"
    )


def page_file(name: str) -> Path:
    return Path(__file__).parent / name


class Handler(BaseHTTPRequestHandler):
    """GET and HEAD of fixed paths; POST of the desk's writes, from the preview's own page only."""

    preview: Preview
    server_version = "newsletter-preview"
    sys_version = ""
    timeout = 30

    def log_message(self, format: str, *args: Any) -> None:  # the stdlib's name
        pass  # the command line reports builds, not requests

    def do_HEAD(self) -> None:  # the stdlib's name
        self.handle_get(body=False)

    def do_GET(self) -> None:  # the stdlib's name
        self.handle_get(body=True)

    def handle_get(self, *, body: bool) -> None:
        try:
            self.answer(body=body)
        except ConnectionError:
            raise
        except Exception as error:  # say what broke instead of dropping the connection
            message = f"The preview server failed: {type(error).__name__}: {error}\n".encode()
            self.send(HTTPStatus.INTERNAL_SERVER_ERROR, message, "text/plain; charset=utf-8", body=body)

    def answer(self, *, body: bool) -> None:
        if not self.host_allowed():
            return self.send(
                HTTPStatus.FORBIDDEN,
                b"This preview only answers to its own address.\n",
                "text/plain; charset=utf-8",
                body=body,
            )
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        if url.path in PAGE_FILES:
            name, kind = PAGE_FILES[url.path]
            data = page_file(name).read_bytes().replace(TOKEN_MARK.encode(), self.preview.token.encode())
            for mark, limit in FILE_MARKS.items():
                data = data.replace(mark.encode(), str(limit).encode())
            return self.send(HTTPStatus.OK, data, kind, body=body, csp=PAGE_CSP)
        if url.path in ("/paste.json", "/copy.json"):
            try:
                if url.path == "/paste.json":
                    answer = self.preview.for_pasting(query.get("story", [""])[0])
                else:
                    answer = self.preview.for_service(query.get("service", [""])[0])
            except NewsletterError as error:
                return self.send_json(HTTPStatus.CONFLICT, {"error": error.message}, body=body)
            return self.send_json(HTTPStatus.OK, answer, body=body)
        if url.path == "/state.json":
            data = json.dumps(self.preview.state(), ensure_ascii=False).encode()
            return self.send(HTTPStatus.OK, data, "application/json; charset=utf-8", body=body)
        if url.path == "/events":
            return self.events() if body else self.send(HTTPStatus.OK, b"", "text/event-stream", body=False)
        if url.path == "/shown":  # the page's frame shows a build's first step: the rest of it may be made
            number = query.get("build", [""])[0]
            if re.fullmatch(r"[0-9]{1,18}", number):
                self.preview.shown_on_page(int(number))
            return self.send(HTTPStatus.NO_CONTENT, b"", "text/plain; charset=utf-8", body=False)
        name = url.path[1:]
        if name in ("email.html", "email.txt", "web.html") and "build" in query:
            self.preview.wanted = name  # what the page's frame shows: made first on the next rebuild
        snapshot = self.preview.file(name) if name in BUILD_TYPES or name.startswith("images/") else None
        if snapshot is not None and name.startswith("images/") and name in snapshot.files:
            # Only the images this build made, by their exact names: no path from a request reaches the disk.
            kind = IMAGE_TYPES.get(name[name.rfind(".") :], "application/octet-stream")
            return self.send(HTTPStatus.OK, snapshot.files[name], kind, body=body, csp=CONTENT_CSP)
        if snapshot is None or name not in BUILD_TYPES or name not in snapshot.files:
            return self.send(HTTPStatus.NOT_FOUND, b"Not found.\n", "text/plain; charset=utf-8", body=body)
        data, kind = snapshot.files[name], BUILD_TYPES[name]
        headers = {"X-Preview-Build": str(snapshot.number)}
        if name == "email.html" and query.get("view") == ["source"]:
            kind = "text/plain; charset=utf-8"
        elif name == "email.html" and query.get("scheme", [""])[0] in ("light", "dark"):
            data = force_scheme(data.decode("utf-8"), query["scheme"][0]).encode("utf-8")
        if name in ("email.html", "web.html") and kind.startswith("text/html") and snapshot.published:
            # The images are not uploaded yet: show this build's copies.
            data = data.replace(f"{snapshot.published}images/".encode(), b"/images/")
        if name == "email.eml" and snapshot.summary:
            headers["Content-Disposition"] = f'attachment; filename="{snapshot.summary["slug"]}.eml"'
        self.send(HTTPStatus.OK, data, kind, body=body, csp=CONTENT_CSP, headers=headers)

    def do_POST(self) -> None:  # the stdlib's name
        try:
            status, answer = self.write()
        except NewsletterError as error:  # a file of the issue folder named as the editor knows it
            status, answer = HTTPStatus.UNPROCESSABLE_ENTITY, {"error": refusal(error, self.preview.source)}
        except ConnectionError:
            raise
        except Exception as error:  # say what broke instead of dropping the connection
            status, answer = HTTPStatus.INTERNAL_SERVER_ERROR, {"error": f"the preview failed: {error!r}"}
        self.send_json(status, answer, body=True)

    def write(self) -> tuple[HTTPStatus, dict[str, Any]]:
        refused = self.refusal()
        if refused is not None:
            self.close_connection = True  # the body, if any, is not read
            return refused[0], {"error": refused[1]}
        length = int(self.headers["Content-Length"])
        data = self.rfile.read(length)
        fields = self.fields(data)
        if fields is None:
            return HTTPStatus.BAD_REQUEST, {"error": "Refused: the body is not a JSON object or a form"}
        broken = next((found for value in fields.values() if (found := LONE_SURROGATE.search(value))), None)
        if broken is not None:
            return HTTPStatus.BAD_REQUEST, {"error": half_a_character(broken)}
        token = fields.get("token") or self.headers.get("X-Preview-Token") or ""
        if not secrets.compare_digest(token.encode(), self.preview.token.encode()):
            message = "Refused: this page's token is not the preview's (was the preview restarted?): reload the page"
            return HTTPStatus.FORBIDDEN, {"error": message}
        return HTTPStatus.OK, self.preview.add(urlsplit(self.path).path, fields)

    def refusal(self) -> tuple[HTTPStatus, str] | None:
        """Why a write is refused before its body is read, or None: the preview writes into the editor's folder,
        so only for its own page, open on this machine. A page of another site, or another site's name for this
        address (DNS rebinding), can send a request here; it cannot read the page's token, nor set its Origin."""
        if urlsplit(self.path).path not in WRITES:
            return HTTPStatus.NOT_FOUND, "Not found."
        if not is_loopback(self.client_address[0]):
            return HTTPStatus.FORBIDDEN, "Refused: the preview takes writes only from this machine"
        own = self.own_addresses()
        if (self.headers.get("Host") or "").lower() not in own:
            return HTTPStatus.FORBIDDEN, "Refused: this preview only answers to its own address"
        if (self.headers.get("Origin") or "").lower() not in {f"http://{address}" for address in own}:
            return HTTPStatus.FORBIDDEN, "Refused: the preview takes writes only from the preview's own page"
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind not in BODY_TYPES:
            return HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "Refused: the preview takes JSON or form bodies only"
        try:
            length = int(self.headers.get("Content-Length") or "")
        except ValueError:
            length = -1
        if length < 0:
            return HTTPStatus.LENGTH_REQUIRED, "Refused: the request does not say its length"
        what, most, request = WRITE_LIMITS.get(urlsplit(self.path).path, OTHER_WRITE)
        if length > request:
            return HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"Refused: {what} may be at most {human_size(most)}"
        return None

    def fields(self, data: bytes) -> dict[str, str] | None:
        """The body's fields (strings only), or None when it is not what its Content-Type says."""
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        try:
            if kind == "application/json":
                found = json.loads(data.decode("utf-8"))
                if not isinstance(found, dict):
                    return None
            else:
                found = {key: values[0] for key, values in parse_qs(data.decode("utf-8"), strict_parsing=False).items()}
        except (UnicodeDecodeError, ValueError, RecursionError):  # (JSON nested past Python's stack)
            return None
        return {key: value for key, value in found.items() if isinstance(key, str) and isinstance(value, str)}

    def send_json(self, status: HTTPStatus, answer: dict[str, Any], *, body: bool) -> None:
        data = json.dumps(answer, ensure_ascii=False).encode()
        self.send(status, data, "application/json; charset=utf-8", body=body)

    def host_allowed(self) -> bool:
        """Refuse another site's name for this address (DNS rebinding) unless --host opened it up."""
        if self.preview.allow_remote:
            return True
        host = self.headers.get("Host")
        if host is None:
            return True
        return host.lower() in self.own_addresses() | self.own_names()

    def own_names(self) -> set[str]:
        return {LOOPBACK, "localhost", "[::1]", self.preview.host}

    def own_addresses(self) -> set[str]:
        """The Host values this preview answers to: its own names, with its port."""
        port = cast("tuple[str, int]", self.server.server_address)[1]
        return {f"{name}:{port}" for name in self.own_names()}

    def send(
        self,
        status: HTTPStatus,
        data: bytes,
        kind: str,
        *,
        body: bool,
        csp: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_common_headers(csp)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if body:
            self.wfile.write(data)

    def send_common_headers(self, csp: str | None) -> None:
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cross-Origin-Resource-Policy", "same-origin")
        if csp:
            self.send_header("Content-Security-Policy", csp)

    def events(self) -> None:
        """Server-Sent Events: the state now, then after every change (a build's first step, its end, a
        failure), so the page needs no second request to learn it; a comment keeps the stream open."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_common_headers(None)
        self.end_headers()
        seen: int | None = None
        self.preview.listening(+1)
        try:
            self.wfile.write(b"retry: 500\n\n")
            while True:
                version = self.preview.wait_for_change(seen, KEEPALIVE_SECONDS)
                if version is None:
                    return
                if version == seen:
                    self.wfile.write(b": still here\n\n")
                else:
                    self.wfile.write(f"data: {json.dumps(self.preview.state(), ensure_ascii=False)}\n\n".encode())
                    seen = version
                self.wfile.flush()
        except OSError:  # the tab was closed or reloaded
            return
        finally:
            self.preview.listening(-1)
