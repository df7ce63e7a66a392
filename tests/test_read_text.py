"""Pasted pages from any site: headline, body, caption and credit, byline and date, related lists, and an account of
every line left out. The pages are written in the shape real sites paste in (menus, banners, promos, footers)."""

import codecs
import datetime as dt
import json
import re
from pathlib import Path

import pytest
from golden import SEED

from newsletter.load import load_source, place_related
from newsletter.readers.credits import is_credit, split_credit
from newsletter.readers.lines import is_byline, is_date_line, is_prose, line_date
from newsletter.readers.scripts import words_of
from newsletter.readers.text import parse_page

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


MOSCOW_LIST = [
    "Kremlin Names New Central Bank Deputy as Inflation Stays High",
    "Wheat Exports Hit a Record as Ukraine Talks Stall Again",
    "Moscow's Metro Expansion Slows Amid Budget Squeeze",
]


def test_a_read_more_list_is_found_and_every_left_out_line_is_named():
    loaded = load_source(MOSCOW)
    [found] = loaded.related
    assert (found.heading, found.line, found.site) == ("Read more", 24, "The Moscow Times")
    assert [item.headline for item in found.items] == MOSCOW_LIST
    assert [str(n) for n in loaded.notices] == [
        f'{MOSCOW}:1-10: left out as page furniture: "Skip to content", "News", "Business" (+7 more)',
        f'{MOSCOW}:22: left out as page furniture: "Advertisement"',
        f'{MOSCOW}:28-30: left out as page furniture: "Subscribe", "Privacy Policy", '
        '"© 2026 The Moscow Times. All rights res…"',
    ]


def test_the_related_list_becomes_more_from_items_only_on_the_brand_s_own_page():
    own = load_source(MOSCOW)
    place_related(own, "The Moscow Times")
    assert [story.headline for story in own.stories[1:]] == MOSCOW_LIST

    other = load_source(MOSCOW)
    place_related(other, "The Ballot Brief")
    assert len(other.stories) == 1
    assert str(other.notices[-1]) == (
        f"{MOSCOW}:24: left out the 'Read more' list (3 stories): the page is The Moscow Times's, "
        "not The Ballot Brief's"
    )


def test_a_build_leaves_another_site_s_related_list_out_and_says_so(cli, workdir):
    (workdir / "newsletter.toml").write_text('[brand]\nname = "The Ballot Brief"\n')
    result = cli("build", str(MOSCOW), "--out", "out", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    assert "left out the 'Read more' list (3 stories)" in result.output
    built = json.loads((workdir / "out" / "issue.json").read_text())
    assert "Kremlin Names" not in json.dumps(built)


@pytest.mark.parametrize(
    "heading",
    [
        "Read more",
        "Related",
        "Recommended",
        "More stories",
        "Most read",
        "Related articles",
        "You may also like",
        # ... and as pages in other languages head one
        "Ähnliche Beiträge",
        "Das könnte Sie auch interessieren",
        "Mehr zum Thema",
        "À lire aussi",
        "Articles similaires",
        "Noticias relacionadas",
        "Leia também",
        "Articoli correlati",
        "Lees ook",
        # ... and in the other languages of the read pools
        "Читайте также",
        "Czytaj także",
        "İlgili Haberler",
        "관련기사",
        "اقرأ أيضا",
        "ये भी पढ़ें",
        "Baca juga:",
        "Tin liên quan",
        "ข่าวที่เกี่ยวข้อง",
        "Διαβάστε επίσης",
        "Läs också",
        "Les også",
        "Lue myös:",
        "Citește și:",
        "Kapcsolódó cikkek",
        "আরও পড়ুন",
        "Llegeix també",
        # ... and as a site says it recommends them
        "DW recommends",
        "We recommend",
    ],
)
def test_related_lists_under_any_common_heading_are_found(heading):
    text = MOSCOW.read_text().replace("Read more\n", f"{heading}\n")
    result, _ = read(text)
    assert len(result.stories) == 1
    assert [item.headline for item in result.related[0].items] == MOSCOW_LIST
    assert "Kremlin Names" not in "\n".join(block.text for block in result.stories[0].body)


def test_a_read_more_box_inside_the_article_does_not_end_it():
    box = "Read more\nGovernors elsewhere have raised local taxes to cover the gap in their budgets.\n"
    text = MOSCOW.read_text().replace("Where the cuts fall\n", box + "Where the cuts fall\n")
    result, notices = read(text)
    body = [block.text for block in result.stories[0].body]
    assert body[-1].startswith("The Finance Ministry did not respond")
    assert "Where the cuts fall" in body
    assert not any("Governors elsewhere" in block for block in body)  # the other story's, named as left out
    assert any('"Governors elsewhere have raised local t' in notice for notice in notices)


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
        # Lithuanian sites write the label after the name ("nuotr.", photo), alone on its line under the headline
        ("Luko Balandžio / BNS nuotr.", "", "Luko Balandžio / BNS nuotr."),
        # Italian papers: the wire's name alone in brackets, as they spell it
        ("Il Senato durante il voto sul premierato (Ansa)", "Il Senato durante il voto sul premierato", "(Ansa)"),
    ],
)
def test_captions_and_credits_in_every_common_form(caption_lines, caption, credit):
    result, _ = read(f"Menu\nSearch\nThe Headline of the Story Goes Here\n{caption_lines}\n{PARAGRAPH}\n{SECOND}\n")
    lead = result.stories[0]
    assert (lead.headline, lead.caption, lead.credit) == ("The Headline of the Story Goes Here", caption, credit)
    assert [block.text for block in lead.body] == [PARAGRAPH, SECOND]


@pytest.mark.parametrize(
    "line",
    [
        "Lukas Coch/AAP",
        "((Mohammed Ameen/Reuters))",
        "Elizabeth Frantz/File Photo/Reuters",
        "Natalie Naccache | Bloomberg | Getty Images",  # CNBC's: the photographer, then two agencies
    ],
)
def test_unfamiliar_credits_are_recognised(line):
    assert is_credit(line)


@pytest.mark.parametrize(
    ("source", "label"),
    [("Image source", "Image caption"), ("منبع تصویر", "توضیح تصویر"), ("Chanzo cha picha", "Maelezo ya picha")],
)
def test_the_bbc_s_labelled_photo_over_the_article_is_its_credit_and_caption(source, label):
    """The BBC's pages, in English and in its World Service's languages (Persian, Swahili), label the lead photo's
    credit and caption with a comma: "Image source, Getty Images", "Image caption, ...". They are the photo's, and
    the article starts at its own first paragraph."""
    comma = "،" if source == "منبع تصویر" else ","
    caption = "Voters queue outside a polling station in Moscow on Sunday"
    page = f"BBC\nHome\nNews\n{HEADLINE}\n2 hours ago\n{source}{comma} Getty Images\n{label}{comma} {caption}\n"
    result, _ = read(page + ARTICLE)
    story = result.stories[0]
    assert (story.caption, story.credit) == (caption, f"{source}{comma} Getty Images")
    assert body_of(story) == [PARAGRAPH, SECOND, THIRD]


BBC_2017 = [
    "Labour has won the Kerrow seat by 41 votes after three recounts, taking it from the Conservatives for the first "
    "time since 1997.",
    "Marianne Okafor beat the sitting MP, who had held the seat for 12 years, after a count that ran all night.",
    "Turnout in the constituency was 68%, up four points on the last general election, the returning officer said.",
]


def bbc_2017(headline: str, caption: str) -> str:
    """A BBC page of 2015-2019 as pasted: the photo's credit and caption each under a label of its own, then a box
    of links, then the writer's byline and place over the article."""
    share = ["Share this with", "Facebook", "Twitter", "Email", "Share"]
    photo = ["Image copyright", "PA", "Image caption", caption]
    links = ["Election 2026", "Results in full", "Find your constituency"]
    header = [headline, "9 June 2026", *share, *photo, *links, "By Owen Prydderch", "BBC News, West Midlands"]
    return "\n".join(["BBC", "Home", "News", "Election 2026", *header, *BBC_2017, "Share this story"]) + "\n"


def test_a_caption_under_its_label_on_a_line_of_its_own_is_the_photo_s_and_links_under_it_are_no_headline():
    """The BBC's pages of 2015-2019 print "Image caption" on a line of its own over the caption: the line under it
    is the photo's caption (with the credit under "Image copyright"), never the headline. It had been taken for the
    headline, sure: a caption that shares the article's words, right over the writer's byline. Under it, the box's
    links of three words or fewer ("Find your constituency") stand over the byline too: a label's byline there is
    the article's, whose dated headline stands above the photo."""
    headline = "Election 2026: Labour's Kerrow win decided by 41 votes"
    caption = "Counting at the Kerrow leisure centre went on until after 07:00 BST"
    page, notices = read(bbc_2017(headline, caption))
    lead = page.stories[0]
    assert (lead.headline, lead.caption, lead.credit, body_of(lead)) == (headline, caption, "PA", BBC_2017), notices


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        ("Фото: Танјуг/Драган Крецуљ", "", "Фото: Танјуг/Драган Крецуљ"),  # Serbian
        ("Снимка: Цветелина Белутова", "", "Снимка: Цветелина Белутова"),  # Bulgarian
        ("Fot. Jan Kowalski", "", "Fot. Jan Kowalski"),  # Polish
        ("PICHA | MAKTABA", "", "PICHA | MAKTABA"),  # Swahili: the paper's archive
        (
            "Đại biểu Trần Minh Khải phát biểu tại phiên thảo luận, sáng 14/10. Ảnh: Hoàng Phong",
            "Đại biểu Trần Minh Khải phát biểu tại phiên thảo luận, sáng 14/10.",
            "Ảnh: Hoàng Phong",
        ),  # Vietnamese, glued on after the caption's stop ...
        (
            "Bị cáo Đỗ Thanh Liêm (giữa) tại phiên tòa phúc thẩm sáng 14-10 - Ảnh: NGỌC AN",
            "Bị cáo Đỗ Thanh Liêm (giữa) tại phiên tòa phúc thẩm sáng 14-10",
            "Ảnh: NGỌC AN",
        ),  # ... or after a dash
        (
            "ناخبون لبنانيون في الخارج يدلون بأصواتهم خلال انتخابات 2022 (أرشيفية - رويترز)",
            "ناخبون لبنانيون في الخارج يدلون بأصواتهم خلال انتخابات 2022",
            "(أرشيفية - رويترز)",
        ),  # Arabic: the wire in brackets, an archive photo's label before it
        ("متظاهرون في وسط بيروت مساء الأحد (أ.ف.ب)", "متظاهرون في وسط بيروت مساء الأحد", "(أ.ف.ب)"),
    ],
)
def test_a_credit_labelled_photo_in_the_page_s_language_is_a_credit(line, caption, credit):
    """ "Photo:" as Serbian, Bulgarian, Polish, Swahili and Vietnamese pages write it, alone or glued onto its
    caption, and the wire in brackets after an Arabic caption; a dash before an agency's poll is no credit's ("... -
    Reuters/Ipsos poll"), nor a word that starts like the label ("Фотография дня", the photo of the day)."""
    assert (is_credit(line), split_credit(line)) == ((True, (line, "")) if not caption else (False, (caption, credit)))
    assert split_credit("Trump leads Harris in new survey - Reuters/Ipsos poll")[1] == ""
    assert not is_credit("Фотография дня")
    assert is_credit("Photo: www.ourcommons.ca")  # a site's address is a credit; a link in a copyright line is not


@pytest.mark.parametrize(
    "line",
    [
        "Reuters reported on Tuesday that talks had stalled.",
        "and/or",
        "Read the full report here / PDF download of the annex is below it.",
        "Jis sakė, kad nuotr. buvo per tamsi.",  # "nuotr." inside a sentence
        "News | Sport | Business",  # a menu's links
    ],
)
def test_sentences_are_still_not_credits(line):
    assert not is_credit(line)


def test_a_short_name_in_brackets_that_is_no_wire_s_ends_no_caption():
    """A sentence that ends in a short name spelt as no wire spells it: "(ePA)", a German law's, not EPA's."""
    line = "Seit Jahren wird intensiv diskutiert: Die elektronische Patientenakte (ePA)"
    assert split_credit(line) == (line, "")


def test_a_long_line_of_many_stops_is_asked_for_a_credit_only_near_its_end(monkeypatch):
    """Every line of a paste is asked whether it ends in a credit, at each of its stops; a paragraph of 19,200
    characters and 6,400 stops was asked 6,400 times, each with the whole line cut in two (quadratic: a 1 MB paste
    of such lines took 19 s, bench/inputs.py). Only the stops a credit's length from the end are asked now, and the
    credit is still found."""
    import newsletter.readers.credits as credits

    asked = []
    real = credits.is_credit
    monkeypatch.setattr(credits, "is_credit", lambda credit: asked.append(credit) or real(credit))
    caption, credit = split_credit("Voters queue. " * 1_370 + "Voters queue at the polls. REUTERS/Jane Doe")
    assert credit == "REUTERS/Jane Doe" and caption.endswith("Voters queue at the polls.")
    assert len(asked) <= 30  # (the stops in the last 240 characters)


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


def test_a_page_pasted_before_its_scripts_filled_it_is_refused_and_its_template_lines_named():
    # What a page shows when its template is not filled in: the template's code, never a headline
    unfilled = (
        '{{story.status === "published" ? "Published" : story.status === "pending" ? "Waiting for approval by an '
        'editor" : story.status === "draft" ? "Draft, not yet sent for approval" : "Unknown status"\n'
        "{{story.author.name}} - {{story.updated}}\n"
    )
    with pytest.raises(Exception, match=r"page.txt: holds no article: no paragraphs of running text found"):
        read(unfilled + "Edit this page\nOpen the advanced mode\n")
    result, notices = read(f"{unfilled}{HEADLINE}\n{ARTICLE}")
    assert (result.stories[0].headline, body_of(result.stories[0])) == (HEADLINE, [PARAGRAPH, SECOND, THIRD])
    assert notices == [
        'page.txt:1-2: left out as page furniture: "{{story.status === "published" ? "Publi…", '
        '"{{story.author.name}} - {{story.updated…"'
    ]


def test_labels_with_a_qualifier_in_brackets_are_neither_the_article_nor_evidence_for_a_headline():
    # A tool's long list of choices above its explanation: "Hob (one ring)" is a label, not a sentence of the article
    kinds = ["electric", "gas", "small", "large", "one ring", "heat pump", "3-bed house"]
    things = ["Kettle", "Oven", "Hob", "Fridge", "Heater", "Fan", "Dryer", "Shower", "Lamp", "Fryer"] * 3
    choices = []
    for n, thing in enumerate(things):
        choices += [f"{thing} ({kinds[n % len(kinds)]})", *([f"{thing} {n}"] if n % 3 == 0 else [])]
        choices += ["hours", "minutes"] if n % 4 == 0 else []
    explanation = [
        "This tool compares how much energy an electric or gas appliance uses in a day, from a small fan to a large "
        "heat pump.",
        "A gas hob and an electric hob with one ring use about the same energy; a heat pump uses far less than a "
        "heater.",
    ]
    heading = ["How much energy does that use?", "Compare your appliances"]
    page = "\n".join([*heading, *choices, "Methodology", *explanation])
    lead = read(page)[0].stories[0]
    assert body_of(lead) == explanation
    assert lead.headline not in choices or lead.headline_unsure


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
    ("content", "message"),
    [
        (b"", "is empty"),
        # a picture named .txt: plainly no text, not text in another encoding to save as UTF-8
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\xff\xfe",
         "is not text: it holds NUL bytes, as a binary file does (a picture, a PDF, a .docx), or text saved as UTF-16 "
         "without a BOM; save it as UTF-8 text\n"),
        (b"Council passes the budget \xe9t\xe9\n", "is not UTF-8: byte 0xe9 at byte offset 26; save the file as UTF-8"),
    ],
)  # fmt: skip
def test_empty_and_binary_pages_are_one_clear_line(cli, workdir, content, message):
    (workdir / "page.txt").write_bytes(content)
    result = cli("build", "page.txt", "--out", "out")
    assert result.exit_code == 1
    assert result.output.startswith(f"error: page.txt: {message}") or result.output.startswith(
        f"error: page.txt:1: {message}"
    ), result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (workdir / "out").exists()


# --- the page shapes of issue 21: the right headline, the whole article and nothing else, or a clear flag ------

THIRD = (
    "Economists say the squeeze reflects the fall in oil and gas revenue since the start of the year, as discounts "
    "on Russian crude have widened and the rouble has strengthened against the dollar."
)
ARTICLE = f"{PARAGRAPH}\n{SECOND}\n{THIRD}\n"
HEADLINE = "Russia's Regions Brace for a Lean Budget Year"


def body_of(story) -> list[str]:
    return [block.text for block in story.body]


def test_a_share_counter_and_a_navigation_line_above_the_headline_are_not_it():
    page = (
        "IOL News | IOL Sport | IOL Business | IOL Lifestyle\nWorld\n0 Shares\nGo to Google News\n"
        "{{article.magazine.pretty_date}}\nImage 10 of 15\n"
        f"{HEADLINE}\nBy Anna Petrova\nNov. 20, 2026\n{ARTICLE}"
    )
    result, notices = read(page)
    lead = result.stories[0]
    assert (lead.headline, lead.byline) == (HEADLINE, "Anna Petrova")
    assert body_of(lead) == [PARAGRAPH, SECOND, THIRD]
    assert not any("the headline is a guess" in notice for notice in notices)


def test_a_caption_with_its_credit_between_headline_and_body_is_the_photo_s():
    caption = "A view of the Kremlin in Moscow, Russia, November 18, 2026."
    result, _ = read(f"Politics\n{HEADLINE}\n{caption}\nREUTERS/Maxim Shemetov\n{ARTICLE}")
    lead = result.stories[0]
    assert (lead.headline, lead.caption, lead.credit) == (HEADLINE, caption, "REUTERS/Maxim Shemetov")
    assert body_of(lead) == [PARAGRAPH, SECOND, THIRD]


def test_a_credit_beside_a_paragraph_does_not_make_the_paragraph_a_caption():
    long_paragraph = f"{PARAGRAPH} {SECOND}"  # over 45 words: a paragraph, not a caption
    result, _ = read(f"{HEADLINE}\n{long_paragraph}\nREUTERS/Maxim Shemetov\n{THIRD}\n")
    assert body_of(result.stories[0]) == [long_paragraph, THIRD]


def test_a_comment_thread_twice_as_long_as_the_article_is_not_taken_for_it():
    comment = (
        "I have lived in the Kurgan region all my life and I can tell you that the roads were already falling apart "
        "long before anyone in Moscow started talking about budgets, so none of this surprises me at all."
    )
    thread = "".join(f"reader{n}\n{n} hours ago\n{comment} ({n})\nReply\n" for n in range(1, 5))
    result, notices = read(f"Home\nNews\n{HEADLINE}\nBy Anna Petrova\n{ARTICLE}Comments (4)\n{thread}")
    lead = result.stories[0]
    assert lead.headline == HEADLINE
    assert body_of(lead) == [PARAGRAPH, SECOND, THIRD]
    left_out = "\n".join(notices)
    assert "Comments (4)" in left_out and "reader1" in left_out  # named, not silently dropped


def test_a_most_popular_block_of_other_articles_openings_is_left_out():
    opening = (
        "The central bank kept its key rate unchanged on Friday for the third meeting in a row, saying that "
        "inflation had slowed but remained well above its target for most of the country's regions."
    )
    block = "".join(f"Central Bank Holds Rates for the {n}th Time\n{opening} ({n})\n" for n in range(3, 8))
    result, notices = read(f"{HEADLINE}\nBy Anna Petrova\n{ARTICLE}Most popular\n{block}Privacy Policy\n")
    lead = result.stories[0]
    assert lead.headline == HEADLINE
    assert body_of(lead) == [PARAGRAPH, SECOND, THIRD]
    assert not any("Central Bank Holds" in text for text in body_of(lead))


def test_an_article_in_japanese_is_read_by_its_characters():
    sentences = [
        "市議会は火曜日、点検で二本の橋脚にひびが見つかったことを受けて、古い橋を修理のため閉鎖することを決めた。",
        "この決定により、数千人の通勤者が来年の大半にわたって遠回りを強いられることになる。",
        "技術者によると、ひびはすぐに危険なものではないが、冬の凍結と塩によって毎年広がるという。",
    ]
    result, _ = read("ホーム\nニュース\n古い橋、修理のため閉鎖へ\n2026年11月20日\n" + "\n".join(sentences) + "\n")
    lead = result.stories[0]
    assert lead.headline == "古い橋、修理のため閉鎖へ"
    assert body_of(lead) == sentences


def test_an_unsure_headline_is_kept_and_flagged_with_its_file_and_line():
    # Two title-like lines, neither sharing words with the article: the nearer is kept, with a warning
    result, notices = read(f"Weekend Edition\nA Note From the Desk\n{ARTICLE}")
    assert result.stories[0].headline == "A Note From the Desk"
    assert notices[0] == (
        "page.txt:2: the headline is a guess: line 2 was the likeliest of 2 lines that could be, but it shares few "
        "words with the article's opening (A Note From the Desk)"
    )
    assert result.stories[0].headline_unsure and not result.stories[0].headline_derived  # it still shows


def test_the_page_s_copyright_line_ends_the_article_and_the_teasers_after_it_stay_out():
    teaser = (
        "Some people thought the stripy cattle in a Japanese pasture were a practical joke, but the farmers say the "
        "paint keeps the flies away and the herd calmer through the long summer months."
    )
    after = "".join(f"Why Farmers Paint Their Cows, Part {n}\n{teaser}\n{n}H ago\n" for n in range(1, 6))
    page = f"{HEADLINE}\nBy Anna Petrova\n{ARTICLE}© 2026 Example News Inc. All Rights Reserved.\nWorld\n{after}"
    result, _ = read(page)
    assert body_of(result.stories[0]) == [PARAGRAPH, SECOND, THIRD]


def test_a_caption_ending_in_its_credit_in_brackets_is_not_a_paragraph():
    caption = "Protesters march through the rain in the city centre on Sunday (Image: GETTY)"
    result, notices = read(f"{HEADLINE}\n{PARAGRAPH}\n{caption}\n{SECOND}\n{THIRD}\n")
    assert body_of(result.stories[0]) == [PARAGRAPH, SECOND, THIRD]


def test_a_well_placed_headline_that_shares_few_words_with_the_article_is_flagged():
    # Right under the menu and over the byline, but only two of its six words are the article's: kept, flagged
    headline = "Russia's Finance Chiefs Brace for a Hard Winter"
    result, notices = read(f"World\n{headline}\nBy Anna Petrova\n{ARTICLE}")
    assert result.stories[0].headline == headline
    assert any(notice.startswith("page.txt:2: the headline is a guess: line 2") for notice in notices)


