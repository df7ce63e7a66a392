"""The pictures of a saved page's article: the one the story shows (the page's lead image, else the article's first),
and the others, named as left out; each picture's alt text, caption and credit from its <figure>."""

from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from newsletter.images import LEAD_WIDTH
from newsletter.models import Block, Notice, Source
from newsletter.patterns import regex
from newsletter.readers.alts import credit_alone
from newsletter.readers.credits import CREDIT_LABEL
from newsletter.readers.lines import shown
from newsletter.readers.noscript import copies, once
from newsletter.readers.page import PageText, findable, joined, opening, split
from newsletter.readers.srcset import SPACES, Candidate, fitting, largest, srcset
from newsletter.readers.written import PIXEL, written_in
from newsletter.text import clean_value, length_problem, listed


def shows(img: Any, src: str) -> bool:
    """The <img> shows the picture at `src`, at any of its sizes: `src`'s file name, without its suffix, is in one of
    its sources, or a source has that very file name."""
    path = Path(split(src).path)
    sources = [img.get(key, "") for key in PICTURE_SOURCES]
    if len(path.stem) >= 4:
        return path.stem in " ".join(sources)
    return bool(path.suffix) and any(Path(split(source.split()[0]).path).name == path.name
                                     for source in sources if source.split())  # fmt: skip


def figure_of(tree: Any, src: str, lead: Any = None) -> tuple[str, str, str]:
    """(alt, caption, credit) of `lead`, the article's <img> the story shows, else of the page's first <img> showing
    `src`, from its <figure> and <figcaption> (one holding a credit alone: that credit, no caption). (The first <img>
    showing `src` by its file's name may be another picture's: "photo.jpg" above the article in a box beside it,
    "photo-640.jpg" the article's own.)"""
    found = (img for img in tree.iter("img") if src and shows(img, src))
    for img in [lead] if lead is not None else found:
        alt = alt_of(img)
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
        # A credit alone ("Photo: Jane Doe/Reuters", "Getty Images"), or its label before the part marked as the
        # credit ("Photo: <span class=credit>..."), says nothing of what the picture shows: the whole is the credit
        if credit_alone(caption) or CREDIT_LABEL.match(caption):
            return alt, "", clean_value(" ".join(" ".join(captions[0].itertext()).split()))
        return alt, caption, credit
    return "", "", ""


def alt_of(img: Any) -> str:
    """An <img>'s alt text on one line, as the story's front matter holds it (a page may write it over several)."""
    return clean_value(" ".join(img.get("alt", "").split()))


LAZY_SOURCES = ("data-src", "data-original", "data-lazy-src")  # where a lazily loaded picture's address waits
SRCSETS = ("srcset", "data-srcset", "data-lazy-srcset")  # ... and its sizes
PICTURE_SOURCES = ("src", *LAZY_SOURCES, *SRCSETS)
SMALL = 150  # px wide or high, at most: an icon, a button, a portrait or a counting pixel, not a picture
FURNITURE = frozenset("logo logos icon icons avatar avatars sprite sprites badge badges button buttons btn share "
                      "sharing overlay spinner placeholder pixel emoji smiley headshot author profile mugshot thumb "
                      "thumbs thumbnail captcha".split())  # fmt: skip
# ... and in its file's name alone: what stands in while the picture loads (a class "loading" marks the picture itself;
# "loading-search.gif" is a spinner, "customer-loading-truck.jpg" a photo)
STAND_IN = frozenset("loader preload blank spacer".split())
BOX_FURNITURE = frozenset("logo logos icon icons avatar avatars emoji".split())  # ... in the class of the box around it
SIZE_SUFFIX = regex(r"(?i)(?:[-_](?:\d{2,4}x\d{2,4}|\d{3,4}w?|scaled)|@\dx)+$")  # "-640", "-1024x683", "@2x"
SIZE_PART = regex(r"\d{2,4}x\d{2,4}")  # ... and an image service's, a part of its path alone: ".../pier.7/860x860"


