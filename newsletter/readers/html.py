"""A saved web page (.html) -> one story: trafilatura for the article and its metadata, JSON-LD/Open Graph (extruct).

The article text, its subheads, lists, quotes and links come from trafilatura; the headline, canonical URL, lead image,
byline and date from what the page says about itself (schema.org JSON-LD, then Open Graph, then trafilatura's own
metadata); the lead image's caption and credit from the page's <figure> around that image.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from newsletter.errors import InputError
from newsletter.links import ALLOWED_SCHEMES
from newsletter.models import Block, Image, Notice, Source, Span, Story
from newsletter.text import JUNK, SPACES, clean_value, read_file

from . import Read

WHITESPACE = re.compile(r"\s+")
LIMIT = 20 * 1024 * 1024  # bytes; a saved article page is rarely over 2 MB
MIN_WORDS = 25  # fewer words of article text than this is not an article
WALL_WORDS = 150  # a page asking for a password with fewer words than this is a sign-in page
ARTICLE_TYPES = ("Article", "NewsArticle", "BlogPosting", "Report", "ReportageNewsArticle", "AnalysisNewsArticle",
                 "OpinionNewsArticle", "LiveBlogPosting", "TechArticle", "ScholarlyArticle", "WebPage")  # fmt: skip


def read(path: Path, notices: list[Notice]) -> Read:
    """Read a saved page from disk; its own canonical URL resolves its relative links."""
    data = read_file(path, limit=LIMIT, what="a saved page")
    return Read(stories=[parse_html(data, str(path), notices)])


def parse_html(data: bytes, file: str, notices: list[Notice], url: str = "") -> Story:
    """The story of one article page; `url` is where it was fetched from, if it was."""
    import trafilatura

    if not data.strip():
        raise InputError("is empty", file=file)
    if len(data) > LIMIT:
        raise InputError(f"is {len(data) // 1024 // 1024} MB; a saved page over 20 MB is not an article", file=file)
    if b"\x00" in data[:4096] or not re.search(rb"<\s*(?:html|head|body|p|div|article)\b", data[:200_000], re.I):
        raise InputError("is not an HTML page: save the article from the browser as 'Webpage, HTML only'", file=file)
    tree = trafilatura.load_html(data)
    if tree is None:
        raise InputError("cannot be read as HTML: save the article from the browser as 'Webpage, HTML only'", file=file)
    about = page_metadata(data, url)
    page_tree = copy.deepcopy(tree)  # trafilatura prunes the tree it reads
    document = trafilatura.bare_extraction(
        tree,
        url=url or None,
        favor_precision=True,  # a story's body is what editors publish: junk costs more than a missed line
        include_comments=False,
        include_links=True,
        include_formatting=True,
        include_tables=True,
        with_metadata=True,
    )
    base = url or about.get("url") or (document.url if document is not None else "") or ""
    body = body_blocks(document.body, base, file, notices) if document is not None else []
    words = sum(len(block.text.split()) for block in body)
    wall = bool(page_tree.xpath("//input[@type='password']"))
    if words < MIN_WORDS or (wall and words < WALL_WORDS):
        why = "it asks for a password: save the page after signing in" if wall else "too little text for an article"
        raise InputError(f"holds no article ({words} words of text found; {why})", file=file)

    headline = clean_value(about.get("headline") or (document.title or ""))
    canonical = link_or_nothing(about.get("url") or document.url or url, base, file, notices, "canonical URL")
    image_src = link_or_nothing(about.get("image") or document.image or "", base, file, notices, "lead image")
    alt, caption, credit = figure_of(page_tree, image_src, base)
    caption = caption or clean_value(about.get("caption", ""))
    credit = credit or clean_value(about.get("credit", ""))
    if body and headline and body[0].text.strip() == headline:
        body = body[1:]  # some pages repeat their title as the article's first heading
    return Story(
        headline=headline,
        url=canonical,
        date=page_date(about.get("date") or document.date or ""),
        byline=clean_value(about.get("byline") or document.author or ""),
        image=Image(src=image_src, alt=alt or about.get("image_alt", "") or caption),
        caption=caption,
        credit=credit,
        body=body,
        source=Source(file=file, line=1),
    )


# --- what the page says about itself ------------------------------------------------------------------------


def page_metadata(data: bytes, url: str) -> dict[str, str]:
    """Headline, canonical URL, image, byline, date from JSON-LD (first) and Open Graph; absent keys are absent."""
    import extruct

    try:
        found = extruct.extract(data, base_url=url or None, syntaxes=["json-ld", "opengraph"], uniform=True,
                                errors="ignore")  # fmt: skip
    except Exception:  # extruct fails on broken markup in many ways; the page is still readable without it
        found = {}
    about: dict[str, str] = {}
    for item in article_items(found.get("json-ld", [])):
        put(about, "headline", item.get("headline") or item.get("name"))
        put(about, "url", first_url(item.get("mainEntityOfPage")) or item.get("url"))
        image = item.get("image")
        image = image[0] if isinstance(image, list) and image else image
        if isinstance(image, dict):
            put(about, "image", image.get("url") or image.get("contentUrl"))
            put(about, "caption", image.get("caption") or image.get("description"))
            put(about, "credit", image.get("creditText") or names(image.get("copyrightHolder")))
        else:
            put(about, "image", image)
        put(about, "byline", names(item.get("author")))
        put(about, "date", item.get("datePublished") or item.get("dateCreated"))
    for og in found.get("opengraph", []):
        put(about, "headline", og.get("og:title"))
        put(about, "url", og.get("og:url"))
        put(about, "image", og.get("og:image"))
        put(about, "image_alt", og.get("og:image:alt"))
        put(about, "date", og.get("article:published_time"))
    return about


def article_items(items: list[Any]) -> list[dict[str, Any]]:
    """JSON-LD objects that describe an article, the most specific first, graphs unfolded."""
    flat: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, dict):
            flat.extend(x for x in item.get("@graph", [item]) if isinstance(x, dict))

    def rank(item: dict[str, Any]) -> int:
        kinds = item.get("@type") or []
        kinds = [kinds] if isinstance(kinds, str) else kinds
        return min((ARTICLE_TYPES.index(k) if k in ARTICLE_TYPES else 99 for k in kinds if isinstance(k, str)),
                   default=99)  # fmt: skip

    return sorted((item for item in flat if rank(item) < 99), key=lambda item: ARTICLE_TYPES[rank(item)] == "WebPage")


def put(about: dict[str, str], key: str, value: Any) -> None:
    if key not in about and isinstance(value, str) and value.strip():
        about[key] = value.strip()


def first_url(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    return value if isinstance(value, str) else ""


def names(value: Any) -> str:
    """An author or holder: a name, an object with a name, or a list of them."""
    if isinstance(value, list):
        return ", ".join(filter(None, (names(v) for v in value)))
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) else ""


def page_date(value: str) -> dt.date | None:
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not match:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def link_or_nothing(url: str, base: str, file: str, notices: list[Notice], what: str) -> str:
    """An absolute http(s) link, or "" with a notice naming what was left out."""
    url = url.strip()
    if not url:
        return ""
    absolute = urljoin(base, url) if base else url
    if urlsplit(absolute).scheme not in ("http", "https"):
        notices.append(Notice(message=f"left out the page's {what} {shown(url)}: only http and https links are kept",
                              source=Source(file=file, line=1)))  # fmt: skip
        return ""
    return absolute


def shown(text: str, limit: int = 60) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def figure_of(tree: Any, src: str, base: str) -> tuple[str, str, str]:
    """(alt, caption, credit) of the page's <img> showing `src`, from its <figure> and <figcaption>."""
    if not src:
        return "", "", ""
    name = Path(urlsplit(src).path).stem
    if len(name) < 4:
        return "", "", ""
    for img in tree.iter("img"):
        sources = " ".join(img.get(key, "") for key in ("src", "data-src", "srcset", "data-srcset", "data-original"))
        if name not in sources:
            continue
        alt = clean_value(img.get("alt", ""))
        figure = next((a for a in img.iterancestors() if a.tag == "figure"), None)
        if figure is None:
            return alt, "", ""
        captions = figure.xpath(".//figcaption")
        if not captions:
            return alt, "", ""
        caption_el = copy.deepcopy(captions[0])
        credit_parts = caption_el.xpath(
            ".//*[contains(@class,'credit') or contains(@class,'copyright') or contains(@class,'byline')]"
        )
        credit = " ".join(clean_value(" ".join(el.itertext())) for el in credit_parts)
        for el in credit_parts:
            el.drop_tree() if hasattr(el, "drop_tree") else el.getparent().remove(el)
        caption = clean_value(" ".join(" ".join(caption_el.itertext()).split()))
        return alt, caption, credit
    return "", "", ""


