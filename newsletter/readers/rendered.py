"""A saved page's text as a browser shows it, read as a paste by the pasted-text reader: the saved-page reader's next
reader when trafilatura finds too little of the article, and where its headline comes from when the page names none
and has no <h1> or <title> (a stretch of a page copied in the browser and pasted into the preview's "Add a page":
its HTML holds the page's body only, never its <head>)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsletter.models import Notice, Source, Story
from newsletter.notices import PLACE
from newsletter.readers import GUESS
from newsletter.readers.lines import shown
from newsletter.text import listed


@dataclass
class Rendered:
    """What the pasted-text reader made of the page's text."""

    story: Story | None  # its article, or None when it found none
    left_out: list[Notice] = field(default_factory=list)  # what it left out, each notice at the page (line 1)
    texts: list[str] = field(default_factory=list)  # the text of every line those notices name
    guess: str = ""  # why its headline is a guess, in its words ("" when it is sure of it)
    choices: list[str] = field(default_factory=list)  # ... and the lines it weighed next
    headed: str = ""  # the one of those the page sets as its highest heading (<h1> to <h3>), the chosen line none


HEADINGS = ("h1", "h2", "h3")


def headed(tree: Any, chosen: str, choices: list[str]) -> str:
    """Of the lines the reader weighed next, the one the page sets as a heading of the highest level among them when
    no other is set so and the chosen line is no heading: a blog's post title in an <h2> under the writer's name
    and the date ("Clankers with claws" under "David Heinemeier Hansson"). The page's markup is evidence its text
    lacks."""
    levels: dict[str, int] = {}
    for level, tag in enumerate(HEADINGS):
        for element in tree.iter(tag):
            levels.setdefault(" ".join(element.text_content().split()), level)
    if " ".join(chosen.split()) in levels:
        return ""
    tagged = [(levels[key], choice) for choice in choices if (key := " ".join(choice.split())) in levels]
    top = [choice for level, choice in tagged if level == min(level for level, _ in tagged)]
    return top[0] if len(top) == 1 else ""


def page_text(tree: Any) -> str:
    """The page's text as a browser shows it, a line per block. (Takes the page's <head>, scripts and styles out of
    `tree`: give it a copy.)"""
    import html_text

    for junk in tree.xpath("//head|//script|//style|//noscript|//template"):  # (the <title> is not on the page)
        junk.getparent().remove(junk)
    return str(html_text.extract_text(tree, guess_layout=True))


def page_lines(tree: Any) -> list[str]:
    """The page's text's lines (page_text), whitespace folded, blank lines left out."""
    return [folded for line in page_text(tree).split("\n") if (folded := " ".join(line.split()))]


def rendered(tree: Any, file: str) -> Rendered:
    """The page's text as a browser shows it (a line per block), read by the pasted-text reader. Its notices are put
    at the page: the text's line numbers are no place in the file. (Takes the page's <head>, scripts and styles out of
    `tree`: give it a copy.)"""
    from newsletter.errors import NewsletterError
    from newsletter.readers.pasted import GUESSES
    from newsletter.readers.text import parse_page

    text = page_text(tree)
    found: list[Notice] = []
    try:
        read = parse_page(text, file, found)
    except NewsletterError:
        return Rendered(None)
    at_page = Source(file=file, line=1)
    result = Rendered(read.stories[0] if read.stories else None)
    lines = text.split("\n")  # numbered as that reader numbers them
    for notice in found:
        placed = PLACE.match(notice.message)  # "page.html:1-10: left out as page furniture: ..."
        message = placed["message"] if placed else notice.message
        if message.startswith(GUESSES):  # "the headline is a guess: line 4 was the likeliest of 6 ..., but WHY"
            result.guess = message.partition(", but ")[2] or message.removeprefix(f"{GUESS}: ")
            result.choices = notice.choices
            result.headed = headed(tree, result.story.headline if result.story else "", notice.choices)
            continue
        result.left_out.append(notice.model_copy(update={"message": message, "source": at_page}))
        if placed:
            first, _, last = placed["line"].partition("-")
            result.texts += (" ".join(line.split()) for line in lines[int(first) - 1 : int(last or first)])
    for related in (found for found in read.related if found.items):
        result.texts += (" ".join(f"{item.headline} {item.teaser}".split()) for item in related.items)
        titles = listed([shown(item.headline or item.teaser, 40) for item in related.items])
        result.left_out.append(Notice(message=f"left out the {shown(related.heading)} list under the article "
                                              f"({len(related.items)} stories): {titles}",
                                      source=at_page))  # fmt: skip
    return result
