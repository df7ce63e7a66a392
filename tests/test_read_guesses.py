"""When a pasted page's headline is not in the paste (the editor's selection started under it, the page drew it as a
picture, or the reader took it for something else), the best line left is a guess and is flagged as one: a
standfirst as long as standfirsts are, a topic's label with its year, a point of the story's highlights
(readers/doubts.py, readers/headline.py). Some lines are never a headline, headline or not: the writer's place by
the byline, a cookie banner's heading, an academic's post, an image's file name, a line of hashtags, a breadcrumb's
label, a caption ending in its credit (readers/candidates.py, readers/credits.py). The pages are written here in
those shapes."""

import pytest
from test_read_kickers import read

from newsletter.readers.candidates import could_be_headline

ARTICLE = (
    "The governing coalition lost its majority in the upper house election on Sunday, after a night of counting that "
    "left the prime minister two seats short of the votes she needs to pass her budget next month.\n"
    "The final seat went to an independent candidate by fewer than two hundred votes, and the electoral commission "
    "said a recount would be held only if one of the candidates asked for it within three days.\n"
    "Opposition leaders said they would table a motion of no confidence as soon as parliament returns, though it "
    "is far from clear that they have the votes to win it.\n"
)
HEADLINE = "Coalition loses upper house majority as recount looms"
STANDFIRST = (
    "Prime minister left two seats short of a majority in the upper house after a night of counting, with a recount "
    "of the final seat possible"
)  # 26 words, no full stop: a standfirst's shape, in a headline's place


def test_a_standfirst_as_long_as_standfirsts_are_is_flagged_when_no_headline_stands_over_it():
    story, notices = read(f"Home\nPolitics\n{STANDFIRST}\nBy Anna Petrova\n12 March 2026\n{ARTICLE}")
    assert story.headline_unsure
    assert any("26 words long, as a standfirst is" in notice for notice in notices)
    # ... the page's own headline over it is the headline, and sure; the standfirst is the teaser
    story, notices = read(f"Home\nPolitics\n{HEADLINE}\n{STANDFIRST}\nBy Anna Petrova\n12 March 2026\n{ARTICLE}")
    assert (story.headline, story.headline_unsure) == (HEADLINE, False)
    assert story.teaser == STANDFIRST


def test_a_headline_of_seventeen_words_is_sure():
    long = "Coalition loses upper house majority after a night of counting leaves the prime minister two seats short"
    story, _ = read(f"Home\nPolitics\n{long}\nBy Anna Petrova\n12 March 2026\n{ARTICLE}")
    assert (story.headline, story.headline_unsure) == (long, False)


def test_an_eighteen_word_standfirst_is_flagged_but_a_title_case_headline_as_long_is_sure():
    """A standfirst in sentence case of 18 words, the headline not over it, is flagged; a headline in Title Case is
    seldom a standfirst, and stands sure up to 20 words."""
    # 18 words, in sentence case
    standfirst = "Prime minister left two seats short of a majority after a night of counting, with a recount possible"
    story, notices = read(f"Home\nPolitics\n{standfirst}\nBy Anna Petrova\n12 March 2026\n{ARTICLE}")
    assert story.headline == standfirst and story.headline_unsure
    assert any("18 words long, as a standfirst is" in notice for notice in notices)
    title = (
        "Coalition Loses Upper House Majority as a Night of Counting Leaves the Prime Minister Two Seats Short of It"
    )
    story, _ = read(f"Home\nPolitics\n{title}\nBy Anna Petrova\n12 March 2026\n{ARTICLE}")  # 19 words
    assert (story.headline, story.headline_unsure) == (title, False)


@pytest.mark.parametrize("label", ["Upper House Election 2026", "Coalition Election 2026"])
def test_a_topic_s_label_with_its_year_chosen_for_want_of_the_headline_is_flagged(label):
    story, notices = read(f"News\nElections\n{label}\nShare\n{ARTICLE}")
    assert story.headline == label and story.headline_unsure
    assert any("a topic's label (a few words and a year)" in notice for notice in notices)