# A page's lead image (og:image, JSON-LD's) that is the site's, not the story's: its logo or icon, or what its template
# sets when the story has no picture ("opengraph_default.png", "social_placeholder.png", "blank.jpg")
SITE_PICTURE = frozenset("logo logos icon icons favicon manifest sprite placeholder blank preload spacer pixel default "
                         "pdf".split())  # fmt: skip
# ... and the words beside them in such a file's name: its colour, its use, its size (not a story's: two words other
# than these name something: "alibaba-logo-getty" is a photo of a logo)
SITE_PICTURE_BESIDE = frozenset("white black dark light colour color transparent square small large big web app touch "
                                "apple android og fb social share meta opengraph twitter facebook image img site "
                                "main".split())  # fmt: skip
# A folder of logos, icons, or people's or sites' small pictures ("/social-media-icons/", "/blavatar/")
SITE_FOLDER = frozenset("logo logos icon icons favicon sprite sprites placeholder avatar avatars blavatar "
                        "gravatar".split())  # fmt: skip


@dataclass
class Picture:
    img: Any
    src: str  # as absolute as the page's address makes it
    name: str  # what the editor knows it by: its alt text, else its file's name
    above: bool  # set above the article's first paragraph (under its headline): its lead picture, at some size
    loads: str = ""  # a lazily loaded picture's attribute naming what it loads, no picture file: 'data-src "#"'
    written: str = ""  # a picture written into the page itself, its src a data: URL: its media type ("image/png")
    left: str = ""  # why it is left out, as LEFT_OUT names it: "drawn", "unaddressed", "unpictured" or "beside"

    @property
    def on_web(self) -> bool:
        return split(self.src).scheme in ("http", "https")


def article_pictures(
    tree: Any, text: PageText, body: list[Block], top: int | None, base: str
) -> tuple[list[Picture], list[Picture]]:
    """The pictures (<img>) set in the article: from its own <h1> (else its first paragraph) to its last paragraph,
    each once (a picture's sizes are one picture, and so are a lazily loaded one and its copy in a <noscript>); and
    those set aside there as icons, logos, portraits and links to other pages, drawings (SVG, captioned or not: email
    programs such as Gmail and Outlook do not show one) and pictures the page gives no address for (counting pixels
    aside, and a picture with no address, no alt text and no caption: nothing to name)."""
    first = text.find(opening(body))
    start = top if top is not None else first
    if start is None or first is None:
        return [], []
    end = start
    for block in body:  # each paragraph found after the one before it: the article's end is where the last one ends
        at = text.find(block.text[:30], end) if findable(block) else None
        end = at + len(block.text) if at is not None else end
    found: list[Picture] = []
    aside: list[Picture] = []
    seen: set[str] = set()  # the addresses, and folder and file name (without suffix), of the pictures found
    for img in tree.iter("img"):
        at = text.starts.get(img)
        if at is None or not start <= at <= end:
            continue
        src = picture_source(img)
        loads = unloaded(img, src)
        given = attribute_url(img.get("src") or "")
        drawn = not (src or loads) and drawing(given)
        if not (src or loads or drawn):
            if set_aside(img, "") == "pixel":
                continue  # a counting pixel: nothing to name
            if written := written_in(img):  # (the same one twice is named once)
                if not any(p.src == img.get("src") for p in aside):
                    aside.append(Picture(img, img.get("src"), alt_of(img), above=at < first, written=written))
            elif not given or given.lower().startswith("data:"):
                said = alt_of(img) or clean_value(" ".join((img.get("title") or caption_of(img)).split()))
                aside += [Picture(img, "", said, above=at < first, left="unaddressed")] if said else []
            else:
                address = joined(base, given) or given
                said = alt_of(img) or Path(split(address).path).name or shown(address, 40)
                aside.append(Picture(img, address, said, above=at < first, left="unpictured"))
            continue
        src = given if drawn else src
        src = src and (joined(base, src) or src)  # an address that is no URL stays as written, to be named
        name = alt_of(img) or Path(split(src).path).name
        picture = Picture(img, src, name, above=at < first, loads=loads, left="drawn" if drawn else "")
        why = set_aside(img, src) or ("drawn" if drawn else "")
        if not (why or loads) and beside(img, text, first):
            picture.left = why = "beside"
        if why or loads:
            if why != "pixel":
                aside.append(picture)
        elif not seen & {src, identity(src)}:  # alt text is a label, not an identity: many pictures share one
            found.append(picture)
            seen |= {src, *(identity(address) for address in addresses(img))} - {""}
    # One the page gives no address for is named once, and not when its words name a picture it gives one for (a
    # script's copy of the article's photo)
    pairs = copies([picture.img for picture in found + aside], same_picture)  # (a <noscript>'s copy is no other)
    found, aside = once(found, [], pairs), once(aside, found, pairs)
    named = {picture.name for picture in found + aside if picture.src}
    unaddressed = [picture for picture in aside if picture.left == "unaddressed"]
    aside = [p for p in aside if p.left != "unaddressed" or p is next(q for q in unaddressed if q.name == p.name)]
    return found, [picture for picture in aside if not (picture.left == "unaddressed" and picture.name in named)]