def test_on_the_brand_s_own_page_the_related_titles_are_the_items_headlines(cli, workdir):
    (workdir / "newsletter.toml").write_text('[brand]\nname = "The Moscow Times"\n')
    result = cli("build", str(MOSCOW), "--out", "out", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    built = json.loads((workdir / "out" / "issue.json").read_text())
    items = [story for section in built["sections"] for story in section["stories"]]
    assert [item["headline"] for item in items] == [title.replace("'", "’") for title in MOSCOW_LIST]  # typography
    assert not any(item.get("headline_derived") for item in items)


# --- the headline among the lines a page puts around it (issue 21): chosen by evidence, or flagged -------------

GUESS = "the headline is a guess"
STANDFIRST = "Governors have been told to plan for smaller transfers from Moscow as oil revenue falls."


def headline_of(page: str) -> tuple[str, bool, list[str]]:
    """(the headline chosen, whether it is flagged as a guess, the notices)."""
    result, notices = read(page)
    lead = result.stories[0]
    flagged = any(GUESS in notice for notice in notices)
    assert lead.headline_unsure == flagged  # the story carries the flag the warning gives
    return lead.headline, flagged, notices


def test_a_share_line_and_a_glued_navigation_run_above_the_headline_are_not_it():
    menu = "Latest News Politics Economy World Business Technology Culture Opinion Sport Video"
    page = f"{menu}\nSharing options\n14 Shares\n{HEADLINE}\nBy Anna Petrova\nNov. 20, 2026\n{ARTICLE}"
    assert headline_of(page)[:2] == (HEADLINE, False)


def test_a_section_label_above_the_headline_is_not_it():
    for label in ("Well-Being", "Breaking News", "WORLD", "Europe"):
        assert headline_of(f"Home\n{label}\n{HEADLINE}\n{ARTICLE}")[:2] == (HEADLINE, False), label


def test_a_section_label_alone_above_the_article_is_flagged():
    headline, flagged, notices = headline_of(f"Home\nBreaking News\n{ARTICLE}")
    assert (headline, flagged) == ("Breaking News", True)
    assert any(notice.startswith(f"page.txt:2: {GUESS}: line 2 ") for notice in notices)


@pytest.mark.parametrize("reading", ["5 min read", "Tempo de leitura: 2 minutos", "Lesezeit: 3 Minuten",
                                     "Reading time: 4 mins", "Temps de lecture : 6 min", "7-minute read"])  # fmt: skip
def test_a_reading_time_is_never_the_headline(reading):
    assert headline_of(f"World\n{HEADLINE}\n{reading}\n{ARTICLE}")[:2] == (HEADLINE, False)
    headline, flagged, _ = headline_of(f"World\n{reading}\n{ARTICLE}")
    assert headline != reading and flagged


@pytest.mark.parametrize("credit", ["Alex Doe | Getty Images", "Jane Roe/Reuters", "Photo: Sam Poe"])
def test_a_photo_credit_between_headline_and_body_is_the_credit_not_the_headline(credit):
    result, notices = read(f"Politics\n{HEADLINE}\n{credit}\n{ARTICLE}")
    lead = result.stories[0]
    assert (lead.headline, lead.credit) == (HEADLINE, credit)
    assert body_of(lead) == [PARAGRAPH, SECOND, THIRD]


def test_a_headline_over_a_photo_credit_is_still_the_headline():
    headline = "Regions brace for a lean budget year as oil revenue falls"  # sentence case, as a caption is
    result, notices = read(f"Politics\n{headline}\nAlex Doe | Getty Images\n{ARTICLE}")
    assert (result.stories[0].headline, result.stories[0].credit) == (headline, "Alex Doe | Getty Images")
    # ...but a line over a credit may be its caption: with no byline or date under it, it is flagged
    assert any("but it reads like a photo's caption (over a credit, or with a date)" in notice for notice in notices)
    result, notices = read(f"Politics\n{headline}\nAlex Doe | Getty Images\nBy Anna Petrova\n{ARTICLE}")
    assert result.stories[0].headline == headline and not result.stories[0].headline_unsure


def test_a_title_right_under_a_related_heading_is_flagged_even_inside_the_article():
    other = "Russia's Regions Face Deeper Budget Cuts Next Year"  # shares the article's words, but under "Related"
    headline, flagged, _ = headline_of(f"Related\n{other}\n{ARTICLE}")
    assert (headline, flagged) == (other, True)


def test_the_site_s_name_above_the_headline_is_not_it():
    page = f"The Northern Courier\nNews\nOpinion\n{HEADLINE}\nBy Anna Petrova\n{ARTICLE}"
    assert headline_of(page)[:2] == (HEADLINE, False)


def test_a_standfirst_under_the_headline_is_its_teaser_not_its_headline():
    # The standfirst shares more of the article's words than the headline, and is nearer: still not the headline
    result, notices = read(f"World\n{HEADLINE}\n{STANDFIRST}\nBy Anna Petrova\n{ARTICLE}")
    lead = result.stories[0]
    assert lead.headline == HEADLINE
    assert STANDFIRST in (lead.teaser, body_of(lead)[0])
    assert not any(GUESS in notice for notice in notices)


def test_the_site_s_promo_under_the_byline_is_no_standfirst_nor_is_what_stands_under_it():
    promo = "Chat with us in Facebook Messenger. Find out what's happening in the world as it unfolds."
    header = f"World\n{HEADLINE}\nBy Anna Petrova\nUpdated 9:55 AM ET, Tue November 29, 2016\n{promo}"
    titles = [
        "Protecting the capital will cost millions",
        "A governor backtracks on his promises",
        "Can the Urals rebuild its roads?",
        "Watch the election night in two minutes",
        "The body language of the summit",
    ]
    videos = "\n".join(["JUST WATCHED", "Replay", "More Videos ...", "MUST WATCH", "(5 Videos)", *titles])
    for page in (f"{header}\n{ARTICLE}", f"{header}\n{videos}\n{ARTICLE}"):
        result, notices = read(page)
        lead = result.stories[0]
        assert lead.headline == HEADLINE
        assert lead.teaser == ""  # neither the promo nor a video's title under it
        assert body_of(lead)[0] == PARAGRAPH
        assert any("left out as page furniture" in notice and "Chat with us in Facebook Messenger" in notice
                   for notice in notices)  # fmt: skip


@pytest.mark.parametrize(
    "slot",
    [
        "Article continues after sponsorship",
        "Story Continued Below",
        "Story continues below advertisement",
        "Report This Ad",
        "Advert",  # as British sites label one
    ],
)
def test_the_line_marking_an_advertisement_s_place_in_the_article_is_left_out_and_named(slot):
    result, notices = read(f"World\n{HEADLINE}\nBy Anna Petrova\n{PARAGRAPH}\n{slot}\n{SECOND}\n{THIRD}\n")
    assert body_of(result.stories[0]) == [PARAGRAPH, SECOND, THIRD]
    assert any("left out as page furniture" in notice and slot in notice for notice in notices)


def test_a_wire_s_next_stories_in_its_section_end_the_article():
    others = (
        "Next In Business News\nWall St. slides after Fed raises rates; energy weighs\n"
        "NEW YORK U.S. stocks fell the most in two months on Wednesday after the Federal Reserve raised rates.\n"
        "U.S. IPOs set to rebound after dismal 2016\n"
        "The U.S. IPO market is expected to bounce back next year after a forgettable 2016, fueled by a sunnier "
        "outlook.\n"
    )
    result, _ = read(f"World\n{HEADLINE}\nBy Anna Petrova\n{ARTICLE}{others}")
    assert body_of(result.stories[0]) == [PARAGRAPH, SECOND, THIRD]


def test_a_related_box_s_headline_above_the_article_s_own_is_not_it():
    other = "Kremlin Names a New Central Bank Deputy"
    page = f"Related\n{other}\nWheat Exports Hit a Record High\nWorld\n{HEADLINE}\nBy Anna Petrova\n{ARTICLE}"
    headline, flagged, notices = headline_of(page)
    # Flagged all the same: the box may run on into it (only its byline sets it apart from the box's titles)
    assert (headline, flagged) == (HEADLINE, True)
    assert "little else marks it as the headline" in notices[0]
    assert headline_of(f"World\n{HEADLINE}\nBy Anna Petrova\n{ARTICLE}")[:2] == (HEADLINE, False)  # with no box


def test_a_related_title_nearer_than_the_headline_is_not_it():
    # The page's own headline, then a "Read more" box of another story between it and the article
    page = f"{HEADLINE}\nBy Anna Petrova\nRead more\nKremlin Names a New Central Bank Deputy\n{ARTICLE}"
    assert headline_of(page)[:2] == (HEADLINE, False)


def test_a_promo_above_the_headline_is_not_it():
    page = f"Download our free e-book on Russia's regions\nGet the Morning Briefing newsletter\n{HEADLINE}\n{ARTICLE}"
    assert headline_of(page)[:2] == (HEADLINE, False)


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
def test_a_page_saved_as_utf_16_with_its_byte_order_mark_is_read(cli, workdir, bom):
    """Windows Notepad's "Unicode" is UTF-16, opened by a byte order mark, as a browser reads it by that mark: it had
    been refused as 'is not UTF-8: byte 0xff at byte offset 0; save the file as UTF-8'."""
    page = f"{HEADLINE}\nBy Zoë Petrova, Москва\n{ARTICLE}"
    (workdir / "page.txt").write_bytes(bom + page.encode("utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"))
    imported = cli("import", "page.txt", "--to", "issue")
    assert imported.exit_code == 0, imported.output
    story = (workdir / "issue" / "01-russia-s-regions-brace-for-a-lean-budget.md").read_text()
    assert f"headline: {HEADLINE}\n" in story
    assert "byline: Zoë Petrova, Москва\n" in story
    assert f"\n{SECOND}\n" in story


def test_a_title_that_shares_no_words_with_the_article_loses_to_one_that_does_and_is_flagged_alone():
    page = f"{HEADLINE}\nA Note From the Editors\n{ARTICLE}"  # the nearer line shares none of the article's words
    assert headline_of(page)[:2] == (HEADLINE, False)
    headline, flagged, _ = headline_of(f"Weekend Edition\nA Note From the Editors\n{ARTICLE}")
    assert (headline, flagged) == ("A Note From the Editors", True)


def test_check_shows_an_unsure_headline_with_its_file_line_and_text(cli, workdir):
    (workdir / "newsletter.toml").write_text('[brand]\nname = "The Ballot Brief"\n')
    (workdir / "page.txt").write_text(f"Weekend Edition\nA Note From the Editors\n{ARTICLE}", encoding="utf-8")
    assert cli("build", "page.txt", "--out", "out", "--date", "2026-11-24").exit_code == 0
    lead = json.loads((workdir / "out" / "issue.json").read_text())["lead"]
    assert (lead["headline"], lead["headline_unsure"], lead.get("headline_derived")) == (
        "A Note From the Editors", True, None)  # fmt: skip
    result = cli("check", "out")
    assert result.exit_code == 0, result.output
    assert (
        "warning: page.txt:2: the headline is a guess: line 2 was the likeliest of 2 lines that could be, but it "
        "shares few words with the article's opening; check it, or take one of the next likeliest: line 1 "
        '"Weekend Edition"; or write the headline in the story (A Note From the Editors)'
    ) in result.output.splitlines()


def test_the_preview_shows_an_unsure_headline_under_its_story_with_file_and_line(page, serve, tmp_path):
    source = tmp_path / "issue"
    source.mkdir()
    (source / "page.txt").write_text(f"Weekend Edition\nA Note From the Editors\n{ARTICLE}", encoding="utf-8")
    preview = serve(source)
    page.goto(preview.url)
    group = page.locator(".finding-group").filter(
        has=page.locator(".finding-story", has_text="A Note From the Editors")
    )
    finding = group.locator(".finding").filter(has_text="the headline is a guess")
    finding.wait_for(timeout=10_000)
    assert finding.count() == 1
    assert "but it shares few words with the article's opening" in finding.text_content()
    assert f"{source / 'page.txt'}:2" in finding.text_content()
    # The line the reader weighed next is a button: clicked, it becomes the page's headline (front matter is put on
    # the page for it), the status line says so, and the rebuilt preview warns no more
    assert finding.locator(".headline-take").all_text_contents() == ["Weekend Edition"]
    assert finding.locator(".headline-keep").all_text_contents() == ["Keep “A Note From the Editors”"]
    finding.locator(".headline-take").click()
    page.wait_for_function("() => document.querySelector('#status').textContent.includes('is now headed')")
    assert page.text_content("#status") == "page.txt is now headed “Weekend Edition”."
    assert (source / "page.txt").read_text("utf-8") == f"---\nheadline: Weekend Edition\n---\nWeekend Edition\n" \
        f"A Note From the Editors\n{ARTICLE}"  # fmt: skip
    page.locator(".finding-story", has_text="Weekend Edition").wait_for(timeout=10_000)
    assert page.locator(".finding").filter(has_text="the headline is a guess").count() == 0


LAYOUTS = {  # the lines common site templates put around a headline (written for these tests, no real page)
    "notice and standfirst": f"Russia\nThis article is more than 1 year old\n{HEADLINE}\n{STANDFIRST}\nAnna Petrova "
    "in Moscow\nWed 20 Nov 2026 12.00 GMT\nShare\n",
    "kicker and reading time": f"Ausland\nBudget\n{HEADLINE}\n{STANDFIRST}\nEin Artikel von Anna Petrova\n"
    "20.11.2026, 12.00 Uhr\n•\n3 Min. Lesezeit\n",
    "reading time and credit": f"Politics\n{HEADLINE}\nBy Anna Petrova, CNN\n 4 minute read\nUpdated 5:12 PM EST, "
    "Fri November 20, 2026\nLink Copied!\nA road crew works on a highway outside Moscow.\nAlex Doe/Getty Images\n",
    "menus, share and save": f"Skip to content\nHome\nNews\nSport\nNews\nEurope\n{HEADLINE}\n20 November 2026\n"
    "Share\nSave\nAnna Petrova\nBBC News, Moscow\nGetty Images\n",
    "author, follow and claps": f"{HEADLINE}\nAnna Petrova\nFollow\n5 min read\n·\nNov 20, 2026\n--\n12\nListen\n"
    "Share\n",
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_common_site_layouts_give_the_headline_unflagged(layout):
    assert headline_of(LAYOUTS[layout] + ARTICLE)[:2] == (HEADLINE, False)


def test_a_standfirst_chosen_over_a_headline_that_shares_no_words_is_flagged():
    # A play on words over its standfirst (no full stop): the standfirst holds the article's words and is chosen,
    # but the editor is told which line above may be the headline
    dek = "Regional governments brace for budget cuts as oil revenue falls and road projects stall"
    headline, flagged, notices = headline_of(f"Opinion\nThe Long Winter Ahead\n{dek}\nBy Anna Petrova\n{ARTICLE}")
    assert (headline, flagged) == (dek, True)
    assert notices[0].startswith(
        'page.txt:3: the headline is a guess: line 3 was the likeliest of 3 lines that could be, but line 2 ("The '
        'Long Winter Ahead") just above it may be the headline and it the standfirst'
    )


def test_a_caption_above_the_article_is_flagged_and_never_beats_the_headline():
    caption = "Road crews repair a highway outside the regional capital, November 18, 2026"
    assert headline_of(f"World\n{HEADLINE}\nBy Anna Petrova\n{caption}\n{ARTICLE}")[:2] == (HEADLINE, False)
    headline, flagged, notices = headline_of(f"{caption}\n{ARTICLE}")  # no headline pasted: the caption, flagged
    assert (headline, flagged) == (caption, True)


def test_two_versions_of_the_headline_are_not_rivals():
    page = f"News\nEurope\n{HEADLINE} – The Northern Courier\n{HEADLINE}\nBy Anna Petrova\n{ARTICLE}"
    assert headline_of(page)[:2] == (HEADLINE, False)


@pytest.mark.parametrize(
    "headline",
    ["Home Sales Fall for a Third Month as Mortgage Rates Climb", "Watch Makers Raise Prices as Home Sales Slow",
     "7 of 10 Buyers Expect Mortgage Rates to Climb", "Mortgage Rates Climb on November 20, 2026 as Sales Fall",
     "2 Ministers Quit Over Home Sales"],
)  # fmt: skip
def test_a_headline_holding_a_menu_word_a_counter_or_a_date_is_still_the_headline(headline):
    article = (
        "Home sales fell for a third month in November as mortgage rates climbed again, according to figures "
        "published on Friday, and seven of ten buyers told surveyors they expect rates to climb further.\n"
        "Watch makers and other sellers of luxury goods say they have raised prices as sales slow.\n"
    )
    assert headline_of(f"Home\nMarkets\n{headline}\nBy Anna Petrova\n{article}")[:2] == (headline, False)


def test_the_site_s_name_from_its_copyright_line_is_never_a_sure_headline():
    footer = "© 2026 Northern Courier. All rights reserved.\n"
    assert headline_of(f"Northern Courier\n{HEADLINE}\n{ARTICLE}{footer}")[:2] == (HEADLINE, False)
    headline, flagged, notices = headline_of(f"Northern Courier\n{ARTICLE}{footer}")
    assert (headline, flagged) == ("Northern Courier", True)
    assert "but it is the site's own name (its copyright line, or the page's foot, says so)" in notices[0]


def test_a_breadcrumb_is_never_the_headline():
    crumbs = "News > Europe > Russia"
    assert headline_of(f"Home\n{crumbs}\n{HEADLINE}\nBy Anna Petrova\n{ARTICLE}")[:2] == (HEADLINE, False)
    result, notices = read(f"Home\n{crumbs}\nBy Anna Petrova\n{ARTICLE}")  # no headline pasted: none is made up
    assert result.stories[0].headline != crumbs
    assert any("no headline found above the article" in notice for notice in notices)


PROMO_BOX = (
    "Evening Briefing\nGet the evening briefing and special alerts. The day's stories that count, delivered each "
    "evening.\nSubscribe now\n20 November 2026 18:28 CET\nBy Anna Petrova\n"
)


def test_a_promo_s_blurb_does_not_lend_its_title_the_article_s_place():
    # A newsletter promo between the headline and the byline: its title shares every word with its own blurb
    assert headline_of(f"World\n{HEADLINE}\n{PROMO_BOX}{ARTICLE}")[:2] == (HEADLINE, False)
    headline, flagged, notices = headline_of(f"World\n{PROMO_BOX}{ARTICLE}")  # the headline was not pasted
    assert (headline, flagged) == ("Evening Briefing", True)  # the promo's title, flagged (a label comes close)
    assert "page.txt:2: the headline is a guess: line 2" in notices[0]


def test_a_line_led_by_a_date_in_figures_is_the_dateline_not_the_headline():
    dateline = "21/11/2026 Anna Petrova Politics, Regions, Budget Cuts, Russia News"  # date, author, categories
    assert headline_of(f"{HEADLINE}\n{dateline}\n{ARTICLE}")[:2] == (HEADLINE, False)
    result, notices = read(f"Home\n{dateline}\n{ARTICLE}")
    assert result.stories[0].headline != dateline
    assert any("no headline found above the article" in notice for notice in notices)


def test_a_menu_run_holding_the_article_s_words_is_flagged_as_a_menu():
    menu = "Latest News Regions Budget Economy Politics Oil Finance"  # a tag bar glued into one line
    headline, flagged, notices = headline_of(f"{menu}\nBy Anna Petrova\nNov. 20, 2026\n{ARTICLE}")
    assert (headline, flagged) == (menu, True)
    assert "but it reads like a menu (capitalised words with none of a sentence's small words)" in notices[0]


def test_a_subhead_after_the_first_paragraph_is_flagged_when_no_headline_was_pasted():
    subhead = "Where the Budget Cuts Fall"
    page = f"World\nBy Anna Petrova\nNov. 20, 2026\n{PARAGRAPH}\n{subhead}\n{SECOND}\n{THIRD}\n"
    headline, flagged, notices = headline_of(page)
    assert (headline, flagged) == (subhead, True)
    assert "but it follows a paragraph, as a subhead or a caption does" in notices[0]
    assert headline_of(f"World\n{HEADLINE}\nBy Anna Petrova\n{PARAGRAPH}\n{subhead}\n{SECOND}\n{THIRD}\n")[:2] == (
        HEADLINE, False)  # fmt: skip


def test_a_title_under_the_headline_s_byline_and_date_is_no_rival():
    # A video's or a box's title under the article's header, sharing its words: inside the article, not a headline
    video = "Russian Regions Brace for Budget Cuts"
    page = f"World\n{HEADLINE}\nBy Anna Petrova\nNov. 20, 2026\n{video}\n{ARTICLE}"
    assert headline_of(page)[:2] == (HEADLINE, False)
    # ...but above the header it may be the headline: both are dated, so the editor is asked
    headline, flagged, _ = headline_of(f"World\n{video}\nNov. 19, 2026\n{HEADLINE}\nNov. 20, 2026\n{ARTICLE}")
    assert flagged


SHORT_DEK = "Smaller transfers from Moscow mean frozen wages and fewer new roads."


def test_a_short_standfirst_over_the_byline_is_the_teaser_not_the_article_s_first_paragraph():
    result, notices = read(f"World\n{HEADLINE}\n{SHORT_DEK}\nBy Anna Petrova\nNov. 20, 2026\n{ARTICLE}")
    lead = result.stories[0]
    assert (lead.headline, lead.teaser, lead.byline) == (HEADLINE, SHORT_DEK, "Anna Petrova")
    assert body_of(lead) == [PARAGRAPH, SECOND, THIRD]
    assert not any(SHORT_DEK[:30] in notice for notice in notices)  # kept, as the teaser: not "left out"


def test_a_pasted_lead_s_standfirst_is_shown_above_its_body_in_every_output(cli, workdir):
    """The reader takes a standfirst out of the body as the story's teaser: the email, its plain text and the web
    page show it above the lead's body (review 6, D0: it was in issue.json alone)."""
    (workdir / "lead.txt").write_text(f"World\n{HEADLINE}\n{SHORT_DEK}\nBy Anna Petrova\nNov. 20, 2026\n{ARTICLE}")
    result = cli("build", "lead.txt", "--out", "out", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    for name in ("email.html", "email.txt", "web.html"):
        text = " ".join((workdir / "out" / name).read_text(encoding="utf-8").split())
        assert text.count(SHORT_DEK.replace("'", "&#39;") if name != "email.txt" else SHORT_DEK) == 1, name
        assert text.index(SHORT_DEK[:30]) < text.rindex("Regional governments across Russia"), name  # not the preheader


def test_a_short_first_paragraph_under_the_byline_stays_the_article_s():
    result, _ = read(f"World\n{HEADLINE}\nBy Anna Petrova\nNov. 20, 2026\n{SHORT_DEK}\n{ARTICLE}")
    lead = result.stories[0]
    assert (lead.teaser, body_of(lead)) == ("", [SHORT_DEK, PARAGRAPH, SECOND, THIRD])


def test_a_label_ending_in_a_colon_is_not_the_standfirst():
    result, notices = read(f"World\n{HEADLINE}\nFiled to:\nBy Anna Petrova\n{ARTICLE}")
    assert result.stories[0].teaser == ""
    assert any('"Filed to:"' in notice for notice in notices)  # left out, and named


def test_a_news_ticker_at_the_page_s_top_and_bottom_is_not_the_article_even_when_longer():
    # Other stories' headlines and openings glued into one line by the paste, shown twice: longer than the article
    ticker = " ".join(
        f"{title} MOSCOW: {PARAGRAPH}"
        for title in ("Central bank holds rates again", "Wheat exports hit a record", "Metro expansion slows")
    )
    page = f"Home\nBreaking News\n{ticker}\n{HEADLINE}\nNov. 20, 2026\n0 Comments\n{ARTICLE}Breaking News\n{ticker}\n"
    headline, flagged, notices = headline_of(page)
    assert (headline, flagged) == (HEADLINE, False)  # a headline under the ticker is no subhead
    assert body_of(read(page)[0].stories[0]) == [PARAGRAPH, SECOND, THIRD]
    shown = f'"Breaking News", "{ticker[:39]}…"'
    assert f'page.txt:1-3: left out as page furniture: "Home", {shown}' in notices  # both copies named
    assert f"page.txt:10-11: left out as page furniture: {shown}" in notices


FOURTH = (
    "Regional governors have asked the Finance Ministry to delay the cuts until the spring, when oil revenue may "
    "recover, but officials in Moscow say the budget for next year is already fixed."
)
FIFTH = (
    "Several regions have already frozen hiring, and some have warned that school and hospital budgets could be "
    "next if the transfers from Moscow shrink again in the second half of the year."
)
BOX = "Don't miss\nKremlin Names New Central Bank Deputy [INSIGHT]\nWheat Exports Hit a Record [VIDEO]\n"


def test_the_article_goes_on_under_a_box_of_other_stories_inside_it():
    result, notices = read(f"{HEADLINE}\nBy Anna Petrova\n{ARTICLE}{BOX}{FOURTH}\n{FIFTH}\nMost read\nA\nB\n")
    assert body_of(result.stories[0]) == [PARAGRAPH, SECOND, THIRD, FOURTH, FIFTH]
    assert notices[0].startswith('page.txt:6-8: left out as page furniture: "Don\'t miss", "Kremlin Names New')


def thread(button: str, *posts: tuple[str, str]) -> str:
    """Readers' comments as a page lists them: each writer's name, the comment, its button."""
    return "".join(f"{name}\n{comment}\n{button}\n" for name, comment in posts)


def test_the_article_goes_on_under_a_box_headed_twice_and_stops_at_comments_counted_in_thousands():
    """A box headed "Read More" over "Related Articles" is one box, and the article goes on under it; the readers'
    comments under the article, their heading counting them in thousands ("Comments (1,148)"), are not its text."""
    box = "Read More\nRelated Articles\nKremlin Names New Central Bank Deputy\nWheat Exports Hit a Record\n"
    comments = "Comments (1,148)\nSort by: Newest | Oldest\n" + thread(
        "Like Reply",
        ("Hill reader", "Cut the transfers and keep them cut. The regions have wasted this money for years."),
        ("Ivan K.", "My town has not had a new school in twenty years, and now they want to cut again?"),
        ("Olga", "The governors should stop asking Moscow and start collecting their own taxes properly."),
    )
    result, _ = read(f"{HEADLINE}\nBy Anna Petrova\n{ARTICLE}{box}{FOURTH}\n{FIFTH}\n{comments}")
    assert body_of(result.stories[0]) == [PARAGRAPH, SECOND, THIRD, FOURTH, FIFTH]


def test_another_story_s_text_under_a_box_after_the_article_is_not_its():
    other = (
        "The city's football club has signed a new striker from Brazil for a record fee, its chairman said on "
        "Saturday, adding that the player would join the squad after the winter break.\nFans had waited for "
        "months for a signing after the club lost three of its first five matches of the season at home."
    )
    result, _ = read(f"{HEADLINE}\nBy Anna Petrova\n{ARTICLE}{BOX}{other}\n")
    assert body_of(result.stories[0]) == [PARAGRAPH, SECOND, THIRD]


STORY_LINKS = ["SEE MORE: Kremlin Names New Central Bank Deputy", "READ MORE: Wheat exports hit a record",
               "Related: Moscow's metro expansion slows"]  # fmt: skip


@pytest.mark.parametrize("link", STORY_LINKS)
def test_a_link_to_another_story_inside_the_article_is_no_subhead(link):
    result, notices = read(f"{HEADLINE}\nBy Anna Petrova\n{PARAGRAPH}\n{link}\n{SECOND}\n{THIRD}\n")
    assert body_of(result.stories[0]) == [PARAGRAPH, SECOND, THIRD]
    assert f'page.txt:4: left out as page furniture: "{link[:39]}' in "\n".join(notices)


def test_a_long_published_and_updated_line_is_the_date_not_the_body():
    stamp = "PUBLISHED: 10:48, Fri, Nov 20, 2026 | UPDATED: 11:05, Fri, Nov 20, 2026"
    result, _ = read(f"{HEADLINE}\nBy Anna Petrova\n{stamp}\n{ARTICLE}")
    lead = result.stories[0]
    assert (lead.date.isoformat(), body_of(lead)) == ("2026-11-20", [PARAGRAPH, SECOND, THIRD])


@pytest.mark.parametrize(
    ("stamp", "date"),
    [
        ("December 3, 20252:14 PM GMTUpdated 41 mins ago", dt.date(2025, 12, 3)),  # Reuters'
        ("PUBLISHED WED, NOV 20 20264:29 AM ESTUPDATED WED, NOV 20 20267:40 AM EST", dt.date(2026, 11, 20)),  # CNBC's
        ("November 20, 20265:00 AM ET", dt.date(2026, 11, 20)),  # NPR's
    ],
)
def test_a_date_glued_to_its_time_is_the_date(stamp, date):
    """Sites that set the date and the time in two spans with no space between paste them glued ("20252:14 PM"):
    the date is still the story's, and the line no paragraph; a number glued on with no time is no date."""
    lead = read(f"{HEADLINE}\nBy Anna Petrova\n{stamp}\n{ARTICLE}")[0].stories[0]
    assert (lead.date, body_of(lead)) == (date, [PARAGRAPH, SECOND, THIRD])
    assert line_date("Nov 20 20264") is None


def test_share_counts_and_a_reading_time_between_headline_and_standfirst_change_nothing():
    buttons = "1.2K Shares\n5 min read\nListen to this article\n"
    dek = "Regional governments brace for budget cuts as oil revenue falls and road projects stall"  # no full stop
    for top, lower in ((HEADLINE, dek), ("The Long Winter Ahead", dek), (HEADLINE, STANDFIRST)):
        bare = headline_of(f"World\n{top}\n{lower}\nBy Anna Petrova\n{ARTICLE}")
        pressed = headline_of(f"World\n{top}\n{buttons}{lower}\nBy Anna Petrova\n{ARTICLE}")
        assert pressed[:2] == bare[:2], top  # the same line chosen, flagged alike
    assert headline_of(f"World\n{HEADLINE}\n{buttons}{dek}\nBy Anna Petrova\n{ARTICLE}")[0] == HEADLINE
    result, notices = read(f"World\n{HEADLINE}\n{buttons}{STANDFIRST}\nBy Anna Petrova\n{ARTICLE}")
    assert (result.stories[0].headline, result.stories[0].teaser) == (HEADLINE, STANDFIRST)
    assert 'page.txt:3-5: left out as page furniture: "1.2K Shares", "5 min read", "Listen to this article"' in notices


RETAIL = (
    "The country's largest home improvement retailer reported quarterly sales below analysts' forecasts on Tuesday, "
    "blaming a late spring and weaker demand for lumber and garden supplies across its stores.\n"
    "The retailer kept its forecast for the full year, saying that sales in its stores had picked up in the last "
    "weeks of the quarter as the weather turned warmer.\n"
)


def test_a_headline_about_a_company_s_shares_is_no_share_button():
    # Over the byline, a video's title between the header and the article: the headline is the one with "shares"
    headline = "Retailer's sales miss, shares plunge"
    video = "VIDEO 02:10\nChief executive proud of the retailer's store workers and their sales\n"
    page = f"Markets\n{headline}\nBy Anna Petrova\nNov. 20, 2026\n{video}{RETAIL}"
    assert headline_of(page)[:2] == (headline, False)
    assert headline_of(f"Markets\nSharing options\n{video}{RETAIL}")[0] != "Sharing options"


@pytest.mark.parametrize(
    "menu",
    ["Latest News Politics World Arts & Culture Editor's Picks U.S. Video",
     "News Sport Business Arts and Culture Travel Science Weather",
     "Mobile Security Cloud Storage iPhone Android Windows Linux Networking"],
)  # fmt: skip
def test_a_menu_run_with_and_apostrophes_or_a_lowercase_brand_is_flagged_as_a_menu(menu):
    headline, flagged, notices = headline_of(f"{menu}\nBy Anna Petrova\nNov. 20, 2026\n{ARTICLE}")
    assert headline != menu or flagged and "it reads like a menu" in notices[0]
    assert headline_of(f"{menu}\n{HEADLINE}\nBy Anna Petrova\n{ARTICLE}")[:2] == (HEADLINE, False)


def test_a_headline_without_small_words_is_no_menu_when_the_article_holds_its_words():
    headline = "Regional Governments Freeze Wages Budget Transfers Shrink"  # no small word, as press releases write
    assert headline_of(f"World\n{headline}\nBy Anna Petrova\n{ARTICLE}")[:2] == (headline, False)


BORDER = (  # about the headline's subject in other words, as a lede is: it holds 3 of its 7 words
    "President Biden's proposal to hire more asylum officers and immigration judges at the border goes before a "
    "Senate committee this week, and its fate rests with a handful of moderates.",
    "Republicans on the committee say the proposal spends too much; two Democrats have not said how they will vote.",
    "Officials say the money is needed before the spring, when crossings usually rise.",
)


def test_a_title_case_headline_over_its_byline_and_date_is_no_menu():
    # US outlets write headlines in Title Case without small words; a menu run never has a byline or date under it
    headline = "Biden's Border Plan Faces Senate Test Tuesday"
    page = "\n".join(["Home", "Politics", headline, "By Jane Doe", "November 19, 2026", *BORDER])
    assert headline_of(page)[:2] == (headline, False)
    # ...while a menu run over the site's date bar (no byline) is still one, when the headline is left out
    menu = "Regions Budget Wages Kremlin Energy Defence Sanctions"
    headline, flagged, notices = headline_of(f"{menu}\nThursday, November 19, 2026\n{ARTICLE}")
    assert headline != menu or flagged and "it reads like a menu" in notices[0]


def test_a_title_above_the_headline_s_own_header_is_flagged_even_when_it_shares_more_words():
    # Another story's title on the same subject (a box with no heading) over the article's headline and byline:
    # it shares more of the article's words, but the headline with the header under it is chosen, and flagged (the
    # byline under the headline ranks it; it does not put the other title at a distance)
    other = "Regional governments across Russia prepare for cuts as Finance Ministry trims transfers"
    for header in ("By Anna Petrova\nNov. 20, 2026", "Nov. 20, 2026"):
        headline, flagged, notices = headline_of(f"World\n{other}\nPhoto\n{HEADLINE}\n{header}\n{ARTICLE}")
        assert (headline, flagged) == (HEADLINE, True)  # the article's own, flagged: the other title comes close
        assert 'line 2 ("Regional governments across Russia prep…") comes close' in notices[0]
    # ...while a longer standfirst between a headline and its byline is no such rival
    assert headline_of(f"World\n{HEADLINE}\n{STANDFIRST}\nBy Anna Petrova\n{ARTICLE}")[:2] == (HEADLINE, False)


# Shapes written for the flag's round of 3 December: what stands around a headline on pages unlike the ones above
LOWER = "Russia's regions brace for a lean budget year as Moscow trims transfers"  # a headline in sentence case


def test_buttons_between_the_headline_and_its_byline_leave_it_its_header():
    # A row of short buttons (no words a menu rule knows) under the headline: it keeps its byline, and no button is
    # taken for a title that has the byline under it
    for buttons in ("Save for later\nLarger text\nReport a typo", "Gift\nA+\nListen later", "Bookmark\nAudio\n"):
        page = f"World\n{HEADLINE}\n{buttons}\nBy Anna Petrova\nNov. 20, 2026\n{ARTICLE}"
        assert headline_of(page)[:2] == (HEADLINE, False), buttons


def test_a_title_under_the_article_s_header_is_flagged_when_chosen_over_the_headline_above_it():
    # An item of another story on the same subject between the header and the article (no "Related" heading): it is
    # nearer and shares more words; chosen or not, the editor must not get it unflagged
    item = "Regional governments prepare for cuts as the Finance Ministry trims transfers from Moscow"
    page = f"World\n{HEADLINE}\nBy Anna Petrova\nNov. 20, 2026\n{item}\nPhoto: Sam Poe\n{ARTICLE}"
    headline, flagged, notices = headline_of(page)
    assert headline == HEADLINE or flagged
    if headline == item:
        assert f'line 2 ("{HEADLINE[:39]}…")' in notices[0]  # it comes close, or has the byline under it
    # ...and when the two are far apart, the header above still flags it
    far = "Regional governments prepare for cuts as the Finance Ministry tells regions to expect smaller transfers"
    headline, flagged, notices = headline_of(page.replace(item, far).replace(HEADLINE, "Budget Year Ahead"))
    assert (headline, flagged) == (far, True)
    assert 'but line 2 ("Budget Year Ahead")' in notices[0]  # it comes close: the byline is under it


def test_a_title_in_a_list_of_dated_titles_is_flagged():
    # A section front's list (label, title, date; three times) right above the article, its own headline left out
    listing = (
        "ECONOMY\nWheat Exports Hit a Record High\nMay 2, 2026\nECONOMY\nRegional Governments Told to Expect Smaller "
        "Transfers From Moscow\nJun 5, 2026\nECONOMY\nMetro Expansion Slows in the Capital\nJul 9, 2026\n"
    )
    headline, flagged, notices = headline_of(f"Home\n{listing}{ARTICLE}")
    assert (headline, flagged) == ("Regional Governments Told to Expect Smaller Transfers From Moscow", True)
    assert "but it is one of a list of titles, as other stories' are listed" in notices[0]


@pytest.mark.parametrize("menu", ["Latest News Apps Phones Laptops Reviews How To Deals Podcasts Video",
                                  "Últimas Notícias Política Economia Mundo Esportes Cultura Tecnologia"])  # fmt: skip
def test_a_menu_run_with_a_how_to_or_in_another_language_is_flagged_even_holding_the_article_s_words(menu):
    article = (
        "Apps on older phones and laptops will stop getting updates next year, the company said, as it moves its "
        "reviews of security fixes to a new system. Política e economia, cultura e tecnologia: o mundo mudou.\n"
        "Owners of phones made before 2020 can keep using the apps without new features, and laptops of the same "
        "age face the same deals, according to the latest news from the company.\n"
    )
    headline, flagged, notices = headline_of(f"{menu}\nBy Anna Petrova\nNov. 20, 2026\n{article}")
    assert (headline, flagged) == (menu, True)
    assert "it reads like a menu" in notices[0]
    title = "Older Phones and Laptops Lose Their Updates Next Year"
    assert headline_of(f"{menu}\n{title}\nBy Anna Petrova\n{article}")[:2] == (title, False)


def test_other_stories_titles_or_a_menu_right_above_a_sentence_case_headline_do_not_flag_it():
    # Not "a title above it may be the headline and it the standfirst": a list of titles or a menu run is no headline
    box = "Wheat Exports Hit a Record as Talks Stall\nKremlin Names a New Central Bank Deputy\nMetro Expansion Slows\n"
    menu = "Sport Football Hockey Tennis Chess Motors Athletics\n"
    for above in (box, menu):
        assert headline_of(f"{above}{LOWER}\nBy Anna Petrova\n{ARTICLE}")[:2] == (LOWER, False), above


def test_a_related_box_between_the_header_and_the_article_leaves_the_headline_sure():
    # The header, the lead photo, then two boxes of other stories' titles before the first paragraph
    box = (
        "Related\nWheat Exports Hit a Record as Talks Stall\nKremlin Names a New Central Bank Deputy\n"
        "Metro Expansion Slows in the Capital\nMore on this story\nGovernors Meet in Kazan\nOil Output Holds Steady\n"
    )
    photo = "A road crew works on a highway outside the regional capital.\nPhoto: Sam Poe\n"
    page = f"World\n{HEADLINE}\nBy Anna Petrova\nNov. 20, 2026\n{photo}{box}{ARTICLE}"
    assert headline_of(page)[:2] == (HEADLINE, False)


def test_an_author_s_name_under_a_headline_below_other_titles_makes_no_list_of_them():
    # Other stories' titles above; under the headline its author without "By", then the date: one header, no list
    box = "Wheat Exports Hit a Record as Talks Stall\nKremlin Names a New Central Bank Deputy\n"
    page = f"{box}{LOWER}\nAnna Petrova Northern Courier\nNov. 20, 2026\n{ARTICLE}"
    assert headline_of(page)[:2] == (LOWER, False)


def test_a_line_under_another_story_s_header_is_flagged():
    # The headline replaced by another story's (pasted from the wrong tab), its date under it; the line the reader
    # takes instead stands under that date with none of its own
    other = "Wheat Exports Hit a Record as Talks Stall"
    page = f"World\n{other}\nNov. 20, 2026\nShare\nThe regional budget documents\n{ARTICLE}"
    headline, flagged, notices = headline_of(page)
    assert (headline, flagged) == ("The regional budget documents", True)
    assert f'but line 2 ("{other[:39]}…") above it has the byline or date under it' in notices[0]


@pytest.mark.parametrize("byline", ["Anna Petrova, Senior Correspondent", "Anna Petrova, AP Budget Writer",
                                    "Anna Petrova Staff Writer", "ANNA PETROVA, Nikkei staff writer"])  # fmt: skip
def test_a_byline_without_by_giving_the_writer_s_post_is_the_byline(byline):
    # With a button between it and the headline: the headline keeps its header, the post line is no rival
    result, notices = read(f"World\n{HEADLINE}\nGift link\n{byline}\nNov. 20, 2026\n{ARTICLE}")
    lead = result.stories[0]
    assert (lead.headline, lead.byline, lead.headline_unsure) == (HEADLINE, byline, False)


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("By Anna Petrova - 11/20/26 06:56 AM EST", None),  # (a date of figures and a two-digit year is not read)
        ("By Anna Petrova posted Nov 20th 2026 7:30PM", "2026-11-20"),  # (the day's ordinal "20th" read)
        ("Von Anna Petrova Veröffentlicht am 20. November 2026", "2026-11-20"),
        ("By Anna Petrova@apetrova Nov 20, 2026, 7:53pm EST", "2026-11-20"),
    ],
)
def test_a_byline_s_stamp_date_or_handle_glued_on_is_no_part_of_the_name(line, date):
    """A byline whose date follows a dash, a stamp ("posted", "Veröffentlicht am") or the writer's handle: the email
    showed "By Anna Petrova - 11/20/26 06:56 AM EST" as the writer's name."""
    result, _ = read(f"World\n{HEADLINE}\n{line}\n{ARTICLE}")
    lead = result.stories[0]
    assert (lead.byline, lead.date and lead.date.isoformat()) == ("Anna Petrova", date)


@pytest.mark.parametrize("dateline", ["2026年11月20日 9時00分", "2026年11月20日", "2026년 11월 20일 오전 9:00"])
def test_a_japanese_or_korean_dateline_is_the_story_s_date_and_a_dated_paragraph_stays_prose(dateline):
    sentences = [
        "2026年11月20日、市議会は点検で二本の橋脚にひびが見つかったことを受けて、古い橋を修理のため閉鎖することを決めた。",
        "この決定により、数千人の通勤者が来年の大半にわたって遠回りを強いられることになる。",
        "技術者によると、ひびはすぐに危険なものではないが、冬の凍結と塩によって毎年広がるという。",
    ]
    headline = "古い橋、修理のため閉鎖へ"
    result, notices = read(f"ホーム\nニュース\n{headline}\n{dateline}\nシェア\n" + "\n".join(sentences) + "\n")
    lead = result.stories[0]
    assert (lead.headline, lead.headline_unsure, lead.date.isoformat()) == (headline, False, "2026-11-20")
    assert body_of(lead) == sentences


# Shapes from review 4 (3 December): a short line between headline and standfirst; Title Case headlines that name
# two sections of a site ("Election", "Markets") over their own byline, or over a deck
OHIO = "Top Election Official Quits Amid Ballot Dispute"
OHIO_ARTICLE = (
    "The top election official in Ohio resigned on Tuesday amid a dispute over ballot counting in three counties, "
    "the secretary of state's office said, weeks before the local turnout figures are certified.\n"
    "Officials said the election board would name an interim chief this week. Local officials in the counties said "
    "the dispute over ballot counting had delayed the turnout report.\n"
    "The official did not respond to requests for comment, and the state party declined to discuss the dispute.\n"
)
TECH = "Tech Stocks Lead Markets Higher After Fed Decision"
TECH_ARTICLE = (
    "Shares of the largest tech companies rose on Wednesday and led markets higher after the Fed decision to hold "
    "rates steady, as investors bet that stocks could keep climbing into the new year.\n"
    "The Nasdaq gained 1.8 percent, its best day in a month, while the broader index rose 1.1 percent.\n"
    "Traders said the Fed decision removed a worry that had weighed on tech shares since the summer.\n"
)


@pytest.mark.parametrize("short", ["New, 15 comments", "Analysis", "Exclusive", "Anna Petrova", "Save article"])
def test_a_short_line_between_headline_and_standfirst_never_makes_the_standfirst_a_sure_headline(short):
    page = f"World\n{HEADLINE}\n{short}\n{STANDFIRST}\nBy Anna Petrova Nov 19, 2026, 7:53pm EST\nShare this story\n"
    headline, flagged, _ = headline_of(page + ARTICLE)
    assert headline == HEADLINE or flagged, (short, headline)


@pytest.mark.parametrize(
    "page",
    [
        "政府、地方交付金を削減へ 来年度予算案\n山田太郎\n"
        "地方自治体は公共事業の延期や給与凍結を検討\n2026年11月20日 10:00\n"
        "総務省は20日、来年度の地方交付金を削減する方針を各自治体に伝えた。"
        "関係者によると、削減幅は前年比で約5%となる見通しだ。\n"
        "地方自治体の多くは、公共事業の延期や職員の給与凍結を検討している。"
        "財政の厳しい自治体では住民サービスへの影響も懸念される。\n",
        "Governo corta transferências para os estados\nAna Souza\n"
        "Governadores preparam medidas de contenção diante do corte no orçamento\n20/11/2026 10h00\n"
        "O governo federal anunciou nesta quarta-feira um corte nas transferências para os estados no orçamento do "
        "próximo ano, segundo documentos obtidos pela reportagem.\n"
        "Os governadores preparam medidas de contenção, como o congelamento de salários e o adiamento de obras "
        "públicas, diante da redução prevista nas transferências.\n",
    ],
    ids=["japanese", "portuguese"],
)
def test_a_reporter_s_name_under_the_headline_then_the_deck_never_makes_the_deck_a_sure_headline(page):
    headline, flagged, _ = headline_of(page)
    assert headline == page.split("\n")[0] or flagged, headline


@pytest.mark.parametrize(
    ("headline", "article"), [(OHIO, OHIO_ARTICLE), (TECH, TECH_ARTICLE)], ids=["election", "markets"]
)
def test_a_title_case_headline_naming_two_sections_over_its_byline_and_date_is_no_menu(headline, article):
    assert headline_of(f"Home\n{headline}\nBy Jane Doe\nNovember 19, 2026\n{article}")[:2] == (headline, False)


@pytest.mark.parametrize(
    ("headline", "deck", "article"),
    [
        (OHIO, "Ohio's election chief resigns as counting in three counties stalls", OHIO_ARTICLE),
        (TECH, "Nasdaq has its best day in a month as the Fed holds rates", TECH_ARTICLE),
    ],
    ids=["election", "markets"],
)
def test_a_deck_under_a_title_case_headline_naming_sections_is_not_chosen_unflagged(headline, deck, article):
    chosen, flagged, _ = headline_of(f"Home\n{headline}\n{deck}\n{article}")
    assert chosen == headline or flagged, chosen


KO_ARTICLE = (
    "정부가 내년 지방 교부금을 삭감하는 방안을 검토하면서 지자체들이 예산 편성에 비상이 걸렸다. "
    "행정안전부는 20일 세수 감소에 따라 교부금 규모를 줄일 수밖에 없다고 밝혔다.\n"
    "지자체들은 도로와 학교 건설 사업을 미루고 공무원 임금을 동결하는 방안을 검토하고 있다. "
    "전문가들은 지방 재정이 더 악화될 수 있다고 경고했다.\n"
)
ID_ARTICLE = (
    "Pemerintah tengah mengkaji pemangkasan dana transfer ke daerah untuk tahun depan seiring turunnya penerimaan "
    "negara, menurut dokumen yang diperoleh wartawan.\n"
    "Pemangkasan itu dapat menunda pembangunan jalan dan sekolah di sejumlah daerah, sementara beberapa gubernur "
    "mempertimbangkan pembekuan gaji pegawai.\n"
)


@pytest.mark.parametrize(
    ("headline", "byline_line", "byline", "article"),
    [
        ("정부, 지방 교부금 삭감 검토…지자체 예산 비상", "김철수 기자", "김철수 기자", KO_ARTICLE),
        ("정부, 지방 교부금 삭감 검토…지자체 예산 비상", "워싱턴=김철수 특파원 kim@example.co.kr",
         "워싱턴=김철수 특파원 kim@example.co.kr", KO_ARTICLE),
        ("Pemerintah Kaji Pemangkasan Dana Transfer ke Daerah", "Penulis: Budi Santoso", "Budi Santoso", ID_ARTICLE),
        ("Pemerintah Kaji Pemangkasan Dana Transfer ke Daerah", "Oleh Budi Santoso", "Budi Santoso", ID_ARTICLE),
    ],
)  # fmt: skip
def test_bylines_in_korean_and_indonesian_are_bylines(headline, byline_line, byline, article):
    result, _ = read(f"뉴스\nNasional\n{headline}\n{byline_line}\n{article}")
    lead = result.stories[0]
    assert (lead.headline, lead.byline, lead.headline_unsure) == (headline, byline, False)
    result, notices = read(f"뉴스\nNasional\n{byline_line}\n{article}")  # the headline left out: the byline is not it
    assert result.stories[0].headline != byline_line


def test_a_headline_only_narrowly_ahead_of_another_title_about_the_article_is_flagged_naming_it():
    """Two Title Case lines about the article over its date: a headline and its deck, or a deck's place taken by
    the headline. The one over the date leads, but narrowly: flagged, naming the other, for the editor to choose."""
    deck = "Russia's Regions Face Budget Cuts as Oil Revenue Falls"
    headline, flagged, notices = headline_of(f"World\n{HEADLINE}\n{deck}\nNov. 20, 2026\n{ARTICLE}")
    assert (headline, flagged) == (deck, True)
    assert 'line 2 ("Russia\'s Regions Brace for a Lean Budge…") comes close' in notices[0]
    # ... and what to do names the next likeliest lines whole, as many as three, for the editor to take one
    found: list = []
    parse_page(f"World\n{HEADLINE}\n{deck}\nNov. 20, 2026\n{ARTICLE}", "page.txt", found)
    assert found[0].hint == (
        f'check it, or take one of the next likeliest: line 2 "{HEADLINE}", line 1 "World"; or write the headline in '
        "the story"
    )


def test_a_promo_s_title_past_a_label_above_a_sentence_case_headline_is_not_named_as_the_headline():
    # Not "a title above it may be the headline and it the standfirst": past a label, a headline would share a word
    # of the article, and a promo's or a trending bar's title shares none
    assert headline_of(f"Get the Weekend Edition Delivered\nAnalysis\n{LOWER}\nBy Anna Petrova\n{ARTICLE}")[:2] == (
        LOWER, False)  # fmt: skip
    # A trending bar's title, a show's, has a headline's shape, so the headline is less clearly ahead: flagged, with
    # the reason, and the title is still not named as the headline
    headline, flagged, notices = headline_of(
        f"Star Fleet Academy Season Two\nTrending\n{LOWER}\nBy Anna Petrova\n{ARTICLE}"
    )
    assert (headline, flagged) == (LOWER, True)
    assert "little else marks it as the headline" in notices[0] and "Star Fleet" not in notices[0]


# Review 4: a headline that ends in "reporter" is no byline; a name with letters beyond ASCII is one
GAZA_BODY = (
    "ガザ地区で取材中に拘束された日本人記者について、外務省は二十日、現地当局と解放に向けた協議を続けていると明らかにした。"
    "記者は通信社に所属し、先月から現地で取材していた。\n"
    "外務省によると、記者の健康状態に問題はないという。政府は関係国を通じて早期の解放を働きかけている。"
    "所属する通信社は声明で、記者の安全を最優先に対応するよう求めた。\n"
    "現地では外国人記者の拘束が相次いでおり、報道の自由を巡る懸念が強まっている。専門家は長期化の可能性を指摘している。\n"
)


@pytest.mark.parametrize("title", ["ガザで拘束の日本人記者", "拘束された日本人記者"])
def test_a_japanese_headline_ending_in_reporter_is_the_headline_not_the_byline(title):
    result, _ = read(f"ニュース\n国際\n{title}\n2026年11月20日 10時00分\n{GAZA_BODY}")
    assert (result.stories[0].headline, result.stories[0].byline) == (title, "")


def test_a_name_and_post_is_a_byline_in_korean_and_japanese_and_a_headline_ending_in_reporter_is_not():
    assert all(is_byline(line) for line in ("김철수 기자", "山田太郎記者", "山田 太郎記者", "워싱턴=김철수 특파원"))
    assert not any(is_byline(line) for line in ("억류된 일본인 기자", "ガザで拘束の日本人記者", "拘束された日本人記者"))


def test_a_japanese_post_before_the_name_is_a_byline_and_its_line_marks_the_headline_over_it():
    """Japanese papers set the writer's post first ("編集委員 山田太郎", a senior staff writer): a byline, whose
    line stands under the headline, over the article's tags, its date and its source's name."""
    assert is_byline("編集委員 山田太郎") and is_byline("特派員 山田 太郎") and not is_byline("編集委員会の報告")
    title = "日米首脳会談 通商協議の行方"
    page = (
        f"ニュース\n国際\n{title}\n編集委員 山田太郎\n北米\n政治\n経済\n2026/11/20 5:50\n情報元\n"
        "日本経済新聞 電子版\n保存\n共有\n"
        "日米首脳会談が20日に開かれ、両首脳は通商協議を年内に再開することで合意した。関税の扱いを巡っては"
        "なお溝が残っており、協議の行方は不透明だ。\n"
        "政府関係者によると、米側は自動車分野での譲歩を求めている。日本側は農産品の市場開放と合わせて議論する構えで、"
        "交渉は長期化する可能性がある。\n"
    )
    result, _ = read(page)
    assert (result.stories[0].headline, result.stories[0].byline) == (title, "編集委員 山田太郎")


def test_a_byline_without_by_may_hold_letters_beyond_ascii():
    assert is_byline("Özlem Türeci, AP Budget Writer") and is_byline("Émile Zola Staff Writer")


# Shapes from pages of other sites (bench/unseen.py): a Chinese header whose timestamp starts "更新时间" over a run of
# share buttons and a photo's caption written as a sentence; a page's own code shown as text; a byline that starts
# "Analysis by"; a caption labelled for screen readers
CHINESE = [
    "市议会决定关闭旧桥进行为期一年的维修，原因是检查人员在两个桥墩上发现了裂缝，数千名通勤者将被迫绕行。",
    "工程师表示，这些裂缝并不构成直接危险，但每年冬天都会因霜冻和道路盐分而扩大，全面关闭比多年局部封闭更省钱。",
    "渡轮公司表示将在高峰时段增加班次，市议会则承诺在维修期间提供免费穿梭巴士。",
]


def test_a_chinese_headline_over_its_timestamp_and_share_buttons_is_chosen_over_a_caption_sentence():
    headline = "市议会决定关闭旧桥维修一年"
    page = (f"新闻\n本地\n{headline}\n更新时间：2026年11月20日 北京时间18:05\n微信\n微博\nQQ\n"
            "复制链接\n字号\n打印\n旧桥的两个桥墩上发现了裂缝。\n" + "\n".join(CHINESE) + "\n")  # fmt: skip
    result, notices = read(page)
    lead = result.stories[0]
    assert (lead.headline, lead.headline_unsure, lead.date.isoformat()) == (headline, False, "2026-11-20")
    assert body_of(lead) == CHINESE  # the photo's caption, a sentence of its own, is left out and named (line 11)
    assert any(notice.startswith("page.txt:5-11: left out as page furniture") for notice in notices)


STAMP_LIKE = ["发布会定于2026年11月20日举行 市议会将公布旧桥维修方案",
              "公開討論会、2026年11月20日に開催へ 知事選の候補者そろう見通し",
              "수정 예산안 2026년 11월 20일 국회 본회의 통과, 지역 예산 대폭 삭감"]  # fmt: skip


@pytest.mark.parametrize("headline", STAMP_LIKE)
def test_a_cjk_headline_that_starts_like_a_timestamp_word_and_holds_a_date_is_no_date_line(headline):
    # 发布会 a press conference, 公開討論会 a public debate, 수정 예산안 an amended budget: not "published", "updated"
    assert not is_date_line(headline)
    assert is_date_line("更新时间：2026年11月20日 北京时间18:05") and is_date_line("입력 2026.11.20 14:30")


@pytest.mark.parametrize("opening", [
    "<Parasite> director Bong Joon-ho said on Monday that his next film would be shot in Seoul.",
    "<script> tags planted on the checkout page sent every card number to a server abroad, researchers said.",
    '<a href="x"> is how a link is written, and the council’s new site gets even that wrong, its critics said.',
])  # fmt: skip
def test_a_paragraph_that_starts_with_a_word_or_tag_in_angle_brackets_stays_in_the_article(opening):
    result, notices = read(f"World\n{HEADLINE}\nBy Anna Petrova\n{opening}\n{ARTICLE}")
    lead = result.stories[0]
    assert (lead.headline, lead.headline_unsure) == (HEADLINE, False)
    assert body_of(lead) == [opening, PARAGRAPH, SECOND, THIRD]


def test_a_headline_ending_in_an_abbreviation_is_a_headline_not_a_sentence():
    title = "Measles Cases Hit a 30-Year High in the U.S."
    result, notices = read(f"World\n{title}\nBy Anna Petrova\nNov. 20, 2026\n{ARTICLE}")
    assert result.stories[0].headline == title  # (flagged: the article is not about measles)


def test_a_page_s_code_shown_as_text_is_neither_headline_nor_body_and_is_named():
    code = "<link href=”https://static.example.org/icons.css” rel=”stylesheet”>"
    tracker = (
        "<p style=”position: absolute; top: -999em”><img src=”https://stats.example.org/s?name=world.story.page&amp;"
        "page_type=story&amp;language=en&amp;app_name=news&amp;app_type=responsive&amp;title=regional budget cuts "
        "for the year ahead&amp;section=world” height=”1” width=”1” alt=”” /></p>"
    )
    result, notices = read(f"{code}\n{tracker}\nHome\nWorld\n{HEADLINE}\nBy Anna Petrova\n{ARTICLE}")
    lead = result.stories[0]
    assert (lead.headline, lead.headline_unsure) == (HEADLINE, False)
    assert body_of(lead) == [PARAGRAPH, SECOND, THIRD]
    assert any(code[:30] in notice and "left out" in notice for notice in notices)


@pytest.mark.parametrize("title", ["Analysis by Carbon Brief shows UK emissions fell to 1879 levels",
                                   "Review by Ofsted finds failings at city's children's services",
                                   "Review by Numbers: A Budget in Five Charts"])  # fmt: skip
def test_a_headline_that_starts_review_by_or_analysis_by_is_no_byline(title):
    assert not is_byline(title)
    assert is_byline("Analysis by Joan Reyes, Senior Budget Analyst") and is_byline("Opinion by Sam Poe")


def test_a_byline_that_starts_analysis_by_is_the_header_s_not_the_headline():
    byline = "Analysis by Joan Reyes, Senior Budget Analyst"
    page = f"Watch live\n{HEADLINE}\n{byline}\nReading time 6 min\n20/11/2026\n{ARTICLE}"
    result, notices = read(page)
    lead = result.stories[0]
    assert (lead.headline, lead.byline, lead.headline_unsure) == (HEADLINE, "Joan Reyes, Senior Budget Analyst", False)


def test_a_caption_labelled_for_screen_readers_is_the_caption_without_its_label_never_the_headline():
    page = f"Home\n{HEADLINE}\nBy Anna Petrova\nImage caption Governors met in Moscow on Tuesday\n{ARTICLE}"
    result, notices = read(page)
    lead = result.stories[0]
    assert (lead.headline, lead.headline_unsure) == (HEADLINE, False)
    assert lead.caption == "Governors met in Moscow on Tuesday"
    assert body_of(lead) == [PARAGRAPH, SECOND, THIRD]
    # ... with no headline pasted, the labelled caption is still not taken for one
    headline, flagged, notices = headline_of(f"Home\nImage caption Governors met in Moscow on Tuesday\n{ARTICLE}")
    assert "Governors met" not in headline


@pytest.mark.parametrize("title", ["Caption: How One Photo Framed the Runoff",
                                   "Photo caption contest: readers pick the week's best"])  # fmt: skip
def test_a_headline_that_starts_with_the_word_caption_is_still_a_headline(title):
    result, notices = read(f"World\n{title}\nBy Anna Petrova\nNov. 20, 2026\n{ARTICLE}")
    assert result.stories[0].headline == title


def test_a_headline_over_its_byline_wins_over_a_list_of_dated_video_titles_nearer_the_article():
    # A header (headline, byline, reading time, date), then a player's list of other videos, each over its running
    # time, which reads as a time of day: the list's last title is nearest the article and shares its words
    videos = ["Governors Warn of Budget Cuts in Regions", "Finance Ministry Defends Smaller Transfers to Regions",
              "Regional Budget Cuts Hit Schools and Roads"]  # fmt: skip
    player = "".join(f"{title}\n0{n}:2{n}\n" for n, title in enumerate(videos, start=1))
    page = f"Radio\n{HEADLINE}\nBy Anna Petrova, Courier\n4 min read\n20 November 2026\nUp next\n{player}{ARTICLE}"
    result, notices = read(page)
    lead = result.stories[0]
    assert lead.headline == HEADLINE
    assert body_of(lead) == [PARAGRAPH, SECOND, THIRD]


def test_a_headline_written_as_two_sentences_over_its_date_is_the_headline_not_the_body():
    headline = "The ferry plan is back. This time the council has the money."
    article = (
        "Remember the council's long search for a way to cross the bay without the bridge? It has found one, and "
        "the mayor said on Tuesday that two ferries would run from the spring despite the doubts.\n"
        "The ferries will cost the city about $2.1 million a year, the mayor's office said, and officials said the "
        "plan had done what it was meant to do: give commuters a choice while the bridge is repaired.\n"
        "Critics said the money would have been better spent on buses, but the mayor said the ferries were only "
        "the start of a wider plan for the bay.\n"
    )
    page = f"Harbour Gazette\nBay Area Weekly\nLog in\n{headline}\nPosted 3:15 PM, Mar 4\nBy Lee Okafor\n{article}"
    result, notices = read(page)
    lead = result.stories[0]
    assert lead.headline == headline
    assert body_of(lead)[0].startswith("Remember the council's long search")


def test_a_standfirst_over_the_byline_with_the_headline_left_out_is_flagged_as_a_sentence():
    # The headline was not pasted: the standfirst has the byline under it, as a headline would, but is a sentence
    deck = "Regional governments across Russia were told to expect smaller transfers from Moscow."
    page = f"Budget\nPublished 1 day ago\n{deck}\nFacebook\nTwitter\nBy Anna Petrova\n{ARTICLE}"
    headline, flagged, notices = headline_of(page)
    assert (headline, flagged) == (deck, True)
    assert "it is written as a sentence, as a standfirst is" in notices[0]


def test_a_section_label_sharing_one_word_with_the_article_is_flagged():
    # The headline left out: a section's name over the deck, a promo and the header; its one word the article's
    deck = "Anna Petrova, 61, expects a year of cuts once the budget is passed. She told the news service as much."
    page = (f"Local news\n{deck}\nDaily Briefing\nOur editors pick the day's top stories for you, every evening at "
            "six.\nSign me up\n4 March 2026 18:02 CET\nBy Lee Okafor\n"
            "A Dutch official said on Monday that regional budgets would shrink next year, the ministry said.\n"
            + ARTICLE)  # fmt: skip
    headline, flagged, notices = headline_of(page)
    assert (headline, flagged) == ("Local news", True)
    assert "it shares few words with the article's opening" in notices[0]


def test_the_article_goes_on_under_a_long_box_of_short_lines_inside_it():
    # A "Most popular" box set into the article: four titles, each under its section and over its writer, then a
    # photo's caption: fourteen short lines, and the article goes on under them
    items = [("POLITICS", "Kremlin Names New Central Bank Deputy", "ANNA FORD"),
             ("MARKETS", "Wheat Exports Hit a Record as Talks Stall", "TOM ELLERY"),
             ("CITY", "Moscow's Metro Expansion Slows", "LENA HOLT"),
             ("SCIENCE", "A Cold Winter Is Forecast for the North", "KARL VANCE")]  # fmt: skip
    box = "MOST POPULAR\n" + "".join(f"{section}\n{title}\n{writer}\n" for section, title, writer in items)
    box += "A governor speaks in Moscow on November 20, 2026. PHOTOGRAPH: ANN FORD/REUTERS\n"
    result, notices = read(f"{HEADLINE}\nBy Anna Petrova\n{ARTICLE}{box}{FOURTH}\n{FIFTH}\n")
    assert body_of(result.stories[0]) == [PARAGRAPH, SECOND, THIRD, FOURTH, FIFTH]
    assert any("MOST POPULAR" in notice and "left out" in notice for notice in notices)


def test_a_long_menu_pasted_into_one_line_is_not_the_article_s_first_paragraph():
    # Twenty-odd capitalised section names with no sentence's mark: a menu, however long, not running text
    menu = ("Front Page Regions Budget Oil & Gas Energy Markets Transport Rail Roads Ports Health Schools Housing "
            "Courts Police Elections Parliament Ministries Weather Sport Culture Opinion")  # fmt: skip
    result, notices = read(f"Home\n{menu}\n{HEADLINE}\nBy Anna Petrova\n{ARTICLE}")
    lead = result.stories[0]
    assert (lead.headline, lead.headline_unsure) == (HEADLINE, False)
    assert body_of(lead) == [PARAGRAPH, SECOND, THIRD]


def test_the_points_under_a_highlights_heading_are_not_the_headline():
    # A gallery's pager and a "Story highlights" list between the header and the article: the points share the
    # article's words and stand nearest it, yet are its summary
    points = ["Regional governments brace for cuts in transfers from Moscow",
              "Finance Ministry documents show 30 regions plan to freeze wages",
              "Economists blame the fall in oil and gas revenue"]  # fmt: skip
    caption = "Governors wait outside the ministry in Moscow before the budget talks on Tuesday, November 19, 2026."
    gallery = "Budget talks in Moscow\n" * 12 + "<<\n<\n" + "".join(f"{n}\n" for n in range(1, 13)) + ">\n>>\n"
    page = (f"World\n{HEADLINE}\nBy Anna Petrova, Moscow\nNov. 20, 2026\n{caption}\nHIDE CAPTION\n{gallery}"
            "STORY HIGHLIGHTS\n" + "\n".join(points) + f"\n{ARTICLE}")  # fmt: skip
    headline, flagged, notices = headline_of(page)
    assert headline == HEADLINE


def test_the_next_story_under_a_box_with_its_own_header_is_not_the_article_going_on():
    # Review 5, B10: the article, a "Most popular" box of short lines, then the next story on the same subject, with
    # its own headline and byline (a page that runs on into the next story): the article ends at the box
    items = [("POLITICS", "Kremlin Names New Central Bank Deputy", "ANNA FORD"),
             ("MARKETS", "Wheat Exports Hit a Record as Talks Stall", "TOM ELLERY"),
             ("CITY", "Moscow's Metro Expansion Slows", "LENA HOLT")]  # fmt: skip
    box = "MOST POPULAR\n" + "".join(f"{section}\n{title}\n{writer}\n" for section, title, writer in items)
    other = (
        "Regional governments in Siberia said on Thursday that they would cut school budgets next year after the "
        "Finance Ministry told them to expect smaller transfers from Moscow.\nThe cuts come as oil and gas revenue "
        "falls and budgets across the regions face a squeeze, with wages frozen in a dozen of them.\n"
    )
    page = f"{HEADLINE}\nBy Anna Petrova\n{ARTICLE}{box}Siberia Cuts School Budgets\nBy Ivan Sokolov\n{other}"
    result, notices = read(page)
    assert body_of(result.stories[0]) == [PARAGRAPH, SECOND, THIRD]


@pytest.mark.parametrize(
    "link", ["Zurück zur Übersicht: Regions", "Back to all news: Russia", "Retour aux articles: Budget"]
)
def test_a_link_back_to_the_list_over_the_byline_is_not_the_headline(link):
    # A site's "back to the overview" link over the byline, the headline under the byline: the link is furniture
    headline, flagged, notices = headline_of(f"{link}\nVon Anna Petrova, 20. November 2026\n{HEADLINE}\n{ARTICLE}")
    assert headline == HEADLINE
    # ... while a headline that starts "Back to" is one
    title = "Back to School Means Back to Budget Cuts for Russia's Regions"
    assert headline_of(f"World\n{title}\nBy Anna Petrova\n{ARTICLE}")[0] == title


@pytest.mark.parametrize("kicker", ["In brief", "Highlights"])
def test_a_headline_under_an_in_brief_kicker_with_its_own_byline_is_no_highlight(kicker):
    # Review 5, B11: a page that sets "In brief" or "Highlights" as the kicker over its headline; another story's
    # title above: the headline, with its byline and date under it, is still chosen (flagged: the other comes close)
    other = "Regional governments across Russia prepare for cuts as Finance Ministry trims transfers"
    page = f"World\n{other}\nPhoto\n{kicker}\n{HEADLINE}\nBy Anna Petrova\nNov. 20, 2026\n{ARTICLE}"
    assert headline_of(page)[0] == HEADLINE


def test_a_title_case_deck_over_the_byline_under_the_headline_s_photo_is_flagged():
    # Review 5 (B9's older shape): the headline, its photo's caption and credit, then a deck in Title Case over the
    # byline: the deck may be chosen (it shares more of the article), but never unflagged
    deck = "Governors Told to Plan for Smaller Transfers as Oil Revenue Falls"
    photo = "Snow covers the square in front of the ministry on Monday.\nPhoto: Karl Vance"
    page = f"Home\nEconomy\n{HEADLINE}\n{photo}\n{deck}\nBy Anna Petrova\nNov. 20, 2026\n{ARTICLE}"
    headline, flagged, notices = headline_of(page)
    assert headline == HEADLINE or flagged
    if headline == deck:
        assert f'line 3 ("{HEADLINE[:39]}…") above the photo over it may be the headline' in notices[0]


@pytest.mark.parametrize("title", ["Back to All-Time Highs: Russia's Regions Brace for a Lean Budget Year",
                                   "Back to the Home Front", "Retour aux urnes pour les régions russes",
                                   "Torna a salire il deficit delle regioni russe"])  # fmt: skip
def test_a_headline_that_starts_like_a_link_back_is_still_a_headline(title):
    # Review 5, B13: "back to" and its like start headlines too; only the phrase and a listing word is a link
    result, notices = read(f"World\n{title}\nBy Anna Petrova\nNov. 20, 2026\n{ARTICLE}")
    assert result.stories[0].headline == title


# Shapes of pages in other languages and of blogs and small sites (a fresh pool, 3 December): a dateline written as
# German, French or Spanish pages write it; a star rating beside the headline; a breadcrumb trail that ends in the
# headline
DE_HEADLINE = "Stadtrat beschließt neuen Radweg am Fluss"
DE_ARTICLE = (
    "Der Stadtrat hat am Mittwochabend mit großer Mehrheit beschlossen, entlang des Flusses einen neuen Radweg zu "
    "bauen, der die Altstadt mit den östlichen Stadtteilen verbinden soll.\n"
    "Die Bauarbeiten sollen im kommenden Frühjahr beginnen und etwa zwei Jahre dauern, wie die Verwaltung und "
    "der Bürgermeister nach der Sitzung mitteilten.\n"
    "Anwohner und Radfahrer hatten den Weg seit Jahren gefordert, weil die Straße am Ufer für sie zu gefährlich "
    "ist und es bei Regen oft zu Unfällen kommt.\n"
)


@pytest.mark.parametrize("dateline", ["Donnerstag, 12. März 2026", "jeudi 12 mars 2026", "12 de marzo de 2026",
                                      "Veröffentlicht am 12.03.2026 von Anna", "12. März 2026 | 10:30"])  # fmt: skip
def test_a_dateline_in_another_language_is_the_date_never_the_headline(dateline):
    """Above the headline or under it; under it, a date with its month named is the story's date."""
    above = read(f"Startseite\nTermine\nKontakt\n{dateline}\n{DE_HEADLINE}\n{DE_ARTICLE}")[0].stories[0]
    assert (above.headline, above.headline_unsure) == (DE_HEADLINE, False)
    under = read(f"Startseite\nTermine\nKontakt\n{DE_HEADLINE}\n{dateline}\n{DE_ARTICLE}")[0].stories[0]
    assert (under.headline, under.headline_unsure, body_of(under)) == (DE_HEADLINE, False, DE_ARTICLE.split("\n")[:3])
    if "März" in dateline or "mars" in dateline or "marzo" in dateline:
        assert under.date is not None and under.date.isoformat() == "2026-03-12"


@pytest.mark.parametrize("rating", ["4 von 5 (12 Bewertungen)", "4 out of 5, (12 Bewertungen)", "4 von 5"])
def test_a_star_rating_by_the_headline_is_never_the_headline(rating):
    """Not even when the article says the rating's word: one word shared is no evidence of what a line is about."""
    article = DE_ARTICLE.replace("Anwohner", "In den Bewertungen auf der Seite der Stadt loben Anwohner")
    lead = read(f"Startseite\nRatgeber\n12.03.2026\n{rating}\n{DE_HEADLINE}\n{article}")[0].stories[0]
    assert (lead.headline, lead.headline_unsure) == (DE_HEADLINE, False)  # no rival: the rating is not one


def test_a_breadcrumb_trail_ending_in_a_line_ranks_it_as_the_headline_but_never_makes_it_sure():
    """A headline over a shorter title of the same story (a deck, the place's name alone): the page's trail ending in
    the headline makes it the choice; without the trail the shorter line, nearer the article, is chosen. Either way
    a guess: a section's heading under a trail that ends in the section would get the same help."""
    headline = "Mehrheit für den Radweg: Stadtrat gibt grünes Licht"
    page = f"Startseite\nLokales\nDONNERSTAG, 12. MÄRZ 2026\n{headline}\nRadweg am Fluss\n{DE_ARTICLE}"
    trail = f"Sie sind hier: Startseite » Lokales » {headline}\n"
    with_trail, without = read(trail + page)[0].stories[0], read(page)[0].stories[0]
    assert (with_trail.headline, with_trail.headline_unsure) == (headline, True)
    assert (without.headline, without.headline_unsure) == ("Radweg am Fluss", True)
    section = read(
        f"Startseite > Lokales > Rathaus und Rat\nRathaus und Rat\n{DE_HEADLINE}\nVon Anna Berg\n{DE_ARTICLE}"
    )
    lead = section[0].stories[0]
    assert lead.headline == DE_HEADLINE or lead.headline_unsure
    # a section's name of three words at the trail's end gets nothing: the headline with its byline stays the choice
    trail = "Home > Local > Council Election Count\nCouncil Election Count\n"
    lead = read(f"{trail}{ELECTION_HEADLINE}\nBy Anna Petrova\n{ELECTION_ARTICLE}")[0].stories[0]
    assert lead.headline == ELECTION_HEADLINE


@pytest.mark.parametrize("heading", ["3 Kommentare", "Kommentar hinzufügen", "Schreibe einen Kommentar",
                                     "Commentaires", "Laisser un commentaire", "Comentarios (4)", "Deixe um comentário",
                                     "Lascia un commento", "Reacties", "Комментарии (12)", "Коментарі",
                                     "Komentarze (7)", "Yorumlar", "Сэтгэгдэл (24)", "תגובות", "التعليقات", "댓글 5",
                                     "Bình luận", "Kommentarer (3)"])  # fmt: skip
def test_a_comment_thread_under_a_heading_in_another_language_is_not_the_article(heading):
    comment = (
        "Ich wohne seit vielen Jahren direkt am Fluss und fahre jeden Tag mit dem Rad zur Arbeit, deshalb freue ich "
        "mich sehr über diese Entscheidung, auch wenn ich mir gewünscht hätte, dass es schneller geht."
    )
    thread = "".join(f"leser{n}\n12.03.2026 um 1{n}:00\n{comment} ({n})\nAntworten\n" for n in range(1, 5))
    result, notices = read(f"Startseite\n{DE_HEADLINE}\nVon Anna Berg\n{DE_ARTICLE}{heading}\n{thread}")
    lead = result.stories[0]
    assert (lead.headline, body_of(lead)) == (DE_HEADLINE, DE_ARTICLE.split("\n")[:3])
    assert any(f'"{heading}"' in notice and "left out" in notice for notice in notices)  # named as left out


def test_a_blog_s_archive_links_with_their_counts_are_not_the_article():
    """A blog's sidebar lists its months and categories with a count each ("April 2015 (1)"): page furniture, never
    a run of prose longer than a short post."""
    archive = "".join(
        f"{month} {year} ({n})\n"
        for year in (2024, 2025)
        for n, month in enumerate(
            ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober"], start=1
        )
    )
    categories = "Politik (12)\nReisen (7)\nGarten und Haus (3)\n"
    result, _ = read(f"Startseite\n{DE_HEADLINE}\nVon Anna Berg\n{DE_ARTICLE}Archiv\n{archive}Kategorien\n{categories}")
    lead = result.stories[0]
    assert (lead.headline, body_of(lead)) == (DE_HEADLINE, DE_ARTICLE.split("\n")[:3])


def test_the_article_s_first_line_is_flagged_when_a_dated_title_stands_above_the_article():
    """An event post: its title (no word of it in the text) over its date, a few lines of details, then the agenda,
    whose first item reads like a title. Whichever line is chosen, the dated title above is named in the flag."""
    page = ("Startseite\nBlog\nStammtisch März 2026\nVeröffentlicht am 12.03.2026 von Anna\n"
            "Ort: Gasthaus am Markt, Hauptstraße 3\nAgenda\nZwei kurze Vorträge zum neuen Radweg (30 Minuten)\n"
            f"{DE_ARTICLE}")  # fmt: skip
    result, notices = read(page)
    lead = result.stories[0]
    assert lead.headline == "Stammtisch März 2026" or lead.headline_unsure
    assert lead.headline == "Stammtisch März 2026" or any('"Stammtisch März 2026"' in n or "(Stammtisch März 2026)"
                                                          in n for n in notices)  # fmt: skip


ELECTION_HEADLINE = "Recount ordered as mayoral race ends in near tie"


# Where the rules above must not fire (review 6): headlines holding a date, a count of votes, a rating's words, a
# publishing word or a name that starts like a weekday are headlines
ELECTION_ARTICLE = (
    "The count in the mayoral race went on through the night, and by morning election officials said the two "
    "candidates were separated by a handful of ballots cast at a single polling station on the east side.\n"
    "Both campaigns said they would ask for a recount, and the county clerk said one would begin on Thursday "
    "under the supervision of observers from each party and from the state election board.\n"
    "Turnout was the highest for a municipal vote in twenty years, officials said, with long queues reported at "
    "several stations in the final hour before the polls closed.\n"
)


@pytest.mark.parametrize("headline", [
    "12 votes decide mayoral race in Springfield", "1 out of 3 voters waited over an hour",
    "60 Votes short: the recount begins", "3 Ratings Agencies Cut the City's Outlook",
    "Sunak calls July election", "Montenegro votes in tight parliamentary race", "Sunday Times poll puts Labour ahead",
    "Monday vote to decide council leader", "Thunberg joins protest at the count", "Biden’s 90-minute debate stumble",
    "Inside the 10-minute vote count",
])  # fmt: skip
def test_a_headline_with_a_count_a_rating_word_or_a_weekday_like_name_is_still_the_headline(headline):
    lead = read(f"Home\nPolitics\n{headline}\nBy Anna Petrova\n{ELECTION_ARTICLE}")[0].stories[0]
    assert lead.headline == headline


@pytest.mark.parametrize("headline", [
    "Landtagswahl am 14. März 2027: Das sind die Kandidaten", "Législatives du 30 juin 2024 : la gauche en tête",
    "Publicado el informe sobre la corrupción", "Veröffentlicht: Der Bericht zur Wahl",
    "Domingo 5 de junio: México elige gobernadores", "Samedi 3 élus quittent le parti",
    "300 votos separan a los candidatos", "9 de 10 mesas ya están escrutadas",
])  # fmt: skip
def test_a_headline_in_another_language_holding_a_date_or_a_publishing_word_is_not_a_dateline(headline):
    """Its date is not the story's either: the dateline under it is."""
    lead = read(f"Startseite\n{headline}\n12. März 2026\n{DE_ARTICLE}")[0].stories[0]
    assert lead.headline == headline
    assert lead.date is not None and lead.date.isoformat() == "2026-03-12"


@pytest.mark.parametrize("dateline", ["Nov 20, 2026 — Anna Petrova, Staff Writer",
                                      "Anna Petrova and John Smith, November 20, 2026",
                                      "November 20, 2026 Washington Post Staff"])  # fmt: skip
def test_a_dateline_with_the_writers_names_is_the_story_s_date(dateline):
    lead = read(f"Home\nPolitics\n{HEADLINE}\n{dateline}\n{ARTICLE}")[0].stories[0]
    assert (lead.headline, lead.date.isoformat() if lead.date else None) == (HEADLINE, "2026-11-20")


def test_a_result_s_seats_in_the_article_stay_in_it():
    """Lines of a party and its seats in brackets read like a blog's category links ("Politik (12)"): brought in
    by the article's sentence, they are its news."""
    seats = ["SPD (206)", "CDU/CSU (197)", "Grüne (118)", "FDP (92)", "AfD (83)", "Linke (39)", "SSW (1)"]
    article = DE_ARTICLE.replace(
        "Die Bauarbeiten", "Die 87 Sitze verteilen sich so:\n" + "\n".join(seats) + "\nDie Bauarbeiten"
    )
    lead = read(f"Startseite\n{DE_HEADLINE}\nVon Anna Berg\n{article}")[0].stories[0]
    assert all(any(seat in block for block in body_of(lead)) for seat in seats)


def test_a_share_button_under_the_first_paragraph_does_not_cut_it_from_the_article():
    """'Teilen', 'Partager', 'Compartir' are buttons, not the end of the article: the first paragraph above one stays
    in the body (no output shows a lead's standfirst apart)."""
    first, *rest = DE_ARTICLE.strip().split("\n")
    for button in ("Teilen", "Partager", "Compartir", "Condividi"):
        page = f"Startseite\n{DE_HEADLINE}\nVon Anna Berg\n{first}\n{button}\n" + "\n".join(rest) + "\n"
        lead = read(page)[0].stories[0]
        assert body_of(lead)[0] == first, button


def test_a_theme_s_machine_timestamp_line_under_the_headline_is_never_the_headline():
    stamp = "AnnaBerg2026-03-12T17:27:31+02:00März 12th, 2026|Lokales|36 Kommentare"
    lead = read(f"Startseite\n{DE_HEADLINE}\n{stamp}\n{DE_ARTICLE}")[0].stories[0]
    assert lead.headline == DE_HEADLINE


@pytest.mark.parametrize("label", ["Von", "Par", "Por", "Door"])
def test_a_byline_in_another_language_keeps_the_name_without_its_by(cli, workdir, label):
    """'Von Anna Berg' is the byline 'Anna Berg': every output says 'By Anna Berg', never 'By Von Anna Berg'."""
    (workdir / "lead.txt").write_text(f"Startseite\n{DE_HEADLINE}\n{label} Anna Berg\n12. März 2026\n{DE_ARTICLE}")
    result = cli("build", "lead.txt", "--out", "out", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    assert json.loads((workdir / "out" / "issue.json").read_text())["lead"]["byline"] == "Anna Berg"
    for name in ("email.html", "email.txt", "web.html"):
        text = (workdir / "out" / name).read_text(encoding="utf-8")
        assert "Anna Berg" in text and f"{label} Anna" not in text, name


@pytest.mark.parametrize("headline", ["Di Maio quits Five Star Movement", "Por fin: el Congreso aprueba la reforma",
                                      "Par Avion: Letters From the Campaign Trail"])  # fmt: skip
def test_a_headline_that_starts_with_another_language_s_by_is_no_byline(headline):
    lead = read(f"Home\nPolitics\n{headline}\nBy Anna Petrova\n{ELECTION_ARTICLE}")[0].stories[0]
    assert (lead.headline, lead.byline) == (headline, "Anna Petrova")


@pytest.mark.parametrize(("line", "byline"), [
    ("Di Marco Rossi e Anna de la Torre", "Marco Rossi e Anna de la Torre"),
    ("Von Moritz Berg publiziert am 25. September 2026", "Moritz Berg publiziert am 25. September 2026"),
])  # fmt: skip
def test_names_after_another_language_s_by_are_the_byline(line, byline):
    lead = read(f"Home\n{HEADLINE}\n{line}\n{ARTICLE}")[0].stories[0]
    assert (lead.headline, lead.headline_unsure, lead.byline) == (HEADLINE, False, byline)


def test_a_blog_s_tagline_sharing_only_small_words_with_the_article_is_flagged():
    """German small words ("und", "der") say nothing of what a line is about: a tagline under the blog's name that
    shares only them with the article is a guess, not a sure headline (review 6: the rule came back without them)."""
    result, notices = read(f"Startseite\nReisen\nKontakt\nFlusswelt\nReisen, Wohnen und der Garten\n{DE_ARTICLE}")
    lead = result.stories[0]
    assert lead.headline_unsure
    assert any("the headline is a guess" in notice for notice in notices)


MORE_OF_IT = (
    "Officials in the regions said the budget cuts would fall hardest on wages and on the road and school "
    "construction that the Finance Ministry's transfers from Moscow used to pay for.\n"
    "In the Urals, one regional government said it would freeze public sector wages for a second year and "
    "postpone three school buildings, as its budget documents show.\n"
    "The Finance Ministry said the smaller transfers reflected lower oil revenue and that regions with reserves "
    "should draw on them before asking Moscow for loans to cover their budgets.\n"
    "Economists said the cuts to the regions' budgets could slow growth next year, since regional governments pay "
    "for much of the country's public construction and employ millions of public sector workers.\n"
)


def test_a_related_topics_box_inside_the_article_does_not_split_it():
    """A news site's article with its highlights above it, a list and a video's link at the end of its first part,
    then a box of topic links, and more of the article under the box than above: the article is both parts (the
    first is not dropped for the longer), and its headline is the one above the highlights, sure."""
    highlights = (
        "STORY HIGHLIGHTS\nThe Finance Ministry will cut transfers to the regions next year\n"
        "Thirty regions plan to freeze public sector wages\nEconomists say lower oil revenue is behind it\n"
    )
    points = (
        "• Regions with reserves should draw on them first, the ministry said.\n"
        "• Loans from Moscow will carry a higher rate next year.\n"
    )
    page = (f"Home\nPolitics\n{HEADLINE}\nBy Anna Petrova\nRegional governors met in Moscow to discuss the budget.\n"
            f"{highlights}{PARAGRAPH}\n{SECOND}\n{points}Video: How the regions spend\nRelated topics\nBudgets\n"
            f"Regional government\nFinance Ministry\n{MORE_OF_IT}")  # fmt: skip
    lead = read(page)[0].stories[0]
    assert (lead.headline, lead.headline_unsure) == (HEADLINE, False)
    body = body_of(lead)
    assert body[0] == PARAGRAPH and body[-1] == MORE_OF_IT.strip().split("\n")[-1]


def test_a_byline_written_by_colon_name_is_the_byline():
    lead = read(f"Home\n{HEADLINE}\nBy: Anna Petrova\n{ARTICLE}")[0].stories[0]
    assert (lead.headline, lead.headline_unsure, lead.byline) == (HEADLINE, False, "Anna Petrova")


def test_the_story_s_tags_over_a_photo_s_credit_are_no_rival_to_the_headline():
    """'Topics: a, b, c' over a photo's credit is the story's tags, not a caption, nor a headline that comes close:
    the headline above is sure, and the tags are named as left out."""
    tags = "Topics: budgets, regions, Finance Ministry, public sector wages, Moscow"
    result, notices = read(f"Home\n{HEADLINE}\n{tags}\nMaxim Shemetov / Reuters\n{ARTICLE}")
    lead = result.stories[0]
    assert (lead.headline, lead.headline_unsure) == (HEADLINE, False)
    assert not any(tags in block for block in body_of(lead)) and lead.caption != tags
    assert any("Topics: budgets" in notice for notice in notices)


def test_a_column_of_teasers_cut_short_is_not_the_article():
    """'Trending now' and six other stories' openings, each cut off with '...': more words than the article under its
    header, but no paragraph of the page's own. The article is the one under the headline and its byline (a
    'Don't miss stories' line between them and the article does not make it a box's)."""
    openings = [
        "Governors in the south ask Moscow for emergency loans and",
        "The rouble's rise leaves exporters counting the cost of a",
        "Why the Kremlin's new budget rules worry the central bank's",
        "A village school closes as the region's transfers shrink and",
        "Oil revenue falls for a third month as discounts on Urals crude",
        "What the budget cuts mean for pensioners in the Far East and",
    ]
    teasers = "".join(f"{opening}...\n" for opening in openings)
    page = (f"Trending now\n{teasers}Home\nPolitics\n{HEADLINE}\nBy Anna Petrova on November 20, 2026\n"
            f"Don't miss stories Follow The Courier\n{ARTICLE}")  # fmt: skip
    lead = read(page)[0].stories[0]
    assert lead.headline == HEADLINE
    assert body_of(lead) == [PARAGRAPH, SECOND, THIRD]


def test_a_quoted_standfirst_under_the_headline_is_neither_the_headline_nor_a_rival():
    """A headline, then its standfirst as a quoted sentence from the article, then the byline; links to the previous
    and next stories above, a 'Don't miss' line under the byline. The headline is the title, sure: a sentence in
    quotes is still a sentence, and a standfirst right under its headline does not make it a guess."""
    page = (
        "Previous Story Governors in the south ask Moscow for emergency loans\n"
        "Next Story The rouble's rise leaves exporters counting the cost\nPolitics\n"
        f'{HEADLINE}\n"Regional governments are preparing for a year of cuts."\n'
        f"By Anna Petrova on November 20, 2026\nDon't miss stories Follow The Courier\nFollow\n{ARTICLE}"
    )
    lead = read(page)[0].stories[0]
    assert (lead.headline, lead.headline_unsure) == (HEADLINE, False)
    assert body_of(lead) == [PARAGRAPH, SECOND, THIRD]


def test_a_header_written_as_sentences_over_the_date_and_byline_is_not_the_article():
    """A headline written as two sentences and a standfirst, both over the date and the byline: the article starts
    under them. Which of the two is the headline is a guess (both read as sentences, the standfirst shares more of
    the article's words): the one not chosen is named in the warning."""
    headline = "The regions have run out of money. Now Moscow is running out too."
    standfirst = "Budget documents show thirty regions freezing wages as the Finance Ministry cuts its transfers."
    page = f"Home\nPolitics\n{headline}\n{standfirst}\nFriday, 20 November 2026\nBy Anna Petrova\n{ARTICLE}"
    result, notices = read(page)
    lead = result.stories[0]
    assert body_of(lead) == [PARAGRAPH, SECOND, THIRD]
    assert lead.byline == "Anna Petrova" and lead.headline in (headline, standfirst) and lead.headline_unsure
    if lead.headline == standfirst:  # the wrong one: the warning names the right one
        guesses = [notice for notice in notices if "the headline is a guess" in notice]
        assert '"The regions have run out of money' in guesses[0]


def test_a_subhead_under_a_long_table_is_flagged_when_the_dated_headline_stands_above_it():
    """The headline and its date, an opening paragraph, then a long table of figures, then a subhead over the rest of
    the article: the subhead, nearest the longer run of text, may be chosen, but never sure while a title with a
    date and the article's words stands higher up. The warning names that one."""
    regions = ["Tatarstan", "Bashkortostan", "Sverdlovsk", "Novosibirsk", "Krasnodar", "Samara", "Perm", "Omsk"]
    table = "".join(f"{region} Regional Government {1200 + 37 * n} bn -{n + 3}%\n" for n, region in
                    enumerate(regions * 4))  # fmt: skip
    page = f"Home\n{HEADLINE}\n20 November 2026\n{PARAGRAPH}\n{table}Where the cuts fall\n{SECOND}\n{THIRD}\n"
    page += MORE_OF_IT
    result, notices = read(page)
    lead = result.stories[0]
    assert lead.headline == HEADLINE or lead.headline_unsure
    guesses = [notice for notice in notices if "the headline is a guess" in notice]
    assert lead.headline == HEADLINE or f'"{HEADLINE[:39]}…"' in guesses[0]


def test_a_comment_count_between_headline_and_standfirst_does_not_cut_the_header():
    """'New, 74 comments' under the headline is a counter, not a label that starts another title's header: the
    headline above it keeps its byline, and the standfirst under the counter stays the standfirst."""
    page = (f"Politics\nBudgets\n{HEADLINE}\nNew, 74 comments\nThirty regions freeze wages as transfers shrink\n"
            f"By Anna Petrova Nov 20, 2026, 4:22am EST\nShare this story\n{ARTICLE}")  # fmt: skip
    lead = read(page)[0].stories[0]
    assert lead.headline == HEADLINE


@pytest.mark.parametrize("dateline", ["Anna Petrova, The Courier 3:53 p.m. EST November 20, 2026",
                                      "Anna Petrova and Ivan Sokolov, 08:08 pm November 20, 2026"])  # fmt: skip
def test_a_dateline_with_the_writers_and_a_time_of_day_gives_the_story_s_date(dateline):
    lead = read(f"Home\n{HEADLINE}\n{dateline}\n{ARTICLE}")[0].stories[0]
    assert (lead.headline, lead.date.isoformat(), body_of(lead)) == (HEADLINE, "2026-11-20", [PARAGRAPH, SECOND, THIRD])


WIDGET = (
    "Thanks!\nCheck out your photo or video now, and look for it in our online, mobile and print editions.\n"
    "View Your Contribution\nOops!\nYour submission didn't go through. Please try again.\nUh oh!\n"
    "We're experiencing a few technical issues.\nTry again\nYour contributions have not been reviewed for accuracy "
    "by our editors. Contributors agree to our terms, which say what may be posted and what we may do with it.\n"
)


def test_a_widget_s_messages_above_the_article_s_header_are_not_its_opening():
    """A reader-contribution widget's messages (short sentences: 'Thanks!', 'Oops!', 'Please try again.') run into
    other stories' titles, then the article's header with its dateline, then the article: the article is what
    stands under its header, and the headline is the one over it."""
    page = (f"Home\nShare This Story!\n{WIDGET}This story is part of Money Talk\nMoney Talk | Five apps for your "
            f"budget\n{HEADLINE}\nAnna Petrova, The Courier 3:53 p.m. EST November 20, 2026\n{ARTICLE}")  # fmt: skip
    lead = read(page)[0].stories[0]
    assert (lead.headline, body_of(lead)) == (HEADLINE, [PARAGRAPH, SECOND, THIRD])


def test_short_paragraphs_between_a_title_and_its_byline_do_not_take_the_headline():
    """The headline, two short opening sentences, the byline, the article: the title above stays the headline (the
    sentences are not a header written as sentences when a title stands above them), neither sentence is lost, and
    the byline under them is the story's."""
    one = "The Finance Ministry told the regions to expect smaller transfers from Moscow next year."
    two = "Thirty regions plan to freeze public sector wages, budget documents show."
    lead = read(f"Home\n{HEADLINE}\n{one}\n{two}\nBy Anna Petrova\n{ARTICLE}{MORE_OF_IT}")[0].stories[0]
    assert (lead.headline, lead.byline) == (HEADLINE, "Anna Petrova")  # the byline under them is the story's
    shown = [lead.teaser or "", *body_of(lead)]
    assert one in shown and two in shown and PARAGRAPH in shown


OTHER_STORY = (
    "The Finance Ministry said on Tuesday it would lend to the regions at a lower rate next year, as governors warned "
    "that the smaller transfers from Moscow would leave gaps in their budgets.\n"
    "Regional officials said the loans would cover public sector wages but not the roads and schools they had "
    "planned to build, according to the ministry's documents.\n"
)


@pytest.mark.parametrize("box", [
    "Most read\nRegions freeze wages\nEconomy\nUrals governor resigns\nPolitics\nRouble gains\nMarkets\n",
    "Related\nRegions freeze wages\nUrals governor resigns\nRouble gains on the dollar\n",
])  # fmt: skip
def test_another_story_above_a_box_is_not_glued_onto_the_article_under_its_own_headline(box):
    """Two paragraphs of another story on the same subject, a box of links, then the article under its own
    headline: the article is what its headline stands over; the other story is left out, not its opening."""
    lead = read(f"Home\nPolitics\n{OTHER_STORY}{box}{HEADLINE}\n{ARTICLE}{MORE_OF_IT}")[0].stories[0]
    assert lead.headline == HEADLINE  # a guess, or sure: no date or byline marks it, but never the box's
    assert body_of(lead)[0] == PARAGRAPH and not any("lower rate" in block for block in body_of(lead))


def test_a_paragraph_of_the_article_that_trails_off_stays_a_paragraph():
    """One short paragraph ending in '...' is the article's (a column of teasers is several): kept as a paragraph,
    never a subhead, in the middle of the article and at its end."""
    trailing = "And then, a week later, the Finance Ministry wrote to the regions again..."
    last = "What happens next is anyone's guess..."
    lead = read(f"Home\n{HEADLINE}\nBy Anna Petrova\n{PARAGRAPH}\n{trailing}\n{SECOND}\n{THIRD}\n{last}\n")[0]
    story = lead.stories[0]
    assert [(block.kind, block.text) for block in story.body] == [
        ("p", PARAGRAPH), ("p", trailing), ("p", SECOND), ("p", THIRD), ("p", last)
    ]  # fmt: skip


def test_a_most_popular_block_of_openings_without_titles_ends_the_article():
    """Under the article, 'Most popular' and five other stories' opening paragraphs (no title over any): the block
    is the page's related list, not the article's text (a build leaves another site's list out and names it)."""
    openings = [
        "Governors in the south asked Moscow on Monday for emergency loans to pay teachers through the winter.",
        "The rouble rose for a fifth day against the dollar, leaving exporters counting the cost of a strong currency.",
        "The central bank said the Kremlin's new budget rules would make it harder to bring inflation down next year.",
        "A village school in the Urals closed on Friday after the regional government cut its transfers for repairs.",
        "Oil revenue fell for a third month in a row as discounts on Russian crude widened, the ministry said.",
    ]
    result, _ = read(f"Home\n{HEADLINE}\nBy Anna Petrova\n{ARTICLE}Most popular\n" + "\n".join(openings))
    assert body_of(result.stories[0]) == [PARAGRAPH, SECOND, THIRD]
    assert [item.teaser for related in result.related for item in related.items] == openings


@pytest.mark.parametrize("quote", ['"Regions will have to cut wages."', "‘The regions will pay for the cuts.’"])
def test_a_quote_over_the_byline_with_no_title_above_is_the_headline(quote):
    """A headline that is a quote, in its quotation marks, over the byline (a section's label above it): the quote is
    the headline, sure; a sentence in quotes is a standfirst only under a title."""
    lede = "Regional governors said on Tuesday that the regions would have to cut wages and postpone their budgets."
    lead = read(f"Home\nPolitics\n{quote}\nBy Anna Petrova\n{lede}\n{ARTICLE}")[0].stories[0]
    assert (lead.headline, lead.headline_unsure) == (quote, False)


def test_a_two_word_kicker_over_a_headline_written_as_a_sentence_is_never_sure():
    """'Russia's regions' over 'Regions cut wages.' over the byline: if the kicker is chosen, it is a guess (the
    sentence under it is no standfirst of a two-word line)."""
    page = f"Home\nRussia's regions\nRegions cut wages.\nBy Anna Petrova\nNov. 20, 2026\n{ARTICLE}"
    lead = read(page)[0].stories[0]
    assert lead.headline == "Regions cut wages." or lead.headline_unsure


def test_a_timeline_s_dates_inside_the_article_stay_over_their_paragraphs():
    """A campaign's timeline in the article: a date over each event's paragraph. The dates are the article's (each a
    subhead over its paragraph), not page furniture left out; the story's own date stays the one in its header."""
    events = [
        ("March 3, 2026", "The electoral commission registered eleven parties for the parliamentary vote."),
        ("June 12, 2026", "The governing party chose the prime minister to lead its list for a second time."),
        ("September 1, 2026", "Campaigning opened officially, with rallies in the capital and in Balti."),
    ]
    timeline = "".join(f"{day}\n{event}\n" for day, event in events)
    result, notices = read(f"Home\n{HEADLINE}\nBy Anna Petrova\nNov. 20, 2026\n{ARTICLE}{timeline}")
    lead = result.stories[0]
    blocks = [(block.kind, block.text) for block in lead.body]
    assert blocks[3:] == [(kind, text) for day, event in events for kind, text in (("h", day), ("p", event))]
    assert lead.date.isoformat() == "2026-11-20"
    assert not any("March 3, 2026" in notice for notice in notices)


@pytest.mark.parametrize(("line", "byline", "day"), [
    ("BY ANNA PETROVA", "ANNA PETROVA", None),  # a style's capitals, as the browser pastes them
    ("by Anna Petrova", "Anna Petrova", None),
    ("By Anna Petrova | Nov. 20, 2026", "Anna Petrova", "2026-11-20"),
    ("By Anna Petrova, November 20, 2026", "Anna Petrova", "2026-11-20"),
    ("by Anna Petrova and John Smith, Reuters", "Anna Petrova and John Smith, Reuters", None),
    ("BY ANNA PETROVA AND JOHN SMITH", "ANNA PETROVA AND JOHN SMITH", None),
    ("BY ANNA PETROVA | NOV. 20, 2026", "ANNA PETROVA", "2026-11-20"),
    ("BY ANNA PETROVA, THE COURIER", "ANNA PETROVA, THE COURIER", None),
    ("by Anna Petrova, Head of Politics", "Anna Petrova, Head of Politics", None),
    ("by Anna Petrova November 20, 2026 5:00 AM PST", "Anna Petrova", "2026-11-20"),  # the date glued on
    ("by Anna Petrova Nov 20, 2026, 10:00am EST", "Anna Petrova", "2026-11-20"),
])  # fmt: skip
def test_a_byline_in_capitals_in_lower_case_or_with_its_date_is_read(line, byline, day):
    """The writer's name, without its 'by'; a date after a bar or a comma, or right after the name, is the story's
    date, not part of the name."""
    lead = read(f"Home\n{HEADLINE}\n{line}\n{ARTICLE}")[0].stories[0]
    assert (lead.headline, lead.byline) == (HEADLINE, byline)
    assert (lead.date.isoformat() if lead.date else None) == day


def test_a_headline_in_capitals_that_starts_with_by_is_no_byline():
    headline = "BY THE NUMBERS: HOW THE REGIONS SPEND"
    lead = read(f"Home\n{headline}\nBy Anna Petrova\n{ARTICLE}")[0].stories[0]
    assert (lead.headline, lead.byline) == (headline, "Anna Petrova")


def test_another_story_with_its_own_headline_above_a_related_box_is_not_the_article():
    """Another story's headline and its two paragraphs, a 'Related' box of two titles, then the article under its
    own headline: the article starts under its headline (not at the other story's paragraphs, which share its
    subject), and that headline is chosen, never the other story's without a warning."""
    other = "Moscow Offers Regions Cheaper Loans to Cover Budget Gaps"
    page = (f"Home\nPolitics\n{other}\n{OTHER_STORY}Related\nRegions freeze wages\nLoans at higher rates\n"
            f"{HEADLINE}\n{ARTICLE}{MORE_OF_IT}")  # fmt: skip
    lead = read(page)[0].stories[0]
    assert lead.headline == HEADLINE
    assert body_of(lead)[0] == PARAGRAPH and not any("lower rate" in block for block in body_of(lead))


def test_the_last_title_of_a_box_between_the_headline_and_the_article_is_not_the_headline():
    """The headline, a 'Related' box of two titles on the same subject, then the article: the headline is the title
    above the box, not the box's last title standing right over the article's first paragraph."""
    box = "Related\nUrals governor resigns over wage freeze\nRegional governments across Russia prepare for cuts\n"
    lead = read(f"Home\nPolitics\n{HEADLINE}\n{box}{ARTICLE}")[0].stories[0]
    assert lead.headline == HEADLINE  # (a guess, with no byline or date under it: the box's title comes close)


@pytest.mark.parametrize("subhead", ["Latest", "Trending"])
def test_an_article_s_own_latest_subhead_does_not_end_it(subhead):
    """'Latest' over more paragraphs of the same article (a live story's newest part): the article goes on; only a
    page's own list ('Most read', 'Latest news', 'Trending now') ends it."""
    lead = read(f"Home\n{HEADLINE}\nBy Anna Petrova\n{ARTICLE}{subhead}\n{MORE_OF_IT}")[0].stories[0]
    assert body_of(lead)[-1] == MORE_OF_IT.strip().split("\n")[-1] and len(body_of(lead)) == 7


def test_an_updated_stamp_inside_the_article_is_not_a_timeline_s_date():
    lead, notices = read(f"Home\n{HEADLINE}\nBy Anna Petrova\n{ARTICLE}Updated Nov. 21, 2026\n{MORE_OF_IT}")
    assert [block.kind for block in lead.stories[0].body] == ["p"] * 7
    assert any("Updated Nov. 21, 2026" in notice for notice in notices)


def test_two_titles_over_the_article_with_no_byline_or_date_are_a_guess():
    """Two titles about the article one over the other, neither with a byline or a date under it, the upper a little
    ahead: which is the headline is a guess, and the warning names the other (on such pages, a site's or a section's
    title often stands above the article's own)."""
    page = f"Home\nAbout us\nThe regional budget year\nRussia's regions prepare for cuts\n{ARTICLE}"
    result, notices = read(page)
    lead = result.stories[0]
    assert lead.headline_unsure
    assert any("the headline is a guess" in notice and "comes close" in notice for notice in notices)


def test_a_subhead_under_a_box_inside_the_article_does_not_take_its_first_part():
    """The headline and byline, two paragraphs, a 'Related' box, then a subhead over the rest of the article: the
    article is both parts under its headline (the subhead under the box is no other story's headline when the
    header with the byline stands over the first part)."""
    box = "Related\nRegions freeze wages\nUrals governor resigns\nRouble gains on the dollar\n"
    subhead = "Where the Budget Cuts Fall Hardest"
    page = f"Home\n{HEADLINE}\nBy Anna Petrova\n{PARAGRAPH}\n{SECOND}\n{box}{subhead}\n{MORE_OF_IT}"
    lead = read(page)[0].stories[0]
    assert (lead.headline, lead.byline) == (HEADLINE, "Anna Petrova")
    assert body_of(lead)[0] == PARAGRAPH and body_of(lead)[-1] == MORE_OF_IT.strip().split("\n")[-1]


def test_a_headline_in_capitals_after_by_is_no_byline():
    headline = "BY ELECTION CALLED IN TAMWORTH AFTER MP QUITS"
    lead = read(f"Home\nPolitics\n{headline}\nBy Anna Petrova\n{ARTICLE}")[0].stories[0]
    assert (lead.headline, lead.byline) == (headline, "Anna Petrova")


def test_a_writer_s_more_from_box_over_the_article_does_not_cut_it_off():
    """A menu with 'U.S.' in it (a one-word line ending in a full stop), the headline, the byline, then the writer's
    box ('More from Anna Petrova') over the article: the article under it is the story, not the menu above it (a
    newsletter's 'More from <brand>' list follows a lead written in sentences)."""
    page = f"Home\nU.S.\nWorld\nPolitics\n{HEADLINE}\nBy Anna Petrova\nMore from Anna Petrova\nFollow\n{ARTICLE}"
    lead = read(page)[0].stories[0]
    assert (lead.headline, lead.byline) == (HEADLINE, "Anna Petrova")
    assert body_of(lead)[0] == PARAGRAPH


def test_a_trending_link_in_a_menu_s_column_heads_no_box_over_the_headline():
    """A menu's column of short links with 'Trending' among them, a close button, then the headline, its standfirst
    (one sentence, holding more of the article's words), the byline with the date, buttons and a photo's credit: the
    headline is no title of a 'Trending' box, and it is chosen, sure, over its standfirst."""
    menu = "Video\nPodcasts\nThe Big Idea\nNew Money\nTrending\n✕\n"
    standfirst = "Regional governments across Russia are preparing for a year of cuts as transfers from Moscow shrink."
    header = (
        f"{standfirst}\nUpdated by Anna Petrova Nov 20, 2026, 10:20am EST\ntweet\nshare\nPhoto by Ann Ford/Reuters\n"
    )
    lead = read(f"Home\n{menu}{HEADLINE}\n{header}{ARTICLE}")[0].stories[0]
    assert (lead.headline, lead.headline_unsure) == (HEADLINE, False)
    assert body_of(lead)[0] == PARAGRAPH


def test_a_title_case_headline_over_a_question_written_as_a_sentence_is_chosen_and_flagged():
    """A section's label, the headline in Title Case (two sentences, few of the article's words), its standfirst: a
    question in sentence case holding more of them; then the date, a counter and the writer. The Title Case line is
    chosen (a headline is never printed under its own summary), flagged with the question as the one that comes
    close: a site's tagline over a headline written as a question has the same shape. The standfirst is not the
    article's first paragraph."""
    headline = "Russia's Regions Face a Hard Winter. Will Moscow Help?"
    standfirst = "The $1 billion question: can governments across Russia keep paying public sector wages as " \
        "transfers from Moscow shrink?"  # fmt: skip
    header = "11/20/2026 04:23 pm ET\n1k\nAnna Petrova Senior Politics Editor\n"
    result, notices = read(f"Home\nPOLITICS\n{headline}\n{standfirst}\n{header}{ARTICLE}")
    lead = result.stories[0]
    assert (lead.headline, lead.headline_unsure) == (headline, True)
    assert any("comes close" in notice and "The $1 billion question" in notice for notice in notices)
    assert body_of(lead)[0] == PARAGRAPH


@pytest.mark.parametrize(
    "line", ["12 mins ago", "Anna Petrova 11.20.26 12 mins ago 2 Comments", "1 Hour AgoCourier.com"]
)
def test_a_time_counted_back_from_now_with_a_writer_or_a_site_glued_on_is_a_date(line):
    assert is_date_line(line)
    assert not is_date_line("Trump met Putin 2 hours ago") and not is_date_line("Agony in the garden")


def test_another_story_s_title_case_title_over_the_headline_is_no_kicker_of_it():
    """A site that writes every title in Title Case: the next story's title, then the article's headline over its
    writer, date and comment count. The lower title is the headline (a Title Case line is no standfirst)."""
    other = "Regional Governor Just Joined The Finance Ministry"
    page = f"Home\nSign Up\nSign In\n{other}\n{HEADLINE}\nAnna Petrova 11.20.26 12 mins ago 2 Comments\nFacebook\n" \
        f"Twitter\n{ARTICLE}"  # fmt: skip
    assert read(page)[0].stories[0].headline == HEADLINE


def test_a_menu_s_column_over_the_headline_is_not_the_headline():
    """A column of a section's short links (one holding an article's word), the headline, the writer and a date
    counted back with the site's name glued on, a counter and the photo's credit: the headline is the sentence-case
    title, not a link of the menu."""
    menu = "Economy\nEconomy\nOil and Gas\nUtilities\nBudgets\n"
    headline = "Russia's regions are losing their budgets, even as Moscow promises help"
    header = "Anna Petrova | @apetrova\n1 Hour AgoCourier.com\nSHARES\nAnn Ford | Reuters\n"
    lead = read(f"Home\n{menu}{headline}\n{header}{ARTICLE}")[0].stories[0]
    assert lead.headline == headline
    assert body_of(lead)[0] == PARAGRAPH


def test_a_video_playlist_between_the_header_and_the_article_does_not_hide_the_headline():
    """The headline over its byline and date, then a video player's playlist (a label, sixteen titles on the same
    subject), then the article: the headline is the one with the byline, not the playlist's last title."""
    titles = [f"Regional budget video {n}: what the cuts mean for wages" for n in range(1, 17)]
    playlist = "JUST WATCHED\nReplay\nMore Videos ...\n" + "\n".join(titles) + "\n"
    page = f"Home\nWorld\n{HEADLINE}\nBy Anna Petrova, The Courier\nUpdated 9:55 AM ET, Fri November 20, 2026\n" \
        f"{playlist}{ARTICLE}"  # fmt: skip
    lead = read(page)[0].stories[0]
    assert (lead.headline, lead.byline) == (HEADLINE, "Anna Petrova, The Courier")
    assert body_of(lead)[0] == PARAGRAPH


def test_a_lead_in_or_a_subhead_with_nothing_under_it_does_not_end_the_article():
    """The article, then the page's 'Explore:' and 'More:' with nothing of the article under them: the body ends
    with the article's last paragraph, and the lead-ins are named as left out."""
    result, notices = read(f"Home\n{HEADLINE}\nBy Anna Petrova\n{ARTICLE}Explore:\nMore:\n")
    assert body_of(result.stories[0])[-1] == ARTICLE.strip().split("\n")[-1]
    assert any("Explore:" in notice for notice in notices)


QUESTION = "Can Russia's regions keep paying wages as transfers from Moscow shrink?"


@pytest.mark.parametrize("heading", ["Most popular", "Related"])
def test_a_box_s_title_case_title_over_a_question_headline_is_not_lifted_over_it(heading):
    """A related box's last title (Title Case, on the same subject) right over the headline, a question in sentence
    case with its byline: the question is the headline; the box's title is no headline over a standfirst. It comes
    close (it is about the same thing, in a headline's case, right above), so the choice is flagged naming it."""
    page = f"{heading}\nMoscow's Metro Expansion Slows Amid Budget Squeeze\n{QUESTION}\nBy Anna Petrova\n{ARTICLE}"
    result, notices = read(page)
    lead = result.stories[0]
    assert (lead.headline, lead.headline_unsure) == (QUESTION, True)
    assert 'line 2 ("Moscow\'s Metro Expansion Slows Amid Bud…") comes close' in notices[0]


@pytest.mark.parametrize(
    "banner", ["The Moscow Times: Independent News From Russia", "Russia Budget Crisis Live Updates"]
)
def test_a_site_s_tagline_or_a_banner_over_a_question_headline_is_never_chosen_sure(banner):
    lead = read(f"Home\n{banner}\n{QUESTION}\nBy Anna Petrova\n{ARTICLE}")[0].stories[0]
    assert lead.headline == QUESTION or lead.headline_unsure


def test_the_editor_s_own_page_with_a_one_line_lead_keeps_its_more_from_list():
    """The editor's own page: a title, a lead of three words ('Ian Bremmer explains.'), then 'More from GZERO Media'
    with its items (each a caption, a credit and a teaser): the lead is the story and the items are the list, as
    always, even though the teasers below hold more prose than the lead."""
    items = "".join(
        f"The minister speaks in Moscow, November {day}, 2026.\nREUTERS/Ann Ford\n{text}\n"
        for day, text in ((18, PARAGRAPH), (19, SECOND), (20, THIRD))
    )
    result, _ = read(f"Ukraine's new push, explained\nIan Bremmer explains.\nMore from GZERO Media\n{items}")
    assert body_of(result.stories[0]) == ["Ian Bremmer explains."]
    assert [related.heading for related in result.related] == ["More from GZERO Media"]


def test_a_writer_s_more_from_box_under_a_standfirst_does_not_take_the_article():
    """The headline, a standfirst, the byline, then the writer's box ('More from Anna Petrova', the byline's name)
    over the article: the article is the story (no 'More from' list, no brand), the byline is kept."""
    standfirst = "Governors have been told to plan for smaller transfers from Moscow as oil revenue falls."
    page = f"{HEADLINE}\n{standfirst}\nBy Anna Petrova\nMore from Anna Petrova\nFollow\n{ARTICLE}"
    result, _ = read(page)
    lead = result.stories[0]
    assert (lead.headline, lead.byline, body_of(lead)[0]) == (HEADLINE, "Anna Petrova", PARAGRAPH)
    assert result.related == []


@pytest.mark.parametrize("line", ["By Anna Petrova Updated Nov 20, 2026, 10:20am EST",
                                  "By Anna Petrova Published November 20, 2026", "by Anna Petrova 20 November 2026",
                                  "by Anna Petrova · November 20, 2026"])  # fmt: skip
def test_a_byline_with_a_stamp_or_a_date_glued_on_gives_the_name_and_the_date(line):
    lead = read(f"Home\n{HEADLINE}\n{line}\n{ARTICLE}")[0].stories[0]
    assert (lead.byline, lead.date.isoformat()) == ("Anna Petrova", "2026-11-20")


@pytest.mark.parametrize("header", [
    f"{HEADLINE}\nGovernors have been told to plan for smaller transfers from Moscow as oil revenue falls",
    "“There is very little left to cut”: Russia's regions brace for a lean year\n"
    "Will the Kremlin step in as oil revenue falls and governors run short of money?",
])  # fmt: skip
def test_a_standfirst_under_a_box_s_last_title_and_the_headline_is_never_chosen_sure(header):
    """A 'Trending' box's titles, then the headline (in Title Case, or in quotes) and its standfirst (a sentence with
    no final full stop, or a question), then the byline: the box seems to run on into the header. The headline may
    be taken for the box's last title, but the standfirst is never given as the headline without a warning."""
    box = "Trending\nKremlin Names New Central Bank Deputy as Inflation Stays High\n" \
        "Wheat Exports Hit a Record as Ukraine Talks Stall Again\n"  # fmt: skip
    lead = read(f"Home\nWorld\n{box}{header}\nBy Anna Petrova\n{ARTICLE}")[0].stories[0]
    assert lead.headline == header.split("\n")[0] or lead.headline_unsure


@pytest.mark.parametrize("banner", ["Russia's Economy Under Western Sanctions", "Russia Budget Live Updates"])
@pytest.mark.parametrize("headline", ["Will Russia's Regions Run Out of Money Before Spring?",
                                      "Russia's Regions Face a Hard Winter. Will Moscow Help?"])  # fmt: skip
def test_a_banner_over_a_title_case_question_headline_is_never_chosen_sure(banner, headline):
    """A series' banner or a live blog's label in Title Case over the headline in Title Case ending in a question
    mark, then the byline: a Title Case question is a headline, not the banner's standfirst; whichever is chosen,
    the banner never sure."""
    lead = read(f"Home\n{banner}\n{headline}\nBy Anna Petrova\n{ARTICLE}")[0].stories[0]
    assert lead.headline == headline or lead.headline_unsure


TITLES = ("Regions Freeze Wages", "Urals Governor Resigns", "Rouble Gains Again")
ITEMS = "".join(f"{title}\n{text}\n" for title, text in zip(TITLES, (PARAGRAPH, SECOND, THIRD), strict=True))


@pytest.mark.parametrize(("byline", "brand"), [("By Ian Bremmer, GZERO Media", "GZERO Media"),
                                               ("By Heather Cox Richardson", "Heather Cox Richardson")])  # fmt: skip
def test_the_editor_s_own_page_keeps_its_list_when_the_byline_names_the_brand(byline, brand):
    """The editor's own page: title, byline (holding the brand, or the writer's own name as the newsletter's), a lead
    sentence, then 'More from <brand>' with titles and teasers: the lead is the story and the items the list."""
    lead = "Ian Bremmer explains what Kyiv wants from its allies this winter."
    result, _ = read(f"Ukraine's new push, explained\n{byline}\n{lead}\nMore from {brand}\n{ITEMS}")
    assert body_of(result.stories[0]) == [lead]
    assert (result.brand, result.related[0].heading) == (brand, f"More from {brand}")


@pytest.mark.parametrize("box", ["More from Anna K. Petrova", "More from this author", "More From Anna Petrova »"])
def test_a_writer_s_box_named_otherwise_does_not_take_the_article(box):
    standfirst = "Governors have been told to plan for smaller transfers from Moscow as oil revenue falls."
    result, _ = read(f"{HEADLINE}\n{standfirst}\nBy Anna Petrova\n{box}\nFollow\n{ARTICLE}")
    assert (body_of(result.stories[0])[0], result.related) == (PARAGRAPH, [])


def test_a_menu_s_more_from_link_under_a_ticker_s_sentence_does_not_take_the_article():
    """A ticker's sentence at the top of the page, a menu with 'More From NBC' among its links, then the article's
    header and paragraphs: the article is the story (the menu's link heads no list)."""
    menu = "Breaking: Rouble falls to a two-year low against the dollar.\nHome\nWorld\nMore From NBC\nSports\nCNBC\n"
    result, _ = read(f"{menu}{HEADLINE}\nBy Anna Petrova\n{ARTICLE}")
    assert (result.stories[0].headline, body_of(result.stories[0])[0]) == (HEADLINE, PARAGRAPH)


@pytest.mark.parametrize("top", ["Related\nKremlin Names New Central Bank Deputy as Inflation Stays High\n",
                                 "Up next\n", "Home\nWorld\n"])  # fmt: skip
def test_a_title_case_title_over_a_sentence_case_headline_is_never_chosen_sure(top):
    """Another story's title in Title Case, about the article ('Up next', a box's last, or just the line above), right
    over the headline in sentence case and its byline: the title may be chosen for the words it shares, but never
    without a warning naming the line below it."""
    title = "Moscow Tells Regions to Expect Smaller Budget Transfers"
    page = f"{top}{title}\n{QUESTION}\nBy Anna Petrova\n{ARTICLE}"
    lead = read(page)[0].stories[0]
    assert lead.headline == QUESTION or lead.headline_unsure


def test_the_editor_s_own_list_that_opens_with_two_tabs_keeps_the_lead():
    """The editor's own page: title, a lead sentence, 'More from GZERO Media', two tabs ('Latest', 'Top'), then the
    teasers in a row: the lead is the story (a list's tabs are no menu over an article), the teasers its items."""
    lead = "Ian Bremmer explains what Kyiv wants from its allies this winter."
    result, _ = read(f"Ukraine's new push, explained\n{lead}\nMore from GZERO Media\nLatest\nTop\n{ARTICLE}")
    assert (body_of(result.stories[0]), result.brand) == ([lead], "GZERO Media")
    assert [item.teaser for item in result.related[0].items] == ARTICLE.strip().split("\n")  # the tabs' items too


def test_a_writer_s_box_under_the_byline_and_a_standfirst_does_not_take_the_article():
    standfirst = "Governors have been told to plan for smaller transfers from Moscow as oil revenue falls."
    result, _ = read(f"{HEADLINE}\nBy Anna Petrova\n{standfirst}\nMore from Anna Petrova\nFollow\n{ARTICLE}")
    assert (PARAGRAPH in body_of(result.stories[0]), result.related, result.brand) == (True, [], "")


def test_a_long_title_case_standfirst_under_the_headline_is_never_chosen_sure():
    """A site that Title-Cases every line: the headline, then its standfirst (fifteen words, no final full stop), then
    the byline. The standfirst may be chosen for the words it shares, but never without a warning."""
    standfirst = "Governors Have Been Told to Plan for Smaller Transfers From Moscow as Oil Revenue Falls"
    page = f"Home\nWorld\nRussia's Regions Brace for Budget Cuts\n{standfirst}\nBy Anna Petrova\n{ARTICLE}"
    lead = read(page)[0].stories[0]
    assert lead.headline == "Russia's Regions Brace for Budget Cuts" or lead.headline_unsure


def test_a_newsletter_named_after_its_writer_keeps_its_list_under_a_short_lead():
    """The editor's own page, the newsletter named after its writer: the title, 'By Heather Cox Richardson', a lead of
    two words, then 'More from Heather Cox Richardson' with titles and teasers. No article runs below the heading,
    so it is the newsletter's list, not a writer's box: the items stay items and the brand is kept."""
    page = (
        f"Why the rouble keeps falling\nBy Heather Cox Richardson\nRead on.\nMore from Heather Cox Richardson\n{ITEMS}"
    )
    result, _ = read(page)
    assert (result.brand, result.related[0].heading) == ("Heather Cox Richardson", "More from Heather Cox Richardson")


def test_a_chinese_page_s_headline_is_over_its_dateline_not_the_original_title_aside_or_a_caption():
    """A Chinese news page as pasted: share buttons (分享到, 微信, 微博) between the headline and the article, a
    dateline of figures with its source ("2026-11-20 09:15:00 来源: 河畔日报 举报"), the story's original title in
    brackets over the article ("（原标题：…）", never the headline), a photo's caption ending in its credit ("…供图
    河畔网"), a credit line ("图片来源：…") and paragraphs that end in a closing quote: each is what it is, and every
    paragraph stays in the body. The original title, which opened the body (and so the story's teaser and the
    inbox's preview), is left out and named, as a saved page's is (readers/extracted.py)."""
    quoted = "市长在会上说：“我们不能再等了，这座桥必须在冬天之前修好。”"
    page = "\n".join([
        "首页", "新闻", "地方", "河畔日报 > 新闻 > 正文",
        "老桥将关闭维修一年 通勤者需绕行", "2026-11-20 09:15:00 来源: 河畔日报 举报", "2323",
        "分享到：", "微信", "微博", "QQ空间", "更多", "用微信扫码二维码", "T + -",
        "（原标题：老桥裂缝扩大，市议会决定关闭）", CHINESE_TEXT[0], "图片来源：河畔日报",
        "桥墩上的裂缝。市政工程局供图 河畔网", quoted, CHINESE_TEXT[1], CHINESE_TEXT[2],
    ])  # fmt: skip
    result, notices = read(page)
    lead = result.stories[0]
    assert lead.headline == "老桥将关闭维修一年 通勤者需绕行"
    assert body_of(lead) == [CHINESE_TEXT[0], quoted, *CHINESE_TEXT[1:]]
    assert not any("left out as page furniture" in notice and "我们不能再等了" in notice for notice in notices)
    runs = [re.search(r":(\d+)-(\d+): left out as page furniture", notice) for notice in notices]
    assert any(run and int(run[1]) <= 15 <= int(run[2]) for run in runs), notices  # line 15, the original title


CHINESE_TEXT = [
    "市议会周二决定关闭这座老桥进行维修，因为检查人员在两个桥墩上发现了裂缝。这一决定将使数千名通勤者在明年的大部分"
    "时间里绕行更远的路线，市中心的交通也会因此变得更加拥堵。议员们说，他们别无选择，只能尽快动工。",
    "工程师说，裂缝并不会立即带来危险，但冬季的冰冻和盐每年都会使裂缝扩大，修理不能再等到明年春天。",
    "市议会将在下周公布绕行路线，公交公司也将增加班次。",
]


def test_chinese_datelines_credits_and_agency_lines_are_what_they_are():
    assert is_date_line("2026-11-20 09:15:00 来源: 河畔日报 举报")  # a date and time in figures, then its source
    assert is_date_line("时间：2026-11-20 作者：网络整理")  # "time:", "author:"
    assert is_date_line("3小时前")  # three hours ago
    assert not is_date_line("2026年11月20日，市议会决定关闭这座老桥进行维修。")  # a sentence that starts with its date
    for credit in ("图片来源：河畔日报", "新华社记者 李鑫 摄", "（新华社记者 李鑫 摄）", "新华社"):
        assert is_credit(credit), credit
    assert not is_credit("他拍摄")  # "he films": a word that ends as a credit does


def test_a_chinese_headline_over_its_agency_and_date_is_sure_and_a_clause_ending_in_a_comma_is_no_headline():
    title = "老桥将关闭维修，数千名通勤者需绕行？"
    page = "\n".join(["首页 > 时政", title, "新华社", "2026-11-20 18:13", *CHINESE_TEXT])
    headline, flagged, _ = headline_of(page)
    assert (headline, flagged) == (title, False)
    detour = "京沪高速北京方向，市区路段全部封闭，"  # a clause that goes on, alone on its line under a photo
    page = "\n".join(["首页 > 时政", detour, *CHINESE_TEXT])
    assert headline_of(page)[0] != detour


def test_readers_posts_far_under_the_comments_heading_are_not_taken_for_the_article():
    """The comments' heading, then the page's other stories and a comment box, and only then the readers' posts,
    each with its time and its reply and share buttons, longer than the article: the article is still the article,
    in English as on a Chinese page ("热门评论 10条", "3小时前", "回复 踩0 赞22 收藏")."""
    comment = (
        "I have lived in the Kurgan region all my life and I can tell you that the roads were already falling apart "
        "long before anyone in Moscow started talking about budgets, so none of this surprises me at all."
    )
    others = "".join(f"Another story from the region, number {n}\nNovember {n}, 2026\n" for n in range(1, 6))
    posts = "".join(f"reader{n}\n{n} hours ago\n{comment} ({n})\nReply Share Report\n" for n in range(1, 6))
    page = f"Home\nNews\n{HEADLINE}\nBy Anna Petrova\n{ARTICLE}Comments (5)\nLog in to comment\n{others}{posts}"
    result, _ = read(page)
    assert (result.stories[0].headline, body_of(result.stories[0])) == (HEADLINE, [PARAGRAPH, SECOND, THIRD])
    posts = "".join(f"网友{n}\n{n}小时前\n{CHINESE_TEXT[1]}（{n}）\n回复 踩0 赞{n} 收藏\n" for n in range(1, 6))
    title = "老桥将关闭维修，数千名通勤者需绕行？"
    page = "\n".join(["首页 > 时政", title, "2026-11-20 18:13 来源：河畔日报", *CHINESE_TEXT[:1], CHINESE_TEXT[2],
                      "责任编辑：张三", "热门评论 10条", "我要评论", posts])  # fmt: skip
    result, _ = read(page)
    assert (result.stories[0].headline, body_of(result.stories[0])) == (title, [CHINESE_TEXT[0], CHINESE_TEXT[2]])


@pytest.mark.parametrize("date", ["11/20/26", "Nov. 20, 2026"])
def test_a_date_between_a_show_s_name_and_an_episode_s_title_may_be_either_s_so_the_choice_is_flagged(date):
    """A programme's page: its name, a date, the episode's title, the episode's text. The date may belong to the
    title under it as well as to the name over it: whichever is chosen, the editor is asked."""
    episode = "Regions brace for a lean budget year"
    headline, flagged, _ = headline_of(f"Budget Radio\nThe Budget Hour Report\n{date}\n{episode}\n{ARTICLE}")
    assert flagged and headline in ("The Budget Hour Report", episode)


def test_short_chinese_paragraphs_lead_ins_and_sentences_with_a_button_s_word_stay_in_the_body():
    """A short paragraph ending in its full stop ("此事引发网友热议。"), a list's lead-in ("有三个特点：") and its
    items, and sentences that hold a button's word (微博, 登录) are the article's, not page furniture."""
    lines = ["此事引发网友热议。", "该线路有三个特点：", "一是换乘站多，共有11座换乘站；", "三是全线覆盖5G信号。",
             "张女士随后在微博上发文称：", "“感谢所有帮助过我们的人。”", "详情可登录江城地铁官网查询。"]  # fmt: skip
    title = "老桥将关闭维修，数千名通勤者需绕行？"
    page = "\n".join(["首页 > 时政", title, "2026-11-20 18:13 来源：河畔日报", "分享到：", "微信", "微博",
                      CHINESE_TEXT[0], *lines, CHINESE_TEXT[2]])  # fmt: skip
    result, _ = read(page)
    assert body_of(result.stories[0]) == [CHINESE_TEXT[0], *lines, CHINESE_TEXT[2]]


@pytest.mark.parametrize("title", ["3天前失联的5名驴友已全部找到",  # a time counted back, inside a headline
                                   "Explainer|Old Mill Bridge|Why the council voted to close it"])  # fmt: skip
def test_a_headline_that_starts_like_a_time_ago_or_joins_its_parts_with_bars_is_still_the_headline(title):
    hikers = ["市应急管理局周一说，3天前在西山景区失联的5名驴友已于当天中午全部找到，身体状况良好。",
              "据介绍，5名驴友周五上午从西山北坡进山，因大雾迷路，手机也失去了信号。"]  # fmt: skip
    bridge = ["The city council voted on Tuesday to close the Old Mill Bridge for repairs after cracks were found.",
              "Engineers said the council had no choice but to close the bridge before the winter."]  # fmt: skip
    body = hikers if "驴友" in title else bridge
    headline, flagged, _ = headline_of("\n".join(["Home", title, "2026-11-20 18:13", *body]))
    assert (headline, flagged) == (title, False)


def test_a_link_to_the_previous_article_is_not_the_headline():
    title = "老桥将关闭维修，数千名通勤者需绕行？"
    page = "\n".join(
        ["上一篇：江城今冬首场雪将至 气象部门提醒市民注意防寒保暖", title, "2026-11-20 18:13", *CHINESE_TEXT]
    )
    assert headline_of(page)[:2] == (title, False)


def test_a_live_blog_s_entries_under_a_comments_counter_stay_the_article():
    """A live blog: its summary, a share bar's "Comments (45)" link, then entries each under a bare time. Those
    times are no readers' posts' stamps (a name, "3 hours ago"): the entries are the article."""
    entries = "".join(f"{14 - n}:{10 + n:02d}\n{SECOND} ({n})\n{THIRD} ({n})\n" for n in range(1, 5))
    page = (f"Home\nNews\nLIVE\n{HEADLINE} – live updates\nBy Anna Petrova\nSummary\n{PARAGRAPH} {SECOND}\n"
            f"Share\nComments (45)\n{entries}")  # fmt: skip
    result, _ = read(page)
    body = body_of(result.stories[0])
    paragraphs = [f"{text} ({n})" for n in range(1, 5) for text in (SECOND, THIRD)]
    assert body[0] == f"{PARAGRAPH} {SECOND}" and [text for text in body if text in paragraphs] == paragraphs


@pytest.mark.parametrize("kicker", ["Don't miss", "Recommended", "More"])
def test_a_headline_that_starts_with_a_promo_s_word_and_is_about_the_article_is_still_the_headline(kicker):
    title = f"{kicker}: Russia's regions brace for a lean budget year"
    headline, _, _ = headline_of(f"Home\n{title}\nBy Anna Petrova\nNov. 20, 2026\n{ARTICLE}")
    assert headline == title


def test_a_standfirst_under_the_headline_s_date_leaves_the_headline_sure():
    dek = "Smaller transfers from Moscow mean frozen wages and fewer new roads"  # sentence case: no title's rival
    assert headline_of(f"World\n{HEADLINE}\nNov. 20, 2026\n{dek}\n{ARTICLE}")[:2] == (HEADLINE, False)


def test_a_live_blog_entry_led_by_its_year_first_time_is_no_dateline():
    assert not is_date_line("2026-11-24 14:10 Helicopter back in the air")
    assert is_date_line("2026-11-24 14:10:05 来源: 河畔日报 举报")


@pytest.mark.parametrize("stamp", ["{n}h ago", "Anna Petrova · {n}:10"])
def test_a_live_blog_stamped_like_posts_under_a_share_bar_s_comments_counter_stays_the_article(stamp):
    """Entries stamped as posts are ("1h ago", a reporter's name and time) are still a live blog's: two paragraphs
    each, under a "Comments (45)" beside "Share" (the header's counter, not the thread's heading)."""
    entries = "".join(f"{stamp.format(n=n)}\n{SECOND} ({n})\n{THIRD} ({n})\n" for n in range(1, 6))
    page = f"Home\nLIVE\n{HEADLINE} – live updates\nBy Anna Petrova\nSummary\n{PARAGRAPH} {SECOND}\nShare\n" \
           f"Comments (45)\n{entries}"  # fmt: skip
    result, _ = read(page)
    body = body_of(result.stories[0])
    paragraphs = [f"{text} ({n})" for n in range(1, 6) for text in (SECOND, THIRD)]
    assert body[0] == f"{PARAGRAPH} {SECOND}" and [text for text in body if text in paragraphs] == paragraphs


@pytest.mark.parametrize(
    "line, byline",
    [
        ("Anna Petrova - anna.petrova@example.com", "Anna Petrova"),
        ("Contact Us - news@example.com", ""),
        ("Send Tips - tips@example.com", ""),
    ],
)
def test_a_writer_s_name_and_own_address_over_the_date_is_the_byline_and_a_desk_s_is_not(line, byline):
    lead = read(f"Home\n{HEADLINE}\n{line}\nMarch 4, 2026\n{ARTICLE}")[0].stories[0]
    assert (lead.headline, lead.byline, body_of(lead)) == (HEADLINE, byline, [PARAGRAPH, SECOND, THIRD])


def test_a_desk_s_address_over_the_writer_s_byline_and_readers_signatures_in_a_letters_page_are_no_bylines():
    lead = read(f"Home\n{HEADLINE}\nWeather Desk - weather@example.com\nBy Anna Petrova\nMarch 4, 2026\n{ARTICLE}")[0]
    assert lead.stories[0].byline == "Anna Petrova"
    letters = f"Letters: budgets and buses\n14 Oct 2026\n{PARAGRAPH}\nJohn Smith, john.smith@example.com\n{SECOND}\n"
    lead = read(letters + "Mary Jones, mary.jones@example.com\n")[0].stories[0]
    assert lead.byline == "" and "John Smith, john.smith@example.com" in body_of(lead)


def test_a_box_the_page_shows_twice_is_left_out_of_the_article():
    """A writer's site shows its donation appeal in the menu and again inside or under the article (a heading, a
    paragraph, the amounts): that box is the page's, not the article's, and the article goes on under it. The
    article's own paragraphs shown again at the page's foot ("Now reading") stay the article's."""
    appeal = ("Every month I spend hundreds of hours keeping this site going, and it has remained free and without "
              "ads because readers like you chip in.")  # fmt: skip
    box = f"donating = loving\n{appeal}\nMonthly donation\n$3 / month\n$5 / month\nOne-time donation\n"
    menu = "Archives\nculture\nbooks\nart\nscience\nphilosophy\n"
    page = f"Home\nAbout\n{box}{menu}{HEADLINE}\nBy Anna Petrova\n{ARTICLE}{box}Sunday newsletter\n"
    assert read(page)[0].stories[0].headline == HEADLINE
    assert body_of(read(page)[0].stories[0]) == [PARAGRAPH, SECOND, THIRD]
    inside = ARTICLE.replace(f"{SECOND}\n", f"{SECOND}\n{box}")
    lead = read(f"Home\nAbout\n{box}{menu}{HEADLINE}\nBy Anna Petrova\n{inside}Share\n")[0].stories[0]
    assert body_of(lead) == [PARAGRAPH, SECOND, THIRD]
    again = f"Share\nMore from News\nCouncil approves bus depot\nNow reading\n{SECOND}\n{THIRD}\n© 2026 The Ledger\n"
    lead = read(f"Home\n{HEADLINE}\nBy Anna Petrova\n{ARTICLE}{again}")[0].stories[0]
    assert body_of(lead) == [PARAGRAPH, SECOND, THIRD]


@pytest.mark.parametrize("short", ["Every single night (laughs)", "Trains were halted briefly (Kyodo)",
                                   "Arsenal won 2-1 (aet)"])  # fmt: skip
def test_a_short_paragraph_ending_in_a_note_in_brackets_stays_a_paragraph(short):
    lead = read(f"Home\n{HEADLINE}\nBy Anna Petrova\n{PARAGRAPH}\n{short}\n{SECOND}\n{THIRD}\n")[0].stories[0]
    assert [(block.kind, block.text) for block in lead.body] == [
        ("p", text) for text in (PARAGRAPH, short, SECOND, THIRD)
    ]


def test_a_sentence_about_file_photos_is_no_credit():
    opening = "File photos by the city council show the market in 1962."
    lead = read(f"Home\n{HEADLINE}\nBy Anna Petrova\n{opening}\n{ARTICLE}")[0].stories[0]
    assert body_of(lead)[0] == opening


@pytest.mark.parametrize("header, byline", [
    # ... not a name over a "Follow" button or a reading time: as often a topic's, a publication's or a subject's
    ("Anna Petrova\nFollow\n6 min read\n·\nNov 20, 2026\n1.2K\nListen\nShare\n", ""),  # Medium's
    ("Housing Policy\nFollow\nNov 20, 2026\n", ""),
    ("Anna Petrova Political correspondent\nThu 20 Nov 2026 17.03 GMT\n", "Anna Petrova Political correspondent"),
    ("Anna Petrova - anna.petrova@example.com\nNov 20, 2026\n", "Anna Petrova"),
    ("Anna Petrova in Kyiv\nThu 20 Nov 2026 17.03 GMT\n", "Anna Petrova in Kyiv"),  # the Guardian's: a place, a date
    ("Anna Petrova in Kyiv\nFollow\nNov 20, 2026\n", ""),  # ... over anything else: as often a subject
    # a name alone right over the date is the writer's (Substack's, Axios's, DW's); not a label's words
    ("Anna Petrova\nNov 20, 2026\n∙ Paid\n142\nShare\n", "Anna Petrova"),  # Substack's
    ("Key Points\nNov 20, 2026\n", ""), ("Live Updates\nNov 20, 2026\n", "")])  # fmt: skip
def test_a_writer_s_name_on_its_own_is_the_byline_with_what_marks_it_as_the_writer_s(header, byline):
    lead = read(f"Home\nPolitics\n{HEADLINE}\n{header}{ARTICLE}")[0].stories[0]
    assert (lead.headline, lead.byline, lead.date.isoformat()) == (HEADLINE, byline, "2026-11-20")
    assert body_of(lead) == [PARAGRAPH, SECOND, THIRD]


def test_a_section_s_label_over_the_date_is_no_byline():
    lead = read(f"Home\n{HEADLINE}\nBreaking News\nNov 20, 2026\n{ARTICLE}")[0].stories[0]
    assert (lead.byline, lead.date.isoformat()) == ("", "2026-11-20")


@pytest.mark.parametrize(
    "post", ["Scotland political correspondent\nReporting from Glasgow", "Balkans correspondent, Belgrade"]
)
def test_the_bbc_s_header_a_name_over_the_writer_s_post_and_a_caption_under_its_credit(post):
    """The BBC's pages name the writer over the post ("Scotland political correspondent", "Reporting from Glasgow",
    or the place after a comma: "Balkans correspondent, Belgrade") with no date, and print a photo's credit over its
    caption, which has no full stop. The post over the credit is no caption."""
    caption = "Voters queued outside polling stations into the evening"
    page = (f"Home\nNews\nSport\n{HEADLINE}\nShare\nSave\nAnna Petrova\n{post}\n"
            f"Getty Images\n{caption}\n{ARTICLE}")  # fmt: skip
    lead = read(page)[0].stories[0]
    assert (lead.headline, lead.byline, lead.caption, lead.credit) == (
        HEADLINE,
        "Anna Petrova",
        caption,
        "Getty Images",
    )
    assert body_of(lead) == [PARAGRAPH, SECOND, THIRD]


def test_a_wire_story_s_rule_is_no_subhead_and_a_gallery_s_counter_is_no_part_of_the_caption():
    caption = "1 of 2 | The Kremlin in Moscow, Nov. 20, 2026. (AP Photo/Anna Petrova)"
    page = (f"Home\n{HEADLINE}\n{caption}\nBy ANNA PETROVA\nUpdated 3:53 PM EST, November 20, 2026\n{ARTICLE}"
            "___\nAP writer John Smith contributed to this report.\n")  # fmt: skip
    lead = read(page)[0].stories[0]
    assert lead.caption == "The Kremlin in Moscow, Nov. 20, 2026."
    assert [block.kind for block in lead.body] == ["p"] * 4 and "___" not in body_of(lead)


def test_a_wire_s_gallery_counter_and_licensing_link_are_no_part_of_its_caption_and_credit():
    # Reuters' pages of today: "[1/3]" before the caption, its licensing link pasted after the credit
    caption = "[1/3]The Kremlin in Moscow, Nov. 20, 2026. REUTERS/Anna Petrova Purchase Licensing Rights, opens new tab"
    lead = read(f"World\n{HEADLINE}\nBy Anna Petrova\n{caption}\n{ARTICLE}")[0].stories[0]
    assert (lead.caption, lead.credit) == ("The Kremlin in Moscow, Nov. 20, 2026.", "REUTERS/Anna Petrova")
    assert body_of(lead) == [PARAGRAPH, SECOND, THIRD]


def test_a_line_under_a_credit_inside_the_article_or_a_long_first_paragraph_under_one_is_no_caption():
    """Only the lead photo's caption stands under its credit (the BBC's), a short line over the article: a subhead
    under a photo's credit inside the article, or the article's first paragraph under the lead photo's credit, with
    no final stop either, stay the article's."""
    subhead = "What happens to the money next"
    photo = "The Kremlin at dusk on Tuesday\nReuters\n"
    page = f"Home\n{HEADLINE}\nBy Anna Petrova\n{PARAGRAPH}\n{SECOND}\n{photo}{subhead}\n{THIRD}\n"
    assert body_of(read(page)[0].stories[0]) == [PARAGRAPH, SECOND, subhead, THIRD]
    first = PARAGRAPH.rstrip(".")
    lead = read(f"Home\n{HEADLINE}\nBy Anna Petrova\nGetty Images\n{first}\n{SECOND}\n{THIRD}\n")[0].stories[0]
    assert (lead.caption, body_of(lead)) == ("", [first, SECOND, THIRD])


def test_a_caption_that_starts_archive_image_is_no_credit():
    lead = read(
        f"Home\n{HEADLINE}\nBy Anna Petrova\n{PARAGRAPH}\nArchive image: the market in 1962\n{SECOND}\n{THIRD}\n"
    )
    assert body_of(lead[0].stories[0])[:1] == [PARAGRAPH]


def test_a_page_pasted_twice_keeps_its_whole_article():
    """Every line of the first copy stands in the second too: that is no box shown twice, and the article is whole
    (subheads, a caption and its credit between its paragraphs)."""
    copy = (f"Home\nNews\n{HEADLINE}\nBy Anna Petrova\n{PARAGRAPH}\nWhat the budgets show\n{SECOND}\n"
            f"The Kremlin at dusk on Tuesday\nReuters\n{THIRD}\nShare\nMore from News\nOther story one\n")  # fmt: skip
    lead = read(copy + copy)[0].stories[0]
    assert body_of(lead) == [PARAGRAPH, "What the budgets show", SECOND, THIRD]


def test_a_subhead_that_starts_reporting_from_is_the_article_s():
    subhead = "Reporting from Gaza remains restricted"
    lead = read(f"Home\n{HEADLINE}\nBy Anna Petrova\n{PARAGRAPH}\n{SECOND}\n{subhead}\n{THIRD}\n")[0].stories[0]
    assert body_of(lead) == [PARAGRAPH, SECOND, subhead, THIRD]


def test_a_paragraph_over_a_photo_s_credit_whose_caption_is_under_it_is_kept():
    """The BBC's order inside the article: a paragraph, the photo's credit, its caption, the next paragraph. The
    paragraph over the credit stays the article's; the caption under it is no subhead."""
    caption = "Regional officials have protested outside the ministry in Moscow since the spring"
    page = f"Home\n{HEADLINE}\nBy Anna Petrova\n{PARAGRAPH}\n{SECOND}\nGetty Images\n{caption}\n{THIRD}\n{FOURTH}\n"
    lead, notices = read(page)
    assert body_of(lead.stories[0]) == [PARAGRAPH, SECOND, THIRD, FOURTH]
    assert any("left out as page furniture" in notice and "Regional officials have protested" in notice
               for notice in notices)  # fmt: skip


def test_the_last_paragraph_over_the_article_s_source_line_is_kept():
    """Al Jazeera's foot: "Source: Al Jazeera" under the last paragraph is the article's source, not the credit of a
    photo whose caption the paragraph would be."""
    page = (f"Home\n{HEADLINE}\nBy Anna Petrova\n{PARAGRAPH}\n{SECOND}\n{THIRD}\n{FOURTH}\nSource: Al Jazeera\n"
            "Sign up for Al Jazeera\nWeekly newsletter\n")  # fmt: skip
    assert body_of(read(page)[0].stories[0]) == [PARAGRAPH, SECOND, THIRD, FOURTH]
    # ... while a caption over a source line with the article going on under it is still a caption
    caption = "Oil tankers wait to load at the port of Primorsk, on the Baltic coast, in the spring."
    page = f"Home\n{HEADLINE}\nBy Anna Petrova\n{PARAGRAPH}\n{SECOND}\n{caption}\nSource: Reuters\n{THIRD}\n{FOURTH}\n"
    assert body_of(read(page)[0].stories[0]) == [PARAGRAPH, SECOND, THIRD, FOURTH]


@pytest.mark.parametrize("bio, where", [
    ("ANNA PETROVA is a Senior Fellow at the Center for Eurasian Studies. From 2019 to 2024, she served as an "
     "adviser to the European Commission on sanctions.", "above"),
    ("Anna Petrova is a senior correspondent covering Russia's regions and the economy.", "above"),
    ("Petrova covers Russia's regions for The Courier.", "under"),
    ("Anna Petrova has been The Courier’s Moscow correspondent since 2019.", "under"),
])  # fmt: skip
def test_the_writer_s_note_over_or_under_the_article_is_no_paragraph_of_it(bio, where):
    """A paragraph that starts with the byline's name (whole, or the last name) and goes on as a writer's note does:
    who wrote the article, named as left out."""
    above, under = (f"{bio}\n", "") if where == "above" else ("", f"{bio}\n")
    page = f"Home\n{HEADLINE}\nBy Anna Petrova\n{above}{PARAGRAPH}\n{SECOND}\n{THIRD}\n{under}Share\n"
    lead, notices = read(page)
    assert (lead.stories[0].headline, body_of(lead.stories[0])) == (HEADLINE, [PARAGRAPH, SECOND, THIRD])
    assert any("left out as page furniture" in notice and bio[:20] in notice for notice in notices)
    # ... but a paragraph about someone else who "is" something stays
    other = "Ivan Sokolov is the governor of the Perm region, one of the first to announce a freeze on wages."
    page = f"Home\n{HEADLINE}\nBy Anna Petrova\n{PARAGRAPH}\n{other}\n{SECOND}\nShare\n"
    assert body_of(read(page)[0].stories[0]) == [PARAGRAPH, other, SECOND]


def test_a_short_title_over_a_long_title_case_subtitle_makes_the_choice_a_guess():
    """A magazine's title of three words over its subtitle in Title Case: which is the headline (or a kicker over
    it), the words cannot tell; whichever is chosen is flagged."""
    subtitle = "How the Fall in Oil Revenue Will Force Russia's Regions to Cut Their Budgets"
    page = f"Home\nEssays\nThe Budget Squeeze\n{subtitle}\nBy Anna Petrova\n{PARAGRAPH}\n{SECOND}\n{THIRD}\n"
    lead, notices = read(page)
    assert lead.stories[0].headline in ("The Budget Squeeze", subtitle)
    assert lead.stories[0].headline_unsure
    assert any("may be the headline" in notice for notice in notices)


def test_the_first_post_s_title_on_a_live_page_is_flagged():
    """A live page: each post under its time and buttons, its title over its paragraphs. The first post's title is
    no surer the headline than the others'; the choice is flagged."""
    posts = [("Just now", "Governors ask for a delay to the cuts", FOURTH),
             ("14:38", "Finance Ministry says the budget is fixed", THIRD),
             ("14:11", "Regions freeze hiring as transfers shrink", FIFTH)]  # fmt: skip
    page = "Home\nLive\nWatch live\n" + "".join(
        f"Share\nCopy link\n{time}\n{title}\n{text}\n" for time, title, text in posts
    )
    lead, notices = read(page)
    assert lead.stories[0].headline_unsure
    assert any("live page" in notice for notice in notices)


@pytest.mark.parametrize("photo", [
    "Governors met the finance minister in Moscow on Tuesday Credit: Anna Ford for The Courier\n",
    "Governors met the finance minister in Moscow on Tuesday.Credit...Anna Ford for The New York Times\n",
    "Governors met the finance minister in Moscow on Tuesday.\nCredit...\nAnna Ford/The New York Times\n",
    "Governors met the finance minister in Moscow on Tuesday. (ABC News: Anna Ford)\n",
    "Governors met the finance minister in Moscow on Tuesday.\nhide caption\ntoggle caption\nAnna Ford/Getty Images\n",
    "Governors met the finance minister in Moscow on Tuesday. Anna Ford/AP hide caption\n",
    "Governors met the finance minister in Moscow on Tuesday. Photo: Anna Ford\n",
])  # fmt: skip
def test_the_lead_photo_s_caption_with_its_credit_glued_on_or_under_its_buttons_is_no_paragraph(photo):
    """The Telegraph's, the New York Times', the ABC's and NPR's captions: the caption, not the article's first
    paragraph."""
    lead = read(f"Home\n{HEADLINE}\nBy Anna Petrova\n{photo}{PARAGRAPH}\n{SECOND}\n{THIRD}\n")[0].stories[0]
    assert (lead.headline, body_of(lead)) == (HEADLINE, [PARAGRAPH, SECOND, THIRD])
    assert lead.caption.startswith("Governors met the finance minister in Moscow on Tuesday")


@pytest.mark.parametrize("notice, where", [
    ("Voiced by artificial intelligence.", "above"),
    ("Produced by ElevenLabs and News Over Audio (Noa) using AI narration. Listen to more stories on the Noa app.",
     "above"),
    ("Our Standards: The Thomson Reuters Trust Principles., opens new tab", "under"),
    ("The Associated Press is an independent global news organization dedicated to factual reporting.", "under"),
    ("This material may not be published, broadcast, rewritten, or redistributed.", "under"),
    ("A version of this article appears in print on Dec. 10, 2025, Section A, Page 8 of the New York edition.",
     "under"),
    # a sign-up box's messages, in the page's text whether shown or not
    ("Thank you for subscribing!", "above"),
    ("This slideshow requires JavaScript.", "under"),  # a widget's word that it needs scripts
    ("2,309 people like this. Sign Up to see what your friends like.", "under"),  # a 2010s like box
    ("Before it's here, it's on the Bloomberg Terminal.", "under"),
    ("You have succesfully subscribed. Thank you!\nAn email with an activation link has just been sent to your "
     "email address. Please activate your subscription by clicking on the activation link inside the email.", "under"),
])  # fmt: skip
def test_a_site_s_notice_around_every_article_is_no_paragraph_of_it(notice, where):
    """What a site prints around every article as a sentence: read aloud by a machine, the wire's standards, the
    agency's word about itself, the print edition's note, a sign-up box's thanks. Left out and named."""
    above, under = (f"{notice}\n", "") if where == "above" else ("", f"{notice}\n")
    lead, notices = read(f"Home\n{HEADLINE}\nBy Anna Petrova\n{above}{PARAGRAPH}\n{SECOND}\n{THIRD}\n{under}")
    assert body_of(lead.stories[0]) == [PARAGRAPH, SECOND, THIRD]
    assert any("left out as page furniture" in text and notice[:25] in text for text in notices)


def test_reporting_from_several_places_is_the_writers_line():
    """The New York Times' header: the headline, the standfirst, the lead photo, then the writers, where they report
    from and the date. The place line is no rival of the headline."""
    standfirst = "Regions are preparing for a year of cuts as transfers from Moscow shrink, budget documents show."
    photo = "Governors met the finance minister in Moscow on Tuesday.Credit...Anna Ford for The New York Times"
    page = (f"Home\n{HEADLINE}\n{standfirst}\n{photo}\nBy Anna Petrova and Ivan Sokolov\nReporting from Kyiv, Ukraine, "
            f"and Geneva\nDec. 9, 2026\n{PARAGRAPH}\n{SECOND}\n{THIRD}\n{FOURTH}\n")  # fmt: skip
    lead, notices = read(page)
    assert (lead.stories[0].headline, lead.stories[0].headline_unsure) == (HEADLINE, False)
    assert body_of(lead.stories[0]) == [PARAGRAPH, SECOND, THIRD, FOURTH]
    # ... and on a page whose article names those places (the made-up New York Times page of bench/madeup/), where
    # the place line, read as a title, came close to the headline
    page = json.loads((Path(__file__).parent.parent / "bench" / "madeup" / "news.json").read_text("utf-8"))
    swap = page["nyt_ukraine_swap"]
    lead, notices = read(swap["text"])
    assert (lead.stories[0].headline, lead.stories[0].headline_unsure) == (swap["headline"], False)
    assert any("Reporting from Kyiv, Ukraine, and Geneva" in notice for notice in notices)


@pytest.mark.parametrize("note", [
    "KHALID OSMAN is a Research Fellow at the Rift Valley Institute.\nREBECCA HALE is Director of the Africa Program "
    "at the International Crisis Group.\n",
    "Grace Lin is an associate professor at the Naval War College. Thomas Whitaker is a senior fellow at the "
    "Atlantic Council.\n",
    "Farah Mostafavi is a Fox News Digital reporter covering the Middle East.\nmailto\n",
])  # fmt: skip
def test_the_writers_notes_after_the_last_paragraph_are_no_part_of_it(note):
    """With no byline found (a name alone under the headline), the notes after the article still tell who wrote it:
    a full name that the header names, then what the writer is."""
    writers = "Khalid Osman and Rebecca Hale" if "HALE" in note else note.split(" is ")[0]
    lead, notices = read(f"Home\n{HEADLINE}\n{writers}\n{ARTICLE}{note}Share\n")
    assert body_of(lead.stories[0]) == [PARAGRAPH, SECOND, THIRD]
    assert any("left out as page furniture" in text and note[:20] in text for text in notices)
    # ... but an article's last paragraph about someone in the news stays
    last = "Ivan Sokolov, 54, is a former deputy finance minister who has run the Perm region since 2021."
    assert body_of(read(f"Home\n{HEADLINE}\nKhalid Osman\n{ARTICLE}{last}\nShare\n")[0].stories[0])[-1] == last


@pytest.mark.parametrize("appeal", [
    "Thanks for reading The Ledger! Subscribe for free to receive new posts and support my work.",
    "The Ledger is a reader-supported publication. To receive new posts and support my work, consider becoming a "
    "free or paid subscriber.",
    "Broaden your horizons with award-winning British journalism. Try 1 month for free, then enjoy 1 year for just "
    "$9 with our US-exclusive offer.",
    "Sign up for Courier China, a weekly deep-dive into China's rise and the U.S. response.",
    "The Associated Press is an independent global news organization dedicated to factual reporting. Founded in "
    "1846, AP today remains the most trusted source of fast, accurate, unbiased news in all formats and the "
    "essential provider of the technology and services vital to the news business. More than half the world's "
    "population sees AP journalism every day.",
    "You've read 1 article in the last month",
    "Sie haben Javascript für Ihren Browser deaktiviert.",
    "Every day, our editors send out a selection of the day's news. Sign up for the newsletter here.",
    "We use cookies to improve your experience on our site and to show you relevant advertising.",
])  # fmt: skip
def test_the_site_s_appeal_after_the_article_is_no_paragraph_of_it(appeal):
    """What the site asks of its reader (to subscribe, to give, to try it) or says of itself, under the article; a
    notice that speaks to the reader ("Sie", "our", "Sign up")."""
    lead, notices = read(f"Home\n{HEADLINE}\nBy Anna Petrova\n{ARTICLE}{appeal}\nShare\n")
    assert body_of(lead.stories[0]) == [PARAGRAPH, SECOND, THIRD]
    assert any("left out as page furniture" in text and appeal[:20] in text for text in notices)


def test_an_article_s_sentence_about_a_paper_s_appeal_to_its_readers_stays():
    said = ("The paper's editor said it would ask readers to become paying subscribers next year, after losing "
            "two thirds of its advertising since the war began.")  # fmt: skip
    lead = read(f"Home\n{HEADLINE}\nBy Anna Petrova\n{PARAGRAPH}\n{said}\n{SECOND}\nShare\n")[0].stories[0]
    assert body_of(lead) == [PARAGRAPH, said, SECOND]


def test_an_article_about_cookies_and_advertising_keeps_its_paragraphs_and_its_headline():
    """Its paragraphs name cookies, browsers, privacy and advertisers, as a cookie notice does, but report on them
    and do not speak to the reader: the article's, and its headline over them, not the section's label."""
    article = [
        "Google has again delayed its plan to stop supporting third-party cookies in its Chrome browser, the "
        "company said on Tuesday, citing concerns from regulators.",
        "Advertisers say the tools meant to replace the cookies give them far less information, and privacy groups "
        "say the delay shows the industry cannot regulate itself.",
        "Regulators in Britain said they would keep reviewing the plan before any change reaches the browser's "
        "users, and expect a decision next year.",
    ]
    headline = "Google delays the end of cookies in Chrome again"
    lead = read(f"Home\nNews\nTechnology\n{headline}\n" + "\n".join(article) + "\nShare\n")[0].stories[0]
    assert (lead.headline, body_of(lead)) == (headline, article)


# --- what a review of the rules above found them taking wrongly (113 made-up pages); each is kept as it was -------


def test_paragraphs_about_someone_who_shares_the_writer_s_name_stay():
    """ "By Kim Tong-hyung" over a story about Kim Jong Un: a paragraph that starts "Kim was" or "Kim has been" is the
    article's; only the note of what the writer covers for whom is left out."""
    kim = [
        "Kim was shown in state media photos watching the launch from an observation post near the coast.",
        "Kim has been expanding his nuclear and missile programmes since talks with Washington collapsed in 2019.",
    ]
    note = "Kim covers North and South Korea for The Courier."
    page = f"Home\n{HEADLINE}\nBy Kim Tong-hyung\n{PARAGRAPH}\n" + "\n".join(kim) + f"\n{SECOND}\n{note}\nShare\n"
    assert body_of(read(page)[0].stories[0]) == [PARAGRAPH, *kim, SECOND]


def test_a_caption_over_its_credit_and_a_subhead_under_it_stays_a_caption():
    caption = "Ukrainian soldiers fire a howitzer towards Russian positions near Bakhmut on Sept. 30, 2025."
    subhead = "What the new law means for younger men"
    page = (f"Home\n{HEADLINE}\nBy Anna Petrova\n{PARAGRAPH}\n{SECOND}\n{caption}\n(AP Photo/Evgeniy Maloletka)\n"
            f"{subhead}\n{THIRD}\n{FOURTH}\n")  # fmt: skip
    assert body_of(read(page)[0].stories[0]) == [PARAGRAPH, SECOND, subhead, THIRD, FOURTH]


@pytest.mark.parametrize("top", ["Skip to content\nThe Moscow Times\n", "Radio Free Europe Radio Liberty\n"])
def test_the_site_s_nameplate_over_a_title_case_headline_leaves_it_sure(top):
    headline = "Kremlin Says Moscow Will Not Cut Regional Budgets Without Sanctions Relief"
    lead = read(f"{top}{headline}\nBy Anna Petrova\n{ARTICLE}")[0].stories[0]
    assert (lead.headline, lead.headline_unsure) == (headline, False)


def test_a_timeline_s_dated_entries_under_a_dated_headline_are_no_live_page():
    entries = "".join(f"Share\n{day}\n{title}\n{text}\n" for day, title, text in [
        ("March 4, 2026", "Election day", FOURTH), ("March 5, 2026", "The count", THIRD),
        ("March 6, 2026", "The result", FIFTH)])  # fmt: skip
    headline = "How the regions' budget fight unfolded"
    lead = read(f"Home\nMarch 7, 2026\n{headline}\nBy Anna Petrova\n{PARAGRAPH}\n{entries}")[0].stories[0]
    assert (lead.headline, lead.headline_unsure) == (headline, False)


def test_a_paragraph_ending_in_a_party_and_its_candidate_is_no_caption():
    seats = [
        "Clacton, held since 2024 with a majority of 8,405, is the party's safest seat (Reform: Nigel Farage)",
        "Islington North, where the former leader now stands as an independent (Labour: Praful Nargund)",
    ]
    page = f"Home\n{HEADLINE}\nBy Anna Petrova\n{PARAGRAPH}\n" + "\n".join(seats) + f"\n{SECOND}\nShare\n"
    assert body_of(read(page)[0].stories[0]) == [PARAGRAPH, *seats, SECOND]


@pytest.mark.parametrize("signature", ["Piotr W.\nNov 18\nLiked by Anna\n", "Posted on March 6, 2026 by Olga\n"])
def test_a_signed_comment_or_post_under_leave_a_comment_is_not_the_article(signature):
    """Under the button, paragraphs on the same subject, signed by their writer (a name and a time, or a post's
    footer): a comment, or the next post, not the article going on."""
    under = [
        "The regional governors will not get their delay, whatever the Finance Ministry says about oil revenue in "
        "the spring; the budget for next year was fixed in Moscow long ago.",
        "In my region the school budget has already been cut twice, and the hospital is next, as the article says "
        "the transfers from Moscow shrink again.",
        "I think the squeeze has less to do with the fall in oil revenue than with the war, which takes a third of "
        "the federal budget this year.",
    ]
    article = [PARAGRAPH, SECOND, THIRD, FOURTH, FIFTH]
    page = (f"Home\n{HEADLINE}\nBy Anna Petrova\n" + "\n".join(article) + "\nLeave a comment\n" + "\n".join(under)
            + f"\n{signature}Share\n")  # fmt: skip
    assert body_of(read(page)[0].stories[0]) == article


@pytest.mark.parametrize("subhead", ["Reporting from Riga and Tbilisi", "Save the regions, or the budget"])
def test_a_subhead_deep_in_the_article_that_starts_as_a_writer_s_line_or_a_button_stays(subhead):
    page = f"Home\n{HEADLINE}\nBy Anna Petrova\n{PARAGRAPH}\n{SECOND}\n{subhead}\n{THIRD}\n{FOURTH}\n"
    assert body_of(read(page)[0].stories[0]) == [PARAGRAPH, SECOND, subhead, THIRD, FOURTH]


@pytest.mark.parametrize("above", [
    "Save\nshare2\nGift this article\n",
    "Unlock the Editor’s Digest for free\n",
    "Your support makes all the difference.\n",
])  # fmt: skip
def test_buttons_offers_and_appeals_between_the_byline_and_the_lede_are_left_out(above):
    lead, notices = read(f"Home\n{HEADLINE}\nBy Anna Petrova\n{above}{ARTICLE}Share\n")
    assert (lead.stories[0].headline, body_of(lead.stories[0])) == (HEADLINE, [PARAGRAPH, SECOND, THIRD])


# --- ... and what a second review found the narrowed rules taking wrongly (106 made-up pages) ----------------------


@pytest.mark.parametrize("line", [
    "\"Ukraine will never become a NATO member,\" the president said.",
    "\"Join us on the 18th. Every vote counts,\" he said.",
    "Under the terms of the draft accession treaty, Montenegro would become a full EU member in 2028.",
    "The businessman denied making a donation to either candidate directly.",
    "Voiced by artificial intelligence, the video mimics a broadcast by the state broadcaster.",
    "The paper, whose award-winning investigative journalism drew two million digital subscribers, closed.",
    "A campaign advertisement narrated by AI in the voice of a former governor was pulled on Tuesday.",
    "Readers can still order reprints of articles published before the paper closed its Moscow bureau.",
    "Every article on the site now begins with a button and the words \"Listen to this article\", the editor said.",
])  # fmt: skip
def test_an_article_s_line_with_an_appeal_s_or_a_notice_s_words_in_it_stays(line):
    """Inside the article, or as its first paragraph."""
    page = f"Home\n{HEADLINE}\nBy Anna Petrova\n{PARAGRAPH}\n{line}\n{SECOND}\nShare\n"
    assert body_of(read(page)[0].stories[0]) == [PARAGRAPH, line, SECOND]
    page = f"Home\n{HEADLINE}\nBy Anna Petrova\n{line}\n{PARAGRAPH}\n{SECOND}\nShare\n"
    assert body_of(read(page)[0].stories[0]) == [line, PARAGRAPH, SECOND]


def test_a_quoted_expert_who_shares_the_writer_s_surname_and_a_newsmaker_s_closing_line_stay():
    expert = "Kim is a senior analyst at the Korea Institute for Military Affairs in Seoul, and expects more launches."
    close = "Kevin Hassett is the director of the National Economic Council."
    page = f"Home\n{HEADLINE}\nBy Kim Tong-hyung\n{PARAGRAPH}\n{expert}\n{SECOND}\n{close}\nShare\n"
    assert body_of(read(page)[0].stories[0]) == [PARAGRAPH, expert, SECOND, close]


def test_a_photographer_s_credit_between_a_caption_and_a_long_subhead_leaves_the_caption_a_caption():
    caption = "Protesters wave flags on the capital's main avenue as police move in to clear it after midnight."
    subhead = "What the vote would mean for the regions' schools and hospitals"
    page = (f"Home\n{HEADLINE}\nBy Anna Petrova\n{PARAGRAPH}\n{SECOND}\n{caption}\nIrakli Gedenidze/Reuters\n"
            f"{subhead}\n{THIRD}\n")  # fmt: skip
    assert body_of(read(page)[0].stories[0]) == [PARAGRAPH, SECOND, subhead, THIRD]


def test_a_terse_paywall_notice_in_the_third_person_is_still_furniture():
    notice = "This article is for subscribers only. Subscription from 1 euro a week, cancel anytime."
    lead, notices = read(f"Home\n{HEADLINE}\nBy Anna Petrova\n{ARTICLE}{notice}\n")
    assert body_of(lead.stories[0]) == [PARAGRAPH, SECOND, THIRD]


def test_a_korean_article_s_short_first_paragraphs_are_its_own():
    """Korean has no capitals to tell a title from a sentence by: a short paragraph ending in its full stop (the
    wire's dateline and lede, then a one-line second paragraph) is the article's, not a line of the page."""
    lede = "(서울=연합뉴스) 박지현 기자 = 여야가 내년도 예산안 처리 시한을 하루 앞두고 막판 협상을 벌였다."
    second = "양당 원내대표는 1일 국회에서 만나 쟁점 예산을 논의했다."
    rest = [
        "여당은 정부 원안에 가까운 규모를 유지해야 한다는 입장이지만, "
        "야당은 지역화폐와 청년 일자리 예산을 늘려야 한다고 맞서고 있어 "
        "합의까지는 진통이 예상된다. 양측은 밤늦게까지 실무 협의를 이어가기로 했다.",
        "국회의장은 이날 기자들과 만나 시한 내 처리가 어려울 경우 "
        "본회의에 정부 원안을 그대로 올릴 수밖에 없다고 밝혔으며, 여야 모두 "
        "이를 피하기 위해 막판까지 절충안을 찾겠다는 뜻을 보였다.",
    ]
    page = "정치\n국회·정당\n여야, 예산안 처리 시한 앞두고 막판 협상\n송고2026-12-01 15:31\n박지현 기자\n공유\n댓글\n"
    result, _ = read(page + "\n".join([lede, second, *rest]) + "\n기자 페이지\n")
    assert [block.text for block in result.stories[0].body] == [lede, second, *rest]
    assert not is_prose("기적적 독도행 ‘어서와’, 노르웨..")  # a teaser cut short is no sentence


def test_the_site_s_links_under_the_last_paragraph_are_no_photo_credit():
    """'Terms/Privacy Policy' has a credit's "Name/Name" shape: the paragraph over it stays the article's last."""
    last = "The state's primary is scheduled for May 19, with a runoff on June 16 if no candidate wins a majority."
    result, _ = read(f"Politics\n{HEADLINE}\nNov. 20, 2026\n{ARTICLE}{last}\nTerms/Privacy Policy\nPrivacy Dashboard\n")
    assert result.stories[0].body[-1].text == last
    assert not is_credit("Terms/Privacy Policy") and is_credit("Lukas Coch/AAP")


@pytest.mark.parametrize(
    "line",
    ["Oluşturulma Tarihi: Mart 12, 2026 14:22", "12 marca 2026 | 13:41", "Opublikowano: 12 marca 2026, 13:41"],
)
def test_a_stamp_of_a_year_and_a_time_in_any_language_is_a_date(line):
    """A label, a day with its month in the page's language, the year and a time: the article's timestamp, so a
    standfirst over it is the teaser; a headline with a year and a time in it is none."""
    assert is_date_line(line)
    assert not is_date_line("Polls close at 20:00 in 2026 vote") and not is_date_line(
        "Update: Polls close 2026 at 20:00"
    )
    standfirst = "The leaders agreed on four new crossing points, but not on the talks' next round or their agenda."
    result, _ = read(f"World\n{HEADLINE}\n{standfirst}\nFollow us on Google News\n{line}\nAdvertisement\n{ARTICLE}")
    assert (result.stories[0].teaser, result.stories[0].body[0].text) == (standfirst, PARAGRAPH)


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("12. března 2026 14:05", dt.date(2026, 3, 12)),  # Czech
        ("2026. március 12. 14:05", dt.date(2026, 3, 12)),  # Hungarian: the year first
        ("Opublikowano: 3 października 2026", dt.date(2026, 10, 3)),  # Polish
        ("Opublikowano: 12 listopada 2026, 14:22", dt.date(2026, 11, 12)),  # Polish's November ...
        ("12. listopada 2026. u 14:22", dt.date(2026, 10, 12)),  # ... is Croatian's October, the day with its stop
        ("12 березня 2026", dt.date(2026, 3, 12)),  # Ukrainian
        ("12 марта 2026 г.", dt.date(2026, 3, 12)),  # Russian
        ("(अपडेटेड 06 नवंबर 2026, 8:15 PM IST)", dt.date(2026, 11, 6)),  # Hindi
        ("12 Μαΐου 2026", dt.date(2026, 5, 12)),  # Greek
        ("Rabu, 12 Maret 2026", dt.date(2026, 3, 12)),  # Indonesian
    ],
)
def test_a_date_in_the_page_s_own_language_is_the_story_s_date(line, day):
    """The date under the headline as Czech, Hungarian, Polish, Croatian, Ukrainian, Russian, Hindi, Greek and
    Indonesian sites print it: read as the story's date, not left in the article or taken for its standfirst."""
    result, _ = read(f"World\n{HEADLINE}\n{line}\n{ARTICLE}")
    story = result.stories[0]
    assert (story.headline, story.date, story.body[0].text) == (HEADLINE, day, PARAGRAPH)


