"""A saved page's headline without what its site adds to the title: the site's name in any shape the page gives it,
a date, the site's motto, the host's name; and what stays: a subtitle after a colon, a kicker the page shows in its
<h1>, a headline that only its title repeats."""

from pathlib import Path

import pytest

from newsletter.models import Notice
from newsletter.readers.html import read

ARTICLE = "".join(
    f"<p>{text}</p>"
    for text in [
        "The city council voted on Tuesday to close the old bridge for repairs after inspectors found cracks in two "
        "of its supporting piers, a decision that will send thousands of commuters onto longer routes next year.",
        "Engineers said the cracks were not an immediate danger but would grow with every winter of frost and salt, "
        "and that the repair could not wait for the new budget cycle to begin in the spring.",
        "Shop owners near the bridge said they feared losing customers and asked the council for help with signs "
        "and parking while the work goes on, which the mayor promised to discuss at the next meeting.",
    ]
)
HEADLINE = "Council votes to close the old bridge for a year of repairs"


def headline_of(tmp_path: Path, head: str, top: str = "") -> tuple[str, bool]:
    """(headline, flagged) of a saved page with `head` in its <head> and `top` above its article."""
    path = tmp_path / "page.html"
    path.write_text(f"<html><head>{head}</head><body>{top}<article>{ARTICLE}</article></body></html>", "utf-8")
    story = read(path, []).stories[0]
    return story.headline, story.headline_unsure


def named(title: str, *, site: str = "", url: str = "", canonical: str = "") -> str:
    """A <head> whose og:title and <title> are `title`, with the site's name and addresses as given."""
    head = f"<title>{title}</title><meta property='og:title' content='{title}'>"
    head += f"<meta property='og:site_name' content='{site}'>" if site else ""
    head += f"<meta property='og:url' content='{url}'>" if url else ""
    return head + (f"<link rel='canonical' href='{canonical}'>" if canonical else "")


@pytest.mark.parametrize(
    "head",
    [
        # the site's name of several parts, as og:site_name gives it
        named(f"{HEADLINE} - Riverside Gazette - Blog", site="Riverside Gazette - Blog"),
        # the site's name and a date
        named(f"{HEADLINE} | RG | 10.06.2013", url="https://www.rg.com/en/bridge/a-16863843"),
        named(f"{HEADLINE} | RG | 19 January 2020", site="RG.COM"),
        # the site's name written as its address
        named(f"{HEADLINE} | RIVERSIDE.news", site="Riverside"),
        # the site's name (from its address) and its motto
        named(f"{HEADLINE} » Riverblogs - Science blogs", url="https://riverblogs.gazette.example/bridge/"),
        # a short part holding the host's name
        named(f"{HEADLINE} | Kanzlei Riverside", canonical="https://riverside.example.com/de/bridge"),
        # "›" parts the site's name off as "»" does
        named(f"{HEADLINE} › Gazette", url="https://gazette.example/2026/bridge"),
        # the first words of the site's longer name
        named(f"{HEADLINE} - Riverside Gazette", site="Riverside Gazette Digital"),
    ],
)
def test_what_the_site_adds_to_a_named_headline_is_cut(tmp_path, head):
    assert headline_of(tmp_path, head) == (HEADLINE, False)


def test_a_japanese_site_s_name_after_a_full_width_colon_is_cut_and_a_colon_in_the_headline_stays(tmp_path):
    # "見出し　：東海日報": the site's name (the first word of og:site_name "東海日報 電子版") after a space and "："
    for title, headline in [("古い橋、修理のため閉鎖へ　：東海日報", "古い橋、修理のため閉鎖へ"),
                            ("動画：古い橋、修理のため閉鎖へ", "動画：古い橋、修理のため閉鎖へ")]:  # fmt: skip
        head = f"<title>{title}</title><meta property='og:title' content='{title}'>"
        assert headline_of(tmp_path, head + "<meta property='og:site_name' content='東海日報 電子版'>") == (
            headline,
            False,
        )


def test_the_site_s_name_first_in_a_title_standing_in_is_known_by_the_page_s_canonical_address(tmp_path):
    """No og:title; the <title> "Riverside-Law » Headline" over an <h1> that is the site's name: the canonical
    address (www.riverside-law.de) says "Riverside-Law" is the site's."""
    head = f"<title>Riverside-Law » {HEADLINE}</title><link rel='canonical' href='http://www.riverside-law.de/2011/x'>"
    assert headline_of(tmp_path, head, "<h1>Riverside-Law</h1>")[0] == HEADLINE


def test_a_named_headline_that_starts_with_the_article_s_h1_gives_way_to_it(tmp_path):
    """og:title "Headline | Section | Site" over the article's <h1> "Headline": the page's own headline."""
    head = named(f"{HEADLINE} | Culture | Arts and lifestyle reporting")
    assert headline_of(tmp_path, head, f"<h1>{HEADLINE}</h1>") == (HEADLINE, False)


