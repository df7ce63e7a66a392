"""A saved page's visible text as one string, and where each element sits in it: to find the article on the page,
what lies above and around it (its headline, its pictures), and the prose the article leaves out.

Also the link helpers the saved-page reader's rooms share (html.py, pictures.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import SplitResult, urljoin, urlsplit

from newsletter.models import Block, Notice, Source
from newsletter.patterns import regex
from newsletter.readers.lines import shown
from newsletter.readers.scripts import words_of
from newsletter.text import SPACES, STRAY, length_problem

WHITESPACE = regex(r"\s+")
INLINE_HTML = set(
    "a abbr b bdi bdo cite code data em font i kbd label mark q s samp small span strike strong sub sup time tt u var "
    "wbr".split()
)
# Text a reader never sees on the page: left out of PageText's text (the elements still get positions, unused)
UNSEEN = {"script", "style", "noscript", "template", "title", "head"}
PICTURE = "\ufffc"  # an <img> in the page's text, so that what comes before or after it is told apart


@dataclass
class PageText:
    """The page's visible text as one string, whitespace folded as in the story's blocks (a space between blocks),
    and where each element's text starts and ends in it: to find the article on the page and what lies around it."""

    text: str = ""
    starts: dict[Any, int] = field(default_factory=dict)
    ends: dict[Any, int] = field(default_factory=dict)
    breaks: set[int] = field(default_factory=set)  # where a block or a line break parts the text (its space)
    index: Kept | None = None  # its pieces' places, made when first asked where a part stands (places())

    def places(self, part: str) -> list[int]:
        """Where `part` stands in the text, each place: from an index of the text made once, as a page of many
        paragraphs asks this of each two in a row (reading the whole text for each made such a page quadratic)."""
        if self.index is None:
            self.index = Kept(self.text)
        return self.index.places(part)

    @classmethod
    def of(cls, tree: Any) -> PageText:
        from lxml import etree

        page = cls()
        parts: list[str] = []
        length = 0
        unseen = 0  # inside an element whose text is not shown

        def add(piece: str | None) -> None:
            nonlocal length
            if not piece or unseen:
                return
            piece = WHITESPACE.sub(" ", clean_value_keep_ends(piece))
            if piece.startswith(" ") and (not parts or parts[-1].endswith(" ")):
                piece = piece[1:]
            if piece:
                parts.append(piece)
                length += len(piece)

        def parted() -> None:
            """A block starts or ends here (or a line breaks): a space, and where it stands."""
            add(" ")
            if parts and parts[-1].endswith(" "):
                page.breaks.add(length - 1)

        for event, element in etree.iterwalk(tree, events=("start", "end")):
            tag = element.tag if isinstance(element.tag, str) else ""
            if event == "start":
                if tag not in INLINE_HTML:
                    parted()
                page.starts[element] = length
                unseen += tag in UNSEEN or not tag
                add(PICTURE if tag == "img" else element.text)
            else:
                unseen -= tag in UNSEEN or not tag
                if tag not in INLINE_HTML:
                    parted()
                page.ends[element] = length
                add(element.tail)
        page.text = "".join(parts)
        return page

    def find(self, snippet: str, start: int = 0) -> int | None:
        """Where `snippet` first starts in the page's text from `start`, or None."""
        at = self.text.find(snippet, start) if snippet else -1
        return at if at >= 0 else None


def opening(body: list[Block]) -> str:
    """The start of the article's first paragraph of some length (not a heading: the article's may repeat its
    <h1>), to find it on the page."""
    return next((block.text[:30] for block in body if block.kind != "h" and findable(block)), "")


def findable(block: Block) -> bool:
    """Long enough that its first 30 characters are found on the page only where it is (words counted as
    words_of counts them: a sentence in Japanese or Chinese is as findable as one in English)."""
    return words_of(block.text) >= 8


