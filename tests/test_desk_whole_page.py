"""A saved page dropped on the desk is read whole, as `newsletter import` reads the same file: the lists of links a
whole page holds around its article (a news site's footer of its sister sites under "More from NBC News", a
magazine's "More From Wired" menu) are not the article's related stories. The desk took every such list for one and
wrote each link as a story file of its own ("03-cnbc.md", "04-subscribe.md"), where import writes the article alone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from golden import EXAMPLE
from test_desk import drop_file, open_desk

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Harbour bridge to close for repairs | Riverside Daily</title>
<meta property="og:title" content="Harbour bridge to close for repairs">
<meta property="og:url" content="https://riverside.example.com/news/harbour-bridge-to-close">
</head><body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><h1>Harbour bridge to close for repairs</h1>
<p>The harbour bridge will close to traffic for six weeks from Monday while engineers replace the joints that
carry its deck, the city council said on Thursday, in the largest repair since the bridge opened in 1968.</p>
<p>Buses will run on the ring road instead, and the ferry will add a crossing every half hour at peak times, the
council said, asking drivers to leave earlier and to expect queues at both ends of the ring road.</p>
</article></main>
<footer><h3>More from Riverside Media</h3>
<ul><li><a href="https://tv.riverside.example.com/">Riverside TV</a></li>
<li><a href="https://radio.riverside.example.com/">Riverside Radio</a></li>
<li><a href="https://riverside.example.com/subscribe">Subscribe</a></li></ul>
<p>© Riverside Daily</p></footer></body></html>
"""


@pytest.fixture
def issue(tmp_path) -> Path:
    return Path(shutil.copytree(EXAMPLE, tmp_path / "issue"))


def test_a_saved_page_dropped_writes_its_article_alone_as_import_does(desk, serve, issue, workdir, cli):
    (workdir / "bridge.html").write_text(PAGE, encoding="utf-8")
    assert cli("import", "bridge.html", "--to", "imported").exit_code == 0
    [imported] = (workdir / "imported").glob("*.md")
    before = {path.name for path in issue.glob("*.md")}
    page = desk.new_page()
    open_desk(page, serve(issue))
    said = drop_file(page, "bridge.html", "text/html", PAGE.encode("utf-8"))
    name = "06-harbour-bridge-to-close-for-repairs.md"
    assert said.startswith(f"Added {name} (“Harbour bridge to close for repairs”)"), said
    assert "Riverside TV" not in said and "Subscribe" not in said, said
    assert {path.name for path in issue.glob("*.md")} - before == {name}
    assert (issue / name).read_text("utf-8") == imported.read_text("utf-8")
