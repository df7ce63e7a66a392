"""A build's record of what it wrote (build.json: each file's SHA-256) -> the files, as built, or an error.

send and export read only files the record vouches for: what goes out is what `build` wrote and `check`
read, never a file edited afterwards or left over from another build.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .errors import InputError

RECORD_NAME = "build.json"


def make_record(files: dict[str, bytes]) -> bytes:
    """build.json for the files of one build."""
    digests = {name: hashlib.sha256(data).hexdigest() for name, data in sorted(files.items())}
    return (json.dumps({"sha256": digests}, indent=2) + "\n").encode()


def read_built(folder: Path, names: tuple[str, ...]) -> dict[str, bytes]:
    """The files `names` of the build in `folder`, after checking every file the record names."""
    if not folder.is_dir():
        raise InputError("is not a build folder; run `newsletter build` first", file=folder)
    try:
        record = json.loads((folder / RECORD_NAME).read_text("utf-8"))["sha256"]
        if not isinstance(record, dict):
            raise TypeError
    except FileNotFoundError:
        raise InputError(f"has no {RECORD_NAME} (built by an older version, or not a build); "
                         "build the issue again", file=folder) from None
    except (OSError, ValueError, KeyError, TypeError):
        raise InputError("cannot be read; build the issue again", file=folder / RECORD_NAME) from None
    contents = {}
    for name, digest in record.items():
        path = folder / name
        try:
            data = path.read_bytes()
        except OSError:
            raise InputError(f"is missing: {RECORD_NAME} says the build wrote it; build the issue again",
                             file=path) from None
        if hashlib.sha256(data).hexdigest() != digest:
            raise InputError("was changed after `newsletter build` wrote it; nothing goes out that was not "
                             "built and checked: build the issue again instead of editing its files", file=path)
        contents[name] = data
    missing = [name for name in names if name not in contents]
    if missing:
        raise InputError(f"the build has no {missing[0]}; build the issue again with this version", file=folder)
    return {name: contents[name] for name in names}
