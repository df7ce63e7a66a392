"""A build folder -> what was built: its files as `newsletter build` wrote them, and its issue (issue.json);
the latest folder named by a date.

One reader, one policy: every command that reads a build (check, send, export, publish, new) reads it through
`read_built`, which checks every file the build's record (build.json: each file's SHA-256) names. A build whose
files were edited after `newsletter build` wrote them is refused, by every command alike, with one line naming
the edited file: what goes out, is published or counted is what `build` wrote and `check` read, never a file
edited afterwards or left over from another build.

The record also keeps what the build was made from (every file it read into an output: its story files, issue.toml,
newsletter.toml, the local photos and logo, calendar.csv, the editor's templates, each with its SHA-256):
`stale_sources` names each that changed, went or came since, which `check` calls an error and `send`, `export` and
`publish` refuse (`refuse_stale`), so that what goes out is what the issue folder says now.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import NamedTuple

from .errors import InputError
from .models import Issue
from .patterns import regex
from .readers import STORY_SUFFIXES

RECORD_NAME = "build.json"
# What a record may name: a file of the folder, or one of its images (images/<hash>.jpg); never a path elsewhere.
BUILT_FILE = regex(r"(images/)?[A-Za-z0-9_-][A-Za-z0-9._-]{0,200}")
IMAGE_LIMIT = 64 * 1024 * 1024  # bytes; the build writes images of at most a few hundred KB
RECORD_LIMIT = 16 * 1024 * 1024  # bytes; a record is a line per file
EDITED = (
    "was changed after `newsletter build` wrote it; nothing goes out that was not built and checked: "
    "build the issue again instead of editing its files"
)


class EditedBuild(InputError):
    """A file of a build was changed after `newsletter build` wrote it: every command refuses the build."""


class StaleBuild(InputError):
    """A file the build was made from changed, went or came after it: `send` and `publish` refuse the build."""


class Sources(NamedTuple):
    """What a build was made from, as its record keeps it: the issue (a folder, or one story file) and each file
    the build read into an output (story files, issue.toml, newsletter.toml, local photos and logo, calendar.csv,
    the editor's templates), by the path it was given, with its SHA-256."""

    issue: str
    sha256: dict[str, str]
    settings: str = ""  # the settings file among them, hashed by what the build reads of it (`settings_digest`)


class StaleSource(NamedTuple):
    """A file the build was made from that changed, went or came since, and what to do."""

    file: str
    message: str
    change: str = "changed"  # or "gone", "new"


def read_built(folder: Path, names: tuple[str, ...] = ()) -> dict[str, bytes]:
    """Every file the build in `folder` wrote, by its path in the folder, each checked against the record; the
    files `names` must be among them. Each is read as a regular file (never through a symlink, never waiting on
    a FIFO), within its size limit."""
    from .text import BUILD_FILE_LIMIT

    if not folder.is_dir():
        raise InputError("is not a build folder; run `newsletter build` first", file=folder)
    for name in names:
        if not (folder / name).is_file():
            if not (folder / "issue.json").exists() and any(
                path.suffix.lower() in STORY_SUFFIXES and path.name != "email.txt" for path in folder.iterdir()
            ):
                raise InputError(
                    f"holds stories, not a build: run `newsletter build {folder}`, then check the folder it names",
                    file=folder,
                )
            raise InputError(f"has no {name}; rebuild it with `newsletter build`", file=folder)
    record = read_record(folder)
    if any(name.startswith("images/") for name in record) and (folder / "images").is_symlink():
        raise InputError("is a symlink, not the folder the build wrote; build the issue again", file=folder / "images")
    contents = {}
    for name, digest in sorted(record.items()):
        if not BUILT_FILE.fullmatch(name):
            raise InputError(f"names {name!r}, which no build writes; build the issue again", file=folder / RECORD_NAME)
        data = read_regular(folder / name, IMAGE_LIMIT if name.startswith("images/") else BUILD_FILE_LIMIT)
        if hashlib.sha256(data).hexdigest() != digest:
            raise EditedBuild(EDITED, file=folder / name)
        contents[name] = data
    missing = [name for name in names if name not in contents]
    if missing:
        raise InputError(f"the build has no {missing[0]}; build the issue again with this version", file=folder)
    return contents


def read_built_issue(folder: Path, names: tuple[str, ...] = ()) -> tuple[Issue, dict[str, bytes]]:
    """The build's issue, read back from its issue.json, and every file it wrote (as `read_built`)."""
    files = read_built(folder, ("issue.json", *names))
    return parse_issue(decoded(files, "issue.json", folder), folder), files


class Build(NamedTuple):
    """A build folder as `check` reads it: the issue, the email's HTML and plain text, and every file it wrote."""

    issue: Issue
    html: str
    text: str
    files: dict[str, bytes]


def read_build(folder: Path) -> Build:
    """A build folder's issue, email HTML and plain text, and all its files (read once): what `check` reads."""
    issue, files = read_built_issue(folder, ("email.html", "email.txt"))
    return Build(issue, decoded(files, "email.html", folder), decoded(files, "email.txt", folder), files)


def decoded(files: dict[str, bytes], name: str, folder: Path) -> str:
    try:
        return files[name].decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"cannot be read ({error}); rebuild it with `newsletter build`", file=folder / name) from None