def whole_article(top: str, article: list[str], bottom: str):
    """The story read from a page of `top`, the article's paragraphs and `bottom`, its body asserted whole."""
    result, _ = read(top + "\n".join(article) + bottom)
    story = result.stories[0]
    assert [block.text for block in story.body] == article
    return story


def test_a_hindi_page_s_words_are_counted_whole():
    """Hindi's vowel signs are part of its words (a regular expression's word class takes none): counted whole, the
    headline is long enough to be one and the article's paragraphs are prose, so the headline is chosen, sure, over
    the site's name, and the article starts at its first paragraph."""
    headline = "बिहार चुनाव: पहले चरण में रिकॉर्ड मतदान, चुनाव आयोग ने जारी किए आंकड़े"
    article = [
        "बिहार विधानसभा चुनाव के पहले चरण में गुरुवार को रिकॉर्ड मतदान हुआ. चुनाव आयोग के अनुसार शाम पांच बजे तक "
        "चौंसठ प्रतिशत से अधिक मतदाताओं ने अपने मताधिकार का प्रयोग किया.",
        "आयोग ने बताया कि ग्रामीण इलाकों में महिलाओं की भागीदारी पुरुषों से अधिक रही और कई मतदान केंद्रों पर देर "
        "शाम तक लंबी कतारें लगी रहीं.",
        "दूसरे चरण का मतदान अगले मंगलवार को होगा और नतीजे चौदह नवंबर को घोषित किए जाएंगे.",
    ]
    page = f"समाचार टुडे\nहोम\nदेश\nचुनाव\n{headline}\nरवि शर्मा\nनई दिल्ली,\n(अपडेटेड 06 नवंबर 2026, 8:15 PM IST)\n"
    story = whole_article(page, article, "\nसमाचार टुडे\n")
    assert (story.headline, story.headline_unsure, story.date) == (headline, False, dt.date(2026, 11, 6))
    assert words_of("भारत में चुनाव") == 3


