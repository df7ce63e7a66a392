"""The desk: a page pasted or dropped into the preview's "Add a page" -> story files in the issue folder, and a
dropped photo -> the issue's photos/.

A pasted page goes through the readers a saved page (its HTML, as the browser's clipboard holds it) or a pasted
text goes through, and is written as the Markdown file `newsletter import` writes (importer.story_markdown),
numbered after the stories there and named from its headline as import does (importer.next_number, story_name),
and refused when the issue holds its article already (importer.known_stories). Nothing is ever overwritten: a
name in use gets -2, -3... Each file is made whole beside its final name, then linked into place, so the watcher
never builds half a story.
"""

from __future__ import annotations

import base64
import contextlib
import io
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from threading import Event
from typing import Any

from newsletter.errors import InputError, NewsletterError, OutputError, place
from newsletter.models import Image, Notice, Source, Story, slugify
from newsletter.patterns import regex
from newsletter.readers import Read, Related
from newsletter.text import STORY_LIMIT, human_size

PHOTOS = "photos"  # the issue folder's own photo folder: the preview watches it
# A whole page, as a browser saves one: its doctype, <html> or <head> first, after an XML declaration (an XHTML page's
# <?xml version="1.0" encoding="utf-8"?>) and any comments (Chrome's "<!-- saved from url=... -->"; each comment runs to
# its first "-->", so a failed match backtracks in linear time)
XML_DECLARATION = regex(r"\A\ufeff?\s*<\?xml\b[^>]*>", re.IGNORECASE)
WHOLE_PAGE = regex(
    r"\A\ufeff?\s*(?:<\?xml\b[^>]*>\s*)?(?:<!--(?:(?!-->).)*-->\s*)*<(?:!doctype|html|head)\b",
    re.IGNORECASE | re.DOTALL,
)
NAME_SHOWN = 60  # characters at most of a name from the page quoted in a message
PHOTO_SUFFIXES = {"JPEG": ".jpg", "PNG": ".png", "GIF": ".gif", "WEBP": ".webp"}  # Pillow's format -> suffix


@dataclass
class Added:
    """What one paste or drop wrote, relative to the issue folder, and what the reader left out or guessed."""

    written: list[str]
    notices: list[Notice] = field(default_factory=list)
    headlines: list[str] = field(default_factory=list)
    choices: list[str] = field(default_factory=list)  # the lines the first story's guessed headline may be instead
    unsure: bool = False  # the first story's headline is a guess


