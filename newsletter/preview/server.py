"""A source folder -> a local web server showing the built issue, rebuilt whenever a story, template or setting changes.

Like `mkdocs serve`: one ThreadingHTTPServer (stdlib) serves the preview page (preview.* beside this file), a JSON
summary of the last build, the build's own files and a Server-Sent Events stream (/events) that carries a
build counter; a watcher thread (watchfiles) rebuilds on change. A failed rebuild keeps the last good build
on screen and puts the error in the page.

The page is also the editor's desk: "Copy for pasting" (/paste.json) and "Copy HTML" (/copy.json) answer from the
last good build; "Add a page" (POST /add-page, /add-photo) writes into the issue folder through desk.py, and only
for the page itself (see Handler.refusal).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
import secrets
import socket
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, cast
from urllib.parse import parse_qs, urlsplit

from newsletter.errors import InputError, NewsletterError
from newsletter.loopback import is_loopback
from newsletter.text import STORY_LIMIT, human_size

LOOPBACK = "127.0.0.1"
POLL_MS = 500  # the watcher also compares file stamps this often: a missed or early event can't leave it stale
KEEPALIVE_SECONDS = 15
FIRST_STEP_SECONDS = 0.2  # the longest the rest of a build waits for an open page to fetch its first step

# The preview page: fixed names, read from this package's folder (never from the editor's folder).
PAGE_FILES = {
    "/": ("preview.html", "text/html; charset=utf-8"),
    "/preview.js": ("preview.js", "text/javascript; charset=utf-8"),
    "/preview.css": ("preview.css", "text/css; charset=utf-8"),
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
# Writes: the desk's endpoints, the bodies they take, and the most they read (a photo comes base64-encoded in JSON).
WRITES = ("/add-page", "/add-photo", "/use-photo")
BODY_TYPES = ("application/json", "application/x-www-form-urlencoded")
WRITE_LIMIT = STORY_LIMIT
TOKEN_MARK = "__PREVIEW_TOKEN__"  # in preview.html: the session's token goes there
IMAGE_SUFFIX = re.compile(r"\.(?:jpe?g|png|gif|webp|tiff?|bmp)$", re.IGNORECASE)
IMAGE_TYPES = {".jpg": "image/jpeg", ".png": "image/png"}  # what images.py writes
SCHEME_QUERY = re.compile(r"\(\s*prefers-color-scheme\s*:\s*(dark|light)\s*\)", re.IGNORECASE)


def force_scheme(html: str, scheme: str) -> str:
    """`html` with its prefers-color-scheme queries fixed to `scheme` ("light" or "dark").

    An iframe follows the colour scheme of the browser around it, so Light beside Dark needs the query
    decided in the served copy: the matching scheme becomes (color), true on every colour screen, the other
    (monochrome), false on one. The file on disk, and what "Copy HTML" copies, are never changed.
    """
    return SCHEME_QUERY.sub(lambda match: "(color)" if match[1].lower() == scheme else "(monochrome)", html)


def page_file(name: str) -> Path:
    return Path(__file__).parent / name


def error_report(error: BaseException) -> dict[str, Any]:
    """What the page's banner shows: the one-line message, the file and line where known."""
    if isinstance(error, NewsletterError):
        return {"message": str(error), "detail": error.message, "file": error.file, "line": error.line}
    # A bug in a stage: say where it happened, and keep serving.
    frames = traceback.extract_tb(error.__traceback__)
    last = frames[-1] if frames else None
    detail = f"unexpected {type(error).__name__}: {error}"
    return {
        "message": detail,
        "detail": detail,
        "file": last.filename if last else None,
        "line": last.lineno if last else None,
    }


@dataclass(frozen=True)
class Snapshot:
    """One good build, held in memory: every response of a request comes from the same build.

    A build is shown in two steps: first the file the open page's frame shows (`complete` False, no
    summary yet), then every file and the summary. A request for a file not made yet waits for the rest.
    """

    number: int
    files: dict[str, bytes]
    summary: dict[str, Any] | None
    complete: bool = True
    published: str = ""  # <web_base_url>/<issue folder>/: its images/ are served from this build instead
    issue: Any = None  # the issue it was made from: "Copy for pasting" renders from it


