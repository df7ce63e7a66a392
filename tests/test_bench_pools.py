"""The pools bench/unseen.py lays out from other projects' sdists, read by bench/pools.py's loaders: made-up pages in
each layout, written here (never a real page)."""

import hashlib
import json

from test_bench_pages import load_unseen, sdist_of

ARTICLE = """<html><head><meta property="og:type" content="article">{head}<title>{title} - Example News</title></head>
<body><h1>{title}</h1><p>The bridge over the river shut on Monday for a year of repairs.</p></body></html>"""


def test_unseen_takes_mediacloud_s_single_articles_once(tmp_path):
    """mediacloud-metadata's layout: mcmetadata/test/fixtures/MD5.html, the page fetched from the address its tests
    name whose MD5 names the file. Taken: a page that calls itself an article (og:type, or a JSON-LD *Article), a
    Wayback Machine capture with its toolbar kept as it is; left out: a page that does not (an <h1> alone is no
    article), a home or tag page by its address, a file that is no .html page, and a page whose bytes or address
    (the tests', else its own og:url: the archive's prefix, the scheme and "www." off) one taken before has."""
    unseen = load_unseen()
    story = "https://web.archive.org/web/20240502/https://www.news.example/2024/05/01/bridge-shut/"
    short, home, tag = "https://sho.rt/b1", "https://www.news.example/", "https://news.example/tag/bridges/"
    blog, agenda = "https://blog.example.org/posts/42", "https://city.example.gov/council/agenda"
    tests = "\n".join(f'    url = "{url}"' for url in (story, short, home, tag, blog, agenda))
    toolbar = "<!-- BEGIN WAYBACK TOOLBAR INSERT --><div id='wm-ipp'>Wayback Machine</div><!-- END -->"
    bridge = ARTICLE.format(head="", title="Bridge Shut for a Year").replace("<body>", "<body>" + toolbar).encode()
    ld = b'<script type="application/ld+json">{"@context": "https://schema.org", "@type": ["NewsArticle"]}</script>'
    post = (
        ARTICLE.format(head="", title="Notes")
        .replace('"article"', '"website"')
        .encode()
        .replace(b"</head>", ld + b"</head>")
    )
    again = ARTICLE.format(
        head='<meta property="og:url" content="http://news.example/2024/05/01/bridge-shut">',
        title="Bridge Shut for a Year (updated)",
    ).encode()
    other = ARTICLE.format(
        head='<meta property="og:url" content="https://www.other.example/a/7">', title="Ferry"
    ).encode()
    fixtures = "mediacloud_metadata-1/mcmetadata/test/fixtures/"

    def md5(url: str) -> str:
        return hashlib.md5(url.encode()).hexdigest()

    files = {"mediacloud_metadata-1/mcmetadata/test/test_extract.py": f"def test_it():\n{tests}\n".encode(),
             fixtures + f"{md5(story)}.html": bridge, fixtures + f"{md5(short)}.html": bridge,  # one page, twice
             fixtures + f"{md5(home)}.html": ARTICLE.format(head="", title="Home").encode(),
             fixtures + f"{md5(tag)}.html": ARTICLE.format(head="", title="Bridges").encode(),
             fixtures + f"{md5(blog)}.html": post, fixtures + f"{md5(blog)} copy.html": post,
             fixtures + f"{md5(agenda)}.html": b"<html><body><h1>Council agenda</h1><p>Item 1</p></body></html>",
             fixtures + "0" * 32 + ".html": again, fixtures + "f" * 32 + ".html": other,
             fixtures + "notes.txt": ARTICLE.format(head="", title="Not a page").encode()}  # fmt: skip
    folder = tmp_path / "laid"
    keys = unseen.unpack(sdist_of(tmp_path / "mediacloud_metadata-1.tar.gz", files), folder)
    assert keys == [
        f"mc.blog.example.org.{md5(blog)[:8]}",
        f"mc.news.example.{md5(story)[:8]}",
        "mc.other.example.ffffffff",
    ]
    assert json.loads((folder / "ground-truth.json").read_text(encoding="utf-8")) == {key: {} for key in keys}
    laid = {key: (folder / "pages" / f"{key}.html.gz").read_bytes() for key in keys}
    assert unseen.gzip.decompress(laid[f"mc.news.example.{md5(story)[:8]}"]) == bridge  # the toolbar kept


def test_unseen_reads_domdown_s_pages_with_the_markdown_its_maintainers_expect(tmp_path):
    """domdown's layout: tests/real/manifest.json names each case's page (html/) and the Markdown expected of it
    (raw/). Its title (the front matter's, else the first line's "# " heading) is a true headline; its body,
    rendered by markdown-it-py, is the true text as plain text, a line per paragraph, list item or table cell, the
    heading it opens with (the headline) left out, and an image's data: URL never part of it, even where a blank line
    in its alt text leaves the image unparsed. A case whose files are missing is not taken."""
    unseen = load_unseen()
    storm = """---
title: "Storm Reaches the Coast: Towns Cleared"
source: https://news.example/storm
tags:
  - weather
---

# Storm Reaches the Coast: Towns Cleared

The storm reached the *coast* at [dawn](https://news.example/dawn).

- Roads closed
- Schools shut

| Town | Rain |
| --- | --- |
| Leeds | 40 mm |

![A photo](data:image/png;base64,QUJDRA==)

![Boats in the harbour

on Monday.](data:image/png;base64,QUJDRA==)

```
levels: 3.2 m
```
"""
    cases = [{"id": "storm", "html": "html/news.example_storm.html", "markdown": "raw/news.example_storm.md"},
             {"id": "notes", "html": "html/blog.example_notes.html", "markdown": "raw/blog.example_notes.md"},
             {"id": "gone", "html": "html/gone.html", "markdown": "raw/gone.md"}]  # fmt: skip
    files = {"domdown-1/tests/real/manifest.json": json.dumps({"version": 1, "cases": cases}).encode(),
             "domdown-1/tests/real/html/news.example_storm.html": b"<h1>Storm Reaches the Coast</h1>",
             "domdown-1/tests/real/raw/news.example_storm.md": storm.encode(),
             "domdown-1/tests/real/html/blog.example_notes.html": b"<h1>Notes</h1>",
             "domdown-1/tests/real/raw/blog.example_notes.md": b"# Notes on Bridges\n\nThe first one.\n",
             "domdown-1/tests/real/raw/gone.md": b"# Gone\n"}  # fmt: skip
    folder = tmp_path / "laid"
    assert unseen.unpack(sdist_of(tmp_path / "domdown-1.tar.gz", files), folder) == ["notes", "storm"]
    body = ["The storm reached the coast at dawn.", "Roads closed", "Schools shut", "Town", "Rain", "Leeds", "40 mm",
            "![Boats in the harbour", "on Monday.]()", "levels: 3.2 m"]  # fmt: skip
    assert json.loads((folder / "ground-truth.json").read_text(encoding="utf-8")) == {
        "notes": {"articleBody": "The first one.", "headlines": ["Notes on Bridges"]},
        "storm": {"articleBody": "\n".join(body), "headlines": ["Storm Reaches the Coast: Towns Cleared"]},
    }
