"""Pages as they paste when opened without their stylesheets (saved to disk, as extraction test sets keep them):
every list a stylesheet would hide stands in the text, in the page's order. The shapes such pages hold, written here
as made-up pages, each from a page of the thirty-third round's pools in that shape (heads6, heads7):
- the headline: a list of top stories whose first title stands again over the date; a headline saying "via"; a
  town's hyphenated name over its date; a trail's short form over the long headline; a Ukrainian writer's date line
  with its weekday; a long headline over the paragraph its dateline opens; a summary's points under "In Summary";
- captions and credits: a credit after a slash (a Gannett paper's), a photographer named with the post, ", фото: X";
- the article's bounds: a science site's "Explore further" under it, a deck of 44 words over the date.
Each is what the editor sees: the headline chosen (or a guess that names it), the caption and credit kept apart, the
article starting and ending where it does."""

import pytest
from test_read_kickers import read

SINKHOLE = (
    "HARRISBURG, Pa. (WHBG) — A sinkhole about 15 feet wide opened on Maple Avenue early Tuesday, swallowing part of "
    "the road and a parked car.\n"
    "No one was hurt. The car's owner, who lives on the block, said he heard a loud crack at about 4 a.m.\n"
    "Public works director Sandra Okoye said heavy rain over the weekend likely washed soil into an old storm sewer "
    "under the avenue, and that repairs would take at least two weeks.\n"
)
TOP_STORIES = (
    "Search\n48°\nHarrisburg, PA\nRain\nTop Stories\n"
    "Sinkhole swallows part of Maple Avenue in Harrisburg\n"
    "State police: Man charged in Route 22 crash\n"
    "School district closes two buildings for repairs\n"
    "Farm Show complex to host job fair\n"
    "Sinkhole swallows part of Maple Avenue in Harrisburg\n"
    "Posted: Apr 17, 2018 06:45 AM EDT\nUpdated: Apr 17, 2018 11:20 AM EDT\nFacebook\nTwitter\nEmail\nPrint\n"
)


def test_a_top_story_standing_again_over_the_date_is_the_headline_not_the_list_s_next_title():
    """The list's titles are no summary's points under the title above them: the list's first stands again over
    the date, the article's own."""
    story, _ = read(TOP_STORIES + SINKHOLE)
    assert story.headline == "Sinkhole swallows part of Maple Avenue in Harrisburg"
    assert [block.text for block in story.body] == SINKHOLE.strip().split("\n")


COMO = (
    "Dal primo marzo la zona a traffico limitato del centro di Como si estenderà a via Milano alta e a via Cesare "
    "Cantù, con tre nuovi varchi controllati da telecamere.\n"
    "La decisione è stata presa dalla giunta nella seduta di lunedì. L'assessore alla Mobilità ha spiegato che "
    "l'obiettivo è ridurre il traffico di attraversamento nelle ore di punta.\n"
    "Contrari i commercianti di via Milano, che hanno già raccolto 400 firme contro il provvedimento.\n"
)
ROADS = (
    "Residents of Millbrook learned of next month's road closures from a post on the council's Facebook page, "
    "after the printed notices the council used to mail were dropped to save money.\n"
    "The closures will shut Station Road and part of the high street for three weeks while water mains are "
    "replaced, the council said.\n"
    "Some residents said they had seen neither the post nor any sign on the roads themselves.\n"
)
PAGES = [
    # (menu and kicker, the headline saying "via", deck, byline and buttons, the article)
    ("Como\nViabilità\nMobilità in centro", "Como, la Ztl si allarga: da marzo varchi anche in via Milano",
     "Il Comune installerà tre nuove telecamere. Commercianti contrari: «Ci tagliano fuori»",
     "di Paolo Ronzoni\n12 gennaio 2016\nCondividi\nFacebook\nTwitter", COMO),
    ("News\nLocal\nRoads", "Millbrook residents learn of road closures via Facebook",
     "Printed notices were dropped to save money. Some residents say they missed the post.",
     "By Anna Marsh\nMarch 3, 2015\nShare\nFacebook\nTwitter", ROADS),
]  # fmt: skip


