"""Where a pasted article ends (readers/ends.py, readers/lines.py): what blogs and news sites set right under the
article's last paragraph, the article's tags and categories with the tags on the line, a "you might also like"
heading trailing off in an ellipsis, a link asking the reader to log in to comment, ends it;
what follows (the writer's box, other posts, readers' comments) stays out of the story, and is named as left out.
The pages are written here in the shapes sites paste in, by hand."""

import re

import pytest

from newsletter.readers.text import parse_page

HEADLINE = "Harbour bridge to close to cars next spring as its steel supports corrode"
ARTICLE = [
    "The city council voted on Tuesday to close the old harbour bridge to cars from next spring, after engineers "
    "found that its steel supports had corroded faster than expected.",
    "The bridge carries about 14,000 vehicles a day, and the council said buses and bicycles would still be allowed "
    "to cross while repairs are planned over the coming two years.",
    "Shop owners on both banks said they feared losing customers, and asked the council to fund a free ferry during "
    "the works, which the mayor said she would consider next month.",
]
# What a blog sets under its posts: the writer's box, then another post's opening; neither is the article's
WRITER = (
    "Maren Holt writes about her city, its streets and its council, and has lived by the harbour for twenty years. "
    "She is glad to hear from readers."
)
OTHER_POST = (
    "Last week the market on the square reopened after the winter, with more stalls than ever and a new bakery that "
    "sold out of bread before nine in the morning."
)


def read(text: str) -> tuple[list[str], list[str]]:
    """The story's paragraphs as the build sets them, and the notices it gives."""
    notices: list = []
    story = parse_page(text, "page.txt", notices).stories[0]
    return [block.text for block in story.body], [str(notice) for notice in notices]


def page(under: str) -> str:
    """A blog's post pasted whole: menu, headline, byline and date, the article, then `under` and what follows."""
    article = "\n".join(ARTICLE)
    return f"Home\nCity\nAbout\n{HEADLINE}\nBy Maren Holt\n12 March 2026\n{article}\n{under}\n{WRITER}\n{OTHER_POST}\n"


def named_left_out(notices: list[str], text: str, lines: str) -> bool:
    """A notice names the page's line holding `text` among the lines left out."""
    number = next(n for n, line in enumerate(lines.split("\n"), start=1) if line == text)
    runs = [re.search(r"page\.txt:(\d+)(?:-(\d+))?: left out", notice) for notice in notices]
    return any(run and int(run[1]) <= number <= int(run[2] or run[1]) for run in runs)


@pytest.mark.parametrize(
    "tags",
    [
        "Article Tags : Harbour, Bridges, City council, Ferries",
        "Tags: harbour, bridge",
        "Tagged with: harbour",
        "Filed Under: City, Transport",
        "Category: Local news",
        "Categories: City | Transport",
        "Posted in City | Tagged bridge, council",
        "This entry was posted in City and tagged bridge, harbour. Bookmark the permalink.",
        "getaggt mit:BrückeHafenStadtrat",
        "Schlagwörter: Hafen, Brücke",
        "Kategorie: Lokales",
        "Étiquettes : pont, port",
        "Etiquetas: puente, puerto",
    ],
)
def test_the_article_s_tags_on_their_line_under_it_end_it(tags):
    """The post's tags or categories with the tags on the same line, under its last paragraph: the article is over
    there, and the writer's box and the next post's opening under them are left out, and named so."""
    pasted = page(tags)
    body, notices = read(pasted)
    assert body == ARTICLE
    assert named_left_out(notices, OTHER_POST, pasted)


@pytest.mark.parametrize("tags", ["Tags: harbour, bridge", "Filed Under: City, Transport", "Category: Local news"])
def test_tags_over_the_article_do_not_end_it(tags):
    """The same line over the article, between the byline and its first paragraph (as some sites set a post's
    category), is the page's furniture: the whole article is the story."""
    article = "\n".join(ARTICLE)
    body, _ = read(f"Home\n{HEADLINE}\nBy Maren Holt\n12 March 2026\n{tags}\n{article}\n")
    assert body == ARTICLE


@pytest.mark.parametrize(
    "heading", ["Das könnte dich auch interessieren …", "You might also like...", "Lesen Sie auch …", "Related posts…"]
)
def test_a_related_heading_trailing_off_in_an_ellipsis_ends_the_article(heading):
    """'Das könnte dich auch interessieren …' under the article, other posts' titles and openings under it: a related
    list, as the heading without its ellipsis is; the posts are not the article's."""
    article = "\n".join(ARTICLE)
    posts = (
        "The market on the square reopens after the winter\n"
        "More stalls than ever came back to the square this week, and a new bakery sold out of bread before nine.\n"
        "A new ferry for the harbour\n"
        "The council is weighing a free ferry for the months the bridge is closed, the mayor said on Friday.\n"
    )
    body, _ = read(
        f"Home\n{HEADLINE}\nBy Maren Holt\n12 March 2026\n{article}\n{heading}\n{posts}© 2026 Harbour Diary\n"
    )
    assert body == ARTICLE


