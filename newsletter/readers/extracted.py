"""trafilatura's article (its XML: p, head, list/item, quote, table/row/cell, with hi/ref/lb inside a line) -> our
blocks and spans, its marks and its http/https/mailto links kept, and the spaces it drops between words put back where
the page's own text has them."""

from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from newsletter.links import ALLOWED_SCHEMES
from newsletter.models import Block, Notice, Source, Span, Story, dateline_over, joined_runs, look, span_of
from newsletter.readers.candidates import SHARE_LINE
from newsletter.readers.dialogs import NOTICE, consent_dialogs, site_promo
from newsletter.readers.headers import figures_date
from newsletter.readers.labels import is_template, original_title
from newsletter.readers.lines import BUTTON, LEAD_IN, READING_TIME, Line, line_date, shown
from newsletter.readers.page import WHITESPACE, PageText, clean_value_keep_ends, joined, split
from newsletter.readers.scripts import words_of
from newsletter.readers.text import classify
from newsletter.readers.writers import take_byline
from newsletter.text import listed

JOINT = 40  # characters each side of where two paragraphs meet, to find the place on the page


BUTTON_WORDS = 6  # a share button's words at most ("このニュースをシェア", "Share this article")


def without_buttons(body: list[Block], file: str, notices: list[Notice]) -> list[Block]:
    """The article's blocks less those that are a page's button ("このニュースをシェア", "Share this article") or
    only mark where an advertisement stands in it ("Story Continued Below": lines.BUTTON holds AD_SLOT), named."""
    kept: list[Block] = []
    left: list[str] = []
    for block in body:
        text = block.text
        button = BUTTON.match(text) or words_of(text) <= BUTTON_WORDS and SHARE_LINE.search(text)
        if block.kind in ("p", "h") and button:
            left.append(text)
        else:
            kept.append(block)
    if left:
        notices.append(Notice(message=f"left out {len(left)} button(s) or advertisement's place(s) in the article: "
                                      f"{', '.join(shown(text, 40) for text in left[:3])}",
                              source=Source(file=file, line=1)))  # fmt: skip
    return kept


def without_template(body: list[Block], file: str, notices: list[Notice]) -> list[Block]:
    """The article's blocks less those that are a template's code the page shows unfilled (labels.is_template: a
    page saved before its scripts filled it in), named; with them the template's own words that share their block
    (its buttons, its labels: "Open the editor"), which are no more the article's. Code the article shows as code
    (<code>, <pre>: a tutorial's "{{ user.name }}") is the article's."""
    kept: list[Block] = []
    left: list[str] = []
    for block in body:
        shown_as_text = "".join(span.text for span in block.spans if not span.code)
        if block.kind != "results" and is_template(" ".join(shown_as_text.split()), anywhere=True):
            left.append(block.text)
        else:
            kept.append(block)
    if left:
        notices.append(Notice(message=f"left out {len(left)} block(s) of a template's code the page shows unfilled "
                                      "(it was saved before its scripts filled it in): "
                                      f"{', '.join(shown(text, 40) for text in left[:3])}",
                              source=Source(file=file, line=1)))  # fmt: skip
    return kept


def without_dialog(body: list[Block], tree: Any, file: str, notices: list[Notice]) -> tuple[list[Block], str]:
    """The article's blocks less a cookie-consent dialog's that the page holds over the article, named: a page
    copied in the browser with its dialog open holds the dialog's paragraphs, sentences all, which trafilatura may
    take for a short article (dialogs.py reads the page's text for it, as a paste's). With the text left out."""
    if not any(NOTICE.search(block.text) for block in body):
        return body, ""
    from newsletter.readers.rendered import page_lines

    lines = page_lines(copy.deepcopy(tree))
    dialog = {lines[i] for i in consent_dialogs(lines)}
    left = [block.text for block in body if " ".join(block.text.split()) in dialog]
    if left:
        notices.append(Notice(message=f"left out the cookie-consent dialog the page holds over the article "
                                      f"({len(left)} paragraph(s)): {listed([shown(text, 40) for text in left])}",
                              source=Source(file=file, line=1)))  # fmt: skip
    return [block for block in body if block.text not in left], "\n".join(left)