@pytest.mark.parametrize(("top", "headline", "deck", "header", "article"), PAGES, ids=["italian-street", "english"])
def test_a_headline_saying_via_is_no_credit(top, headline, deck, header, article):
    """A credit names who made the photo and who sent it ("Kyodo via REUTERS"); a headline's "via" is a street's or
    a means', after a sentence's words: the headline, not the kicker over it."""
    story, _ = read(f"{top}\n{headline}\n{deck}\n{header}\n{article}")
    assert story.headline == headline
    assert [block.text for block in story.body] == article.strip().split("\n")


LEVY = (
    "OOSTBURG — Residents of the Oostburg School District will be asked in April to approve a $38 million building "
    "referendum that would replace the middle school's oldest wing.\n"
    "The school board voted 6-1 on Monday to put the question on the ballot after two years of study.\n"
    "District administrator Paul Kramer said the east wing's heating and plumbing were beyond repair.\n"
)


@pytest.mark.parametrize(
    ("credit", "caption"),
    [
        ("Gary Weisz/Sentinel file photo", "Oostburg Middle School's east wing, built in 1956, would be torn down."),
        ("Mark Hoffman/Milwaukee Journal Sentinel", "Board members listen to residents at Monday's meeting."),
    ],
)
def test_a_credit_after_a_slash_is_the_photo_s(credit, caption):
    """ "Caption. / Name/Paper file photo": the caption and its credit, never the headline nor a paragraph."""
    story, _ = read(
        "News\nLocal\nVoters to decide $38 million levy for Oostburg schools\nWritten by\nDana Kowalczyk\n"
        f"Mar. 12, 2013\nComments\nFacebook\nTwitter\n{caption} / {credit}\n" + LEVY
    )
    assert story.headline == "Voters to decide $38 million levy for Oostburg schools"
    assert (story.caption, story.credit) == (caption, credit)
    assert [block.text for block in story.body] == LEVY.strip().split("\n")


GLACIER = (
    "A glacier in northwest Greenland doubled its speed within a year after warm Atlantic water reached its front, "
    "researchers reported on Monday.\n"
    "The team measured the water's temperature from a ship and found it two degrees warmer than a decade earlier.\n"
    "The team plans to place moorings in the fjord next summer to measure the water temperature through a full year.\n"
)


def test_a_science_site_s_explore_further_under_the_article_ends_it():
    """ "Explore further" heads another story's title, the source and the citation: the site's, not the article's."""
    story, _ = read(
        "Earth\nEnvironment\nGreenland glacier sped up after warm ocean water reached its front\nMarch 21, 2017\n"
        + GLACIER
        + "Explore further\nWarm water under Antarctic ice shelf measured for first time\n"
        "Provided by University of Bergen\n"
        "Citation: Greenland glacier sped up after warm ocean water reached its front (2017, March 21) retrieved 22 "
        "March 2017 from https://sciencenews.example/news/2017-03-greenland-glacier.html\n"
        "This document is subject to copyright. Apart from any fair dealing for the purpose of private study or "
        "research, no part may be reproduced without the written permission.\n"
    )
    assert [block.text for block in story.body] == GLACIER.strip().split("\n")


DINING = (
    "Harwood Dining Hall will stay open until 2 a.m. on weeknights starting Feb. 3, after more than 1,800 students "
    "signed a petition asking for late hours.\n"
    "The petition, started in November by sophomore Dev Anand, said students in the north halls had to walk 20 "
    "minutes for food after 9 p.m.\n"
    "Dining Services said it would review sales at the end of the semester before deciding on the fall.\n"
)


@pytest.mark.parametrize("post", ["Photo Editor", "Staff Photographer", "Contributing Photographer"])
def test_the_photographer_named_with_the_post_under_a_caption_is_its_credit(post):
    """A student paper's template: the writer's name and post under the headline, the photo's caption, then the
    photographer's name and post. The caption is the photo's, never the article's first paragraph."""
    caption = "Students line up for food at Harwood Dining Hall on Jan. 23."
    story, _ = read(
        "News\nSports\nDining hall to stay open until 2 a.m. after student petition\nLena Park, News Editor\n"
        f"{caption}\nMarcus Bell, {post}\n" + DINING
    )
    assert [block.text for block in story.body] == DINING.strip().split("\n")
    assert (story.caption, story.credit) == (caption, f"Marcus Bell, {post}")