@dataclass(frozen=True)
class BuildEvent:
    """What a rebuild did, for the command line to report."""

    number: int
    seconds: float
    error: dict[str, Any] | None = None
    warnings: int = 0
    errors: int = 0
    subject: str = ""


@dataclass
class Watched:
    source: Path | None = None  # an issue folder: its own files only, as load_source reads them
    folders: list[Path] = field(default_factory=list)  # template folders, with their subfolders
    files: list[Path] = field(default_factory=list)  # a single story, the settings file: present or not


def summarise(issue: Any, files: dict[str, bytes], number: int) -> dict[str, Any]:
    """The build as the side panel shows it: inbox row, sizes, and every finding with its story."""
    from newsletter.check import CLIP_ERROR, CLIP_WARN, Finding, check_build_notices, check_files, ordered, tally
    from newsletter.export import DIALECTS
    from newsletter.render import card_text

    try:
        findings = check_files(issue, files["email.html"].decode("utf-8"), files["email.txt"].decode("utf-8"))
    except Exception as error:  # the checks must never hide the email; keep the build's own warnings
        failed = Finding("error", "preview", f"the pre-send checks failed: {type(error).__name__}: {error}")
        findings = ordered([*check_build_notices(issue), failed])
    errors, warnings = tally(findings)
    brand = issue.brand
    return {
        "build": number,
        "built_at": dt.datetime.now().strftime("%H:%M:%S"),
        "slug": issue.slug,
        "date": issue.date.isoformat(),
        "subject": issue.subject,
        "preheader": issue.preheader,
        "sender": brand.from_name,
        "sender_email": brand.sender.email,
        "sizes": {name: len(data) for name, data in files.items()},
        "clip": {"warn": CLIP_WARN, "limit": CLIP_ERROR},
        "findings": [finding.as_dict() for finding in findings],
        "errors": errors,
        "warnings": warnings,
        # What "Copy for pasting" can copy besides the whole issue, and whom "Copy HTML" copies for.
        "stories": [
            {
                "anchor": story.anchor,
                "headline": card_text(story)[0],
                "file": Path(story.source.file).name if story.source.file.lower().endswith(".md") else "",
                "image": bool(story.image.src),
            }
            for story in issue.stories
        ],
        "services": [
            {"key": "", "name": "as built"},
            *({"key": key, "name": dialect.name} for key, dialect in DIALECTS.items()),
        ],
    }