def beside(img: Any, text: PageText, first: int) -> bool:
    """The <img> is set beside the article: in a sidebar (a box its class or id calls a sidebar, a side tray or a
    rail: a blogger's portrait, a rail's promotion) that holds none of the article's first paragraph (the nearest
    such box: a theme's "content-sidebar-wrap" around the article and its sidebar holds it). Not an <aside>, nor a
    "widget": pages set the article's own photos in those."""
    named = (
        box for box in img.iterancestors() if SIDEBAR & (words(box.get("class") or "") | words(box.get("id") or ""))
    )
    box = next(named, None)
    start, end = (text.starts.get(box), text.ends.get(box)) if box is not None else (None, None)
    return start is not None and end is not None and not start <= first <= end


SIDEBAR = frozenset("sidebar sidebars sidetray rail".split())


def taken(img: Any, src: str) -> bool:
    """The <img> showing `src` is a picture of an article's as the reader takes one: at a picture's address (its file's
    or an image service's; never an SVG's, which email programs do not show), and nothing sets it aside (an icon, a
    portrait, a link to another page, a counting pixel). (The desk takes a copied stretch's <figure> so.)"""
    return image_address(src) and not set_aside(img, src)


def caption_of(img: Any) -> str:
    """The text of the <figcaption> of the <figure> an <img> is set in; "" when it has none."""
    figure = next(img.iterancestors("figure"), None)
    caption = figure.xpath(".//figcaption") if figure is not None else []
    return " ".join(" ".join(caption[0].itertext()).split()) if caption else ""


def drawing(address: str) -> bool:
    """`address` is an SVG's, a drawing (an icon, a diagram, a formula) no email shows as a photo: by its suffix, or
    the folder an image service serves it from ("/media/math/render/svg/0f1a4c")."""
    path = Path(split(address).path)
    return bool(ADDRESS.match(address)) and (path.suffix.lower() == ".svg" or "svg" in words(str(path.parent)))


def identity(source: str) -> str:
    """What tells one picture from another at any of its sizes: its folder and its file name without suffix, for a
    name of 4 characters or more ("/2026/pier-cracks"; "/a/image" and "/b/image" are two pictures); else ""."""
    path = Path(split(source.split()[0] if source.split() else "").path)
    return str(path.parent / path.stem) if len(path.stem) >= 4 else ""


def same_picture(img: Any, other: Any) -> bool:
    """Two <img> show one picture: an address of theirs names it, at any of its sizes (identity(), related())."""
    named = [address for address in addresses(img) if not address.lower().startswith("data:")]
    ones = {identity(address) for address in addresses(other)}
    return any(identity(address) in ones - {""} or related(other, address) for address in named)


