"""What stands around a pasted page's headline, and what a live page's posts look like (readers/headline.py,
readers/doubts.py, readers/candidates.py, readers/lines.py): a kicker of four words over the headline (German and
Japanese sites print one over every headline), writers' names alone on a line, a Hindi headline, a standfirst over
the writer's or department's line, and a live page whose posts are each headed by a time of day. The pages are
written here in those shapes."""

import pytest

from newsletter.readers.candidates import could_be_headline
from newsletter.readers.text import parse_page


def read(text: str):
    notices = []
    result = parse_page(text, "page.txt", notices)
    return result.stories[0], [str(notice) for notice in notices]


GERMAN = (
    "Wenige Wochen vor der Landtagswahl zieht die CDU in Mecklenburg-Vorpommern in einer neuen Umfrage an der SPD "
    "vorbei. Die Regierung von Ministerpräsidentin Hartmann verliert damit ihre Mehrheit im Landtag von Schwerin.\n"
    "Die Umfrage sieht die CDU bei 31 Prozent, die SPD bei 22 Prozent und die Grünen bei elf Prozent. Die Linke "
    "müsste mit vier Prozent um den Wiedereinzug in den Landtag bangen, die FDP ebenfalls.\n"
    "Ministerpräsidentin Hartmann sagte am Abend in Schwerin, Umfragen seien keine Wahlergebnisse. Ihre Partei "
    "werde bis zum letzten Tag um jede Stimme kämpfen und auf ihre Bilanz in der Landespolitik setzen.\n"
)
JAPANESE = (
    "衆議院の解散をめぐり、与党内では年内に選挙を行うべきだという意見と、来年の通常国会のあとに先送りすべきだという意見が"
    "対立していて、首相は補正予算の成立を待って最終的に判断する考えです。\n"
    "与党の幹部は２日、記者団に対し「解散の時期は首相が決めることだ」と述べたうえで、党として選挙の準備を急ぐ考えを"
    "示しました。\n"
    "一方、野党側は「解散の前に国会で審議を尽くすべきだ」として、予算委員会での集中審議を求めていて、与野党の駆け引きが"
    "続く見通しです。\n"
)


@pytest.mark.parametrize(
    ("page", "kicker", "headline"),
    [
        # the kicker's words are all the article's ("Umfrage", "Landtagswahl"), as a kicker's are
        (
            "Politik\nMecklenburg-Vorpommern\nUmfrage vor der Landtagswahl\n"
            "CDU zieht in Mecklenburg-Vorpommern an der SPD vorbei\n3. Dezember 2026, 18:04 Uhr\nLesezeit: 2 Min.\n"
            + GERMAN,
            "Umfrage vor der Landtagswahl",
            "CDU zieht in Mecklenburg-Vorpommern an der SPD vorbei",
        ),
        # NHK prints its topic over the headline
        (
            "ニュース\n政治\n国際\n衆議院解散めぐり\n衆議院解散の時期めぐり 与党内で意見対立 首相は予算成立後に判断へ\n"
            "2026年12月2日 6時05分\nシェア\nX\nFacebook\nLINE\n" + JAPANESE,
            "衆議院解散めぐり",
            "衆議院解散の時期めぐり 与党内で意見対立 首相は予算成立後に判断へ",
        ),
    ],
)
def test_a_kicker_of_four_words_over_the_headline_is_not_taken_for_it(page, kicker, headline):
    """A short line right over a longer one that has the date under it: the longer is the headline (a headline of
    four words over its standfirst ranks first only when it is longer than a kicker is)."""
    story, _ = read(page)
    assert story.headline == headline
    assert kicker not in story.headline


LIVE = (
    "Skip to main content\nNews\nWorld\nEurope live\n"
    "Coalition talks collapse in Vienna as Greens walk out – Europe live\nJana Horvath\nWed 2 Dec 2026 17.45 GMT\n"
    "Key events\nShow key events only\n"
    "17.42 GMT\nGreens leave the chancellery without a deal\n"
    "The Greens' negotiators left the chancellery in Vienna shortly after five o'clock, saying the conservatives "
    "had refused to move on the climate law that both parties had promised to pass before the summer.\n"
    "Share\n17.15 GMT\nConservatives blame the Greens for the breakdown\n"
    "The conservatives' general secretary told reporters that his party had offered a compromise on the climate "
    "law and that the Greens had walked away from the table before it could be discussed in full.\n"
    "Share\n16.50 GMT\nPresident calls party leaders to the Hofburg\n"
    "The president has asked the leaders of all parties in parliament to meet him at the Hofburg on Thursday "
    "morning, his office said, as the country faces its third month without a new government.\n"
    "Share\nMost read\nMarkets slide as tariff deadline looms\n"
)