def parse_issue(text: str, folder: Path) -> Issue:
    """issue.json read back as the build wrote it: valid, no control characters, every link under the link
    policy again (a hand-edited `javascript:` web_base_url would otherwise reach the archive's masthead)."""
    from pydantic import ValidationError

    try:
        issue = Issue.model_validate_json(text)
    except ValidationError as error:
        first = error.errors()[0]
        key = ".".join(str(part) for part in first["loc"])
        raise InputError(
            f"is not an issue this version can read ({key}: {first['msg'].lower()}); rebuild it",
            file=folder / "issue.json",
        ) from None
    problem = text_problem_in(issue.model_dump()) or link_problem_in(issue)
    if problem:
        raise InputError(f"{problem}; rebuild it rather than edit it", file=folder / "issue.json")
    return issue


def text_problem_in(data: object, key: str = "") -> str:
    """The first text in the issue that holds what no value may (a control character, a lone surrogate)."""
    from .text import text_problem

    pending: list[tuple[str, object]] = [(key, data)]
    while pending:  # a loop, not recursion: the data is as deep as the file says
        key, value = pending.pop()
        if isinstance(value, str):
            problem = text_problem(value)
            if problem:
                return f"{key or 'a value'} {problem.removesuffix('; remove it')}"
        elif isinstance(value, dict):
            pending.extend(reversed([(f"{key}.{name}" if key else str(name), item) for name, item in value.items()]))
        elif isinstance(value, list):
            pending.extend(reversed([(f"{key}.{number}", item) for number, item in enumerate(value)]))
    return ""


def link_problem_in(issue: Issue) -> str:
    """The first link of the issue the link policy refuses, in words; "" when every one passes."""
    from .links import base_url_problem, check_link

    brand = issue.brand
    problem = base_url_problem(brand.web_base_url) if brand.web_base_url else ""
    if problem:
        return f"brand.web_base_url {problem}"
    links = [("brand.unsubscribe_url", brand.unsubscribe_url), ("brand.logo.src", brand.logo.src),
             ("brand.logo.dark_src", brand.logo.dark_src)]  # fmt: skip
    for where, story in [("lead", issue.lead)] + [
        (f"sections.{number}.stories.{place}", story)
        for number, section in enumerate(issue.sections)
        for place, story in enumerate(section.stories)
    ]:
        links += [(f"{where}.url", story.url), (f"{where}.image.src", story.image.src)]
        links += [(f"{where}.body", span.href) for block in story.body for span in block.spans if span.href]
    for where, link in links:
        try:
            check_link(link, ValueError)
        except ValueError as error:
            return f"{where}: {error}"
    return ""


DATED = regex(r"(\d{4}-\d{2}-\d{2})(?:-|$)")


def folder_date(path: Path) -> dt.date | None:
    """The date a folder is named by: issues/2026-12-01 (as `new` makes it), build/2026-12-01-issue-49 (as
    `build` does); None for any other name (issues/drafts, .staging folders, 2026-13-45)."""
    found = DATED.match(path.name)
    try:
        return dt.date.fromisoformat(found.group(1)) if found else None
    except ValueError:
        return None