def test_a_headline_ending_in_a_year_after_of_or_in_is_no_topic_s_label():
    headline = "The coalition's worst night of 2026"
    story, _ = read(f"News\n{headline}\nBy Anna Petrova\n12 March 2026\n{ARTICLE}")
    assert (story.headline, story.headline_unsure) == (headline, False)


def test_a_point_of_the_story_s_highlights_chosen_for_want_of_the_headline_is_flagged():
    points = "Count leaves prime minister two seats short\nRecount possible within three days\nOpposition eyes vote\n"
    story, notices = read(f"Politics\nBy Anna Petrova\n12 March 2026\nSTORY HIGHLIGHTS\n{points}{ARTICLE}")
    assert story.headline == "Count leaves prime minister two seats short" and story.headline_unsure
    assert any("a point of the story's highlights" in notice for notice in notices)
    # ... a kicker "In Brief" over the headline is no list of points
    story, _ = read(f"Politics\nIn Brief\n{HEADLINE}\n{STANDFIRST}\nBy Anna Petrova\n12 March 2026\n{ARTICLE}")
    assert (story.headline, story.headline_unsure) == (HEADLINE, False)


@pytest.mark.parametrize(
    "line",
    [
        "Reporting from Canberra, Sydney and Geneva",  # the writer's place
        "Cookies on GOV.UK",  # a cookie banner's heading
        "Senior Lecturer in European Politics, University of Glasgow",  # the writer's post
        "prime minister at the count.jpg",  # an image's file name, left as its alt text
        "#senate #recount",  # hashtags
        "您的当前位置：新闻中心 > 政治",  # a breadcrumb's label: "your place"
        "#天文航天#月球",  # short tags run together
        "下载澎湃新闻客户端",  # "download the app"
    ],
)
def test_lines_that_are_never_a_headline_are_not_taken_for_one(line):
    story, _ = read(f"{line}\nBy Anna Petrova\n12 March 2026\n{ARTICLE}")
    assert story.headline != line
    story, _ = read(f"News\n{HEADLINE}\n{line}\nBy Anna Petrova\n12 March 2026\n{ARTICLE}")
    assert (story.headline, story.headline_unsure) == (HEADLINE, False)


@pytest.mark.parametrize(
    "caption",
    [
        "Voters queue outside a polling station in the capital on Sunday. (PTI photo)",
        "Senators leave the chamber after the vote on Sunday. - Foto BERNAMA",
        "Le Premier ministre à la sortie du Sénat dimanche Crédits photo : Jean DUPONT/Le Figaro",
        "(L-R) Anna Petrova, Mark Ellis and Sofia Lund at the count",
    ],
)
def test_a_caption_ending_in_its_credit_or_naming_who_stands_where_is_no_headline_nor_paragraph(caption):
    story, _ = read(f"News\n{caption}\nBy Anna Petrova\n12 March 2026\n{ARTICLE}")
    assert story.headline != caption
    story, _ = read(f"News\n{HEADLINE}\nBy Anna Petrova\n12 March 2026\n{caption}\n{ARTICLE}")
    assert story.headline == HEADLINE
    assert story.body[0].text.startswith("The governing coalition")


def test_a_chinese_byline_with_the_paper_s_name_glued_on_is_the_byline():
    article = (
        "江苏省某环保公司负责人因跨省倾倒工业固体废物一万二千吨，被法院一审判处有期徒刑五年，并处罚金人民币五十万元。\n"
        "法院审理查明，该公司在未取得相关资质的情况下，先后多次将工业固废运往外省倾倒，造成严重环境污染。\n"
        "被告人当庭表示认罪悔罪，检察机关表示将继续追查相关责任人，案件仍在进一步审理之中。\n"
    )
    headline = "跨省倾倒工业固废1.2万吨 环保公司负责人获刑五年"
    story, _ = read(f"要闻\n{headline}\n澎湃新闻记者 周夏\n2019-07-02 10:23\n{article}")
    assert story.headline == headline
    assert story.byline == "澎湃新闻记者 周夏"


