""" "More from" filled from the brand's feed: `newsletter import FEED_URL --to DIR` (or the feed [more_from] names)
writes the week's posts as stories, fetched from a real HTTP server on 127.0.0.1 serving a feed our own `publish`
wrote and a typical RSS 2.0 file with media:content. Builds never fetch: the stories are files, so a build is the
same offline."""

from __future__ import annotations

import json
import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsletter.load import load_source

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>The Ballot Brief</title>
  <link>https://news.example.org/</link>
  <description>Elections and geopolitics</description>
  <item>
    <title>Moldova&#8217;s vote: what the diaspora decides</title>
    <link>https://news.example.org/2026/11/moldova-diaspora</link>
    <description><![CDATA[<p>Polling stations abroad <b>doubled</b> since the last vote.</p>]]></description>
    <pubDate>Thu, 26 Nov 2026 08:00:00 GMT</pubDate>
    <dc:creator>Ana Ruiz</dc:creator>
    <media:content url="https://news.example.org/img/moldova.jpg" medium="image" width="1200" height="800"/>
  </item>
  <item>
    <title>Chile&#8217;s runoff, in five charts</title>
    <link>/2026/11/chile-charts</link>
    <description>Turnout rose in every region but two.</description>
    <pubDate>Sat, 28 Nov 2026 10:00:00 GMT</pubDate>
    <enclosure url="https://news.example.org/img/chile.png" type="image/png" length="1000"/>
  </item>
  <item>
    <title>Already in the issue</title>
    <link>https://news.example.org/2026/11/in-the-issue</link>
    <description>Skipped: the editor has it.</description>
    <pubDate>Fri, 27 Nov 2026 10:00:00 GMT</pubDate>
  </item>
  <item>
    <title>Last month's post</title>
    <link>https://news.example.org/2026/10/old</link>
    <description>Too old for this week.</description>
    <pubDate>Mon, 12 Oct 2026 10:00:00 GMT</pubDate>
  </item>