def without_page_end(body: list[Block], file: str, notices: list[Notice], least: int = 0) -> list[Block]:
    """The article less what follows its end, each block read as the pasted-text reader reads a page's line
    (text.classify): from the page's end (comments, tags, the copyright line, the desk's editor: "责任编辑：霍琦") or a
    related heading over other stories, with no more of the article under them (no two paragraphs in a row); and the
    page's lines after the last paragraph ("Loading weather data ...", "Follow Jefferson Graham on Twitter."), named.
    A list's item never ends it ("Sign up for an account" is a step), nor a line the article goes on under. A cut
    that would leave fewer than `least` words, too few for an article, is not made: the page is read as it was."""
    roles = classify([Line(number, " ".join(block.text.split())) for number, block in enumerate(body, start=1)])
    first = next((i for i, role in enumerate(roles) if role == "prose"), len(body))
    end = len(body)
    resumed = [False] * (len(body) + 1)  # two paragraphs in a row at or after each block: the article goes on
    for i in reversed(range(len(body) - 1)):
        resumed[i] = resumed[i + 1] or roles[i] == roles[i + 1] == "prose"
    for i in range(first + 1, len(body)):
        if body[i].kind not in ("li", "oli") and roles[i] in ("end", "related") and not resumed[i]:
            end = i
            break
    texts = [block.text for block in body]
    while end > first + 1 and (roles[end - 1] == "furniture" or site_promo(texts[end - 1], texts[: end - 1])):
        end -= 1  # ... and the site's promo there ("Get top stories emailed to me each day"), as a paste's
    if sum(words_of(block.text) for block in body[:end]) < least:
        return body
    if end < len(body):
        notices.append(Notice(message="left out what follows the article's end: "
                                      f"{listed([shown(block.text, 40) for block in body[end:]])}",
                              source=Source(file=file, line=1)))  # fmt: skip
    return body[:end]


@dataclass
class Start:
    """What stood over the article's first paragraph in trafilatura's text: its byline and date, if it held them."""

    body: list[Block]
    byline: str = ""
    date: dt.date | None = None


START_ROLES = ("byline", "date", "furniture", "credit", "url")  # (text.classify's)
START_LINES = 6  # blocks at most over the article's first paragraph
START_WORDS = 12  # ... each of at most so many words
LABEL_WORDS = 4  # a label's words at most: "Review", "Neue Rechte", "Estimated reading time: 5 minutes"


def without_page_start(body: list[Block], file: str, notices: list[Notice]) -> Start:
    """The article less the page's lines trafilatura took in over its first paragraph, each read as the pasted-text
    reader reads a page's line (text.classify): a byline ("By Maria Popova", "Von Gregory Lipinski", as a paragraph
    or a subhead), a date, a button or counter ("字号", "Sponsored"), a credit, a label ("Review", "Tempo de leitura:
    2 minutos"), the story's original title ("（原标题：…）"), named. Its byline and date are the story's when the page
    names none. A dateline ("BAAR, SWITZERLAND", "WASHINGTON (AP) —" over the first paragraph) and a sentence cut at a
    comma ("下周一，") are the article's."""
    lines = [Line(number, " ".join(block.text.split())) for number, block in enumerate(body[: START_LINES + 1], 1)]
    roles = classify(lines)
    if "prose" not in roles:
        return Start(body)
    first = 0  # the first block that is the article's
    for i, (block, line, role) in enumerate(zip(body, lines, roles, strict=False)):
        words = words_of(line.text)
        label = role == "other" and (words <= LABEL_WORDS and not re.search(r"[,，、]", line.text)
                                     or READING_TIME.search(line.text) and words <= LABEL_WORDS + 2)  # fmt: skip
        if original_title(line.text):
            first += 1  # the story's title where it was first published: the article's own is its headline
            continue
        if dateline_over(line.text) and roles[i + 1 : i + 2] == ["prose"]:
            break  # "WASHINGTON (AP) —" over the first paragraph: the article's (Story.opening joins the two)
        shape = block.kind == "p" or block.kind == "h" and role in ("byline", "date")  # ("By Maria Popova": a subhead)
        if role == "prose" or not shape or not (role in START_ROLES or label) or words > START_WORDS:
            break
        first += 1
    if not first:
        return Start(body)
    story = Story(source=Source(file=file))
    for line, role in zip(lines[:first], roles, strict=False):
        if role == "byline" and not story.byline:
            take_byline(line, story)
        elif role == "date" and story.date is None:
            story.date = line_date(line.text) or figures_date(line.text)
    notices.append(Notice(message="left out the page's lines over the article's first paragraph (a byline, a date, "
                                  f"a label): {', '.join(shown(line.text, 40) for line in lines[:first])}",
                          source=Source(file=file, line=1)))  # fmt: skip
    return Start(body[first:], story.byline, story.date)


