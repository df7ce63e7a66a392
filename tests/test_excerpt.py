"""Other sites' stories are excerpted: a story whose url is on another site than web_base_url shows its teaser
(at most about 60 words) and "Read at <site> →" in the email, the plain text, the web version and the published
archive, never its whole text, unless its front matter says `full: true`. import keeps the whole article in the
Markdown file and says so."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from golden import DATE

ARTICLE = Path(__file__).parent / "pages" / "saved-article.html"
SETTINGS = """\
[brand]
name = "The Ballot Brief"
web_base_url = "https://ballotbrief.example/issues"
unsubscribe_url = "https://ballotbrief.example/unsubscribe"
postal_address = "12 Example Street, Springfield"
"""
# Sentences from the middle and the end of the saved article: the whole text, which readers must not get.
INSIDE = [
    "Three departments hold most of the region's voters",
    "Whoever convinces the coast that this election is about jobs",
    "Election officials have added polling stations in rural areas",
]


def visible(html: str) -> str:
    """The page's words (tags left out, lines joined), apostrophes made plain, to compare with the article's."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("’", "'").split())


def own_story(path: Path, headline: str, slug: str, text: str) -> None:
    """A story of the brand's own site (its link under web_base_url's host), without a picture."""
    front = f"headline: {headline}\nurl: https://ballotbrief.example/2026/11/{slug}\nimage: false"
    path.write_text(f"---\n{front}\n---\n\n{text}\n", "utf-8")


@pytest.fixture
def imported(workdir, cli):
    """An AP-like article from another site, imported into an issue with a lead of the brand's own."""
    (workdir / "newsletter.toml").write_text(SETTINGS, "utf-8")
    issue = workdir / "issues" / "2026-11-24"
    issue.mkdir(parents=True)
    (issue / "issue.toml").write_text('number = 48\nlead = "01-ours.md"\n', "utf-8")
    own_story(issue / "01-ours.md", "Our own lead", "ours", "Our own reporting, shown whole. " * 20)
    result = cli("import", str(ARTICLE), "--to", "issues/2026-11-24")
    assert result.exit_code == 0, result.output
    assert (
        "02-runoff-in-bogota-the-caribbean-coast.md keeps the whole article for you to quote from; readers see its "
        "teaser and a 'Read at' link, unless you add `full: true`" in result.output
    )
    story = issue / "02-runoff-in-bogota-the-caribbean-coast.md"
    assert all(sentence in story.read_text("utf-8") for sentence in INSIDE)  # the editor has the whole text
    return issue