def related(img: Any, src: str) -> bool:
    """The <img> may show the picture at `src` at another size: a file name of theirs, without suffix and size
    ("pier-cracks-640.jpg", "pier-cracks-1200x800.jpg"), is the same."""

    def stem(source: str) -> str:
        return SIZE_SUFFIX.sub("", Path(split(source.split()[0] if source.split() else "").path).stem).lower()

    wanted = stem(src)
    return (len(wanted) >= 4 and any(stem(address) == wanted for address in addresses(img))) or resized(img, src)


def resized(img: Any, address: str) -> bool:
    """`address` names the picture an <img> shows at another size, an image service's size a part of its path alone
    ("/image/pier.7/860x860" beside "/image/pier.7/640x360"; what is left naming something: 4 characters or more)."""

    def unsized(source: str) -> str:
        parts = split(source).path.split("/")
        kept = [part for part in parts if not SIZE_PART.fullmatch(part)]
        return "/".join(kept) if len(kept) < len(parts) and any(len(part) >= 4 for part in kept) else ""

    return bool(unsized(address)) and any(unsized(source) == unsized(address) for source in addresses(img))


def addresses(img: Any) -> list[str]:
    """Every address an <img> names a picture at: its sources, and each candidate of its srcsets."""
    found: list[str] = []
    for key in PICTURE_SOURCES:
        value = img.get(key) or ""
        found += [candidate.url for candidate in srcset(value)] if key in SRCSETS else [attribute_url(value)]
    return [address for address in found if address]


def picture_source(img: Any) -> str:
    """The address of the picture an <img> shows, at the size the email shows it (LEAD_WIDTH, which the build makes a
    photo at: a browser shows a srcset's candidate, never the src beside it, and an https picture goes to the inbox as
    it is, never resized): its src, or the candidate of its srcset that fits (srcset.fitting: "photo-1200.jpg 1200w"
    over a src "photo-300.jpg", not the 5,000 px original); when the src stands in while the picture loads (a data:
    URI, an SVG, a blank or a spinner), is missing, or differs from the picture a lazy loader puts there (its
    data-src, data-srcset...: the stand-in may have any name, "grey.gif", "x.gif"), the candidate of its srcset (or
    data-srcset) that fits, else its data-src (data-original, data-lazy-src); else a picture's address in any other
    data-* attribute ("data-dejavu-src"), when the src is none or stands in for it; else a picture's address too long
    for a story's link (to be named as left out); else the stand-in. "" when none names a picture file (a data: URI
    never does). A src whose file's name says it is no article's picture ("lazy_placeholder.gif") gives way to a
    picture's address too long for a link, which is the one the page loads."""
    src = attribute_url(img.get("src") or "")
    long = next((address for address in addresses(img) if long_picture(address)), "")  # (srcsets' candidates too)
    waiting = lazy_pictures(img)
    other = next(iter(data_pictures(img)), "")
    if (
        image_address(src)
        and not stand_in(src)
        and not (long and furniture_file(src))
        and not any(address != src for address in waiting)
        and not (other and gives_way(src, other))
    ):
        return fitting(sizes_of(img, src), LEAD_WIDTH, src) or src
    for key in SRCSETS:
        best = fitting([c for c in srcset(img.get(key) or "") if image_address(c.url)], LEAD_WIDTH)
        if best and not stand_in(best):
            return best
    lazy = [value for key in LAZY_SOURCES if image_address(value := attribute_url(img.get(key) or ""))]
    return next(
        (value for value in lazy if not stand_in(value)),
        other or long or (src if image_address(src) else next(iter(lazy), "")),
    )


