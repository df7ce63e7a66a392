"""A pasted page's furniture around its headline and lead photo (readers/text.py, readers/credits.py,
readers/words.py): a breadcrumb trail is no caption or credit; and a dateline on a line of its own over the first
paragraph is the article's, not furniture (readers/bounds.py). The pages are written here in the shapes sites paste
in, by hand."""

import datetime as dt
import re
from pathlib import Path

import pytest

from newsletter.readers import read

ARTICLE = (
    "The city council voted on Tuesday to close the old harbour bridge to cars from next spring, after engineers "
    "found that its steel supports had corroded faster than expected.\n"
    "The bridge carries about 14,000 vehicles a day, and the council said buses and bicycles would still be allowed "
    "to cross while repairs are planned over the coming two years.\n"
    "Shop owners on both banks said they feared losing customers, and asked the council to fund a free ferry during "
    "the works, which the mayor said she would consider next month.\n"
)
HEADLINE = "The council closes the old harbour bridge to cars from next spring as its supports corrode"


def read_paste(folder: Path, page: str):
    """The page pasted into a .txt file and read as `newsletter import PAGE.txt` reads it: its article and notices."""
    path = folder / "page.txt"
    path.write_text(page, encoding="utf-8")
    notices = []
    return read(path, notices).stories[0], [str(notice) for notice in notices]


def left_out(notices: list[str], number: int) -> bool:
    """A notice names the page's line `number` among the lines left out."""
    runs = [re.search(r"page\.txt:(\d+)(?:-(\d+))?: left out", notice) for notice in notices]
    return any(run and int(run[1]) <= number <= int(run[2] or run[1]) for run in runs)


def test_a_breadcrumb_trail_over_the_headline_is_no_photo_credit(tmp_path):
    """ "News / Politics" among the menu over the headline: the page's place, left out and named, no credit."""
    page = f"Germany\nWorld\nBusiness\nCulture\nNews / Politics\nAdvertisement\nPolitics\n{HEADLINE}\n{ARTICLE}"
    story, notices = read_paste(tmp_path, page)
    assert story.headline == HEADLINE
    assert story.credit == ""
    assert left_out(notices, 5)


def test_a_breadcrumb_trail_over_the_lead_photos_credit_is_no_caption(tmp_path):
    """The trail ending in the headline, then the photo's credit alone: the credit is the photo's, with no caption."""
    page = f"Travel\nFood\nFashion\nHome / Travel / Cities / {HEADLINE}\n© Getty Images\nTravel\n{HEADLINE}\n" \
        f"By Anna Petrova\n{ARTICLE}"  # fmt: skip
    story, notices = read_paste(tmp_path, page)
    assert story.headline == HEADLINE
    assert story.credit == "© Getty Images"
    assert story.caption == ""
    assert left_out(notices, 4)


PHOTO = "Mayor Anna Petrova speaks to reporters outside the council chamber in Harbourtown on Tuesday, Dec. 1, 2026."


def test_a_caption_shown_as_alt_text_then_with_its_credit_is_one_caption(tmp_path):
    """The photo's alt text, then its caption with the credit glued on: one caption, one credit, and the alt text is
    no paragraph of the article."""
    page = f"News\n{HEADLINE}\n{PHOTO}\n{PHOTO} (Jane Doe / Harbour Herald)\nBy Anna Petrova\n{ARTICLE}"
    story, _ = read_paste(tmp_path, page)
    shown = [story.teaser, story.caption, *(block.text for block in story.body)]
    assert [text for text in shown if PHOTO in text] == [PHOTO]
    assert story.caption == PHOTO
    assert story.credit == "(Jane Doe / Harbour Herald)"


def test_a_photos_name_then_its_caption_twice_is_one_caption(tmp_path):
    """The photo's alt text (a name) over its credit, then its caption twice and the credit again: the caption once."""
    page = f"News\n{HEADLINE}\nAnna Petrova\nJane Doe / AP\n{PHOTO}\n{PHOTO}\n(Jane Doe / AP)\nBy Tom Baker\n{ARTICLE}"
    story, _ = read_paste(tmp_path, page)
    assert story.caption == PHOTO
    assert story.credit == "Jane Doe / AP"
    assert "Anna Petrova" not in story.teaser


