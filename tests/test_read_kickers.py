"""What stands around a pasted page's headline, and what a live page's posts look like (readers/headline.py,
readers/headers.py, readers/doubts.py, readers/candidates.py, readers/lines.py, readers/credits.py): a kicker of four
words over the headline (German and Japanese sites print one over every headline), writers' names alone on a line, a
standfirst over the writer's or department's line, a caption under the header, a live page whose posts are each
headed by a time of day, and a Chinese portal's page (its topic's label, bylines, stamp, captions, reprint notice
and comments). The pages are written here in those shapes."""

import json
from pathlib import Path

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
    assert story.headline_unsure
    assert any("the headline is a guess" in notice and "live page" in notice for notice in notices)
    assert story.body[0].text.startswith("The Greens' negotiators left the chancellery")


@pytest.mark.parametrize("writers", ["Laura Chen, Daniel Okafor", "Laura Chen and Daniel Okafor"])
def test_two_writers_names_over_the_date_are_no_headline(writers):
    """A magazine's header: its section, the title, the subtitle in Title Case, the writers' names alone on a line
    over the date, the photo. The names are never the headline, however near the date they stand; a title of the
    same shape ("Red Lines and Hard Choices"), over its subtitle, still is."""
    subtitle = "Why the Gulf States Cannot Broker a Peace They Helped Prolong"
    article = (
        "In January, for the third time in two years, representatives of the army and the paramilitary forces sat "
        "down in Jeddah, and for the third time the talks ended without a ceasefire or a date to meet again.\n"
        "The pattern is familiar, and it reflects a structural problem with the mediation itself: the states that host "
        "the talks are also the ones whose money and weapons have kept the war going.\n"
    )
    photo = "Displaced people at a camp near the coast, January 2026\nEl Tayeb Siddig / Reuters\n"
    headline = "The Limits of Gulf Mediation in the War"
    story, _ = read(f"Snapshot\nAfrica\n{headline}\n{subtitle}\n{writers}\nFebruary 10, 2026\n{photo}{article}")
    assert story.headline == headline
    # ... and the made-up Foreign Affairs and War on the Rocks pages of bench/madeup/, where the names won
    pages = json.loads((Path(__file__).parents[1] / "bench" / "madeup" / "magazines.json").read_text(encoding="utf-8"))
    for name in ("fa_sudan_snapshot", "wotr_taiwan_quarantine"):
        story, _ = read(pages[name]["text"])
        assert (story.headline, story.headline_unsure) == (pages[name]["headline"], False)
    standfirst = "The mediators' money and weapons have kept the war going, and both sides know it."
    story, _ = read(f"Opinion\nRed Lines and Hard Choices\n{standfirst}\nBy {writers}\nFebruary 10, 2026\n{article}")
    assert story.headline == "Red Lines and Hard Choices"


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
    "Shutdown deadline nears as House vote on stopgap bill slips to Friday\n"
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


@pytest.mark.parametrize("top", ["Live Updates\n", ""])  # (the title may be the page's first line)
def test_a_live_page_s_own_title_over_its_posts_is_the_headline_not_the_first_post_s(top):
    """The live page's title with its writers and its time, then the posts, each under its time ("5 min ago"), with
    its title and "From CNN's" writer: the page's title is the headline (flagged: a live page's title is a guess), the
    notice that the coverage has ended is left out, and the first post's paragraph is the body's first."""
    story, notices = read(top + CNN_LIVE)
    assert (story.headline, story.headline_unsure) == ("Shutdown deadline nears as House vote on stopgap bill slips to "
                                                       "Friday", True)  # fmt: skip
    assert any("live page" in notice for notice in notices)
    assert story.body[0].text.startswith("The House Rules Committee has postponed")
    assert not any("live coverage has ended" in block.text for block in story.body)


TELEGRAPH_ARTICLE = (
    "Germany's coalition government agreed on Wednesday night to raise defence spending to 3.5 per cent of economic "
    "output by 2029, ending weeks of public quarrelling between the chancellor's conservatives and their partners.\n"
    "The deal, reached after nine hours of talks at the chancellery, will be financed partly by new borrowing that "
    "the constitution's debt brake allows for defence, and partly by cuts elsewhere in the federal budget.\n"
)