def add_page(
    folder: Path,
    *,
    html: str = "",
    text: str = "",
    saved: bytes = b"",
    name: str = "",
    address: str = "",
    look: bool = False,
    stop: Event | None = None,
    config: Path | None = None,
) -> Added:
    """The page's HTML (what a browser copies), or a saved page's bytes (dropped), else its plain text -> one story
    file per story the reader finds: the article, then its related list's items when the page is the brand's own
    (`config`: the settings file naming the brand, with the issue's issue.toml), as `import` writes them. The
    page's address, when the editor gives it, is the article's link (a copy holds none) and evidence of a pasted
    text's headline (readers/address.py); `look`: the page there is read for the headline it names, which settles the
    paste's (readers/named.py), unless the editor sets `stop` ("Stop reading") while the desk waits for it."""
    from newsletter.importer import brand_name, known_stories, next_number, story_keys, story_name
    from newsletter.load import placed
    from newsletter.readers.fetch import decode_html
    from newsletter.readers.named import web_address
    from newsletter.readers.pasted import parse_pasted
    from newsletter.settings import read_config

    notices: list[Notice] = []
    # As `import` takes a saved page: at most a story file's size, a dropped page counted in its own bytes (the
    # request carries them base64-encoded, a third more), a pasted one in its text's, before any is read. (The page
    # says the same of a dropped file far over it, which the request's own limit refuses unread: preview.js readFile)
    for size in (len(saved), len(html.encode("utf-8")), len(text.encode("utf-8"))):
        if size > STORY_LIMIT:
            raise InputError(
                f"the page is {human_size(size)}, over the {human_size(STORY_LIMIT)} limit for a story file"
            )
    address = web_address(address)
    if saved:  # decoded as `import` decodes the file: its <meta charset>, else UTF-8, else Windows-1252
        html = decode_html(saved)[0]
    if not html.strip() and not text.strip():  # a saved page dropped comes with its file's name, a paste with none
        if name:
            raise InputError(
                f"{quoted(name)} is empty: save the article's page from the browser again (Ctrl+S), then drop it here"
            )
        raise InputError("the paste is empty: copy the article's page in the browser (Ctrl+A, Ctrl+C), then paste it")
    brand = brand_name(read_config(config), folder)  # as `import` names it: issue.toml's, else newsletter.toml's
    # A copy is no file: what the readers say of it (at its first line, as of a file) is said of the page, named by
    # the address typed. A saved page dropped is named by its file's name, and a pasted text by its lines, as import
    # names them.
    copy = f"the page at {address}" if address else "the pasted page"
    label = name or (copy if html.strip() else "the pasted text")
    page = label if label == copy else ""
    with unlined(page):
        if html.strip():
            stories = read_copied(html, label, notices, address, look=look, stop=stop, saved=saved, brand=brand)
        else:
            read = parse_pasted(text, label, notices, address=address, look=look, stop=stop)
            stories = placed(read, notices, brand)
    notices[:] = [at_page(notice, page) for notice in notices]
    known = known_stories(folder, notices)
    twice = next((known[key] for key in sorted(story_keys(stories[0])) if key in known), None) if stories else None
    if twice:
        raise InputError(f"the issue already holds this page's article: {twice}; delete it to add the page again")
    written = []
    with unlined(page):
        files = story_files(stories, notices, page)  # each read back before any is written
    for story, data in files:  # numbered after the stories already there, as import does
        written.append(create(folder, f"{next_number(folder):02d}-{story_name(story)}", ".md", data))
    lead = stories[0] if stories else None
    choices = next((n.choices for n in notices if lead and lead.headline_unsure and n.story == lead.headline), [])
    headlines = [story.headline for story, _ in files]
    return Added(written, notices, headlines, choices, bool(lead and lead.headline_unsure))


@contextlib.contextmanager
def unlined(page: str) -> Iterator[None]:
    """An error the readers place at a line of `page`, a copy (which has none), placed at the page itself."""
    try:
        yield
    except NewsletterError as error:
        if not page or error.file != page or not error.line:
            raise
        raise type(error)(error.message, file=page) from None


def at_page(notice: Notice, page: str) -> Notice:
    """A notice the readers place at a line of `page`, a copy (which has none), placed at the page itself."""
    if page and notice.source and notice.source.file == page:
        return notice.model_copy(update={"source": Source(file=page, line=0)})
    return notice


def story_files(stories: list[Story], notices: list[Notice], page: str) -> list[tuple[Story, bytes]]:
    """Each story (the article, then its linked items) with its file, as import writes it, read back. A linked item
    whose story no file may hold (a link around a whole teaser: a headline of 702 characters) is left out, and named
    in `notices` by its place and first words, the article and the other items kept: the editor cannot shorten a
    page's link. The article's is refused."""
    from newsletter.storyfile import story_markdown
    from newsletter.text import shorten

    files = []
    for number, story in enumerate(stories):
        try:
            files.append((story, story_markdown(story, lead=False).encode("utf-8")))
        except InputError as error:
            if not number:
                raise
            item = f"linked item {number} of {len(stories) - 1} (“{shorten(story.headline, NAME_SHOWN)}”)"
            why = error.message.removesuffix("; shorten it")  # (the editor has nothing to shorten: it is left out)
            notices.append(at_page(Notice(message=f"left out {item}: {why}", source=story.source), page))
    return files