LEAD_IN_WORDS = 6  # a lead-in's words at most ("Read more from Jennifer Rubin:", "Das Thema könnte dich auch ...:")


def without_dangling_end(
    body: list[Block], file: str, notices: list[Notice], over_lists: frozenset[str] = frozenset()
) -> list[Block]:
    """The article less a subhead or a lead-in ("Explore:", "Read more from Jennifer Rubin:") that ends it with
    nothing under it, and a lead-in inside it that a list follows on the page (`over_lists`: Al Jazeera's "More:")
    but not in the article: the page's list of links it led into is no part of the article (trafilatura leaves it
    out), named. A lead-in over the article's own paragraphs ("Anfahrt:", "Programm:") stays."""
    end = len(body)
    while end > 1 and (body[end - 1].kind == "h" or lead_in(body[end - 1])):
        end -= 1
    left = {
        i
        for i in range(end - 1)
        if lead_in(body[i]) and " ".join(body[i].text.split()) in over_lists and body[i + 1].kind not in LISTS
    }
    if left or end < len(body):
        gone = [body[i] for i in sorted(left)] + body[end:]
        notices.append(Notice(message="left out a lead-in to links the article does not hold, or what ends it with "
                                      f"nothing under it: {', '.join(shown(block.text, 40) for block in gone)}",
                              source=Source(file=file, line=1)))  # fmt: skip
    return [block for i, block in enumerate(body[:end]) if i not in left]


LISTS = ("li", "oli")


def lead_in(block: Block) -> bool:
    """A short line that leads into what follows it: "Explore:", "Read more from Jennifer Rubin:"."""
    return bool(LEAD_IN.search(block.text)) and words_of(block.text) <= LEAD_IN_WORDS


def one_paragraph(body: list[Block], page: PageText) -> list[Block]:
    """`body` with the paragraphs trafilatura cut apart at a link joined again, as the page sets them: "...rushed off
    alone to a" / "security fair in Las Vegas..." are one line of the page's text wherever the one ends on the page,
    with no block or line break between them there."""
    out: list[Block] = []  # (not `joined`: that is the link helper this module imports)
    for block in body:
        last = out[-1] if out else None
        alike = last is not None and last.kind == block.kind and block.kind in ("p", "quote")
        space = one_line(last.text, block.text, page) if last is not None and alike else None
        if last is not None and space is not None:
            out[-1] = Block(kind=block.kind, spans=tidy([*last.spans, Span(text=space), *block.spans]))
        else:
            out.append(block)
    return out


def one_line(first: str, second: str, page: PageText) -> str | None:
    """What stands between `first` and `second` where the page runs the one on into the other (" " or ""), or None.
    Everywhere the page has the end of the first, the second starts after it without a break; or everywhere it has
    the start of the second, the first ends before it (a short one, "." or "iPad Pro", is on the page many times)."""
    end, start = first[-JOINT:], second[:JOINT]
    if not end or not start:
        return None
    for space in (" ", ""):
        run = end + space + start
        joint = len(end)  # where the run's space stands in it
        for part, offset in ((end, 0), (start, len(end) + len(space))):
            runs = [at - offset for at in page.places(part)]  # where the run would start, each place
            if runs and all(page.text.startswith(run, at) and at + joint not in page.breaks for at in runs):
                return space
    return None


INLINE_STYLE = {"#b": "strong", "#i": "em", "#u": "em", "#t": "code"}
INLINE_TAGS = ("hi", "ref", "lb", "code", "del")  # inside a line of text; every other tag of trafilatura's is a block