# --- the article text ----------------------------------------------------------------------------------------

INLINE_STYLE = {"#b": "strong", "#i": "em", "#u": "em", "#t": "code"}


def body_blocks(body: Any, base: str, file: str, notices: list[Notice]) -> list[Block]:
    """trafilatura's body (p, head, list/item, quote, table/row/cell) -> our blocks, inline marks and links kept."""
    blocks: list[Block] = []
    dropped: list[str] = []

    def add(kind: str, element: Any) -> None:
        spans = inline(element, base, dropped)
        if "".join(span.text for span in spans).strip():
            blocks.append(Block(kind=kind, spans=spans))  # type: ignore[arg-type]

    def walk(element: Any, quote: bool = False) -> None:
        for child in element:
            tag = child.tag
            if tag == "p":
                add("quote" if quote else "p", child)
            elif tag == "head":
                add("h", child)
            elif tag == "list":
                ordered = (child.get("rend") or "").startswith("ol")
                for item in child.iter("item"):
                    add("oli" if ordered else "li", item)
            elif tag == "quote":
                if any(grand.tag in ("p", "list", "head") for grand in child):
                    walk(child, quote=True)
                else:
                    add("quote", child)
            elif tag == "table":
                for row in child.iter("row"):
                    cells = [" ".join(" ".join(cell.itertext()).split()) for cell in row.iter("cell")]
                    if any(cells):
                        blocks.append(Block(spans=[Span(text=" | ".join(c for c in cells if c))]))
            elif tag in ("div", "section", "main", "body"):
                walk(child, quote)
            elif tag != "graphic":
                add("quote" if quote else "p", child)

    walk(body)
    if dropped:
        notices.append(Notice(message=f"kept the text of {len(dropped)} link(s) without the link: "
                                      f"{', '.join(shown(u, 40) for u in dropped[:3])}: only http, https and mailto "
                                      "links are allowed",
                              source=Source(file=file, line=1)))  # fmt: skip
    return blocks


