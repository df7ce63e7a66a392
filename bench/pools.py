"""The pools' loaders for bench/unseen.py: per layout of an sdist (found by a marker path in its tarball, see
unseen.read()), its article pages keyed by name, and each one's truth as bench/pages.py scores it ("articleBody",
"keep" and "leave out", "headlines"). Each takes the open tarball and returns (pages, truth)."""

from __future__ import annotations

import hashlib
import json
import re
import tarfile

TEST_PAGES = "/test/test-pages/"  # Readability's: NAME/source.html, expected.html and expected-metadata.json
CUSTOM = "/src/extractors/custom/"  # Mercury's tests, one folder per site, naming its pages in fixtures/HOST/
GNE = "/visiable_test/"  # gne's: tests/SITE/NAME.html and visiable_test/SITE/NAME.html, its own output in result.txt
FULLPAGE = "/tests/fixtures/fullpage_to_article_html/"  # article-extractor's: HOST/CASE/raw.html and expected.html
READABILITY_JS = "/src/readability.js"  # readability-js's (npm): its pages in test/fixtures/NAME.html
COMPARE = "/fixtures/compare/"  # webarticle2text's: pageN.html and the text its maintainer expects, pageN.expected.txt


# In a Mercury test: the page it reads, and what it asserts of the page's title and of its text's opening
READS = re.compile(r"readFileSync\(\s*['\"]\./(fixtures/[^'\"]+\.html)['\"]")
STRING = r"(['\"`])((?:\\.|(?!\1).)*)\1"  # a JavaScript string literal, its quote and its body
TITLE = re.compile(r"assert\.equal\(\s*title,\s*" + STRING, re.S)
OPENS = re.compile(r"assert\.equal\(\s*(?:first\d+|text),\s*" + STRING, re.S)


def mercury(archive: tarfile.TarFile) -> tuple[dict[str, bytes], dict[str, dict[str, object]]]:
    """Mercury's pages (fixtures/HOST/STEM.html, keyed "HOST.STEM") and each one's truth from its site's test: the
    title its maintainers assert (beside the page's own, see bench/pages.py), and the opening they assert of the
    article's text ("the first 13 words", or fewer), a phrase the text must hold. A page no test names a title or an
    opening for keeps the page's own headline as its truth."""
    pages: dict[str, bytes] = {}
    truth: dict[str, dict[str, object]] = {}
    for member in archive.getmembers():
        name = member.name
        if member.isfile() and name.endswith(".test.js") and CUSTOM in name:
            source = archive.extractfile(member).read().decode("utf-8")  # type: ignore[union-attr]
            for part in re.split(r"(?=readFileSync\()", source)[1:]:
                read_ = READS.match(part)
                if read_ is None:
                    continue
                found = truth.setdefault(key_of(read_.group(1)), {"keep": [], "leave out": [], "headlines": []})
                title, opens = TITLE.search(part), OPENS.search(part)
                if title and unescape(title.group(2)) not in found["headlines"]:  # type: ignore[operator]
                    found["headlines"].append(unescape(title.group(2)))  # type: ignore[attr-defined]
                if opens and len(unescape(opens.group(2)).split()) >= 4 and not found["keep"]:
                    found["keep"].append(unescape(opens.group(2)))  # type: ignore[attr-defined]
    for member in archive.getmembers():
        parts = member.name.split("/")
        if member.isfile() and member.name.endswith(".html") and len(parts) == 4 and parts[1] == "fixtures":
            key = key_of("/".join(parts[1:]))
            if key in truth:
                pages[key] = archive.extractfile(member).read()  # type: ignore[union-attr]
    return pages, {key: truth[key] for key in pages}


MADE_UP = 8000  # bytes: Readability's made-up pages (one cleaning step each) are a few kB, its saved pages 10 kB on