def test_a_live_page_s_posts_headed_by_their_times_flag_the_first_post_s_title_and_keep_its_paragraph():
    """Each post under its time ("17.42 GMT", as British sites print it): the first post's title is no more the
    page's headline than the others' are, so a choice of it is flagged; and the first post's paragraph, under which
    the next post's time stands, is the article's first paragraph, not a standfirst over a header's date."""
    story, notices = read(LIVE)
    assert story.headline_unsure or story.headline.startswith("Coalition talks collapse")
    assert story.body[0].text.startswith("The Greens' negotiators left the chancellery")
    if story.headline == "Greens leave the chancellery without a deal":
        assert any("live page" in notice for notice in notices)


HINDI = (
    "बिहार विधानसभा चुनाव से पहले महागठबंधन के दलों के बीच सीटों के बंटवारे पर बातचीत अंतिम दौर में पहुंच गई है। दोनों दलों "
    "के नेताओं ने बुधवार को पटना में लंबी बैठक की।\n"
    "सूत्रों के मुताबिक लगभग तीस सीटों पर अब भी सहमति नहीं बन पाई है। कांग्रेस इन सीटों पर अपने पुराने प्रदर्शन का हवाला दे "
    "रही है, जबकि क्षेत्रीय दल नए उम्मीदवारों को मौका देना चाहता है।\n"
    "चुनाव आयोग अगले कुछ दिनों में चुनाव की तारीखों का ऐलान कर सकता है, इसलिए दोनों दल जल्द से जल्द समझौते पर पहुंचना "
    "चाहते हैं।\n"
)


def test_a_hindi_headline_is_no_paragraph_though_its_vowel_signs_split_it_into_many_tokens():
    """Hindi has no capitals: its paragraphs end in a danda ("।"), its headline does not. The line right under the
    headline, long and no title, is its standfirst."""
    headline = "बिहार चुनाव: लेफ्ट-कांग्रेस गठबंधन में सीटों पर फंसा पेच, तीस सीटों पर अब भी नहीं बनी बात"
    standfirst = "महागठबंधन के दलों के बीच सीटों के बंटवारे पर बातचीत अंतिम दौर में, तीस सीटों पर अब भी सहमति नहीं"
    header = "अमित कुमार\nपटना,\n12 मार्च 2026,\n(अपडेटेड 12 मार्च 2026, 4:10 PM IST)\n"
    story, _ = read(f"होम\nचुनाव\nदेश\nAaj Tak\nलॉग इन\nचुनाव\n{headline}\n{standfirst}\n{header}" + HINDI)
    assert (story.headline, story.teaser) == (headline, standfirst)  # the standfirst has no danda at its end either
    assert story.body[0].text.startswith("बिहार विधानसभा चुनाव से पहले")


@pytest.mark.parametrize("writers", ["Laura Chen, Daniel Okafor", "Laura Chen and Daniel Okafor"])
def test_two_writers_names_over_the_date_are_no_headline(writers):
    """A journal's header: its sections, the headline, the standfirst, the writers' names alone on a line over the
    date. The names are never the headline, however near the date and the article they stand."""
    headline = "The Appeals Court's Sanctions Ruling and the Limits of Deference"
    standfirst = "A split panel held that the Treasury must disclose more of the basis for a designation than before."
    article = (
        "On March 6, a divided panel of the appeals court ruled that the Treasury must give a sanctioned company "
        "more of the evidence behind its designation, a decision that could reshape how sanctions are challenged.\n"
        "The majority held that the department's practice of withholding nearly all of its record went further than "
        "the statute allows, and sent the case back to the district court for a fuller review of the evidence.\n"
    )
    page = f"Courts & Litigation\nForeign Relations & International Law\n{headline}\n{standfirst}\n{writers}\n"
    story, _ = read(page + "Wednesday, March 11, 2026, 10:00 AM\n" + article)
    assert story.headline == headline
    assert not could_be_headline(writers, "other")
    assert could_be_headline("Trump and Putin Meet in Alaska", "other")