FERRIES = (
    "VICTORIA – Fares on all 25 coastal ferry routes will be frozen at their current levels until March 31, 2013, "
    "Transportation Minister Glen Halvorsen announced today.\n"
    "The Province will also provide an additional $18 million over two years to keep the minor routes running.\n"
    "An independent review of the fare-setting formula will report to the minister by the end of the year.\n"
)
LONG_HEADLINE = (
    "Province freezes coastal ferry fares for two years, adds $18 million to keep minor routes running and orders "
    "independent review of the fare-setting formula"
)


def test_a_long_headline_over_the_paragraph_its_dateline_opens_is_no_paragraph():
    """A government release's headline runs to 24 words with no stop, right over the first paragraph, which its
    dateline opens ("VICTORIA – Fares ..."), under the ministry's name: the article starts at the dateline, and the
    headline is that line or a guess whose warning names it."""
    story, notices = read(
        "Newsroom\nReleases\nFor Immediate Release\nJune 23, 2011\nMinistry of Transportation and Infrastructure\n"
        f"{LONG_HEADLINE}\n{FERRIES}"
    )
    assert [block.text for block in story.body] == FERRIES.strip().split("\n")
    assert story.headline == LONG_HEADLINE or story.headline_unsure and any(LONG_HEADLINE[:30] in n for n in notices)


NAKURU = (
    "The Independent Electoral and Boundaries Commission has ordered a recount of votes cast in two polling stations "
    "in Nakuru Town West after a candidate disputed the tallies.\n"
    "The recount will take place on Sunday in the presence of all the candidates' agents, the returning officer said.\n"
    "The result for the seat is now expected on Monday, two days after the rest of the county's results.\n"
)


def test_the_summary_s_points_under_in_summary_over_the_byline_are_no_paragraphs():
    """A Kenyan paper's "In Summary" over three points written as sentences, then the byline: the summary's points,
    not the article's first paragraphs, and no headline; the article starts under the byline."""
    story, _ = read(
        "Counties\nNakuru\nIEBC orders recount in two Nakuru polling stations\nSaturday August 12 2017\nIn Summary\n"
        'Returning officer says discrepancies in Forms 34A were "clerical".\n'
        "Parliamentary candidate says his agents were locked out during tallying.\n"
        "Result for Nakuru Town West seat now expected on Monday.\n"
        "By WANJIRU KAMAU\nMore by this Author\n" + NAKURU
    )
    assert story.headline == "IEBC orders recount in two Nakuru polling stations"
    assert [block.text for block in story.body] == NAKURU.strip().split("\n")


BUDGET = (
    "Le conseil municipal s'est réuni mardi soir pour adopter le budget primitif 2012. Les taux des trois taxes "
    "locales restent inchangés pour la quatrième année consécutive.\n"
    "Le budget de fonctionnement s'élève à 1,8 million d'euros, en légère hausse par rapport à 2011.\n"
    "Le maire a rappelé que la rénovation de la salle des fêtes sera lancée à l'automne.\n"
)


def test_a_town_s_hyphenated_name_over_its_own_date_is_no_headline():
    """A regional paper's edition label, the town's name joined by hyphens and shown twice (the trail's, then the
    article's), over the date: one word, a label; the headline is the title under the date."""
    story, _ = read(
        "Accueil\nBretagne\nSaint-Aubry-sur-Oust\nSaint-Aubry-sur-Oust\nPublié le 29/03/2012 à 05h32\n"
        "Modifié le 29/03/2012 à 08h10\nSaint-Aubry : le budget 2012 voté sans hausse d'impôts\n"
        "Le conseil municipal, mardi soir, à la mairie. | Photo : La Dépêche du Val / Archives\nFacebook\nTwitter\n"
        + BUDGET
    )
    assert story.headline == "Saint-Aubry : le budget 2012 voté sans hausse d'impôts"


TRASVASE = (
    "El Consejo de Ministros ha aprobado este viernes un trasvase extraordinario de 20 hectómetros cúbicos desde los "
    "embalses de cabecera del Tajo hacia la cuenca del Segura.\n"
    "La decisión llega tras tres meses en los que la comisión central de explotación del acueducto había rechazado "
    "cualquier envío por la sequía.\n"
    "Los regantes murcianos celebraron la medida, mientras el Gobierno de Castilla-La Mancha anunció un recurso.\n"
)
FULL_TITLE = (
    "El Gobierno aprueba un trasvase de emergencia de 20 hectómetros cúbicos del Tajo al Segura pese a la oposición "
    "de Castilla-La Mancha"
)


