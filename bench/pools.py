"""The pools' loaders for bench/unseen.py: per layout of an sdist (found by a marker path in its tarball, see
unseen.read()), its article pages keyed by name, and each one's truth as bench/pages.py scores it ("articleBody",
"keep" and "leave out", "headlines"). Each takes the open tarball and returns (pages, truth)."""

from __future__ import annotations

import json
import re
import tarfile

TEST_PAGES = "/test/test-pages/"  # Readability's: NAME/source.html, expected.html and expected-metadata.json
CUSTOM = "/src/extractors/custom/"  # Mercury's tests, one folder per site, naming its pages in fixtures/HOST/
GNE = "/visiable_test/"  # gne's: tests/SITE/NAME.html and visiable_test/SITE/NAME.html, its own output in result.txt
FULLPAGE = "/tests/fixtures/fullpage_to_article_html/"  # article-extractor's: HOST/CASE/raw.html and expected.html


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