def test_a_named_headline_over_a_topic_s_h1_keeps_its_whole_self(tmp_path):
    """og:title "Brexit - Live: May loses the vote on her deal" over an <h1> "Brexit" (a topic's): what follows the
    <h1> is longer than it, the headline's, not a site's."""
    title = "Brexit - Live: May loses the vote on her deal"
    assert headline_of(tmp_path, named(title), "<h1>Brexit</h1>") == (title, False)


@pytest.mark.parametrize(
    "title",
    [
        "Election results: 3 May 2026",  # a date after a colon is the headline's own
        "Bridge repairs | May 2026 to May 2027 in full",  # not a date alone
        "Bridge to close - Riverside residents react",  # the host's name in a clause longer than a site's part
    ],
)
def test_a_headline_keeps_what_is_not_the_site_s(tmp_path, title):
    head = named(title, url="https://riverside.example.com/bridge")
    assert headline_of(tmp_path, head) == (title, False)


def test_the_page_s_own_h1_keeps_a_date_it_shows(tmp_path):
    """The <h1> (no named headline) is what the reader sees: only the site's name is cut from it, not a date."""
    h1 = "Bridge repairs report | 10.06.2026"
    assert headline_of(tmp_path, "<title>Gazette</title>", f"<h1>{h1}</h1>") == (h1, False)


@pytest.mark.parametrize(
    "h1",
    [
        # a government site's heading: its topic set apart, a word for screen readers inside it
        f'<span class="category"><span class="aural">Topic </span>Transport</span>{HEADLINE}',
        # a news site's: the kicker, a colon only a screen reader hears, the headline (class names as BEM writes them)
        '<span class="article-heading__kicker">Transport</span><span class="visually-hidden">: </span>'
        f'<span class="article-heading__title">{HEADLINE}</span>',
        # inside a link to the article, a blog theme's hidden words after it
        f'<a href="/bridge"><span class="kicker">Transport</span> {HEADLINE}</a>'
        '<span class="screen-reader-text"> (permalink)</span>',
    ],
)
def test_an_h1_s_headline_is_what_its_reader_sees_without_its_kicker_or_screen_reader_words(tmp_path, h1):
    """No og:title: the page's <h1> over the article is its headline, without what only a screen reader hears and
    without the kicker the page sets apart before the headline's words (a pasted page's kicker line is no part of its
    headline either)."""
    assert headline_of(tmp_path, "<title>Gazette</title>", f"<h1>{h1}</h1>") == (HEADLINE, False)


def test_an_h1_keeps_a_label_after_its_words_and_a_heading_hidden_whole(tmp_path):
    """A label set apart after the headline's words is the headline's (its kicker comes first); an <h1> hidden whole
    from sight is still the page's heading, and what it says is the headline: neither is flagged."""
    label = f'{HEADLINE} <span class="category">Analysis</span>'
    assert headline_of(tmp_path, "<title>Gazette</title>", f"<h1>{label}</h1>") == (f"{HEADLINE} Analysis", False)
    hidden = f'<h1 class="sr-only">{HEADLINE}</h1>'
    assert headline_of(tmp_path, "<title>Gazette</title>", hidden) == (HEADLINE, False)


def test_a_title_of_thousands_of_parts_is_read_with_bounded_work(tmp_path, monkeypatch):
    """A hostile page's og:title of 2,000 parts ("Headline | Gazette | Gazette | ..."): the site's parts are looked
    for in a title of a dozen at most (each look tries every cut, so thousands would cost minutes); the title is
    left as it is, past a headline's 500 characters: the og:title and the <title> are left out and named, and the page
    names no headline (the build's first sentence stands in, as for any page naming none)."""
    import newsletter.readers.titles as titles

    looks = 0
    is_sites = titles.is_sites

    def counted(*args, **kwargs):
        nonlocal looks
        looks += 1
        return is_sites(*args, **kwargs)

    monkeypatch.setattr(titles, "is_sites", counted)
    title = f"{HEADLINE} | " + " | ".join(["Gazette"] * 2_000)
    path = tmp_path / "page.html"
    path.write_text(f"<html><head>{named(title, site='Gazette')}</head><body><article>{ARTICLE}</article>", "utf-8")
    notices: list[Notice] = []
    assert read(path, notices).stories[0].headline == ""
    without_site = title.removesuffix(" | Gazette")  # (what would stand in)
    assert [notice.message for notice in notices] == [
        f"left out the page's {key}, {length:,} characters long, longer than a headline may be"
        for key, length in (("og:title", len(title)), ("<title>", len(without_site)))
    ]
    assert looks <= titles.PARTS_MOST**2