@pytest.mark.parametrize(
    "link",
    [
        "Log in or register to post comments",
        "(Log in to post comments)",
    ],
)
def test_a_link_to_log_in_to_comment_ends_the_article(link):
    """A forum's or a Drupal site's "Log in to post comments" under the article: readers' posts follow, not the
    article."""
    body, _ = read(page(link))
    assert body == ARTICLE


def test_an_article_that_speaks_of_tags_in_a_sentence_goes_on():
    """A paragraph that opens with "Tags:"-like words but is the article's own sentence ("Tagged with graffiti, the
    bridge...") does not end it: only a line of tags does."""
    sentence = (
        "Tagged with graffiti from end to end, the bridge has been a landmark for artists as much as for drivers, "
        "and the council said the murals would be kept during the repairs."
    )
    article = "\n".join([*ARTICLE, sentence, ARTICLE[0].replace("Tuesday", "Monday")])
    body, _ = read(f"Home\n{HEADLINE}\nBy Maren Holt\n12 March 2026\n{article}\n")
    assert sentence in body and len(body) == 5


def test_topics_under_the_headline_with_prose_higher_on_the_page_do_not_end_the_article():
    """A podcast's or a transcript's page: an episode's summary higher up, then the headline with its topics on the
    line under it, then the article. The topics head the article, they do not end it: the whole article is the
    story, under its headline, sure (only tags right under the article's last paragraph end it)."""
    summary = (
        "Every week the city desk answers readers' questions about the harbour, the bridges and the council's plans "
        "for them, with the engineers, shop owners and commuters who know them best, and the reporters who have "
        "followed the works since the first cracks were found in the steel supports two winters ago."
    )
    article = "\n".join(ARTICLE)
    menu = "Listen\nSubscribe\nApple Podcasts\nSpotify\nRSS\nAll episodes\nShare\nFacebook\nEmail\nEpisode 16"
    header = f"Home\nPodcasts\n{summary}\n{menu}\n{HEADLINE}"
    story = parse_page(f"{header}\nTopics: harbour, bridge, council, ferries\n{article}\n", "page.txt", []).stories[0]
    assert [block.text for block in story.body] == ARTICLE
    assert (story.headline, story.headline_unsure) == (HEADLINE, False)


@pytest.mark.parametrize(
    "note",
    [
        "This article is republished from The Harbour Diary under a Creative Commons license. Read the original.",
        "This story was originally published by the Harbour Diary.",
        "This article first appeared on the Harbour Diary, a nonprofit newsroom.",
        "A version of this story first appeared in the Harbour Diary newsletter.",
        "Cet article a été initialement publié sur le Journal du port.",
        "Dieser Artikel erschien zuerst beim Hafenblatt.",
        "Este artículo fue publicado originalmente en El Diario del Puerto.",
        "Questo articolo è stato pubblicato originariamente su Il Porto.",
        "Dit artikel verscheen eerder in De Havenkrant.",
    ],
)
def test_where_the_article_ran_first_under_it_ends_it(note):
    """A republished article's note of where it ran first, under its last paragraph: the article is over there; the
    writer's box and the republishing site's next post under it are left out, and named so."""
    pasted = page(note)
    body, notices = read(pasted)
    assert body == ARTICLE
    assert named_left_out(notices, OTHER_POST, pasted)


def test_where_the_article_ran_first_over_it_does_not_end_it():
    """The same note over the article, as an editor's note under the byline: the whole article is the story."""
    article = "\n".join(ARTICLE)
    note = "This story was originally published by the Harbour Diary."
    body, _ = read(f"Home\n{HEADLINE}\nBy Maren Holt\n12 March 2026\n{note}\n{article}\n")
    assert body[-3:] == ARTICLE