def readability(archive: tarfile.TarFile) -> tuple[dict[str, bytes], dict[str, dict[str, object]]]:
    """Readability's test pages (test/test-pages/NAME/source.html), keyed by NAME: the text of the page its
    maintainers checked (expected.html, the article as Readability gives it) and the title they expect
    (expected-metadata.json), beside the page's own headline. A made-up page (under MADE_UP bytes: a few tags to
    test one cleaning step) is not taken."""
    files: dict[str, dict[str, bytes]] = {}
    for member in archive.getmembers():
        parts = member.name.split("/")
        if member.isfile() and TEST_PAGES in member.name and len(parts) == 5:
            data = archive.extractfile(member).read()  # type: ignore[union-attr]
            files.setdefault(parts[3], {})[parts[4]] = data
    pages: dict[str, bytes] = {}
    truth: dict[str, dict[str, object]] = {}
    for key, found in sorted(files.items()):
        source, expected = found.get("source.html", b""), found.get("expected.html", b"")
        if len(source) < MADE_UP or not expected:
            continue
        title = json.loads(found.get("expected-metadata.json", b"{}").decode("utf-8")).get("title")
        pages[key] = source
        truth[key] = {"articleBody": html_text(expected), "headlines": [title] if title else []}
    return pages, truth


# result.txt: each page's name between two runs of ">", then the JSON of what gne read from it
RESULT = re.compile(r">{5,}(\S+?\.html)>{5,}\s*(\{.*?\n\})", re.S)
GNE_OPENING = 40  # characters of gne's text taken as the phrase the article must hold (Chinese: no words to cut at)


def gne(archive: tarfile.TarFile) -> tuple[dict[str, bytes], dict[str, dict[str, object]]]:
    """gne's pages (GeneralNewsExtractor 0.4.3 on PyPI): Chinese news and blog pages saved from their sites,
    tests/SITE/NAME.html and visiable_test/SITE/NAME.html, keyed "gne-SITE-NAME" ("v" before a visiable_test NAME).
    The list pages its other tests read (test_list_page/) are not articles and are not taken. Its result.txt holds
    what gne itself read from 20 of them: the opening of that text (its first sentence, at most GNE_OPENING
    characters) is a phrase the article's text must hold; an extractor's output, not a checked text, so it is only
    that. The headline's truth is the page's own."""
    pages: dict[str, bytes] = {}
    truth: dict[str, dict[str, object]] = {}
    results = ""
    for member in archive.getmembers():
        parts = member.name.split("/")
        if member.isfile() and member.name.endswith("/result.txt") and len(parts) == 2:
            results = archive.extractfile(member).read().decode("utf-8")  # type: ignore[union-attr]
        elif (
            member.isfile()
            and len(parts) == 4
            and parts[1] in ("tests", "visiable_test")
            and parts[3].endswith(".html")
        ):
            key = gne_key("/".join(parts[1:]))
            pages[key] = archive.extractfile(member).read()  # type: ignore[union-attr]
            truth[key] = {"keep": [], "leave out": []}
    for name, found in RESULT.findall(results):
        text = json.loads(found).get("content") or ""
        first = re.split(r"(?<=[。！？!?])", text.strip().split("\n")[0].strip())[0][:GNE_OPENING].strip()
        if gne_key(name) in truth and first:
            truth[gne_key(name)]["keep"] = [first]
    return pages, truth


def fullpage(archive: tarfile.TarFile) -> tuple[dict[str, bytes], dict[str, dict[str, object]]]:
    """article-extractor's pages (0.5.9 on PyPI): HOST/CASE/raw.html, the whole page as a browser rendered it, and
    expected.html, the article's part of it as its maintainers chose it by hand (a selector per site, and the nodes
    they cleaned out): its text is an F1 truth. Keyed "ax.HOST.CASE" (half() reads the host). The headline's truth
    is the page's own."""
    files: dict[str, dict[str, bytes]] = {}
    for member in archive.getmembers():
        parts = member.name.split(FULLPAGE)[-1].split("/")
        if member.isfile() and FULLPAGE in member.name and len(parts) == 3:
            files.setdefault(f"ax.{parts[0]}.{parts[1]}", {})[parts[2]] = archive.extractfile(member).read()  # type: ignore[union-attr]
    pages: dict[str, bytes] = {}
    truth: dict[str, dict[str, object]] = {}
    for key, found in sorted(files.items()):
        if found.get("raw.html") and found.get("expected.html"):
            pages[key] = found["raw.html"]
            truth[key] = {"articleBody": html_text(found["expected.html"], divs=True)}
    return pages, truth


