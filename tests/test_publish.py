"""`newsletter publish`: the archive site, its Atom feed and sitemap, built from real builds and read back
with an XML parser, a feed library and a real browser."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import stat
import tempfile
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from golden import record_again
from hypothesis import HealthCheck, Phase, event, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from newsletter.build import build
from newsletter.buildfolder import make_record
from newsletter.cli import app
from newsletter.publish import publish

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "markdown-issue"
BASE = "https://news.example.org/issues"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
runner = CliRunner()


def make_issue(folder: Path, *, number: int, date: str, subject: str | None = None) -> Path:
    """The Markdown example issue, renumbered and redated."""
    shutil.copytree(EXAMPLE, folder)
    toml = (folder / "issue.toml").read_text()
    toml = re.sub(r"(?m)^number = \d+", f"number = {number}\ndate = {date}", toml)
    if subject:
        toml = re.sub(r'(?m)^subject = ".*"', f'subject = "{subject}"', toml)
    (folder / "issue.toml").write_text(toml)
    return folder


def write_png(path: Path, colour: tuple[int, int, int]) -> None:
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (120, 80), colour).save(path, format="PNG")


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> Path:
    """build/ as an editor's would be after a year: three issues across two years and an older build of the
    newest one, made before its last rebuild; the newest issue's lead photo is published in its images/."""
    work = tmp_path_factory.mktemp("work")
    root = work / "build"
    draft = build(
        make_issue(work / "draft", number=48, date="2026-11-24", subject="An early draft of issue 48"),
        out=root / "2026-11-24-issue-48-draft",
    ).out
    old = 1_700_000_000
    os.utime(draft / "issue.json", (old, old))
    build(make_issue(work / "i46", number=46, date="2025-12-30", subject="The year in elections"), out_root=root)
    build(make_issue(work / "i47", number=47, date="2026-11-17"), out_root=root)
    # The newest issue's lead photo is a file beside the story: the build publishes it in images/.
    newest = make_issue(work / "i48", number=48, date="2026-11-24")
    write_png(newest / "rally.png", (200, 30, 30))
    lead = newest / "01-colombia-runoff.md"
    lead.write_text(
        lead.read_text()
        .replace("https://images.example.org/2026/11/bogota-rally.jpg", "rally.png")
        .replace("  width: 1200\n  height: 675\n", "")
    )
    build(newest, out_root=root)
    return root


@pytest.fixture(scope="module")
def site(builds, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("published") / "site"
    publish(builds, out)
    return out


class Links(HTMLParser):
    """Every href and src of a page, with the tag and rel it came from."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, str]] = []  # (tag, rel, url)

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name in ("href", "src"):
            if values.get(name):
                self.links.append((tag, values.get("rel") or "", values[name]))


def links(page: Path) -> list[tuple[str, str, str]]:
    parser = Links()
    parser.feed(page.read_text("utf-8"))
    return parser.links


def site_file(site: Path, page: Path, url: str) -> Path | None:
    """The file in the site a link leads to, or None for a link off the site."""
    if url.startswith(BASE):
        rest = url[len(BASE) :].lstrip("/")
        return site / (rest or "index.html")
    if urlsplit(url).scheme:
        return None
    path = urlsplit(url).path
    return (page.parent / path).resolve() if path else page  # "#part": a place on the same page


def test_each_issue_lands_where_its_view_in_browser_link_points(builds, site):
    for folder in ("2025-12-30-issue-46", "2026-11-17-issue-47", "2026-11-24-issue-48"):
        text = (builds / folder / "email.txt").read_text()
        url = re.search(r"View in browser: (\S+)", text).group(1)
        assert url == f"{BASE}/{folder}/web.html"
        page = site_file(site, site / "index.html", url)
        subject = json.loads((builds / folder / "issue.json").read_text())["subject"]
        assert f"<title>{subject} · The Ballot Brief</title>" in page.read_text()
    assert sorted(path.name for path in site.iterdir()) == [
        ".newsletter-site.json",  # what this publish wrote: all the next one may replace
        "2025-12-30-issue-46",
        "2026-11-17-issue-47",
        "2026-11-24-issue-48",
        "feed.xml",
        "index.html",
        "sitemap.xml",
    ]
    [photo] = (builds / "2026-11-24-issue-48" / "images").iterdir()
    assert (site / "2026-11-24-issue-48" / "images" / photo.name).read_bytes() == photo.read_bytes()
    page = (site / "2026-11-24-issue-48" / "web.html").read_text()
    assert f'src="{BASE}/2026-11-24-issue-48/images/{photo.name}"' in page


def test_the_site_folder_gets_the_modes_a_web_server_can_read(site):
    """Written through a private temporary folder, the site still gets an ordinary folder's mode."""
    umask = os.umask(0)
    os.umask(umask)
    assert site.stat().st_mode & 0o777 == 0o777 & ~umask


def test_every_link_in_the_site_leads_to_a_file_in_it(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) == 4
    followed = 0
    for page in pages:
        for tag, _rel, url in links(page):
            target = site_file(site, page, url)
            if target is None:
                continue
            assert target.is_file(), f"{page.relative_to(site)}: <{tag}> {url} leads to no file"
            followed += 1
    # Index: 3 issues + a thumbnail + the feed twice + canonical; pages: previous/next/all, feed, masthead, ...
    assert followed >= 20


def test_every_page_links_the_feed_as_alternate(site):
    for page in sorted(site.rglob("*.html")):
        feeds = [url for tag, rel, url in links(page) if tag == "link" and rel == "alternate"]
        assert feeds == [f"{BASE}/feed.xml"], page
        assert '<link rel="alternate" type="application/atom+xml" title="The Ballot Brief"' in page.read_text()


def test_pages_link_the_previous_and_next_issue(site):
    def nav(folder: str) -> dict[str, str]:
        found = {rel: url for tag, rel, url in links(site / folder / "web.html") if tag == "a" and rel}
        return {rel: url for rel, url in found.items() if rel in ("prev", "next")}

    assert nav("2025-12-30-issue-46") == {"next": "../2026-11-17-issue-47/web.html"}
    assert nav("2026-11-17-issue-47") == {
        "prev": "../2025-12-30-issue-46/web.html",
        "next": "../2026-11-24-issue-48/web.html",
    }
    assert nav("2026-11-24-issue-48") == {"prev": "../2026-11-17-issue-47/web.html"}


def test_feed_is_atom_with_absolute_links_stable_ids_and_full_content(site):
    tree = ET.parse(site / "feed.xml")
    feed = tree.getroot()
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}title") == "The Ballot Brief"
    assert feed.findtext(f"{ATOM}updated") == "2026-11-24T00:00:00+00:00"
    self_link = [link.get("href") for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert self_link == [f"{BASE}/feed.xml"]
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "Runoff week: Bogotá votes, Brussels waits",
        "Runoff week: Bogotá votes, Brussels waits",
        "The year in elections",
    ]
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert ids == [
        f"{BASE}/2026-11-24-issue-48/web.html",
        f"{BASE}/2026-11-17-issue-47/web.html",
        f"{BASE}/2025-12-30-issue-46/web.html",
    ]
    for entry in entries:
        link = entry.find(f"{ATOM}link")
        assert link.get("href") == entry.findtext(f"{ATOM}id")
        content = entry.find(f"{ATOM}content")
        assert content.get("type") == "html"
        # The whole issue: the lead's body and the last "More from" item, with absolute links only.
        assert "Polls close at 4 p.m." in content.text
        assert "Sahel talks: mediators try again in Lomé" in content.text
        hrefs = re.findall(r'(?:href|src)="([^"]+)"', content.text)
        assert hrefs and all(url.startswith(("https://", "mailto:")) for url in hrefs), hrefs


