"""Benchmark: the article pages of another project, laid out as ../shared/benchmarks/article-pages/ is and scored
by bench/pages.py.

    pip download --no-deps --no-binary :all: newspaper4k==0.9.6 -d /tmp/unseen   # the pages: a PyPI sdist
    python bench/unseen.py /tmp/unseen/newspaper4k-0.9.6.tar.gz                    # lay them out, render, score

The shared benchmark's pages have been read while the reader's rules were written (even its held-out half, now and
then), so its figures no longer show how the reader does on pages it has never met. newspaper4k's source
distribution ships the real pages its own tests read (tests/data/html: CNN, Time, Wired, cleveland.com, Fox 13,
Yonhap, El País, Nikkei, AFP in Japanese, Xinhua, Thai, Arabic, Burmese and Latvian news pages saved 2013-2023)
with the article text its maintainers checked (tests/data/txt). Every such page with a text is taken.

Unseen once: its first run (2026-12-03, main cef1c97, before any rule was written from it) is the figure from pages
nobody writing the reader had read: pasted-text headline 0.70 (0.74 with today's truth), 6-7 wrong, 1 unflagged.
The rules of 52aa832 and after were written with its misses in view, so its later figures are development figures,
as the shared held-out half's are. A pool of pages nobody has read is used up by the round that reads its misses.

Each page is laid out as the shared benchmark's are: `pages/KEY.html.gz`, the pasted text `pages/KEY.txt` made the
same way (`document.body.innerText` in Chromium, scripts off, nothing fetched) and `ground-truth.json`. The bench
reads the tarball it is given and talks to nothing: Chromium is answered the page's bytes (in its charset as the
reader finds it in a saved page) by a route, every other request is refused, and it is launched so that no
connection can reach any server (bench/chromium.py's OFFLINE: a route does not stop a frame's preconnect).
The headline's truth is bench/pages.py's (the page's og:title, first <h1> and <title>). The body's truth is
newspaper4k's own expected text, which is one extractor's output checked by its maintainers, not a person's
marking: its F1 says how closely we agree with it, and is not comparable with the shared benchmark's.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tarfile
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
if str(BENCH) not in sys.path:  # run as a script, or loaded from its file by a test
    sys.path.insert(0, str(BENCH))
import chromium  # noqa: E402  (bench/chromium.py: the benches' one list of arguments)

HTML, TEXT = "/tests/data/html/", "/tests/data/txt/"
# Every page is loaded from this one address, answered by the route from the page's bytes (its key stays here, in
# Python: a file name with a space or an accent would come back from Chromium escaped). Nothing listens there.
ADDRESS = "http://127.0.0.1:9/page.html"


def lay_out(sdist: Path, folder: Path) -> list[str]:
    """Write the sdist's article pages into folder as the shared benchmark lays its pages out; their keys."""
    from playwright.sync_api import sync_playwright

    keys = unpack(sdist, folder)
    with sync_playwright() as playwright:
        browser = launch(playwright.chromium)
        try:
            paste(folder, keys, browser)
        finally:
            browser.close()
    return keys


def unpack(sdist: Path, folder: Path) -> list[str]:
    """Each page of the sdist that has a true text: folder/pages/KEY.html.gz and its text in ground-truth.json, keyed
    by the file's stem; the keys. Two pages (or two texts) with the same stem are refused, never one kept."""
    pages: dict[str, bytes] = {}
    texts: dict[str, str] = {}
    seen: dict[str, str] = {}  # ".html/STEM" -> the member's name
    with tarfile.open(sdist) as archive:
        for member in archive.getmembers():
            name, stem, kind = member.name, Path(member.name).stem, Path(member.name).suffix
            wanted = (kind == ".html" and HTML in name) or (kind == ".txt" and TEXT in name)
            data = archive.extractfile(member) if wanted and member.isfile() else None
            if data is None:
                continue
            if f"{kind}/{stem}" in seen:
                raise ValueError(f"{sdist}: two {kind} files named {stem!r}: {seen[f'{kind}/{stem}']} and {name}")
            seen[f"{kind}/{stem}"] = name
            if kind == ".html":
                pages[stem] = data.read()
            else:
                texts[stem] = data.read().decode("utf-8")
    keys = sorted(key for key in pages if key in texts)
    (folder / "pages").mkdir(parents=True, exist_ok=True)
    truth = {key: {"articleBody": texts[key]} for key in keys}
    for key in keys:
        (folder / "pages" / f"{key}.html.gz").write_bytes(gzip.compress(pages[key], mtime=0))
    (folder / "ground-truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return keys


def launch(browser_type):  # type: ignore[no-untyped-def]
    """The Chromium the pastes are made in (from `playwright.chromium`): the benches' arguments, and no connection
    to any server, not even to the hosts a page's frames name (bench/chromium.py's OFFLINE)."""
    return chromium.launch(browser_type, offline=True)


def paste(folder: Path, keys: list[str], browser) -> None:  # type: ignore[no-untyped-def]
    """Each page's text as a careless paste gives it: Chromium's document.body.innerText, scripts off, no network
    (`browser` from launch())."""
    from newsletter.readers.fetch import decode_html

    context = browser.new_context(java_script_enabled=False)
    for key in keys:
        html = gzip.decompress((folder / "pages" / f"{key}.html.gz").read_bytes())
        # The page's charset as the reader finds it in a saved page (its BOM, its <meta>, else UTF-8 if it decodes,
        # else Windows-1252), not Chromium's guess for a page without a <meta charset> (Windows-1252).
        _, charset = decode_html(html)
        page = context.new_page()
        page.route("**/*", answer(html, charset))
        page.goto(ADDRESS, wait_until="domcontentloaded")
        text = page.evaluate("document.body ? document.body.innerText : ''")
        (folder / "pages" / f"{key}.txt").write_text(text, encoding="utf-8")
        page.close()
    context.close()


def answer(html: bytes, charset: str):  # type: ignore[no-untyped-def]
    """A route handler: the page at ADDRESS is html in charset; any other request (styles, images, frames) is
    refused."""

    def handle(route):  # type: ignore[no-untyped-def]
        if route.request.url == ADDRESS:
            route.fulfill(body=html, content_type=f"text/html; charset={charset}")
        else:
            route.abort()

    return handle


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sdist", type=Path, help="newspaper4k-0.9.6.tar.gz (pip download, see above)")
    parser.add_argument("--keep", type=Path, help="lay the pages out in this folder and keep them")
    parser.add_argument("--headlines", action="store_true", help="name every page whose headline is wrong")
    args = parser.parse_args()
    if not args.sdist.is_file():
        sys.exit(f"{args.sdist}: no such file; see `python bench/unseen.py --help`")
    with tempfile.TemporaryDirectory(prefix="newsletter-unseen-") as tmp:
        folder = args.keep or Path(tmp)
        try:
            keys = lay_out(args.sdist, folder)
        except ValueError as problem:
            sys.exit(str(problem))
        import pages

        print(f"{len(keys)} pages from {args.sdist.name}", flush=True)
        pages.report(("text", "html", "trafilatura"), ("all",), folder, headlines=args.headlines)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