def sizes_of(img: Any, src: str) -> list[Candidate]:
    """The candidates of the srcset of an <img> showing the picture at `src`: its sizes at a picture's address (no
    stand-in, no link too long), a "//host/..." one at `src`'s scheme (a copied page has no address to give it one)."""
    scheme = split(src).scheme
    return [
        replace(candidate, url=f"{scheme}:{candidate.url}") if scheme and candidate.url.startswith("//") else candidate
        for candidate in srcset(img.get("srcset") or "")
        if image_address(candidate.url) and not (stand_in(candidate.url) or long_picture(candidate.url))
    ]


def lazy_pictures(img: Any) -> list[str]:
    """The pictures' addresses a lazy loader puts in an <img>'s src as it loads: its data-src (data-original,
    data-lazy-src) and the largest of its data-srcset (data-lazy-srcset), those not standing in themselves."""
    found = [attribute_url(img.get(key) or "") for key in LAZY_SOURCES]
    found += [largest([c for c in srcset(img.get(key) or "") if image_address(c.url)]) for key in SRCSETS[1:]]
    return [address for address in found if image_address(address) and not stand_in(address)]


def data_pictures(img: Any) -> list[str]:
    """The pictures' addresses in an <img>'s other data-* attributes (a lazy loader of a site's own: data-dejavu-src,
    data-hi-res-src, data-lazy): a picture file's, at an http or https address or one on the page's own site."""
    values = [attribute_url(value) for key, value in img.attrib.items() if key.startswith("data-")
              and key not in PICTURE_SOURCES]  # fmt: skip
    return [value for value in values if ADDRESS.match(value) and picture_file(value) and not stand_in(value)]


ADDRESS = regex(r"(?i)(?:https?:)?/")  # an http(s) address, one without its scheme ("//cdn..."), a path on the site
IN_FOLDER = regex(r"(?i)(?![a-z][a-z\d+.-]*:)[\w.~-]+/")  # a path relative to the page's, in a folder: "images/3"


def gives_way(src: str, other: str) -> bool:
    """The picture at `src` stands in for the one at `other`, in a data-* attribute: its name says it is no article's
    picture ("placeholder.png", "blank.gif", a pixel's), or it is a GIF or an SVG, and `other` a photo's file."""
    drawn = (".gif", ".svg")
    return furniture_file(src) or (
        Path(split(src).path).suffix.lower() in drawn and Path(split(other).path).suffix.lower() not in drawn
    )


def long_picture(address: str) -> bool:
    """`address` names a picture longer than a story's link may be (a picture inlined into it, a tracker's query),
    its file's name or none (an image service's): trafilatura sees no picture past 8,192 characters, but the page
    shows one, to be named as left out."""
    return not address.lower().startswith("data:") and bool(length_problem("src", address))


def unloaded(img: Any, src: str) -> str:
    """What a lazily loaded <img> was to load, when that names no picture file ('data-src "#"', a counter's address,
    a script's call, an id a script reads: 'data-cid "site/image-3040"') and nothing else gives its picture: its src
    is none, a data: URI or a stand-in, its `src` (the picture found) none or that stand-in; "" otherwise."""
    given = attribute_url(img.get("src") or "")
    if (src and not stand_in(src)) or (given and not given.lower().startswith("data:") and not stand_in(given)):
        return ""
    for key in LAZY_SOURCES:
        value = clean_value(img.get(key) or "")
        if value and not image_address(attribute_url(value)):
            return f"{key} {shown(value, 40)}"
    if src:
        return ""
    # A picture a script fills in: its address in a data-* attribute, else an id it reads there (one with a digit in
    # it: "site/image-3040", not "main_image"), else what else is there (no number, no size, no yes or no)
    named = [(key, clean_value(value)) for key, value in img.attrib.items() if key.startswith("data-")]
    named = [(key, value) for key, value in named if value and not re.fullmatch(r"[\d.x%]+|true|false", value)]
    named.sort(key=lambda pair: (not ADDRESS.match(pair[1]), not re.search(r"\d", pair[1])))
    return f"{named[0][0]} {shown(named[0][1], 40)}" if named else ""