@pytest.mark.parametrize(
    "under",
    [
        "Chancellor ends weeks of quarrelling with Social Democrats after nine-hour meeting at the chancellery\n",
        "",
    ],
)
def test_a_headline_over_its_standfirst_with_no_full_stop_keeps_its_byline_and_date(under):
    """The Telegraph's and the Independent's header: the headline, a standfirst with no full stop, the writer, the
    writer's post, the date. The date under the standfirst does not make the standfirst the headline (a byline or
    date counts for the line right over it only when that line is as short as a kicker); the standfirst is the
    teaser."""
    headline = "Merz coalition agrees to lift defence spending to 3.5 per cent of GDP"
    page = f"News\nWorld\n{headline}\n{under}Kate Connolly\nSenior Foreign Correspondent\n4 May 2026 6:00pm BST\n"
    story, _ = read(page + TELEGRAPH_ARTICLE)
    assert (story.headline, story.headline_unsure, story.teaser) == (headline, False, under.strip())


@pytest.mark.parametrize(
    ("headline", "deck"),
    [
        (
            "Merz wins defence spending fight with coalition partners",
            "Government agrees to raise defence spending to 3.5 per cent of economic output by 2029 after weeks of "
            "quarrelling",
        ),
        (
            "Berlin agrees defence spending rise after nine hours of talks",
            "The coalition will raise defence spending to 3.5 per cent of output by 2029, partly financed by new "
            "borrowing",
        ),
    ],
)
def test_a_longer_deck_with_no_full_stop_under_the_headline_is_no_rival(headline, deck):
    """Reuters' and the Guardian's header: the headline, a longer deck in sentence case with no full stop (it holds
    more of the article's words than the headline does), then the byline and the date. The deck is the headline's,
    and the headline sure; it had come close."""
    story, notices = read(f"News\nWorld\n{headline}\n{deck}\nBy Kate Connolly\n4 May 2026\n{TELEGRAPH_ARTICLE}")
    assert (story.headline, story.headline_unsure, story.teaser) == (headline, False, deck), notices


@pytest.mark.parametrize(
    "title", ["The Price of Being Taken Seriously", "An Army Without an Overdraft", "Europe's Most Reluctant Arsenal"]
)
def test_a_magazine_title_over_its_deck_and_byline_is_the_headline(title):
    """A magazine's header: a headline in Title Case that plays on the story more than it tells it (it shares few of
    the article's words), a deck written as a sentence under it that tells it, then the writer's byline, the photo's
    credit and caption, the date and buttons (New York magazine's). The deck holds more of the article's words, but a
    headline is never printed under its own summary: the title is the headline (flagged, as a tagline over a headline
    has this shape too) and the deck its teaser."""
    deck = "How the chancellor's conservatives talked their partners into raising defence spending to 3.5 per cent."
    header = (
        f"{title}\n{deck}\nBy Kate Connolly\nPhoto: Markus Schreiber/AP\nFriedrich Merz.\n4 May 2026\nShare\nTweet\n"
    )
    story, notices = read(f"Magazine\nFeatures\n{header}{TELEGRAPH_ARTICLE}")
    assert (story.headline, story.teaser) == (title, deck), notices


@pytest.mark.parametrize(
    "caption",
    [
        "German Chancellor Friedrich Merz gestures during a news conference at the chancellery in Berlin",
        "Defence Minister Boris Pistorius, left, speaks to soldiers at a base near Munster on Wednesday",
        "A file photo of German army tanks during an exercise in Lower Saxony",
    ],
)
def test_a_photo_s_caption_with_no_credit_under_the_headline_is_no_standfirst(caption):
    """A caption right under the headline with no credit beside it and no full stop: its words are a photo's (someone
    gestures or speaks, "left,", a file photo), so it is not taken for the standfirst."""
    headline = "Merz coalition agrees to lift defence spending to 3.5 per cent of GDP"
    page = f"News\nWorld\n{headline}\n{caption}\nKate Connolly\nSenior Foreign Correspondent\n4 May 2026 6:00pm BST\n"
    story, _ = read(page + TELEGRAPH_ARTICLE)
    assert (story.headline, story.teaser) == (headline, "")
    assert story.body[0].text.startswith("Germany's coalition government agreed")


@pytest.mark.parametrize(
    "standfirst",
    [
        "Chancellor says Russia poses a growing threat that Europe can no longer afford to ignore",
        "Spending deal is seen as a test of the coalition before next year's state elections",
        "Merz holds talks with Macron as the party's left, led by Esken, objects to new borrowing",
    ],
)
def test_a_standfirst_with_a_caption_s_common_words_is_still_the_teaser(standfirst):
    """A standfirst whose words a caption also uses ("poses", "is seen as", "talks with", "left,") but as the news
    uses them: no one poses for a photo, is seen somewhere, stands left in it. It stays the teaser."""
    headline = "Merz coalition agrees to lift defence spending to 3.5 per cent of GDP"
    page = (
        f"News\nWorld\n{headline}\n{standfirst}\nKate Connolly\nSenior Foreign Correspondent\n4 May 2026 6:00pm BST\n"
    )
    story, _ = read(page + TELEGRAPH_ARTICLE)
    assert (story.headline, story.teaser) == (headline, standfirst)