def gne_key(name: str) -> str:
    """ "tests/sina/3.html" -> "gne-sina-3"; "visiable_test/163/1.html" -> "gne-163-v1" (half() reads the site)."""
    folder, site, stem = name.removesuffix(".html").split("/")
    return f"gne-{site}-{'v' if folder == 'visiable_test' else ''}{stem}"


def html_text(html: bytes, divs: bool = False) -> str:
    """The text of a piece of HTML, a line per paragraph, heading or list item (and `divs`: per <div> that holds
    none of these, for a page whose paragraphs are <div>s)."""
    import lxml.html

    tree = lxml.html.fromstring(html.decode("utf-8"))
    blocks = tree.xpath("//p|//h1|//h2|//h3|//h4|//h5|//h6|//li|//blockquote|//pre|//td|//dd|//dt" + "|//div" * divs)
    inner = ".//p|.//li|.//blockquote|.//pre|.//td" + "|.//div" * divs
    innermost = [block for block in blocks if not block.xpath(inner)]
    return "\n".join(" ".join(block.text_content().split()) for block in innermost if block.text_content().strip())


def key_of(fixture: str) -> str:
    """ "fixtures/www.nytimes.com/1474318141888.html" -> "www.nytimes.com.1474318141888" (half() keeps a site's
    pages together: it drops the digits at the end)."""
    return fixture.removeprefix("fixtures/").removesuffix(".html").replace("/", ".")


def unescape(literal: str) -> str:
    """A JavaScript string literal's body as its text (\\' \\" \\u2019 and the like)."""
    return re.sub(r"\\(u[0-9a-fA-F]{4}|.)", lambda m: chr(int(m.group(1)[1:], 16)) if len(m.group(1)) == 5
                  else {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), literal, flags=re.S)  # fmt: skip


MEDIACLOUD = "/mcmetadata/test/fixtures/"  # mediacloud-metadata's: the pages its tests read, MD5.html
ADDRESSES = re.compile(r"https?://[^\s\"'\\)]+")  # an address in a test's source
# The Wayback Machine's prefix of an archived page's address ("https://web.archive.org/web/20220301020549/")
ARCHIVED = re.compile(r"(?i)^(?:https?://)?web\.archive\.org/web/(?:\d+[a-z_]*/)?")
# A page that is a list of others by its address: a site's home page, a tag's, category's, topic's or the videos'
LISTING = re.compile(r"(?i)^[^/?#]*/*$|/(?:tags?|category|categories|topics?|videos?)/")
ARTICLE_TYPE = re.compile(r"\"@type\"\s*:\s*\[?\s*\"\w*Article\"")  # JSON-LD: "NewsArticle", ["Article"]...


