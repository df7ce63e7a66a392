"""Pasted page text: the seed, every credit form, and the ways copied text goes wrong."""

from pathlib import Path

import pytest
from golden import SEED

from newsletter.load import load_source, place_related
from newsletter.readers.credits import is_credit
from newsletter.readers.text import parse_page

BODY = (
    "Body paragraph: the talks in Brussels ended late on Tuesday without a deal on the budget, and the "
    "ministers agreed to meet again in the new year."
)


def page(text: str):
    notices = []
    result = parse_page(text, "page.txt", notices)
    return result, notices


def items(result):
    """The stories of the related list that ends the page."""
    return [story for found in result.related for story in found.items]


@pytest.fixture(scope="module")
def seed():
    loaded = load_source(SEED)
    place_related(loaded, loaded.page_brand)  # as a build does with no brand set: the page's own
    return loaded


def test_seed_lead_story(seed):
    lead = seed.stories[0]
    assert lead.headline == "Zelensky asks the West (again) for expanded weapon use"
    assert lead.caption == (
        "Ukrainian President Volodymyr Zelensky stands near newly arrived F-16 fighter jets at a "
        "location not disclosed for security reasons on Aug. 4, 2024."
    )
    assert lead.credit == "Reuters"
    assert len(lead.body) == 5
    assert lead.body[0].text.startswith("President Volodymyr Zelensky is urging Western allies")
    assert lead.body[4].text.startswith("“Ukraine will keep trying")
    assert [q.model_dump() for q in lead.pull_quotes] == [
        {
            "text": "Ukraine will keep trying to get permission to use longer-range weapons "
            "but will abide by Western terms.",
            "attribution": "Eurasia Group’s Russia expert Alex Brideau",
        }
    ]


def test_seed_brand_comes_from_more_from_line(seed):
    assert seed.page_brand == "GZERO Media"


def test_seed_more_from_items_in_page_order(seed):
    items = seed.stories[1:]
    assert [item.credit for item in items] == [
        "REUTERS/Brian Snyder",
        "REUTERS/Ibraheem Abu Mustafa/File Photo",
        "REUTERS/Marco Bello/File Photo",
        "(Photo by Debajyoti Chakraborty/NurPhoto)",
        "REUTERS/Rebecca Cook",
    ]
    assert [item.caption.split(",")[0] for item in items] == [
        "Tesla CEO and X owner Elon Musk reacts next to Republican presidential nominee and former U.S. "
        "president Donald Trump during a campaign rally",
        "FILE PHOTO: Yahya Sinwar",
        "Acting Director of the U.S. Secret Service Ronald Rowe Jr. speaks during a press conference as the "
        "FBI investigates what they said was an apparent assassination attempt in Florida on Republican "
        "presidential nominee and former U.S. President Donald Trump",
        "Doctors",
        "Pro-Palestinian protesters rally for a cease-fire in Gaza during the ongoing conflict between "
        "Israel and Hamas in Dearborn",
    ]
    assert items[2].teaser == ""
    assert items[0].teaser.startswith("Elon Musk, the world’s wealthiest person")
    assert items[3].teaser.startswith("In August, the brutal rape and murder")
    assert items[4].teaser.endswith("This is the latest in GZERO’s Bloc by Bloc voting demographics series.")
    assert [item.source.line for item in items] == [19, 24, 29, 31, 36]


@pytest.mark.parametrize(
    "credit",
    [
        "Reuters",
        "REUTERS/Brian Snyder",
        "REUTERS/Marco Bello/File Photo",
        "(Photo by Debajyoti Chakraborty/NurPhoto)",
        "AP Photo/Evan Vucci",
        "Getty Images",
        "Kyodo via REUTERS",
        "Jane Doe/The Example Post via AP",
        "Photo by Jane Doe",
        "Jane Doe/Getty Images",
    ],
)
def test_credit_forms_are_recognised(credit):
    assert is_credit(credit)
    result, _ = page(f"Headline\n\nA caption of the photo.\n{credit}\n\nBody paragraph one.\n")
    assert result.stories[0].credit == credit
    assert result.stories[0].caption == "A caption of the photo."


@pytest.mark.parametrize(
    "line",
    [
        "Reuters reported on Tuesday that talks had stalled.",
        "The AP photo desk was closed.",
        "President Zelensky is urging Western allies to lift restrictions.",
    ],
)
def test_sentences_are_not_credits(line):
    assert not is_credit(line)