def latest_dated(root: Path, *, before: dt.date | None = None) -> Path | None:
    """The latest folder under `root` named by a date (before `before`, when given), or None. A folder with
    another name never wins; of two with one date, the one written last."""
    if not root.is_dir():
        return None
    dated = [(day, path) for path in root.iterdir() if (day := folder_date(path)) and path.is_dir()]
    dated = [(day, path) for day, path in dated if before is None or day < before]
    return max(dated, key=lambda item: (item[0], item[1].stat().st_mtime), default=(None, None))[1]


def latest_build(root: Path = Path("build")) -> Path:
    """The newest build folder under `root`."""
    folder = latest_dated(root)
    if folder is None:
        raise InputError("holds no built issue; run `newsletter build` first", file=root)
    return folder


def make_record(files: dict[str, bytes], sources: Sources | None = None) -> bytes:
    """build.json for the files of one build, and what it was made from (None: not recorded)."""
    digests = {name: hashlib.sha256(data).hexdigest() for name, data in sorted(files.items())}
    record: dict[str, object] = {"sha256": digests}
    if sources is not None:
        record["sources"] = {
            "issue": sources.issue,
            "settings": sources.settings,
            "sha256": dict(sorted(sources.sha256.items())),
        }
    return (json.dumps(record, indent=2) + "\n").encode()


def read_record(folder: Path) -> dict[str, str]:
    """build.json: each file the build wrote, by its path in the folder, and its SHA-256."""
    return parse_record(folder)[0]


def read_sources(folder: Path) -> Sources | None:
    """What the build in `folder` was made from, as its build.json says; None when it does not say (an older build)."""
    return parse_record(folder)[1]


def parse_record(folder: Path) -> tuple[dict[str, str], Sources | None]:
    """build.json read and checked: the files the build wrote, and what it was made from (None: not recorded)."""
    path = folder / RECORD_NAME
    if not folder.is_dir():
        raise InputError("is not a build folder; run `newsletter build` first", file=folder)
    if not path.exists() and not path.is_symlink():
        raise InputError(
            f"has no {RECORD_NAME} (built by an older version, or not a build); build the issue again", file=folder
        )
    data = read_regular(path, RECORD_LIMIT)
    try:
        parsed = json.loads(data)
        record, sources = parsed["sha256"], parsed.get("sources")
        if sources is not None:
            sources = Sources(sources["issue"], sources["sha256"], sources.get("settings", ""))
        if not digests(record) or (
            sources is not None and not (plain(sources.issue) and plain(sources.settings) and digests(sources.sha256))
        ):
            raise TypeError
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        raise InputError("cannot be read; build the issue again", file=path) from None
    return record, sources


def digests(record: object) -> bool:
    """Whether a record's table is one of paths (no NUL in them) and their digests, as the build writes it."""
    return isinstance(record, dict) and all(plain(name) and isinstance(value, str) for name, value in record.items())


def plain(name: object) -> bool:
    return isinstance(name, str) and "\0" not in name


# ---------------------------------------------------------------------------------------------
# What a build was made from, and whether it still says that


def source_record(source: Path, config: Path | None) -> Sources:
    """What building `source` with the settings file `config` (None: ./newsletter.toml, if any) reads before its
    stories name anything: its story files, issue.toml, calendar.csv, the editor's templates and the settings file,
    hashed before the build reads them (a file saved while it builds is then called changed, never taken as built).
    Paths as the build was given them, as issue.json names stories. The photos and logo the stories and settings
    name are added by the build, hashed as their images were made."""
    from .settings import CONFIG_NAME

    settings = config or Path(CONFIG_NAME)
    paths = source_paths(source, config) + ([settings] if settings.is_file() else [])
    found = {str(path): digest for path in paths if (digest := file_digest(path, path == settings)) is not None}
    return Sources(str(source), found, str(settings) if str(settings) in found else "")


def source_paths(source: Path, config: Path | None) -> list[Path]:
    """The files of an issue the build reads whatever its stories say: each story file of a folder and its
    issue.toml, or the one story file; the calendar.csv it finds (`config`: the settings file, as built) and the
    editor's own templates."""
    from .elections import find_calendar
    from .load import story_files

    calendar = find_calendar(source, config)
    found = ([calendar] if calendar is not None else []) + template_overrides()
    if not source.is_dir():
        return [source, *found]
    try:
        stories = story_files(source)
    except OSError:
        return found
    settings = source / "issue.toml"
    return stories + ([settings] if settings.exists() or settings.is_symlink() else []) + found


