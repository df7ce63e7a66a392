"""The send log: one SQLite row per (issue, address), committed after every step, so a re-run resumes.

Row states:

    pending  -> sending -> sent        the server said 250 to the message
                        -> unknown     the message went out, the reply never came (kept, not resent)
             -> failed                 5xx (permanent) or 4xx until the retries ran out (tried again next run)

A row is marked `sending` (and committed) just before the message body goes out, so a row found `sending`
by the next run belongs to a process that died between sending a message and hearing back: the server
may or may not have it, and the row becomes `unknown` instead of being sent blindly a second time.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import SendError

LOG_NAME = "send-log.sqlite3"
STATES = ("pending", "sending", "sent", "failed", "unknown")
UNKNOWN_AFTER_CRASH = "the sending process stopped after the message went out, before the server confirmed it"

SCHEMA = """
CREATE TABLE IF NOT EXISTS deliveries (
    issue      TEXT NOT NULL,
    key        TEXT NOT NULL,             -- the address, case-folded: one row per subscriber
    address    TEXT NOT NULL,
    message_id TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'unknown')),
    permanent  INTEGER NOT NULL DEFAULT 0, -- a failed row that a re-run does not try again
    attempts   INTEGER NOT NULL DEFAULT 0,
    error      TEXT NOT NULL DEFAULT '',
    updated    TEXT NOT NULL,
    PRIMARY KEY (issue, key)
);
CREATE TABLE IF NOT EXISTS runs (
    id       INTEGER PRIMARY KEY,
    issue    TEXT NOT NULL,
    list     TEXT NOT NULL,
    started  TEXT NOT NULL,
    finished TEXT,
    complete INTEGER NOT NULL DEFAULT 0    -- nothing was left to send when the run ended
);
"""


@dataclass(frozen=True)
class Row:
    key: str
    address: str
    message_id: str
    status: str
    permanent: bool
    attempts: int
    error: str
    updated: str

    @property
    def done(self) -> bool:
        """Nothing more to do for this address without --resend-unknown or a new list."""
        return self.status == "sent" or (self.status == "failed" and self.permanent)


@dataclass(frozen=True)
class Run:
    id: int
    list: str
    started: str
    finished: str | None
    complete: bool


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class SendLog:
    """The log of one issue in one SQLite file; every write is its own committed transaction."""

    def __init__(self, path: Path, issue: str):
        self.path = path
        self.issue = issue
        try:
            self.db = sqlite3.connect(path, isolation_level=None, timeout=10)
            # WAL + FULL: each commit is one fsync of the log, and survives a crash of the process or machine.
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=FULL")
            self.db.executescript(SCHEMA)
        except sqlite3.Error as error:
            raise SendError(f"cannot open the send log: {error}", file=path) from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SendLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reading -------------------------------------------------------------------------------

    def rows(self) -> dict[str, Row]:
        cursor = self.db.execute(
            "SELECT key, address, message_id, status, permanent, attempts, error, updated FROM deliveries "
            "WHERE issue = ?",
            (self.issue,),
        )
        return {values[0]: Row(*values[:4], bool(values[4]), *values[5:]) for values in cursor}

    def last_run(self) -> Run | None:
        """The latest list send of this issue; a run killed before its end has `finished` None."""
        values = self.db.execute(
            "SELECT id, list, started, finished, complete FROM runs WHERE issue = ? ORDER BY id DESC LIMIT 1",
            (self.issue,),
        ).fetchone()
        return Run(*values[:4], bool(values[4])) if values else None

    # --- writing -------------------------------------------------------------------------------

    def recover(self) -> None:
        """Rows a killed run left `sending` become `unknown`."""
        with self.transaction():
            self.db.execute(
                "UPDATE deliveries SET status = 'unknown', error = ?, updated = ? "
                "WHERE issue = ? AND status = 'sending'",
                (UNKNOWN_AFTER_CRASH, now(), self.issue),
            )

    def add(self, entries: Iterable[tuple[str, str, str]]) -> None:
        """(key, address, message_id) rows for addresses not in the log yet, as `pending`."""
        stamp = now()
        with self.transaction():
            self.db.executemany(
                "INSERT OR IGNORE INTO deliveries (issue, key, address, message_id, status, updated) "
                "VALUES (?, ?, ?, ?, 'pending', ?)",
                [(self.issue, key, address, message_id, stamp) for key, address, message_id in entries],
            )

    def mark(self, key: str, status: str, *, error: str = "", permanent: bool = False, attempt: bool = False) -> None:
        assert status in STATES
        with self.transaction():
            self.db.execute(
                "UPDATE deliveries SET status = ?, error = ?, permanent = ?, attempts = attempts + ?, updated = ? "
                "WHERE issue = ? AND key = ?",
                (status, error, int(permanent), int(attempt), now(), self.issue, key),
            )

    def start_run(self, list_name: str) -> int:
        with self.transaction():
            cursor = self.db.execute(
                "INSERT INTO runs (issue, list, started) VALUES (?, ?, ?)", (self.issue, list_name, now())
            )
        return int(cursor.lastrowid or 0)

    def finish_run(self, run: int, *, complete: bool) -> None:
        with self.transaction():
            self.db.execute(
                "UPDATE runs SET finished = ?, complete = ? WHERE id = ?", (now(), int(complete), run)
            )

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")
        except sqlite3.Error as error:
            raise SendError(f"cannot write the send log: {error}", file=self.path) from None


@contextlib.contextmanager
def exclusive(path: Path) -> Iterator[None]:
    """Hold a lock next to the log for a whole run: two sends of one issue at once would send twice.

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
                "another `newsletter send` of this issue is running; wait for it to finish", file=path.parent
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield
    finally:
        handle.close()
