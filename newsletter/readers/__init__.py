"""Story files -> stories and notices: one reader module per input format, chosen by the file's suffix here.

Every reader module has `read(path, notices) -> Read`; READERS below maps each suffix to its module. A new format
is one new module and its lines in READERS.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, cast

from newsletter.errors import InputError
from newsletter.models import Notice, Story

GUESS = "the headline is a guess"  # every reader's words when no line or part of a page is clearly the headline


def fold(text: str) -> str:
    """Its words, lowercased, one space apart: to compare two headlines or names whatever their punctuation."""
    return " ".join(re.findall(r"\w+", text.lower()))


@dataclass
class Related:
    """A list of other stories that ends a pasted page ("More from <brand>", "Read more", "Most popular"): they are
    the issue's "More from" items only when the page is the issue's own brand's (its site is the brand)."""

    file: str
    line: int  # the list's heading
    heading: str
    site: str  # whose page it is: the brand a "More from" heading names, else the page's copyright line; "" unknown
    items: list[Story] = field(default_factory=list)


@dataclass
class Read:
    """What one file gave: its stories in page order, the brand a "More from <brand>" heading named, and the related
    list that ends a pasted page."""

    stories: list[Story] = field(default_factory=list)
    brand: str = ""
    related: list[Related] = field(default_factory=list)


READERS = {
    ".txt": "pasted",  # pasted page text (readers/text.py), front matter optional
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",  # a page saved from the browser
    ".htm": "html",
}
STORY_SUFFIXES = tuple(READERS)
# What each reader reads, in the words a hint uses: the one list of story formats, with READERS.
KINDS = {"pasted": "pasted page text", "markdown": "Markdown", "html": "a page saved from the browser"}


def story_formats() -> str:
    """`.txt (pasted page text), .md (Markdown) or .html (a page saved from the browser)`: for hints."""
    first = {reader: suffix for suffix, reader in reversed(READERS.items())}  # each reader's first suffix
    names = [f"{first[reader]} ({kind})" for reader, kind in KINDS.items()]
    return ", ".join(names[:-1]) + " or " + names[-1]


class Reader(Protocol):
    """What a reader module (readers/markdown.py, text.py, html.py) offers."""

    def read(self, path: Path, notices: list[Notice], data: bytes | None = None) -> Read: ...


def reader_for(path: Path) -> Reader | None:
    """The reader module of a story file's format, or None when the suffix is not a story format."""
    name = READERS.get(path.suffix.lower())
    return cast("Reader", importlib.import_module(f"{__name__}.{name}")) if name else None


def read(path: Path, notices: list[Notice], data: bytes | None = None) -> Read:
    """The stories of one story file, read by its format's reader; from `data` when its bytes were read already."""
    reader = reader_for(path)
    if reader is None:
        raise InputError(f"is not a story file: use {', '.join(STORY_SUFFIXES)}", file=path)
    return reader.read(path, notices, data)
