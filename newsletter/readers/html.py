"""A saved web page (.html) -> one story: trafilatura for the article and its metadata, JSON-LD/Open Graph (extruct).

The article text, its subheads, lists, quotes and links come from trafilatura; the headline, canonical URL, lead image,
byline and date from what the page says about itself (schema.org JSON-LD, then Open Graph, then trafilatura's own
metadata); the lead image's caption and credit from the page's <figure> around that image.
"""

from __future__ import annotations

import copy
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsletter.errors import InputError
from newsletter.models import Block, Image, Notice, Source, Story
from newsletter.patterns import regex
from newsletter.readers.address import spells
from newsletter.readers.alts import alt_and_credit, alt_text
from newsletter.readers.candidates import PLACEHOLDER
from newsletter.readers.extracted import (
    Start,
    body_blocks,
    one_paragraph,
    without_buttons,
    without_dangling_end,
    without_dialog,
    without_page_end,
    without_page_start,
    without_template,
)
from newsletter.readers.headings import heading_text
from newsletter.readers.lines import shown
from newsletter.readers.metadata import page_metadata, read_date
from newsletter.readers.page import (
    PageText,
    first_fitting,
    left_out_prose,
    link_or_nothing,
    opening,
    over_lists,
    split,
    unread_left_out,
)
from newsletter.readers.pictures import (
    article_pictures,
    figure_of,
    lead_picture,
    pictures_left_out,
    site_picture,
)
from newsletter.readers.rendered import Rendered, rendered
from newsletter.readers.scripts import words_of
from newsletter.readers.titles import (
    copyright_names,
    cut_at_quote,
    heads,
    page_title,
    site_names,
    title_suffix,
    without_site,
    without_site_first,
    without_suffix,
)
from newsletter.readers.writers import named_authors
from newsletter.text import BINARY, NUL_SNIFF, clean_value, length_problem, listed, read_file

from . import GUESS, Read, fold
from .pasted import NO_HEADLINE

LIMIT = 20 * 1024 * 1024  # bytes; a saved article page is rarely over 2 MB
MIN_WORDS = 25  # fewer words of article text than this is not an article
SHORT_ARTICLE = 150  # fewer words than a short article: another reader tries the page too


def read(path: Path, notices: list[Notice], data: bytes | None = None) -> Read:
    """Read a saved page from disk (or `data`, its bytes read already); its own canonical URL resolves its relative
    links."""
    if data is None:
        data = read_file(path, limit=LIMIT, what="a saved page")
    return Read(stories=[parse_html(data, str(path), notices)])


# trafilatura's date reader hands dateutil a page's time with its zone's letters ("2016-12-16T14:05:00PST"), and
# dateutil says on stderr that it does not know the zone; the date is read all the same. Filtered for the whole
# process, not around the call: the preview reads pages in several threads, and warnings' filters are not per thread.
warnings.filterwarnings("ignore", message=r"tzname \w+ identified but not understood")


