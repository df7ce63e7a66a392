"""Pasted pages from any site: headline, body, caption and credit, byline and date, related lists, and an account of
every line left out. The pages are written in the shape real sites paste in (menus, banners, promos, footers)."""

from pathlib import Path

import pytest
from golden import SEED

from newsletter.load import load_source
from newsletter.readers.text import is_credit, parse_page

PAGES = Path(__file__).parent / "pages"
MOSCOW = PAGES / "moscow-times.txt"
SECOND = (
    "The documents show that at least 30 of the country's 89 regions plan to freeze public sector wages next "
    "year, while a dozen have postponed road and school construction."
)
PARAGRAPH = (
    "Regional governments across Russia are preparing for a year of cuts after the Finance Ministry told them "
    "to expect smaller transfers from Moscow, according to budget documents reviewed by reporters."
)


def read(text: str):
    notices = []
    return parse_page(text, "page.txt", notices), [str(n) for n in notices]


def test_a_news_site_page_gives_headline_byline_date_caption_and_credit():
    lead = load_source(MOSCOW).stories[0]
    assert lead.headline == "Russia's Governors Brace for a Lean Budget Year as Oil Revenue Falls"
    assert lead.byline == "Anna Petrova"
    assert lead.date.isoformat() == "2026-11-20"
    assert lead.caption == "A view of the Kremlin in Moscow, Russia, November 18, 2026."
    assert lead.credit == "REUTERS/Maxim Shemetov"


def test_the_body_is_the_article_only_with_its_subhead():
    lead = load_source(MOSCOW).stories[0]
    assert [(block.kind, block.text[:40]) for block in lead.body] == [
        ("p", "Regional governments across Russia are p"),
        ("p", "The documents show that at least 30 of t"),
        ("p", "Economists say the squeeze reflects the "),
        ("h", "Where the cuts fall"),
        ("p", "The largest cuts are planned in regions "),
        ("p", "“We are being asked to do more with less"),
        ("p", "Governors have also been told to find sa"),
        ("p", "The Finance Ministry did not respond to "),
    ]
    assert lead.pull_quotes[0].attribution == "Igor Sokolov"


def test_a_read_more_list_becomes_items_and_every_left_out_line_is_named():
    loaded = load_source(MOSCOW)
    assert [item.teaser for item in loaded.stories[1:]] == [
        "Kremlin Names New Central Bank Deputy as Inflation Stays High",
        "Wheat Exports Hit a Record as Ukraine Talks Stall Again",
        "Moscow's Metro Expansion Slows Amid Budget Squeeze",
    ]
    assert [str(n) for n in loaded.notices] == [
        f'{MOSCOW}:1-10: left out as page furniture: "Skip to content", "News", "Business" (+7 more)',
        f'{MOSCOW}:22: left out as page furniture: "Advertisement"',
        f'{MOSCOW}:28-30: left out as page furniture: "Subscribe", "Privacy Policy", '
        '"© 2026 The Moscow Times. All rights res…"',
    ]


@pytest.mark.parametrize(
    "heading",
    ["Read more", "Related", "Recommended", "More stories", "Most read", "Related articles", "You may also like"],
)
def test_related_lists_under_any_common_heading_become_items(heading):
    text = MOSCOW.read_text().replace("Read more\n", f"{heading}\n")
    result, _ = read(text)
    assert len(result.stories) == 4
    assert result.stories[3].teaser == "Moscow's Metro Expansion Slows Amid Budget Squeeze"
    assert "Kremlin Names" not in "\n".join(block.text for block in result.stories[0].body)


def test_a_read_more_box_inside_the_article_does_not_end_it():
    box = "Read more\nGovernors elsewhere have raised local taxes to cover the gap in their budgets.\n"
    text = MOSCOW.read_text().replace("Where the cuts fall\n", box + "Where the cuts fall\n")
    body = [block.text for block in read(text)[0].stories[0].body]
    assert body[-1].startswith("The Finance Ministry did not respond")
    assert "Where the cuts fall" in body