class Preview:
    """Build `source`, serve it on `host`:`port` (0: a free port) and rebuild it when a watched file changes.

    Use as a context manager: entering builds once and binds the port; `serve_forever()` (the command
    line) or `serve_in_background()` (tests) then answers requests; leaving stops everything and removes
    the private build folder.
    """

    def __init__(
        self,
        source: Path,
        *,
        host: str = LOOPBACK,
        port: int = 0,
        allow_remote: bool = False,
        date: dt.date | None = None,
        today: dt.date | None = None,
        config: Path | None = None,
        report: Callable[[BuildEvent], None] | None = None,
        cache: Path | None = None,
    ) -> None:
        if not allow_remote and not is_loopback(host):
            raise InputError(
                f"refusing to serve the preview on {host}, which is not this machine's loopback: "
                f"anyone who can reach it could read the issue; pass --host {host} to mean it"
            )
        if not source.exists():
            raise InputError("no such file or folder", file=source)
        self.source = source
        self.host = host
        self.port = port
        self.allow_remote = allow_remote
        self.date = date
        self.today = today  # None: the clock's, read at each rebuild
        self.config = config
        self.report = report
        self.cache = cache
        self.run = secrets.token_hex(6)  # tells an open page that the server was restarted
        self.token = secrets.token_urlsafe(32)  # in the page: a write must carry it (see Handler.refusal)
        self.number = 0
        self.snapshot: Snapshot | None = None
        self.shown: Snapshot | None = None  # the newest complete build: the side panel's
        self.version = 0  # counts every change the page should hear of, a first step included
        self.wanted = "email.html"  # the file the page's frame last asked for: made first on a rebuild
        self.listeners = 0  # open event streams: pages that will ask for a build's first step
        self.taken = 0  # the newest build whose first step a page's frame has fetched
        self.error: dict[str, Any] | None = None
        self.closing = False
        self.changed = threading.Condition()
        self.stop = threading.Event()
        self.server: ThreadingHTTPServer | None = None
        self.threads: list[threading.Thread] = []
        self.watched = self.watch_list()
        self.stamps: tuple[Any, ...] = ()
        self.images: list[Path] = []  # the local images of the last good build: a changed photo rebuilds

    # --- lifetime -------------------------------------------------------------------------------------

    def __enter__(self) -> Preview:
        try:
            self.open()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def open(self) -> None:
        # Builds stay in memory: nothing is written into a watched folder (no rebuild loop) or over the
        # editor's build/<slug>.
        self.stamps = self.stamp()
        self.rebuild()
        self.server = self.bind()
        watcher = threading.Thread(target=self.watch, name="preview-watcher", daemon=True)
        watcher.start()
        self.threads.append(watcher)

    def bind(self) -> ThreadingHTTPServer:
        family = socket.AF_INET6 if ":" in self.host.strip("[]") else socket.AF_INET

        class Server(ThreadingHTTPServer):
            address_family = family
            daemon_threads = True  # an open /events stream must not hold up the exit

            def handle_error(self, request: Any, client_address: Any) -> None:
                if not isinstance(sys.exc_info()[1], ConnectionError):  # a closed tab is not an error
                    super().handle_error(request, client_address)

        handler = type("Handler", (Handler,), {"preview": self})
        try:
            return Server((self.host.strip("[]"), self.port), handler)
        except OSError as error:
            hint = "pick another with --port, or leave --port out for a free one" if self.port else ""
            raise InputError(
                f"cannot serve on {self.host}:{self.port}: {error.strerror or error}" + (f"; {hint}" if hint else "")
            ) from None

    @property
    def url(self) -> str:
        assert self.server is not None, "open the preview first"
        host = self.host if ":" not in self.host or self.host.startswith("[") else f"[{self.host}]"
        if host in ("0.0.0.0", "[::]"):
            host = LOOPBACK if host == "0.0.0.0" else "[::1]"
        return f"http://{host}:{self.server.server_address[1]}/"

    def serve_forever(self) -> None:
        """Answer requests until close() or Ctrl-C (KeyboardInterrupt reaches the caller)."""
        assert self.server is not None, "open the preview first"
        self.server.serve_forever(poll_interval=0.25)

    def serve_in_background(self) -> None:
        thread = threading.Thread(target=self.serve_forever, name="preview-server", daemon=True)
        thread.start()
        self.threads.append(thread)

    def close(self) -> None:
        self.stop.set()
        with self.changed:
            self.closing = True
            self.changed.notify_all()
        if self.server is not None:
            if any(thread.name == "preview-server" for thread in self.threads):
                self.server.shutdown()
            self.server.server_close()
        for thread in self.threads:
            thread.join(timeout=5)
        self.threads = []

    # --- building -------------------------------------------------------------------------------------

    def rebuild(self, *, skip_if_stale: bool = False) -> BuildEvent | None:
        """Build once; on failure keep serving the last good build and record the error for the page.

        The file the page's frame shows is made and published first, the rest after it. With
        `skip_if_stale`, a build whose sources changed again while its first step was made is not
        published: None.
        """
        from newsletter.build import make_issue, render_files
        from newsletter.render import Rendering, issue_folder_url

        started = time.monotonic()
        error = None
        try:
            issue = make_issue(self.source, date=self.date, today=self.today, config=self.config, cache=self.cache)
            rendering = Rendering(issue, cache=self.cache)  # each output rendered once, the shown one first
            first = {**rendering.first(self.wanted), **issue._images}
        except Exception as failure:  # noqa: BLE001 - a preview outlives any one bad build
            error = error_report(failure)
        if skip_if_stale and self.stamp() != self.stamps:
            return None
        if error is None:
            published = issue_folder_url(issue)
            with self.changed:
                self.snapshot = Snapshot(self.number + 1, first, None, complete=False, published=published)
                self.number += 1
                self.error = None
                self.version += 1
                self.changed.notify_all()
                # The rest waits until an open page has fetched the first step (briefly): Python runs one
                # thread at a time, and the page's request should not queue behind the rest of the build.
                self.changed.wait_for(
                    lambda: self.closing or not self.listeners or self.taken >= self.number, timeout=FIRST_STEP_SECONDS
                )
            try:
                files = render_files(issue, rendering=rendering)
                summary = summarise(issue, files, self.number)
                snapshot = Snapshot(self.number, files, summary, published=published, issue=issue)
            except Exception as failure:  # noqa: BLE001
                error = error_report(failure)
        with self.changed:
            if error is None:
                self.snapshot = self.shown = snapshot
                self.images = [Path(path).resolve() for path in issue._image_files]
            else:
                if self.snapshot is None or self.snapshot.complete:
                    self.number += 1  # the first step failed: a build of its own
                self.snapshot = self.shown  # the last good build stays on screen
            self.error = error
            self.version += 1
            self.changed.notify_all()
            number, shown = self.number, self.snapshot
        event = BuildEvent(
            number=number,
            seconds=time.monotonic() - started,
            error=error,
            warnings=shown.summary["warnings"] if shown and shown.summary and error is None else 0,
            errors=shown.summary["errors"] if shown and shown.summary and error is None else 0,
            subject=shown.summary["subject"] if shown and shown.summary and error is None else "",
        )
        if self.report is not None:
            self.report(event)
        return event

    def state(self) -> dict[str, Any]:
        with self.changed:
            return {
                "run": self.run,
                "build": self.number,
                "error": self.error,
                "shown": self.shown.summary if self.shown else None,
                # The build whose files the frame can show now: ahead of `shown` while the rest is made.
                "frame": self.snapshot.number if self.snapshot else None,
                "source": str(self.source),
            }

    def wait_for_change(self, seen: int | None, timeout: float) -> int | None:
        """The change counter once it differs from `seen` (or after `timeout`); None when closing."""
        with self.changed:
            self.changed.wait_for(lambda: self.closing or self.version != seen, timeout=timeout)
            return None if self.closing else self.version

    def listening(self, change: int) -> None:
        with self.changed:
            self.listeners += change

    def took(self, number: int) -> None:
        """A page's frame has the first step of build `number`: the rest of the build may go on."""
        with self.changed:
            self.taken = max(self.taken, number)
            self.changed.notify_all()

    def file(self, name: str, timeout: float = 10.0) -> Snapshot | None:
        """The newest build holding `name`, waiting for the rest of a build shown in two steps."""
        with self.changed:
            self.changed.wait_for(
                lambda: self.closing or self.snapshot is None or self.snapshot.complete or name in self.snapshot.files,
                timeout=timeout,
            )
            return self.snapshot

    # --- the desk -------------------------------------------------------------------------------------

    def for_pasting(self, story: str | None) -> dict[str, Any]:
        """ "Copy for pasting": the last good build (or one story of it) as HTML for a web editor."""
        from newsletter.render import render_paste

        shown = self.shown
        if shown is None:
            raise InputError("nothing is built yet: fix the error shown and save")
        html = render_paste(shown.issue, story=story or None)
        story_headline = next((s.headline for s in shown.issue.stories if story and s.anchor == story), "")
        return {"html": html, "build": shown.number, "story": story_headline}

    def for_service(self, key: str) -> dict[str, Any]:
        """ "Copy HTML": the email as `export --esp <key>` writes it (or, with no key, as built), with photos at
        their published addresses."""
        from newsletter.export import DIALECTS, in_dialect
        from newsletter.render import issue_unsubscribe_url, issue_web_url

        shown = self.shown
        if shown is None:
            raise InputError("nothing is built yet: fix the error shown and save")
        service = DIALECTS.get(key)
        if key and service is None:
            raise InputError(f"{key!r} is not a service this copies for; choose one of {', '.join(DIALECTS)}")
        issue = shown.issue
        if issue._images and not issue.brand.web_base_url:
            raise InputError(
                f"{len(issue._images)} photo(s) have no web address yet, so the pasted email would show broken "
                "pictures: set web_base_url in [brand] and upload the build's images/ there (newsletter publish)"
            )
        if service is None:  # the email as built, with the links newsletter.toml gives
            html = shown.files["email.html"].decode("utf-8")
            summary = f"unsubscribe link {issue_unsubscribe_url(issue)}"
            return {"html": html, "build": shown.number, "service": "your own links", "summary": summary}
        html = in_dialect(shown.files["email.tokens.html"].decode("utf-8"), service, web_url=issue_web_url(issue))
        return {"html": html, "build": shown.number, "service": service.name, "summary": service.summary}

    def add(self, path: str, fields: dict[str, str]) -> dict[str, Any]:
        """ "Add a page", a dropped photo, and that photo given to a story: written into the issue folder; the
        watcher rebuilds."""
        from .desk import add_page, add_photo, use_photo

        if not self.source.is_dir():
            raise InputError(f"Add a page needs an issue folder; this preview shows the single file {self.source}")
        if path == "/add-photo":
            try:
                data = base64.b64decode(fields.get("data", ""), validate=True)
            except ValueError:
                raise InputError("the photo did not arrive whole (not base64): drop it again") from None
            added = add_photo(self.source, fields.get("name", "photo"), data)
        elif path == "/use-photo":
            added = use_photo(self.source, fields.get("story", ""), fields.get("photo", ""))
        else:
            added = add_page(
                self.source, html=fields.get("html", ""), text=fields.get("text", ""), name=fields.get("name", "")
            )
        return {"written": added.written, "headlines": added.headlines, "warnings": [str(n) for n in added.notices]}

    # --- watching -------------------------------------------------------------------------------------

    def watch_list(self) -> Watched:
        """The stories, the templates, the settings file and the calendar beside it."""
        from newsletter.elections import CALENDAR_NAME
        from newsletter.render import template_dirs
        from newsletter.settings import CONFIG_NAME

        watched = Watched()
        if self.source.is_dir():
            watched.source = self.source.resolve()
        else:
            watched.files.append(self.source.resolve())
        # One folder inside another would be walked twice.
        folders = sorted({folder for folder in template_dirs() if folder.is_dir()}, key=lambda path: len(path.parts))
        watched.folders = [f for i, f in enumerate(folders) if not any(f.is_relative_to(o) for o in folders[:i])]
        settings = (self.config or Path(CONFIG_NAME)).resolve()
        # The shared calendar.csv beside the settings file serves every issue (elections.find_calendar)
        watched.files += [settings, settings.parent / CALENDAR_NAME]
        return watched

    def stamp(self) -> tuple[Any, ...]:
        """(path, mtime, size) of every watched file: equal stamps, nothing to rebuild."""
        from watchfiles import Change, DefaultFilter

        keep = DefaultFilter()
        paths = [path for folder in self.watched.folders for path in folder.rglob("*")]
        if self.watched.source is not None:
            paths += self.watched.source.glob("*")
            # Photos in the issue folder's own subfolders (photos/), even one a failed build was missing; deeper
            # ones through the last build's list (self.images), so a big folder is never walked twice a second
            paths += [path for path in self.watched.source.glob("*/*") if IMAGE_SUFFIX.search(path.name)]
        found: list[tuple[str, int | None, int | None]] = []
        paths = sorted({path for path in paths if keep(Change.modified, str(path))})
        for path in paths + self.watched.files + [path for path in self.images if path not in paths]:
            try:
                info = path.stat()
            except OSError:  # deleted since the listing, or a settings file not written yet
                found.append((str(path), None, None))
                continue
            if not path.is_dir():
                found.append((str(path), info.st_mtime_ns, info.st_size))
        return tuple(found)

    def watch(self) -> None:
        """Rebuild when the stamps change: watchfiles wakes us within ~50 ms of a save, and every POLL_MS
        anyway, which also covers a settings file that did not exist yet or was replaced by a rename."""
        try:
            from watchfiles import watch

            folders = [*self.watched.folders, *([self.watched.source] if self.watched.source else [])]
            # A save is built at once: watchfiles yields after `step` ms with no further change (a save is
            # one burst of events), `debounce` only bounds how long a stream of changes is grouped.
            for _changes in watch(
                *folders,
                debounce=100,
                step=5,
                stop_event=self.stop,
                rust_timeout=POLL_MS,
                yield_on_timeout=True,
                raise_interrupt=False,
                ignore_permission_denied=True,
            ):
                if self.stop.is_set():
                    return
                self.rebuild_if_changed()
        except Exception:  # noqa: BLE001 - e.g. a watched folder was deleted: fall back to polling
            while not self.stop.wait(POLL_MS / 1000):
                self.rebuild_if_changed()

    def rebuild_if_changed(self) -> None:
        """Build until a build starts from the sources as they are: a save during a build is built next;
        a build overtaken by a save before its first step was shown is not shown at all (up to 3 in a row,
        so that a file rewritten without pause still shows)."""
        skipped = 0
        while (stamps := self.stamp()) != self.stamps:
            # Stamped before building: a save during the build is seen next time round.
            self.stamps = stamps
            event = self.rebuild(skip_if_stale=skipped < 3)
            skipped = skipped + 1 if event is None else 0