ITALIAN = (
    "A poco più di un mese dal voto, il fronte del Sì alla riforma è in vantaggio di sei punti, ma quasi metà degli "
    "elettori non ha ancora deciso se andrà alle urne, secondo il sondaggio pubblicato oggi.\n"
    "Il dato più rilevante riguarda gli indecisi: quasi un elettore su due non ha ancora scelto, e la partecipazione "
    "resta l'incognita principale per entrambi i fronti, che puntano ora sulla mobilitazione.\n"
)
GOV = (
    "The government has today sanctioned 40 oil tankers that form part of the shadow fleet, alongside two companies "
    "that provide them with maritime services, the Foreign Office said.\n"
    "The vessels have carried more than 5 billion dollars' worth of oil since the start of the year, according to "
    "the government's estimates, and will now be barred from the country's ports.\n"
)


@pytest.mark.parametrize(
    ("header", "article", "byline"),
    [
        # Corriere: "di" in lower case over the writer's name, then the audio player's buttons
        ("di Francesca Raimondi\nAscolta l'articolo\n5 min\nNEW\n", ITALIAN, "Francesca Raimondi"),
        # GOV.UK: "From:" over the department, "Published" over the date
        ("From:\nForeign, Commonwealth & Development Office\nPublished\n12 March 2026\n", GOV, ""),
    ],
)
def test_a_standfirst_over_a_writer_in_lower_case_or_a_from_label_is_the_teaser(header, article, byline):
    """The headline, a paragraph summing up the story, then the header's writer or department and date: the
    paragraph is the standfirst (the story's teaser), and the article starts under the header."""
    headline = "Referendum, il Sì avanti di sei punti" if byline else "Forty more shadow fleet tankers sanctioned"
    standfirst = (
        "Il sondaggio: la partecipazione resta l'incognita. Il governo punta sulla sicurezza, le opposizioni sui costi."
        if byline
        else "The government has today sanctioned 40 further vessels and two companies in a crackdown on oil revenues."
    )
    story, _ = read(f"Home\nPolitica\n{headline}\n{standfirst}\n{header}{article}")
    assert (story.headline, story.teaser, story.byline) == (headline, standfirst, byline)
    assert story.body[0].text == article.split("\n")[0]


CNN_LIVE = (
    "Live Updates\nShutdown deadline nears as House vote on stopgap bill slips to Friday\n"
    "By Priya Nandakumar and Owen Castellano, CNN\nUpdated 6:12 PM EST, Thu January 29, 2026\n"
    "Our live coverage has ended. Read more on the funding fight here.\n"
    "5 min ago\nHouse Rules Committee postpones meeting on stopgap bill\nFrom CNN's Priya Nandakumar\n"
    "The House Rules Committee has postponed a meeting that was scheduled for Thursday evening to set up debate on "
    "the stopgap funding bill, a sign that leaders have not yet locked down the votes they need.\n"
    "27 min ago\nSix Republicans say they will vote no\nFrom CNN's Owen Castellano\n"
    "At least six House Republicans have said they will oppose the stopgap bill because it does not cut spending, "
    "leaving leaders with almost no room for defections on the floor.\n"
    "1 hr ago\nAgencies prepare for a second shutdown\nFrom CNN's Priya Nandakumar\n"
    "Federal agencies have begun sending out plans for a possible second shutdown in four months, telling staff "
    "which of them would be asked to keep working without pay.\n"
)


def test_a_live_page_s_own_title_over_its_posts_is_the_headline_not_the_first_post_s():
    """The live page's title with its writers and its time, then the posts, each under its time ("5 min ago"), with
    its title and "From CNN's" writer: the page's title is the headline (flagged: a live page's title is a guess), the
    notice that the coverage has ended is left out, and the first post's paragraph is the body's first."""
    story, notices = read(CNN_LIVE)
    assert (story.headline, story.headline_unsure) == ("Shutdown deadline nears as House vote on stopgap bill slips to "
                                                       "Friday", True)  # fmt: skip
    assert any("live page" in notice for notice in notices)
    assert story.body[0].text.startswith("The House Rules Committee has postponed")
    assert not any("live coverage has ended" in block.text for block in story.body)