@pytest.mark.parametrize(
    "note",
    [
        "Editor's note: this story has been updated with the final results from the national election office",
        "Follow our live coverage of the Hungarian election as the results come in throughout the night",
        "Hungary election 2026 Viktor Orbán Péter Magyar Fidesz Tisza party European Union",
    ],
)
def test_a_note_promo_or_tags_under_the_headline_are_no_standfirst(note):
    """Under the headline, an editor's note, a promo speaking to the reader and a line of topic tags are long lines
    with no full stop, as a standfirst is; none is the story's teaser."""
    headline = "Hungary election: what is at stake as Orbán faces Magyar"
    article = (
        "Hungary's opposition leader Péter Magyar heads into Sunday's election with a lead of up to nine points over "
        "Viktor Orbán's Fidesz, according to independent polls published this week in Budapest.\n"
        "Magyar's Tisza party, founded less than three years ago, has drawn support from disillusioned Fidesz voters "
        "in small towns as well as from the opposition's traditional base in the capital.\n"
    )
    story, _ = read(f"Europe\n{headline}\n{note}\nBy Sándor Zsíros\nPublished on 11/04/2026 - 7:00\n{article}")
    assert (story.headline, story.teaser) == (headline, "")


def test_by_on_its_own_line_over_the_name_is_the_byline_and_its_header_beats_a_video_s_title():
    """A broadcaster's page: the headline, "By" on a line and the writer's name on the next, the post and the date,
    then the video player's own title over its length ("02:48") right above the article. The byline is read, and the
    headline with its header is no longer passed over for the video's title without a word."""
    headline = "Far-right party comes second in German state election, but stays far from power"
    video = "Germany's far-right party gains in key state election"
    article = (
        "Berlin — Germany's far-right party finished second in a state election in the south-west on Sunday, its "
        "best result in a western state, but far short of the votes it would need to govern.\n"
        "Projections by the public broadcaster showed the conservatives comfortably ahead, with the Greens third and "
        "every other party ruling out any work with the far right in the state parliament.\n"
    )
    page = f"World\n{headline}\nBy\nHelen Brightwater\nForeign Correspondent\nUpdated on: March 8, 2026 / 7:12 PM EST\n"
    story, _ = read(page + f"Video\n{video}\n02:48\n{article}")
    assert story.byline == "Helen Brightwater"
    assert (story.headline, story.headline_unsure) == (headline, True)  # flagged: the video's title comes close


def test_a_results_timeline_s_times_stay_over_their_titles():
    """'What time are the results': each hour ("10.00pm", as British papers print it) over its event's title and
    paragraph. The times are the information; they stay in the body (a live post's time carries its zone: "05.47
    BST")."""
    steps = [
        ("10.00pm", "Polls close", "Voting ends, and the counting of postal votes begins in most halls."),
        ("1.30am", "Sunderland declares", "The first result is expected from Sunderland, which has declared first at "
         "every election since 1992."),
        ("4.00am", "Most seats declared", "By four in the morning most seats will have declared and the result of the "
         "election should be clear."),
    ]  # fmt: skip
    page = "Politics\nGeneral election night: what time will the results come in?\nBy Anna Petrova\n4 July 2026\n"
    story, _ = read(page + "".join(f"{time}\n{title}\n{text}\n" for time, title, text in steps))
    texts = [block.text for block in story.body]
    assert all(time in texts for time, _, _ in steps[1:])  # (the first stands over the body's first paragraph)


BORDER = (
    "Businesses along the Irish border have warned that a return to customs checks would be devastating, with shops "
    "in Newry and Strabane that rely on customers from across the border reporting a sharp fall in trade.\n"
    "One electrical retailer in Newry said about 40% of his customers came from the Republic, and that many had "
    "rung since Friday to ask whether his prices would change.\n"
    "The chamber of commerce said it would ask ministers for a guarantee that the roads between Newry and Dundalk "
    "would stay open without checks.\n"
)


@pytest.mark.parametrize("between", ["Facebook\nTwitter\nEmail\n", "Share\n"])
def test_a_photo_s_caption_under_the_header_is_not_the_headline_over_it(between):
    """A photo's caption left without its photo or credit, right over the first paragraph and under the article's
    header (its headline, a quoted standfirst, the writer's bare name, the date, the share buttons): the headline
    is the header's, not the caption that shares more of the opening's words."""
    page = (
        "News\nNorthern Ireland\nBorder traders fear return of customs posts after Leave vote\n"
        "'We remember what it was like and we don't want to go back there,' says Newry businessman\n"
        f"Claire Morgan\nPublished 27/06/2016\n{between}"
        "Customers at a shop in Newry, where many traders rely on customers from across the border\n" + BORDER
    )
    story, _ = read(page)
    assert story.headline == "Border traders fear return of customs posts after Leave vote"


