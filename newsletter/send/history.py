"""The send history: one SQLite file next to newsletter.toml, one row per (issue, address), so each
address gets each issue once, whatever folder or date the issue was built with.

An issue is known by what it is, not where it was built: its number, or for an issue without one its
lead story (the same link, or the same headline). A rebuild with another --date, into another folder
or with an edited subject is the same issue, and the addresses that have it are skipped.

Row states:

    pending  -> sending -> sent        the server said 250 to the message
                        -> unknown     the message went out, the reply never came (kept, not resent)
             -> failed                 5xx (permanent) or 4xx until the retries ran out (tried again next run)

A row is marked `sending` (and committed) just before the message body goes out, so a row found `sending`
by the next run belongs to a process that died between sending a message and hearing back: the server
may or may not have it, and the row becomes `unknown` instead of being sent blindly a second time. The
outcome of a message is written with the next message's `sending` mark (one commit per message), and
at the end of the run. WAL with synchronous=NORMAL: a commit survives the process being killed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsletter.errors import SendError
from newsletter.models import Issue
from newsletter.text import fold

HISTORY_NAME = "newsletter-sends.sqlite3"
STATES = ("pending", "sending", "sent", "failed", "unknown")
UNKNOWN_AFTER_CRASH = "the sending process stopped after the message went out, before the server confirmed it"

SCHEMA = """
CREATE TABLE IF NOT EXISTS issues (
    id            INTEGER PRIMARY KEY,
    number        INTEGER,                 -- the issue's number; NULL: known by its lead story
    lead_url      TEXT NOT NULL,
    lead_headline TEXT NOT NULL,           -- folded: case and spacing do not make another issue
    subject       TEXT NOT NULL,           -- as last sent, to say which issue it was
    created       TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS deliveries (
    issue      INTEGER NOT NULL REFERENCES issues (id),
    key        TEXT NOT NULL,             -- the address, case-folded: one row per subscriber
    address    TEXT NOT NULL,
    message_id TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'unknown')),
    permanent  INTEGER NOT NULL DEFAULT 0, -- a failed row that a re-run does not try again
    attempts   INTEGER NOT NULL DEFAULT 0,
    error      TEXT NOT NULL DEFAULT '',
    folder     TEXT NOT NULL DEFAULT '',  -- the build it was last sent from
    updated    TEXT NOT NULL,
    PRIMARY KEY (issue, key)
);
CREATE TABLE IF NOT EXISTS runs (
    id       INTEGER PRIMARY KEY,
    issue    INTEGER NOT NULL REFERENCES issues (id),
    list     TEXT NOT NULL,
    folder   TEXT NOT NULL,
    started  TEXT NOT NULL,
    finished TEXT,
    complete INTEGER NOT NULL DEFAULT 0    -- nothing was left to send when the run ended
);
"""


@dataclass(frozen=True)
class Identity:
    """What makes two builds the same issue."""

    number: int | None
    lead_url: str
    lead_headline: str
    subject: str

    @classmethod
    def of(cls, issue: Issue) -> Identity:
        return cls(issue.number, issue.lead.url, fold(issue.lead.headline), issue.subject)

    def describe(self) -> str:
        return f"issue {self.number}" if self.number is not None else f"the issue led by {self.lead_headline!r}"


@dataclass(frozen=True)
class Row:
    key: str
    address: str
    message_id: str
    status: str
    permanent: bool
    attempts: int
    error: str
    folder: str
    updated: str

    @property
    def done(self) -> bool:
        """Nothing more to do for this address without --resend-unknown, --force or a new list."""
        return self.status == "sent" or (self.status == "failed" and self.permanent)


@dataclass(frozen=True)
class Mark:
    """One row's new state."""

    key: str
    status: str
    error: str = ""
    permanent: bool = False
    attempt: bool = False


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class SendLog:
    """The history of one issue in the send history file. `redact` runs over every error before it is stored."""

    def __init__(
        self, path: Path, identity: Identity, *, create: bool = True, redact: Callable[[str], str] = lambda text: text
    ):
        self.path = path
        self.identity = identity
        self.redact = redact
        self.lock = threading.Lock()  # one writer at a time when several connections send
        try:
            self.db = sqlite3.connect(path, isolation_level=None, timeout=10, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            # WAL + NORMAL: a commit is in the log file before the next message goes out, and survives the
            # process being killed; only a crash of the machine itself may lose the last few.
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(SCHEMA)
        except sqlite3.Error as error:
            raise SendError(f"cannot open the send history: {error}", file=path) from None
        self.issue = self.find(create=create)

    def find(self, *, create: bool) -> int | None:
        """The issue's id in the history: the same number, or (no number) the same lead link or headline."""
        who = self.identity
        if who.number is not None:
            found = self.db.execute("SELECT id FROM issues WHERE number = ?", (who.number,)).fetchone()
        else:
            found = self.db.execute(
                "SELECT id FROM issues WHERE number IS NULL AND ((lead_url != '' AND lead_url = ?) "
                "OR lead_headline = ?) ORDER BY id LIMIT 1",
                (who.lead_url, who.lead_headline),
            ).fetchone()
        if found is not None:
            return int(found[0])
        if not create:
            return None
        with self.transaction():
            cursor = self.db.execute(
                "INSERT INTO issues (number, lead_url, lead_headline, subject, created) VALUES (?, ?, ?, ?, ?)",
                (who.number, who.lead_url, who.lead_headline, who.subject, now()),
            )
        return int(cursor.lastrowid or 0)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SendLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reading -------------------------------------------------------------------------------

    def rows(self) -> dict[str, Row]:
        if self.issue is None:
            return {}
        cursor = self.db.execute(
            "SELECT key, address, message_id, status, permanent, attempts, error, folder, updated FROM deliveries "
            "WHERE issue = ?",
            (self.issue,),
        )
        return {
            key: Row(key, address, message_id, status, bool(permanent), attempts, error, folder, updated)
            for key, address, message_id, status, permanent, attempts, error, folder, updated in cursor
        }

    # --- writing -------------------------------------------------------------------------------

    def recover(self) -> None:
        """Rows a killed run left `sending` become `unknown`."""
        with self.transaction():
            self.db.execute(
                "UPDATE deliveries SET status = 'unknown', error = ?, updated = ? "
                "WHERE issue = ? AND status = 'sending'",
                (UNKNOWN_AFTER_CRASH, now(), self.issue),
            )

    def add(self, entries: Iterable[tuple[str, str, str]], folder: str) -> None:
        """(key, address, message_id) rows for addresses not in the log yet, as `pending`."""
        stamp = now()
        with self.transaction():
            self.db.executemany(
                "INSERT OR IGNORE INTO deliveries (issue, key, address, message_id, status, folder, updated) "
                "VALUES (?, ?, ?, ?, 'pending', ?, ?)",
                [(self.issue, key, address, message_id, folder, stamp) for key, address, message_id in entries],
            )
            self.db.execute("UPDATE issues SET subject = ? WHERE id = ?", (self.identity.subject, self.issue))

    def write(self, marks: Iterable[Mark], folder: str = "") -> None:
        """Several rows' new states in one commit (the last message's outcome, the next one's `sending`)."""
        stamp = now()
        values = []
        for mark in marks:
            assert mark.status in STATES
            values.append(
                (
                    mark.status,
                    self.redact(mark.error),
                    int(mark.permanent),
                    int(mark.attempt),
                    folder,
                    stamp,
                    self.issue,
                    mark.key,
                )
            )
        if not values:
            return
        with self.transaction():
            self.db.executemany(
                "UPDATE deliveries SET status = ?, error = ?, permanent = ?, attempts = attempts + ?, "
                "folder = CASE WHEN ? = '' THEN folder ELSE ? END, updated = ? WHERE issue = ? AND key = ?",
                [
                    (status, error, permanent, attempt, folder, folder, stamp, issue, key)
                    for status, error, permanent, attempt, folder, stamp, issue, key in values
                ],
            )

    def start_run(self, list_name: str, folder: str) -> int:
        with self.transaction():
            cursor = self.db.execute(
                "INSERT INTO runs (issue, list, folder, started) VALUES (?, ?, ?, ?)",
                (self.issue, list_name, folder, now()),
            )
        return int(cursor.lastrowid or 0)

    def finish_run(self, run: int, *, complete: bool) -> None:
        with self.transaction():
            self.db.execute("UPDATE runs SET finished = ?, complete = ? WHERE id = ?", (now(), int(complete), run))

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        with self.lock:
            try:
                self.db.execute("BEGIN IMMEDIATE")
                try:
                    yield
                except BaseException:
                    self.db.execute("ROLLBACK")
                    raise
                self.db.execute("COMMIT")
            except sqlite3.Error as error:
                raise SendError(f"cannot write the send history: {error}", file=self.path) from None


@contextlib.contextmanager
def exclusive(path: Path) -> Iterator[None]:
    """Hold a lock next to the history for a whole run: two list sends at once could send twice.

    The operating system drops the lock when the process dies, even by SIGKILL, so a killed run never
    blocks the next one.
    """
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; one send at a time is then up to the editor
        yield
        return
    lock_path = path.with_name(path.name + ".lock")
    handle = open(lock_path, "a+")  # held open (and locked) for the whole run
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise SendError(
                "another `newsletter send` is running from this folder; wait for it to finish", file=path
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield
    finally:
        handle.close()
