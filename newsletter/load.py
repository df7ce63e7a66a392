"""A story file or an issue folder -> its stories (each file through its format's reader), issue settings, notices."""

from __future__ import annotations

import difflib
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError, doing
from .models import Notice, Source, Story
from .patterns import regex
from .readers import READERS, STORY_SUFFIXES, Read, Related, read, story_formats
from .settings import IssueSettings, load_issue_settings
from .text import STORY_LIMIT, inside_issue, read_file, spelled_as


@dataclass
class Loaded:
    stories: list[Story]
    notices: list[Notice]
    settings: IssueSettings
    page_brand: str = ""  # the brand named by a pasted page's "More from <brand>" line
    root: Path = Path(".")
    related: list[Related] = field(default_factory=list)  # lists ending pasted pages: placed once the brand is known

    @property
    def brand_overrides(self) -> dict[str, Any]:
        return self.settings.brand


class Reads:
    """What each story file gave when last read, by its bytes: the preview's, so that a save parses only the file it
    changed. A file whose bytes are those of its last read gives its stories and notices again; any other file,
    or one that cannot be read as it was, goes to its reader (whose errors are its own)."""

    def __init__(self) -> None:
        self.files: dict[str, tuple[str, Read, list[Notice]]] = {}  # path -> (digest of its bytes, what it gave)

    def read(self, path: Path, notices: list[Notice]) -> Read:
        try:
            data = read_file(path, limit=STORY_LIMIT)
        except InputError:
            self.files.pop(str(path), None)
            return read(path, notices)
        digest = f"{READERS.get(path.suffix.lower())} {hashlib.sha256(data).hexdigest()}"
        known = self.files.get(str(path))
        if known is not None and known[0] == digest:
            notices.extend(known[2])
            return known[1]
        before = len(notices)
        found = read(path, notices, data)  # the bytes hashed, not the file read again: a save may land between
        self.files[str(path)] = (digest, found, notices[before:])
        return found

    def keep(self, paths: list[Path]) -> None:
        """Forget every file but `paths` (the files of the last load): a deleted or renamed story is not kept."""
        kept = {str(path) for path in paths}
        self.files = {name: known for name, known in self.files.items() if name in kept}


def story_files(folder: Path) -> list[Path]:
    """The files of an issue folder that are read as stories, by name: anything directly inside it named like a
    story, so that a broken symlink, a FIFO or an unreadable file is named in an error instead of being left out
    silently; folders are not stories. An OSError is the caller's."""
    entries = sorted(folder.iterdir(), key=lambda path: path.name)
    return [path for path in entries if path.suffix.lower() in STORY_SUFFIXES and not path.is_dir()]