def body_blocks(body: Any, base: str, file: str, notices: list[Notice], page: str = "") -> list[Block]:
    """trafilatura's body (p, head, list/item, quote, table/row/cell) -> our blocks, inline marks and links kept
    (`page`: the page's own text, which says where a space after a link belongs)."""
    blocks: list[Block] = []
    dropped: list[str] = []
    tables: list[tuple[int, str]] = []  # each table of data read: its rows, its first row's text
    known = frozenset(page.split())  # the page's own words, as its text spells them

    def add(kind: str, element: Any) -> None:
        spans = inline(element, base, dropped, page, known)
        if "".join(span.text for span in spans).strip():
            blocks.append(Block(kind=kind, spans=spans))

    def loose(parts: list[Any], kind: str, owner: Any) -> None:
        """Text that sits in a <div> between blocks (and its inline marks), one paragraph per line break."""
        paragraph = owner.makeelement("p", {})
        for part in [*parts, None]:
            if part is None or (not isinstance(part, str) and part.tag == "lb"):
                add(kind, paragraph)
                paragraph = owner.makeelement("p", {})
                if part is not None and part.tail:
                    paragraph.text = part.tail
            elif isinstance(part, str):
                if len(paragraph):
                    paragraph[-1].tail = (paragraph[-1].tail or "") + part
                else:
                    paragraph.text = (paragraph.text or "") + part
            else:
                paragraph.append(copy.deepcopy(part))

    def items(listed: Any) -> None:
        """A list's items, each one block; a list inside an item follows the item's text before it, its items
        blocks of their own, and the item's text after it is a block after them."""
        kind = "oli" if (listed.get("rend") or "").startswith("ol") else "li"
        for item in listed.findall("item"):
            part = item.makeelement("item", {})  # the item's text up to a list inside it, then after it: in order
            part.text = item.text
            for child in item:
                if child.tag != "list":
                    part.append(copy.deepcopy(child))
                    continue
                add(kind, part)
                items(child)
                part = item.makeelement("item", {})
                part.text = child.tail
            add(kind, part)

    def walk(element: Any, quote: bool = False) -> None:
        kind = "quote" if quote else "p"
        pending: list[Any] = [element.text] if element.text and element.text.strip() else []
        for child in element:
            tag = child.tag
            if tag in INLINE_TAGS:
                pending.append(child)  # its tail goes with it
                continue
            if pending:
                loose(pending, kind, element)
                pending = []
            if tag == "p":
                add(kind, child)
            elif tag == "head":
                add("h", child)
            elif tag == "list":
                items(child)
            elif tag == "quote":
                if any(grand.tag in ("p", "list", "head") for grand in child):
                    walk(child, quote=True)
                else:
                    add("quote", child)
            elif tag == "table":
                rows = [[" ".join(" ".join(cell.itertext()).split()) for cell in row.iter("cell")]
                        for row in child.iter("row")]  # fmt: skip
                rows = [[cell for cell in cells if cell] for cells in rows if any(cells)]
                blocks.extend(Block(spans=[Span(text=" | ".join(cells))]) for cells in rows)
                if sum(len(cells) > 1 for cells in rows) > 1:  # a table of data, not of a page's layout
                    tables.append((len(rows), " | ".join(rows[0])))
            elif tag in ("div", "section", "main", "body"):
                walk(child, quote)
            elif tag != "graphic":
                add(kind, child)
            if child.tail and child.tail.strip():
                pending.append(child.tail)
        if pending:
            loose(pending, kind, element)

    walk(body)
    if dropped:
        notices.append(Notice(message=f"kept the text of {len(dropped)} link(s) without the link: "
                                      f"{', '.join(shown(u, 40) for u in dropped[:3])}: only http, https and mailto "
                                      "links are allowed",
                              source=Source(file=file, line=1)))  # fmt: skip
    if tables:
        named = ", ".join(f"{shown(first, 40)} ({rows} rows)" for rows, first in tables[:3])
        notices.append(Notice(message=f"read {len(tables)} table(s) as one paragraph per row, its cells joined by "
                                      f'" | ": {named}: check how they read; election results read best as a '
                                      "`results` block",
                              source=Source(file=file, line=1)))  # fmt: skip
    return blocks