def test_a_thai_page_s_headline_and_paragraphs_are_told_apart_by_length():
    """Thai is written without spaces between words, without capitals and seldom with a full stop: a word is some
    three letters (its vowel and tone marks aside), the article's paragraphs are longer lines than its headline, and
    the headline shares runs of letters with them. The headline is chosen, sure, and every paragraph is kept."""
    headline = "สภาฯ รับหลักการร่างกฎหมายเลือกตั้งท้องถิ่น เปิดทางลงคะแนนล่วงหน้านอกเขต"
    article = [
        "ที่ประชุมสภาผู้แทนราษฎรมีมติรับหลักการร่างพระราชบัญญัติการเลือกตั้งสมาชิกสภาท้องถิ่นในวาระแรก "
        "ด้วยคะแนนเสียงเห็นด้วย 410 เสียง ไม่เห็นด้วย 12 เสียง",
        "ร่างกฎหมายฉบับนี้เปิดทางให้ผู้มีสิทธิเลือกตั้งสามารถลงคะแนนล่วงหน้านอกเขตเลือกตั้งได้ เป็นครั้งแรกสำหรับการเลือกตั้งท้องถิ่นทั่วประเทศ",
        "คณะกรรมการการเลือกตั้งระบุว่า จะเตรียมระบบลงทะเบียนลงคะแนนล่วงหน้าให้พร้อมภายในหกเดือน หลังกฎหมายมีผลบังคับใช้",
    ]
    page = f"ไทยพีบีเอส\nหน้าแรก\nข่าว\nการเมือง\nต่างประเทศ\nเศรษฐกิจ\n{headline}\n14 ต.ค. 68\nแชร์\n"
    story = whole_article(page, article, "\nแท็กที่เกี่ยวข้อง\nเลือกตั้งท้องถิ่น\n")
    assert (story.headline, story.headline_unsure) == (headline, False)
    assert words_of("การเลือกตั้ง") == 3  # an election: nine letters, three words