def load_source(source: Path, reads: Reads | None = None) -> Loaded:
    """Load one story file, or every story file directly inside an issue folder. `reads`: what an earlier load
    read (the preview's), so that unchanged files are not parsed again."""
    check_name(source)
    try:
        source.stat()
    except FileNotFoundError:
        broken = f"a broken symlink (to {os.readlink(source)})" if source.is_symlink() else ""
        raise InputError(
            f"is {broken}: no such file or folder" if broken else "no such file or folder", file=source
        ) from None
    except OSError as error:
        raise InputError(f"cannot be read ({error.strerror})", file=source) from None
    if source.is_dir():
        try:
            files = story_files(source)
        except OSError as error:
            raise InputError(f"cannot be read ({error.strerror})", file=source) from None
        for path in files:
            check_name(path)
            inside_issue(path, source)
        if (source / "issue.json").is_file() and any(path.name == "email.txt" for path in files):
            raise InputError(
                "is the plain text of a build (issue.json is beside it), not a story: build the "
                "issue folder, or move the build out of it",
                file=source / "email.txt",
            )
        if not files:
            raise InputError(f"holds no stories: add {story_formats()} files", file=source)
        with doing("reading", source / "issue.toml"):
            settings = load_issue_settings(inside_issue(source / "issue.toml", source))
    else:
        files = [source]
        settings = IssueSettings()
    loaded = Loaded(stories=[], notices=[], settings=settings, root=source)
    for path in files:
        # One reader per format, chosen by the file's suffix in readers/__init__.py
        with doing("reading", path):
            found = reads.read(path, loaded.notices) if reads is not None else read(path, loaded.notices)
        loaded.stories.extend(found.stories)
        loaded.page_brand = loaded.page_brand or found.brand
        loaded.related.extend(found.related)
    if reads is not None:
        reads.keep(files)
    names = sorted({Path(story.source.file).name for story in loaded.stories}) if settings.lead else []
    if settings.lead and settings.lead not in names:  # as a Mac may have saved the name (NFD), else an error
        loaded.settings = settings = settings.model_copy(update={"lead": spelled_as(settings.lead, names)})
    if settings.lead and settings.lead not in names:
        close = difflib.get_close_matches(settings.lead, names, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise InputError(
            f"lead = {settings.lead!r} names no story file in the folder{hint}",
            file=source / "issue.toml",
            line=settings.file.line("lead") if settings.file else None,
        )
    return loaded


def place_related(loaded: Loaded, brand: str) -> None:
    """The related lists that end pasted pages: the issue's "More from" items, after their page's story, when the
    page is the brand's own; otherwise left out and named (another site's related stories are not ours to send).
    `brand`: the issue's brand name, "" when nothing names one (then no page is the brand's own)."""
    for found in loaded.related:
        if not found.items:
            continue
        if same_name(found.site, brand):
            at = max((i for i, story in enumerate(loaded.stories) if story.source.file == found.file), default=-1)
            loaded.stories[at + 1 : at + 1] = found.items
            continue
        why = not_own(found.site, brand)
        loaded.notices.append(
            Notice(
                message=f"left out the '{found.heading}' list ({len(found.items)} stories): {why}",
                source=Source(file=found.file, line=found.line),
                hint="a related list becomes 'More from' items only on the brand's own pages",
            )
        )
    loaded.related = []


def placed(found: Read, notices: list[Notice], brand: str) -> list[Story]:
    """One page's stories with its related lists placed as place_related places them: `brand`'s own page, else
    (nothing names one) the page of the brand its "More from <brand>" line names, gives "More from" items after its
    story; any other list is left out and named in `notices`. (`import` and the preview's "Add a page".)"""
    loaded = Loaded(stories=list(found.stories), notices=notices, settings=IssueSettings(), related=found.related)
    place_related(loaded, brand or found.brand)
    return loaded.stories


def brand_named(*tables: Any, page: str = "") -> str:
    """The brand name the first of the settings' [brand] tables gives (the issue's, then newsletter.toml's), else the
    one a pasted page's "More from <brand>" line gives; "" when none does (the default name is no one's site)."""
    for table in tables:
        name = table.get("name") if isinstance(table, dict) else None
        if isinstance(name, str) and name.strip():
            return name.strip()
    return page


def not_own(site: str, brand: str) -> str:
    """Why a related list is not the brand's, in words, whichever of the two names is missing."""
    if site and brand:
        return f"the page is {site}'s, not {brand}'s"
    if brand:
        return f"the page does not say it is {brand}'s"
    if site:
        return f"the page is {site}'s, and no brand name is set for the issue ([brand] name in newsletter.toml)"
    return "neither the page nor the issue names a brand ([brand] name in newsletter.toml)"


def same_name(one: str, other: str) -> bool:
    """Two names of one brand: case, punctuation and a leading "The" aside."""

    def folded(name: str) -> str:
        return "".join(re.findall(r"\w+", name.lower().removeprefix("the ")))

    return bool(folded(one)) and folded(one) == folded(other)


# What no message line can show as written: control characters (a line feed would split the one-line error, or
# forge a line of its own), Unicode's line separators and the bidi controls that show a name other than it is.
UNSHOWABLE = regex("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def check_name(path: Path) -> None:
    """A file name that is not UTF-8 cannot be written into issue.json or a message, and one holding a line break
    or a bidi control cannot be shown on one line as it is: refuse it, shown escaped."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        shown = os.fsencode(path).decode("utf-8", "backslashreplace")
        raise InputError("the name is not valid UTF-8; rename the file or folder", file=shown) from None
    if UNSHOWABLE.search(str(path)):
        shown = UNSHOWABLE.sub(lambda found: found.group().encode("unicode_escape").decode("ascii"), str(path))
        raise InputError(
            "the name holds a line break or an invisible control character, which no message can show as written; "
            "rename the file or folder",
            file=shown,
        )