</channel>
</rss>
"""


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def served(tmp_path, monkeypatch):
    """A folder served over HTTP on 127.0.0.1: (folder, base URL); also counts the requests."""
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    folder = tmp_path / "www"
    folder.mkdir()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield folder, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def issue_folder(workdir: Path, date: str, *stories: tuple[str, str]) -> Path:
    folder = workdir / "issues" / date
    folder.mkdir(parents=True)
    (folder / "issue.toml").write_text(f'number = 49\ndate = {date}\n[brand]\nname = "The Ballot Brief"\n', "utf-8")
    lead = (
        "---\nheadline: Colombia counts\nurl: https://news.example.org/2026/11/colombia\nimage: false\n---\n\nText.\n"
    )
    (folder / "01-lead.md").write_text(lead, "utf-8")
    for name, url in stories:
        (folder / name).write_text(f"---\nheadline: {name}\nurl: {url}\nimage: false\n---\n\nOn {name}.\n", "utf-8")
    return folder


def test_rss_posts_of_the_week_become_more_from_stories_that_build(workdir, cli, served):
    www, base = served
    (www / "feed.xml").write_text(RSS, "utf-8")
    (workdir / "issues" / "2026-11-24").mkdir(parents=True)  # the previous issue: posts from the 25th
    folder = issue_folder(
        workdir, "2026-12-01", ("02-in-the-issue.md", "https://news.example.org/2026/11/in-the-issue")
    )
    result = cli("import", f"{base}/feed.xml", "--to", "issues/2026-12-01")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:2] == [
        "wrote issues/2026-12-01/03-chiles-runoff-in-five-charts.md",
        "wrote issues/2026-12-01/04-moldovas-vote-what-the-diaspora-decides.md",
    ]
    assert "1 post(s) of the feed left out: not published between 2026-11-25 and 2026-12-01" in result.output
    assert "1 post(s) of the feed left out: the issue already has them" in result.output
    stories = {story.headline: story for story in load_source(folder).stories}
    moldova = stories["Moldova’s vote: what the diaspora decides"]
    assert moldova.url == "https://news.example.org/2026/11/moldova-diaspora"
    assert moldova.teaser == "Polling stations abroad doubled since the last vote."
    assert moldova.image.src == "https://news.example.org/img/moldova.jpg"
    assert (moldova.byline, str(moldova.date), moldova.lead) == ("Ana Ruiz", "2026-11-26", False)
    chile = stories["Chile’s runoff, in five charts"]
    assert chile.url == f"{base}/2026/11/chile-charts"  # a relative link, made absolute against the feed's
    assert chile.image.src == "https://news.example.org/img/chile.png"

    result = cli("build", "issues/2026-12-01", "--out", "out")
    assert result.exit_code == 0, result.output
    assert "More from The Ballot Brief: 3 item(s)" in result.output
    web = (workdir / "out" / "web.html").read_text("utf-8")
    assert "https://news.example.org/img/moldova.jpg" in web and "Polling stations abroad doubled" in web

    # Importing again adds nothing twice: every post of the week is in the issue now.
    result = cli("import", f"{base}/feed.xml", "--to", "issues/2026-12-01")
    assert result.exit_code == 0, result.output
    assert "3 post(s) of the feed left out: the issue already has them" in result.output
    assert "0 stories from the feed" in result.output


def test_the_feed_named_in_newsletter_toml_and_its_count(workdir, cli, served):
    www, base = served
    (www / "feed.xml").write_text(RSS, "utf-8")
    (workdir / "newsletter.toml").write_text(f'[more_from]\nfeed = "{base}/feed.xml"\ncount = 1\n', "utf-8")
    issue_folder(workdir, "2026-12-01")
    result = cli("import", "--to", "issues/2026-12-01", "--since", "2026-11-01")
    assert result.exit_code == 0, result.output
    written = [line for line in result.output.splitlines() if line.startswith("wrote ")]
    assert written == ["wrote issues/2026-12-01/02-chiles-runoff-in-five-charts.md"]  # the newest post
    assert "2 post(s) of the feed left out: past [more_from] count = 1" in result.output


def test_import_without_a_page_or_a_feed_says_how_to_set_one(workdir, cli):
    result = cli("import", "--to", "issue")
    assert result.exit_code == 1
    assert "[more_from] feed = " in result.output


def test_a_bad_more_from_setting_is_named_at_its_line(workdir, cli):
    (workdir / "newsletter.toml").write_text('[more_from]\ncount = 0\nfeed = "ftp://x"\n', "utf-8")
    result = cli("import", "--to", "issue")
    assert result.exit_code == 1
    assert result.output.startswith("error: newsletter.toml:3: [more_from] feed: 'ftp://x' is not the http")


def test_our_own_published_feed_gives_its_issues(workdir, cli, served, built_example):
    www, base = served
    shutil.copytree(built_example, workdir / "build" / built_example.name)
    result = cli("publish", "build", "--out", "site")
    assert result.exit_code == 0, result.output
    shutil.copy(workdir / "site" / "feed.xml", www / "feed.xml")
    (workdir / "issues" / "2026-11-17").mkdir(parents=True)
    issue_folder(workdir, "2026-12-01")
    result = cli("import", f"{base}/feed.xml", "--to", "issues/2026-12-01", "--since", "2026-11-18")
    assert result.exit_code == 0, result.output
    issue = json.loads((built_example / "issue.json").read_text("utf-8"))
    story = load_source(workdir / "issues" / "2026-12-01").stories[-1]
    assert story.headline == issue["subject"]
    assert story.url == f"https://news.example.org/issues/{built_example.name}/web.html"
    assert story.teaser == issue["preheader"]
    assert story.image.src == issue["lead"]["image"]["src"]  # the first picture of the issue: its lead's


def test_a_build_never_fetches_the_feed(workdir, cli):
    # The feed's server is not even there: the build reads files only, the same offline as online.
    (workdir / "newsletter.toml").write_text('[more_from]\nfeed = "http://127.0.0.1:9/feed.xml"\n', "utf-8")
    issue_folder(workdir, "2026-12-01")
    one = cli("build", "issues/2026-12-01", "--out", "one")
    two = cli("build", "issues/2026-12-01", "--out", "two")
    assert one.exit_code == two.exit_code == 0, one.output
    assert (workdir / "one" / "email.html").read_bytes() == (workdir / "two" / "email.html").read_bytes()


def test_new_says_how_to_fill_more_from_when_a_feed_is_set(workdir, cli):
    (workdir / "newsletter.toml").write_text('[more_from]\nfeed = "https://news.example.org/feed.xml"\n', "utf-8")
    result = cli("new", "--date", "2026-12-01")
    assert result.exit_code == 0, result.output
    assert "`newsletter import --to issues/2026-12-01`" in result.output
    (workdir / "newsletter.toml").write_text("[more_from]\n", "utf-8")
    result = cli("new", "--date", "2026-12-08")
    assert "newsletter import --to" not in result.output


def test_a_post_with_a_bad_link_is_left_out_by_name_and_the_others_come_in(workdir, cli, served):
    www, base = served
    bad = (
        "  <item>\n    <title>Click &amp; win</title>\n    <link>javascript:alert(document.cookie)</link>\n"
        "    <pubDate>Fri, 27 Nov 2026 09:00:00 GMT</pubDate>\n  </item>\n"
        "  <item>\n    <description>A post with neither title nor link.</description>\n  </item>\n"
    )
    (www / "feed.xml").write_text(RSS.replace("  <item>\n    <title>Already", bad + "  <item>\n    <title>Already"))
    issue_folder(workdir, "2026-12-01")
    result = cli("import", f"{base}/feed.xml", "--to", "issues/2026-12-01", "--since", "2026-11-25")
    assert result.exit_code == 0, result.output
    assert [line for line in result.output.splitlines() if line.startswith("wrote ")] == [
        "wrote issues/2026-12-01/02-chiles-runoff-in-five-charts.md",
        "wrote issues/2026-12-01/03-already-in-the-issue.md",
        "wrote issues/2026-12-01/04-moldovas-vote-what-the-diaspora-decides.md",
    ]
    [line] = [line for line in result.output.splitlines() if "Click" in line]
    assert line == (
        f"  {base}/feed.xml:3: left out the post 'Click & win': link 'javascript:alert(document.cookie)' "
        "uses javascript:, only http, https and mailto links are allowed"
    )
    assert "  1 post(s) of the feed left out: neither a title nor a link\n" in result.output
    assert "javascript" not in "".join(path.read_text("utf-8") for path in (workdir / "issues").rglob("*.md"))