def parse_html(data: bytes, file: str, notices: list[Notice], url: str = "", charset: str = "") -> Story:
    """The story of one article page; `url` is where it was fetched from, if it was, and `charset` what the server
    declared. The bytes are decoded as fetching decodes a page (readers/fetch.decode_html: byte order mark, the
    declared charset, <meta charset>, else UTF-8 or Windows-1252), from disk as from the web, so a Windows-1252
    or Shift_JIS page keeps its characters; every part of the reader reads that one text."""
    import trafilatura

    from newsletter.readers.fetch import decode_html

    if not data.strip():
        raise InputError("is empty", file=file)
    if len(data) > LIMIT:
        raise InputError(f"is {len(data) // 1024 // 1024} MB; a saved page over 20 MB is not an article", file=file)
    page, _ = decode_html(data, charset)
    nul = "\x00" in page[:NUL_SNIFF]  # a binary file, unless it opens as HTML does (WHATWG's MIME sniffing reads it so)
    if (nul and not page[:NUL_SNIFF].lstrip().startswith("<")) or not HTML_START.search(page[:200_000]):
        why = f"{BINARY}; " if nul else ""
        raise InputError(
            f"is not an HTML page: {why}save the article from the browser as 'Webpage, HTML only'", file=file
        )
    if nuls := page.count("\x00"):  # what a browser leaves out of an HTML page (its parser does too), as a paste's
        notices.append(Notice(message=f"removed {nuls} invisible character(s) (U+0000)",
                              source=Source(file=file, line=page[: page.index("\x00")].count("\n") + 1)))  # fmt: skip
    page, stripped = without_attribute_floods(page)
    if stripped:  # (libxml2 checks each attribute of a tag against all before it: 40,000 took 16 s)
        notices.append(Notice(message=f"left out the attributes of {stripped} tag(s) holding over "
                                      f"{ATTRIBUTES_MOST:,} each: no page's markup needs so many",
                              source=Source(file=file, line=1)))  # fmt: skip
    tree = load_page(page)
    if tree is None:
        raise InputError("cannot be read as HTML: save the article from the browser as 'Webpage, HTML only'", file=file)
    if cut := parse_cut():
        here = Source(file=file, line=cut.line)
        notices.append(Notice(message=f"left out the rest of the page from this line: {cut.why}", source=here))
    about = page_metadata(copy.deepcopy(tree), url)
    page_tree = copy.deepcopy(tree)  # trafilatura prunes the tree it reads
    unwrapped_floods(tree)
    if (blocks := sum(1 for _ in tree.iter(*BLOCKS))) > BLOCKS_MOST:  # (its second reader takes minutes on so many)
        notices.append(Notice(message=f"holds {blocks:,} blocks of text, where an article page holds at most a few "
                                      "thousand: read without trafilatura's second reader; check that the story holds "
                                      "the whole article", source=Source(file=file, line=1)))  # fmt: skip
    document = trafilatura.bare_extraction(
        tree,
        url=url or None,
        include_comments=False,  # its default recall: favor_precision cuts the tails of some articles
        include_links=True,
        include_formatting=True,
        include_tables=True,
        with_metadata=True,
        fast=blocks > BLOCKS_MOST,
    )
    found_body = getattr(document, "body", None)  # None: trafilatura found no article

    def found(name: str) -> str:
        """What trafilatura read of the page's metadata ("" when it found no article)."""
        value = getattr(document, name, None)
        return value if isinstance(value, str) else ""

    base = url or about.get("url") or found("url") or ""
    text = PageText.of(page_tree)
    body: list[Block] = []
    dialog = ""  # a consent dialog's text the page holds over the article, left out
    if found_body is not None:  # (None: trafilatura found no article)
        body = one_paragraph(body_blocks(found_body, base, file, notices, text.text), text)
        body = without_template(without_buttons(body, file, notices), file, notices)  # the page's, not the article's
        body, dialog = without_dialog(body, page_tree, file, notices)  # named: not again as prose left out
    words = sum(words_of(block.text) for block in body)  # what trafilatura found (too little: the next reader tries)
    named = ""  # the text of the lines the next reader named as left out, if it read the page: not named twice
    read_as_text: Rendered | None = None  # the page's text read as a paste, once it has been
    from_text = False  # the body is what that reader took from the page's text
    if words < SHORT_ARTICLE:  # too little for an article: the page's text as a reader sees it, read as a paste
        read_as_text = rendered(copy.deepcopy(page_tree), file)
        fallback = read_as_text.story
        if fallback is not None and sum(words_of(block.text) for block in fallback.body) > max(words, MIN_WORDS):
            body, from_text = fallback.body, True
            words = sum(words_of(block.text) for block in body)
            notices.append(Notice(message="trafilatura found too little of the article; the pasted-text reader "
                                          f"over the page's text read it "
                                          f"({words} words): check where it starts and ends",
                                  source=Source(file=file, line=1)))  # fmt: skip
            notices.extend(read_as_text.left_out)  # what that reader left out of the page's text, named
            named = "\n".join(read_as_text.texts)
    if not from_text:  # what follows the article's end on the page, and a subhead or lead-in then left dangling
        ended = without_dangling_end(without_page_end(body, file, notices, MIN_WORDS), file, notices,
                                     over_lists(page_tree))  # fmt: skip
        kept = {id(block) for block in ended}
        named = "\n".join(block.text for block in body if id(block) not in kept)  # named: not again as prose left out
        body = ended
        words = sum(words_of(block.text) for block in body)
    left_out = [text for text in left_out_prose(page_tree, body, text) if text[:40] not in f"{named}\n{dialog}"]
    if left_out and words >= MIN_WORDS:
        shown_ones = listed([shown(text, 40) for text in left_out])
        notices.append(Notice(message=f"left out {len(left_out)} paragraph(s) of prose as not the article's "
                                      f"(comments, promos, other stories): {shown_ones}",
                              source=Source(file=file, line=1)))  # fmt: skip
    if words < MIN_WORDS:
        wall = bool(page_tree.xpath("//input[@type='password']"))
        why = "it asks for a password: save the page after signing in" if wall else "too little text for an article"
        why = f"{why}; the page after line {cut.line} is not read: {cut.why}" if cut else why
        raise InputError(f"holds no article ({words} words of text found; {why})", file=file)

    headline = page_headline(page_tree, about, body, text, url, from_text)
    for key, name in headline.long.items():  # none the page could mean: the next stood in, else the page's text
        long = f"{len(name):,} characters long, longer than a headline may be"
        if any(fold(block.text) == fold(name) for block in body[:REPEATED_WITHIN]):  # an <h1> trafilatura kept
            said = f"the page's {key} is {long}: the article opens with it as a subhead"
        else:
            said = f"left out the page's {key}, {long}"
        notices.append(Notice(message=said, source=Source(file=file, line=1)))
    if not headline.text:  # no JSON-LD, Open Graph, <h1> or <title>: a stretch of a page copied in the browser
        headline = text_headline(
            read_as_text or rendered(copy.deepcopy(page_tree), file), site_names(page_tree, about, url), headline.long
        )
    own = about.get("url") or found("url") or url  # the page's own address, else the one it was fetched or typed at
    if headline.why and spells(headline.text, own):
        headline.why = ""  # the page's own address spells the <h1> or <title> standing in: it is the headline
    unread = "\ufffd" in headline.text and not headline.why  # bytes its charset could not read: a wrong headline
    why = headline.why or ("it holds characters the page's charset could not read (�)" if unread else "")
    taken = f"the page wrote control character(s) into it ({headline.controls}), taken out" if headline.controls else ""
    why = "; ".join(part for part in (why, taken) if part)  # (what no text holds: a change the editor should see)
    if why:
        notices.append(Notice(message=f"{GUESS}: {why}", source=Source(file=file, line=1),
                              story=headline.text, choices=headline.choices,
                              hint="check it; to change it, `newsletter import` the page and edit the Markdown it "
                                   "writes"))  # fmt: skip
    canonical = link_or_nothing(own, base, file, notices, "canonical URL", "url")
    image_src = link_or_nothing(about.get("image") or found("image"), base, file, notices, "lead image", "src")
    if image_src and site_picture(image_src):  # the site's logo or placeholder: the article's own picture, if any
        notices.append(Notice(message=f"left out the page's lead image {shown(Path(split(image_src).path).name, 60)}: "
                                      "its name says it is the site's logo, icon or placeholder, not the story's",
                              source=Source(file=file, line=1)))  # fmt: skip
        image_src = ""
    pictures, aside = article_pictures(page_tree, text, body, headline.top, base)
    # With no lead image named, the article's first picture stands in: not one whose link is too long (named), the next
    for picture in [picture for picture in pictures if not image_src and length_problem("src", picture.src)]:
        notices.append(Notice(message=f"left out the article's picture {shown(picture.name, 40)}: its link is "
                                      f"{len(picture.src):,} characters long, longer than a link may be",
                              source=Source(file=file, line=1)))  # fmt: skip
        pictures.remove(picture)
    lead = lead_picture(pictures, image_src)
    image_src = image_src or (lead.src if lead else "")
    notices.extend(pictures_left_out([picture for picture in pictures if picture is not lead], aside, file))
    alt, caption, credit = figure_of(page_tree, image_src, lead.img if lead else None)  # the lead as set here
    caption = first_fitting((caption, about.get("caption", "")), "caption", "the lead image's caption", file, notices)
    # A credit is no alt text (a screen reader would read it as what the picture shows): the credit, if none other
    alt, alt_credit = alt_and_credit(alt)
    meta_alt, meta_credit = alt_and_credit(" ".join(about.get("image_alt", "").split()))
    credit = first_fitting((credit, about.get("credit", ""), alt_credit, meta_credit), "credit",
                           "the lead image's credit", file, notices)  # fmt: skip
    alt = first_fitting((alt, meta_alt), "alt", "the lead image's alt text", file, notices)
    byline = named_authors(about.get("byline", ""), ",") or named_authors(found("author"))
    parts = {"byline": byline, "alt text": alt, "caption": caption, "credit": credit}
    notices.extend(controls_taken(parts, file))  # (JSON-LD's "\u0001": what the page's HTML cannot hold)
    byline, alt, caption, credit = (clean_value(part) for part in parts.values())
    alt = alt or alt_text(caption)  # (a caption fits as an alt text: 2,000 characters each)
    if headline.text:  # some pages repeat their title as the article's first heading, or under its standfirst
        body = [
            block for i, block in enumerate(body) if i >= REPEATED_WITHIN or fold(block.text) != fold(headline.text)
        ]
    # The page's lines over the article's first paragraph (its byline and date, if they are), when trafilatura found
    # the article (the pasted-text reader has set a page's text's apart already)
    start = Start(body) if from_text else without_page_start(body, file, notices)
    body = start.body
    body = unread_left_out(body, file, notices)
    return Story(
        headline=headline.text,
        headline_unsure=bool(why),
        url=canonical,
        date=read_date(about.get("date", ""), found("date"), page_tree, text.text, file, notices) or start.date,
        byline=byline or start.byline,
        image=Image(src=image_src, alt=" ".join(alt.split())),  # on one line
        caption=caption,
        credit=credit,
        body=body,
        source=Source(file=file, line=1),
    )