def inline(
    element: Any, base: str, dropped: list[str], page: str = "", known: frozenset[str] = frozenset()
) -> list[Span]:
    """The spans of one block: text, with bold/italic marks and http/https/mailto links. trafilatura drops the space
    on either side of a link or a mark ("<a>security fair</a> in Las Vegas" -> "fairin Las Vegas", "von <a>Douglas"
    -> "vonDouglas"): where the page's own text has the two words apart and nowhere glued, the space is put back."""
    spans: list[Span] = []

    def spaced(text: str) -> str:
        last = re.search(r"\S{1,30}$", spans[-1].text) if spans and text[:1].strip() else None
        first = re.match(r"\S{1,30}", text)
        if last and first and f"{last[0]} {first[0]}" in page and f"{last[0]}{first[0]}" not in page:
            return " " + text
        return text

    def visit(node: Any, marks: dict[str, Any]) -> None:
        if node.text:
            spans.append(Span(text=spaced(node.text), **marks))
        for child in node:
            inner = dict(marks)
            if child.tag == "hi":
                style = INLINE_STYLE.get(child.get("rend", ""))
                if style:
                    inner[style] = True
            elif child.tag == "ref":
                href = child.get("target", "").strip()
                absolute = joined(base, href)
                if href and split(absolute).scheme in ALLOWED_SCHEMES:
                    inner["href"] = absolute
                elif href:
                    dropped.append(href)
            elif child.tag == "lb":
                spans.append(Span(text=" ", **marks))
            elif child.tag == "code":
                inner["code"] = True
            elif child.tag == "head":
                inner["strong"] = True  # an item's own heading, bold as the page shows it
            set_apart = child.tag not in INLINE_TAGS  # a block inside a line ("<item><head>..</head><p>.."): not glued
            if set_apart:
                spans.append(Span(text=" ", **marks))
            visit(child, inner)
            if set_apart:
                spans.append(Span(text=" ", **marks))
            if child.tail:
                spans.append(Span(text=spaced(child.tail), **marks))

    visit(element, {})
    return [Span(text=apart(span.text, page, known), href=span.href, strong=span.strong, em=span.em, code=span.code)
            for span in tidy(spans)]  # fmt: skip


def apart(text: str, page: str, known: frozenset[str]) -> str:
    """`text` with the words trafilatura glued together apart again ("E-Mail AdresseBitte geben Sie", of a label and
    its hint; "Autori:Anna" of a bold label and a link): a word the page's text (`page`, its words `known`) never
    spells, where one place to split it gives two words the page has side by side."""

    def word_apart(match: re.Match[str]) -> str:
        word = match[0]
        if not page or word in known or word in page:
            return word
        at = [i for i in range(1, len(word)) if f"{word[:i]} {word[i:]}" in page]
        return f"{word[: at[0]]} {word[at[0] :]}" if len(at) == 1 else word

    return re.sub(r"\S{2,60}", word_apart, text)


def tidy(spans: list[Span]) -> list[Span]:
    """Whitespace as a browser shows it: runs made one space, the block's ends trimmed; like spans merged.

    Spans that look alike are joined as text (`joined_runs`) and each run made a Span once."""
    pieces = ((look(span), WHITESPACE.sub(" ", clean_value_keep_ends(span.text))) for span in spans)
    runs = joined_runs(piece for piece in pieces if piece[1])
    texts = [WHITESPACE.sub(" ", text) for _, text in runs]
    for i in range(len(texts)):  # the block's ends trimmed, past spans of spaces alone ("\u3000" before a bold run)
        texts[i] = texts[i].lstrip()
        if texts[i]:
            break
    for i in reversed(range(len(texts))):
        texts[i] = texts[i].rstrip()
        if texts[i]:
            break
    spaced = False  # the text so far ends in a space (a span of a space alone, made empty, ends nothing)
    for i, text in enumerate(texts):
        if spaced and text.startswith(" "):
            texts[i] = text = text.lstrip()
        spaced = text.endswith(" ") if text else spaced
    return [span_of(seen, text) for (seen, _), text in zip(runs, texts, strict=True) if text]