def read_copied(
    html: str,
    label: str,
    notices: list[Notice],
    address: str,
    *,
    look: bool,
    stop: Event | None = None,
    saved: bytes = b"",
    brand: str = "",
) -> list[Story]:
    """A copied page's stories (read_html), the article's headline settled by the one the page at `address` names
    when the editor lets it be read (`look`: readers/named.py); its related lists placed as `import` places a
    pasted page's (load.placed): "More from" items on `brand`'s own page, else left out and named."""
    from newsletter.load import placed
    from newsletter.readers.named import Named, named_headline, settle

    read: list[Notice] = []
    named = named_headline(address, label, read, stop) if address and look else Named()
    found = read_html(html, label, read, address, saved, brand)
    story = settle(found.stories[0], named, read)
    if address and not story.url:  # a copy holds no address of its own: the one typed is its link
        story = story.model_copy(update={"url": address})
    found.stories[0] = story
    stories = placed(found, read, brand)
    notices.extend(read)
    return stories


def read_html(
    html: str, label: str, notices: list[Notice], address: str = "", saved: bytes = b"", brand: str = ""
) -> Read:
    """The HTML reader's story (the page at `address`, if given: its relative links resolve against it, and its
    words confirm a headline the reader guessed); what a copied stretch of a page lacks beside a saved page (its
    head: no og:image) is taken from the stretch itself: the first photo in a <figure>, and its related lists, each
    with whose page it is (related_lists; `brand`: the issue's, which the address's host may name). `saved`: the
    bytes `html` was decoded from, a saved page's, which the reader decodes itself."""
    import lxml.html

    from newsletter.readers.html import parse_html
    from newsletter.readers.pictures import figure_of, picture_source, taken

    # A saved page dropped whole: read as import reads it, its own <head> (og:url, og:image, author) from its bytes,
    # and nothing more: the lists of links around its article (a footer's sister sites under "More from ...") are
    # not its related stories. A whole page pasted is text already: UTF-8, whatever its <meta charset> says.
    if WHOLE_PAGE.match(html):
        return Read(
            [parse_html(saved or html.encode("utf-8"), label, notices, url=address, charset="" if saved else "utf-8")]
        )
    # A copied stretch: a body, with a head that says UTF-8 (it is text already), which the reader believes
    data = b'<html><head><meta charset="utf-8"></head><body>' + html.encode("utf-8") + b"</body></html>"
    story = parse_html(data, label, notices, url=address, charset="utf-8")
    # (lxml refuses a text opening with an XML declaration that names its encoding: it is text already)
    tree = lxml.html.fromstring(XML_DECLARATION.sub("", html, count=1))
    if not story.image.src:
        # (the first the saved-page reader would take as the article's: not an icon, a portrait, a link elsewhere; at
        # the size of its srcset the email shows, as the reader takes one)
        src = next((src for img in tree.xpath("//figure//img[@src]") if taken(img, src := picture_source(img))), "")
        if src.startswith(("http://", "https://")):
            alt, caption, credit = figure_of(tree, src)
            story = story.model_copy(
                update={"image": Image(src=src, alt=alt or caption), "caption": caption, "credit": credit}
            )
    related, named = related_lists(tree, label, address, brand)
    return Read([story], named, related)


