"""What the process's environment tells every command: the date SOURCE_DATE_EPOCH pins for today, and where
builds keep what they can reuse."""

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
