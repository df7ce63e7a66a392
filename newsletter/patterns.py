"""The package's regular expressions, compiled once per machine rather than once per run.

Python compiles a pattern in Python code (parse, then code generation) each time a process starts: about a
quarter of a cold build's own cost, most of it in the pasted-text reader's word lists. `regex()` keeps what that
compilation makes in the cache folder (`patterns/<python>-<engine>.bin`, beside the compiled templates), the way
Python keeps .pyc files, and later runs hand it straight to the regular-expression engine. The file is named by
the Python that made it (where it is installed, its version, the engine's version stamp, its compiler's files), so
another Python never reads it, and a run that writes it removes what it can tell is stale (`tidy`). It carries a
digest of its contents, and each entry's groups are checked against each other before use. A missing, damaged,
foreign or odd file (not a regular file, too large), or a Python without these internals, means compiling as
`re.compile` does. Either way the pattern is the same: a test compares each of the package's patterns, code, flags
and groups, with `re.compile`'s. (The folder is the user's own, as trusted as the compiled templates beside it,
which run as code.)

Only the package's own fixed patterns go through here (module-level constants), so the file stays small: a
pattern made from input is compiled with `re` as usual.
"""

from __future__ import annotations

import atexit
import hashlib
import importlib
import marshal
import os
import re
import stat
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, AnyStr

from .runtime import cache_folder

_sre: Any = None
try:  # CPython's own regular-expression compiler and engine, as `re.compile` uses them
    _parser: Any = importlib.import_module("re._parser")
    _compiler: Any = importlib.import_module("re._compiler")
    _sre = importlib.import_module("_sre")
except ImportError:  # another Python: compile as re does
    pass

Form = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]  # flags, code, groups, names both ways
LIMIT = 2000  # patterns kept at most; past it the file starts again (a pattern made from input slipped in)
LARGEST = 8 * 1024 * 1024  # bytes: the package's table is about 120 KB
LEFT_AFTER = 60  # seconds: a `.tmp` file this old was left by a run killed while writing (a write takes milliseconds)
HEAD = b"newsletter compiled patterns 1\n"  # then the SHA-256 of the rest, then the marshalled table

lock = threading.Lock()
stored: dict[tuple[str | bytes, int], Form] | None = None  # read on first use
made: dict[tuple[str | bytes, int], Form] = {}  # compiled in this run, written at exit
home: Path | None = None  # the file `stored` came from


def regex(pattern: AnyStr, flags: int | re.RegexFlag = 0) -> re.Pattern[AnyStr]:
    """`re.compile(pattern, flags)`, from the cache folder's compiled form when it holds one."""
    key = (pattern, int(flags))
    if _sre is None or key[1] & re.DEBUG:
        return re.compile(pattern, flags)
    form = known().get(key)
    if form is not None and sound(form):
        try:
            known_pattern: re.Pattern[AnyStr] = _sre.compile(pattern, *form)
            return known_pattern
        except (RuntimeError, TypeError, ValueError, OverflowError):
            pass  # a damaged entry: the engine refused it; compiled again below
    form = compiled(pattern, key[1])
    with lock:
        made[key] = form
    new_pattern: re.Pattern[AnyStr] = _sre.compile(pattern, *form)
    return new_pattern


def sound(form: Any) -> bool:
    """An entry whose groups agree with each other: the engine checks the code it is given, not the names."""
    try:
        flags, code, groups, by_name, by_number = form
        return (
            isinstance(flags, int)
            and isinstance(code, list)
            and isinstance(by_name, dict)
            and isinstance(by_number, tuple)
            and groups == len(by_number) - 1
            and sum(name is not None for name in by_number) == len(by_name)
            and all(isinstance(n, int) and 0 < n <= groups and by_number[n] == name for name, n in by_name.items())
        )
    except (TypeError, ValueError):
        return False