def related_lists(tree: Any, label: str, address: str, brand: str) -> tuple[list[Related], str]:
    """The lists of links under a "Read more", "Related", "More from..." heading, one item each (headline, url), with
    whose page it is as the pasted-text reader tells a pasted page's (readers/text.py): the brand its "More from
    <brand>" heading names (not a writer's, whose name stands alone over it), else the copy's copyright line; else,
    what a pasted text does not have, the address typed: `brand`'s page when its host names it (ballotbrief in
    ballotbrief.substack.com, readers/titles.py), else its host's. And the first brand a heading names."""
    import html_text

    from newsletter.readers.bounds import writers_box
    from newsletter.readers.lines import RELATED, Line, page_site
    from newsletter.text import clean_value

    texts = [" ".join(text.split()) for text in html_text.extract_text(tree, guess_layout=True).split("\n")]
    lines = [Line(number, text) for number, text in enumerate(filter(None, texts), start=1)]
    site = page_site(lines) or address_site(address, brand)
    lists: list[Related] = []
    at, first = 0, ""
    for heading in tree.xpath("//h2|//h3|//h4|//h5|//h6|//p|//strong"):
        text = " ".join(heading.text_content().split())
        match = RELATED.match(text)
        following = heading.getnext()
        if not match or following is None or following.tag not in ("ul", "ol"):
            continue
        items = []
        for link in following.xpath(".//li//a[@href]"):
            href, title = link.get("href", ""), clean_value(" ".join(link.text_content().split()))
            if title and href.startswith(("http://", "https://")):
                items.append(Story(headline=title, url=href, source=Source(file=label, line=1)))
        line = next((i for i in range(at, len(lines)) if lines[i].text == text), None)  # the heading's, in order
        at = at if line is None else line
        named = (match.group("brand") or "").strip()
        if named and line is not None and writers_box(lines, line, named):
            named = ""  # "More from <the writer>" under the writer's box: the writer's stories, not a brand's
        # (a copy has no line numbers: its notices are at the page, as the reader's are)
        lists.append(Related(label, 1, text, named or site, items))
        first = first or named
    return lists, first


def address_site(address: str, brand: str) -> str:
    """Whose page the address typed is: `brand`'s when its host names it, else the host's; "" without one."""
    from newsletter.readers import fold
    from newsletter.readers.page import split
    from newsletter.readers.titles import host_names, is_site

    host = (split(address).hostname or "") if address else ""
    if brand and host and is_site(brand, {fold(name) for name in host_names(host)}):
        return brand
    return host.removeprefix("www.")


def arrived(data: str, what: str) -> bytes:
    """A file the page sent base64-encoded in its JSON (a dropped photo or saved page) -> its bytes."""
    try:
        return base64.b64decode(data, validate=True)
    except ValueError:
        raise InputError(f"the {what} did not arrive whole (not base64): drop it again") from None


def add_photo(folder: Path, name: str, data: bytes) -> Added:
    """A dropped photo -> photos/<its name>, if Pillow reads it as a photo."""
    from PIL import Image as Picture
    from PIL import UnidentifiedImageError

    from newsletter.images import FILE_LIMIT

    if len(data) > FILE_LIMIT:  # as a build takes a photo (and as preview.js readFile says of one far over it)
        raise InputError(
            f"{quoted(name)} is {human_size(len(data))}, over the {human_size(FILE_LIMIT)} limit for an image file"
        )
    try:
        with Picture.open(io.BytesIO(data)) as image:
            kind = image.format or ""
            image.verify()
    except UnidentifiedImageError:  # (its words name the BytesIO object read: nothing the editor can use)
        raise InputError(f"{quoted(name)} is not a photo this tool reads") from None
    except (OSError, SyntaxError, ValueError) as error:
        raise InputError(f"{quoted(name)} is not a photo this tool reads ({error})") from None
    suffix = PHOTO_SUFFIXES.get(kind)
    if suffix is None:
        raise InputError(f"{quoted(name)} is a {kind} image: save it as JPEG or PNG first")
    base = Path(name).name
    stem = base.rpartition(".")[0] if "." in base else base  # ".jpg" is all extension: no stem (Path's is ".jpg")
    return Added([create(folder / PHOTOS, slugify(stem, limit=40, fallback="photo"), suffix, data, root=folder)])