GERMAN = [
    "Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke ab dem nächsten Frühjahr für Autos zu sperren, "
    "nachdem Ingenieure festgestellt hatten, dass ihre Stahlträger schneller rosten als erwartet.",
    "Über die Brücke fahren täglich rund 14.000 Fahrzeuge. Busse und Fahrräder sollen sie nach Angaben der Stadt "
    "weiter nutzen dürfen, während die Reparaturen in den kommenden zwei Jahren geplant werden.",
    "Ladenbesitzer auf beiden Seiten des Hafens fürchten, Kundschaft zu verlieren, und forderten eine kostenlose "
    "Fähre während der Bauarbeiten, die die Bürgermeisterin im nächsten Monat prüfen will.",
]
FRENCH = [
    "Le conseil municipal a voté mardi la fermeture aux voitures du vieux pont du port à partir du printemps "
    "prochain, après que des ingénieurs ont constaté que ses piliers d'acier rouillaient plus vite que prévu.",
    "Le pont voit passer environ 14 000 véhicules par jour, et la mairie a précisé que les bus et les vélos "
    "pourraient encore l'emprunter pendant les deux années de travaux.",
    "Les commerçants des deux rives craignent de perdre leur clientèle et demandent un bac gratuit pendant le "
    "chantier, une idée que la maire a promis d'étudier le mois prochain.",
]


@pytest.mark.parametrize(
    ("headline", "byline", "article", "bio"),
    [
        (
            "Hafenbrücke wird für Autos gesperrt",
            "Von Maren Holt",
            GERMAN,
            "Maren Holt ist Korrespondentin der Hafenzeitung und berichtet seit 2019 über die Stadtpolitik.",
        ),
        (
            "Le vieux pont du port fermé aux voitures",
            "Par Claire Dubois",
            FRENCH,
            "Claire Dubois est journaliste au service politique du Journal du port depuis 2018.",
        ),
    ],
)
def test_the_writer_s_note_in_the_page_s_language_under_the_article_is_not_its_paragraph(
    headline, byline, article, bio
):
    """A German or French page's note on its writer under the article ("Maren Holt ist Korrespondentin der
    Hafenzeitung ...", the byline's name): who wrote it, not the article's last paragraph."""
    text = "\n".join(article)
    body, _ = read(f"Start\nStadt\n{headline}\n{byline}\n12.03.2026\n{text}\n{bio}\n")
    assert body == article


@pytest.mark.parametrize(
    "note",
    [
        "Correction: March 15, 2026\nAn article on Wednesday about the bridge misstated how many cars cross it.",
        "Correction: An earlier version of this story gave the wrong date for the council's vote.",
        "Erramos: o texto foi alterado\nDiferentemente do que foi publicado, a votação terminou com 21 votos a favor.",
        "Rättelse: I en tidigare version av artikeln angavs fel antal bilar.",
        "Disclosure: The harbour authority has been a financial supporter of the Harbour Diary.",
        "Some links in this newsletter are affiliate links. If you buy through them, we may earn a commission.",
        "Audio version generated with AI text-to-speech. The reporting and writing are by our staff.",
        "Voor de voorleesfunctie bij dit artikel is een AI-stem gebruikt. De tekst is geschreven door de redactie.",
    ],
)
def test_a_correction_a_disclosure_or_a_note_on_an_ai_voice_under_the_article_ends_it(note):
    """A site's correction under the article (its heading, and the paragraph saying what was wrong), its disclosure
    of a funder or of affiliate links, its note that a machine's voice reads the article aloud: the site's notes,
    not the article's last paragraphs; the writer's box and the next post under them stay out too."""
    pasted = page(note)
    body, notices = read(pasted)
    assert body == ARTICLE
    assert named_left_out(notices, OTHER_POST, pasted)


def test_the_site_s_rights_line_under_the_last_paragraph_leaves_it_the_article_s():
    """Corriere's "© RIPRODUZIONE RISERVATA" under the article's last paragraph: the site's rights line, not a photo's
    credit; the paragraph over it is the article's last, not a caption left out."""
    article = [
        "Il consiglio comunale ha approvato nella notte la delibera che chiude il vecchio ponte del porto alle auto "
        "dalla prossima primavera, dopo che i tecnici hanno trovato i piloni di acciaio corrosi.",
        "Sul ponte passano circa 14 mila veicoli al giorno; autobus e biciclette potranno continuare a usarlo "
        "durante i due anni di lavori, ha precisato il Comune.",
        "I commercianti delle due sponde temono di perdere clienti e chiedono un traghetto gratuito durante il "
        "cantiere. La misura entrerà in vigore, salvo ricorsi, il 16 gennaio.",
    ]
    text = "\n".join(article)
    body, _ = read(f"Milano\nCronaca\nIl vecchio ponte del porto chiude alle auto\ndi Marta Rossi\n{text}\n"
                   "© RIPRODUZIONE RISERVATA\nLeggi anche\nArea C, la mappa dei varchi\n")  # fmt: skip
    assert body == article