def test_a_japanese_caption_ending_in_its_photo_s_source_is_no_headline_nor_paragraph():
    article = (
        "衆議院の解散をめぐり、与党内では年内に選挙を行うべきだという意見と、来年の通常国会のあとに先送りすべきだという"
        "意見が対立していて、首相は補正予算の成立を待って最終的に判断する考えです。\n"
        "与党の幹部は２日、記者団に対し「解散の時期は首相が決めることだ」と述べたうえで、党として選挙の準備を急ぐ考えを"
        "示しました。\n"
        "一方、野党側は「解散の前に国会で審議を尽くすべきだ」として、予算委員会での集中審議を求めています。\n"
    )
    headline, caption = "衆議院解散の時期めぐり 与党内で意見対立", "記者団の質問に答える首相（写真＝共同）"
    story, _ = read(f"政治\n{caption}\n2026年12月2日 6時05分\n{article}")
    assert story.headline != caption
    story, _ = read(f"政治\n{headline}\n2026年12月2日 6時05分\n{caption}\n{article}")
    assert story.headline == headline
    assert story.body[0].text.startswith("衆議院の解散をめぐり")


@pytest.mark.parametrize(
    "headline",
    [
        # 18 words as a reader counts them (not "COVID-19" and "$1.2M" as two each)
        "Ex-NYPD cop’s $1.2M Staten Island home seized after he skipped court in COVID-19 PPP loan-fraud case, "
        "feds say",
        "Reporting from Gaza, Without Getting In",  # a title's words after the comma, no place
        "Microsoft Paint can finally save images as .webp",  # a format's name, no image's file name
        "Kriti Sanon twins with sister at the wedding, calls them the prettiest bridesmaids (See Pic)",  # no credit
    ],
)
def test_headlines_shaped_like_a_standfirst_a_place_a_file_or_a_credit_are_still_headlines(headline):
    """(Flagged here only as sharing few of the made-up article's words.)"""
    story, notices = read(f"News\n{headline}\nBy Anna Petrova\n12 March 2026\n{ARTICLE}")
    assert story.headline == headline
    assert [notice for notice in notices if "guess" in notice and "shares few words" not in notice] == []


def test_a_results_page_s_title_ending_in_its_year_over_its_date_is_sure_and_a_banner_over_a_longer_title_is_not():
    title = "Upper House Election Result 2026"
    story, _ = read(f"News\n{title}\nBy Anna Petrova\n12 March 2026\n{ARTICLE}")
    assert (story.headline, story.headline_unsure) == (title, False)
    # ... a topic's banner over the page's date, the article's own title past the share buttons: at the least not sure
    page = f"News\nTema\n{title}\n12 March 2026\nShare\nFacebook\n{HEADLINE}\n{ARTICLE}"
    story, _ = read(page)
    assert story.headline == HEADLINE or story.headline_unsure


CHINESE = (
    "国务院总理主持召开国务院常务会议，部署进一步做好稳就业工作，要求加大对高校毕业生等重点群体的帮扶力度。\n"
    "会议指出，今年以来各地区各部门认真落实就业优先政策，就业形势总体稳定，但结构性矛盾依然突出，需要持续发力。\n"
    "会议要求，推动各项政策尽快直达企业和个人，确保政策红利应享尽享，并加强对政策落实情况的督促检查。\n"
)


def test_a_chinese_headline_of_three_clauses_or_naming_reporters_is_the_headline():
    article = (
        "国务院总理主持召开国务院常务会议，部署进一步做好稳就业工作，要求加大对高校毕业生等重点群体的帮扶力度。\n"
        "会议指出，今年以来各地区各部门认真落实就业优先政策，就业形势总体稳定，但结构性矛盾依然突出，需要持续发力。\n"
        "会议要求，推动各项政策尽快直达企业和个人，确保政策红利应享尽享，并加强对政策落实情况的督促检查。\n"
    )
    long = (
        "国务院常务会议部署进一步做好稳就业工作 要求加大对高校毕业生等重点群体帮扶力度 推动各项政策尽快直达企业和个人"
    )
    story, _ = read(f"要闻\n{long}\n2026-03-12 18:20\n{article}")
    assert (story.headline, story.headline_unsure) == (long, False)
    story, _ = read(f"要闻\n冬奥会外国记者：就业政策惊喜、点赞\n2026-03-12 18:20\n{article}")
    assert story.headline == "冬奥会外国记者：就业政策惊喜、点赞"
    assert story.byline == ""