def test_a_photos_summary_then_its_full_caption_over_the_same_credit_is_the_full_caption(tmp_path):
    """Alt text summing the photo up over its credit, then the caption in full (shown twice, the credit glued on the
    second): the photo once, with its full caption."""
    page = f"News\n{HEADLINE}\nThe mayor at the briefing.\nJane Doe / Harbour Herald\n{PHOTO}\n" \
        f"{PHOTO} (Jane Doe / Harbour Herald)\nBy Tom Baker\n{ARTICLE}"  # fmt: skip
    story, _ = read_paste(tmp_path, page)
    assert story.caption == PHOTO
    assert story.credit == "Jane Doe / Harbour Herald"


def test_a_gallerys_next_slide_by_the_same_photographer_is_not_the_lead_photos_caption(tmp_path):
    """Two slides of a gallery over the article, each caption with the same credit glued on: the first is the lead
    photo's caption, alone."""
    second = "Council engineers inspect the steel supports under the old harbour bridge in Harbourtown, Dec. 1, 2026."
    page = f"News\n{HEADLINE}\n1/2\n{PHOTO} REUTERS/Jane Doe\n2/2\n{second} REUTERS/Jane Doe\nBy Tom Baker\n{ARTICLE}"
    story, _ = read_paste(tmp_path, page)
    assert story.caption == PHOTO
    assert story.credit == "REUTERS/Jane Doe"


POLITICS = (
    "The politics of the harbour bridge turned sour on Tuesday, when the council voted to close it to cars and the "
    "mayor's allies walked out of the chamber in protest.\n"
    "An analysis of the council's figures shows the repairs will cost twice what was planned, and the opposition "
    "said the politics of the vote would follow the mayor into next year's election.\n"
    "Shop owners said they feared losing customers, and asked for a free ferry during the works, which the mayor said "
    "she would consider next month.\n"
)


@pytest.mark.parametrize(
    "page",
    [
        "News\nPolitics\nNobody saw it coming\nShare\n" + POLITICS,  # a section's label over it
        "Analysis\nNobody saw it coming\n" + POLITICS,  # the story's kind
        "Nobody saw it coming\nAnalysis\n" + POLITICS,  # ... under it
        "Menu\nOpinion\nNobody saw it coming\nAnalysis\n3 December 2026\n" + POLITICS,
    ],
    ids=["section", "kind", "kind-under", "two-labels"],
)
def test_a_label_is_never_the_headline_though_the_article_uses_its_word(tmp_path, page):
    """A line of a section's name or a story's label alone ("Politics", "Analysis"), whose word the article uses
    too, is no headline: the title beside it is, though it shares no word with the article."""
    story, _ = read_paste(tmp_path, page)
    assert story.headline == "Nobody saw it coming"


@pytest.mark.parametrize("button", ["Bild vergrößern", "Foto vergrössern", "Enlarge image", "Agrandir l'image"])
def test_the_button_that_enlarges_the_lead_photo_is_no_credit(tmp_path, button):
    """Under the headline, the photo's "enlarge" button in the site's language: a button, left out and named. "Bild
    vergrößern" read as a credit ("Bild" as in "Bild: dpa"), which made the headline over it the photo's caption and
    a menu line the headline."""
    page = f"Startseite\nNachrichten\nRadio & TV\nDie Redaktion\n{HEADLINE}\n{button}\n\n{ARTICLE}"
    story, notices = read_paste(tmp_path, page)
    assert (story.headline, story.caption, story.credit) == (HEADLINE, "", "")
    assert left_out(notices, 6)


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        (
            "Die alte Hafenbrücke im Winter © Anna Petrova / dpa",
            "Die alte Hafenbrücke im Winter",
            "© Anna Petrova / dpa",
        ),
        ("The old harbour bridge in winter.© Tom Ellery/AFP", "The old harbour bridge in winter.", "© Tom Ellery/AFP"),
        (  # the caption's own words are not the site's rights or data
            "Civil rights marchers cross the old harbour bridge © Tom Ellery/AFP",
            "Civil rights marchers cross the old harbour bridge",
            "© Tom Ellery/AFP",
        ),
    ],
)
def test_a_caption_with_its_credit_after_a_copyright_sign_is_the_lead_photos(tmp_path, line, caption, credit):
    """A caption that ends in its credit after "©", as German and Austrian sites print them: the lead photo's caption
    and credit. It was read as a credit whole (a name, then an agency), or as the article's first paragraph."""
    page = f"Nachrichten\nPolitik\n{HEADLINE}\nVon Anna Petrova\n12.11.2026\n{line}\n{ARTICLE}"
    story, _ = read_paste(tmp_path, page)
    assert (story.headline, story.caption, story.credit) == (HEADLINE, caption, credit)
    assert story.body[0].text.startswith("The city council voted")