RECOUNT = (
    "【本報訊】立法會選舉昨晨完成點票，九龍西地方選區最後一席爭持至天亮才有結果，新人何卓謙以213票之差險勝尋求連任的"
    "梁志堅。落敗的梁志堅陣營昨日下午要求重點，選舉管理委員會表示點票程序符合規定。\n"
    "九西今屆有17張名單角逐6席，投票率約57.4%。兩人差距僅佔總有效票約0.07%，雙方支持者通宵守候，現場氣氛一度緊張。\n"
    "梁志堅表示，提出重點並非質疑選舉結果，而是讓支持他的選民有一個清楚交代。何卓謙則說尊重對方依法提出的要求。\n"
)
HEADLINE_ZH = "九西尾席差213票 落敗者要求重點"


@pytest.mark.parametrize(
    ("top", "article", "chosen"),
    [
        # the topic's label right over the headline, the header's date under that: the headline
        (f"要聞\n國際\n立法會選舉2016\n{HEADLINE_ZH}\n2016年9月6日 08:23\n分享\n", RECOUNT, True),
        # ... over the site's breadcrumb and date bar: at the least not sure
        (f"要聞\n國際\n立法會選舉2016\n每日明報 > 要聞\n2016年9月6日星期二\n{HEADLINE_ZH}\n"
         "選管會：點票程序符合規定 兩陣營通宵守點票站\n[2016.09.06] 發表\n", RECOUNT, False),
        # ... over a headline that shares none of the article's words: not sure
        (f"要聞\n國際\n立法會選舉2016\n{HEADLINE_ZH}\n2016年9月6日 08:23\n分享\n",
         RECOUNT.replace("九西", "該區").replace("落敗的", "").replace("重點", "重新點票"), False),
    ],
)  # fmt: skip
def test_a_topic_s_label_that_the_article_repeats_is_not_taken_sure_for_a_chinese_headline(top, article, chosen):
    """A Chinese headline shortens its words ("九西" for 九龍西), so few of its two-letter pieces are the article's,
    while a topic's label over it ("立法會選舉2016") is repeated whole: the share of its letters that the article's
    pieces cover weighs them. Right over the headline, the label is not chosen; it is never chosen without a flag."""
    story, notices = read(top + article)
    if chosen:
        assert story.headline == HEADLINE_ZH
    else:
        assert story.headline == HEADLINE_ZH or story.headline_unsure


@pytest.mark.parametrize(
    "byline", ["記者許家豪／台中報導", "明報網 記者 高遠", "作者：孟晨 陳欣然", "文／王小明", "本報記者 張三、李四"]
)
def test_a_chinese_byline_under_the_headline_is_the_byline(byline):
    """A reporter's or writer's line as Chinese papers print it (the label 記者/作者/文, the names, a city it reports
    from): the story's byline, never its headline."""
    story, _ = read(f"要聞\n{HEADLINE_ZH}\n{byline}\n2016年9月6日 08:23\n{RECOUNT}")
    assert (story.headline, story.byline) == (HEADLINE_ZH, byline)


@pytest.mark.parametrize(
    "after",
    [
        "未经授权禁止转载、摘编、复制及建立镜像，违者将依法追究法律责任。\n",
        "本網站之文字、圖片及影音，非經授權，不得轉載、公開播送或公開傳輸及利用。\n",
        "本文来源：澎湃新闻 责任编辑：王晓易_NE0011\n分享到：\n",
        "网民评论\n请遵守我们的评论规则\n全国各地都是这样，选民最没有话语权。\n政府应该公开点票记录，让市民知道票去了哪里。\n",
        "网易跟贴\n注册\n热门跟贴\n网易湖南省长沙市网友\n我们那里去年就重新点过一次票，结果还是一样，白白浪费了一个晚上。\n",
    ],
)
def test_a_chinese_page_s_stamp_reprint_notice_and_comments_are_no_part_of_the_article(after):
    """A Chinese portal's stamp over the article (its date, time, source and comment count), and under it the notice
    forbidding reprints, the editor's line or readers' comments under their heading (网民评论, 网易跟贴): the article
    runs from its first paragraph to its last."""
    stamp = "2016年09月06日 08:23 来源：中国新闻网 参与互动(0)"
    story, _ = read(f"要聞\n{HEADLINE_ZH}\n{stamp}\n{RECOUNT}{after}")
    paragraphs = RECOUNT.strip().split("\n")
    assert [block.text for block in story.body] == paragraphs


