"""A build's warnings, grouped so they can be read: one line per kind, with a count and the first few places,
what the reader would see wrong first (a made-up headline, a missing link or picture), page furniture last.

The kind of a warning is its message up to the first colon, its figures and quoted names left out: "no link",
"left out as page furniture", "removed invisible character(s)". The full list is still there for whoever asks
(`newsletter build --verbose`, the preview's panel, `newsletter check`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .models import Notice
from .patterns import regex

SHOWN = 3  # places named on a group's line; the rest are counted
# A place the reader names inside the message instead of in its source (`page.txt:1-10: left out as ...`).
PLACE = regex(r"^(?P<file>[^\s:][^:]*):(?P<line>\d+(?:-\d+)?): (?P<message>.*)$", re.S)
# What a reader of the issue would see wrong, most visible first; every other kind follows, in the order met.
READER_FIRST = (
    "headline",  # a made-up or guessed headline is the first thing read
    "no link",
    "no image",
    "no alt text",
    "unsubscribe",
    "the same story twice",
    "another site's article",
)


class Group(NamedTuple):
    kind: str
    notices: list[Notice]

    @property
    def rank(self) -> int:
        return next((rank for rank, word in enumerate(READER_FIRST) if word in self.kind), len(READER_FIRST))

    def place(self, notice: Notice, *, with_file: bool) -> str:
        """Where one notice points (its file when the group spans several), with the story it concerns."""
        match = PLACE.match(notice.message)
        file = match["file"] if match else place_file(notice)
        line = match["line"] if match else notice.source.line if notice.source else ""
        where = f"{file}:{line}" if with_file and file else f"{line}" if line else ""
        story = f" ({shorten(notice.story)})" if notice.story else ""
        return (where or shorten(detail(notice.message))) + story

    def __str__(self) -> str:
        if len(self.notices) == 1:
            return str(self.notices[0])
        files = list(dict.fromkeys(place_file(notice) for notice in self.notices if place_file(notice)))
        what = "stories" if all(notice.story for notice in self.notices) else "places"
        within = f" in {len(files)} files:" if len(files) > 1 else f" in {files[0]}, lines" if files else ":"
        shown = ", ".join(self.place(notice, with_file=len(files) > 1) for notice in self.notices[:SHOWN])
        more = f" and {len(self.notices) - SHOWN} more" if len(self.notices) > SHOWN else ""
        return f"{self.kind}: {len(self.notices)} {what}{within} {shown}{more}"


def grouped(notices: list[Notice]) -> list[Group]:
    """The notices by kind, the kinds a reader would see first at the top, each kind's notices in order."""
    groups: dict[str, Group] = {}
    for notice in notices:
        kind = kind_of(notice)
        groups.setdefault(kind, Group(kind, [])).notices.append(notice)
    return sorted(groups.values(), key=lambda group: group.rank)


def said(notices: list[Notice], *, every: bool = False) -> tuple[str, list[str]]:
    """A build's warnings as the command line says them: a heading, then one line per kind, with a count and
    the first few places (`every`: one line per warning)."""
    groups = grouped(notices)
    kinds = f" of {len(groups)} kind(s)" if len(groups) < len(notices) else ""
    lines = [f"  {line}" for group in groups for line in (map(str, group.notices) if every else [str(group)])]
    if kinds and not every:
        lines.append("  (newsletter build --verbose lists every one)")
    return f"{len(notices)} warning(s){kinds} to fix before sending:", lines


def kind_of(notice: Notice) -> str:
    message = notice.message
    match = PLACE.match(message)
    if match:
        message = match["message"]
    head = message.split(":")[0]
    head = re.sub(r"\((?!s\))[^)]*\)|'[^']*'|\"[^\"]*\"|“[^”]*”", "", head)  # names and figures, not a plural's (s)
    head = re.sub(r"\d[\d,.]*\s*", "", head)
    return " ".join(head.split()) or "warning"


def detail(message: str) -> str:
    return message.split(": ", 1)[-1]


def place_file(notice: Notice) -> str:
    match = PLACE.match(notice.message)
    return match["file"] if match else notice.source.file if notice.source else ""


def shorten(text: str, limit: int = 32) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