def left_out_prose(tree: Any, body: list[Block], page: PageText) -> list[str]:
    """The page's paragraphs of running text (not link lists) that the article does not hold: every block of the page
    (a <p>, a <div>, a list item...) holding no other block, with 20 words or more ending a sentence. A block's text
    is `page`'s, as the page shows it: its lines parted where a <br> breaks them, as the article's blocks are."""
    kept = Kept(" ".join(" ".join(block.text.split()) for block in body))
    found: dict[str, None] = {}
    for paragraph in prose_blocks(tree):
        text = " ".join(page.text[page.starts[paragraph] : page.ends[paragraph]].replace(PICTURE, " ").split())
        if words_of(text) < 20 or not re.search(r"[.!?。！？\"”)]\s*$", text):
            continue
        linked = sum(len(" ".join(link.text_content().split())) for link in paragraph.iter("a"))
        if linked * 2 < len(text) and text[len(text) // 3 : len(text) // 3 + 40] not in kept:
            found[text] = None  # each once, in page order
    return list(found)


class Kept:
    """The article's text, to ask whether 40 characters of a paragraph are in it without reading all of it each time
    (a page of 30,000 comments under a long article): every 40 characters hold one of its 12-character pieces that
    start at a multiple of 12, and only where that piece stands is looked at."""

    STEP = 12

    def __init__(self, text: str) -> None:
        self.text = text
        self.at: dict[str, list[int]] = {}
        for start in range(0, len(text) - self.STEP + 1, self.STEP):
            self.at.setdefault(text[start : start + self.STEP], []).append(start)

    def places(self, part: str) -> list[int]:
        """Where `part` stands in the text, each place, in order: looked up where it holds one of the pieces (a part
        of two pieces' length or more holds one wherever it stands), else found by reading the text."""
        if len(part) < 2 * self.STEP - 1:
            return occurrences(self.text, part)
        return sorted({start - offset for offset in range(self.STEP)
                       for start in self.at.get(part[offset : offset + self.STEP], [])
                       if start >= offset and self.text.startswith(part, start - offset)})  # fmt: skip

    def __contains__(self, part: str) -> bool:
        if len(part) < 2 * self.STEP - 1:
            return part in self.text
        places = [(offset, self.at.get(part[offset : offset + self.STEP], [])) for offset in range(self.STEP)]
        if sum(len(starts) for _, starts in places) > 64:  # a piece the text repeats: one plain search is quicker
            return part in self.text
        return any(start >= offset and self.text.startswith(part, start - offset)
                   for offset, starts in places for start in starts)  # fmt: skip


def occurrences(text: str, part: str) -> list[int]:
    """Where `part` stands in `text`, each place."""
    places: list[int] = []
    at = text.find(part)
    while at >= 0:
        places.append(at)
        at = text.find(part, at + 1)
    return places


BLOCK_HTML = set(
    "address article aside blockquote body caption center dd details div dt figcaption figure footer form h1 h2 h3 "
    "h4 h5 h6 header li main nav p pre section summary td th".split()
)  # the tags that hold a block of text; others (img, svg, button, video...) sit inside one and do not end it


def over_lists(tree: Any) -> frozenset[str]:
    """The text of each element that a list follows on the page (a heading or a lead-in over its list of links:
    Al Jazeera's "More:"), its whitespace folded: a lead-in the article keeps with no list under it led into one
    the article does not hold."""
    led = []
    for listed in tree.iter("ul", "ol"):  # (an XPath of following siblings read every sibling list again per element)
        before = listed.getprevious()
        while before is not None and not isinstance(before.tag, str):
            before = before.getprevious()  # a comment or an instruction between: no element
        if before is not None:
            led.append(before)
    return frozenset(" ".join(element.text_content().split()) for element in led)


def prose_blocks(tree: Any) -> list[Any]:
    """The page's blocks that hold no other block (a <p>, a <div> of text, a list item), in page order: a picture,
    an icon or a button inside one does not make it less a block of text."""
    return [
        element
        for element in tree.iter(*BLOCK_HTML)
        if not any(True for _ in element.iterdescendants(*BLOCK_HTML))
        and not any(ancestor.tag in UNSEEN for ancestor in element.iterancestors())
    ]


def split(url: str) -> SplitResult:
    """The parts of a link; those of "" when it is no URL at all ("http://[x": urllib raises)."""
    try:
        return urlsplit(url)
    except ValueError:
        return urlsplit("")


def joined(base: str, url: str) -> str:
    """`url` made absolute against the page's address `base` (if any); "" when either is no URL at all."""
    try:
        absolute = urljoin(base, url) if base else url
        urlsplit(absolute)
    except ValueError:
        return ""
    return absolute


def link_or_nothing(url: str, base: str, file: str, notices: list[Notice], what: str, key: str) -> str:
    """An absolute http(s) link no longer than a story's `key` ("url", "src") may be, or "" with a notice naming
    what was left out (a link of 9,000 characters would have the Markdown an import writes refused)."""
    url = url.strip()
    if not url:
        return ""
    absolute = joined(base, url)
    if split(absolute).scheme not in ("http", "https"):
        notices.append(Notice(message=f"left out the page's {what} {shown(url)}: only http and https links are kept",
                              source=Source(file=file, line=1)))  # fmt: skip
        return ""
    if length_problem(key, absolute):
        notices.append(Notice(message=f"left out the page's {what} {shown(url)}, {len(absolute):,} characters long, "
                                      "longer than a link may be", source=Source(file=file, line=1)))  # fmt: skip
        return ""
    return absolute


def first_fitting(values: Iterable[str], key: str, what: str, file: str, notices: list[Notice]) -> str:
    """The first of `values` (the page's, then what stands in for it) no longer than a story's `key` ("alt",
    "caption", "credit") may be, else ""; each longer one before it is left out and named: the editor cannot shorten
    a page's (a picture's alt text of 50,000 characters had the import refused)."""
    for value in values:
        if length_problem(key, value):
            may = "an alt text" if key == "alt" else f"a {key}"
            notices.append(Notice(message=f"left out {what}, {len(value):,} characters long, longer than {may} may be",
                                  source=Source(file=file, line=1)))  # fmt: skip
        elif value:
            return value
    return ""


def clean_value_keep_ends(text: str) -> str:
    """clean_value without the trim: a space between two spans is a word break."""
    return SPACES.sub(" ", STRAY.sub("", text))


UNREAD = regex(r"[ \t]*\ufffd+[ \t]*")  # a run of U+FFFD, with the spaces around it


def unread_left_out(body: list[Block], file: str, notices: list[Notice]) -> list[Block]:
    """The body without the characters the page itself could not be read as ("�", U+FFFD: an emoji or a letter of
    another charset broken before the page was saved, or by the copy), named: no reader can tell what each stood
    for, and `check` refuses them in an email."""
    count = sum(span.text.count("\ufffd") for block in body for span in block.spans)
    if not count:
        return body
    places = sum(1 for block in body if any("\ufffd" in span.text for span in block.spans))
    notices.append(Notice(message=f"left out {count} broken character(s) (�) in {places} paragraph(s): the page "
                                  "itself holds them where its bytes could not be read",
                          source=Source(file=file, line=1),
                          hint="compare the story with the page, and retype what is missing"))  # fmt: skip
    return [
        block.model_copy(
            update={"spans": [span.model_copy(update={"text": UNREAD.sub(" ", span.text)}) for span in block.spans]}
        )
        if block.spans
        else block  # fmt: skip
        for block in body
    ]