@pytest.mark.parametrize(
    "rights", ["Copyright 2020 KQVR. To see more, visit KQVR.", "Copyright © 2013, The Lakeshore Courier"]
)
def test_a_short_last_paragraph_over_the_site_s_dated_rights_line_is_the_article_s(rights):
    """A public radio station's or a paper's rights line, dated and naming the site, under a short last paragraph,
    then the page's tags: the site's line at the article's foot, no photo's credit; the paragraph over it is the
    article's last, not a caption left out."""
    last = "Ferries will run every hour while the bridge is shut."
    body, _ = read(f"Home\n{HEADLINE}\nBy Maren Holt\n12 March 2026\n" + "\n".join(ARTICLE) + f"\n{last}\n{rights}\n"
                   "Tags\nBridges\nCouncil\n")  # fmt: skip
    assert body == [*ARTICLE, last]


def test_readers_posts_without_a_heading_under_the_article_are_not_its_paragraphs():
    """Under the article, readers' comments with no heading over them, each under "Posted by <name> on <date>": the
    article is over at its last paragraph, and the comments are left out, named."""
    comments = (
        "Posted by harbourmum on March 12, 2026 at 10:12 PM\n"
        "Thank you to the council for listening. A press release is not how you tell the people who cross it.\n"
        "Posted by ferryfan on March 13, 2026 at 6:55 AM\n"
        "They knew about the rust three years ago. Why is this a surprise to anyone in that building?\n"
        "Posted by J. Kaczmarek on March 13, 2026 at 8:20 AM\n"
        "Build the new bridge faster and we would not need any of this, or a ferry that nobody will use.\n"
    )
    article = "\n".join(ARTICLE)
    pasted = f"Home\n{HEADLINE}\nBy Maren Holt\n12 March 2026\n{article}\n{comments}Report Abuse\n"
    body, notices = read(pasted)
    assert body == ARTICLE
    assert named_left_out(notices, "Posted by ferryfan on March 13, 2026 at 6:55 AM", pasted)


def test_a_live_page_s_posts_each_by_its_writer_stay_the_article():
    """A live page: its writers' posts, each under "Posted by <writer> at <time>", from the top of the article. The
    posts are the article, whoever posted them."""
    posts = [
        ("Maren Holt", "10:42 AM", ARTICLE[0]),
        ("Tom Ferris", "11:05 AM", ARTICLE[1]),
        ("Maren Holt", "11:30 AM", ARTICLE[2]),
    ]
    live = "".join(f"Posted by {name} at {time}\n{text}\n" for name, time, text in posts)
    body, _ = read(f"Home\nLive: {HEADLINE}\nBy Maren Holt and Tom Ferris\n12 March 2026\n{live}")
    assert [text for text in ARTICLE if text in body] == ARTICLE


@pytest.mark.parametrize(
    "appeal",
    [
        [  # the site's ask in three paragraphs, the middle one speaking of the site by its name
            "Since you are reading from abroad today, we have a favour to ask. Stories like this one take weeks to "
            "report, and we want to keep them free for everyone to read, wherever they are.",
            "The Harbour Diary belongs to no investor and to no party. It answers only to the people of the city it "
            "reports on, and it always will.",
            "If there was ever a time to join us, it is now. Please consider supporting our journalism with a gift "
            "each month. Thank you.",
        ],
        [  # ... in two, the last asking the reader to become a member by the site's own name for its members
            "If you have read this far, you probably care about what happens at the town hall, where deals are made "
            "behind closed doors. So do we.",
            "Few newsrooms can still afford to send a reporter to every council meeting. Our Harbour Insiders make it "
            "possible. Become a Harbour Insider from two pounds a month.",
        ],
    ],
)
def test_the_site_s_appeal_under_the_article_in_several_paragraphs_is_left_out(appeal):
    """The site's appeal to its readers under the article, in paragraphs that speak to the reader as the site ("If
    you have read this far ... So do we") and of the site itself: not the article's last paragraphs."""
    asks = "\n".join(appeal)
    body, _ = read(f"Home\n{HEADLINE}\nBy Maren Holt\n12 March 2026\n" + "\n".join(ARTICLE) + f"\n{asks}\n© 2026\n")
    assert body == ARTICLE