class Handler(BaseHTTPRequestHandler):
    """GET and HEAD of fixed paths; POST of the desk's writes, from the preview's own page only."""

    preview: Preview
    server_version = "newsletter-preview"
    sys_version = ""
    timeout = 30

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
        pass  # the command line reports builds, not requests

    def do_HEAD(self) -> None:  # noqa: N802 - the stdlib's name
        self.handle_get(body=False)

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        self.handle_get(body=True)

    def handle_get(self, *, body: bool) -> None:
        try:
            self.answer(body=body)
        except ConnectionError:
            raise
        except Exception as error:  # noqa: BLE001 - say what broke instead of dropping the connection
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
            # The issue's images are not uploaded yet: show this build's copies.
            data = data.replace(f"{snapshot.published}images/".encode(), b"/images/")
        if name == "email.eml" and snapshot.summary:
            headers["Content-Disposition"] = f'attachment; filename="{snapshot.summary["slug"]}.eml"'
        self.send(HTTPStatus.OK, data, kind, body=body, csp=CONTENT_CSP, headers=headers)
        if "build" in query:
            self.preview.took(snapshot.number)

    def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
        try:
            status, answer = self.write()
        except NewsletterError as error:
            status, answer = HTTPStatus.UNPROCESSABLE_ENTITY, {"error": str(error)}
        except ConnectionError:
            raise
        except Exception as error:  # noqa: BLE001 - say what broke instead of dropping the connection
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
        port = cast("tuple[str, int]", self.server.server_address)[1]
        names = {LOOPBACK, "localhost", "[::1]", self.preview.host}
        if (self.headers.get("Host") or "").lower() not in {f"{name}:{port}" for name in names}:
            return HTTPStatus.FORBIDDEN, "Refused: this preview only answers to its own address"
        if (self.headers.get("Origin") or "").lower() not in {f"http://{name}:{port}" for name in names}:
            return HTTPStatus.FORBIDDEN, "Refused: the preview takes writes only from the preview's own page"
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind not in BODY_TYPES:
            return HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "Refused: the preview takes JSON or form bodies only"
        try:
            length = int(self.headers.get("Content-Length") or "")
        except ValueError:
            return HTTPStatus.LENGTH_REQUIRED, "Refused: the request does not say its length"
        if not 0 <= length <= WRITE_LIMIT:
            return (
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                f"Refused: a page or photo may be at most {human_size(WRITE_LIMIT)} (the story limit)",
            )
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
        except (UnicodeDecodeError, ValueError):
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
        port = cast("tuple[str, int]", self.server.server_address)[1]
        names = {LOOPBACK, "localhost", "[::1]", self.preview.host}
        return host.lower() in {f"{name}:{port}" for name in names} | names

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