def test_a_long_thai_headline_under_a_section_s_label_is_still_the_headline():
    """Thai papers run headlines of a hundred letters and more, under a section's label ("การเมือง", politics) that
    the article's text holds too: the headline is no paragraph for its length, and the label, one run of letters
    with no space, ranks as one word."""
    headline = "นายกรัฐมนตรีเดินทางเยือนกรุงวอชิงตันเพื่อเจรจาข้อตกลงการค้าฉบับใหม่ พร้อมหารือความร่วมมือด้านความมั่นคงในภูมิภาคอาเซียน"
    article = [
        "นายกรัฐมนตรีออกเดินทางจากกรุงเทพฯ เมื่อเช้าวันนี้ เพื่อเยือนกรุงวอชิงตันอย่างเป็นทางการเป็นเวลาสามวัน "
        "โดยมีกำหนดพบหารือกับประธานาธิบดีสหรัฐฯ ที่ทำเนียบขาวในวันพรุ่งนี้",
        "ทั้งสองฝ่ายคาดว่าจะลงนามในข้อตกลงการค้าฉบับใหม่ ซึ่งจะลดภาษีนำเข้าสินค้าเกษตรและชิ้นส่วนอิเล็กทรอนิกส์ "
        "และเปิดทางให้การลงทุนของไทยในสหรัฐฯ เพิ่มขึ้น",
        "นอกจากนี้ ผู้นำทั้งสองจะหารือความร่วมมือด้านความมั่นคงทางทะเลในภูมิภาคอาเซียน และสถานการณ์ในทะเลจีนใต้",
    ]
    page = f"ไทยรัฐออนไลน์\nหน้าแรก\nการเมือง\nเศรษฐกิจ\nต่างประเทศ\nการเมือง\n{headline}\nไทยรัฐออนไลน์\n16 ต.ค. 2569\n"
    assert whole_article(page, article, "\nแท็ก\nการเมือง\n").headline == headline