def test_another_sites_article_shows_at_most_its_excerpt_everywhere(workdir, cli, imported):
    result = cli("build", "issues/2026-11-24", "--out", "build/2026-11-24-issue-48", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    assert "another site's article: shown as its teaser and 'Read at herald.example.org', not whole" in result.output
    out = workdir / "build" / "2026-11-24-issue-48"
    result = cli("publish", "build", "--out", "site")
    assert result.exit_code == 0, result.output
    pages = {
        "web.html": (out / "web.html").read_text("utf-8"),
        "email.html": (out / "email.html").read_text("utf-8"),
        "email.txt": (out / "email.txt").read_text("utf-8"),
        "issue.json": (out / "issue.json").read_text("utf-8"),
        "site web.html": (workdir / "site" / "2026-11-24-issue-48" / "web.html").read_text("utf-8"),
        "site feed.xml": (workdir / "site" / "feed.xml").read_text("utf-8"),
    }
    for name, page in pages.items():
        text = visible(page)
        for sentence in INSIDE:
            assert sentence not in text, f"{name} republishes {sentence!r}"
        assert "Our own reporting, shown whole." in text, name  # the brand's own story is whole
    for name in ("web.html", "email.html", "email.txt", "site web.html"):
        assert "Read at herald.example.org" in pages[name], name
        # The excerpt: the article's first paragraph, cut to about 60 words.
        assert "Colombia's presidential runoff on Sunday will be settled far from the capital" in visible(pages[name])
    link = 'href="https://herald.example.org/world/2026/11/colombia-runoff-caribbean-coast">Read at herald.example.org'
    assert link in pages["web.html"]
    teaser = re.search(r"Colombia.s presidential runoff.*?(?=<|\n\n)", pages["web.html"], re.S)
    assert teaser and len(teaser.group(0).split()) <= 61


def test_full_true_shows_the_whole_article(workdir, cli, imported):
    story = imported / "02-runoff-in-bogota-the-caribbean-coast.md"
    story.write_text(story.read_text("utf-8").replace("---\n", "---\nfull: true\n", 1), "utf-8")
    result = cli("build", "issues/2026-11-24", "--out", "out", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    assert "another site's article" not in result.output
    web = visible((workdir / "out" / "web.html").read_text("utf-8"))
    assert all(sentence in web for sentence in INSIDE)
    assert "Read at herald.example.org" not in web


def test_a_lead_from_another_site_is_excerpted_too(workdir, cli, imported):
    (imported / "issue.toml").write_text('lead = "02-runoff-in-bogota-the-caribbean-coast.md"\n', "utf-8")
    result = cli("build", "issues/2026-11-24", "--out", "out", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    web = (workdir / "out" / "web.html").read_text("utf-8")
    assert "Read at herald.example.org →" in web and "Read the full story" not in web.split("</article>")[0]
    assert not any(sentence in visible(web) for sentence in INSIDE)


def test_stories_on_the_brands_own_site_and_its_subdomains_stay_whole():
    from newsletter.links import same_site

    base = "https://news.example.org/issues"
    assert same_site("https://news.example.org/2026/11/x", base)
    assert same_site("https://www.example.org/x", base)  # example.org's own main site
    assert same_site("https://example.org/x", "https://www.example.org/")
    assert same_site("https://bbc.co.uk/news/x", "https://www.bbc.co.uk/")
    assert not same_site("https://apnews.com/article/x", base)
    assert not same_site("https://example.co.uk/x", "https://other.co.uk/")
    assert same_site("https://apnews.com/x", "")  # no web base URL: nothing to tell sites apart by


def test_other_sites_stories_are_never_filed_under_more_from_the_brand(workdir, cli, imported):
    """A story that names no section is "More from <brand>" when it is the brand's own; another site's article is
    under "Elsewhere" (or the brand's `elsewhere` heading), never presented as the brand's."""
    own_story(imported / "00-also-ours.md", "Also ours", "also", "More of our own reporting. " * 10)
    result = cli("build", "issues/2026-11-24", "--out", "out", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    text = (workdir / "out" / "email.txt").read_text("utf-8")
    ours, elsewhere = text.index("More from The Ballot Brief\n---"), text.index("Elsewhere\n---")
    assert ours < text.index("Also ours") < elsewhere < text.index("Runoff in Bogotá")
    sections = [section["heading"] for section in json.loads((workdir / "out" / "issue.json").read_text())["sections"]]
    assert sections == ["More from The Ballot Brief", "Elsewhere"]

    (workdir / "newsletter.toml").write_text(SETTINGS + 'elsewhere = "Worth reading"\n', "utf-8")
    result = cli("build", "issues/2026-11-24", "--out", "out2", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    issue = json.loads((workdir / "out2" / "issue.json").read_text())
    assert [section["heading"] for section in issue["sections"]] == ["More from The Ballot Brief", "Worth reading"]


# A Chinese page's opening paragraph (gne's guancha page: 1,014 characters, 18 runs between spaces): Chinese and
# Japanese are written without spaces between words, so "at most 60 words" let the whole paragraph through.
CHINESE = "海关总署数据显示，今年前八个月我国集成电路进口额突破三千亿美元，同比增长百分之十五。" * 12
JAPANESE = "ナイジェリア北東部の州で十六日夜、イスラム過激派組織が村を襲撃し、少なくとも三十人が死亡した。" * 10


@pytest.mark.parametrize("opening", [CHINESE, JAPANESE], ids=["chinese", "japanese"])
def test_a_chinese_or_japanese_excerpt_is_cut_too(workdir, cli, opening):
    from newsletter.build import make_issue
    from newsletter.render import render_paste

    (workdir / "newsletter.toml").write_text(SETTINGS, "utf-8")
    issue = workdir / "issue"
    issue.mkdir()
    own_story(issue / "01-ours.md", "Our own lead", "ours", "Our own reporting, shown whole. " * 20)
    front = "headline: 集成电路进口突破三千亿美元\nurl: https://www.guancha.example/economy/1.shtml\nimage: false"
    story = f"---\n{front}\n---\n\n"
    (issue / "02-theirs.md").write_text(story + opening + "\n\n第二段也不应出现。\n", "utf-8")
    result = cli("build", "issue", "--out", "out", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    paste = render_paste(make_issue(issue, date=DATE, config=workdir / "newsletter.toml").issue)
    sentence = opening[: opening.index("。") + 1]
    for name, page in [("paste", paste)] + [(f, (workdir / "out" / f).read_text("utf-8")) for f in FILES]:
        text = "".join(visible(page).split())  # the plain text wraps its lines where Unicode allows
        assert sentence in text, name  # the opening's first sentence is quoted
        assert opening not in text and "第二段" not in text, f"{name} shows the whole paragraph"
        shown = re.search(re.escape(sentence) + r"[^…]*…", text)
        assert shown and len(shown.group(0)) <= 130, (name, shown and len(shown.group(0)))


FILES = ("email.html", "email.txt", "web.html")