def test_a_feed_reader_reads_the_feed(site):
    import feedparser

    parsed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "The Ballot Brief"
    assert parsed.feed.subtitle == "Elections and geopolitics, every Tuesday"
    assert [entry.published[:10] for entry in parsed.entries] == ["2026-11-24", "2026-11-17", "2025-12-30"]
    newest = parsed.entries[0]
    assert newest.link == f"{BASE}/2026-11-24-issue-48/web.html"
    assert newest.content[0].type == "text/html"
    assert "Colombia’s runoff turns on turnout in the Caribbean coast" in newest.content[0].value
    assert newest.summary.startswith("Colombians return to the polls on Sunday")


def test_sitemap_lists_the_index_and_every_issue(site):
    urls = ET.parse(site / "sitemap.xml").getroot()
    assert [(url.findtext(f"{SITEMAP}loc"), url.findtext(f"{SITEMAP}lastmod")) for url in urls] == [
        (f"{BASE}/", "2026-11-24"),
        (f"{BASE}/2026-11-24-issue-48/web.html", "2026-11-24"),
        (f"{BASE}/2026-11-17-issue-47/web.html", "2026-11-17"),
        (f"{BASE}/2025-12-30-issue-46/web.html", "2025-12-30"),
    ]


def test_the_same_builds_publish_a_byte_identical_site(builds, site, tmp_path):
    again = tmp_path / "again"
    publish(builds, again)
    files = sorted(path.relative_to(site) for path in site.rglob("*") if path.is_file())
    assert files == sorted(path.relative_to(again) for path in again.rglob("*") if path.is_file())
    for name in files:
        assert (site / name).read_bytes() == (again / name).read_bytes(), name