@pytest.mark.parametrize(
    "headline",
    [
        "Why Every Photo on Your Phone Is Still Called IMG_0001.JPG",  # a title naming a file
        "Inside the count room, untouched since 1977 (Rare Photos)",  # a listicle's label, no agency's credit
        "#嫦娥七号#完成月球南极着陆",  # a topic's tag glued to the headline, no line of tags
    ],
)
def test_a_headline_that_names_a_file_photos_or_a_tag_is_still_the_headline(headline):
    story, _ = read(f"News\n{headline}\nBy Anna Petrova\n12 March 2026\n{ARTICLE}")
    assert story.headline == headline


@pytest.mark.parametrize("headline", ["Reporting from Mariupol", "Cookies on Wheels"])
def test_a_title_naming_a_place_reported_from_or_cookies_may_be_a_headline_away_from_a_byline_or_banner(headline):
    """An essay's title over its deck ("Reporting from Mariupol"), a bakery van's story: candidates like any title
    (the writer's place right by the byline, and a site's cookie banner, are not)."""
    assert could_be_headline(headline, "other")


def test_a_long_headline_over_its_deck_is_sure_and_a_chinese_one_naming_reporters_at_work_is_no_byline():
    long = (
        "Coalition loses its upper house majority after a night of counting leaves the prime minister two seats short "
        "of the votes she needs for her budget"
    )  # 27 words
    deck = "The final seat went to an independent by fewer than two hundred votes"
    story, notices = read(f"News\n{long}\n{deck}\nBy Anna Petrova\n12 March 2026\n{ARTICLE}")
    assert story.headline == long
    assert not any("as a standfirst is" in notice for notice in notices)
    story, _ = read(f"要闻\n总台记者 直击 抗洪一线\n2026-07-12 18:20\n{CHINESE}")
    assert story.headline == "总台记者 直击 抗洪一线" and story.byline == ""


def test_a_title_ending_in_its_year_over_its_standfirst_and_byline_is_no_topic_s_label():
    title = "Word of the Year 2025"
    deck = (
        "Our lexicographers explain why this year's choice went from the gym to the long-haul flight to the front page"
    )
    article = (
        'Our Word of the Year for 2025 is "rawdog", a word that began life as crude slang but which, over the past '
        "twelve months, has come to mean doing something difficult or tedious without any of the usual comforts.\n"
        "Our lexicographers track the words people look up and use, across more than 20 billion words of English "
        "collected from news, books, websites and social media, and searches for the word rose fivefold this year.\n"
        "The word first took off in its new sense in 2024, when social media users began posting about sitting "
        "through an eight-hour flight without films, music, books or even sleep.\n"
    )
    story, notices = read(f"Blog\nLanguage news\n{title}\n{deck}\nPosted by Anna Petrova\nNovember 20, 2025\n{article}")
    assert story.headline == title
    assert not any("topic's label" in notice for notice in notices)


MENU = "Home\nNews\nPolitics\nWorld\nBusiness\nOpinion\nSport\n"


def test_a_topic_s_label_over_the_page_s_menu_or_again_among_its_topics_is_flagged():
    """With the headline out of the paste, a label ending in its year stands over the byline, as a results page's
    own "Upper House Result 2026" does: but a label has the site's menu between, or comes again among the topics
    under the article, and is then flagged (a headline is neither)."""
    label = "Upper House Election 2026"
    ticker = "Breaking: polls close in the north at 8pm tonight\n"  # (over the label: no site's name at the top)
    topics = f"Topics in this article\n{label}\nSenate\nRecount\n"
    for text in [f"{label}\n{MENU}By Anna Petrova\n12 March 2026\n{ARTICLE}",
                 f"{ticker}{label}\nBy Anna Petrova\n12 March 2026\n{ARTICLE}{topics}"]:  # fmt: skip
        story, notices = read(text)
        assert story.headline == label and story.headline_unsure
        assert any("a topic's label (a few words and a year)" in notice for notice in notices)
    # ... a results page's own title over its byline, with no menu between and no topics again, stays sure
    title = "Upper House Result 2026"
    story, _ = read(f"{MENU}{title}\nBy Anna Petrova\n12 March 2026\n{ARTICLE}")
    assert (story.headline, story.headline_unsure) == (title, False)