@dataclass
class Cut:
    line: int  # where the HTML parser stopped reading the page
    why: str


DEEP = "its tags nest deeper than the HTML parser reads (256 levels)"


def parse_cut() -> Cut | None:
    """Where libxml2 stopped reading the page load_page read last, past one of its limits: tags nested over 256 deep
    (10,000 unclosed <div>) or a text node over 10 MB. It keeps the tree up to there and drops the rest of the page
    without a word; None when it read the page whole."""
    from trafilatura.utils import HTML_PARSER  # (the parser trafilatura.load_html reads every page with)

    for entry in HTML_PARSER.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT":
            deep = "depth" in entry.message
            return Cut(entry.line, DEEP if deep else "a part of it is past what the HTML parser reads (a 10 MB text)")
    return None


# A page's </body> or </html> before its end: a browser reads on (what follows joins the body, as the HTML standard
# says), lxml stops; some pages close early and go on (a template's footer closes them, the article comes after it)
EARLY_END = regex(r"(?i)</\s*(?:body|html)\s*>")


def load_page(page: str) -> Any:
    """The page's tree as a browser builds it from `page`, all of its text; None when it holds no HTML. A part of
    a page with no <html> around it (what the browser copies of a selection, saved as a file: it may open with a
    <table>, which lxml alone will not read) is read inside a body, as a browser reads it."""
    import trafilatura

    page = EARLY_END.sub("", page)
    tree = trafilatura.load_html(page)
    if tree is None and not HTML_TAG.search(page[:200_000]):
        tree = trafilatura.load_html(f"<html><body>{page}</body></html>")
    for link in tree.xpath(EDIT_LINKS) if tree is not None else []:  # a wiki's "[edit]" after each section's heading
        link.drop_tree()
    if tree is not None and NOT_XML_REFERENCE.search(page):
        for element in tree.iter():
            element.text, element.tail = (
                NOT_XML.sub("", part) if part else part for part in (element.text, element.tail)
            )
            for name, value in element.attrib.items():
                element.set(name, NOT_XML.sub("", value))
    return tree