def test_publish_names_the_older_build_it_skipped(builds, tmp_path, monkeypatch):
    monkeypatch.chdir(builds.parent)
    result = runner.invoke(app, ["publish", "--out", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "skipped build/2026-11-24-issue-48-draft: an older build of issue 48; published "
        "build/2026-11-24-issue-48 instead",
        f"Published 3 issue(s) into {tmp_path / 'site'}/ for {BASE}/",
        "  2026-11-24  issue 48   2026-11-24-issue-48/web.html  Runoff week: Bogotá votes, Brussels waits",
        "  2026-11-17  issue 47   2026-11-17-issue-47/web.html  Runoff week: Bogotá votes, Brussels waits",
        "  2025-12-30  issue 46   2025-12-30-issue-46/web.html  The year in elections",
        "  index.html, feed.xml, sitemap.xml",
    ]
    assert "An early draft" not in (tmp_path / "site" / "index.html").read_text()


def test_a_build_of_one_story_file_is_left_out_of_the_archive(tmp_path, monkeypatch):
    """A look at one story (`newsletter build issues/2026-12-15/01-lead.md`) is no issue: dated today with no
    number, it would be a third issue in the index and the feed. Publish names it in one line and leaves it out."""
    monkeypatch.chdir(tmp_path)
    Path("newsletter.toml").write_text(f'[brand]\nname = "The Ballot Brief"\nweb_base_url = "{BASE}"\n')
    issue = make_issue(tmp_path / "issues" / "2026-12-15", number=49, date="2026-12-15")
    build(issue, out_root=Path("build"))
    story = build(issue / "01-colombia-runoff.md", out_root=Path("build"), today=dt.date(2026, 12, 5)).out
    result = runner.invoke(app, ["publish"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"skipped {story}: built from one story file (01-colombia-runoff.md), not an issue: left out of the "
        "archive; build the issue folder to publish it",
        f"Published 1 issue(s) into site/ for {BASE}/",
        "  2026-12-15  issue 49   2026-12-15-issue-49/web.html  Runoff week: Bogotá votes, Brussels waits",
        "  index.html, feed.xml, sitemap.xml",
    ]
    index = Path("site/index.html").read_text()
    assert "2026-12-15-issue-49/web.html" in index and story.name not in index
    entries = ET.parse("site/feed.xml").getroot().findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}id") for entry in entries] == [f"{BASE}/2026-12-15-issue-49/web.html"]
    assert not Path("site", story.name).exists()

    shutil.rmtree(Path("build", "2026-12-15-issue-49"))
    alone = runner.invoke(app, ["publish"])
    assert alone.exit_code == 1
    assert alone.output == (
        "error: build: holds only builds of one story file, no issue; build an issue folder, then publish\n"
    )


def as_an_older_version_built_it(folder: Path) -> None:
    """issue.json without story_file and build.json without sources, as builds were before they recorded them."""
    data = json.loads((folder / "issue.json").read_text())
    data.pop("story_file", None)
    (folder / "issue.json").write_text(json.dumps(data))
    files = {path.name: path.read_bytes() for path in folder.iterdir() if path.is_file() and path.name != "build.json"}
    (folder / "build.json").write_bytes(make_record(files))


def test_an_older_build_that_may_be_of_one_story_file_is_left_out_and_an_older_issue_published(tmp_path, monkeypatch):
    """Builds made before they recorded what they were made from: one with no issue number and every story from
    one file may be a look at one story, and is named; an issue's number, or stories from several files, show
    the others are an issue folder's."""
    monkeypatch.chdir(tmp_path)
    Path("newsletter.toml").write_text(f'[brand]\nname = "The Ballot Brief"\nweb_base_url = "{BASE}"\n')
    issue = make_issue(tmp_path / "issues" / "2026-12-15", number=49, date="2026-12-15")
    numbered = build(issue, out_root=Path("build")).out
    story = build(issue / "01-colombia-runoff.md", out_root=Path("build"), today=dt.date(2026, 12, 5)).out
    earlier = make_issue(tmp_path / "issues" / "2026-12-08", number=48, date="2026-12-08", subject="Last week")
    toml = earlier / "issue.toml"
    toml.write_text(re.sub(r"(?m)^number = 48\n", "", toml.read_text()))
    unnumbered = build(earlier, out_root=Path("build")).out  # its stories from five files: an issue folder's
    for folder in (numbered, story, unnumbered):
        as_an_older_version_built_it(folder)
    result = runner.invoke(app, ["publish"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"skipped {story}: built by an older version, which did not record whether it was built from an issue "
        "folder or one story file; with no issue number and every story from "
        f"{issue / '01-colombia-runoff.md'}, it may be a look at one story: left out of the archive; build its "
        "issue folder again to publish it",
        f"Published 2 issue(s) into site/ for {BASE}/",
        "  2026-12-15  issue 49   2026-12-15-issue-49/web.html  Runoff week: Bogotá votes, Brussels waits",
        "  2026-12-08  no number  2026-12-08-last-week/web.html  Last week",
        "  index.html, feed.xml, sitemap.xml",
    ]
    assert not Path("site", story.name).exists()

    shutil.rmtree(numbered)
    shutil.rmtree(unnumbered)
    alone = runner.invoke(app, ["publish"])
    assert alone.exit_code == 1
    assert alone.output == (
        "error: build: holds only builds of one story file, or older builds that may be such (no number, every "
        "story from one file), no issue; build an issue folder, then publish\n"
    )


def test_an_older_issue_edited_after_it_went_out_is_published_as_built_and_the_newest_is_refused(tmp_path, monkeypatch):
    """Last week's story file fixed after it was sent: its build is what went out, and this week's issue must still
    publish. An edit to this week's issue after its build is refused, as send refuses it."""
    monkeypatch.chdir(tmp_path)
    Path("newsletter.toml").write_text(f'[brand]\nname = "The Ballot Brief"\nweb_base_url = "{BASE}"\n')
    make_issue(tmp_path / "issues" / "2026-11-17", number=47, date="2026-11-17", subject="Last week")
    make_issue(tmp_path / "issues" / "2026-11-24", number=48, date="2026-11-24")
    for issue in ("issues/2026-11-17", "issues/2026-11-24"):
        assert runner.invoke(app, ["build", issue]).exit_code == 0
    last_week = Path("issues/2026-11-17/05-explainer.md")
    last_week.write_text(last_week.read_text().replace("step by step", "step by careful step"))
    result = runner.invoke(app, ["publish"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"Published 2 issue(s) into site/ for {BASE}/",
        "  2026-11-24  issue 48   2026-11-24-issue-48/web.html  Runoff week: Bogotá votes, Brussels waits",
        "  2026-11-17  issue 47   2026-11-17-issue-47/web.html  Last week",
        "  index.html, feed.xml, sitemap.xml",
        "warning: build/2026-11-17-issue-47: issues/2026-11-17/05-explainer.md changed since this build; an older "
        "issue is published as built, as it was sent: build it again to publish the change",
    ]
    page = Path("site/2026-11-17-issue-47/web.html").read_text("utf-8")
    assert "step by step" in page and "careful" not in page
    site = {path: path.read_bytes() for path in Path("site").rglob("*") if path.is_file()}

    this_week = Path("issues/2026-11-24/05-explainer.md")
    this_week.write_text(this_week.read_text().replace("step by step", "step by careful step"))
    refused = runner.invoke(app, ["publish"])
    assert refused.exit_code == 1
    assert refused.output == (
        "error: issues/2026-11-24/05-explainer.md: changed after this build (build/2026-11-24-issue-48); build "
        "again so that what goes out is what it says now\n"
    )
    assert {path: path.read_bytes() for path in Path("site").rglob("*") if path.is_file()} == site


def test_an_issue_still_holding_tk_is_refused_and_the_site_stays_as_it_was(tmp_path, monkeypatch):
    """Next week's issue started with `newsletter new` and built with its example lead still in: publish put 'TK
    Headline of this week's lead story' in the public archive, its index and its feed. It is refused as a list send
    refuses it, naming the file and line of the first placeholder; nothing is written."""
    monkeypatch.chdir(tmp_path)
    Path("newsletter.toml").write_text(f'[brand]\nname = "The Ballot Brief"\nweb_base_url = "{BASE}"\n')
    make_issue(tmp_path / "issues" / "2026-11-24", number=48, date="2026-11-24")
    assert runner.invoke(app, ["build", "issues/2026-11-24"]).exit_code == 0
    assert runner.invoke(app, ["publish"]).exit_code == 0
    site = {path: path.read_bytes() for path in Path("site").rglob("*") if path.is_file()}

    assert runner.invoke(app, ["new", "--date", "2026-12-01"]).exit_code == 0
    assert runner.invoke(app, ["build", "issues/2026-12-01"]).exit_code == 0
    refused = runner.invoke(app, ["publish"])
    assert refused.exit_code == 1
    assert refused.output == (
        "error: build/2026-12-01-issue-49: still holds 11 placeholder(s) (TK, unfilled merge tags), which check calls "
        "not safe to send (issues/2026-12-01/01-lead.md:1: the headline still holds 'TK': fill it in; if it is meant "
        "(a name, a code), add its phrase to [tk] meant in issue.toml for this issue, or in newsletter.toml for every "
        "issue (a brand's own name) (TK Headline of this week’s lead story)); "
        "nothing was published: fill them in and build again, `newsletter check build/2026-12-01-issue-49` names "
        "each one (or move it out of build/ to publish the other issues)\n"
    )
    assert {path: path.read_bytes() for path in Path("site").rglob("*") if path.is_file()} == site


def test_feed_ids_stay_when_the_site_moves_and_an_issue_is_redated(tmp_path, monkeypatch):
    """A feed reader knows an issue by its entry's id: a new id is a new issue to it. Mid-season the site moves to
    another web_base_url and last week's issue is built again with its date put right (another folder): each issue
    keeps the id it was first published under, while its link goes where its page now is."""
    import feedparser

    monkeypatch.chdir(tmp_path)
    moved = "https://ballot.example.com/archive"

    def settings(base: str) -> None:
        Path("newsletter.toml").write_text(f'[brand]\nname = "The Ballot Brief"\nweb_base_url = "{base}"\n')

    def issue(number: int, date: str, subject: str) -> str:
        folder = make_issue(tmp_path / "issues" / date, number=number, date=date, subject=subject)
        toml = folder / "issue.toml"
        toml.write_text(re.sub(r"(?m)^web_base_url = .*\n", "", toml.read_text()))  # newsletter.toml says it
        return str(folder)

    def feed() -> dict[str, tuple[str, str]]:
        parsed = feedparser.parse(Path("site/feed.xml").read_bytes())
        assert not parsed.bozo, parsed.get("bozo_exception")
        return {entry.title: (entry.id, entry.link) for entry in parsed.entries}

    settings(BASE)
    for folder in (issue(47, "2026-11-17", "Issue 47"), issue(48, "2026-11-24", "Issue 48")):
        assert runner.invoke(app, ["build", folder]).exit_code == 0
    assert runner.invoke(app, ["publish"]).exit_code == 0
    first = feed()
    assert first == {
        "Issue 48": (f"{BASE}/2026-11-24-issue-48/web.html", f"{BASE}/2026-11-24-issue-48/web.html"),
        "Issue 47": (f"{BASE}/2026-11-17-issue-47/web.html", f"{BASE}/2026-11-17-issue-47/web.html"),
    }

    settings(moved)
    shutil.rmtree("build/2026-11-24-issue-48")
    assert runner.invoke(app, ["build", "issues/2026-11-24", "--date", "2026-11-25"]).exit_code == 0
    assert runner.invoke(app, ["build", issue(49, "2026-12-01", "Issue 49")]).exit_code == 0
    result = runner.invoke(app, ["publish"])
    assert result.exit_code == 0, result.output
    assert feed() == {
        "Issue 49": (f"{moved}/2026-12-01-issue-49/web.html", f"{moved}/2026-12-01-issue-49/web.html"),
        "Issue 48": (first["Issue 48"][0], f"{moved}/2026-11-25-issue-48/web.html"),
        "Issue 47": (first["Issue 47"][0], f"{moved}/2026-11-17-issue-47/web.html"),
    }
    assert Path("site/2026-11-25-issue-48/web.html").is_file() and not Path("site/2026-11-24-issue-48").exists()
    assert runner.invoke(app, ["publish"]).exit_code == 0
    assert feed()["Issue 48"][0] == first["Issue 48"][0]  # and in every publish after


def test_an_issue_built_before_the_site_moved_is_shown_from_the_new_address(tmp_path, monkeypatch):
    """The site moved to another web_base_url after issue 47 went out, and the old address is going away: its page,
    its photo in the index and its entry in the feed load from the site they are published in, its page names its
    own address as canonical, and publish says what to do about the link its email carries."""
    monkeypatch.chdir(tmp_path)
    moved = "https://ballot.example.com/archive"
    for number, date, base in ((47, "2026-11-17", BASE), (48, "2026-11-24", moved)):
        Path("newsletter.toml").write_text(f'[brand]\nname = "The Ballot Brief"\nweb_base_url = "{base}"\n')
        folder = make_issue(tmp_path / "issues" / date, number=number, date=date)
        toml = folder / "issue.toml"
        toml.write_text(re.sub(r"(?m)^web_base_url = .*\n", "", toml.read_text()))  # newsletter.toml says it
        write_png(folder / "rally.png", (200, 30, 30))
        lead = folder / "01-colombia-runoff.md"
        lead.write_text(lead.read_text().replace("https://images.example.org/2026/11/bogota-rally.jpg", "rally.png"))
        assert runner.invoke(app, ["build", str(folder)]).exit_code == 0
    result = runner.invoke(app, ["publish"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == (
        f"warning: 1 issue(s) built for another address than this site ({moved}/), where their pages are published: "
        f'their emails\' "View in browser" links point to {BASE}/ (2026-11-17-issue-47); build again any not sent yet, '
        f"and have {BASE}/ redirect to {moved}/ for those sent"
    )
    site = Path("site")
    for name in ("index.html", "2026-11-17-issue-47/web.html", "feed.xml"):
        assert BASE not in (site / name).read_text("utf-8"), name
    page = (site / "2026-11-17-issue-47" / "web.html").read_text("utf-8")
    assert f'<link rel="canonical" href="{moved}/2026-11-17-issue-47/web.html">' in page
    [photo] = re.findall(rf'<img src="{re.escape(moved)}/([^"]+)"', page)
    assert (site / photo).is_file() and photo.startswith("2026-11-17-issue-47/images/")
    index = (site / "index.html").read_text("utf-8")
    assert f'src="{photo}"' in index  # relative, as the newest issue's thumbnail


def test_issues_built_before_the_site_moved_are_one_warning_saying_how_many_and_which(tmp_path, monkeypatch):
    """A season sent from the old address, then the site moved: every publish said the same long warning again for
    each issue sent before the move, a screenful each week. Now one line says what it means, how many issues and
    which (the first few, by the address their link names), and what to do."""
    monkeypatch.chdir(tmp_path)
    moved = "https://ballot.example.com/archive"
    for number, date, base in (
        (42, "2026-10-13", ""),  # built before web_base_url was set: its email has no "View in browser" link
        (43, "2026-10-20", BASE),
        (44, "2026-10-27", BASE),
        (45, "2026-11-03", BASE),
        (46, "2026-11-10", BASE),
        (47, "2026-11-17", BASE),
        (48, "2026-11-24", moved),
    ):
        folder = make_issue(tmp_path / "issues" / date, number=number, date=date)
        toml = folder / "issue.toml"
        toml.write_text(
            re.sub(r"(?m)^web_base_url = .*\n", f'web_base_url = "{base}"\n' if base else "", toml.read_text())
        )
        build(folder, out_root=Path("build"))
    warning = (
        f"warning: 6 issue(s) built for another address than this site ({moved}/), where their pages are published: "
        f'their emails\' "View in browser" links point to {BASE}/ (2026-11-17-issue-47, 2026-11-10-issue-46, '
        "2026-11-03-issue-45 and 2 more) and are missing (2026-10-13-issue-42: built without web_base_url); build "
        f"again any not sent yet, and have {BASE}/ redirect to {moved}/ for those sent"
    )
    for _ in range(2):  # said at each publish, once
        result = runner.invoke(app, ["publish"])
        assert result.exit_code == 0, result.output
        assert [line for line in result.output.splitlines() if line.startswith("warning")] == [warning]


def test_same_date_and_subject_without_a_number_is_one_issue(tmp_path):
    root = tmp_path / "build"
    for name, stamp in (("first", 1_700_000_000), ("second", 1_700_000_100)):
        folder = root / name
        folder.mkdir(parents=True)
        out = build(EXAMPLE, out=folder).out
        data = json.loads((out / "issue.json").read_text())
        data.pop("number")
        data["lead"]["headline"] = f"Lead of the {name} build"
        (out / "issue.json").write_text(json.dumps(data))
        record_again(out)  # as built: an edited build is refused
        os.utime(out / "issue.json", (stamp, stamp))
    site = publish(root, tmp_path / "site")
    assert [build.folder.name for build in site.builds] == ["second"]
    assert [str(skipped) for skipped in site.skipped] == [
        f"{root / 'first'}: an older build of 'Runoff week: Bogotá votes, Brussels waits'; published "
        f"{root / 'second'} instead"
    ]
    assert "Lead of the second build" in (tmp_path / "site" / "index.html").read_text()


def test_a_long_archive_is_grouped_by_year(tmp_path):
    root = tmp_path / "build"
    out = build(EXAMPLE, out=root / "template").out
    data = json.loads((out / "issue.json").read_text())
    shutil.rmtree(out)
    for number in range(1, 15):  # 14 issues, one a month from January 2025
        year, month = divmod(number - 1, 12)
        record = json.dumps(dict(data, number=number, date=f"{2025 + year}-{month + 1:02d}-05")).encode()
        (root / f"issue-{number}").mkdir(parents=True)
        (root / f"issue-{number}" / "issue.json").write_bytes(record)
        (root / f"issue-{number}" / "build.json").write_bytes(make_record({"issue.json": record}))
    publish(root, tmp_path / "site")
    index = (tmp_path / "site" / "index.html").read_text()
    assert re.findall(r'<h2 class="nl-h2" id="year-(\d+)">', index) == ["2026", "2025"]
    assert re.findall(r'<a href="#year-(\d+)">\d+</a>', index) == ["2026", "2025"]  # the years, to jump to
    assert re.findall(r"Issue (\d+) ·", index) == [str(number) for number in range(14, 0, -1)]


def test_a_short_archive_has_no_year_headings(site):
    index = (site / "index.html").read_text()
    assert "<h2" not in index
    assert re.findall(r"Issue (\d+) ·", index) == ["48", "47", "46"]


def test_a_failed_publish_leaves_the_old_site_whole(builds, tmp_path, monkeypatch):
    out = tmp_path / "site"
    publish(builds, out)
    before = {path: path.read_bytes() for path in out.rglob("*") if path.is_file()}
    # The editor's own files in the site are carried over; one that cannot be copied stops the swap.
    (out / "CNAME").write_text("news.example.org\n")
    os.mkfifo(out / "notes.pipe")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["publish", str(builds), "--out", "site"])
    assert result.exit_code == 1
    assert result.output.startswith("error: site: cannot be written (")
    assert len(result.output.splitlines()) == 1
    after = {path: path.read_bytes() for path in out.rglob("*") if path.is_file() and path.name != "CNAME"}
    assert after == before
    assert stat.S_ISFIFO((out / "notes.pipe").lstat().st_mode)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]  # no temporary folder left behind


def test_what_a_publish_killed_midway_left_beside_the_site_goes_at_the_next(builds, tmp_path, monkeypatch):
    """A publish killed during its copy (SIGKILL, a power cut) left its hidden temporary folder beside site/, and
    every later publish left it there: a killed run each week piled up copies of the whole site. The next publish
    removes those of its own (their names, beside site/, held by no running publish); anything else stays."""
    import fcntl

    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["publish", str(builds), "--out", "site"]).exit_code == 0
    killed = Path(".site.k1lled0a")  # as a publish killed while writing the new site leaves it
    shutil.copytree("site", killed / "half", dirs_exist_ok=True)
    Path(".site.old.k1lled0b").mkdir()  # and one killed just after making the folder the old site moves to
    running = Path(".site.runn1ng0")  # another publish's, at work: it holds its folder
    running.mkdir()
    held = os.open(running, os.O_RDONLY)
    fcntl.flock(held, fcntl.LOCK_EX)
    others = [Path(".site-notes"), Path(".site.mine"), Path(".sites.k1lled0c"), Path("archive/.site.k1lled0d")]
    for other in others:
        other.mkdir(parents=True)
    try:
        result = runner.invoke(app, ["publish", str(builds), "--out", "site"])
    finally:
        os.close(held)
    assert result.exit_code == 0, result.output
    assert not killed.exists() and not Path(".site.old.k1lled0b").exists()
    assert running.is_dir() and all(other.is_dir() for other in others)
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        [".site-notes", ".site.mine", ".site.runn1ng0", ".sites.k1lled0c", "archive", "site"]
    )


def test_a_publish_killed_between_its_two_renames_gets_its_old_site_back(builds, tmp_path, monkeypatch):
    """Killed after the old site moved aside and before the new one moved in: site/ is gone, the old site (with the
    editor's CNAME) is in the folder it moved to. The next publish puts it back before it reads what it wrote, so
    the editor's files are kept as from any old site, and no temporary folder is left."""
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["publish", str(builds), "--out", "site"]).exit_code == 0
    Path("site/CNAME").write_text("news.example.org\n")
    Path(".site.old.k1lled0a").mkdir()
    os.replace("site", ".site.old.k1lled0a/site")
    shutil.copytree(".site.old.k1lled0a/site", ".site.k1lled0b")  # the new site, written whole before the kill
    result = runner.invoke(app, ["publish", str(builds), "--out", "site"])
    assert result.exit_code == 0, result.output
    assert Path("site/CNAME").read_text() == "news.example.org\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_republishing_keeps_the_editors_files_and_names_issues_it_removes(builds, tmp_path, monkeypatch):
    shutil.copytree(builds, tmp_path / "build")  # copy2 keeps the draft's older time
    out = tmp_path / "site"
    publish(tmp_path / "build", out)
    (out / "CNAME").write_text("news.example.org\n")
    (out / "2026-11-17-issue-47" / "notes.txt").write_text("the editor's, inside an issue's folder")
    (out / "2020-01-07-issue-1").mkdir()  # not written by publish: someone else's, kept
    (out / "2020-01-07-issue-1" / "web.html").write_text("an issue published by hand")
    shutil.rmtree(tmp_path / "build" / "2025-12-30-issue-46")
    shutil.rmtree(tmp_path / "build" / "2026-11-17-issue-47")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["publish", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-2:] == [
        f"removed {out / '2025-12-30-issue-46'}/ from the site: no build of it under build/ any more",
        f"removed {out / '2026-11-17-issue-47'}/ from the site: no build of it under build/ any more",
    ]
    assert (out / "CNAME").read_text() == "news.example.org\n"
    assert (out / "2020-01-07-issue-1" / "web.html").read_text() == "an issue published by hand"
    assert not (out / "2025-12-30-issue-46").exists()
    # Only what publish wrote goes: the editor's own file stays, in its folder.
    assert sorted(path.name for path in (out / "2026-11-17-issue-47").iterdir()) == ["notes.txt"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["build", "site"]  # no temporary folder left


def test_an_issue_page_whose_build_is_left_out_is_removed_saying_why(tmp_path, monkeypatch):
    """Issue 48 built with the wrong date, published, then built again with the right one: the first build is still
    under build/, left out as an older build of the issue, and the removed line says so, not that it is gone."""
    monkeypatch.chdir(tmp_path)
    Path("newsletter.toml").write_text(f'[brand]\nname = "The Ballot Brief"\nweb_base_url = "{BASE}"\n')
    issue = make_issue(tmp_path / "issues" / "2026-11-24", number=48, date="2026-11-23")
    assert runner.invoke(app, ["build", "issues/2026-11-24"]).exit_code == 0
    assert runner.invoke(app, ["publish"]).exit_code == 0
    toml = issue / "issue.toml"
    toml.write_text(toml.read_text().replace("date = 2026-11-23", "date = 2026-11-24"))
    assert runner.invoke(app, ["build", "issues/2026-11-24"]).exit_code == 0
    result = runner.invoke(app, ["publish"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == (
        "skipped build/2026-11-23-issue-48: an older build of issue 48; published build/2026-11-24-issue-48 instead"
    )
    assert lines[-1] == (
        "removed site/2026-11-23-issue-48/ from the site: its build build/2026-11-23-issue-48 is left out of the "
        "archive (see above)"
    )
    assert not Path("site/2026-11-23-issue-48").exists() and Path("build/2026-11-23-issue-48").is_dir()


def test_a_look_at_one_story_an_older_version_published_is_removed_saying_why(tmp_path, monkeypatch):
    """A build of one story file that a version before publish told them apart put into the archive: now left out,
    and its page removed with the reason, while the build is still there."""
    monkeypatch.chdir(tmp_path)
    Path("newsletter.toml").write_text(f'[brand]\nname = "The Ballot Brief"\nweb_base_url = "{BASE}"\n')
    issue = make_issue(tmp_path / "issues" / "2026-12-15", number=49, date="2026-12-15")
    build(issue, out_root=Path("build"))
    story = build(issue / "01-colombia-runoff.md", out_root=Path("build"), today=dt.date(2026, 12, 5)).out
    as_an_older_version_built_it(story)
    with monkeypatch.context() as older_version:  # it published every build as an issue
        older_version.setattr("newsletter.publish.not_an_issue", lambda build: "")
        assert runner.invoke(app, ["publish"]).exit_code == 0
    assert Path("site", story.name, "web.html").is_file()
    result = runner.invoke(app, ["publish"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith(f"skipped {story}: built by an older version")
    assert lines[-1] == (
        f"removed site/{story.name}/ from the site: its build {story} is left out of the archive (see above)"
    )


def test_publish_refuses_a_folder_it_did_not_make_unless_it_is_empty(builds, tmp_path, monkeypatch):
    www = tmp_path / "www"
    (www / "blog").mkdir(parents=True)
    (www / "blog" / "web.html").write_text("a page publish never wrote")
    (www / "index.html").write_text("someone's home page")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["publish", str(builds), "--out", "www"])
    assert result.exit_code == 1
    assert result.output == (
        "error: www: holds files that publish did not write (it has no .newsletter-site.json); publish into a "
        "new or empty folder, such as --out site\n"
    )
    assert (www / "blog" / "web.html").read_text() == "a page publish never wrote"
    assert (www / "index.html").read_text() == "someone's home page"
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["publish", str(builds), "--out", "empty"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "empty" / "index.html").is_file()


def test_only_the_images_a_build_wrote_are_published_never_a_symlink(builds, tmp_path, monkeypatch):
    root = tmp_path / "build"
    shutil.copytree(builds, root)
    images = root / "2026-11-24-issue-48" / "images"
    (images / "logo.png").symlink_to("/etc/passwd")
    (images / "extra.jpg").write_bytes(b"put here by hand")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["publish", "--out", "site"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1:3] == [
        "skipped build/2026-11-24-issue-48/images/extra.jpg: not an image the build wrote (build.json does not "
        "list it): left out of the site",
        "skipped build/2026-11-24-issue-48/images/logo.png: not an image the build wrote (build.json does not "
        "list it): left out of the site",
    ]
    published = sorted(path.name for path in (tmp_path / "site" / "2026-11-24-issue-48" / "images").iterdir())
    assert published == [path.name for path in (builds / "2026-11-24-issue-48" / "images").iterdir()]
    assert not any("root:" in path.read_text("latin-1") for path in (tmp_path / "site").rglob("*") if path.is_file())
    # A listed image swapped for a symlink is refused, by name.
    [photo] = [path for path in images.iterdir() if path.name not in ("logo.png", "extra.jpg")]
    photo.unlink()
    photo.symlink_to("/etc/passwd")
    result = runner.invoke(app, ["publish", "--out", "site2"])
    assert result.exit_code == 1
    assert result.output == (
        f"error: build/2026-11-24-issue-48/images/{photo.name}: is a symlink, not a file the build wrote; build "
        "the issue again\n"
    )
    assert not (tmp_path / "site2").exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda data: data["brand"].update(web_base_url="javascript:alert(1)//"),
            "brand.web_base_url 'javascript:alert(1)//' is not an http or https address such as "
            "https://news.example.org/issues",
        ),
        (
            lambda data: data["brand"].update(unsubscribe_url="javascript:alert(1)"),
            "brand.unsubscribe_url: link 'javascript:alert(1)' uses javascript:, only http, https and mailto links "
            "are allowed",
        ),
        (
            lambda data: data["lead"]["body"][0]["spans"][0].update(href="data:text/html,<script>"),
            "lead.body: link 'data:text/html,<script>' uses data:, only http, https and mailto links are allowed",
        ),
        (lambda data: data.update(subject="Runoff\x01week"), "subject holds a control character (U+0001)"),
        (
            lambda data: data["lead"].update(headline="Runoff\u2028week"),
            "lead.headline holds a line separator (U+2028)",
        ),
    ],
    ids=["javascript-base", "javascript-unsubscribe", "data-link", "control-character", "line-separator"],
)
def test_links_and_text_read_back_from_issue_json_are_checked_again(built_example, tmp_path, monkeypatch, change,
                                                                     message):  # fmt: skip
    folder = tmp_path / "build" / built_example.name
    shutil.copytree(built_example, folder)
    data = json.loads((folder / "issue.json").read_text())
    change(data)
    (folder / "issue.json").write_text(json.dumps(data))
    record_again(folder)  # as another version might have built it: the issue itself is checked again
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["publish"])
    assert result.exit_code == 1
    assert result.output == f"error: build/{folder.name}/issue.json: {message}; rebuild it rather than edit it\n"
    assert not (tmp_path / "site").exists()