def test_the_sites_copyright_line_is_no_caption_and_credit(tmp_path):
    """The site's lines at the page's foot ("Copyright © 2026 Riverside Media"): no photo's caption and credit."""
    page = f"{HEADLINE}\nBy Anna Petrova\n{ARTICLE}Sports data © STATS 2026\nCopyright © 2026 Riverside Media\n"
    story, _ = read_paste(tmp_path, page)
    assert (story.caption, story.credit) == ("", "")


@pytest.mark.parametrize(
    "line",
    ["Alle Rechte vorbehalten. Nachdruck nur mit Genehmigung © Hafenstadt Medien", "Tous droits réservés © Le Port"],
)
def test_the_sites_rights_reserved_in_its_language_over_the_headline_are_no_caption_and_credit(tmp_path, line):
    """The site's rights reserved in German or French, with its name after "©": no lead photo's caption and credit."""
    page = f"Nachrichten\nPolitik\n{line}\n{HEADLINE}\nVon Anna Petrova\n12.11.2026\n{ARTICLE}"
    story, _ = read_paste(tmp_path, page)
    assert (story.headline, story.caption, story.credit) == (HEADLINE, "", "")


@pytest.mark.parametrize(
    "menu",
    ["Our team\nWork with us\nPress/Media Center\nBlog", "Log In\nMy Teams\nOrganize / See All Teams Help\nLog Out"],
    ids=["press", "teams"],
)
def test_a_menus_entry_written_as_names_between_slashes_is_no_credit(tmp_path, menu):
    """A menu's entry in a credit's shape ("Press/Media Center"), under another entry of a few words: no photo's
    credit, and the entry over it no caption; both left out and named."""
    page = f"{menu}\n{HEADLINE}\nBy Anna Petrova\n{ARTICLE}"
    story, notices = read_paste(tmp_path, page)
    assert (story.headline, story.caption, story.credit) == (HEADLINE, "", "")
    assert left_out(notices, 2) and left_out(notices, 3)


@pytest.mark.parametrize(
    "header",
    [f"{HEADLINE}\nBy Anna Petrova\nFollow Us\nTwitter / Facebook / RSS", f"{HEADLINE}\nTwitter / Facebook / RSS"],
    ids=["under-follow-us", "under-headline"],
)
def test_a_sites_links_between_slashes_are_no_credit_and_the_photos_own_credit_is_kept(tmp_path, header):
    """ "Twitter / Facebook / RSS" over the photo, under "Follow Us" or under the headline itself: the site's links
    (social networks' names), left out and named; the photo's caption and its credit under them (names between
    slashes too) are the photo's."""
    page = f"{header}\n{PHOTO}\nJane Doe / Harbourtown Herald\n{ARTICLE}"
    story, notices = read_paste(tmp_path, page)
    assert (story.headline, story.caption, story.credit) == (HEADLINE, PHOTO, "Jane Doe / Harbourtown Herald")
    assert left_out(notices, header.count("\n") + 1)


@pytest.mark.parametrize(
    "footer",
    ["Contact\nPrivacy\nSign In\nSimply Harbourtown ™\n©2026 Harbourtown Media Inc.", "Kontakt\nImpressum\n© 2026"],
    ids=["company", "year-alone"],
)
def test_the_sites_dated_copyright_line_over_the_headline_is_no_photo_credit(tmp_path, footer):
    """The site's copyright line with its year ("©2026 Harbourtown Media Inc.", "© 2026") pasted over the headline:
    no photo's credit, and the slogan over it no caption; both left out and named."""
    page = f"{footer}\n{HEADLINE}\nBy Anna Petrova\n{ARTICLE}"
    story, notices = read_paste(tmp_path, page)
    assert (story.headline, story.caption, story.credit) == (HEADLINE, "", "")
    assert all(left_out(notices, number) for number in range(1, footer.count("\n") + 2))


STILL = "Amy Adams as the linguist Louise Banks in a still from the film."