def create(folder: Path, stem: str, suffix: str, data: bytes, *, root: Path | None = None) -> str:
    """Write `data` as `folder/<stem><suffix>` (or -2, -3... when that is taken), never over a file; the path
    relative to `root` (the issue folder, which it must lie in)."""
    from newsletter.output import current_umask

    base = (root or folder).resolve()
    target = folder.resolve()
    if not target.is_relative_to(base):
        raise OutputError("is outside the issue folder: nothing was written", file=folder)
    try:
        target.mkdir(exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".adding-", suffix=".tmp", dir=target)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.chmod(temp, 0o666 & ~current_umask())
            for number in range(1, 1000):
                path = target / f"{stem}{'' if number == 1 else f'-{number}'}{suffix}"
                try:
                    os.link(temp, path)  # refuses a name in use: never overwrites
                except FileExistsError:
                    continue
                return str(path.relative_to(base))
            raise OutputError(f"holds 999 files named {stem}{suffix} already", file=target)
        finally:
            os.unlink(temp)
    except OSError as error:
        raise OutputError(f"cannot be written ({error.strerror or error})", file=target) from None


IMAGE_LINE = regex(r"^image\s*:\s*(?P<value>.*?)\s*$")
SRC_LINE = regex(r"^(?P<indent>\s+)src\s*:\s*(?P<value>.*?)\s*$")
EMPTY = ("", "''", '""', "null", "~")


def use_photo(folder: Path, story: str, photo: str) -> Added:
    """The story file `story` (a Markdown story of the issue folder) takes `photo` (photos/<name>) as its picture:
    an `image:` line added to its front matter, or the empty `src:` of its `image:` filled in. A story that has a
    picture, or says `image: false`, is left as it is: the editor changes that by hand."""
    from newsletter.output import write_atomic
    from newsletter.readers.markdown import front_matter_end, parse_markdown
    from newsletter.text import read_text

    root = folder.resolve()
    path = own_file(root, story)
    base, _, name = photo.partition("/")
    picture = own_file(root / PHOTOS, name) if base == PHOTOS else None
    if path is None or path.suffix.lower() != ".md":
        raise InputError(f"{quoted(story)} is not a Markdown story of this issue folder")
    if picture is None:
        raise InputError(f"{quoted(photo)} is not a photo in the issue's {PHOTOS}/")
    text = read_text(path)
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise InputError("has no front matter to name a photo in", file=path)
    end = front_matter_end(lines, str(path))
    src = f"{PHOTOS}/{picture.name}"
    images = [(i, found["value"]) for i in range(1, end) if (found := IMAGE_LINE.match(lines[i]))]
    if not images:
        lines.insert(end, f"image: {src}")
    elif images[0][1] in EMPTY[1:]:  # image: '' or null
        lines[images[0][0]] = f"image: {src}"
    elif images[0][1] == "":  # image: with its keys indented below, or nothing
        at = images[0][0]
        keys = [i for i in range(at + 1, end) if lines[i].startswith((" ", "\t"))]
        keys = keys[: next((n for n, i in enumerate(keys) if i != at + 1 + n), len(keys))]  # the block under it
        nested = [(i, found) for i in keys if (found := SRC_LINE.match(lines[i]))]
        if not keys:
            lines[at] = f"image: {src}"
        elif not nested:
            indent = lines[keys[0]][: len(lines[keys[0]]) - len(lines[keys[0]].lstrip())]
            lines.insert(at + 1, f"{indent}src: {src}")
        elif nested[0][1]["value"] in EMPTY:
            lines[nested[0][0]] = f"{nested[0][1]['indent']}src: {src}"
        else:
            raise InputError("has a picture already: change its image: src by hand", file=path)
    else:
        raise InputError("has a picture already (or `image: false`): change its image: line by hand", file=path)
    changed = "\n".join(lines)
    parse_markdown(changed, str(path), [])  # still a story the build reads, or nothing is written
    write_atomic(path, changed.encode("utf-8"))
    return Added([str(path.relative_to(root))])


HEADLINE_LINE = regex(r"^headline\s*:")
UNSURE_LINE = regex(r"^headline_unsure\s*:")