def test_publish_needs_the_address_the_site_is_served_from(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = make_issue(tmp_path / "issue", number=48, date="2026-11-24")
    toml = (source / "issue.toml").read_text()
    (source / "issue.toml").write_text(re.sub(r"(?m)^web_base_url = .*\n", "", toml))
    build(source, out_root=Path("build"))
    result = runner.invoke(app, ["publish"])
    assert result.exit_code == 1
    assert result.output == (
        "error: build/2026-11-24-issue-48/issue.json: has no web_base_url: set web_base_url in [brand] of "
        "newsletter.toml to the address the site will be served from (the feed needs absolute links), "
        "then rebuild\n"
    )
    assert not (tmp_path / "site").exists()


def test_publish_with_no_builds_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["publish"])
    assert result.exit_code == 1
    assert result.output == "error: build: is not a folder of builds; run `newsletter build` first\n"


# ---------------------------------------------------------------------------------------------
# Hypothesis: whatever a build folder holds, publish writes a site of its own files or says one line

NASTY_TEXT = ["javascript:alert(1)", "https://x.org/a?b#c", "\x00", "\x01", "\u2028", "\ud800", "\ufffe", "", " ",
              "https://[x", "//evil.example/x", "mailto:a@b", "data:text/html,<b>", "../../etc/passwd", "a" * 5000,
              "https://news.example.org/issues", "file:///etc/passwd", "<script>alert(1)</script>"]  # fmt: skip