def inline(element: Any, base: str, dropped: list[str]) -> list[Span]:
    """The spans of one block: text, with bold/italic marks and http/https/mailto links."""
    spans: list[Span] = []

    def visit(node: Any, marks: dict[str, Any]) -> None:
        if node.text:
            spans.append(Span(text=node.text, **marks))
        for child in node:
            inner = dict(marks)
            if child.tag == "hi":
                style = INLINE_STYLE.get(child.get("rend", ""))
                if style:
                    inner[style] = True
            elif child.tag == "ref":
                href = child.get("target", "").strip()
                absolute = urljoin(base, href) if base else href
                if href and urlsplit(absolute).scheme in ALLOWED_SCHEMES:
                    inner["href"] = absolute
                elif href:
                    dropped.append(href)
            elif child.tag == "lb":
                spans.append(Span(text=" ", **marks))
            elif child.tag == "code":
                inner["code"] = True
            visit(child, inner)
            if child.tail:
                spans.append(Span(text=child.tail, **marks))

    visit(element, {})
    return tidy(spans)


def tidy(spans: list[Span]) -> list[Span]:
    """Whitespace as a browser shows it: runs made one space, the block's ends trimmed; like spans merged.

    Runs of spans that look alike are joined as text and each made a Span once (as the Markdown reader does):
    comparing and copying models span by span cost time in proportion to the square of a long page."""
    runs: list[tuple[tuple[str, bool, bool, bool], list[str]]] = []
    for span in spans:
        text = WHITESPACE.sub(" ", clean_value_keep_ends(span.text))
        if not text:
            continue
        look = (span.href, span.strong, span.em, span.code)
        if runs and runs[-1][0] == look:
            runs[-1][1].append(text)
        else:
            runs.append((look, [text]))
    texts = ["".join(parts) for _, parts in runs]
    if texts:
        texts[0] = texts[0].lstrip()
        texts[-1] = texts[-1].rstrip()
    for i in range(1, len(texts)):
        if texts[i - 1].endswith(" ") and texts[i].startswith(" "):
            texts[i] = texts[i].lstrip()
    return [
        Span(text=text, href=href, strong=strong, em=em, code=code)
        for ((href, strong, em, code), _), text in zip(runs, texts, strict=True)
        if text
    ]


def clean_value_keep_ends(text: str) -> str:
    """clean_value without the trim: a space between two spans is a word break."""
    return SPACES.sub(" ", JUNK.sub("", text))