def use_headline(folder: Path, story: str, headline: str) -> Added:
    """The story file `story` (a Markdown story or a pasted page of the issue folder) takes `headline`, one of the
    lines its reader named as the next likeliest, or any the editor writes: its front matter's `headline:` line says
    so (a pasted page without front matter is given some), and its `headline_unsure:` line (with import's note
    above it) goes, as the editor who checked it would delete it."""
    import yaml

    from newsletter.output import write_atomic
    from newsletter.readers.markdown import front_matter_end, parse_markdown
    from newsletter.readers.pasted import opens_front_matter, parse_pasted
    from newsletter.storyfile import GUESSED_COMMENT
    from newsletter.text import length_problem, read_text

    root = folder.resolve()
    path = own_file(root, story)
    if path is None or path.suffix.lower() not in (".md", ".txt"):
        raise InputError(f"{quoted(story)} is not a story of this issue folder (a Markdown story or a pasted page)")
    pasted = path.suffix.lower() == ".txt"
    headline = " ".join(headline.split())
    problem = length_problem("headline", headline) if headline else "is empty"
    if problem:
        raise InputError(f"the headline {problem}")
    lines = read_text(path).split("\n")
    if pasted and not opens_front_matter(lines):
        lines[0:0] = ["---", "headline: ''", "---"]  # filled in below
    if not lines or lines[0].strip() != "---":
        raise InputError("has no front matter to name a headline in", file=path)
    end = front_matter_end(lines, str(path))
    at = next((i for i in range(1, end) if HEADLINE_LINE.match(lines[i])), None)
    if at is not None and at + 1 < end and lines[at + 1][:1] in (" ", "\t"):
        raise InputError("has a headline over several lines: change it by hand", file=path)
    line = yaml.safe_dump({"headline": headline}, allow_unicode=True, width=1000).rstrip("\n")
    if at is None:
        lines.insert(1, line)
    elif written_as(lines[at]) != headline:  # kept as it is, its line is left as the editor wrote it
        lines[at] = line
    note = GUESSED_COMMENT.rstrip("\n").split("\n")
    for i in [i for i in range(1, front_matter_end(lines, str(path))) if UNSURE_LINE.match(lines[i])][::-1]:
        above = i - len(note) if lines[max(0, i - len(note)) : i] == note else i
        del lines[above : i + 1]
    changed = "\n".join(lines)
    (parse_pasted if pasted else parse_markdown)(changed, str(path), [])  # still a story, or nothing is written
    write_atomic(path, changed.encode("utf-8"))
    return Added([str(path.relative_to(root))], headlines=[headline])


def own_file(folder: Path, name: str) -> Path | None:
    """The file `name` of `folder` (resolved: it must lie there, not through a link elsewhere), or None. The name, from
    the page, is only ever matched against the folder's own: none reaches the file system (a NUL, "..", a name too
    long for it)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return None
    if name not in names:
        return None
    path = (folder / name).resolve()
    return path if path.parent == folder and path.is_file() else None


def refusal(error: NewsletterError, folder: Path) -> str:
    """The one line a refused write shows on the desk: a file of the issue `folder` named as the editor knows it, as
    the desk names what it wrote (relative to the folder; the folder by its name), not by the absolute path the code
    reached it by ("/tmp/…/issue/04-….md: has a picture already")."""
    if not error.file or not Path(error.file).is_absolute():
        return str(error)
    root, path = folder.resolve(), Path(error.file)
    for base in dict.fromkeys((folder.absolute(), root)):  # as given, or through the links it names
        if path.is_relative_to(base):
            name = str(path.relative_to(base)) if path != base else base.name
            return f"{place(name, error.line)}{error.message}"
    return str(error)


def quoted(name: str) -> str:
    """A name from the page, quoted for a message, cut short: it may be of any length."""
    return repr(name if len(name) <= NAME_SHOWN else name[: NAME_SHOWN - 1] + "…")


def written_as(line: str) -> object:
    """The headline a front matter's `headline:` line gives, or None when the line alone is no YAML."""
    import yaml

    try:
        found = yaml.safe_load(line)
    except yaml.YAMLError:
        return None
    return found.get("headline") if isinstance(found, dict) else None