def picture_file(address: str) -> bool:
    """`address` names a picture file (by its suffix), and is no data: URI (a page's stand-in, never its picture)."""
    from trafilatura.utils import is_image_file

    return is_image_file(address) and not address.lower().startswith("data:")


def image_address(address: str) -> bool:
    """`address`, an <img>'s src or a candidate of its srcset, names a picture: a picture file's (by its suffix),
    or, an <img>'s address being a picture's by HTML's own meaning whatever its name, a web address (http, https,
    "//host", a path on the page's site, one in a folder beside the page's: "images/3", not a script's "null") whose
    file's name has no suffix of a file of another kind: an image service's ("/pgc-image/RbYhlx", "/image?id=123",
    "/photo/465395/?ratio_x=03", "image.php?id=12"). Not an SVG's (drawing()); nor, with no picture suffix, a
    counter's: a path of a counter's words ("/pixel?id=3", "/track/article/12") or none ("https://ssc.example/?c1=2")."""
    if picture_file(address):
        return True
    parts = split(address)
    suffix = Path(parts.path).suffix.lower()[1:]
    counter = bool(words(parts.path) & COUNTER) or (parts.path in ("", "/") and bool(parts.query))
    return (
        bool(ADDRESS.match(address) or IN_FOLDER.match(address))
        and (not suffix.isalpha() or suffix in SERVED)
        and not (drawing(address) or counter)
    )


SERVED = frozenset("php asp aspx ashx cgi jsp".split())  # a server's script, which may serve a picture
COUNTER = frozenset("pixel pixels count counter track tracker tracking beacon log logger hit hits impression "
                    "analytics collect ping".split())  # fmt: skip


def attribute_url(value: str) -> str:
    """The address in a src-like attribute as a browser reads it: without the spaces around it and the tabs and line
    breaks in it, a space inside it percent-encoded ("pier cracks.jpg"). A picture file's address followed by more
    ("photo.jpg 640w, photo-2x.jpg 1280w": a srcset set there) is the largest of its candidates, no descriptor."""
    value = value.strip(SPACES)
    first = re.split(r"[ \t\n\f\r]", value, maxsplit=1)[0]
    if first != value and picture_file(first):
        return largest([candidate for candidate in srcset(value) if picture_file(candidate.url)]) or first
    return re.sub(r"[\t\n\r]", "", value).replace(" ", "%20")


def stand_in(src: str) -> bool:
    """The picture at `src` stands in while another loads ("blank.gif" in `src`, the picture in `data-src`), by its
    file's name: a spinner's "loading-search.gif", not a photo's "customer-loading-truck.jpg"; a pixel's, "1x1.gif"."""
    name = Path(split(src).path).name
    pixel = any(max(int(width), int(height)) <= PIXEL for width, height in PIXEL_NAME.findall(name))
    return pixel or bool(
        words(Path(name).stem) & (STAND_IN | ({"loading"} if name.lower().endswith(".gif") else set()))
    )


PIXEL_NAME = regex(r"(?<![\d.])(\d{1,4})x(\d{1,4})(?!\d)")  # a size in a file's name: "1x1.trans.gif"


STYLE_SIZE = regex(r"(?i)(?<![-\w])(?:width|height)\s*:\s*(\d+)(?:\.\d+)?px")  # not max-width's, not a share's


