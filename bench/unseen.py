"""Benchmark: the article pages of another project, which nobody writing the reader has read, laid out as
../shared/benchmarks/article-pages/ is and scored by bench/pages.py.

    pip download --no-deps --no-binary :all: newspaper4k==0.9.6 -d /tmp/unseen   # the pages: a PyPI sdist
    python bench/unseen.py /tmp/unseen/newspaper4k-0.9.6.tar.gz                    # lay them out, render, score

The shared benchmark's pages have been read while the reader's rules were written (even its held-out half, now and
then), so its figures no longer show how the reader does on pages it has never met. newspaper4k's source
distribution ships the real pages its own tests read (tests/data/html: CNN, Time, Wired, cleveland.com, Fox 13,
Yonhap, El País, Nikkei, AFP in Japanese, Xinhua, Thai, Arabic, Burmese and Latvian news pages saved 2013-2023)
with the article text its maintainers checked (tests/data/txt). Every such page with a text is taken.

Each page is laid out as the shared benchmark's are: `pages/KEY.html.gz`, the pasted text `pages/KEY.txt` made the
same way (`document.body.innerText` in Chromium, scripts off, nothing fetched) and `ground-truth.json`. The bench
reads the tarball it is given and talks to nothing: Chromium loads the page from a file and every other request
is refused. The headline's truth is bench/pages.py's (the page's og:title and first <h1>). The body's truth is
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
HTML, TEXT = "/tests/data/html/", "/tests/data/txt/"


def lay_out(sdist: Path, folder: Path, browser=None) -> list[str]:  # type: ignore[no-untyped-def]
    """Write the sdist's article pages into folder as the shared benchmark lays its pages out; their keys."""
    pages, texts = {}, {}
    with tarfile.open(sdist) as archive:
        for member in archive.getmembers():
            if not member.isfile():
                continue
            name = member.name
            data = archive.extractfile(member)
            if data is None:
                continue
            if HTML in name and name.endswith(".html"):
                pages[Path(name).stem] = data.read()
            elif TEXT in name and name.endswith(".txt"):
                texts[Path(name).stem] = data.read().decode("utf-8")
    keys = sorted(key for key in pages if key in texts)
    (folder / "pages").mkdir(parents=True, exist_ok=True)
    truth = {key: {"articleBody": texts[key]} for key in keys}
    for key in keys:
        (folder / "pages" / f"{key}.html.gz").write_bytes(gzip.compress(pages[key], mtime=0))
    (folder / "ground-truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox", "--disable-gpu"]
            )
            paste(folder, keys, browser)
            browser.close()
    else:
        paste(folder, keys, browser)
    return keys


def paste(folder: Path, keys: list[str], browser) -> None:  # type: ignore[no-untyped-def]
    """Each page's text as a careless paste gives it: Chromium's document.body.innerText, scripts off, no network."""
    context = browser.new_context(java_script_enabled=False)
    for key in keys:
        html = gzip.decompress((folder / "pages" / f"{key}.html.gz").read_bytes())
        url = f"http://127.0.0.1:9/{key}.html"  # answered below: nothing is listening there, nothing leaves
        page = context.new_page()
        # The page's own bytes (its charset from its <meta>, as from a saved file); every other request (styles,
        # images, frames) is refused.
        page.route("**/*", answer(url, html))
        page.goto(url, wait_until="domcontentloaded")
        text = page.evaluate("document.body ? document.body.innerText : ''")
        (folder / "pages" / f"{key}.txt").write_text(text, encoding="utf-8")
        page.close()
    context.close()


def answer(url: str, html: bytes):  # type: ignore[no-untyped-def]
    """A route handler: the page at url is html, any other request is refused."""

    def handle(route):  # type: ignore[no-untyped-def]
        if route.request.url == url:
            route.fulfill(body=html, content_type="text/html")
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
        keys = lay_out(args.sdist, folder)
        import pages

        print(f"{len(keys)} pages from {args.sdist.name}", flush=True)
        pages.report(("text", "html", "trafilatura"), ("all",), folder, headlines=args.headlines)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(BENCH))
    main()