def test_a_column_s_last_paragraph_speaking_to_the_reader_over_the_site_s_ask_stays_the_column_s():
    """A column whose last paragraph speaks to its readers as "we" and "you", over the newsletter's ask to subscribe:
    the column's paragraph is its own; only the ask is left out."""
    last = (
        "So here is what we can do. If you cross the bridge every morning, write to your councillor before the vote "
        "on Thursday and tell them what a year without it would cost you."
    )
    ask = "Thanks for reading the Harbour Diary! Subscribe for free to receive new posts and support my work."
    body, _ = read(f"Home\n{HEADLINE}\nBy Maren Holt\n12 March 2026\n" + "\n".join([*ARTICLE, last, ask]) + "\n")
    assert body == [*ARTICLE, last]


@pytest.mark.parametrize(
    ("header", "note", "under"),
    [
        ("By Maren Holt", "Reach Maren Holt at 555-0143 or maren.holt@harbourdiary.com.", "Print"),
        ("", "Maren Holt is a writer based in Harbour City.", "MORE FROM Maren Holt"),
        ("By Maren Holt", "Maren Holt, a former harbour pilot, is a writer based in Harbour City.", "Print"),
        # an American paper's way, the byline in capitals over the article
        ("By MAREN HOLT", "Staff writer Maren Holt can be reached at 555-0143 or mholt@harbourdiary.com.", "Print"),
        # a contributor's own line under the name, again under the article with more
        (
            "Maren Holt, Contributor\nI write about harbours and the towns around them.",
            "I write about harbours and the towns around them. I ran the harbour ferry for eleven years.",
            "Print",
        ),
    ],
)
def test_how_to_reach_the_writer_or_who_the_writer_is_under_the_article_is_not_its_paragraph(header, note, under):
    """The writer's contact with a telephone number before the address, or a note on the writer with the writer's
    other stories listed under it ("MORE FROM <name>", no byline over the article): the writer's, not the article's
    last paragraph."""
    lines = [f"Home\n{HEADLINE}", header, "12 March 2026", *ARTICLE, note, under, "A bakery sells out before nine"]
    body, _ = read("\n".join(line for line in lines if line) + "\n")
    assert body == ARTICLE


def test_the_article_goes_on_under_a_box_of_other_stories_each_with_its_date():
    """A "Related Articles" box set into the article, each other story's title over its date: the paragraphs under
    the box are the article going on (the last date is its story's, no header over them), not a next story."""
    more = (
        "Engineers will inspect the bridge again in the autumn, and the council said it would publish their report "
        "on the steel supports and the cost of the repairs before the works begin."
    )
    box = "Related Articles\nCouncil to study a second harbour crossing\n03 Sep 2025\nFerry fares to rise\n14 Jul 2025"
    article = [*ARTICLE, more]
    text = "\n".join([*article[:3], box, *article[3:]])
    body, _ = read(f"Home\n{HEADLINE}\nBy Maren Holt\n12 March 2026\n{text}\nPolitics »\n")
    assert body == article


@pytest.mark.parametrize(
    "heading", ["References", "References[edit]", "Sources", "Einzelnachweise[Bearbeiten | Quelltext bearbeiten]",
                "Originalpublikation", "Competing Interest Statement", "Was this article helpful?",
                "Is this page useful?", "Media Contacts:", "Über dieses Thema berichtete Inforadio am 14. Mai 2019."]
)  # fmt: skip
def test_the_references_under_an_article_or_an_ask_whether_it_helped_end_it(heading):
    """An encyclopedia's, a paper's or a knowledge base's references under the article (the heading with its
    "[edit]" link too), a preprint's statements, a health site's ask whether the page helped: the article is over."""
    pasted = page(f"{heading}\n^ Holt, Maren (2026). The Harbour Bridge. City Press. p. 14.")
    body, notices = read(pasted)
    assert body == ARTICLE
    assert named_left_out(notices, OTHER_POST, pasted)


def test_a_contents_entry_for_the_references_does_not_end_the_article():
    """The contents over an encyclopedia's article number their entries ("5 References"): that is no heading over
    the references, and the article under the contents goes on to its last paragraph."""
    contents = "Contents\n1 History\n2 Route\n3 See also\n4 References\n5 External links\n"
    opening = f"{ARTICLE[0]} {ARTICLE[1]}"  # a long first paragraph over the contents
    pasted = f"Harbour Bridge\nFrom Wikipedia, the free encyclopedia\n{opening}\n{contents}{ARTICLE[2]}\n{WRITER}\n"
    body, _ = read(pasted)
    assert body[0] == opening and ARTICLE[2] in body


def test_a_heading_asking_readers_to_discuss_the_article_ends_it():
    """A regional paper's heading over its readers' comments, the headline quoted in it ("Discuss “...”")."""
    pasted = page(f"Discuss “{HEADLINE}”")
    body, notices = read(pasted)
    assert body == ARTICLE
    assert named_left_out(notices, OTHER_POST, pasted)