def test_crlf_line_ends(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes(SEED.read_bytes().replace(b"\n", b"\r\n"))
    loaded = load_source(path)
    place_related(loaded, loaded.page_brand)
    assert loaded.stories[0].headline == "Zelensky asks the West (again) for expanded weapon use"
    assert [s.credit for s in loaded.stories][-1] == "REUTERS/Rebecca Cook"
    assert "\r" not in loaded.stories[1].teaser


def test_utf8_bom_is_dropped(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SEED.read_bytes())
    assert load_source(path).stories[0].headline == "Zelensky asks the West (again) for expanded weapon use"


def test_trailing_spaces_tabs_and_non_breaking_spaces():
    result, _ = page("Headline\u00a0here  \n\nCaption\tline.\u00a0\nCaption\tline.\nReuters \n\nBody\u00a0text.\t\n")
    lead = result.stories[0]
    assert lead.headline == "Headline here"
    assert lead.caption == "Caption line."
    assert lead.credit == "Reuters"
    assert lead.body[0].text == "Body text."


def test_touching_items_are_split_at_their_credits():
    result, _ = page(
        f"Headline\n\n{BODY}\n\nMore from Example News\n\n"
        "First caption.\nREUTERS/One\nSecond caption.\nAP Photo/Two\n\nSecond teaser.\n"
    )
    assert [(i.caption, i.credit, i.teaser) for i in items(result)] == [
        ("First caption.", "REUTERS/One", ""),
        ("Second caption.", "AP Photo/Two", "Second teaser."),
    ]


def test_page_without_more_from_is_one_story():
    result, _ = page("Headline\n\nCaption.\nCaption.\nGetty Images\n\nFirst.\n\nSecond.\n")
    assert len(result.stories) == 1
    assert result.brand == ""
    assert [b.text for b in result.stories[0].body] == ["First.", "Second."]


def test_page_of_only_headline_and_paragraphs():
    result, _ = page("Just a headline\n\nFirst paragraph.\n\nSecond paragraph.\n")
    lead = result.stories[0]
    assert (lead.headline, lead.caption, lead.credit) == ("Just a headline", "", "")
    assert [b.text for b in lead.body] == ["First paragraph.", "Second paragraph."]


def test_doubled_caption_without_credit_collapses():
    result, _ = page("Headline\n\nA caption.\nA caption.\n\nBody.\n")
    assert result.stories[0].caption == "A caption."
    assert [b.text for b in result.stories[0].body] == ["Body."]


def test_item_caption_doubled_in_more_from_list_is_kept_once():
    result, _ = page("Headline\n\nBody.\n\nMore from X\n\nCap.\nCap.\nReuters\n\nTeaser.\n\nTwo.\nTwo.\nGetty Images\n")
    assert [(i.caption, i.teaser) for i in items(result)] == [("Cap.", "Teaser."), ("Two.", "")]


def test_quote_without_named_speaker_is_no_pull_quote():
    result, _ = page("Headline\n\nHe called it “a long and difficult road ahead for everyone.”\n")
    assert result.stories[0].pull_quotes == []


def test_quote_with_speaker_before_it():
    result, _ = page("Headline\n\nJane Expert says “the coalition will hold until the budget vote.”\n")
    quote = result.stories[0].pull_quotes[0]
    assert (quote.text, quote.attribution) == ("the coalition will hold until the budget vote.", "Jane Expert")


def test_invisible_junk_is_removed_and_reported():
    result, notices = page("Head\u200bline\n\nBody\u0093 text\u202e.\n")
    assert result.stories[0].headline == "Headline"
    assert result.stories[0].body[0].text == "Body text."
    # "Headline" shares no word with the body: it is also flagged as a guess (the reader's own notice, not junk)
    assert [str(n) for n in notices if "the headline is a guess" not in n.message] == [
        "page.txt:1: removed 1 invisible character(s) (U+200B)",
        "page.txt:3: removed 2 invisible character(s) (U+0093, U+202E)",
    ]


def test_more_from_list_without_photos_makes_teaser_items():
    result, _ = page(f"Headline\n\n{BODY}\n\nMore from X\n\nFirst teaser.\n\nSecond teaser.\n")
    assert [i.teaser for i in items(result)] == ["First teaser.", "Second teaser."]


# --- a related list on a page that is not the brand's own: left out and named, whichever name is missing -------

MOSCOW = Path(__file__).parent / "pages" / "moscow-times.txt"


@pytest.mark.parametrize(
    ("brand", "without_copyright", "why"),
    [
        ("The Ballot Brief", False, "the page is The Moscow Times's, not The Ballot Brief's"),
        ("The Ballot Brief", True, "the page does not say it is The Ballot Brief's"),
        (
            "",
            False,
            "the page is The Moscow Times's, and no brand name is set for the issue ([brand] name in newsletter.toml)",
        ),
        ("", True, "neither the page nor the issue names a brand ([brand] name in newsletter.toml)"),
    ],
)
def test_a_related_list_left_out_says_whose_page_it_is_and_whose_issue(tmp_path, brand, without_copyright, why):
    text = MOSCOW.read_text("utf-8")
    if without_copyright:
        text = text.replace("© 2026 The Moscow Times. All rights reserved.", "Terms of use")
    path = tmp_path / "page.txt"
    path.write_text(text, "utf-8")
    loaded = load_source(path)
    place_related(loaded, brand)
    assert len(loaded.stories) == 1
    assert str(loaded.notices[-1]) == f"{path}:24: left out the 'Read more' list (3 stories): {why}"
    assert "'s, not 's" not in str(loaded.notices[-1])


def test_a_build_with_no_brand_set_says_so_rather_than_naming_the_default(cli, workdir):
    result = cli("build", str(MOSCOW), "--out", "out", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    assert (
        "left out the 'Read more' list (3 stories): the page is The Moscow Times's, and no brand name is set for the "
        "issue ([brand] name in newsletter.toml)"
    ) in result.output
    assert "Newsletter's" not in result.output


MORE_BODY = (
    "The finance ministers of the largest members said the gap between them had narrowed, and that a deal before "
    "the summer was still within reach if the smaller members agreed to the new rules."
)


@pytest.mark.parametrize(
    "writer",
    [
        "NATHANAEL JOHNSON\n\nMORE FROM NATHANAEL JOHNSON",  # the writer's box under the article
        "Nathanael Johnson\nStaff writer, climate\nMore from Nathanael Johnson",  # ... with the writer's post
    ],
)
def test_more_from_the_writer_under_the_article_names_no_brand_and_its_list_is_left_out(tmp_path, writer):
    """ "More from <brand>" names the issue's brand when nothing else does; "More from <the writer>" under the
    writer's box names the writer, whose stories are another site's list: left out and named, and the issue's
    "More from" section is not headed with the writer's name."""
    text = f"Budget talks end without a deal\nBy Anna Petrova\n{BODY}\n{MORE_BODY}\n{writer}\nFirst story title here\n"
    path = tmp_path / "page.txt"
    path.write_text(text + "Second story title here\n© Copyright 2026 The Brussels Post · All Rights Reserved\n")
    loaded = load_source(path)
    assert loaded.page_brand == ""
    place_related(loaded, "")
    assert [story.headline for story in loaded.stories] == ["Budget talks end without a deal"]
    assert str(loaded.notices[-1]).endswith(
        "list (2 stories): the page is The Brussels Post's, and no brand name is set for the issue ([brand] name in "
        "newsletter.toml)"
    )


def test_more_from_a_site_still_names_the_brand(tmp_path):
    path = tmp_path / "page.txt"
    more = "More from The Brussels Post\nFirst story title here\nSecond story title here\n"
    path.write_text(f"Budget talks end without a deal\nBy Anna Petrova\n{BODY}\n{MORE_BODY}\n{more}")
    assert load_source(path).page_brand == "The Brussels Post"


@pytest.mark.parametrize(
    ("line", "site"),
    [
        ("© 2026 The Moscow Times. All rights reserved.", "The Moscow Times"),
        ("© Copyright 2016 The Federalist Papers · All Rights Reserved", "The Federalist Papers"),
        ("Copyright © 2019-2024 Brussels Post | Terms", "Brussels Post"),
    ],
)
def test_the_copyright_line_names_the_site_without_its_marks_and_separators(line, site):
    from newsletter.readers.lines import Line, page_site

    assert page_site([Line(1, "A paragraph of the article."), Line(2, line)]) == site