def template_overrides() -> list[Path]:
    """The files of the working folder's templates/ that the build renders from in place of the tool's own (the
    templates it renders and every one they include), by their path from the working folder; none when that folder
    is the tool's own (a checkout, run from its root)."""
    from .render import BUILT_TEMPLATES, PACKAGE_TEMPLATES, SOURCE_TEMPLATES, template_files

    own = Path("templates")
    if not own.is_dir():
        return []
    root = own.resolve()
    if root in {PACKAGE_TEMPLATES.resolve(), SOURCE_TEMPLATES.resolve()}:
        return []
    return [own / path.relative_to(root) for path in template_files(BUILT_TEMPLATES) if path.is_relative_to(root)]


# newsletter.toml's tables the build does not read (send's, new's, import's): setting up [smtp] after a build
# does not make it stale.
NOT_BUILT = ("smtp", "schedule", "more_from")


def file_digest(path: Path, settings: bool = False) -> str | None:
    """A source file's SHA-256, or None when it cannot be read as a regular file (gone, a FIFO, too large). For the
    settings file (`settings`), the SHA-256 of the tables the build reads, as data: its comments and NOT_BUILT
    tables may change."""
    import tomllib

    from .text import BUILD_FILE_LIMIT, read_file

    try:
        data = read_file(path, limit=BUILD_FILE_LIMIT, what="a source")
    except InputError:
        return None
    if settings:
        try:
            tables = {key: value for key, value in tomllib.loads(data.decode()).items() if key not in NOT_BUILT}
            data = json.dumps(tables, sort_keys=True, default=str).encode()
        except (ValueError, RecursionError):  # not TOML (nor UTF-8): its bytes, as any other file
            pass
    return hashlib.sha256(data).hexdigest()


def stale_sources(folder: Path) -> list[StaleSource]:
    """Each file the build in `folder` was made from that changed, went or came since, in the record's order, the
    new ones last. None when the record names no sources (an older build) or its issue is not where the record
    says (a build folder copied elsewhere, or a command run from another folder): nothing to compare with."""
    sources = read_sources(folder)
    if sources is None or not Path(sources.issue).exists():
        return []
    tail = "; build again so that what goes out is"
    stale = []
    for name, digest in sources.sha256.items():
        now = file_digest(Path(name), name == sources.settings)
        if now is None and not Path(name).exists() and not Path(name).is_symlink():
            stale.append(StaleSource(name, f"gone since this build ({folder}){tail} what the issue holds now", "gone"))
        elif now != digest:
            stale.append(StaleSource(name, f"changed after this build ({folder}){tail} what it says now"))
    config = Path(sources.settings) if sources.settings else None  # the build's --config, or ./newsletter.toml
    came = [str(path) for path in source_paths(Path(sources.issue), config) if str(path) not in sources.sha256]
    return stale + [
        StaleSource(name, f"new since this build ({folder}){tail} what the issue holds now", "new") for name in came
    ]


def refuse_stale(folder: Path) -> None:
    """Refuse the build in `folder` (StaleBuild) when a file it was made from changed, went or came since: the
    first is named, with how many more `check` names."""
    stale = stale_sources(folder)
    if stale:
        more = f" ({len(stale) - 1} more: `newsletter check {folder}` names each)" if len(stale) > 1 else ""
        raise StaleBuild(stale[0].message + more, file=stale[0].file)


def read_regular(path: Path, limit: int) -> bytes:
    """A regular file's bytes, never through a symlink and never waiting on a FIFO."""
    import os
    import stat

    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        if path.is_symlink():
            raise InputError("is a symlink, not a file the build wrote; build the issue again", file=path) from None
        why = "is missing" if isinstance(error, FileNotFoundError) else f"cannot be read ({error.strerror})"
        raise InputError(f"{why}: {RECORD_NAME} says the build wrote it; build the issue again", file=path) from None
    info = os.fstat(handle)
    if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
        os.close(handle)
        why = (
            "is not a regular file"
            if not stat.S_ISREG(info.st_mode)
            else f"is {info.st_size / 1024 / 1024:.1f} MB, more than"
        )
        raise InputError(f"{why} the build wrote; build the issue again", file=path)
    with os.fdopen(handle, "rb") as file:
        return file.read(limit + 1)
