"""The pictures of a saved page's article: the one the story shows (the page's lead image, else the article's first),
and the others, named as left out; each picture's alt text, caption and credit from its <figure>."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsletter.models import Block, Notice, Source
from newsletter.readers.page import PageText, findable, joined, opening, shown, split
from newsletter.text import clean_value


def shows(img: Any, src: str) -> bool:
    """The <img> shows the picture at `src`, at any of its sizes: `src`'s file name, without its suffix, is in one of
    its sources, or a source has that very file name."""
    path = Path(split(src).path)
    sources = [img.get(key, "") for key in PICTURE_SOURCES]
    if len(path.stem) >= 4:
        return path.stem in " ".join(sources)
    return bool(path.suffix) and any(Path(split(source.split()[0]).path).name == path.name
                                     for source in sources if source.split())  # fmt: skip


def figure_of(tree: Any, src: str, base: str) -> tuple[str, str, str]:
    """(alt, caption, credit) of the page's <img> showing `src`, from its <figure> and <figcaption>."""
    if not src:
        return "", "", ""
    for img in tree.iter("img"):
        if not shows(img, src):
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


PICTURE_SOURCES = ("src", "data-src", "data-original", "data-lazy-src", "data-srcset", "srcset")
SMALL = 150  # px wide or high, at most: an icon, a button, a portrait or a counting pixel, not a picture
FURNITURE = re.compile(r"(?i)logo|icon|avatar|sprite|badge|button|share|overlay|spinner|placeholder|pixel|emoji|"
                       r"headshot|author|profile|mugshot|thumb")  # fmt: skip


@dataclass
class Picture:
    img: Any
    src: str  # as absolute as the page's address makes it
    name: str  # what the editor knows it by: its alt text, else its file's name
    above: bool  # set above the article's first paragraph (under its headline): its lead picture, at some size

    @property
    def on_web(self) -> bool:
        return split(self.src).scheme in ("http", "https")


def article_pictures(tree: Any, text: PageText, body: list[Block], top: int | None, base: str) -> list[Picture]:
    """The pictures (<img>) set in the article: from its own <h1> (else its first paragraph) to its last paragraph,
    each once (a picture's sizes are one picture); icons, logos, portraits and links to other pages aside."""
    first = text.find(opening(body))
    start = top if top is not None else first
    if start is None or first is None:
        return []
    end = start
    for block in body:  # each paragraph found after the one before it: the article's end is where the last one ends
        at = text.find(block.text[:30], end) if findable(block) else None
        end = at + len(block.text) if at is not None else end
    found: list[Picture] = []
    seen: set[str] = set()  # the addresses, file names (without suffix) and alt texts of the pictures found
    for img in tree.iter("img"):
        at = text.starts.get(img)
        src = picture_source(img)
        if at is None or not start <= at <= end or not src or not is_picture(img, src):
            continue
        src = joined(base, src) or src  # an address that is no URL stays as written, to be named
        name = clean_value(img.get("alt", ""))
        if not seen & {src, Path(split(src).path).stem, name or src}:
            found.append(Picture(img, src, name or Path(split(src).path).name, above=at < first))
            sources = (part.split()[0] for value in picture_sources(img) for part in value.split(",") if part.split())
            seen |= {src, name or src, *(stem for source in sources if len(stem := Path(split(source).path).stem) >= 4)}
    return found


def picture_sources(img: Any) -> list[str]:
    return [value for key in PICTURE_SOURCES if (value := (img.get(key) or "").strip())]


def picture_source(img: Any) -> str:
    """The address of the picture an <img> shows (its first source that names a picture file), or ""."""
    from trafilatura.utils import is_image_file

    for key in PICTURE_SOURCES:
        value = (img.get(key) or "").strip()
        if key.endswith("srcset"):
            value = value.split(",")[0].split()[0] if value.split() else ""
        if is_image_file(value) and not value.lower().startswith("data:"):
            return value
    return ""


def is_picture(img: Any, src: str) -> bool:
    """A picture of the article's, not an icon, a logo, a portrait or a link to another page (a related story's
    thumbnail, a share button): judged by its size, its names, and where a link around it goes."""
    from trafilatura.utils import is_image_file

    file_name = Path(split(src).path).name
    sizes = [re.fullmatch(r"\s*(\d+)\s*(?:px)?\s*", img.get(key) or "") for key in ("width", "height")]
    sizes += list(re.finditer(r"(?<![\d.])(\d{2,4})x\d{2,4}(?!\d)", file_name))
    if any(size is not None and int(size[1]) <= SMALL for size in sizes):
        return False
    if FURNITURE.search(" ".join((img.get("class", ""), img.get("id", ""), file_name))):
        return False
    link = next(img.iterancestors("a"), None)
    return link is None or not (link.get("href") or "").strip() or is_image_file(link.get("href"))


def lead_picture(pictures: list[Picture], lead: str) -> Picture | None:
    """The article's picture the story shows: the one showing the page's lead image (`lead`: by its file's name, or
    the first picture above the article's first paragraph, at another size); without one, the first picture at an
    http or https address."""
    if lead:
        return next((p for p in pictures if p.src == lead or shows(p.img, lead)), None) or next(
            (p for p in pictures if p.above), None
        )
    return next((picture for picture in pictures if picture.on_web), None)


def pictures_left_out(pictures: list[Picture], file: str) -> list[Notice]:
    """A notice naming the article's pictures the story does not show, and why."""
    if not pictures:
        return []
    named = [shown(picture.name, 40) + ("" if picture.on_web else " (not an http or https address)")
             for picture in pictures[:3]]  # fmt: skip
    more = f" (+{len(pictures) - 3} more)" if len(pictures) > 3 else ""
    return [Notice(message=f"{len(pictures)} picture(s) in the article are left out: {', '.join(named)}{more}: "
                           "a story shows one picture, and only from an http or https address",
                   source=Source(file=file, line=1))]  # fmt: skip