def test_a_site_s_name_over_its_menu_chosen_for_want_of_the_headline_is_flagged():
    """A campaign's or a paper's name at the page's top, its menu under it, then the date and the article: the paste
    lacks the headline, and the name is flagged; with the headline under the menu, the headline is sure, and so is
    a headline at the top over its own byline and buttons (Medium's "Follow", "5 min read", "Listen")."""
    story, notices = read(f"DONATE\nUpper House Coalition\n{MENU}12 March 2026\n{ARTICLE}")
    assert story.headline == "Upper House Coalition" and story.headline_unsure
    assert any("stands over the page's menu, where a site puts its name" in notice for notice in notices)
    story, _ = read(f"DONATE\nUpper House Coalition\n{MENU}{HEADLINE}\n12 March 2026\n{ARTICLE}")
    assert (story.headline, story.headline_unsure) == (HEADLINE, False)
    story, _ = read(f"{HEADLINE}\nAnna Petrova\nFollow\n5 min read\n·\n12 March 2026\nListen\nShare\nSave\n{ARTICLE}")
    assert (story.headline, story.headline_unsure) == (HEADLINE, False)


@pytest.mark.parametrize(
    "standfirst",
    [
        "The count left the prime minister two seats short of a majority in the upper house",  # 16 words, 3 articles
        "Prime minister left two seats short of majority in upper house after night of counting, recount possible "
        "within three days",
    ],  # ... and 20 words, no article
)
def test_a_standfirst_written_as_running_prose_or_twenty_words_long_is_flagged_with_no_headline_over_it(standfirst):
    story, notices = read(f"Home\nPolitics\n{standfirst}\nBy Anna Petrova\n12 March 2026\n{ARTICLE}")
    assert story.headline == standfirst and story.headline_unsure
    assert any("as a standfirst is" in notice for notice in notices)
    # ... under the headline, it is the teaser; a headline of 17 words with only two articles is sure, and one
    # written as prose over its deck is not taken for a standfirst
    story, _ = read(f"Home\nPolitics\n{HEADLINE}\n{standfirst}\nBy Anna Petrova\n12 March 2026\n{ARTICLE}")
    assert (story.headline, story.teaser) == (HEADLINE, standfirst)
    headline = "Coalition loses the upper house after a night of counting leaves prime minister two seats short"
    story, _ = read(f"Home\nPolitics\n{headline}\nBy Anna Petrova\n12 March 2026\n{ARTICLE}")
    assert (story.headline, story.headline_unsure) == (headline, False)
    deck = "A recount of the final seat is possible within three days"
    story, notices = read(f"Home\nPolitics\n{standfirst}\n{deck}\nBy Anna Petrova\n12 March 2026\n{ARTICLE}")
    assert story.headline == standfirst and not any("as a standfirst is" in notice for notice in notices)


def test_a_guess_offers_five_lines_instead_and_its_hint_names_the_first_three():
    """The desk offers a guessed headline's rivals as buttons: five of them, since the page's own headline was the
    fourth or fifth likeliest line on 8 of the read pools' 45 wrong guesses whose paste held it; the warning's hint,
    a line of text, names the first three."""
    from newsletter.readers.text import parse_page

    titles = [
        "Harbour Council Votes On Ferry Fares",
        "Weather Warning For The Coast",
        "Schools Reopen After The Storm",
        "Library Extends Its Opening Hours",
        "New Bus Route To The Hospital",
        "Market Square Gets New Benches",
        "Fishing Fleet Returns Early",
    ]
    notices: list = []
    story = parse_page("\n".join([*titles, "", ARTICLE]), "page.txt", notices).stories[0]
    assert story.headline_unsure
    guess = next(notice for notice in notices if notice.choices)
    assert len(guess.choices) == 5 and set(guess.choices) <= set(titles) - {story.headline}, guess.choices
    assert [line for line in guess.choices if f'"{line}"' in guess.hint] == guess.choices[:3], guess.hint