@pytest.mark.parametrize(
    ("photo", "caption", "credit"),
    [
        (f"{STILL}\n© 2016 Paramount Pictures", STILL, "© 2016 Paramount Pictures"),
        ("© 2016 Paramount Pictures", "", "© 2016 Paramount Pictures"),
        (f"{STILL} © 2016 Paramount Pictures", STILL, "© 2016 Paramount Pictures"),
        ("Amy Adams und Jeremy Renner am Set © 2016 Jan Thijs / Paramount", "Amy Adams und Jeremy Renner am Set",
         "© 2016 Jan Thijs / Paramount"),
        (f"{STILL} Photo: © Jan Thijs/Paramount", STILL, "Photo: © Jan Thijs/Paramount"),
    ],
    ids=["under-caption", "under-headline", "glued", "glued-no-stop", "labelled"],
)  # fmt: skip
def test_a_photos_dated_copyright_credit_under_the_headline_is_the_lead_photos(tmp_path, photo, caption, credit):
    """A film still's credit carries its year ("© 2016 Paramount Pictures"), as the site's copyright line does; in
    the lead photo's place (under its caption, glued onto it, or alone under the headline) it is the photo's credit,
    kept with its caption. It was left out as the site's copyright line, and its caption with it."""
    page = f"{HEADLINE}\nBy Anna Petrova\n{photo}\n{ARTICLE}"
    story, notices = read_paste(tmp_path, page)
    assert (story.headline, story.caption, story.credit) == (HEADLINE, caption, credit)
    assert story.body[0].text.startswith("The city council voted")
    assert not any(left_out(notices, number) for number in range(3, 5))


@pytest.mark.parametrize(
    "photo", [f"{STILL}\n© Human Rights Watch", f"{STILL} © Human Rights Watch"], ids=["under", "glued"]
)
def test_a_credit_whose_name_says_rights_is_the_lead_photos_credit(tmp_path, photo):
    """ "© Human Rights Watch" under its caption or glued onto it: a name's "Rights", not the site's rights reserved;
    the lead photo's caption and credit, kept."""
    page = f"{HEADLINE}\nBy Anna Petrova\n{photo}\n{ARTICLE}"
    story, notices = read_paste(tmp_path, page)
    assert (story.headline, story.caption, story.credit) == (HEADLINE, STILL, "© Human Rights Watch")
    assert story.body[0].text.startswith("The city council voted")
    assert not any(left_out(notices, number) for number in range(3, 5))


def test_a_videos_play_button_glued_onto_the_credit_is_not_the_credits(tmp_path):
    """ "PlayJane Doe/AP Photo": the video's "Play" button pasted onto its picture's credit with no space. The
    credit is the photographer's and the agency's, without the button."""
    page = f"{HEADLINE}\nBy Anna Petrova\nShare\nPlayJane Doe/AP Photo\n{ARTICLE}"
    story, _ = read_paste(tmp_path, page)
    assert (story.headline, story.credit) == (HEADLINE, "Jane Doe/AP Photo")


def test_a_lead_in_over_the_photos_credit_is_no_caption(tmp_path):
    """ "Artikel empfehlen:" (recommend the article:) over the photo's credit: a lead-in to the buttons, no caption;
    left out and named, the credit kept."""
    page = f"{HEADLINE}\nArtikel empfehlen:\n© privat\n{ARTICLE}"
    story, notices = read_paste(tmp_path, page)
    assert (story.headline, story.caption, story.credit) == (HEADLINE, "", "© privat")
    assert left_out(notices, 2)


def test_a_share_panel_s_sentence_shown_twice_is_not_the_article_s_first_paragraph(tmp_path):
    """A share panel prints its one sentence at its top and again at its foot, right over the lead photo's credit and
    the article: the page's words, shown twice, set apart from the paragraphs by buttons and the credit. The article
    begins with its own first paragraph, and that sentence is left out and named."""
    note = "Links in this panel take you to the partner's own site."
    page = (
        f"News\nWorld\n{HEADLINE}\n14 November 2026\nShare this page\n{note}\nEmail\nFacebook\nX\nCopy this link\n"
        f"{note}\nClose share panel\nPhoto: Anna Petrova/Reuters\n{ARTICLE}"
    )
    story, notices = read_paste(tmp_path, page)
    assert story.headline == HEADLINE
    assert [block.text for block in story.body] == ARTICLE.splitlines()
    assert left_out(notices, 11)


PARAGRAPHS = ARTICLE.splitlines()
HEADER = f"Home\nPolitics\n{HEADLINE}\nBy Jane Roe and John Doe\nUpdated 3:15 PM EST, November 21, 2026\n"