def test_the_article_under_its_header_is_whole_across_a_box_of_dated_titles_and_ends_over_its_section_links():
    """The Telegraph of 2013: a "Related Articles" box set into the article, each title with its date, the article
    going on under it; after its last paragraph, its sections' links ("Politics »"). With the byline and date over
    the first paragraph, the article is read from there, whole; the box and the links are left out. (The runs above
    and under such a box are not joined otherwise: a box of dated titles stands as often over the next story. The
    older pool's Telegraph page is still cut at its box.)"""
    box = (
        "Related Articles\nCharities accuse ministers of gagging critics\n03 Sep 2013\n"
        "Lobbying register will not cover most lobbyists\n14 Jul 2013\n"
    )
    links = "Politics »\nConservative »\nLabour »\nLiberal Democrats »\nIn Politics\nCoalition rift deepens\n"
    fourth = (
        "Regional governors have asked the Finance Ministry for an emergency fund, but officials said the budget "
        "rules adopted last year leave little room for new transfers before the spring."
    )
    result, _ = read(
        f"News\n{HEADLINE}\nBy Anna Petrova\n12 Nov 2013\n{PARAGRAPH}\n{SECOND}\n{box}{THIRD}\n{fourth}\n{links}"
    )
    assert body_of(result.stories[0]) == [PARAGRAPH, SECOND, THIRD, fourth]
    quote = "»Det här är en reform för demokratin, inte för något parti.»"  # a Swedish quote: a sentence, no link
    assert is_prose(quote) and not is_prose("Liberal Democrats »")