def mediacloud(archive: tarfile.TarFile) -> tuple[dict[str, bytes], dict[str, dict[str, object]]]:
    """mediacloud-metadata's pages (2.1.0 on PyPI; mcmetadata/test/fixtures/MD5.html, the page its tests read in
    place of fetching the address whose MD5 names the file: most saved from the Wayback Machine, its toolbar kept,
    as an editor may save such a page). No checked text: the headline's truth is the page's own. Its tests read
    home pages, listings and other files too: a fixture is taken when it is a single article by this rule, checked by
    article() and address(): an HTML page (a .html file whose bytes start with "<") that calls itself an article
    (og:type "article", or a JSON-LD @type that ends in "Article"), whose address (the one the tests name for it,
    else its own og:url or canonical link; the Wayback Machine's prefix, the scheme and "www." taken off) is no
    site's home page and no tag's, category's, topic's or videos' page (LISTING); and once: a page with the bytes or
    the address of one taken before it (in the order of their names, those the tests name first) is left out.
    Keyed "mc.HOST.MD5" (its first 8 digits)."""
    named: dict[str, str] = {}  # a fixture's stem -> the address the tests name for it
    files: dict[str, bytes] = {}
    for member in archive.getmembers():
        parts = member.name.split("/")
        if member.isfile() and member.name.endswith(".py") and parts[-2:-1] == ["test"]:
            source = archive.extractfile(member).read().decode("utf-8")  # type: ignore[union-attr]
            named |= {hashlib.md5(url.encode()).hexdigest(): url for url in ADDRESSES.findall(source)}
        elif member.isfile() and MEDIACLOUD in member.name and member.name.endswith(".html"):
            files[parts[-1].removesuffix(".html")] = archive.extractfile(member).read()  # type: ignore[union-attr]
    pages: dict[str, bytes] = {}
    taken: set[str] = set()  # the bytes' digests and the addresses of the pages taken
    for stem in sorted(files, key=lambda stem: (stem not in named, stem)):
        data = files[stem]
        if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") or not article(data):
            continue
        where = address(named.get(stem) or own_address(data))
        seen = {hashlib.sha256(data).hexdigest(), where} if where else {hashlib.sha256(data).hexdigest()}
        if (where and LISTING.search(where)) or seen & taken:
            continue
        taken |= seen
        pages[f"mc.{where.split('/')[0]}.{stem[:8]}" if where else f"mc.{stem[:8]}"] = data
    return pages, {key: {} for key in pages}


def article(html: bytes) -> bool:
    """The page calls itself an article: og:type "article", or a JSON-LD @type that ends in "Article"."""
    import lxml.html

    tree = lxml.html.fromstring(html)
    kinds = tree.xpath("//meta[@property='og:type' or @name='og:type']/@content")
    data = " ".join(tree.xpath("//script[@type='application/ld+json']/text()"))
    return any(kind.strip().lower() == "article" for kind in kinds) or bool(ARTICLE_TYPE.search(data))