ISSUE_KEYS = [("subject",), ("preheader",), ("brand", "web_base_url"), ("brand", "unsubscribe_url"),
              ("brand", "name"), ("brand", "logo", "src"), ("lead", "url"), ("lead", "headline"),
              ("lead", "image", "src"), ("lead", "body", 0, "spans", 0, "href"),
              ("lead", "body", 0, "spans", 0, "text"), ("number",), ("date",)]  # fmt: skip
IMAGE_NAMES = ["logo.png", "a.jpg", "../escape.jpg", ".hidden", "x" * 300]
RECORD_NAMES = ["images/../../../etc/passwd", "images/a.jpg", "images/sub/a.jpg", "/etc/passwd", "images/.x"]


@settings(max_examples=30, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])  # fmt: skip
@given(
    edits=st.lists(
        st.tuples(st.sampled_from(ISSUE_KEYS), st.sampled_from(NASTY_TEXT) | st.text(max_size=30) | st.integers()),
        max_size=3,
    ),
    images=st.lists(
        st.tuples(st.sampled_from(IMAGE_NAMES), st.sampled_from(["file", "symlink", "folder", "fifo", "dir-link"])),
        max_size=3,
    ),
    records=st.lists(st.sampled_from(RECORD_NAMES), max_size=2),
)
@example(
    edits=[], images=[("a.jpg", "symlink"), ("a.jpg", "file"), ("logo.png", "fifo"), ("logo.png", "file")], records=[]
)
def test_any_build_folder_publishes_its_own_files_or_says_one_line(built_example, tmp_path, edits, images, records):
    from newsletter.errors import NewsletterError

    work = Path(tempfile.mkdtemp(dir=tmp_path))
    folder = work / "build" / built_example.name
    shutil.copytree(built_example, folder)
    data = json.loads((folder / "issue.json").read_text())
    for keys, value in edits:
        place = data
        for key in keys[:-1]:
            place = place[key] if isinstance(place, dict) and key in place or isinstance(place, list) else {}
        if isinstance(place, dict):
            place[keys[-1]] = value
        elif isinstance(place, list) and place:
            place[0] = value
    (folder / "issue.json").write_text(json.dumps(data))
    record_again(folder)  # as built (an edited build is refused before anything else)
    (folder / "images").mkdir(exist_ok=True)
    # The links point at a secret of the test's own, never at /etc: a name drawn twice ("symlink", then "file")
    # would write through the first link, and the tests may run as root. Each name is made once: writing a
    # "file" where a FIFO was made would wait for a reader forever.
    secrets = work / "secrets"
    secrets.mkdir()
    (secrets / "passwd").write_bytes(b"root:x:0:0 a secret")
    for name, kind in images:
        path = folder / "images" / name
        if os.path.lexists(path):
            continue
        with contextlib.suppress(OSError):
            if kind == "file":
                path.write_bytes(b"root:x:0:0 hand-put")
            elif kind == "symlink":
                path.symlink_to(secrets / "passwd")
            elif kind == "folder":
                path.mkdir()
            elif kind == "fifo":
                os.mkfifo(path)
            else:
                path.symlink_to(secrets)
    if records:
        record = json.loads((folder / "build.json").read_text())
        for name in records:
            record["sha256"][name] = hashlib.sha256(b"root:x:0:0").hexdigest()
        (folder / "build.json").write_text(json.dumps(record))
    try:
        publish(work / "build", work / "site")
    except NewsletterError as error:
        event(f"refused: {error.message[:40]}")
        assert "\n" not in str(error)
        assert not (work / "site").exists()
    else:
        event("published")
        for path in (work / "site").rglob("*"):
            assert not path.is_symlink()
            if path.is_file():
                assert b"root:x:0:0" not in path.read_bytes(), path