def test_a_quote_ending_the_article_stays_over_the_site_s_copyright_line():
    """NPR's page of 2013: the article's last paragraph a short quote, then "Copyright 2013 NPR. To see more, visit
    http://www.npr.org/." A copyright line with an address is the site's, no photo's credit, so the quote is no
    caption: it stays the article's last paragraph."""
    quote = '"I\'d like to go home and tell them we did."'
    page = f"NPR\n{HEADLINE}\nJuly 11, 2013\n{ARTICLE}{quote}\nCopyright 2013 NPR. To see more, visit http://www.npr.org/.\n"
    result, _ = read(page + "Comments\n")
    assert body_of(result.stories[0])[-1] == quote


def test_the_ap_s_file_photo_caption_and_vox_s_share_menu_are_no_part_of_the_article():
    """The AP's caption of an archive photo starts "FILE -"; Vox Media's share menu pastes as "Share All sharing
    options for:" and the headline. Neither is the article's first paragraph; a paragraph that starts "File –" in
    another sense stays."""
    caption = "FILE - Supporters of opposition parties march during a rally in the capital, July 3, 2016."
    share = f"Share All sharing options for: {HEADLINE}"
    file_paragraph = "File – then Print – is all it took to send the ballot papers, the clerk told the inquiry."
    page = f"News\n{HEADLINE}\nBy Anna Petrova\nSeptember 1, 2016\n{share}\nEmail\n{caption}\n{ARTICLE}"
    result, _ = read(page + file_paragraph + "\n")
    story = result.stories[0]
    assert (story.caption, body_of(story)) == ("Supporters of opposition parties march during a rally in the capital, "
                                               "July 3, 2016.", [PARAGRAPH, SECOND, THIRD, file_paragraph])  # fmt: skip


@pytest.mark.parametrize("desk", ["HT Correspondent, New Delhi", "Staff Reporter", "Express News Service"])
def test_a_button_s_count_and_a_desk_s_byline_are_no_headline(desk):
    """Old pages scripts off: the share buttons with their counts before them ("Like 5.9k", "Recommend 1.2k") and a
    desk's byline with no one's name (the papers of South Asia: "HT Correspondent, New Delhi"). Neither is the
    headline; the desk is the byline. A bare "Reporter" (a broadcaster's programme in its menu) is no byline."""
    page = f"News\nLike 5.9k\nRecommend 1.2k\n{HEADLINE}\n{desk}\nMay 16, 2014\nLike 5.9k\n{ARTICLE}"
    story = read(page)[0].stories[0]
    assert (story.headline, story.byline) == (HEADLINE, desk)
    assert not is_byline("Reporter") and not is_byline("Federal Bureau of Investigation")


def test_a_year_of_another_calendar_is_no_date():
    """Israel National News dates by the Hebrew calendar ("Nisan 14, 5786"), whose month Turkish also names; Thai
    pages by the Buddhist era (2569). Neither is read as a year of ours: the story gets no date rather than a wrong
    one."""
    assert line_date("Nisan 14, 5786") is None and line_date("14 Nisan 2026") == dt.date(2026, 4, 14)
    result, _ = read(f"World\n{HEADLINE}\nNisan 14, 5786\n{ARTICLE}")
    assert result.stories[0].date is None


def test_a_chinese_article_goes_on_under_a_related_box_and_its_photo_s_caption_is_no_paragraph():
    """Taiwan's papers: the caption ending in "（記者X攝）" (photographed by the reporter) over the lede, and a box of
    related titles set between the article's paragraphs. Counted in pairs of characters, the text under the box
    shares fewer of them with the text above than words would: the article still goes on under it."""
    caption = "民眾黨主席昨天在記者會上宣布，將自提新竹市長人選。（記者王小明攝）"
    above = [
        "〔記者王小明／台北報導〕台灣民眾黨昨天宣布，將在年底選舉中自行提名新竹市長參選人，與國民黨在竹市的合作談判正式宣告破局。",
        "新竹市長因任期將滿，民眾黨內部去年底起即討論接班人選。國民黨方面則希望由立委代表藍白聯盟參選，雙方歷經三個月協商仍無共識。",
    ]
    below = [
        "民進黨方面，秘書長表示，藍白之間的矛盾早已浮上檯面，民進黨將在竹市推出最有競爭力的人選，讓市民有真正的選擇。",
        "政治學者分析，竹市選民結構年輕、科技業人口比例高，過去兩屆市長選舉都出現三強鼎立的局面，藍白若分裂，民進黨勝選機會大增。",
    ]
    box = "相關新聞\n藍白合再生變數 新竹是民眾黨的家\n國民黨徵召名單出爐 六都人選底定\n"
    page = f"政治\n藍白合破局？ 民眾黨宣布新竹市長自提人選\n2026/03/10 05:30\n分享\n{caption}\n" + "\n".join(above)
    result, _ = read(page + "\n" + box + "\n".join(below) + "\n☆本網站新聞內容未經同意不得轉載☆\n")
    story = result.stories[0]
    assert [block.text for block in story.body] == [*above, *below]
    assert story.credit == "（記者王小明攝）"


def test_a_handout_credit_naming_a_privacy_office_and_an_analysis_box_s_writer_are_read_as_such():
    """'Office of the Privacy Commissioner/Handout' is a photo's credit (only the site's links, "Privacy Policy",
    are none); and "Chris Mason, political editor" inside the article, an analysis box's writer, is no byline."""
    assert is_credit("Office of the Privacy Commissioner of Canada/Handout")
    assert not is_credit("Terms/Privacy Policy") and not is_credit("Privacy Policy/Cookie settings")
    assert not is_byline("Chris Mason, political editor") and is_byline("KENJI MORISAKI, Nikkei staff writer")


def test_the_article_s_opening_over_a_read_also_box_is_kept_past_an_audio_player_under_its_header():
    """Público's layout: the header's date, an audio player's buttons and the photo's caption, three paragraphs, a
    "Leia também" box with one title, then the rest, longer. The title in the box is no headline of the text under it
    (the header stands over the opening): the opening is the article's, not left out."""
    opening = [
        "A uma semana da primeira volta das eleições presidenciais, nenhum candidato consegue destacar-se e quatro "
        "estão separados por apenas seis pontos, segundo a sondagem da Universidade Católica.",
        "O almirante lidera com 23% das intenções de voto, seguido do antigo líder do partido com 20%, numa eleição "
        "que os politólogos descrevem como a mais disputada desde 1986.",
    ]
    rest = [
        "Em relação ao estudo de Dezembro, o almirante perde três pontos e o antigo líder ganha quatro, a maior "
        "subida de todos os candidatos desde o início da campanha para as presidenciais.",
        "Nos cenários de segunda volta testados, o almirante venceria qualquer adversário, mas com margens mais "
        "curtas do que em Dezembro, o que mostra uma eleição ainda em aberto a uma semana da votação.",
        "Para os politólogos da Universidade de Lisboa, a fragmentação reflecte a ausência de um candidato apoiado "
        "por todo o centro, algo que não acontecia numa eleição presidencial desde 1986.",
    ]
    page = (
        "Presidenciais 2026\nSondagem: quatro candidatos separados por seis pontos\nSofia Marques Pinto\n"
        "11 de Janeiro de 2026, 6:30\nOuvir este artigo\n00:00\n05:12\nPartilhar\nGuardar\n"
        "Os candidatos no debate da RTP, na passada quarta-feira Nuno Ferreira Santos\n"
        + "\n".join(opening)
        + "\nPublicidade\nLeia também\nDebate a quatro: o que disseram os candidatos sobre a eleição\n"
        + "\n".join(rest)
        + "\nTópicos\nPolítica\n"
    )
    result, _ = read(page)
    assert [block.text for block in result.stories[0].body] == [*opening, *rest]


@pytest.mark.parametrize(
    "after",
    [
        "Talkback (23)\nAnna K.\nThe governors should collect their own taxes.\n",  # the Jerusalem Post's comments
        "Have your say\nYour views\nShould the regions get more time to find the money?\nSend us your views\n",
        "How does this make you feel?\nHappy\nSad\nAngry\nInspired\n",  # a reaction widget
    ],
)
def test_comments_under_another_name_and_a_reaction_widget_end_the_article(after):
    """Readers' comments headed as the Jerusalem Post and the BBC head them ("Talkback", "Have your say"), and a
    widget asking the reader's mood: the article ends at its own last paragraph; a "What's this?" link beside the
    share buttons is no paragraph."""
    result, _ = read(f"{HEADLINE}\nBy Anna Petrova\nShare this article:\nDigg\nReddit\nWhat's this?\n{ARTICLE}{after}")
    assert body_of(result.stories[0]) == [PARAGRAPH, SECOND, THIRD]


@pytest.mark.parametrize(
    "after",
    [
        "Authors\nKenji Arakawa\nSenior Fellow - Foreign Policy, Center for East Asia Policy Studies\n"
        "The Institution is committed to quality, independence and impact, and is supported by a diverse array of "
        "funders who share those values.\n",  # a think tank's box of its writers
        "Before you go...\nEvery day, our academic experts write to help you make sense of a complex world, and if "
        "you value their work we hope you will consider a donation today.\nDonate now\n",  # a donation pitch
        "Теги:\nРустем Умєров\nпереговори\nШановні читачі, долучайтеся до спільноти та підтримуйте незалежну "
        "журналістику, яка потрібна зараз як ніколи раніше!\n",  # tags under their Ukrainian label
        "Reader comments 164\nYou must login or create an account to comment.\ngrantk\nGood. The doctrine was "
        "written for an era when the third party was a bank teller, not a phone in every pocket.\n",
    ],
)
def test_a_box_of_writers_a_donation_pitch_labelled_tags_and_counted_comments_end_the_article(after):
    """What sites put under the article's last paragraph, each over a paragraph of their own: a box headed
    "Authors", a pitch headed "Before you go...", tags under "Теги:", comments headed "Reader comments 164". The
    article ends at its own last paragraph."""
    result, _ = read(f"{HEADLINE}\nBy Anna Petrova\n{ARTICLE}{after}")
    assert body_of(result.stories[0]) == [PARAGRAPH, SECOND, THIRD]


def test_a_newsletter_s_referral_widget_under_the_article_is_no_part_of_it():
    widget = (
        "Share Ballot Lines\nYou currently have 0 referrals, only 1 away from receiving a shout-out in the next "
        "edition.\nCopy your referral link\nOr share it on\n"
    )
    result, _ = read(f"{HEADLINE}\nBy Anna Petrova\n{ARTICLE}{widget}")
    assert body_of(result.stories[0]) == [PARAGRAPH, SECOND, THIRD]


@pytest.mark.parametrize(
    "inside",
    [
        "Additional reading\nHow regional budgets actually work, in one chart\nRecounts and the law, explained\n",
        "Campaigners at the count on Sunday. Photo: Ron Fisher/Flickr\nCreative Commons: Some rights reserved.\n",
    ],
)
def test_a_box_of_links_or_a_photo_s_licence_inside_the_article_does_not_end_it(inside):
    result, _ = read(f"{HEADLINE}\nBy Anna Petrova\n{PARAGRAPH}\n{inside}{SECOND}\n{THIRD}\n")
    assert body_of(result.stories[0]) == [PARAGRAPH, SECOND, THIRD]


def test_an_author_label_over_the_writer_s_name_in_the_header_ends_nothing():
    """ "Author:" over the writer's name, under the headline and its standfirst, is a label, no end of anything: the
    headline is sure (a box headed "Authors" under the last paragraph ends the article)."""
    deck = "Regional budgets are squeezed as oil money falls ... what a time to be a governor ..."
    page = f"Home\n{HEADLINE}\n{deck}\nAuthor:\nThe Daily Brief\nPublish date:\nNov 18, 2019\n{ARTICLE}"
    result, _ = read(page)
    assert (result.stories[0].headline, result.stories[0].headline_unsure) == (HEADLINE, False)


@pytest.mark.parametrize("heading", ["Before you go...", "Authors"])
def test_a_closing_box_s_heading_between_paragraphs_that_go_on_is_a_subhead(heading):
    """A travel piece's "Before you go..." (or a prize story's "Authors") between paragraphs, the article going on
    about what it spoke of under it: the article's subhead, kept in place, not its end."""
    above = [
        "Every year, mountain rescue teams in the national park are called out dozens of times to walkers caught on "
        "the ridge by bad weather, and the round of the four summits is where most of those calls come from.",
        "The round begins and ends at the pass car park and takes in four summits, with a scramble along the ridge "
        "that most walkers need six to eight hours to finish in good weather.",
    ]
    below = [
        "Check the mountain forecast for the ridge, not the general one for the park, and be ready to turn back at "
        "the first summit if the wind on the ridge is stronger than the forecast said.",
        "Be honest about your experience of scrambling: if you have never scrambled on a ridge before, do the round "
        "with someone who has, and start early enough to finish the four summits in daylight.",
    ]
    result, _ = read("Round of the four summits\nBy Anna Petrova\n" + "\n".join([*above, heading, *below]) + "\n")
    assert [(block.kind, block.text) for block in result.stories[0].body] == [
        *(("p", text) for text in above),
        ("h", heading),
        *(("p", text) for text in below),
    ]


@pytest.mark.parametrize(
    "notice",
    [
        "この記事は有料記事です。残り1128文字\n有料会員になると続きをお読みいただけます。",
        "［有料会員限定］ この記事は会員限定です。電子版に登録すると続きをお読みいただけます。",
    ],
)
def test_a_japanese_paper_s_members_only_notice_ends_the_article_there_and_is_named(notice):
    opening = (
        "衆議院の解散をめぐり、与党内では年内に選挙を行うべきだという意見と、来年の通常国会のあとに先送りすべきだという"
        "意見が対立していて、首相は補正予算の成立を待って最終的に判断する考えです。"
    )
    page = (
        f"政治\n衆議院解散の時期めぐり 与党内で意見対立\n2026年12月2日 6時05分\n{opening}\n"
        f"その判断は…\n{notice}\n"
        "関連ニュース\n与党幹部「解散の時期は首相が決めること」 選挙準備を急ぐ\n野党、予算委での集中審議を要求\n"
    )
    result, notices = read(page)
    assert body_of(result.stories[0]) == [opening]
    assert any("asks to log in or subscribe" in str(notice) for notice in notices)


def test_a_question_among_a_related_box_s_titles_over_the_article_is_not_its_first_paragraph():
    """A related box between the header and the article, one of its titles a question ("Vote Compass: Where do you
    fit on the political landscape?"): the article starts at its own first paragraph, and the box is named."""
    box = (
        "Related Stories\nLong lines at advance polls frustrate some voters\n"
        "Vote Compass: Where do you fit on the political landscape?\nElection 2015: What you need to know\n"
    )
    result, notices = read(f"{HEADLINE}\nBy Anna Petrova\nShare\n{box}{ARTICLE}")
    assert body_of(result.stories[0]) == [PARAGRAPH, SECOND, THIRD]
    assert result.stories[0].teaser == ""
    assert notices[0].startswith('page.txt:3-7: left out as page furniture: "Share", "Related Stories"')


def test_the_next_story_under_a_box_and_a_next_article_label_is_not_the_article_going_on():
    """A German page that scrolls on into the next story: "Mehr zum Thema" over "Verwandte Artikel", a title, then
    "Nächster Artikel" and the next story's paragraphs. German's small words ("und", "der", "die") are no evidence
    that it speaks of the article's subject: the article ends at its own last paragraph."""
    article = (
        "Die Stadt Kiel will die Promenade an der Förde bis zum Sommer 2027 vollständig sanieren lassen, wie der "
        "Bauausschuss am Dienstag mit großer Mehrheit beschlossen hat.\n"
        "Die Arbeiten an den Ufermauern sollen im Herbst beginnen und in drei Abschnitten erfolgen, damit die "
        "Promenade für Spaziergänger und die Gastronomie teilweise offen bleiben kann.\n"
        "Während der Arbeiten bleibt die Promenade für Radfahrer und Lieferverkehr gesperrt, teilte die Verwaltung "
        "mit, und die Busse der Linie 41 werden über die Holtenauer Straße umgeleitet.\n"
    )
    zoo = (
        "Der Zoo in Hannover hat zum ersten Mal seit zehn Jahren wieder Nachwuchs bei den Humboldt-Pinguinen, und die "
        "Pfleger sind über die beiden Küken, die in der Nacht geschlüpft sind, sehr froh.\n"
        "Die Küken werden in den ersten Wochen von den Eltern gefüttert, bevor sie im Frühjahr zum ersten Mal ins "
        "Becken dürfen, wo die Besucher sie dann sehen können, wie der Zoo mitteilte.\n"
    )
    page = (f"Kiel\nPromenade an der Förde wird bis 2027 saniert\n12. März 2026\n{article}Mehr zum Thema\n"
            f"Verwandte Artikel\nNeue Radwege für die Innenstadt\nAnzeige\nNächster Artikel\n{zoo}")  # fmt: skip
    result, _ = read(page)
    assert body_of(result.stories[0]) == article.strip().split("\n")


def test_a_comments_heading_counted_with_a_space_between_thousands_ends_the_article():
    """ "Commentaires (1 148)", a French page's comments counted with a space between the thousands: the comments
    are no part of the article."""
    comments = thread(
        "Répondre",
        ("Marc L.", "Enfin ! Ce pont est infernal aux heures de pointe depuis des années, il était temps."),
        ("Sophie", "Et les cyclistes, on y pense ? Six mois de travaux sans piste, c'est beaucoup trop long."),
        ("Jean-Pierre", "Encore de l'argent public dépensé sans consulter les riverains du quartier."),
    )
    result, _ = read(f"{HEADLINE}\nBy Anna Petrova\n{ARTICLE}Commentaires (1 148)\n{comments}")
    assert body_of(result.stories[0]) == [PARAGRAPH, SECOND, THIRD]


def test_a_headline_under_a_topic_s_banner_and_its_date_is_not_ranked_down_as_a_caption():
    """A festival's banner of three words over the day's date, the share buttons, then the article's headline: the
    banner is no header of the article's, so the headline is not ranked down as a caption under it; at the least,
    the banner is not chosen without a flag."""
    headline = "Au Festival d'Avignon, une cour d'honneur comble pour la création de Léa Marchetti"
    article = (
        "La cour d'honneur du Palais des papes était comble samedi soir pour la création de Léa Marchetti au "
        "Festival d'Avignon, une pièce de trois heures sur la mémoire des vignerons du Vaucluse.\n"
        "La metteuse en scène, qui présentait pour la première fois un spectacle dans la cour, a été longuement "
        "applaudie par les deux mille spectateurs, malgré le mistral qui a soufflé toute la soirée.\n"
        "La création sera reprise à Paris au Théâtre de la Ville en novembre, puis en tournée dans une dizaine de "
        "villes de France et de Belgique jusqu'au printemps.\n"
    )
    story = read(f"Culture\nFestival d'Avignon 2026\nSamedi 11 juillet 2026\nPartager\nFacebook\n{headline}\n{article}"
                 )[0].stories[0]  # fmt: skip
    assert story.headline == headline or story.headline_unsure


def test_buttons_shown_twice_are_no_caption_but_a_caption_shown_twice_is():
    """A photo's caption pasted twice (its alt text, then the caption under it) is the caption; two buttons of the
    same letters (Asharq Al-Awsat's smaller and larger text, "TT" and "TT") are not, nor is one word over a credit
    ("Viber" over "Courtesy of Forests News"): they are named as left out."""
    caption = "Voters queue outside a polling station in Beirut on Sunday"
    page = f"Home\n{HEADLINE}\nNov 20, 2026\nTT\nTT\n{ARTICLE}"
    lead, notices = read(page)
    assert (lead.stories[0].caption, body_of(lead.stories[0])) == ("", [PARAGRAPH, SECOND, THIRD])
    assert any('"TT", "TT"' in notice for notice in notices)
    lead = read(f"Home\n{HEADLINE}\nNov 20, 2026\n{caption}\n{caption}\n{ARTICLE}")[0].stories[0]
    assert (lead.caption, body_of(lead)) == (caption, [PARAGRAPH, SECOND, THIRD])
    lead = read(f"Home\n{HEADLINE}\nNov 20, 2026\nViber\nCourtesy of Forests News\n{ARTICLE}")[0].stories[0]
    assert (lead.caption, lead.credit, body_of(lead)) == ("", "Courtesy of Forests News", [PARAGRAPH, SECOND, THIRD])


def test_medium_s_buttons_over_the_writer_are_no_caption_nor_a_headline_to_doubt():
    """Medium's header: "Sign in", "Get started" and its "Homepage" link twice (the logo's alt text, then the link),
    then the writer, the date and the headline. The buttons are furniture: no caption, and no line near enough to the
    headline to make it a guess."""
    page = f"Sign in\nGet started\nHomepage\nHomepage\nAnna Petrova\nNov 20, 2026\n·\n7 min read\n{HEADLINE}\n{ARTICLE}"
    result, notices = read(page)
    lead = result.stories[0]
    assert (lead.headline, lead.headline_unsure, lead.caption) == (HEADLINE, False, "")
    assert any('"Sign in", "Get started", "Homepage"' in notice for notice in notices)


@pytest.mark.parametrize(
    ("labels", "date"),
    [
        (("Article information", "Author", "Role", "Image source", "Image caption"), "14 October 2025"),
        (("اطلاعات مقاله", "نویسنده", "شغل", "منبع تصویر", "توضیح تصویر"), "۲۲ مهر ۱۴۰۴"),  # Persian, its own calendar
        (
            ("Información del artículo", "Autor", "Título del autor", "Fuente de la imagen", "Pie de foto"),
            "14 octubre 2025",
        ),
    ],
)
def test_the_bbc_s_labelled_byline_gives_the_writer_and_the_labelled_caption_keeps_to_itself(labels, date):
    """The BBC's pages print their byline for screen readers in the page's language: "Article information", then
    "Author, Anna Petrova" and "Role, Europe correspondent" (a comma after each label). The name is the byline, the
    labels are furniture. The line over the photo's labelled credit (the date, in whatever calendar) is no caption:
    the BBC's credit belongs to the labelled caption under it."""
    information, author, role, source, label = labels
    comma = "،" if source == "منبع تصویر" else ","
    caption = "A tanker near the Bosphorus, where the ships change their flags"
    page = (f"Home\nNews\n{HEADLINE}\n{information}\n{author}, Anna Petrova\n{role}, Europe correspondent\n{date}\n"
            f"{source}{comma} Getty Images\n{label}{comma} {caption}\n{ARTICLE}")  # fmt: skip
    result, notices = read(page)
    lead = result.stories[0]
    assert (lead.headline, lead.byline, lead.caption) == (HEADLINE, "Anna Petrova", caption)
    assert body_of(lead) == [PARAGRAPH, SECOND, THIRD]
    left_out = [notice for notice in notices if "left out as page furniture" in notice]
    assert all(any(line in notice for notice in left_out) for line in (information, f"{role}, Europe correspondent"))


def test_a_date_with_a_comma_after_its_month_is_the_story_s_date():
    """RT prints its dates "20 Nov, 2019 05:47", a comma after the month: the story's date, not a line left out."""
    assert line_date("20 Nov, 2019 05:47") == dt.date(2019, 11, 20)
    result, _ = read(f"World\n{HEADLINE}\n20 Nov, 2019 05:47\n{ARTICLE}")
    assert result.stories[0].date == dt.date(2019, 11, 20)


def test_a_standfirst_over_a_long_header_is_the_teaser_and_the_article_starts_under_the_header():
    """Clarín's header: the standfirst, then its byline, the writer's post, two dates, three buttons and the photo's
    caption, nine lines before the article. The standfirst is the teaser, the date the story's, the buttons left out
    and named; none is a subhead of the article."""
    standfirst = "Ministers agreed the plan after a late meeting with five regional governors this week"
    page = (f"Politics\n{HEADLINE}\n{standfirst}\nPor Martín Bidegain\nPeriodista\n13/11/2025 19:10\n"
            "Actualizado al 13/11/2025 20:03\nEscuchar nota\nCompartir\nVer comentarios\n"
            f"The finance committee, on Thursday. Foto: Federico López\n{ARTICLE}")  # fmt: skip
    result, notices = read(page)
    lead = result.stories[0]
    assert (lead.teaser, lead.byline, lead.date) == (standfirst, "Martín Bidegain", dt.date(2025, 11, 13))
    assert body_of(lead) == [PARAGRAPH, SECOND, THIRD]
    assert any("Escuchar nota" in notice and "left out" in notice for notice in notices)


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("13/11/2025 19:10", dt.date(2025, 11, 13)),  # Clarín's: day first, the day past 12
        ("11/28/2016 04:23 pm ET", dt.date(2016, 11, 28)),  # American: month first
        ("14.10.2025 15:20", dt.date(2025, 10, 14)),  # dots: day first
        ("2019/10/08 11:23", dt.date(2019, 10, 8)),  # year first
        ("05/06/2025 10:00", None),  # the 5th of June or the 6th of May: no date taken
    ],
)
def test_a_date_in_figures_in_the_header_is_the_story_s_date_when_it_can_be_only_one(line, day):
    result, notices = read(f"World\n{HEADLINE}\n{line}\n{ARTICLE}")
    assert result.stories[0].date == day
    assert (day is None) == any(line in notice and "left out" in notice for notice in notices)


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Jul 29th 2010", dt.date(2010, 7, 29)),  # The Economist's
        ("Thursday January 12th, 2017", dt.date(2017, 1, 12)),
        ("Published 13th Feb 2026, 09:12 GMT", dt.date(2026, 2, 13)),  # British regional papers'
        ("3rd August 2017", dt.date(2017, 8, 3)),
        ("1st of May 2012", dt.date(2012, 5, 1)),
    ],
)
def test_a_date_with_its_day_s_ordinal_is_the_story_s_date(line, day):
    """A day written with its English ordinal ("29th", "3rd") is the story's date, and no line left out as furniture
    (it had been: the date named among the page's buttons, the story undated)."""
    result, notices = read(f"World\n{HEADLINE}\n{line}\n{ARTICLE}")
    assert result.stories[0].date == day
    assert not any(line in notice for notice in notices), notices


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("30.out.2022 às 19h58", dt.date(2022, 10, 30)),  # Folha's: the month's abbreviation between dots
        ("12 set 2021", dt.date(2021, 9, 12)),  # Portuguese abbreviations: fev, abr, ago, set, out
        ("Publicado em 3 fev 2020", dt.date(2020, 2, 3)),
        ("14.ago.2019", dt.date(2019, 8, 14)),
    ],
)
def test_a_date_with_a_portuguese_month_s_abbreviation_is_the_story_s_date(line, day):
    """Brazilian pages date an article with the month's abbreviation ("out" for outubro), Folha's between dots: the
    line had been left out as furniture (or kept as a title), the story undated."""
    result, notices = read(f"Mundo\n{HEADLINE}\n{line}\n{ARTICLE}")
    assert result.stories[0].date == day
    assert not any(line in notice for notice in notices), notices


@pytest.mark.parametrize(
    ("above", "under", "day"),
    [
        ("Friday, December 23, 2016", "", dt.date(2016, 12, 23)),  # a blog's date over its post's title
        ("November 19, 2019 / 12:21 AM / Updated 14 hours ago", "", dt.date(2019, 11, 19)),  # a wire's, over it
        ("12 March 2026", "14 March 2026", dt.date(2026, 3, 14)),  # ... but the header's own under it comes first
    ],
)
def test_a_date_right_over_the_headline_is_the_story_s_when_none_is_under_it(above, under, day):
    """Blogs and some news sites set the date over the title: it had been left out with the menu over it, and the
    story left undated. A date under the headline is still the one taken."""
    result, notices = read("\n".join(["World", "Politics", above, HEADLINE, *([under] if under else []), ARTICLE]))
    lead = result.stories[0]
    assert (lead.headline, lead.date) == (HEADLINE, day), notices


def test_a_name_alone_over_the_date_is_the_byline_and_a_video_player_s_labels_are_not():
    """A writer's name on its own line right over the date (Axios, DW, Yle, Substack) is the byline; a video
    player's "Stream Type LIVE" over its "Remaining Time -1:32", or "Follow on Google News" over the date, is not."""
    result, _ = read(f"World\n{HEADLINE}\nAino Lehtonen\n12.3.2026 14:20\n{ARTICLE}")
    assert (result.stories[0].byline, result.stories[0].date) == ("Aino Lehtonen", dt.date(2026, 3, 12))
    result, _ = read(f"World\n{HEADLINE}\nStream Type LIVE\nRemaining Time -1:32\n{ARTICLE}")
    assert result.stories[0].byline == ""
    result, _ = read(f"World\n{HEADLINE}\nGoogle News'te Takip Et\nMart 12, 2026 14:22\n{ARTICLE}")
    assert result.stories[0].byline == ""