@pytest.mark.parametrize(
    "caption",
    [
        "九龍西點票站外，雙方支持者通宵守候。（資料照，陳品妤攝）",
        "九龍西點票站外通宵守候的支持者 (本報記者高遠拍攝)",
        "（法新社）九龍西點票站外，雙方支持者星期一（9月5日）通宵守候。",  # Lianhe Zaobao's: the agency first
    ],
)
def test_a_chinese_caption_with_its_photographer_in_brackets_is_no_paragraph(caption):
    """A photo's caption over the first paragraph, its photographer in brackets at its end (攝, 拍攝: taken by), with
    or without the caption's stop before it, or its agency in brackets at its start: a caption, not the article's
    first paragraph."""
    story, _ = read(f"要聞\n{HEADLINE_ZH}\n2016年9月6日 08:23\n{caption}\n{RECOUNT}")
    assert [block.text for block in story.body if block.kind == "p"] == RECOUNT.strip().split("\n")


def test_a_chinese_article_opening_with_its_agency_s_dateline_keeps_it():
    """An article's first paragraph led by its agency, place and date ("（法新社香港5日电）"): the article's."""
    first = "（法新社香港5日电）九龍西點票站外，雙方支持者通宵守候。"
    story, _ = read(f"要聞\n{HEADLINE_ZH}\n2016年9月6日 08:23\n{first}\n{RECOUNT}")
    assert [block.text for block in story.body if block.kind == "p"][0] == first


def test_a_deck_half_as_long_again_under_the_headline_is_its_standfirst():
    """A headline over a deck of twice its words with no full stop, the byline and date under the deck (Rappler's,
    the Vancouver Sun's): the deck shares more of the article's words, as a summary does, but the headline is the
    line over it, and the deck its standfirst."""
    headline = "Last-minute rush as commission gets bids for senator from aspirants"
    deck = ("The election commission says it has received a total of 152 certificates of candidacy for senator, "
            "more than double the number in 2016")  # fmt: skip
    article = (
        "MANILA - The election commission says it has received a total of 152 certificates of candidacy for "
        "senator, as aspirants for next year's midterm elections flocked to its offices on Wednesday, the deadline.\n"
        "The commission's spokesman said the number of certificates was more than double the 62 filed in 2016, and "
        "that many of those filing had no national party behind them.\n"
        "The commission will release the official list of candidates for senator in December, after it rules on "
        "petitions to declare some of the filers nuisance candidates.\n"
    )
    story, _ = read(f"Nation\n{headline}\n{deck}\nMara Cabrera\nPublished 7:45 PM, October 17, 2018\nShare\n{article}")
    assert story.headline == headline


@pytest.mark.parametrize(
    ("top", "headline"),
    [
        # a headline that starts with "reporter" and a verb is no byline
        ("新京报\n记者暗访 校外培训 退费难\n2016年9月6日 08:23\n", "记者暗访 校外培训 退费难"),
        # a print page's subtitle under its title ("——记…") is never the headline
        (f"人民网\n{HEADLINE_ZH}\n——记九龙西通宵守候的两个阵营\n本报记者 王锦涛\n2016年9月6日 08:23\n", HEADLINE_ZH),
        # a row of buttons in brackets is never the headline
        (f"新华网 > 要聞\n{HEADLINE_ZH}\n2016年9月6日 08:23\n【字号 大 中 小】 【打印】 【关闭】\n", HEADLINE_ZH),
        # a short Japanese headline over its longer subtitle (no topic's label: no figures, nowhere else on the page)
        ("東洋経済\n銀行が消える町\n人口減少と低金利が地方の金融網を静かに揺さぶっている\n山田太郎記者\n"
         "2019/06/08 6:00\n", "銀行が消える町"),
    ],
)  # fmt: skip
def test_lines_around_a_chinese_or_japanese_headline_that_are_not_it(top, headline):
    """What this round's Chinese rules must not take for a byline, a headline or a kicker: a headline that starts with
    记者 (a reporter goes undercover), a "——记…" subtitle, a row of bracketed buttons; and a short headline without a
    topic label's figures stays the headline over its longer subtitle."""
    article = RECOUNT if "銀行" not in headline else (
        "人口減少と低金利で、地方の銀行が支店を閉じる動きが広がっている。町に一つしかない支店が消えると、年金の受け取りや"
        "商店の売上金の入金にも困る住民が出る。\n"
        "金融庁によると、この五年で地方銀行の支店は一割近く減った。町は移動店舗車の誘致を検討している。\n"
        "銀行側は、来店客が減り続ける中で支店を維持するのは難しいと説明している。\n"
    )  # fmt: skip
    story, _ = read(top + article)
    assert story.headline == headline


