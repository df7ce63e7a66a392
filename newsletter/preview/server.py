"""A source folder -> a local web server showing the built issue, rebuilt whenever a story, template or setting changes.

Like `mkdocs serve`: one ThreadingHTTPServer (stdlib) serves the preview page (preview.* beside this file), a JSON
summary of the last build, the build's own files and a Server-Sent Events stream (/events) that carries a
build counter; a watcher thread (watchfiles) rebuilds on change. A failed rebuild keeps the last good build
on screen and puts the error in the page.

The page is also the editor's desk: "Copy for pasting" (/paste.json) and "Copy HTML" (/copy.json) answer from the
last good build once a save's build is done (settled); "Add a page" (POST /add-page, /add-photo) and "Order"
(/make-lead, /move-story) write into the issue folder through desk.py and order.py, only for the page (handler.refusal).
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import re
import secrets
import socket
import stat
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

from newsletter.errors import InputError, NewsletterError
from newsletter.loopback import is_loopback
from newsletter.patterns import regex

LOOPBACK = "127.0.0.1"
POLL_MS = 500  # the watcher also compares file stamps this often: a missed or early event can't leave it stale
KEEPALIVE_SECONDS = 15
FIRST_STEP_SECONDS = 0.2  # the longest the rest of a build waits for an open page to show its first step
# An editor that saves in place empties the file, then writes it: a build that reads it between the two fails.
# A failed build waits this long for the rest of the save before it is shown (a good one never waits).
WRITE_GRACE_SECONDS = 0.05
# A copy made just after a save waits this long at most for its build: the browser lets a click copy for about 5 s
COPY_WAIT_SECONDS = 3.0
TICKET = 64  # characters at most of an "Add a page" request's ticket (the page sends a UUID)

IMAGE_SUFFIX = regex(r"\.(?:jpe?g|png|gif|webp|tiff?|bmp)$", re.IGNORECASE)


def entries(folder: str | Path) -> list[os.DirEntry[str]]:
    """A folder's entries; none when it is gone or cannot be read (the next build names that)."""
    try:
        with os.scandir(folder) as found:
            return list(found)
    except OSError:
        return []


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
    from newsletter.preview.order import order_of
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
                # A dropped photo is offered to it: a Markdown story with no picture, and not `image: false`
                "takes_photo": not story.image.src and not story.text_only,
            }
            for story in issue.stories
        ],
        "services": [
            {"key": "", "name": "as built"},
            *({"key": key, "name": dialect.name} for key, dialect in DIALECTS.items()),
        ],
        "order": order_of(issue),  # the desk's list: the lead, then each section's stories
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
        from newsletter.load import Reads

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
        self.token = secrets.token_urlsafe(32)  # in the page: a write must carry it (see handler.Handler.refusal)
        self.number = 0
        self.snapshot: Snapshot | None = None
        self.shown: Snapshot | None = None  # the newest complete build: the side panel's
        self.version = 0  # counts every change the page should hear of, a first step included
        self.wanted = "email.html"  # the file the page's frame last asked for: made first on a rebuild
        self.listeners = 0  # open event streams: pages that will ask for a build's first step
        self.taken = 0  # the newest build whose first step a page's frame shows
        self.error: dict[str, Any] | None = None
        self.closing = False
        self.changed = threading.Condition()
        self.stop = threading.Event()
        self.server: ThreadingHTTPServer | None = None
        self.threads: list[threading.Thread] = []
        self.watched = self.watch_list()
        self.stamps: tuple[Any, ...] = ()
        self.images: list[Path] = []  # the local images of the last good build: a changed photo rebuilds
        self.reads = Reads()  # a save parses only the story files whose bytes it changed
        self.reading: dict[str, threading.Event] = {}  # pages "Add a page" is reading, by the page's ticket
        self.building = False  # the watcher builds a save (rebuild_if_changed): a copy waits for it (settled)
        self.copy_wait = COPY_WAIT_SECONDS

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
        from newsletter.models import Model, build_validators
        from newsletter.settings import Table

        build_validators(Model)  # before any thread of ours uses one (they are built on first use)
        build_validators(Table)
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

        from newsletter.preview.handler import Handler

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
        """Answer requests until close() or Ctrl-C (KeyboardInterrupt reaches the caller).

        The command line's: a process that lives for the session. What is alive now (the modules, templates and
        parsed CSS, the first build) is set aside from the garbage collector, whose full pass over it took 45 ms
        of a save every few dozen saves; what later builds leave behind is collected as before."""
        assert self.server is not None, "open the preview first"
        gc.collect()
        gc.freeze()
        self.answer()

    def answer(self) -> None:
        assert self.server is not None, "open the preview first"
        self.server.serve_forever(poll_interval=0.25)

    def serve_in_background(self) -> None:
        """Answer requests in a thread of their own (tests): the process's objects are left to the collector."""
        thread = threading.Thread(target=self.answer, name="preview-server", daemon=True)
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
        `skip_if_stale`, a build whose sources changed again while its first step was made (or, for a
        failed one, within WRITE_GRACE_SECONDS after) is not published: None.
        """
        from newsletter.build import make_issue, render_files
        from newsletter.render import Rendering, issue_folder_url

        started = time.monotonic()
        error = None
        try:
            made = make_issue(
                self.source, date=self.date, today=self.today, config=self.config, cache=self.cache, reads=self.reads
            )
            issue = made.issue
            # each output rendered once, the shown one first
            rendering = Rendering(issue, images=made.images, cache=self.cache)
            first = {**rendering.first(self.wanted), **made.images}
        except Exception as failure:  # a preview outlives any one bad build
            error = error_report(failure)
        if skip_if_stale and error is not None:
            self.stop.wait(WRITE_GRACE_SECONDS)
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
                # The rest waits until an open page shows the first step (briefly): the browser lays out and
                # paints the email meanwhile, and should not share the machine's cores with the rest of the build.
                self.changed.wait_for(
                    lambda: self.closing or not self.listeners or self.taken >= self.number, timeout=FIRST_STEP_SECONDS
                )
            try:
                files = render_files(made, rendering=rendering)
                summary = summarise(issue, files, self.number)
                snapshot = Snapshot(self.number, files, summary, published=published, issue=issue)
            except Exception as failure:
                error = error_report(failure)
        with self.changed:
            if error is None:
                self.snapshot = self.shown = snapshot
                self.images = [path.resolve() for path in made.image_files]
            else:
                if self.snapshot is None or self.snapshot.complete:
                    self.number += 1  # the first step failed: a build of its own
                self.snapshot = self.shown  # the last good build stays on screen
            self.error = error
            self.version += 1
            self.building = False  # with the build it waited for in place (settled)
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

    def shown_on_page(self, number: int) -> None:
        """A page's frame shows the first step of build `number` (painted): the rest of the build may go on."""
        with self.changed:
            self.taken = max(self.taken, min(number, self.number))  # a stale or forged number stops no later wait
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
        """ "Copy for pasting": the last good build (or one story of it) as HTML for a web editor (copies.py)."""
        from .copies import for_pasting

        newest = self.settled()
        return {**for_pasting(self.shown, story), **newest}

    def for_service(self, key: str) -> dict[str, Any]:
        """ "Copy HTML": the email as `export --esp <key>` writes it, for a service's HTML editor (copies.py)."""
        from .copies import for_service

        newest = self.settled()
        return {**for_service(self.shown, key), **newest}

    def settled(self) -> dict[str, Any]:
        """Once the build of the last save is done (a save the watcher has not seen yet included), or `copy_wait`
        seconds have passed: the newest build's number, whether it failed, and whether it is still being made, which
        a copy of the last good build then says."""
        deadline = time.monotonic() + self.copy_wait
        while True:
            stamps = self.stamp()  # before `building` is read: the watcher sets it before it takes the new stamps
            with self.changed:
                building = self.building or stamps != self.stamps
                left = deadline - time.monotonic()
                if not building or self.closing or left <= 0:
                    return {"newest": self.number, "failed": self.error is not None, "building": building}
                self.changed.wait(min(left, POLL_MS / 1000))

    def add(self, path: str, fields: dict[str, str]) -> dict[str, Any]:
        """ "Add a page", a dropped photo, that photo or a headline given to a story, and the order of the stories:
        written into the issue folder; the watcher rebuilds."""
        from newsletter.build import make_issue

        from .desk import add_page, add_photo, arrived, use_headline, use_photo
        from .order import make_lead, move_story, story_place

        if not self.source.is_dir():
            raise InputError(f"Add a page needs an issue folder; this preview shows the single file {self.source}")
        if path == "/add-photo":
            added = add_photo(self.source, fields.get("name", "photo"), arrived(fields.get("data", ""), "photo"))
        elif path == "/use-photo":
            added = use_photo(self.source, fields.get("story", ""), fields.get("photo", ""))
        elif path == "/use-headline":
            added = use_headline(self.source, fields.get("story", ""), fields.get("headline", ""))
        elif path == "/make-lead":  # issue.toml's lead
            added = make_lead(self.source, fields.get("story", ""))
        elif path == "/move-story":  # the story and the one above or below it trade places, as the files are now
            made = make_issue(self.source, date=self.date, today=self.today, config=self.config, cache=self.cache)
            added = move_story(self.source, made.issue, *story_place(fields))
        elif path == "/stop-reading":  # "Stop reading": the paste is added without the page at its address
            stop = self.reading.get(fields.get("ticket", "")[:TICKET])  # (as it was kept)
            if stop is not None:
                stop.set()
            return {"written": [], "stopped": stop is not None}
        else:
            # The request's ticket (the page's random name for it) lets "Stop reading" end the wait for the page
            ticket, stop = fields.get("ticket", "")[:TICKET], threading.Event()
            if ticket:
                self.reading[ticket] = stop
            try:
                added = add_page(
                    self.source,
                    html=fields.get("html", ""),
                    text=fields.get("text", ""),
                    saved=arrived(fields["data"], "page") if fields.get("data") else b"",  # a saved page, as bytes
                    name=fields.get("name", ""),
                    address=fields.get("address", ""),
                    look=fields.get("look") == "yes",  # the page at the address read for its headline (a checkbox)
                    stop=stop,
                    config=self.config,  # the brand's name: a related list's items are only its own page's
                )
            finally:
                self.reading.pop(ticket, None)
        return {
            "written": added.written,
            "headlines": added.headlines,
            "warnings": [notice.advised() for notice in added.notices],
            "choices": added.choices,
            "unsure": added.unsure,
        }

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
        """(path, mtime, size) of every watched file: equal stamps, nothing to rebuild. Made twice a save and
        twice a second, so on names as strings (pathlib's walk and sort cost as much again) and one stat a file."""
        from watchfiles import Change, DefaultFilter

        keep = DefaultFilter()
        names: set[str] = set()
        for folder in self.watched.folders:
            for root, _, files in os.walk(folder):
                names.update(os.path.join(root, name) for name in files)
        if self.watched.source is not None:
            # Photos in the issue folder's own subfolders (photos/), even one a failed build was missing; deeper
            # ones through the last build's list (self.images), so a big folder is never walked twice a second
            for entry in entries(self.watched.source):
                names.add(entry.path)
                if entry.is_dir():
                    names.update(inner.path for inner in entries(entry.path) if IMAGE_SUFFIX.search(inner.name))
        paths = sorted(name for name in names if keep(Change.modified, name))
        kept = set(paths)  # a photo the last build used is watched even in a folder the filter leaves out
        images = [str(path) for path in self.images if str(path) not in kept]
        found: list[tuple[str, int | None, int | None]] = []
        for name in paths + [str(path) for path in self.watched.files] + images:
            try:
                info = os.stat(name)
            except OSError:  # deleted since the listing, or a settings file not written yet
                found.append((name, None, None))
                continue
            if not stat.S_ISDIR(info.st_mode):
                found.append((name, info.st_mtime_ns, info.st_size))
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
        except Exception:  # e.g. a watched folder was deleted: fall back to polling
            while not self.stop.wait(POLL_MS / 1000):
                self.rebuild_if_changed()

    def rebuild_if_changed(self) -> None:
        """Build until a build starts from the sources as they are: a save during a build is built next;
        a build overtaken by a save before its first step was shown is not shown at all (up to 3 in a row,
        so that a file rewritten without pause still shows)."""
        skipped = 0
        try:
            while (stamps := self.stamp()) != self.stamps:
                with self.changed:
                    self.building = True  # until this build is shown
                # Stamped before building: a save during the build is seen next time round.
                self.stamps = stamps
                event = self.rebuild(skip_if_stale=skipped < 3)
                skipped = skipped + 1 if event is None else 0
        finally:
            with self.changed:
                self.building = False
                self.changed.notify_all()