@pytest.mark.parametrize(
    "navigation",
    [
        "« Episode 86: The coalition's budget\nEpisode 88: The recount and the upper house majority »",
        "Previous post: The coalition's budget\nNext post: The recount and the upper house majority",
    ],
)
def test_the_titles_of_the_posts_before_and_after_are_never_the_headline(navigation):
    """A podcast's or a blog's links to the episode or post before and after it, right over its title: titles of
    other posts, marked so by their arrows or labels. The next one, about the same things, was taken for the
    headline."""
    page = (f"Home\nEpisodes\n{navigation}\n{HEADLINE}\nApril 21, 2026 · 52 min · Hosted by Anna Petrova\nPlay\n"
            f"00:00\n52:14\nShow notes\n{ARTICLE}")  # fmt: skip
    story, _ = read(page)
    assert story.headline == HEADLINE


def test_a_section_s_name_in_square_brackets_is_never_the_headline():
    """LWN's "[Kernel]" under the headline, over the byline: the section's label, left out, though the article
    speaks of its subject."""
    story, _ = read(f"Home\nFront page\nRecount\n[Upper house]\nBy Anna Petrova\nMarch 12, 2026\n{ARTICLE}")
    assert story.headline == "Recount"


def test_a_french_quote_in_guillemets_may_still_be_the_headline():
    """A headline that is a quote in guillemets («...»), as French pages write them: no link's arrow."""
    quoted = "« Nous ne céderons pas », dit la Première ministre avant le vote"
    story, _ = read(f"Accueil\nPolitique\n{quoted}\nPar Anna Petrova\n12 mars 2026\n{ARTICLE}")
    assert story.headline == quoted


@pytest.mark.parametrize("line", ["anna.petrova@example.se", "145 Beiträge", "12 replies"])
def test_a_writer_s_address_or_a_count_of_posts_near_the_headline_casts_no_doubt_on_it(line):
    """A writer's e-mail address over the headline, a forum's count of posts ("145 Beiträge") under it: no line a
    page has as its headline, so no rival that flags the true one as a guess."""
    story, _ = read(f"Home\nPolitics\n{line}\n{HEADLINE}\nBy Anna Petrova\n12 March 2026\n{line}\n{ARTICLE}")
    assert (story.headline, story.headline_unsure) == (HEADLINE, False)
    assert not could_be_headline(line, "other")


@pytest.mark.parametrize("label", ["Upper House Majority", "Final Seat Recount"])
def test_a_line_of_three_words_in_the_headline_s_place_is_flagged_as_short_as_a_section_label(label):
    """Three words are as short as a section's label or a topic's name: with the page's headline not in the paste,
    such a line over the byline, the article's words in it, is the best guess left, and flagged so (it had been given
    as sure). A headline of three words is flagged as well: the editor checks it."""
    story, notices = read(f"Home\nNews\n{label}\nBy Anna Petrova\n12 March 2026\n{ARTICLE}")
    assert story.headline == label and story.headline_unsure
    assert any("as short as a section label" in notice for notice in notices)


@pytest.mark.parametrize(
    "byline",
    [
        "Par Claire Vidal (Saint-Nazaire, envoyée spéciale)",  # a French paper's, with the place she reports from
        "Dmitri Halvorsen, Senior Threat Researcher; Aisha Bello, Threat Intelligence Analyst",  # a security firm's
        "Maya Lindqvist, Senior Fellow",  # a think tank's
    ],
)
def test_a_writer_s_line_with_a_post_or_a_place_in_brackets_is_the_byline_and_never_the_headline(byline):
    story, _ = read(f"Home\nPolitics\n{HEADLINE}\n{byline}\n12 March 2026\n{ARTICLE}")
    assert (story.headline, story.headline_unsure, story.byline) == (HEADLINE, False, byline.removeprefix("Par "))
    # ... with the headline not in the paste, the writer's line is no guess at it
    story, _ = read(f"Home\nPolitics\n{byline}\n12 March 2026\n{ARTICLE}")
    assert story.headline != byline