@pytest.mark.parametrize(
    "dateline",
    [
        "WASHINGTON (AP) —",
        "BAAR, Switzerland —",
        "KYIV, Ukraine (Reuters) -",
        "LONDON, Nov 20 (Reuters) -",
        "WASHINGTON —",
    ],
)
def test_a_dateline_on_its_own_line_over_the_first_paragraph_opens_the_story(tmp_path, dateline):
    """ "WASHINGTON (AP) —" set on a line of its own over the first paragraph was left out as the page's furniture,
    and the story lost it: it is the article's first paragraph, as the page sets it and as a saved page keeps it,
    and the story's teaser and preheader (its opening) join it to the paragraph after it."""
    story, notices = read_paste(tmp_path, f"{HEADER}{dateline}\n{ARTICLE}")
    assert [block.text for block in story.body] == [dateline, *PARAGRAPHS]
    assert story.opening == f"{dateline} {PARAGRAPHS[0]}"
    assert (story.headline, story.byline, str(story.date)) == (HEADLINE, "Jane Roe and John Doe", "2026-11-21")
    assert not left_out(notices, 6)


@pytest.mark.parametrize("label", ["TRENDING:", "READ MORE:", "WATCH:"])
def test_a_label_in_capitals_over_the_first_paragraph_is_no_dateline(tmp_path, label):
    """A label written as a dateline with a colon is ("NEW DELHI:") stays the page's line: left out and named."""
    story, notices = read_paste(tmp_path, f"{HEADER}{label}\n{ARTICLE}")
    assert [block.text for block in story.body] == PARAGRAPHS
    assert story.opening == PARAGRAPHS[0]
    assert left_out(notices, 6)


def test_a_dateline_not_right_over_the_first_paragraph_stays_out(tmp_path):
    """A line in a dateline's shape over the byline, or with the page's button between it and the first paragraph,
    is not the article's opening: left out and named."""
    over_byline = f"Home\nPolitics\n{HEADLINE}\nWASHINGTON (AP) —\nBy Jane Roe and John Doe\n{ARTICLE}"
    over_button = f"{HEADER}WASHINGTON (AP) —\nAdvertisement\n{ARTICLE}"
    for page, number in ((over_byline, 4), (over_button, 6)):
        story, notices = read_paste(tmp_path, page)
        assert [block.text for block in story.body] == PARAGRAPHS
        assert left_out(notices, number), notices


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        ("Cars queue on the old harbour bridge on Tuesday. (PTI)", "Cars queue on the old harbour bridge on Tuesday.",
         "(PTI)"),
        ("Cars queue on the old harbour bridge, where repairs begin in spring (Tom Ellery/AFP via Getty Images)",
         "Cars queue on the old harbour bridge, where repairs begin in spring", "(Tom Ellery/AFP via Getty Images)"),
    ],
)  # fmt: skip
def test_a_caption_ending_in_its_credit_in_brackets_is_the_lead_photos(tmp_path, line, caption, credit):
    """A caption that ends in its wire's name, or its photographer's and agency's, in brackets (as Indian and
    Australian sites print them): the lead photo's caption and credit. It was the article's first paragraph."""
    page = f"News\nIndia\n{HEADLINE}\nBy Anna Petrova\n12 Nov 2026\n{line}\n{ARTICLE}"
    story, _ = read_paste(tmp_path, page)
    assert (story.caption, story.credit) == (caption, credit)
    assert story.body[0].text.startswith("The city council voted")


def test_a_sentence_ending_in_a_year_in_brackets_is_no_caption(tmp_path):
    """A paragraph that ends in brackets holding no credit ("(2025/26)"): the article's, as it was."""
    first = "The council's budget for the bridge grew by a third in the last financial year (2025/26)."
    story, _ = read_paste(tmp_path, f"News\n{HEADLINE}\nBy Anna Petrova\n12 Nov 2026\n{first}\n{ARTICLE}")
    assert (story.caption, story.body[0].text) == ("", first)


@pytest.mark.parametrize("furniture", ["Temps de Lecture 4 min.", "Tiempo de lectura: 5 min", "Offrir cet article",
                                       "Lire plus tard", "Artikel verschenken"])  # fmt: skip
def test_a_reading_time_and_a_save_or_gift_button_in_other_languages_are_left_out(tmp_path, furniture):
    """Le Monde's "Temps de lecture 4 min." and "Offrir cet article", Der Spiegel's "Artikel verschenken": buttons
    and a label, as "5 min read" and "Gift this article" are in English, here under the article's first paragraph.
    They were its paragraphs or subheads."""
    first, rest = ARTICLE.split("\n", 1)
    page = f"Politique\n{HEADLINE}\nPar Anna Petrova\n12 novembre 2026\n{first}\n{furniture}\n{rest}"
    story, notices = read_paste(tmp_path, page)
    assert furniture not in [block.text for block in story.body]
    assert left_out(notices, 6)