def set_aside(img: Any, src: str) -> str:
    """Why an <img> is no picture of the article's ("" when it is one): "pixel" for a counting pixel (a size of
    PIXEL or less, and none over SMALL: one tiny size beside a large one is no pixel's); "small" for an
    icon, a button or a portrait; "named" when its class, id or file name says so (as whole words: "share-icon.png",
    not "shareholders-meeting.jpg"); "linked" when a link around it goes to another page (a related story's
    thumbnail), not to the picture itself or its own attachment page."""
    from trafilatura.utils import is_image_file

    file_name = Path(split(src).path).name
    given = [re.fullmatch(r"\s*(\d+)\s*(?:px)?\s*", img.get(key) or "") for key in ("width", "height")]
    sizes = [int(size[1]) for size in given if size is not None]
    styled = [int(size[1]) for size in STYLE_SIZE.finditer(img.get("style") or "")]
    if not sizes and styled and PIXEL < min(styled) and max(styled) <= SMALL:
        return "small"  # sized by its inline style alone, small every way: a badge ("height:39px"); not a copied
        # page's picture its browser had not laid out ("width: 0px"), nor a wide strip
    if sizes and min(sizes) <= PIXEL and max(sizes) <= SMALL:  # (both tiny, or one and none other: a spacer's 1x11)
        return "pixel"
    sizes = [size for size in sizes if size > PIXEL]  # (0 beside 970: the page sizes the picture by its CSS)
    sizes += [int(size[1]) for size in re.finditer(r"(?<![\d.])(\d{2,4})x\d{2,4}(?!\d)", file_name)]
    if any(size <= SMALL for size in sizes):
        return "small"
    if any(words(name) & FURNITURE for name in (img.get("class", ""), img.get("id", ""))) or furniture_file(src):
        return "named"
    box = img.getparent()  # a box holding it alone says what it is ("<div class='user-avatar'><img></div>")
    if box is not None and any(words(box.get(key, "")) & BOX_FURNITURE for key in ("class", "id")):
        return "named"
    link = next(img.iterancestors("a"), None)
    href = (link.get("href") or "").strip() if link is not None else ""
    if not href or href.startswith("#") or is_image_file(href):
        return ""
    parts = split(href)
    own_page = "attachment_id" in parts.query or (
        picture_file(src)
        and SIZE_SUFFIX.sub("", Path(file_name).stem).lower() == parts.path.rstrip("/").rsplit("/", 1)[-1].lower()
    )  # WordPress links a picture file to its attachment page, ".../story/photo-a/" (an ad server's "/ac" to "/ac")
    own_page = own_page or resized(img, href)  # ... an image service to its larger size ("/image/pier.7/860x860")
    return "" if own_page else "linked"


def furniture_file(src: str) -> bool:
    """The picture at `src` is no article's, as its file's name or folder says: a logo, an icon, a placeholder
    ("lazy_placeholder.gif"), a stand-in ("blank.gif"), a reader's portrait ("default_user_pic.png", "def_head.jpg",
    "getUserTouxiang.aspx"), one in a folder of icons ("/social-media-icons/")."""
    stem = Path(split(src).path).stem
    portrait = bool(PORTRAIT_NAME.search(re.sub(r"[-_.\s]+", "", stem.lower())))
    return bool(words(stem) & FURNITURE) or portrait or stand_in(src) or in_site_folder(src)


# A reader's or a writer's small picture, by the words of its file's name run together ("user_pic", "userpic")
PORTRAIT_NAME = regex(
    r"(?:user|member)(?:pic|img|image|photo|icon|avatar|head)|head(?:pic|portrait)|touxiang|"
    r"(?:default|def|missing|anon|anonymous|unknown)(?:user|head|face|avatar|author|profile)"
)


def words(name: str) -> set[str]:
    """The words of a class, an id or a file name: split on -, _, ., /, spaces and case changes ("shareIcon")."""
    return {word.lower() for word in re.split(r"[-_./\s]+|(?<=[a-z])(?=[A-Z])", name) if word}


def site_picture(src: str) -> bool:
    """The lead image at `src` is the site's own picture (a logo, an icon, a placeholder), as its file's name (or its
    folder: "/blavatar/") says, not the story's."""
    path = Path(split(src).path)
    named = words(path.stem)
    if named & SITE_PICTURE:
        other = {word for word in named - SITE_PICTURE - SITE_PICTURE_BESIDE if len(word) > 2 and word.isalpha()}
        return len(other) <= 1
    return in_site_folder(src)