def test_a_trail_s_short_form_over_the_long_headline_is_at_most_a_guess_naming_it():
    """A Spanish paper's trail ends in a short form of the headline ("Aprobado el trasvase de emergencia"), right over
    the headline itself, 22 words with no stop, then its deck, byline and date: the short form is no headline over
    its standfirst. The headline is the long line, or a guess whose warning names it."""
    story, notices = read(
        "España\nTrasvase Tajo-Segura\nAprobado el trasvase de emergencia\n"
        f"{FULL_TITLE}\n"
        "Los regantes murcianos celebran la decisión; el Ejecutivo castellanomanchego anuncia que la recurrirá\n"
        "Nuria Altamira\nToledo / Murcia 7 JUL 2017 - 14:28 CEST\nComentar\nImprimir\n" + TRASVASE
    )
    assert story.headline == FULL_TITLE or story.headline_unsure and any(FULL_TITLE[:30] in n for n in notices)


SHELTERS = (
    "У Житомирі 14 загальноосвітніх навчальних закладів не зможуть розпочати навчальний рік у звичайному форматі, "
    "бо в них досі немає укриттів.\n"
    "За словами директорки департаменту освіти, у цих школах навчатимуться дистанційно, доки не завершаться роботи.\n"
    "Міська рада обіцяє облаштувати укриття до кінця вересня.\n"
)


def test_a_ukrainian_writer_and_weekday_dated_line_and_a_comma_labelled_credit():
    """A Ukrainian paper's header: the news feed's titles with their times over the headline, then the writer and the
    date with its weekday ("Олена Гнатюк — Середа, 24 серпня 2022, 12:57"), then the photo's caption and its credit
    after a comma ("..., фото: пресслужба"). The headline is the title over the writer's date line, the caption and
    credit the photo's."""
    story, _ = read(
        'Стрічка новин\n12:31\nУряд продовжив програму "Прихисток" до кінця року\n12:05\n'
        "У Києві обмежать рух по мосту Патона\nУсі новини\n"
        "У Житомирі 14 шкіл не відкриються 1 вересня: немає укриттів\n"
        "Олена Гнатюк — Середа, 24 серпня 2022, 12:57\nУкриття у школі №23, Житомир, фото: пресслужба міськради\n"
        + SHELTERS
    )
    assert story.headline == "У Житомирі 14 шкіл не відкриються 1 вересня: немає укриттів"
    assert (story.caption, story.credit) == ("Укриття у школі №23, Житомир", "фото: пресслужба міськради")
    assert [block.text for block in story.body] == SHELTERS.strip().split("\n")


LIBRARY = (
    "Het besluit viel na een debat van bijna drie uur. Tien raadsleden stemden voor de sluiting, negen tegen.\n"
    "Wethouder Anneke de Vries zei dat de gemeente het geld voor een nieuw gebouw niet heeft.\n"
    "Een bibliobus gaat vanaf januari twee keer per week langs de wijken en de dorpen.\n"
)


def test_a_deck_of_44_words_over_the_date_is_the_standfirst_not_the_first_paragraph():
    """A Dutch broadcaster's long deck, 44 words in two sentences, right under the headline and over the date, the
    share buttons and the photo: the standfirst, and the article starts under the photo."""
    deck = (
        "De gemeenteraad van Harlingen heeft gisteravond met een krappe meerderheid besloten de bibliotheek aan de "
        "Voorstraat per 1 januari te sluiten. Volgens het college is het gebouw te duur om te onderhouden en komen er "
        "te weinig bezoekers, maar de oppositie spreekt van kaalslag."
    )
    story, _ = read(
        f"Nieuws\nFriesland\nBibliotheek Harlingen dicht\n{deck}\n10 november 2015, 07:12\n"
        "Aangepast: 10 november 2015, 09:30\nDelen\nDeel op Facebook\nDeel op Twitter\n"
        "Het pand van de bibliotheek aan de Voorstraat (foto: Omroep Noordkust / Sietske Hoekstra)\n" + LIBRARY
    )
    assert [block.text for block in story.body] == LIBRARY.strip().split("\n")
