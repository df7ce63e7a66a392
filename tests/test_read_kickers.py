"""What stands right over a pasted page's headline, and what a live page's posts look like (readers/headline.py,
readers/doubts.py): a kicker of four words over the headline (German and Japanese sites print one over every
headline), and a live page whose posts are each headed by a time of day. The pages are written here in those shapes."""

import pytest

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