# ---------------------------------------------------------------------------------------------
# In a real browser, offline


def test_archive_index_lists_the_issues_and_its_links_work_offline(page, site):
    requests: list[str] = []

    def offline(route):
        requests.append(route.request.url)
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            route.abort()

    page.route("**/*", offline)
    page.goto((site / "index.html").as_uri())
    items = page.locator(".archive-item")
    assert items.count() == 3
    assert items.nth(0).inner_text().splitlines()[0] == "Issue 48 · Tuesday, 24 November 2026"
    assert "The year in elections" in items.nth(2).inner_text()
    # The newest issue's thumbnail is its own published photo, read from the site folder (waited for: a loaded
    # machine may answer before the browser has decoded it; it once read naturalWidth 0 so)
    page.wait_for_function("() => document.querySelector('.archive-image').naturalWidth > 0", timeout=15_000)
    assert page.evaluate("document.querySelector('.archive-image').naturalWidth") > 0

    # wait_for_url, not wait_for_load_state: the latter may answer for the page being left, before the click's
    # navigation commits (it failed that way once on a loaded machine).
    items.nth(1).locator("a").click()
    page.wait_for_url((site / "2026-11-17-issue-47" / "web.html").as_uri())
    assert page.locator("h1").inner_text() == "Colombia’s runoff turns on turnout in the Caribbean coast"
    page.get_by_role("link", name="Previous issue").click()
    page.wait_for_url((site / "2025-12-30-issue-46" / "web.html").as_uri())
    page.get_by_role("link", name="All issues").click()
    page.wait_for_url((site / "index.html").as_uri())
    assert page.title() == "The Ballot Brief: all issues"


