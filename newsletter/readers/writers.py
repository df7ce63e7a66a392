"""Who wrote the article, as a page says it around the article: the writer's note ("ELENA VASQUEZ is a Senior Fellow
at ...", "Kim covers North and South Korea for ..."), over it, under it or after its last paragraph. The note is the
page's, no paragraph of the article; a paragraph about someone in the news who shares the writer's name is."""

from __future__ import annotations

import re

from newsletter.patterns import regex
from newsletter.readers.lines import BYLINE_WORDS, NAMES, Line
from newsletter.readers.scripts import words_of


def writers_bios(texts: list[str], roles: list[str]) -> list[int]:
    """The paragraphs that tell who the page's writers are: each starts with a name its byline gives and goes on as a
    writer's note does: the whole name ("Anna Petrova is a senior correspondent"), or the first or last name alone
    only in what the writer covers ("Todorov covers Bulgaria")."""
    names: set[str] = set()  # the writers' whole names
    parts: set[str] = set()  # ... and their first and last names, which start a note only as "covers ..."
    for text, role in zip(texts, roles, strict=True):
        if role == "byline":
            for name in re.split(r",|\s+(?:and|&)\s+", BYLINE_WORDS.sub("", text)):
                words = name.split()
                if 2 <= len(words) <= 4 and NAMES.fullmatch(name.strip()):
                    names.add(" ".join(words).casefold())
                    parts.update({words[0].casefold(), words[-1].casefold()})
    found = []
    for i, text in enumerate(texts):
        head = BIO.match(text)
        name = " ".join(head["name"].split()).casefold() if head else ""
        if roles[i] == "prose" and (name in names or name in parts and head and head["covers"]):
            found.append(i)  # (a quoted expert who shares the writer's surname "is a senior analyst")
    return found


# What a writer's note says after the name: what the writer is ("is a Senior Fellow at", "is Director of"), or what
# the writer covers for whom ("covers Bulgaria for The Associated Press"); not what a person in the news is or does
POSTS = r"(?:correspondent|editor|reporter|writer|columnist|contributor|analyst|journalist)"  # a writer's post
NOTE = (
    rf",?\s+(?:(?:is|was|has been)\s+(?:(?:a|an|the)\s+)?(?:[\w’'-]+\s+){{0,4}}?(?i:{POSTS}|fellow|professor|"
    r"researcher|director|chief|lecturer|author|scholar|adviser|advisor|economist|historian)\b|"
    r"(?P<covers>covers|reports on|reports from|writes about|writes on)\b)"
)
NAME = r"[A-Z\u00C0-\u024F][\w.'’-]*"
BIO = regex(rf"^(?P<name>{NAME}(?:\s+{NAME}){{0,3}}){NOTE}")
WRITER_NOTE = regex(
    rf"^(?P<name>{NAME}(?:[ -]{NAME}){{1,3}}){NOTE}"
)  # ... the full name, after the last paragraph, when a line of the header names the writer (see signed_above)
NOTE_WORDS = 80  # ... of a sentence or three


def written_note(lines: list[Line], start: int, text: str) -> bool:
    """A paragraph after the article that is a writer's note, whose name stands in a short line of the header above
    it (a name alone under the headline, read as no byline): not a closing line about someone in the news ("Kevin
    Hassett is the director of the National Economic Council.")."""
    note = WRITER_NOTE.match(text)
    if note is None or words_of(text) > NOTE_WORDS:
        return False
    name = " ".join(note["name"].split()).casefold()
    return any(
        name in line.text.casefold()
        and (
            line.text.casefold().startswith(f"by {name}")
            or words_of(line.text) <= HEADER_NAME
            and NAMES.fullmatch(line.text)
        )
        for line in lines[:start]
    )  # (a line of names: "By Khalid Osman and Rebecca Hale", not the headline "Norman Davies, historian, dies")


HEADER_NAME = 8  # words: a header's line that names the writers ("Khalid Osman and Rebecca Hale")
