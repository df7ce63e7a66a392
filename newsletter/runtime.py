"""What the process's environment tells every command: the date SOURCE_DATE_EPOCH pins for today, where
builds keep what they can reuse, whether anyone still reads what it writes, and whether the command should run again
in Python's UTF-8 mode."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import NamedTuple

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


class Rerun(NamedTuple):
    argv: list[str]
    env: dict[str, str]


def utf8_mode_command() -> Rerun | None:
    """The command line that runs this command again in Python's UTF-8 mode (`python -X utf8 ...`), when it is the
    newsletter command (`newsletter ...`, `python -m newsletter ...`) run without it under a locale whose encoding is
    not UTF-8 (LANG=de_DE or tr_TR: ISO-8859-1 and -9; LC_ALL=C with PYTHONUTF8=0). Python would read file names
    in that encoding: a story named `01-l’élection.md` was refused as holding a control character, and a headline
    with a curly quote could not be printed once the build was written. Stories, settings and outputs are UTF-8
    whatever the locale; so are file names in UTF-8 mode. What the command prints stays in the locale's encoding
    (a character it lacks written as `\\u2019`), unless PYTHONIOENCODING says otherwise. None: no need (UTF-8 mode
    already, a UTF-8 locale, or Windows, whose file names are Unicode) or not ours to run again (a program or a
    test calling the command line in its own process)."""
    import codecs
    import locale
    import sys

    if sys.flags.utf8_mode or os.name != "posix" or not sys.executable or not sys.argv:
        return None
    encoding = codecs.lookup(locale.getencoding()).name
    if {encoding, codecs.lookup(sys.getfilesystemencoding()).name} == {"utf-8"}:
        return None
    command = Path(sys.argv[0])
    if command.name != "newsletter" and command != Path(__file__).with_name("__main__.py"):
        return None
    env = {"PYTHONIOENCODING": f"{encoding}:backslashreplace"} | dict(os.environ)
    return Rerun([sys.executable, "-X", "utf8", *sys.orig_argv[1:]], env)