@pytest.mark.parametrize(
    ("caption_lines", "caption", "credit"),
    [
        (
            "Protesters in Kyiv on Nov. 3, 2021. REUTERS/Michelle Nichols",
            "Protesters in Kyiv on Nov. 3, 2021.",
            "REUTERS/Michelle Nichols",
        ),
        (
            "Protesters gather outside parliament in Canberra.\nLukas Coch/AAP",
            "Protesters gather outside parliament in Canberra.",
            "Lukas Coch/AAP",
        ),
        (
            "Smoke rises over the city after an air strike.\n((Mohammed Ameen/Reuters))",
            "Smoke rises over the city after an air strike.",
            "((Mohammed Ameen/Reuters))",
        ),
        (
            "The senator speaks to reporters at the Capitol.\nElizabeth Frantz/File Photo/Reuters",
            "The senator speaks to reporters at the Capitol.",
            "Elizabeth Frantz/File Photo/Reuters",
        ),
        (
            "Voters queue outside a polling station.\nPhoto: Jane Doe",
            "Voters queue outside a polling station.",
            "Photo: Jane Doe",
        ),
        (
            "Voters queue outside a polling station.\nCredit: The Example Herald",
            "Voters queue outside a polling station.",
            "Credit: The Example Herald",
        ),
        (
            "The prime minister arrives at the summit.\nKyodo via REUTERS",
            "The prime minister arrives at the summit.",
            "Kyodo via REUTERS",
        ),
    ],
)
def test_captions_and_credits_in_every_common_form(caption_lines, caption, credit):
    result, _ = read(f"Menu\nSearch\nThe Headline of the Story Goes Here\n{caption_lines}\n{PARAGRAPH}\n{SECOND}\n")
    lead = result.stories[0]
    assert (lead.headline, lead.caption, lead.credit) == ("The Headline of the Story Goes Here", caption, credit)
    assert [block.text for block in lead.body] == [PARAGRAPH, SECOND]


@pytest.mark.parametrize(
    "line", ["Lukas Coch/AAP", "((Mohammed Ameen/Reuters))", "Elizabeth Frantz/File Photo/Reuters"]
)
def test_unfamiliar_credits_are_recognised(line):
    assert is_credit(line)


@pytest.mark.parametrize(
    "line",
    [
        "Reuters reported on Tuesday that talks had stalled.",
        "and/or",
        "Read the full report here / PDF download of the annex is below it.",
    ],
)
def test_sentences_are_still_not_credits(line):
    assert not is_credit(line)


def seed_stories(text: str):
    result, _ = read(text)
    return [story.model_dump(exclude={"source"}) for story in result.stories], result.brand


@pytest.mark.parametrize(
    "change",
    [
        lambda text: text.replace("\n\n", "\n"),  # pasted with single line breaks
        lambda text: text.replace("\n", "\r\n"),  # Windows line ends (read_text makes them \n)
        lambda text: text.replace("\n\n", "\n\u034f\n").replace(". ", ".\u200b ").replace("weapon", "wea\u00adpon"),
        lambda text: text.replace(" ", "\u00a0", 40),
    ],
    ids=["single-line-breaks", "crlf", "invisible-padding", "non-breaking-spaces"],
)
def test_messy_pastes_of_the_seed_read_the_same_as_the_clean_one(change):
    clean = SEED.read_text()
    messy = change(clean).replace("\r\n", "\n")
    assert seed_stories(messy) == seed_stories(clean)


def test_a_page_with_no_article_is_refused():
    with pytest.raises(Exception, match=r"page.txt: holds no article: no paragraphs of running text found"):
        read("Home\nWorld\nPolitics\nSearch\nLog in\nSubscribe\n")


def test_no_headline_above_the_article_is_reported_with_its_line():
    result, notices = read(f"{PARAGRAPH}\n{SECOND}\n")
    assert result.stories[0].headline.startswith("Regional governments across Russia")
    assert notices[0] == (
        "page.txt:1: no headline found above the article: its first sentence stands in; write the headline in the story"
    )


def test_an_article_shorter_than_its_list_is_reported():
    items = "\n".join(f"{PARAGRAPH} Item {n}." for n in range(3))
    _, notices = read(f"The Headline of the Story Goes Here\nOne short paragraph of the story.\nMore from X\n{items}\n")
    assert any("is shorter than the 'More from X' list below it" in notice for notice in notices)


def test_import_prints_the_same_account(cli, workdir):
    result = cli("import", str(MOSCOW), "--to", "issue")
    assert result.exit_code == 0, result.output
    assert f'  {MOSCOW}:1-10: left out as page furniture: "Skip to content", "News", "Business" (+7 more)' in (
        result.output
    )
    text = (workdir / "issue" / "01-russia-s-governors-brace-for-a-lean.md").read_text()
    assert "byline: Anna Petrova\ndate: 2026-11-20\n" in text
    assert "## Where the cuts fall" in text


@pytest.mark.parametrize(
    ("content", "message"), [(b"", "is empty"), (b"\x89PNG\r\n\x1a\n\x00\xff\xfe", "is not UTF-8")]
)
def test_empty_and_binary_pages_are_one_clear_line(cli, workdir, content, message):
    (workdir / "page.txt").write_bytes(content)
    result = cli("build", "page.txt", "--out", "out")
    assert result.exit_code == 1
    assert result.output.startswith(f"error: page.txt: {message}") or result.output.startswith(
        f"error: page.txt:1: {message}"
    ), result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (workdir / "out").exists()