def compiled(pattern: str | bytes, flags: int) -> Form:
    """What `re.compile` hands the engine: CPython's own parse and code generation, unchanged (the body of
    `re._compiler.compile` in CPython 3.11-3.13, which returns the engine's pattern instead of its parts)."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    names = parsed.state.groupdict
    by_number: list[str | None] = [None] * parsed.state.groups
    for name, number in names.items():
        by_number[number] = name
    return flags | parsed.state.flags, code, parsed.state.groups - 1, dict(names), tuple(by_number)


def place() -> Path | None:
    folder = cache_folder()
    if folder is None or _sre is None:
        return None
    return folder / "patterns" / f"{installed()}{_sre.MAGIC}-{maker()}.bin"


def installed() -> str:
    """The start of the names this installed Python gives its files: its kind and where its library is. A file
    with this start and another end was made by an earlier build of this Python at this place (it was upgraded
    in place): no live Python reads it any more. Two Pythons of one kind installed apart (Debian's and pyenv's
    3.11, a venv aside: it uses its base's library) start theirs apart, so neither removes the other's."""
    library = os.path.dirname(getattr(_compiler, "__file__", None) or sys.executable)
    return f"{sys.implementation.cache_tag}-{hashlib.sha256(os.fsencode(library)).hexdigest()[:8]}-"


def maker() -> str:
    """The Python that compiles: its full version and build, and its compiler's two files (a patch release can
    change the code generated without changing the engine's stamp)."""
    parts = [sys.version]
    for module in (_parser, _compiler):
        try:
            found = os.stat(module.__file__)
            parts.append(f"{found.st_size}:{found.st_mtime_ns}")
        except (OSError, TypeError, AttributeError):
            parts.append("?")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:12]


def known() -> dict[tuple[str | bytes, int], Form]:
    global stored, home
    if stored is None:
        with lock:
            if stored is None:
                home = place()
                stored = read(home)
                atexit.register(save)
    return stored


def read(path: Path | None) -> dict[tuple[str | bytes, int], Form]:
    """The table in `path`; empty when there is none, or it is not a regular file of a sane size, or its digest
    is not its contents'. Never waits: a FIFO put there is not read."""
    if path is None:
        return {}
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return {}
    try:
        found = os.fstat(handle)
        if not stat.S_ISREG(found.st_mode) or found.st_size > LARGEST:
            return {}
        with os.fdopen(handle, "rb", closefd=False) as file:
            data = file.read(LARGEST + 1)
    except OSError:
        return {}
    finally:
        os.close(handle)
    digest, body = data[len(HEAD) : len(HEAD) + 32], data[len(HEAD) + 32 :]
    if not data.startswith(HEAD) or hashlib.sha256(body).digest() != digest:
        return {}
    try:
        table: Any = marshal.loads(body)
    except (EOFError, ValueError, TypeError):
        return {}
    return table if isinstance(table, dict) else {}


def save() -> None:
    """Write the table with this run's new patterns where it was read, whole or not at all. Only into a cache
    folder that exists (a build makes it), so a process that builds nothing leaves nothing; a read-only folder is
    no error."""
    with lock:
        if not made or home is None or not home.parent.parent.is_dir():
            return
        table = dict(stored or {}) if len(stored or {}) + len(made) <= LIMIT else {}
        table.update(made)
        made.clear()
    try:
        home.parent.mkdir(exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=home.parent, delete=False, suffix=".tmp") as out:
            try:
                body = marshal.dumps(table)
                out.write(HEAD + hashlib.sha256(body).digest() + body)
            except (OSError, ValueError):
                out.close()
                os.unlink(out.name)
                return
        os.replace(out.name, home)
    except OSError:
        return
    tidy(home)


def tidy(home: Path) -> None:
    """Remove, beside the file just written, what this run can tell no live Python uses: the files an earlier build
    of this very Python wrote (an earlier name of its own file included) and `.tmp` files older than LEFT_AFTER (a
    killed run's; a live one's is younger). Only regular files directly in the patterns folder, which must be a
    folder itself, not a link to one elsewhere; a file that cannot be removed is left, never an error."""
    mine, before = installed(), f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{maker()}.bin"
    try:
        if not stat.S_ISDIR(os.lstat(home.parent).st_mode):
            return
        with os.scandir(home.parent) as entries:
            names = [entry.name for entry in entries]
    except OSError:
        return
    now = time.time()
    for name in names:
        left = name.startswith("tmp") and name.endswith(".tmp")
        if not (left or name == before or (name.startswith(mine) and name.endswith(".bin") and name != home.name)):
            continue
        path = home.parent / name
        try:
            info = os.lstat(path)
            if stat.S_ISREG(info.st_mode) and (not left or now - info.st_mtime > LEFT_AFTER):
                os.unlink(path)
        except OSError:
            pass  # removed by another run meanwhile, or not ours to remove: left