@pytest.mark.parametrize(
    "line",
    [
        "原告在每篇报道末尾均标注了“未经授权不得转载”的字样，法院认定被告的转载构成侵权，判令赔偿经济损失。",  # quoted
        "九龍西點票站外的人群中，有不少是首次投票的年輕人（部分空景由無人機拍攝）",  # how it was filmed, no credit
    ],
)
def test_a_paragraph_citing_a_reprint_notice_or_a_filming_note_is_the_article_s(line):
    """Lines this round's rules must not take from the article: a paragraph that quotes a reprint notice as a
    contract's words, one ending in a note of how its scenes were filmed (由…拍攝: no photographer's credit)."""
    first, rest = RECOUNT.split("\n", 1)
    story, _ = read(f"要聞\n{HEADLINE_ZH}\n2016年9月6日 08:23\n{first}\n{line}\n{rest}")
    assert line in [block.text for block in story.body]


@pytest.mark.parametrize("label", ["【导语】", "编者按：", "摘要："])
def test_a_chinese_standfirst_labelled_so_is_the_teaser_not_the_first_paragraph(label):
    """A paragraph under the headline that the page labels its standfirst or its editor's note (【导语】, 编者按：),
    however long: the story's teaser, and the article starts under it."""
    standfirst = (
        f"{label}九龍西最後一席爭持至天亮，新人以213票之差險勝尋求連任的資深議員。落敗陣營要求重點，"
        "選管會表示會依法處理，雙方支持者通宵守候，現場氣氛一度緊張，本報記者在點票站外記錄了這一夜。"
    )
    story, _ = read(f"要聞\n{HEADLINE_ZH}\n2016年9月6日 08:23\n{standfirst}\n{RECOUNT}")
    assert (story.teaser, [block.text for block in story.body]) == (standfirst, RECOUNT.strip().split("\n"))


HEADLINE_EN = "Viral video misrepresents the state's ballot drop-off law"
ARTICLE_EN = [
    "The state's primary election is still five months away, but a video recorded at a ballot drop box last "
    "November has been shared tens of thousands of times this month as supposed proof of fraud.",
    "The 40-second video shows a woman placing four ballot envelopes into a drop box outside a public library, "
    "after which the person filming asks her whose ballots they are.",
    "State law allows a family member, a household member or a caregiver to return another voter's early ballot, "
    "and the county's election office said it had reviewed the video and found nothing unlawful in it.",
]


@pytest.mark.parametrize(
    ("over", "label"),
    [("Quick Take\n", "Full Story"), ("Transcript\nAudio\n", "Read the Full Transcript")],
)
def test_a_summary_over_full_story_is_the_teaser_and_the_article_starts_under_it(over, label):
    """FactCheck.org's "Quick Take" over a summary and "Full Story" under it, the PBS NewsHour's segment summary over
    "Read the Full Transcript": the summary is the story's teaser, and the article starts under the label."""
    summary = (
        "A video circulating on social media claims that a woman was caught ballot harvesting. But the state allows "
        "family members to return ballots, and the county says it found nothing unlawful."
    )
    story, _ = read(f"Fact check\n{HEADLINE_EN}\nBy Rebecca Dunleavy\nMarch 11, 2026\n{over}{summary}\n{label}\n"
                    + "\n".join(ARTICLE_EN) + "\n")  # fmt: skip
    assert (story.teaser, [block.text for block in story.body]) == (summary, ARTICLE_EN)


def test_a_byline_of_by_and_a_dash_over_the_writer_s_name_shown_twice_is_that_writer():
    """The PBS NewsHour's and CBS News's header: "By —" (or "By") on its line, then the writer's name twice (its link,
    then its photo's alt text): the byline is the name, the name shown again is no photo's caption, and the note
    on the writer under the article ("Ryan Delmonico is a special correspondent ...") no paragraph of it."""
    bios = (
        "Apr 09\nRyan Delmonico\nRyan Delmonico is a special correspondent for PBS NewsHour based in Berlin, "
        "where he has covered elections across Central Europe since 2019.\nKarla Moreno\nKarla Moreno is a producer "
        "for PBS NewsHour's foreign affairs unit, and reported from the region for a decade.\n"
    )
    story, _ = read(f"Politics\n{HEADLINE_EN}\nBy —\nRyan Delmonico\nRyan Delmonico\nBy —\nKarla Moreno\nKarla "
                    "Moreno\nMarch 11, 2026\n" + "\n".join(ARTICLE_EN) + f"\n{bios}")  # fmt: skip
    assert (story.byline, story.caption) == ("Ryan Delmonico", "")
    assert [block.text for block in story.body] == ARTICLE_EN  # ... and the writer's note under it is no paragraph