@pytest.mark.parametrize("line", ["by Anna Petrova - Mar 5, 2013 4:30pm UTC", "BY ANNA PETROVA — March 5, 2013"])
def test_a_byline_with_its_date_after_a_dash_gives_the_name_and_the_date(tmp_path, line):
    """Ars Technica's "by Name - Mar 5, 2013 4:30pm UTC": the byline (with "by" in lower case, and the date after a
    dash, a month's name first) had been the article's first paragraph."""
    story, _ = read_paste(tmp_path, f"News\n{HEADLINE}\n{line}\n{ARTICLE}")
    assert (story.byline, story.date) == ("Anna Petrova" if line.startswith("by") else "ANNA PETROVA",
                                          dt.date(2013, 3, 5))  # fmt: skip
    assert story.body[0].text.startswith("The city council voted")


def test_a_date_line_labelled_last_modified_and_ending_in_its_time_is_no_paragraph(tmp_path):
    """ "Last Modified: Wednesday, August 8, 2012 at 12:41 a.m.": its "a.m." ended it as a sentence ends, and it was
    the article's first paragraph."""
    line = "Last Modified: Wednesday, August 8, 2012 at 12:41 a.m."
    story, _ = read_paste(tmp_path, f"News\n{HEADLINE}\nBy Anna Petrova\n{line}\n{ARTICLE}")
    assert story.body[0].text.startswith("The city council voted")


def test_a_caption_after_ars_technica_s_enlarge_button_is_the_lead_photos(tmp_path):
    """Ars Technica's "Enlarge / " before the lead photo's caption, glued onto it: the caption, no paragraph."""
    caption = "Cars queue on the old harbour bridge on Tuesday."
    story, _ = read_paste(tmp_path, f"News\n{HEADLINE}\nBy Anna Petrova\nEnlarge / {caption}\n{ARTICLE}")
    assert story.caption == caption
    assert story.body[0].text.startswith("The city council voted")


def test_a_listicle_starts_at_its_first_item_and_its_pictures_credits_after_via_are_no_paragraphs(tmp_path):
    """A listicle's items each over its picture and where it came from ("Via Flickr: Name / Creative Commons", "Via
    giphy.com": BuzzFeed's form), then the item's text: the credits are credits, no paragraphs, each named as left
    out; and the story starts at the first item, which its picture's credit had set apart from the prose under it."""
    items = (
        "1. When the harbour bridge closed and the whole town had to take the ferry.\n"
        "Via Flickr: Andrew Dent / Creative Commons\n"
        "Nobody minded, because the ferry had a tea urn and the captain let children steer.\n"
        "2. When the council promised the repairs would take two years.\n"
        "Via giphy.com\n"
        "They took four, and the tea urn was replaced by a machine that only took coins.\n"
    )
    headline = "14 Things Everyone Who Grew Up By The Harbour Bridge Will Understand"
    page = f"Home\nCommunity\n{headline}\nBy Rosie Hart\n12 March 2026\n{items}{ARTICLE}"
    story, notices = read_paste(tmp_path, page)
    texts = [block.text for block in story.body]
    assert texts[0] == "1. When the harbour bridge closed and the whole town had to take the ferry."
    assert not any("Via " in text for text in texts)
    assert any('"Via Flickr: Andrew Dent / Creative Comm' in notice for notice in notices)
    assert any('"Via giphy.com"' in notice for notice in notices)


def test_a_sign_up_widget_between_the_header_and_the_article_is_left_out(tmp_path):
    """A British regional paper's sign-up widget under the header, every message of it pasted whether shown or not:
    its small print ("We will use your email address only for the purpose of sending you newsletters ...") and its
    error ("Something went wrong, please try again later.") are no paragraphs; the story starts at its first."""
    widget = (
        "Get the biggest daily stories by email\nSubscribe\n"
        "We will use your email address only for the purpose of sending you newsletters. Please see our Privacy "
        "Notice for details of your data protection rights.\n"
        "Thank you for subscribing!\nWe have more newsletters\nShow me\nInvalid Email\n"
        "Something went wrong, please try again later.\n"
    )
    story, notices = read_paste(tmp_path, f"News\n{HEADLINE}\nBy Kate Arnott\n10:35, 12 MAR 2021\n{widget}{ARTICLE}")
    assert story.body[0].text.startswith("The city council voted on Tuesday")
    assert any("page.txt:5-12: left out" in notice for notice in notices)  # the widget's eight lines, named