# What libxml2 reads into a tree from a character reference (&#1;, &#11; from a word processor, &#xFFFE;) though no
# XML text may hold it, and lxml then refuses to be given again: trafilatura sets each text it rewrites. Invisible,
# and taken out of a page's text anyway (text.STRAY)
NOT_XML = regex("[\x01-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
NOT_XML_REFERENCE = regex(
    r"&#(?:[xX]0*(?:[1-8bBcCeEfF]|1[0-9a-fA-F]|[fF]{3}[eEfF])|0*(?:[1-8]|1[124-9]|2\d|3[01]|6553[45]))\b"
)


CONTROL = regex("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # (tabs and line breaks are spaces in a headline)


def controls(text: str) -> str:
    """The control characters in `text`, each once, by code point: "U+0001, U+007F"."""
    return ", ".join(sorted({f"U+{ord(character):04X}" for character in CONTROL.findall(text)}))


def controls_taken(parts: dict[str, str], file: str) -> list[Notice]:
    """A notice naming the control characters the page wrote into `parts` (by name: its byline, its lead image's
    caption...), which no text holds and clean_value takes out, as a headline's are named: one for them all, none
    when it wrote none."""
    held = [name for name, part in parts.items() if CONTROL.search(part)]
    if not held:
        return []
    named = series(held, "and")  # "byline, caption and credit"
    codes = controls("".join(parts.values()))
    return [Notice(message=f"the page wrote control character(s) into its {named} ({codes}), taken out",
                   source=Source(file=file, line=1))]  # fmt: skip


# MediaWiki's links to edit a section, which it sets inside the heading: "Details[edit]", "Leben[Bearbeiten]"
EDIT_LINKS = "//*[contains(concat(' ', normalize-space(@class), ' '), ' mw-editsection ')]"


HTML_TAG = regex(r"(?i)<\s*html\b")
HTML_START = regex(r"(?i)<\s*(?:html|head|body|p|div|article)\b")  # what a page holds, or a part of one saved
LONG_TAG = regex(r"<([a-zA-Z][\w:-]*)\s[^<>]{4000,}>")  # a start tag of 4,000 characters or more
ATTRIBUTES_MOST = 1_000


def without_attribute_floods(page: str) -> tuple[str, int]:
    """The page with each start tag of more than ATTRIBUTES_MOST attributes bare (its name alone), and how many: a
    tag so made is an attack on the parser, not markup (a picture inlined as data has one long attribute)."""
    stripped = 0

    def bare(tag: re.Match[str]) -> str:
        nonlocal stripped
        if tag.group(0).count("=") <= ATTRIBUTES_MOST:
            return tag.group(0)
        stripped += 1
        return f"<{tag.group(1)}>"

    return LONG_TAG.sub(bare, page), stripped


# Tags trafilatura unwraps, keeping their text: <span> and the inline ones of its list. It unwraps them after
# reading the page, and libxml2 then keeps each piece of the text as a node of its own, which trafilatura's search for
# paragraphs' text reads over again from each (an element of 16,000 <span>s took 41 s).
UNWRAPPED = ("span", "font", "small", "big", "abbr", "acronym", "cite", "dfn", "data", "mark", "ins", "nobr", "bdi",
             "bdo")  # fmt: skip
UNWRAPPED_MOST = 1_000  # in one element; a page's own paragraph holds tens


# Blocks of text (the read pools' largest page: 1,530): justext's time grows with their square (10,000 <h2>: 18 s)
BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "td", "pre", "blockquote")
BLOCKS_MOST = 5_000


def unwrapped_floods(tree: Any) -> None:
    """`tree` with each element of more than UNWRAPPED_MOST unwrapped tags in it unwrapped already, its text one
    piece, as trafilatura would read it; other elements as they are."""
    from lxml import etree

    flooded = [element for element in tree.iter() if sum(child.tag in UNWRAPPED for child in element) > UNWRAPPED_MOST]
    for element in flooded:
        etree.strip_tags(element, *UNWRAPPED)
        for inside in element.iter():
            inside.text = inside.text  # (libxml2's text nodes side by side become one)
            for child in inside:
                child.tail = child.tail


# --- the headline ---------------------------------------------------------------------------------------------

REPEATED_WITHIN = 3  # blocks at the article's top where the headline may stand again
NEAR = 150  # words of text at most between the article's own <h1> and its first paragraph (standfirst, byline...)


@dataclass
class Headline:
    """The page's headline and where it came from; `why`: why it is a guess ("" when the page names it plainly)."""

    text: str = ""
    why: str = ""
    # Where the article starts on the page (its pictures are looked for from there): the end of its own <h1> in the
    # page's text, when it has one, whichever source the headline came from (JSON-LD's may word it otherwise)
    top: int | None = None
    choices: list[str] = field(default_factory=list)  # what the editor may take instead, when it is a guess
    controls: str = ""  # the control characters taken out of it ("U+0001": a JSON-LD string's "\u0001"), to be named
    long: dict[str, str] = field(default_factory=dict)  # the page's names for it past a headline's length, by source


def page_headline(
    tree: Any, about: dict[str, str], body: list[Block], text: PageText, url: str = "", from_text: bool = False
) -> Headline:
    """JSON-LD's or Open Graph's headline; else the <h1> nearest the article; else the <title> without the site's
    name. Never the site's name alone, and never with it as a suffix. Sure when the page names it (JSON-LD, Open
    Graph) or it is the article's own <h1> (right above its first paragraph, when the article was found as one, not
    taken from the page's text: `from_text`); else a guess, and `why` says so. Never a template's placeholder a page
    saved before its scripts ran still shows ("{{ article.title }}"), as from pasted text."""
    title = page_title(tree)
    site = site_names(tree, about, url)
    # What the <title> ends with may be the site's name ("Headline - Site") or the headline's own ("- Live updates",
    # "| Analysis"): cut from a headline only when the page's copyright line names it too; else it only rules out
    # an <h1> or a headline that is that part alone
    suffix = title_suffix(title)
    if suffix and suffix in (fold(without_site(title, site)), fold(without_site_first(title, site))):
        suffix = ""  # "Site | Headline": with the site's name cut from its start, the last part is the headline (a
        # first part holding all the words of the site's name, "Site Blog | Headline", counts only to keep the last
        # part from being taken for the site's: a <title> standing in keeps it, as it may be the headline's own)
    if suffix and f" {suffix} " in f" {copyright_names(text.text)} ":
        site.add(suffix)
    not_headline = site | ({suffix} if suffix else set())
    h1_element, far = nearest_h1(tree, body, text, not_headline)
    h1 = heading_text(h1_element) if h1_element is not None else ""
    long = long_names({"JSON-LD headline": about.get("headline", ""), "og:title": about.get("og_title", ""),
                       "<title>": without_suffix(title), "<h1>": h1})  # fmt: skip
    shown_h1 = "" if "<h1>" in long else h1  # (where the article starts all the same)
    named = [
        name
        for key, name in (("JSON-LD headline", about.get("headline", "")), ("og:title", about.get("og_title", "")))
        if not SLUG.fullmatch(name.strip()) and key not in long
    ]
    # A named headline that is the <h1> with the site's name after it ("标题_网易新闻", "Headline - Gazette"): the <h1>
    # (not after a colon: "Old Mill Bridge: What We Know" is the headline, its <h1> "Old Mill Bridge" only a topic's);
    # and one that is the <h1> cut at a quote its <meta> did not escape
    sites = {name.removeprefix("the ") for name in not_headline}  # "The Riverside Gazette" is "Riverside Gazette"
    own = shown_h1 and fold(h1).removeprefix("the ") not in sites  # an <h1> that is not the site's name
    named = [h1 if own and (heads(name, h1) or cut_at_quote(name, h1)) else name for name in named]
    # A named headline that shares no word with the page's <h1> when its <title> is that <h1> (and the site's name:
    # the page agrees with itself) may name something else: a description in JSON-LD's "headline" (a wiki's). The
    # <h1> stands in, flagged: the <title> may as well be "Site - Section" over an <h1> that is the site's name
    agreed = set(fold(h1).split()) if h1 and fold(h1) == fold(without_suffix(title)) else set()
    unlike = [name for name in named if name and agreed and not agreed & set(fold(name).split())]
    named = [name for name in named if name not in unlike]
    seen = [name for name in named if h1 and fold(name) == fold(h1)]  # the one the reader sees, when they differ
    none = f"the page names none ({lacking(long, (NAMED, 'headline'))}"  # (a name too long for one is none)
    candidates = [*((name, name, "", name not in seen) for name in (*seen, *named))]
    if unlike:
        why = f"the headline the page names ({shown(unlike[0], 60)}) shares no word with its <h1> and <title>"
        by_h1 = (shown_h1, h1, f"{why}: its <h1> stands in" + (f", but {far}" if far else ""), False)
    else:
        # Under an <h1>, text the pasted-text reader took from a page that holds no article as trafilatura finds one
        # (a portal's teasers, a list of posts) is as likely a section's or a teaser's as the article's
        doubt = far or ("the text under it was read from the page's text, not found as an article" if from_text else "")
        by_h1 = (shown_h1, h1, f"{none}): its <h1> stands in, but {doubt}" if doubt else "", False)
    no_h1 = f"the page names none ({lacking(long, (NAMED, 'headline'), (['<h1>'], 'by the article'))})"
    by_title = ("" if "<title>" in long else without_suffix(title), title,
                f"{no_h1}: its <title> {shown(title, 80)} stands in", True)  # fmt: skip
    # An <h1> away from the article, or of one word (a section's), that the <title> does not repeat is less likely
    # the headline than the <title>
    unlikely = (far or words_of(h1) == 1) and fold(h1) not in fold(title)  # (Chinese has no spaces: count its words)
    candidates += [by_title, by_h1] if unlikely else [by_h1, by_title]
    # What the page shows as its headline (its <h1>) loses only the site's name; what it names in its metadata (JSON-LD,
    # Open Graph, <title>) also the date, motto or host's name the site adds there
    for found, whole, why, named_only in candidates:
        headline = without_site(clean_value(" ".join(found.split())), site, loose=named_only)
        if headline and fold(headline).removeprefix("the ") not in sites and not PLACEHOLDER.search(headline):
            if why and (found, whole, why, named_only) == by_title and (top := shown_above(body, text, headline)):
                return Headline(headline, "", top, controls=controls(found), long=long)  # the <title> the page shows
            if why and headline != clean_value(whole):
                why = f"{why}, without the site's name"
            top = text.ends[h1_element] if h1 and not far else None
            return Headline(headline, why, top, controls=controls(found), long=long)
    return Headline(long=long)


def long_names(names: dict[str, str]) -> dict[str, str]:
    """Those of the page's names for its headline (by source) past a headline's 500 characters: a description or the
    article's opening put there, which the editor cannot shorten in a page. None is the headline: the next stands in
    (else the page's text's, else none, and the build makes one of the first sentence), and parse_html names each."""
    return {key: name for key, name in names.items() if length_problem("headline", name)}


def text_headline(read: Rendered, site: set[str], long: dict[str, str]) -> Headline:
    """The headline the pasted-text reader chose from the page's text, for a page that names none and has no <h1> or
    <title> to stand in (or those it has are too long to be one: `long`): a guess, as a <title> standing in is (with
    that reader's doubt, if it had one). Never the site's name, nor the first sentence that reader makes one of when
    it finds none (the build says the page has none, as for any story without one)."""
    if read.story is None or read.guess.startswith(NO_HEADLINE):
        return Headline()
    if fold(read.story.headline).removeprefix("the ") in {"", *site}:
        return Headline()
    none = lacking(long, (NAMED + ["<h1>", "<title>"], ""))
    if read.headed:  # the page's markup sets one of the next likeliest lines as a heading: that one
        why = f"the page names none ({none}): of the likeliest lines of the page's text, it is the one set as a heading"
        others = [read.story.headline, *(choice for choice in read.choices if choice != read.headed)]
        return Headline(read.headed, why, choices=others)
    why = f"the page names none ({none}): it is the likeliest line of the page's text"
    return Headline(read.story.headline, f"{why}, but {read.guess}" if read.guess else why, choices=read.choices)


NAMED = ["JSON-LD headline", "og:title"]  # where a page names its headline, by long_names' keys
SAID = {"JSON-LD headline": "JSON-LD", "og:title": "Open Graph", "<h1>": "<h1>", "<title>": "<title>"}  # in a flag


def lacking(long: dict[str, str], *groups: tuple[list[str], str]) -> str:
    """What a flag says the page lacks to name its headline by: each group of its names (long_names' keys) it gives
    none of, with the words after them ("no JSON-LD or Open Graph headline, no <h1> by the article"); and those it
    gives past a headline's length, as parse_html names them: "no <title>; its <h1> is too long to be one"."""
    parts = []
    for keys, after in groups:
        if absent := [SAID[key] for key in keys if key not in long]:
            parts.append(" ".join(["no", series(absent, "or"), after]).strip())
    said = ", ".join(parts)
    if over := [key for keys, _ in groups for key in keys if key in long]:
        too_long = f"its {series(over, 'and')} {'are' if over[1:] else 'is'} too long to be one"
        said = f"{said}; {too_long}" if said else too_long
    return said


def series(names: list[str], word: str) -> str:
    """`names` as a sentence lists them: "a", "a or b", "a, b or c"."""
    return f" {word} ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


# A name that is an address's slug ("adac-kindersitztest-herbst-2018"), which some pages give as their og:title
SLUG = regex(r"[a-z0-9]+(?:-[a-z0-9]+){3,}")


def nearest_h1(tree: Any, body: list[Block], text: PageText, site: set[str]) -> tuple[Any, str]:
    """The page's <h1> that comes last before the article's first paragraph (the first <h1> when none does), and
    why it may not be the article's own ("" when the article starts right under it); None when the page has none.
    An <h1> that is the site's name or its logo (a link to the home page) is no headline."""
    headings = [h1 for h1 in tree.iter("h1") if fold(heading_text(h1)) not in site | {""} and not links_home(h1)]
    if not headings:
        return None, ""
    at = text.find(opening(body))
    before = [h1 for h1 in headings if at is not None and text.ends[h1] <= at]
    chosen = before[-1] if before else headings[0]
    if at is None:
        return chosen, "the article's start is not found on the page"
    if not before:
        return chosen, "it comes after the article's start"
    between = words_of(text.text[text.ends[chosen] : at])
    return chosen, f"it is {between} words above the article's start" if between > NEAR else ""


def shown_above(body: list[Block], text: PageText, headline: str) -> int | None:
    """Where the page shows `headline` (a <title> without the site's name) as a block of its own, the last before the
    article's first paragraph and at most NEAR words above it, as a heading in a <div> or an <h2> is shown: its end in
    the page's text; else None."""
    at = text.find(opening(body))
    wanted = fold(headline)
    if at is None or not wanted:
        return None
    ends = [
        end
        for element, end in text.ends.items()
        if end <= at
        and 0 <= end - text.starts[element] <= 2 * len(headline)
        and fold(text.text[text.starts[element] : end]) == wanted
    ]
    return max(ends) if ends and words_of(text.text[max(ends) : at]) <= NEAR else None


def links_home(element: Any) -> bool:
    """The element holds a link to the site's home page (href "/" or the site's address alone), or stands inside
    one (<a href="/"><h1>Site</h1></a>): a logo."""
    for link in [*element.iter("a"), *element.iterancestors("a")]:
        href = (link.get("href") or "").strip()
        parts = split(href)
        if href and not href.startswith("#") and parts.path in ("", "/") and not parts.query:
            return True
    return False