@pytest.mark.parametrize("byline", ["dal nostro corrispondente Luca Varriale", "Dalla nostra inviata Luca Varriale"])
def test_an_italian_byline_from_our_correspondent_is_the_byline_and_the_line_over_it_the_standfirst(byline):
    """The Corriere's header: the headline, its standfirst, "dal nostro corrispondente" (from our correspondent) and
    the name: the byline is the name, and the standfirst the teaser, not the article's first paragraph."""
    standfirst = "Sfiducia approvata con 247 voti. Decisivi i socialdemocratici, usciti dalla coalizione."
    article = [
        "BUCAREST – Il governo romeno è caduto ieri sera dopo appena undici mesi, travolto dalla riforma delle "
        "pensioni che la coalizione non è riuscita a difendere in aula.",
        "La crisi era nell'aria da settimane. La riforma prevedeva un taglio delle pensioni speciali dei magistrati e "
        "dei militari, e i socialdemocratici avevano lasciato la coalizione.",
    ]
    story, _ = read(f"esteri\nRomania, il governo cade sulla riforma delle pensioni\n{standfirst}\n{byline}\n"
                    + "\n".join(article) + "\n")  # fmt: skip
    assert (story.byline, story.teaser) == ("Luca Varriale", standfirst)
    assert [block.text for block in story.body] == article


@pytest.mark.parametrize("dash", [" - ", " | "])
def test_the_page_s_title_with_the_site_s_name_beside_a_fuller_heading_is_not_the_headline(dash):
    """A broadcaster's header pastes the page's title for search, the site's name after a dash, over the heading the
    page shows, which holds all its words and a quote before them: the heading is the headline."""
    heading = "'We were never asked, not once': Coalition agrees to raise defence spending to 3.5 per cent"
    title = f"Coalition agrees to raise defence spending to 3.5 per cent{dash}Northern News"
    page = f"Northern News homepage\nWorld\n{title}\n{heading}\nBy Kate Connolly\nPosted 4 May 2026\n"
    story, _ = read(page + TELEGRAPH_ARTICLE)
    assert (story.headline, story.headline_unsure) == (heading, False)


PORTAL_TEXT = [
    "在山区的一个小县城里，一个从杭州发出的包裹，往往要经过县城、乡镇、村委会三道中转，才能送到收件人手中。",
    "记者近日跟随一名快递员走了一趟“最后一公里”。早上8点，他从县城网点装车，到中午送完了县城周边的件。",
    "乡镇代办点负责人说，远一点的村子，包裹要先放在村委会，等村民赶集时自己来取，有的件一放就是一个星期。",
]


@pytest.mark.parametrize("original", ["原标题：一个包裹的进山之路", "本文原标题：一个包裹的进山之路"])
def test_a_portal_s_original_title_line_unbracketed_is_never_its_headline(original):
    """A Chinese portal reposts a paper's story under its own title, and names the paper's title over the article
    ("原标题：…", original title), with no brackets round it: the portal's title, over its date and source, is the
    headline, and the original title no paragraph of the article."""
    title = "山区快递进村难：一个包裹要转四趟车"
    page = "\n".join(["新闻中心 > 国内新闻 > 正文", title, "2016年08月12日 07:31 青年日报", "微博", "微信", "分享到：",
                      "评论", original, "本报记者 杨思远", *PORTAL_TEXT])  # fmt: skip
    story, _ = read(page)
    assert story.headline == title
    assert [block.text for block in story.body] == PORTAL_TEXT


FERRY_ARTICLE = (
    "The ferry operator cancelled 40 sailings on Thursday on two of its busiest routes, leaving hundreds of "
    "travellers waiting at the terminal at the start of the long weekend.\n"
    "The company said it did not have enough crew to meet the minimum staffing levels the regulator requires, and "
    "that more sailings could be cancelled on Friday.\n"
)


@pytest.mark.parametrize(
    "player",
    [
        # a broadcaster's player: its button names the video, its length, the video's title again and its caption
        "Click to play video: 'Travellers stranded at ferry terminal'\n2:07\nTravellers stranded at ferry terminal\n"
        "Long lineups formed at the ferry terminal Thursday after the operator cancelled sailings for want of crew.\n",
        # a sports network's: the clip now playing and the next ones, each under the player's label, with lengths
        "9:41 PM ET\n12:45\nNow Playing\nOperator: 'We cancelled 40 sailings'\nUp Next\n"
        "Travellers stranded at ferry terminal\n1:12\nUp Next\nFerry operator defends its crews\n2:30\n",
    ],
)
def test_a_video_player_s_titles_over_the_article_are_not_its_headline(player):
    """A video player stands between the header and the article: its titles share more of the article's words than
    a headline that plays on the story does, and stand nearer the article, but they are the videos'
    (readers/players.py). The headline over its byline and dates is the headline."""
    headline = "Island route axes 40 sailings as staffing crunch hits holiday weekend"
    header = f"News\nLocal\n{headline}\nBy Lena Park\nCoastline News\nPosted June 30, 2022 4:31 pm\n" \
        "Updated June 30, 2022 7:02 pm\n2 min read\n"  # fmt: skip
    page = f"{header}{player}Share\nShare this item on Facebook\nShare this item on Twitter\n{FERRY_ARTICLE}"
    story, _ = read(page)
    assert story.headline == headline