def own_address(html: bytes) -> str:
    """The address a page names for itself: its og:url, else its canonical link ("" if neither)."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        tree = lxml.html.fromstring(html)
    except (ParserError, ValueError):  # no document lxml can find: a page of another encoding it cannot guess
        return ""
    found = tree.xpath("//meta[@property='og:url']/@content") + tree.xpath("//link[@rel='canonical']/@href")
    return str(found[0]).strip() if found else ""


def address(url: str) -> str:
    """An address as two fetches of one page share it: the Wayback Machine's prefix, the scheme, "www." and a
    closing "/" taken off, the host in lower case ("web.archive.org/web/https://www.cnn.com/a/" -> "cnn.com/a")."""
    url = re.sub(r"(?i)^https?://", "", ARCHIVED.sub("", url.strip()))
    host, _, rest = url.partition("/")
    return (host.lower().removeprefix("www.") + ("/" + rest if rest else "")).rstrip("/")


DOMDOWN = "/tests/real/manifest.json"  # domdown's: its cases, each an html/NAME.html and its expected raw/NAME.md
DATA_URL = re.compile(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=]*")  # an image inlined in the Markdown
FRONT_MATTER = re.compile(r"\A---\r?\n(.*?)\r?\n---\r?\n", re.S)


def domdown(archive: tarfile.TarFile) -> tuple[dict[str, bytes], dict[str, dict[str, object]]]:
    """domdown's real pages (0.3.6 on PyPI; tests/real/manifest.json names each case's page, html/NAME.html, and the
    Markdown its maintainers expect domdown to make of it, raw/NAME.md), keyed by the case's id. The expected
    Markdown's title (its front matter's, else its first line's "# " heading) is a true headline beside the page's
    own; its body, rendered by markdown-it-py and taken as text (markdown_text()), is an F1 truth."""
    import yaml

    names = archive.getnames()
    manifest = next(name for name in names if name.endswith(DOMDOWN))
    root = manifest.removesuffix("manifest.json")
    cases = json.loads(archive.extractfile(manifest).read().decode("utf-8"))["cases"]  # type: ignore[union-attr]
    pages: dict[str, bytes] = {}
    truth: dict[str, dict[str, object]] = {}
    for case in cases:
        html, markdown = root + case["html"], root + case["markdown"]
        if html not in names or markdown not in names:
            continue
        text = archive.extractfile(markdown).read().decode("utf-8")  # type: ignore[union-attr]
        front = FRONT_MATTER.match(text)
        body = text[front.end() :] if front else text
        title = str((yaml.safe_load(front.group(1)) or {}).get("title") or "") if front else ""
        if not title and body.lstrip().startswith("# "):
            title = body.lstrip().split("\n")[0].removeprefix("# ").strip()
        pages[case["id"]] = archive.extractfile(html).read()  # type: ignore[union-attr]
        truth[case["id"]] = {"articleBody": markdown_text(body), "headlines": [title] if title else []}
    return pages, truth


def markdown_text(markdown: str) -> str:
    """Markdown's text, a line per paragraph, heading, list item or table cell (as html_text() gives a page's):
    rendered by markdown-it-py as CommonMark with tables, its raw HTML taken as HTML (a link written as <a>). An
    image inlined as a data: URL is taken out first: where a blank line breaks an image's alt text, Markdown leaves
    it unparsed, and the URL would be half a megabyte of the text. A heading it opens with is the article's
    headline, scored as such, and is not taken as a line of its text."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    tokens = md.parse(DATA_URL.sub("", markdown))
    if tokens and tokens[0].type == "heading_open" and tokens[0].tag == "h1":
        tokens = tokens[3:]  # heading_open, inline, heading_close
    html = re.sub(r"<(/?)th\b", r"<\1td", md.renderer.render(tokens, md.options, {}))  # a header cell is a cell
    return html_text(f"<div>{html}</div>".encode()) if html.strip() else ""


def saved_fixtures(archive: tarfile.TarFile) -> tuple[dict[str, bytes], dict[str, dict[str, object]]]:
    """readability-js's saved pages (1.0.7 on npm: test/fixtures/NAME.html, Bulgarian, Polish, Hungarian and Russian
    news sites among them, saved in their own charsets for its encoding tests), keyed "rjs.NAME". No true text, and
    the headline's truth is the page's own (its tests assert the titles of a few: not read here)."""
    pages = {
        "rjs." + member.name.rsplit("/", 1)[1].removesuffix(".html"): archive.extractfile(member).read()  # type: ignore[union-attr]
        for member in archive.getmembers()
        if member.isfile() and "/test/fixtures/" in member.name and member.name.endswith(".html")
    }
    return dict(sorted(pages.items())), {key: {} for key in sorted(pages)}


def compared(archive: tarfile.TarFile) -> tuple[dict[str, bytes], dict[str, dict[str, object]]]:
    """webarticle2text's pages (3.0.2 on PyPI: fixtures/compare/pageN.html, each with the article's text its
    maintainer expects, pageN.expected.txt: an F1 truth; the other tools' outputs beside them are not read), keyed
    "w2t.pageN". The headline's truth is the page's own."""
    files = {member.name.split(COMPARE)[-1]: member for member in archive.getmembers() if COMPARE in member.name}
    pages: dict[str, bytes] = {}
    truth: dict[str, dict[str, object]] = {}
    for name in sorted(files):
        stem = name.removesuffix(".html")
        if name.endswith(".html") and "/" not in name and f"{stem}.expected.txt" in files:
            pages[f"w2t.{stem}"] = archive.extractfile(files[name]).read()  # type: ignore[union-attr]
            expected = archive.extractfile(files[f"{stem}.expected.txt"]).read().decode("utf-8")  # type: ignore[union-attr]
            truth[f"w2t.{stem}"] = {"articleBody": expected.strip()}
    return pages, truth
