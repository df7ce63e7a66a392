"""Writing outputs so that nothing is ever half-written: a temporary path first, then a rename."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import OutputError


def current_umask() -> int:
    """The process's umask, read without changing it (os.umask sets it, racing other threads' new files)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


UMASK = current_umask()


def write_atomic(path: Path, data: bytes) -> None:
    """Write one file: a reader sees the old file or the new one, never part of it."""
    try:
        if path.is_dir():
            raise OutputError("is a folder, not a file; choose another path", file=path)
        kind = special_kind(path)
        if kind:  # the rename would put a regular file in place of /dev/stdout's pipe or /dev/null itself
            raise OutputError(f"is {kind}, not a file; choose another path", file=path)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            os.chmod(handle, 0o666 & ~UMASK)  # as any new file (mkstemp's 0600 is for secrets)
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise OutputError(cannot_write(error), file=path) from None


def special_kind(path: Path) -> str:
    """What `path` is when it is there but no regular file, a folder aside ("a named pipe (FIFO)", "a device", "a
    socket"), its symlinks followed; "" otherwise."""
    import stat

    from .text import FILE_KINDS

    try:
        mode = path.stat().st_mode
    except OSError:  # not there (or a broken link): a new file goes there
        return ""
    return "" if stat.S_ISREG(mode) or stat.S_ISDIR(mode) else FILE_KINDS.get(stat.S_IFMT(mode), "not a regular file")


def write_folder(target: Path, files: dict[str, bytes], *, owned: tuple[str, ...] = ()) -> None:
    """Write all files into a temporary sibling folder, then swap it into place.

    Readers (the preview server, an editor's browser) see the old build or the new one, never
    half of each; a failure leaves `target` as it was, with the files the build does not make.
    """
    try:
        if target.exists() and not target.is_dir():
            raise OutputError("is a file, not a folder; choose another --out", file=target)
        here = Path.cwd().resolve()
        if target.name in ("", ".", "..") or target.resolve() in (here, *here.parents):
            # The swap would move the working folder (or one above it) aside.
            raise OutputError(
                "is the working folder or one above it; give --out a folder of its own",
                file=target if str(target) else "''",
            )
        # A folder the build makes replaces the old one whole; one it `owned` goes when this build makes none.
        # The rest of the old folder stays (screenshots, an editor's notes).
        made = {name.split("/")[0] for name in files} | set(owned)

        def keep(old: Path, new: Path) -> None:
            for extra in old.iterdir():
                if extra.name not in made:
                    copy_entry(extra, new / extra.name)

        swap_folder(target, files, keep)
    except OSError as error:
        raise OutputError(cannot_write(error), file=target) from None


def cannot_write(error: OSError) -> str:
    hint = "; choose a shorter name" if error.errno == errno.ENAMETOOLONG else ""
    return f"cannot be written ({error.strerror or error}){hint}"


def swap_folder(target: Path, files: dict[str, bytes], keep: Callable[[Path, Path], None] | None = None) -> None:
    """Swap a new folder in for `target`, whole: `files` (by path in the folder) are written into a temporary
    sibling, `keep(old, new)` copies into it what of the old folder stays, then two renames put it in place.

    A reader (the preview server, a web server) sees the old folder or the new one, never a mix; a failure at
    any step, or the process killed, leaves `target` as it was: the old folder is never changed before it is
    swapped out whole, and what a killed swap left beside it goes at the next (clear_leftovers). The one swap of
    the house: builds (output.write_folder) and sites (publish) use it.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    clear_leftovers(target)
    with held_folder(f".{target.name}.", target.parent) as staging:
        for name, data in files.items():
            (staging / name).parent.mkdir(parents=True, exist_ok=True)  # images/ of the issue
            (staging / name).write_bytes(data)
        if not target.is_dir():
            os.replace(staging, target)
            return
        if keep is not None:
            keep(target, staging)
        with held_folder(f".{target.name}.old.", target.parent) as old:
            os.replace(target, old / target.name)
            try:
                os.replace(staging, target)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.replace(old / target.name, target)
                raise


# The temporary folders swap_folder makes beside a target: `.<name>.` or `.<name>.old.`, then mkdtemp's 8 letters.
LEFTOVER = r"\.{name}\.(old\.)?[a-z0-9_]{{8}}"


@contextlib.contextmanager
def held_folder(prefix: str, parent: Path) -> Iterator[Path]:
    """A new temporary folder in `parent`, locked while this process works in it and removed after. The system drops
    the lock when the process dies, even by SIGKILL: a folder nobody holds is a killed swap's, which a later swap
    removes (clear_leftovers); one still held is a running swap's (a preview's rebuild, another publish)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    try:
        # A build or a site is published (copied to a web server, opened by a mail client): the modes of any new
        # folder, not mkdtemp's 0700, which a copy that keeps modes would carry to the server.
        folder.chmod(0o777 & ~UMASK)
        handle = os.open(folder, os.O_RDONLY)
        try:
            lock(handle, wait=True)
            yield folder
        finally:
            os.close(handle)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def lock(handle: int, *, wait: bool) -> bool:
    """Lock an open folder for this process: True once locked, False when another process holds it (not `wait`).
    Where the system has no such locks (Windows) nothing is locked and every folder counts as held: none is removed."""
    try:
        import fcntl
    except ImportError:
        return wait
    try:
        fcntl.flock(handle, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def clear_leftovers(target: Path) -> None:
    """Remove what swaps into `target` killed midway (SIGKILL, a power cut) left beside it: its temporary folders,
    by their names alone, that no running swap holds. A kill between the two renames left `target` inside the old
    one's folder: it is put back in place first, as it was."""
    pattern = re.compile(LEFTOVER.format(name=re.escape(target.name)))
    try:
        entries = sorted(target.parent.iterdir())
    except FileNotFoundError:
        return
    for entry in entries:
        found = pattern.fullmatch(entry.name)
        if not found or entry.is_symlink() or not entry.is_dir():
            continue
        try:
            handle = os.open(entry, os.O_RDONLY)
        except OSError:  # gone since, or a system that cannot open a folder (Windows): left as it is
            continue
        try:
            if not lock(handle, wait=False):
                continue
            if found.group(1) and not target.exists() and not target.is_symlink() and (entry / target.name).is_dir():
                os.replace(entry / target.name, target)
            shutil.rmtree(entry, ignore_errors=True)
        finally:
            os.close(handle)


def copy_entry(source: Path, destination: Path) -> None:
    """Copy a file or a folder as it is: symlinks as symlinks; a FIFO or a device is an error, not a wait."""
    if source.is_dir() and not source.is_symlink():
        shutil.copytree(source, destination, symlinks=True)
    else:
        shutil.copy2(source, destination, follow_symlinks=False)
