"""A story as the Markdown file an editor completes (`newsletter import`, the desk's "Add a page"): front matter,
then the body, written so that it reads back as the same story.

The body is written block by block, and each block is read back by the story reader's own parser
(readers/markdown.py) before it is kept: CommonMark opens and closes "**" and "*" only next to the right characters,
so a bold full stop after a word ("Montauk**.**") or a bold run around an italic one would show its asterisks. Such
a block is written again without the marks it cannot hold: first those on punctuation alone, then its bold and
italic; its words and links are kept. The whole file is read back last: what the page holds but a story file may not
(a photo's alt text over 2,000 characters, an og:image or og:url over 8,000) is refused, naming the page, before
anything is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .models import Block, Span, Story, joined_runs, look, span_of
from .patterns import regex
from .text import SEPARATORS, clean_value

# Characters that would turn plain text into Markdown syntax, and an entity's shape ("&amp;" would read as "&").
MARKDOWN_SPECIAL = regex(r"([\\`*_\[\]<>{}|~])|&(?=#?\w+;)")
# ... and what makes a line a heading, a quote, a list item or a heading's underline when it starts it
LINE_START_SPECIAL = regex(r"^(\s*)(?:(#+|[>+\-=]+)|(\d+)([.)]))(?=\s|$)")
CLOSING_HASHES = regex(r"(^|\s)(#+)(\s*)$")  # "## Item #": a heading's closing sequence, cut when read
MARKS = {"strong": "**", "em": "*"}
PREFIX = {"p": "", "h": "## ", "li": "- ", "oli": "1. ", "quote": "> "}
FIELD = regex(r"[a-z_]+(?:\.[a-z_]+)?")  # a front matter key, as the story reader names one in its messages
PEEL = regex(r"([\W_]*)(.*?)([\W_]*)", re.S)  # a run's punctuation and spaces before and after its words

GUESSED_COMMENT = (
    "# The reader was not sure this is the page's headline: every build warns until you check it\n"
    "# and delete the next line.\n"
)


def story_markdown(story: Story, *, lead: bool) -> str:
    import yaml

    guessed = bool(story.headline) and (story.headline_unsure or story.headline_derived)
    front: dict[str, object] = {
        "headline": story.headline,
        **({"headline_unsure": True} if guessed else {}),
        "url": story.url,
        "image": {"src": story.image.src, "alt": story.image.alt or story.caption},
        "caption": story.caption,
        "credit": story.credit,
    }
    if story.byline:
        front["byline"] = story.byline
    if story.date:
        front["date"] = story.date
    if story.teaser:
        front["teaser"] = story.teaser
    if lead and story.body:
        front["lead"] = True
    if story.pull_quotes:
        front["pull_quotes"] = [q.model_dump(exclude_defaults=True) for q in story.pull_quotes]
    header = yaml.safe_dump(as_read(front), allow_unicode=True, sort_keys=False, width=1000)
    if guessed:  # the flag stays in the file, and says why and how to confirm: every build warns until then
        header = header.replace("\nheadline_unsure: true\n", f"\n{GUESSED_COMMENT}headline_unsure: true\n", 1)
    body = "\n\n".join(block_markdown(block) for block in story.body)
    return read_back(f"---\n{header}---\n\n{body}\n" if body else f"---\n{header}---\n", story)


def read_back(written: str, story: Story) -> str:
    """`written`, once the story reader takes it as it will at the next build; else an InputError naming the page the
    story came from, in the words the page's reader uses for its own headline ("the headline is 999 characters long,
    ..."). A page may hold what a story file may not, which its reader takes as it is (a photo's alt text of 2,600
    characters; on the desk, a related item whose link is a whole teaser), and a story written with it would not
    build."""
    from .errors import InputError
    from .readers.markdown import parse_markdown

    try:
        parse_markdown(written, story.source.file, [])
    except InputError as error:  # "image.alt: is 2,600 characters long...": the page's, not a line of a file
        key, colon, problem = error.message.partition(": ")
        said = f"the {key} {problem}" if colon and FIELD.fullmatch(key) else error.message
        raise InputError(said, file=story.source.file, line=story.source.line) from None
    return written


def as_read(value: object) -> object:
    """A front matter value as the story reader reads its line (text.clean_lines): what no one sees removed, line
    separators and odd spaces made plain ones. Written so, its YAML is the YAML read: a page's alt text opening with
    an invisible U+202E before a quote read back as an unclosed quoted string, and the import's story did not build."""
    if isinstance(value, str):
        return clean_value(SEPARATORS.sub(" ", value))
    if isinstance(value, dict):
        return {key: as_read(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_read(item) for item in value]
    return value


def block_markdown(block: Block) -> str:
    """One block as Markdown that reads back as the same block: subheads, lists, quotes, marks and links kept, or
    the marks it cannot hold left off (its words never)."""
    spans = runs([span.model_copy(update={"href": written_href(span.href)}) if span.href else span
                  for span in block.spans])  # fmt: skip
    tries = (spans, peeled(spans), [unmarked(span) for span in spans])
    for attempt in tries:
        written = PREFIX[block.kind] + line_start(inline_markdown(attempt), block.kind)
        if reads_back(written, attempt):
            return written
    return written  # (the words as they are, marks left off: what the reader makes of the rest is its own)


def peeled(spans: list[Span]) -> list[Span]:
    """The spans with the punctuation at either end of a bold or italic run left out of it ("**算法方面**，" for
    "**算法方面，**", which CommonMark would not close before a letter): the marks then sit between a letter and a
    stop, where they open and close."""
    out: list[Span] = []
    for span in spans:
        ends = PEEL.fullmatch(span.text) if (span.strong or span.em) and not (span.href or span.code) else None
        if ends is None:
            out.append(span)
            continue
        lead, core, trail = ends.groups()
        out += (
            [Span(text=lead), span.model_copy(update={"text": core}), Span(text=trail)]
            if core
            else [Span(text=lead + trail)]
        )
    return runs(out)


def unmarked(span: Span) -> Span:
    return Span(text=span.text, href=span.href, code=span.code)


def runs(spans: list[Span]) -> list[Span]:
    """Neighbours that look the same joined, as the reader joins them. A space's bold or italic, which no one sees,
    is left off: "** **" would show."""
    pieces = [
        (look(span if span.text.strip() or span.href else unmarked(span)), span.text) for span in spans if span.text
    ]
    return [span_of(seen, text) for seen, text in joined_runs(pieces)]


@dataclass
class Piece:
    """A stretch of the line: text (escaped), or a mark opened or closed."""

    text: str = ""
    opens: str = ""
    closes: str = ""


def inline_markdown(spans: list[Span]) -> str:
    """The spans as one line of Markdown: each mark opened where a run of it starts and closed where it ends (a
    bold run holding an italic one is "**a *b* c**", not "**a** ***b*** **c**"), spaces kept outside the marks, a
    link's marks inside its brackets where they are its own. Links' addresses come written (`written_href`)."""
    pieces: list[Piece] = []
    open_marks: list[str] = []
    at = 0
    while at < len(spans):
        span = spans[at]
        group = [span]
        while span.href and at + len(group) < len(spans) and spans[at + len(group)].href == span.href:
            group.append(spans[at + len(group)])  # one link, whatever marks its words have
        wanted = [mark for mark in MARKS if all(getattr(part, mark) for part in group)]
        keep = 0  # the open marks that stay open: the longest start of them that is wanted
        while keep < len(open_marks) and open_marks[keep] in wanted:
            keep += 1
        if span.href:  # a link's marks go inside its brackets ("[*JAMA*](...)"), but for a run going on over it
            wanted = open_marks[:keep]
        for mark in reversed(open_marks[keep:]):
            pieces.append(Piece(closes=mark))
        open_marks = open_marks[:keep]
        for mark in wanted:
            if mark not in open_marks:
                pieces.append(Piece(opens=mark))
                open_marks.append(mark)
        if span.href:
            inner = [Span(text=part.text, strong=part.strong and "strong" not in wanted,
                          em=part.em and "em" not in wanted, code=part.code) for part in group]  # fmt: skip
            if pieces and pieces[-1].text.endswith("!"):  # (a mark's piece holds no text)
                pieces[-1].text = pieces[-1].text[:-1] + "\\!"  # "![" would make the link a picture
            pieces.append(Piece(text=f"[{inline_markdown(inner)}]({span.href})"))  # (written_href'd by the caller)
        elif span.code:
            pieces.append(Piece(text=code_markdown(span.text)))
        else:
            pieces.append(Piece(text=MARKDOWN_SPECIAL.sub(lambda found: "\\" + found[0], span.text)))
        at += len(group)
    for mark in reversed(open_marks):
        pieces.append(Piece(closes=mark))
    return "".join(spaced_outside(pieces))


def code_markdown(text: str) -> str:
    """Code as CommonMark reads it back: between more backticks than it holds in a row ("`` a`b ``"), a space
    inside each when it starts or ends with a backtick or a space (the reader strips one)."""
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    padded = text[:1] in ("`", " ") or text[-1:] in ("`", " ")
    return f"{fence} {text} {fence}" if padded else f"{fence}{text}{fence}"


def spaced_outside(pieces: list[Piece]) -> list[str]:
    """The pieces as text, a space at a mark's inner edge moved outside it ("** a**" would not open)."""
    out: list[str] = []
    for n, piece in enumerate(pieces):
        if piece.opens:
            following = next((p for p in pieces[n + 1 :] if p.text or p.closes), None)
            if following is not None and following.text[:1].isspace():
                out.append(following.text[: len(following.text) - len(following.text.lstrip())])
                following.text = following.text.lstrip()
            out.append(MARKS[piece.opens])
        elif piece.closes:
            trailing = out[-1][len(out[-1].rstrip()) :] if out else ""
            if trailing:
                out[-1] = out[-1].rstrip()
            out.append(MARKS[piece.closes] + trailing)
        else:
            out.append(piece.text)
    return out


def written_href(href: str) -> str:
    """The address as a Markdown link holds it: what would end it or break it (a space, a bracket, a no-break space,
    a letter outside ASCII) percent-encoded, the address the same."""
    from urllib.parse import quote

    return quote(href, safe="-._~:/?#@!$&'*+,;=%")


def line_start(text: str, kind: str) -> str:
    """`text` with what would make its line a heading, a quote or a list item escaped ("1\\. Peter", "\\# 5"), and
    a heading's closing hashes."""
    text = LINE_START_SPECIAL.sub(
        lambda found: found[1] + (f"\\{found[2]}" if found[2] else f"{found[3]}\\{found[4]}"), text, count=1
    )
    if kind == "h":
        text = CLOSING_HASHES.sub(lambda found: found[1] + "\\#" * len(found[2]) + found[3], text)
    return text


def reads_back(written: str, spans: list[Span]) -> bool:
    """The story reader makes of `written` the same spans: words, links and marks."""
    from .errors import InputError
    from .readers.markdown import inline_spans, markdown_parser

    tokens = [token for token in markdown_parser().parse(written) if token.type == "inline"]
    if len(tokens) != 1:
        return False
    try:
        back = inline_spans(tokens[0].children or [], "", 1)
    except InputError:  # a link the reader refuses: the words are what they are
        return False
    return marked(back) == marked(spans)


def marked(spans: list[Span]) -> tuple[str, list[tuple[str, bool, bool, bool]]]:
    """The spans' text, and each of its characters' look but for spaces (whose marks no one sees)."""
    text = "".join(span.text for span in spans)
    looks = [look(span) for span in spans for char in span.text if not char.isspace()]
    return text, looks
