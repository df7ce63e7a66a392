"""Writing outputs so that nothing is ever half-written: a temporary path first, then a rename."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
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
        swap_in(target, files, owned)
    except OSError as error:
        raise OutputError(cannot_write(error), file=target) from None


def cannot_write(error: OSError) -> str:
    hint = "; choose a shorter name" if error.errno == errno.ENAMETOOLONG else ""
    return f"cannot be written ({error.strerror or error}){hint}"


def swap_in(target: Path, files: dict[str, bytes], owned: tuple[str, ...] = ()) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    # A build is published (copied to a web server, opened by a mail client): the modes of any new folder,
    # not mkdtemp's 0700, which a copy that keeps modes would carry to the server.
    staging.chmod(0o777 & ~UMASK)
    old = target.with_name(f".{target.name}.old")
    kept: list[str] = []  # files of the old folder the build does not make (screenshots, an editor's notes)
    try:
        for name, data in files.items():
            (staging / name).parent.mkdir(parents=True, exist_ok=True)  # images/ of the issue
            (staging / name).write_bytes(data)
        if not target.is_dir():
            os.replace(staging, target)
            return
        # A folder the build makes replaces the old one whole; one it `owned` goes when this build makes none.
        made = {name.split("/")[0] for name in files} | set(owned)
        for extra in target.iterdir():
            if extra.name not in made:
                os.replace(extra, staging / extra.name)
                kept.append(extra.name)
        shutil.rmtree(old, ignore_errors=True)
        os.replace(target, old)
        os.replace(staging, target)
        kept = []  # in place, in the new folder
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        with contextlib.suppress(OSError):
            if not target.exists() and old.exists():
                os.replace(old, target)
            for name in kept:
                os.replace(staging / name, target / name)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
