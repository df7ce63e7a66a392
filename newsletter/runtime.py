"""What the process's environment tells every command: the date SOURCE_DATE_EPOCH pins for today, where
builds keep what they can reuse, and whether anyone still reads what it writes."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from .errors import InputError


def pinned_today() -> dt.date | None:
    """The date SOURCE_DATE_EPOCH pins for a reproducible build, standing in for today; None: the clock's."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return None
    try:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    except (ValueError, OverflowError, OSError):
        raise InputError(f"SOURCE_DATE_EPOCH={epoch!r} is not a whole number of seconds") from None


def cache_folder() -> Path | None:
    """Where builds keep what they can reuse between runs (compiled templates and patterns, parsed CSS), each file
    named by what it was made from: $NEWSLETTER_CACHE, else newsletter/ in the user's cache folder; an empty
    NEWSLETTER_CACHE keeps nothing. Deleting the folder is always safe: the next run is slower, no different."""
    chosen = os.environ.get("NEWSLETTER_CACHE")
    if chosen is not None:
        return Path(chosen) if chosen else None
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsletter"


def output_closed() -> bool:
    """Whether standard output or error has lost its reader (`newsletter build | head -1`, once head has its line).
    Each that has is pointed at /dev/null, so that Python's last flush at exit does not fail on it again. False
    where the system cannot tell (no poll): a broken pipe is then said as any other error."""
    import select

    if not hasattr(select, "poll"):
        return False
    closed = False
    for fd in (1, 2):
        poller = select.poll()
        try:
            poller.register(fd, 0)  # no events asked for: an error or a hang-up is reported anyway
            events = poller.poll(0)
        except OSError:
            continue
        if any(event & (select.POLLERR | select.POLLHUP) for _, event in events):
            closed = True
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, fd)
            os.close(null)
    return closed
