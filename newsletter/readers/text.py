"""Text pasted from a news page (.txt) -> the lead story, then its "More from" items."""

from __future__ import annotations

import re
from pathlib import Path

from newsletter.errors import InputError
from newsletter.models import Block, Image, Notice, PullQuote, Source, Span, Story
from newsletter.readers import Read
from newsletter.text import clean_lines, header_problem, length_problem, read_text

SUFFIXES = (".txt",)


def read(path: Path, notices: list[Notice]) -> Read:
    return parse_page(read_text(path), str(path), notices)



MORE_FROM = re.compile(r"^More from (?P<brand>\S.{0,60})$")
AGENCY = (
    r"(?:REUTERS|Reuters|AP|AP Photo|Associated Press|AFP|Getty Images|Getty|EPA|EPA-EFE|"
    r"Bloomberg|Kyodo|Xinhua|Sipa|Sipa USA|NurPhoto|Shutterstock|Alamy|ZUMA|ZUMA Press|"
    r"Imago|Pool|Handout|File Photo|Anadolu|SOPA Images|GZERO Media|Eurasia Group)"
)
CREDIT = re.compile(
    "|".join(
        [
            rf"{AGENCY}(?:/[^/]{{1,80}}){{0,3}}",  # Reuters, REUTERS/Name, REUTERS/Name/File Photo
            r"\(?(?:Photo|Photos|Photograph|Illustration|Image)s? (?:by|:) .{1,100}?\)?",  # (Photo by X/Y)
            rf".{{1,80}} via {AGENCY}",  # Kyodo via REUTERS, Name/Org via AP
            rf"[^/.]{{1,60}}/{AGENCY}(?:/[^/]{{1,60}})?",  # Jane Doe/Getty Images
            r"(?:Courtesy of|Credit:|Photo:|Source:) .{1,100}",
        ]
    )
)


def is_credit(line: str) -> bool:
    """A photo credit line, in any of the forms agencies and newsrooms print them."""
    line = line.strip()
    return len(line) <= 120 and CREDIT.fullmatch(line) is not None


def parse_page(text: str, file: str, notices: list[Notice]) -> Read:
    """Text copied from a newsletter page: a lead story, then a "More from <brand>" list."""
    lines = clean_lines(text, file, notices)
    numbered = list(enumerate(lines, start=1))
    split = next((i for i, (_, line) in enumerate(numbered) if MORE_FROM.match(line.strip())), None)
    head, tail = (numbered, []) if split is None else (numbered[:split], numbered[split + 1 :])
    brand = MORE_FROM.match(numbered[split][1].strip()).group("brand") if split is not None else ""
    problem = header_problem(brand) if brand else None
    if problem:  # the brand name goes into the From header: refused here, where the page names it
        raise InputError(f"the brand name {brand!r} in 'More from' {problem}, which would forge mail headers; "
                         "retype the line", file=file, line=numbered[split][0])

    stories = []
    lead = parse_lead(blocks(head), file)
    if lead is not None:
        stories.append(lead)
    stories.extend(parse_items(tail, file))
    if not stories:
        raise InputError("holds no story: expected a headline, then paragraphs", file=file)
    return Read(stories=stories, brand=brand)


Numbered = list[tuple[int, str]]


def blocks(lines: Numbered) -> list[Numbered]:
    """Split numbered lines into runs separated by blank lines."""
    result: list[Numbered] = []
    current: Numbered = []
    for number, line in lines:
        if line.strip():
            current.append((number, line.strip()))
        elif current:
            result.append(current)
            current = []
    if current:
        result.append(current)
    return result


def dedupe_adjacent(lines: list[str]) -> list[str]:
    """Copying a page doubles a photo caption (alt text, then the visible caption): keep one."""
    return [line for i, line in enumerate(lines) if i == 0 or line != lines[i - 1]]


def parse_lead(parts: list[Numbered], file: str) -> Story | None:
    if not parts:
        return None
    first = parts[0]
    headline_line, headline = first[0]
    problem = length_problem("headline", headline)
    if problem:
        raise InputError(f"the headline (the first line of the page) {problem}", file=file, line=headline_line)
    rest = [line for _, line in first[1:]]
    parts = parts[1:]
    # The photo block: caption line(s) ending in a credit, or a doubled caption with no credit.
    photo = rest
    if not photo and parts:
        candidate = [line for _, line in parts[0]]
        if is_credit(candidate[-1]) or len(candidate) != len(dedupe_adjacent(candidate)):
            photo = candidate
            parts = parts[1:]
    caption, credit = "", ""
    if photo:
        if is_credit(photo[-1]):
            credit = photo[-1]
            photo = photo[:-1]
        caption = " ".join(dedupe_adjacent(photo))
    body = [Block(spans=[Span(text=" ".join(line for _, line in part))]) for part in parts]
    return Story(
        headline=headline,
        caption=caption,
        credit=credit,
        image=Image(alt=caption),
        body=body,
        pull_quotes=[quote for block in body if (quote := find_quote(block.text))],
        source=Source(file=file, line=headline_line),
    )


QUOTE = re.compile(r"[“\"](?P<text>[^”\"]{20,}?)[,.]?[”\"]")
SAYS_AFTER = re.compile(r"\b(?:says|said|according to|explains|adds|notes|warns)\s+(?P<who>[^.,“”\"]{3,80})")
SAYS_BEFORE = re.compile(r"(?P<who>[A-Z][\w’'.\- ]{2,80}?)\s+(?:says|said|explains|adds|notes|warns)\b")


def find_quote(paragraph: str) -> PullQuote | None:
    """A quoted expert: a quotation of some length with a named speaker, kept as a pull quote candidate."""
    quote = QUOTE.search(paragraph)
    if quote is None:
        return None
    outside = paragraph[: quote.start()] + " " + paragraph[quote.end() :]
    speaker = SAYS_AFTER.search(outside) or SAYS_BEFORE.search(outside)
    if speaker is None:
        return None
    text = quote.group("text").strip()
    if text[-1] not in ".!?":
        text += "."
    return PullQuote(text=text, attribution=speaker.group("who").strip())


def parse_items(lines: Numbered, file: str) -> list[Story]:
    """The "More from" list: per item a caption, a credit and an optional teaser.

    Items may touch with no blank line between them, so the credit lines, not the blank lines,
    mark where an item is.
    """
    content = [(number, line.strip()) for number, line in lines if line.strip()]
    credits = [i for i, (_, line) in enumerate(content) if is_credit(line) and i > 0]
    if not credits:
        # A list with no photos: each paragraph is an item's teaser.
        return [
            Story(teaser=" ".join(line for _, line in part), source=Source(file=file, line=part[0][0]))
            for part in blocks(lines)
        ]
    # Each item starts at its caption: the line before its credit, or the first of a doubled caption.
    starts = []
    for n, at in enumerate(credits):
        start = at - 1
        previous_credit = credits[n - 1] if n else -1
        while start - 1 > previous_credit and content[start - 1][1] == content[at - 1][1]:
            start -= 1
        starts.append(start)
    stories = []
    for n, at in enumerate(credits):
        end = starts[n + 1] if n + 1 < len(credits) else len(content)
        caption = content[at - 1][1]
        stories.append(
            Story(
                caption=caption,
                credit=content[at][1],
                image=Image(alt=caption),
                teaser=" ".join(line for _, line in content[at + 1 : end]),
                source=Source(file=file, line=content[starts[n]][0]),
            )
        )
    return stories