def test_a_standfirst_under_the_date_with_its_byline_under_it_is_the_teaser_and_a_caption_there_is_not():
    """The Süddeutsche sets its header as headline, date, the photo's caption, the standfirst, then the byline; a
    standfirst there is the teaser. Advance's sites set the photo's credit and caption where the standfirst would be:
    a line under a credit is the caption, in the body or the teaser neither."""
    standfirst = (
        "Belgium still blocks the plan to lend frozen central bank money to Ukraine, and Kyiv may run short by spring."
    )
    page = (f"Politik\n{HEADLINE}\n18. Dezember 2025, 21:14 Uhr\n{standfirst}\nVon Clara Lindemann, Brüssel\n"
            f"Artikel anhören\nTeilen\n{ARTICLE}")  # fmt: skip
    lead = read(page)[0].stories[0]
    assert (lead.teaser, lead.byline, body_of(lead)) == (
        standfirst,
        "Clara Lindemann, Brüssel",
        [PARAGRAPH, SECOND, THIRD],
    )
    caption = "The governor, pictured at the White House in 2018, when she was a congresswoman. Her campaign is new."
    page = (
        f"News\n{HEADLINE}\nUpdated Nov 19, 9:41 AM\nAlex Wong | Getty Images\n{caption}\nBy Amy Kuperinsky\n{ARTICLE}"
    )
    lead = read(page)[0].stories[0]
    assert lead.teaser == "" and caption not in body_of(lead)


@pytest.mark.parametrize("buttons", ["Artikel anhören\nTeilen\nFeedback", "Copiar enlace\nIr a los comentarios",
                                     "Słuchaj tekstu", "Ascolta l'articolo", "Link Copied!", "শেয়ার করুন\nসেভ করুন",
                                     "Compartir en Bluesky", "Partager :"])  # fmt: skip
def test_a_page_s_buttons_in_other_languages_are_left_out_and_named_never_subheads(buttons):
    result, notices = read(f"World\n{HEADLINE}\nBy Anna Petrova\n{PARAGRAPH}\n{buttons}\n{SECOND}\n{THIRD}\n")
    assert body_of(result.stories[0]) == [PARAGRAPH, SECOND, THIRD]
    assert all(any(button in notice for notice in notices) for button in buttons.split("\n"))


def test_a_comment_thread_under_a_vietnamese_or_czech_heading_is_not_the_article():
    thread = "Nguyễn Văn Tường\nNhà tôi khiếu nại từ năm 2023 đến giờ vẫn chưa có quyết định.\nThích 214 Trả lời 3h\n"
    for heading in ("Ý kiến (18)", "Diskuse (312)"):
        result, _ = read(f"World\n{HEADLINE}\nBy Anna Petrova\n{ARTICLE}{heading}\n{thread}")
        assert body_of(result.stories[0]) == [PARAGRAPH, SECOND, THIRD]


def test_a_live_post_s_writer_is_no_rival_to_the_headline():
    """CNN's live pages: each post's title has "From CNN's ..." under it; that line is no headline the page's own
    could be mistaken for."""
    headline = "Shutdown deadline nears as House vote on stopgap bill slips to Friday"
    said = [
        "The House Rules Committee has postponed a meeting that was set for Thursday evening to prepare debate on the "
        "stopgap bill, according to two sources familiar with the schedule.",
        "The committee is now expected to meet early Friday, hours before government funding runs out at midnight, "
        "leaving little time for a vote in the full House.",
    ]
    posts = "".join(f"{n} min ago\nPost number {n} on the stopgap bill\nFrom CNN’s Priya Nandakumar\n{said[0]}\n"
                    f"{said[1]}\nLink Copied!\n" for n in (5, 29, 52))  # fmt: skip
    page = (f"Live Updates\nLive Updates\n{headline}\nBy Priya Nandakumar and Owen Castellano, CNN\n"
            "Updated 6:12 PM EST, Thu January 29, 2026\nLink Copied!\nFollow:\nGovernment shutdown\n"
            "The House Speaker walks to the floor on Thursday.\nKayla Monroe/CNN\nWhat we're covering\n"
            f"• A House vote on the stopgap bill has been pushed to Friday.\n{posts}")  # fmt: skip
    lead = read(page)[0].stories[0]
    assert (lead.headline, lead.headline_unsure) == (headline, False)


def test_a_byline_with_its_post_and_a_time_in_a_m_is_the_byline_and_a_credit_glued_to_its_caption_is_the_credit():
    """The Boston Globe pastes its byline as "By Name Globe Columnist,Updated March 4, 2026, 3:00 a.m." (ending in
    "a.m.", no sentence's stop) and its caption with the credit in capitals glued to its last full stop."""
    caption = "A polling station in Kyiv during the 2019 election. Ukraine has postponed elections since 2022."
    page = (f"Opinion\n{HEADLINE}\nBy Miriam Kasdan Globe Columnist,Updated March 4, 2026, 3:00 a.m.\nShare\n"
            f"{caption}EFREM LUKATSKY/ASSOCIATED PRESS\n{ARTICLE}")  # fmt: skip
    lead = read(page)[0].stories[0]
    assert (lead.byline, lead.date) == ("Miriam Kasdan Globe Columnist", dt.date(2026, 3, 4))
    assert (lead.caption, lead.credit) == (caption, "EFREM LUKATSKY/ASSOCIATED PRESS")
    assert body_of(lead) == [PARAGRAPH, SECOND, THIRD]


def test_how_to_reach_the_writer_after_the_article_is_the_writer_s_note_not_its_last_paragraph():
    page = (
        f"World\n{HEADLINE}\nRuth Wambui\nBuzzFeed News Reporter\n{ARTICLE}Contact Ruth Wambui at ruth@example.com.\n"
    )
    result, notices = read(page)
    assert body_of(result.stories[0]) == [PARAGRAPH, SECOND, THIRD]
    assert any("Contact Ruth Wambui" in notice for notice in notices)


def test_the_site_s_name_at_the_top_that_its_foot_repeats_is_flagged_when_nothing_better_stands_for_the_headline():
    """Pasted without its headline, the best line left may be the site's name over its menu; the page's foot names
    the site again ("War on the Rocks" over "About", "Contact"): the choice is flagged as the site's own name."""
    page = (f"Skip to content\nRegional Budget Monitor\nCommentary\nPodcasts\nAnna Petrova\nMarch 5, 2026\n{ARTICLE}"
            "Related\nRegional Budget Monitor\nAbout\nContact\nPrivacy Policy\n")  # fmt: skip
    result, notices = read(page)
    lead = result.stories[0]
    assert (lead.headline, lead.headline_unsure) == ("Regional Budget Monitor", True)
    assert any("the site's own name" in notice for notice in notices)


@pytest.mark.parametrize("line", ["Voters queue at a polling station in Seoul. (File photo)",
                                  "韩国首尔一处投票站内，选民排队等候投票。（资料图）",
                                  "Der Bundestag in Berlin (Archivbild)",
                                  "El Congreso de los Diputados, en Madrid. (Foto de archivo)",
                                  "কলকাতা হাই কোর্ট। —ফাইল চিত্র।"])  # fmt: skip
def test_a_line_that_says_its_photo_is_from_the_archive_is_a_caption_not_the_article_s_first_paragraph(line):
    lead = read(f"World\n{HEADLINE}\nBy Anna Petrova\n{line}\n{ARTICLE}")[0].stories[0]
    assert lead.caption and line.startswith(lead.caption)  # (the note in brackets may be read as its credit)
    assert body_of(lead) == [PARAGRAPH, SECOND, THIRD]


@pytest.mark.parametrize("line", ["Par Ion Popescu, publié le 5 décembre 2026",
                                  "Von Ion Popescu, veröffentlicht am 5. Dezember 2026",
                                  "Por Ion Popescu, publicado el 5 de diciembre de 2026",
                                  "By Ion Popescu, published December 5, 2026"])  # fmt: skip
def test_a_byline_with_when_it_was_published_after_a_comma_gives_the_name_and_the_date(line):
    lead = read(f"World\n{HEADLINE}\n{line}\n{ARTICLE}")[0].stories[0]
    assert (lead.byline, lead.date) == ("Ion Popescu", dt.date(2026, 12, 5))


@pytest.mark.parametrize("tail", [
    "What did you think of today's brief?\nYour feedback helps us make The Sanctions Brief better.\n🔥 Loved it\n",
    "Comment Guidelines\nThe Gazette encourages reader discussion on our stories. Please review our rules first.\n",
    "Join our new WhatsApp community and receive your daily dose of Gazette content.\nJoin here\n",
])  # fmt: skip
def test_a_newsletter_s_feedback_ask_the_comments_rules_and_a_whatsapp_promo_end_the_article(tail):
    result, notices = read(f"World\n{HEADLINE}\nBy Anna Petrova\n{ARTICLE}{tail}")
    assert body_of(result.stories[0]) == [PARAGRAPH, SECOND, THIRD]
    assert any(tail.split("\n")[0][:30] in notice for notice in notices)


def test_a_standfirst_with_the_photo_s_caption_then_its_byline_under_it_is_passed_to_the_article():
    """Al Jazeera's header: the standfirst, the photo's caption, the byline, two dates and four buttons, then the
    article: nine lines, the byline near the standfirst (the caption between). Where the article was found from the
    headline down (its longer run starts below a box of other stories), it starts past that header."""
    from newsletter.readers.lines import Line
    from newsletter.readers.standfirst import past_standfirst

    texts = [HEADLINE, "Parties begin campaigning for the February vote, the first since the uprising of 2024.",
             "Supporters of the opposition at a rally in Dhaka [Photographer/AFP]", "By Tanvir Rahman",
             "Published On 21 Jan 2026", "21 Jan 2026", "Save", "Click here to share", "share2", "Share",
             PARAGRAPH, SECOND]  # fmt: skip
    roles = ["other", "prose", "other", "byline", "date", "date", *["furniture"] * 4, "prose", "prose"]
    lines = [Line(n, text) for n, text in enumerate(texts, start=1)]
    assert past_standfirst(lines, roles, 0, 1, len(lines) - 1) == 10


@pytest.mark.parametrize("text", ["1. e", "- S p\n…", "day\n* e c"])
def test_a_paste_of_a_list_item_or_two_and_no_paragraph_is_refused_in_one_line(text):
    """Found by fuzzing the CLI: the densest run of such a paste holds list items and no paragraph."""
    from newsletter.errors import InputError

    with pytest.raises(InputError, match="holds no article: no paragraphs of running text found"):
        read(text)


ISLAND = [
    "The small island of Kerrow, bare for a century after its goats ate every shrub, is green again. Volunteers "
    "who removed the last of the goats in 2019 counted over forty species of plants on its slopes this spring.",
    "Seabirds that had not nested on the island within living memory have come back, and the volunteers say the "
    "lizards that survived on the cliffs now number in the thousands, up from a few hundred when they began.",
    "The island's restoration cost less than a tenth of what the government had set aside for it, its reports say, "
    "and the method is now being tried on two other islands in the same chain, where rats are the problem.",
]


@pytest.mark.parametrize("button", ["Advertisement", "Share this article"])
@pytest.mark.parametrize("shape", ["sentence over its date", "sentences over the date and byline"])
def test_a_button_between_a_headline_written_as_sentences_and_its_date_changes_nothing(shape, button):
    """A headline written as sentences ("Goats ruled this island. Now it is reborn.") is the headline for the
    date or byline right under it. A page sets an advertisement's label or a share button anywhere in its header:
    the headline was lost for the standfirst, or for another line above it, on the pages read for this."""
    headline = "Goats stripped this small island bare for a hundred years. Now, at last, it is green again."
    top = ["Environment", "Subscribe"]  # the page's menu
    if shape == "sentence over its date":  # (under the site's name, a title)
        top = ["The Kerrow Gazette Weekly Edition", "Environment"]
        header = [headline, button, "Updated Nov 19, 2026, 9:41 AM"]
    else:
        standfirst = "Volunteers on Kerrow counted forty kinds of plants where there were none."
        header = [headline, button, standfirst, "Monday, 16 November 2026", "By Anna Petrova"]
    stories = []
    for lines in (header, [line for line in header if line != button]):
        read_page, notices = read("\n".join([*top, *lines, *ISLAND]) + "\n")
        stories.append(read_page.stories[0])
        assert (stories[-1].headline, stories[-1].body[0].text) == (headline, ISLAND[0]), notices
    with_button, without = stories
    assert (with_button.headline_unsure, with_button.teaser) == (without.headline_unsure, without.teaser)


@pytest.mark.parametrize("names", [["Mara Quint", "Staff Engineer, Payments"], ["Mara Quint", "Follow"]])
def test_a_headline_written_as_a_sentence_over_its_deck_and_the_writers_name_heads_the_article(names):
    """A company's or Medium's blog sets its headline as a sentence, its deck under it, then the writer's name with
    a title or a "Follow" button, then the date and reading time: all of it the header, under a menu's words. The
    headline and deck had been read as the article's first paragraphs (the name and title as subheads), and a menu
    word as the headline."""
    headline = "We took the last goat off Kerrow. Then the island came back."
    deck = "Five years of volunteer work on a bare island, and what grew where the goats had been."
    top = ["Blog", "All posts", "Environment", "Volunteers"]
    page, notices = read("\n".join([*top, headline, deck, *names, "May 17, 2022 · 9 min read", *ISLAND]) + "\n")
    lead = page.stories[0]
    assert (lead.headline, lead.teaser, lead.body[0].text) == (headline, deck, ISLAND[0])
    assert all(name not in block.text for block in lead.body for name in names)
    assert any(names[0] in notice for notice in notices)  # left out, and named


def test_a_headline_pasted_twice_over_its_byline_is_sure_over_a_topic_label_above_the_article():
    """A page's title pasted twice (its heading and the image's alt, or the title bar's), over the byline and date,
    then tags and a topic's label right over the first paragraph: the label shares a word with the article, and it
    had come close enough to flag the headline as a guess."""
    title = "Council orders recount in 9 wards after seal complaints in Kerrow"
    body = [
        "KERROW: The district council on Monday ordered a recount in nine wards after candidates complained that "
        "the seals on several ballot boxes had been broken before the count began.",
        "The recount will be held on Thursday in the town hall, the returning officer Mara Quint said.",
        "The complaints came to light during the count on Saturday, when agents of two parties noticed that the "
        "seals on four boxes did not match the numbers written in the log.",
    ]
    header = [title, title, "Ida Morn, KTN | Apr 22, 2026, 03.14AM IST", "Tweet", "Read more", "Recount", "Ballots"]
    page, notices = read("\n".join(["More Cities", "City", "Kerrow", *header, "Kerrow council", *body]) + "\n")
    lead = page.stories[0]
    assert (lead.headline, lead.headline_unsure, lead.body[0].text) == (title, False, body[0]), notices


def test_a_video_s_title_pasted_around_its_length_is_no_headline_over_the_article_s():
    """A video player over the article: its title, its length and section ("2:32 | Politics"), its title again. The
    length is no date and the second copy is the player's, so neither makes the video's title the article's header:
    it had been taken, sure, for the headline, and the article's deck for its first paragraph."""
    video = "Kerrow runoff debate: Five things to watch when the candidates meet on Thursday"
    title = "Ballots and Bridges: How a ferry pilot became Kerrow's kingmaker"
    deck = (
        "How did a ferry pilot become the man every campaign in the city courts? Start with the one thing he won't say."
    )
    body = [
        "Tomas Vell has piloted the Kerrow ferry for nineteen years, and on a grey Tuesday morning he knows most of "
        "his passengers by name, and most of them by the way they vote.",
        "The river wards decide every runoff the city has held since the districts were redrawn in 2011, and this "
        "year the two candidates are separated by fewer than nine hundred votes.",
        "Both campaigns have asked to ride with him. He has turned them down, he says, because the ferry is no place "
        "for speeches.",
    ]
    menu = ["Home", "News", "Politics", "Sport", "Weather", "Menu", "Subscribe"]
    video_card = [video, "2:32 | Politics", video]
    header = [*video_card, "Politics", title, deck, "Share", "Ann Corbel", "Thursday January 12th, 2017"]
    page, notices = read("\n".join([*menu, *header, *body, "Share", "More from Politics"]) + "\n")
    lead = page.stories[0]
    assert (lead.headline, body_of(lead)) == (title, body), notices


def test_an_office_named_in_the_menu_and_under_a_statements_title_is_no_rival_for_it():
    """A ministry's statement: its title pasted twice, then the kind of release and the office that speaks, which
    the menu at the top names too. Only a line whose two copies stand together is the page's title twice; the
    office's name, once in the menu, had come close enough to flag the title as a guess."""
    title = "On the Municipal Elections in Kerrow"
    body = [
        "The Ministry congratulates the people of Kerrow on the peaceful conduct of the municipal elections held on "
        "Sunday, and the election commission on a count completed within a day.",
        "We note the observers' finding that voting was orderly and well run, and we urge all parties to settle any "
        "disputes about the results through the courts and the commission.",
        "We look forward to working with the new municipal councils on the reconstruction of the harbour district.",
    ]
    top = ["An official website of the Kerrow Government", "Menu", "Home", "Office of the Spokesperson"]
    header = ["Press Releases", title, title, "Press Statement", "Office of the Spokesperson", "March 10, 2026"]
    page, notices = read("\n".join([*top, *header, *body]) + "\n")
    lead = page.stories[0]
    assert (lead.headline, lead.headline_unsure, lead.body[0].text) == (title, False, body[0]), notices


def test_a_stations_name_between_the_headline_and_its_byline_is_no_headline():
    """A broadcaster's local station named between the headline and its byline ("ABC North Coast"), its name again
    in the first photo's credit inside the article: a label of the header, ranked under the title over it. It had
    been taken for the headline, the headline left as "close"."""
    title = "'We have nowhere to go': Kerrow renters face eviction as flood repairs drag on"
    body = [
        "Mara Quint and her two children have moved three times since the February floods.(Kerrow Coast Radio: "
        "Ida Morn)",
        "Renters in flood-hit Kerrow say landlords are ending leases to carry out repairs, then relisting the homes "
        "at rents far above what they paid before the water came through.",
        "Tenancy advocates say there is almost nowhere left to rent in the district, and that families are sleeping "
        "in cars and tents at the showground while they wait for a place.",
    ]
    header = ["Regions", title, "Kerrow Coast Radio", "/", "By Ida Morn", "Posted Tue 5 Apr 2026 at 5:40am", "Share"]
    page, notices = read("\n".join(["News", "Home", *header, *body]) + "\n")
    assert page.stories[0].headline == title, notices


@pytest.mark.parametrize("banner", ["This article is more than 4 years old", "Dieser Artikel ist älter als ein Jahr"])
def test_an_old_articles_banner_is_left_out_and_its_sentence_headline_heads_it_over_its_deck(banner):
    """The Guardian's banner over an old article ("This article is more than 4 years old"), then a headline written
    as two sentences, a deck written as one, the writer's name and post, the date: the banner is page furniture
    (left out, and named), the first sentence line the headline and the next its deck. The banner had been taken
    for the headline, the headline and deck for the first paragraphs."""
    headline = "The goats are gone from Kerrow. Nobody can agree who should plant the trees."
    deck = "A row between the island's council and its volunteers has left the new saplings waiting for a summer."
    top = ["News", "Opinion", "Sport", "Environment", "Local government"]
    header = [banner, headline, deck, "Ida Morn North of England correspondent", "Tue 9 Mar 2021 06.00 GMT", "Share"]
    page, notices = read("\n".join([*top, *header, *ISLAND]) + "\n")
    lead = page.stories[0]
    assert (lead.headline, lead.teaser, lead.body[0].text) == (headline, deck, ISLAND[0]), notices
    assert any(notice.startswith("page.txt:1-6: left out as page furniture") for notice in notices)  # the banner's


def test_a_headline_written_as_sentences_over_its_deck_heads_it_with_few_of_the_articles_words():
    """A headline written as two short sentences right over a deck written as one, the writer's line and the date
    under them: the upper is the headline, the lower its deck, though the deck holds more of the article's words
    (the headline's few words had let the deck rank first)."""
    headline = "Green at last. But nobody can agree who should pay for the work."
    deck = "A row between the island's council and its volunteers has left the new saplings waiting for a summer."
    top = ["News", "Opinion", "Sport", "Environment", "Local government"]
    header = [headline, deck, "Ida Morn North of England correspondent", "Tue 9 Mar 2021 06.00 GMT", "Share"]
    page, notices = read("\n".join([*top, *header, *ISLAND]) + "\n")
    lead = page.stories[0]
    assert (lead.headline, lead.teaser, lead.body[0].text) == (headline, deck, ISLAND[0]), notices


@pytest.mark.parametrize("related", [False, True], ids=["deck", "list-of-titles-over-the-headline"])
def test_a_headline_with_no_full_stop_over_a_deck_as_long_heads_the_article(related):
    """The Guardian's header in sentence case with no full stops: a headline right over a deck a word or two longer,
    the writers and the date under them. The headline holds few of the article's words, the deck more, and the deck
    had ranked first; a headline is never printed under its own summary. The last of a list of other stories' titles
    right over a headline has that shape too: it is no headline over its deck."""
    headline = "Kerrow's quiet comeback shows what patience and a small budget can do for wild places"
    deck = "A restoration that cost a tenth of its budget is now being copied on two other islands in the chain"
    top = ["News", "Opinion", "Sport", "Environment", "Analysis"]
    if related:  # the page's list of other stories, the last right over the headline (here the deck's line)
        top = [
            "Council says the ferry timetable will stay the same through the winter months",
            "Harbour master warns of delays as the old quay is closed for repairs",
            "Kerrow's school board votes to keep the village school open for another year",
            headline,
        ]
        headline = deck
    header = [headline, *([] if related else [deck]), "Ida Morn and Tomas Vell", "Tue 9 Mar 2021 06.00 GMT", "Share"]
    page, notices = read("\n".join([*top, *header, *ISLAND]) + "\n")
    lead = page.stories[0]
    assert (lead.headline, body_of(lead)[-3:]) == (headline, ISLAND), notices


def test_a_fly_title_over_a_pun_and_its_rubric_is_the_kicker_and_the_pun_the_headline():
    """The Economist's header: a fly title of two words, the headline (a pun that holds few of the article's words),
    the rubric in sentence case, then the date with the dateline and edition after it ("Jul 29th 2010 | NAIROBI |
    from the print edition"). The fly title had been taken for the headline and the date left out as furniture."""
    title = "Green shoots, of a sort"
    rubric = "Kerrow's goats are gone and its slopes are green. Whether the island can stay that way is another matter"
    header = ["Europe", "Kerrow's island", title, rubric, "Mar 9th 2021 | KERROW | from the print edition", "Like"]
    page, notices = read("\n".join(["Home", "World", "Business", *header, "Tweet", *ISLAND]) + "\n")
    lead = page.stories[0]
    assert (lead.headline, lead.date, body_of(lead)) == (title, dt.date(2021, 3, 9), ISLAND), notices


def test_a_table_of_contents_over_the_article_is_no_rival_for_its_headline():
    """A think tank's commentary: the headline, its writers and date, their posts, share buttons, then the table of
    contents ("Sections": the article's subheads, each standing again inside it) right over the first paragraph. An
    entry of the contents, sharing the article's words, had been taken for the headline."""
    title = "What a ferry deal with the mainland would and would not do for Kerrow"
    subheads = ["The shape of the proposal", "Who would run the ferries, and who would pay for them", "Conclusion"]
    header = [title, "Ida Morn and Tomas Vell", "March 4, 2025", "Ida Morn", "Senior Fellow - Island Studies",
              "Share", "Print", "Sections", "Toggle section navigation", *subheads]  # fmt: skip
    body = [
        "Officials in Kerrow and on the mainland have spent a month describing a deal on the island's ferries, in "
        "ever warmer words, without publishing a line of it.",
        subheads[0],
        "What has been said points to a simple trade: the mainland would buy two new ferries, and Kerrow would give "
        "its harbour fees to the mainland's port authority for twenty years.",
        subheads[1],
        "The island's council would keep the timetable, but the port authority would run the ferries and pay their "
        "crews, which the council says would cost the island its say over fares.",
        subheads[2],
        "The deal would bring Kerrow new ferries sooner than it could afford them alone, at the price of its fees.",
    ]
    page, notices = read("\n".join(["Home", "Research", "Commentary", *header, *body, "More On", "Islands"]) + "\n")
    lead = page.stories[0]
    assert (lead.headline, lead.body[0].text) == (title, body[0]), notices


@pytest.mark.parametrize("where", ["header", "article"])
def test_what_the_gift_button_says_subscribers_may_do_is_left_out_and_named(where):
    """Folha's gift button and what it says a subscriber may give away ("Assinantes podem liberar 7 acessos por dia
    para conteúdos da Folha"), in the header over the photo, or set again inside the article. A title's length with
    no full stop, it had been read inside the article as its subhead, and over the photo of a page whose opening holds
    its small words ("por", "dia", "para") as the headline. It is the button's: left out and named."""
    title = "Voluntários terminam o trabalho em Kerrow e as aves marinhas voltam à ilha"
    deck = "Mais de quarenta espécies de plantas crescem nas encostas; o método agora é copiado em outras ilhas"
    pitch = "Assinantes podem liberar 7 acessos por dia para conteúdos da Folha"
    body = [
        "A pequena ilha de Kerrow, nua por um século depois que as cabras comeram todos os arbustos, está verde de "
        "novo. Os voluntários contaram mais de quarenta espécies de plantas por toda a ilha nesta primavera.",
        "As aves marinhas voltaram para fazer ninhos na ilha pela primeira vez em muitos anos, e os lagartos já são "
        "milhares por dia nas falésias, dizem os voluntários, que trabalham para a prefeitura.",
        "A restauração custou menos de um décimo do que o governo tinha reservado para ela, e o método agora é "
        "testado em outras duas ilhas da mesma cadeia, onde o problema são os ratos.",
    ]
    header = [title, deck, "Ida Morn", "Tomas Vell", "Kerrow", "30.out.2022 às 19h58", "Ouvir o texto", "Gift",
              *([pitch] if where == "header" else []), "Copiar link", "Compartilhe",
              "Aves marinhas sobre as falésias de Kerrow na primavera - Ida Morn/Folhapress"]  # fmt: skip
    article = [body[0], pitch, body[1], body[2]] if where == "article" else body
    page, notices = read("\n".join(["Mundo", "Ambiente", *header, *article]) + "\n")
    lead = page.stories[0]
    assert (lead.headline, body_of(lead)) == (title, body), notices
    assert any("left out" in notice and pitch[:30] in notice for notice in notices) or where == "header", notices


def test_a_claim_under_its_lead_in_is_never_the_fact_check_s_headline():
    """A fact-check's header: who said it, "stated on ... in a Facebook post:", the claim (all of whose words the
    article repeats), the rating, the writer and date, then the fact-check's own headline. The claim had been taken
    for the headline. What a lead-in ending in a colon introduces is a quote, not a title."""
    claim = "Says “more than 2 million noncitizens voted in the 2026 council election in Kerrow.”"
    title = "No, 2 million noncitizens did not vote in Kerrow's council election"
    body = [
        "A post shared widely on Facebook claims that more than 2 million noncitizens voted in Kerrow's council "
        "election in 2026. Kerrow has 41,000 registered voters.",
        "The council's election office told us it found four ballots cast by noncitizens, all of them referred to "
        "the police, out of 29,800 votes counted in the 2026 council election.",
        "The claim that 2 million noncitizens voted is off by a factor of half a million, the office said.",
    ]
    header = ["Facebook posts", "stated on February 27, 2026 in a Facebook post:", claim, "Pants on Fire",
              "By Ida Morn", "March 3, 2026", title, "If Your Time is short"]  # fmt: skip
    page, notices = read("\n".join(["Home", "Fact-checks", "Promises", *header, *body, "Sources"]) + "\n")
    lead = page.stories[0]
    assert (lead.headline, body_of(lead)[-3:]) == (title, body), notices


def test_a_box_of_facts_over_a_house_tour_is_never_its_headline():
    """A house tour's box of facts over its first paragraph ("Name: ...", "Location: ...", "Size: ...", "Type of
    home: ...", "Years lived in: ..."), the tour's title higher up with its writer and date: a fact, sharing the
    article's words, had been taken for the headline. A headline with a label ("Analysis: ...") stands alone."""
    title = "Jokes on Every Wall, and Cats Under Every Chair"
    facts = ["Name: Mara and Ida Quint, and two cats", "Location: Harbour District — Kerrow", "Size: 900 square feet",
             "Type of home: Flat in an old cannery", "Years lived in: 4 years, renting"]  # fmt: skip
    body = [
        "Tell us a little about your flat and the people who live there: we moved into this flat in the old "
        "cannery in the Harbour District four years ago, with two cats and a van full of framed cartoons.",
        "Mara draws cartoons for a living and Ida writes the captions, which means the walls of the flat fill up "
        "faster than we can paint them, and every guest leaves with a favourite.",
        "The cannery's brick and iron stayed; everything else in the flat is white, so the cartoons do the talking.",
    ]
    header = ["House Tours", title, "Nadia Okafor", "Nadia Okafor", "Contributor", "published Apr 12, 2026", "Save",
              "Comments (12)", "Share", "Credit: Nadia Okafor"]  # fmt: skip
    page, notices = read("\n".join(["Home", "Design", *header, *facts, *body]) + "\n")
    lead = page.stories[0]
    assert (lead.headline, lead.body[0].text) == (title, body[0]), notices


def test_a_headline_over_its_summarys_points_heads_the_article():
    """The Daily Mail sets a summary's points under the headline, each a line in sentence case with no full stop,
    the byline and date under the last. Each shares more of the article's words than the headline: one had been
    taken for it. A deck ending its sentence is no such point."""
    headline = "Island hires goatherd to keep wild goats off its new saplings after volunteers lose a summer's work"
    points = [
        "Council in Kerrow pays £4,500 for a goatherd and two dogs to guard the slopes this spring",
        "Goats swam back from the next island and ate forty kinds of plants, say the volunteers",
        "Seabirds that came back to nest are at risk if the shrubs go again, warn naturalists",
    ]
    header = ["Login", headline, *points, "By Ida Morn for MailOnline", "Published: 12:01 BST, 5 May 2026"]
    page, notices = read("\n".join(["Home", "News", "Sport", *header, *ISLAND]) + "\n")
    lead = page.stories[0]
    assert (lead.headline, lead.body[0].text) == (headline, ISLAND[0]), notices


@pytest.mark.parametrize(
    "last",
    [
        "Die Insel soll im Herbst grün sein. »Dann«, sagt sie, »pflanzen wir weiter.«",
        "Die Insel soll im Herbst grün sein. „Dann“, sagt sie, „pflanzen wir weiter.“",
    ],
)
def test_a_last_paragraph_ending_in_german_closing_quotes_is_the_articles(last):
    """German closes a quotation with « or “ (»Dann«, „Dann“): a last paragraph ending so, over the page's tags,
    had not read as running text and was left out with the tags."""
    body = [
        "Die kleine Insel Kerrow, hundert Jahre lang kahl, nachdem Ziegen jeden Strauch gefressen hatten, ist "
        "wieder grün. Freiwillige zählten in diesem Frühjahr mehr als vierzig Pflanzenarten an ihren Hängen.",
        "Seevögel, die seit Menschengedenken nicht mehr auf der Insel gebrütet hatten, sind zurückgekehrt, und die "
        "Eidechsen an den Klippen zählen nun nach Tausenden, sagen die Freiwilligen.",
        last,
    ]
    lines = ["Wissenschaft", "Kerrow ist wieder grün", "Von Ida Morn", "12.05.2026", *body]
    page, notices = read("\n".join([*lines, "Mehr lesen über", "Inseln", "Naturschutz", "Impressum"]) + "\n")
    assert [block.text for block in page.stories[0].body] == body, notices


@pytest.mark.parametrize(
    "button", ["Show All Wards", "See all polls", "View all 24 photos", "Add to your saved stories"]
)
def test_a_list_or_save_button_is_left_out_and_never_the_headline(button):
    """A results table's or a gallery's "Show all ..." and a saved-stories button ("Add to your saved stories") are
    the page's buttons, left out and named; under a headline written as a sentence, one had been the headline."""
    headline = "Kerrow's goats are gone. The island is finding out what grows without them."
    page, notices = read("\n".join(["Opinion", headline, "Ida Morn", button, "May 12, 2026", *ISLAND]) + "\n")
    lead = page.stories[0]
    assert (lead.headline, [block.text for block in lead.body]) == (headline, ISLAND), notices
    assert any(button[:20] in notice for notice in notices), notices


def test_a_name_of_two_words_starting_na_keeps_it():
    """Swahili's "Na" (by) before a writer's names ("Na Juma Hassan") is no part of the byline, but "Na Li" is a
    name of two words, whole: its "Na" was taken off, leaving "Li"."""
    lead = read(f"World\n{HEADLINE}\nNa Li\n12 March 2026\n{ARTICLE}")[0].stories[0]
    assert lead.byline == "Na Li"