def test_a_contributor_network_s_header_gives_the_title_the_caption_and_its_credit():
    """A business magazine's contributor post: the title over the writer's name, "Contributor", the writer's own line
    in the first person ("I write about ..."), the network's disclaimer and the photo's caption with its credit in
    capitals glued on after the stop. The tagline is no headline, the disclaimer no paragraph whose words rank the
    site's name, and the caption the photo's (readers/press_captions.py)."""
    title = "Why Coworking Spaces Are Quietly Becoming Daycare Centers"
    article = (
        "When the owner opened her second coworking space in the city in 2016, she assumed the busiest room at her "
        "coworking spaces would be the one with the standing desks, not a daycare.\n"
        "It turned out to be the one with the toys. Parents who work from home brought their children, and the "
        "company now runs three locations with childcare on site.\n"
    )
    page = (
        f"Capital Weekly\nBillionaires\nInnovation\nLeadership\nMoney\nSign In\nSubscribe\nSep 4, 2018, 07:15am EDT\n"
        f"{title}\nHannah Voss\nContributor\nEntrepreneurs\nI write about small businesses and the people who start "
        "them.\nThis article is more than 5 years old.\nOpinions expressed by Capital Weekly Contributors are their "
        "own.\nThe play area at a coworking space in Raleigh, N.C. TANDEM WORKS\nShare to Facebook\nShare to Twitter\n"
    )
    story, _ = read(page + article)
    assert story.headline == title
    assert (story.caption, story.credit) == ("The play area at a coworking space in Raleigh, N.C.", "TANDEM WORKS")


def test_the_headline_again_under_a_breadcrumb_ending_in_it_is_no_paragraph_of_the_article():
    """An explainer's header: the breadcrumb's last entry is the headline, then its label ("Explainer"), the
    headline again as the page's heading and its standfirst. The heading is no paragraph of the article, which
    starts under it and its standfirst."""
    title = "What does the defence deal mean for your taxes?"
    deck = "Germany will spend 3.5 per cent of its output on defence by 2029. Here is who pays for it."
    page = f"News\nHome\n/\nNews\n/\nWorld\n/\n{title}\nExplainer\n{title}\n{deck}\nKate Connolly\n4 May 2026\n"
    story, _ = read(page + TELEGRAPH_ARTICLE)
    assert story.headline == title
    assert [block.text for block in story.body] == TELEGRAPH_ARTICLE.strip().split("\n")


def test_a_portal_s_original_title_under_the_article_and_a_japanese_related_box_end_it():
    """The original title in brackets under a reposted article ("（原标题：…）") is no paragraph of it; a Japanese
    portal's related box, its heading in lenticular brackets ("【関連記事】"), ends the article."""
    title = "山区快递进村难：一个包裹要转四趟车"
    page = "\n".join(["新闻中心 > 国内新闻 > 正文", title, "2016年08月12日 07:31 青年日报", *PORTAL_TEXT,
                      "(原标题：山区县今年新建村级快递服务站120个)", "本文来源：青年日报",
                      "责任编辑：王伟"])  # fmt: skip
    story, _ = read(page)
    assert [block.text for block in story.body] == PORTAL_TEXT
    article = [
        "市内の老舗旅館が来年3月で閉館することが12日、分かった。創業から120年余り、温泉街の顔として親しまれてきた。",
        "経営者の男性は、建物の老朽化と後継者がいないことを理由に挙げた。従業員は市内の別の旅館が受け入れるという。",
        "旅館の建物は当面そのまま残し、活用方法を市や地元の観光協会と相談するという。",
    ]
    page = "\n".join(["ニュース", "地域", "老舗旅館が来年3月で閉館 創業120年余り", "12/12(火) 9:05配信", *article,
                      "【関連記事】", "温泉街の足湯、リニューアルオープン",
                      "県内の商店街、空き店舗が増加　調査で3割「閉店予定」", "最終更新:12/12(火) 20:30",
                      "記事に関する報告"])  # fmt: skip
    story, _ = read(page)
    assert [block.text for block in story.body] == article
