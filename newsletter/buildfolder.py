"""A build folder -> what was built: its issue (issue.json) and its files, each checked against the build's
record (build.json: each file's SHA-256); the newest build under build/.

send and export read only files the record vouches for: what goes out is what `build` wrote and `check`
read, never a file edited afterwards or left over from another build.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from .errors import InputError
from .models import Issue
from .readers import STORY_SUFFIXES


def read_build(folder: Path) -> tuple[Issue, str, str]:
    """A build folder's issue, email HTML and plain text."""
    contents = read_build_files(folder, ("issue.json", "email.html", "email.txt"))
    return parse_issue(contents["issue.json"], folder), contents["email.html"], contents["email.txt"]


def read_issue(folder: Path) -> Issue:
    """A build folder's issue.json, for the commands that render the issue again (send, export)."""
    return parse_issue(read_build_files(folder, ("issue.json",))["issue.json"], folder)


def read_build_files(folder: Path, names: tuple[str, ...]) -> dict[str, str]:
    if not folder.is_dir():
        raise InputError("is not a build folder; run `newsletter build` first", file=folder)
    contents = {}
    for name in names:
        path = folder / name
        if not path.is_file():
            stories = [
                path for path in folder.iterdir() if path.suffix.lower() in STORY_SUFFIXES and path.name != "email.txt"
            ]
            if stories and not (folder / "issue.json").exists():
                raise InputError(
                    f"holds stories, not a build: run `newsletter build {folder}`, then check the folder it names",
                    file=folder,
                )
            raise InputError(f"has no {name}; rebuild it with `newsletter build`", file=folder)
        try:
            contents[name] = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(f"cannot be read ({error}); rebuild it with `newsletter build`", file=path) from None
    return contents


def parse_issue(text: str, folder: Path) -> Issue:
    from pydantic import ValidationError

    try:
        return Issue.model_validate_json(text)
    except ValidationError as error:
        first = error.errors()[0]
        key = ".".join(str(part) for part in first["loc"])
        raise InputError(
            f"is not an issue this version can read ({key}: {first['msg'].lower()}); rebuild it",
            file=folder / "issue.json",
        ) from None


def latest_build(root: Path = Path("build")) -> Path:
    """The newest build folder under `root`: folder names start with the issue's ISO date."""
    dated = re.compile(r"\d{4}-\d{2}-\d{2}")
    folders = [path for path in root.glob("*") if path.is_dir() and dated.match(path.name)] if root.is_dir() else []
    if not folders:
        raise InputError("holds no built issue; run `newsletter build` first", file=root)
    return max(folders, key=lambda path: (path.name[:10], path.stat().st_mtime))


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
        raise InputError(
            f"has no {RECORD_NAME} (built by an older version, or not a build); build the issue again", file=folder
        ) from None
    except (OSError, ValueError, KeyError, TypeError):
        raise InputError("cannot be read; build the issue again", file=folder / RECORD_NAME) from None
    contents = {}
    for name, digest in record.items():
        path = folder / name
        try:
            data = path.read_bytes()
        except OSError:
            raise InputError(
                f"is missing: {RECORD_NAME} says the build wrote it; build the issue again", file=path
            ) from None
        if hashlib.sha256(data).hexdigest() != digest:
            raise InputError(
                "was changed after `newsletter build` wrote it; nothing goes out that was not "
                "built and checked: build the issue again instead of editing its files",
                file=path,
            )
        contents[name] = data
    missing = [name for name in names if name not in contents]
    if missing:
        raise InputError(f"the build has no {missing[0]}; build the issue again with this version", file=folder)
    return {name: contents[name] for name in names}