def in_site_folder(src: str) -> bool:
    """The picture at `src` lies in a folder of logos, icons or avatars ("/social-media-icons/", "/blavatar/")."""
    return bool(words(Path(split(src).path).parent.name) & SITE_FOLDER)


def lead_picture(pictures: list[Picture], lead: str) -> Picture | None:
    """The article's picture the story shows: the one showing the page's lead image (`lead`: by its file's name, or
    the first picture above the article's first paragraph when its file name is the lead's at another size); without
    a lead image, the first picture at an http or https address. A picture that is not the lead is named as left
    out: the lead image may be a social card, and the picture above the article another photo."""
    if lead:
        return next((p for p in pictures if p.src == lead or shows(p.img, lead)), None) or next(
            (p for p in pictures if p.above and related(p.img, lead)), None
        )
    return next((picture for picture in pictures if picture.on_web), None)


# What a picture left out for want of one a story can show is, by its Picture.left, as the notice names it
LEFT_OUT = {
    "drawn": "drawing(s) in the article (SVG files: icons, diagrams, formulas)",
    "unaddressed": "picture(s) in the article the page gives no address for (a script was to set it)",
    "unpictured": "picture(s) in the article whose address is not a picture's (a page's, a script's or a counter's)",
    "beside": "picture(s) beside the article (in a sidebar)",
}


def pictures_left_out(pictures: list[Picture], aside: list[Picture], file: str) -> list[Notice]:
    """A notice naming the article's pictures the story does not show, and why; and one naming those set aside."""
    notices = []
    if pictures:
        notices.append(Notice(message=f"{len(pictures)} picture(s) in the article are left out: {names(pictures)}: "
                                      "a story shows one picture, and only from an http or https address",
                              source=Source(file=file, line=1)))  # fmt: skip
    lazy = [picture for picture in aside if picture.loads]
    written = [picture for picture in aside if picture.written]
    left = [picture for picture in aside if picture.left and not picture.loads]
    small = [p for p in aside if not (p.loads or p.written or p.left)]
    if small:
        notices.append(Notice(message=f"set aside {len(small)} small or linked picture(s) in the article as icons, "
                                      f"portraits or links to other pages: {names(small)}",
                              source=Source(file=file, line=1)))  # fmt: skip
    if lazy:
        named = listed([f"{shown(picture.name, 40)} ({picture.loads})" if picture.name else picture.loads
                        for picture in lazy])  # fmt: skip
        notices.append(Notice(message=f"set aside {len(lazy)} lazily loaded picture(s) in the article: what each was "
                                      "to load names no picture file (\"#\", a script, a counter's or a page's "
                                      f"address, or a picture's without a file name): {named}",
                              source=Source(file=file, line=1)))  # fmt: skip
    for kind, what in LEFT_OUT.items():
        if of_kind := [picture for picture in left if picture.left == kind]:
            notices.append(Notice(message=f"left out {len(of_kind)} {what}: {names(of_kind)}",
                                  source=Source(file=file, line=1)))  # fmt: skip
    if written:
        named = listed([shown(picture.name, 40) if picture.name else f"one with no alt text ({picture.written})"
                        for picture in written])  # fmt: skip
        notices.append(Notice(message=f"left out {len(written)} picture(s) in the article written into the page itself "
                                      f"(data: URLs), at no address a story can link to: {named}",
                              source=Source(file=file, line=1),
                              hint="to show one, save it from the page and give it to the story: drop it on the "
                                   "preview's desk, or put it in the issue's photos/ and write `image: photos/<its "
                                   "name>`"))  # fmt: skip
    return notices


def names(pictures: list[Picture]) -> str:
    """The first three pictures by name (by file name where two share their alt text), and how many more."""
    counts = Counter(picture.name for picture in pictures)
    named = [shown(picture.name if counts[picture.name] == 1 or not picture.src else
                   Path(split(picture.src).path).name, 40)
             + ("" if picture.on_web or not picture.src else " (not an http or https address)")
             for picture in pictures]  # fmt: skip
    return listed(named)