@pytest.mark.parametrize(
    ("out", "message"),
    [
        (
            ".",
            "error: .: would replace the folder that holds build/; publish into a folder of its own, such as "
            "--out site\n",
        ),
        (
            "build/site",
            "error: build/site: is inside build/, where publish reads builds; publish into a folder of "
            "its own, such as --out site\n",
        ),
    ],
)
def test_publish_refuses_to_replace_the_builds_themselves(builds, monkeypatch, out, message):
    monkeypatch.chdir(builds.parent)
    before = sorted(path.name for path in builds.iterdir())
    result = runner.invoke(app, ["publish", "--out", out])
    assert result.exit_code == 1
    assert result.output == message
    assert sorted(path.name for path in builds.iterdir()) == before


def test_a_web_base_url_in_another_script_is_written_with_its_ascii_host_everywhere(tmp_path, monkeypatch):
    """web_base_url = "https://wahlen.müller.de/ausgaben": every address under it, in the email, its text, the web page,
    the feed, the index and the sitemap, has the host as a browser sends it (wahlen.xn--mller-kva.de), never the raw
    letters nor percent-escapes of them (wahlen.m%C3%BCller.de); a story on that site, linked in its own letters, is
    still the brand's own, shown whole."""
    monkeypatch.chdir(tmp_path)
    source = make_issue(tmp_path / "issue", number=48, date="2026-11-24")
    toml = (source / "issue.toml").read_text()
    (source / "issue.toml").write_text(toml.replace(f'"{BASE}"', '"https://wahlen.müller.de/ausgaben"'))
    write_png(source / "rally.png", (200, 30, 30))  # a photo of its own: loaded from under web_base_url
    lead = source / "01-colombia-runoff.md"
    lead.write_text(
        lead.read_text()
        .replace("https://images.example.org/2026/11/bogota-rally.jpg", "rally.png")
        .replace("  width: 1200\n  height: 675\n", "")
        .replace("https://news.example.org/2026/11/colombia-runoff", "https://wahlen.müller.de/2026/11/colombia-runoff")
    )
    built = build(source, out_root=Path("build"))
    assert not [w for w in built.warnings if "another site's article" in w.message and w.source.file == str(lead)]
    publish(Path("build"), Path("site"))
    home = "https://wahlen.xn--mller-kva.de/ausgaben"
    written = {
        name: path.read_text("utf-8")
        for name, path in [
            *((name, built.out / name) for name in ("email.html", "email.txt", "web.html", "email.tokens.html")),
            *((name, Path("site") / name) for name in ("feed.xml", "index.html", "sitemap.xml")),
        ]
    }
    for name, text in written.items():
        addresses = re.findall(r"https://wahlen[^/]*/ausgaben[^\s\"'<>)\]]*", text)
        assert addresses, name
        assert all(address.startswith(home) for address in addresses), (name, addresses)
    assert f'src="{home}/2026-11-24-issue-48/images/' in written["email.html"]
    assert f"{home}/2026-11-24-issue-48/web.html" in written["email.txt"]
    assert f"<loc>{home}/2026-11-24-issue-48/web.html</loc>" in written["sitemap.xml"]
