"""Saved web pages (.html) and URLs become complete stories: build, import, and a real local HTTP server."""

import json
import re
import shutil
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsletter.load import load_source
from newsletter.readers.fetch import fetch

PAGES = Path(__file__).parent / "pages"
ARTICLE = PAGES / "saved-article.html"


def test_saved_page_gives_headline_url_image_byline_and_date():
    story = load_source(ARTICLE).stories[0]
    assert story.headline == "Runoff in Bogotá: the Caribbean coast decides"
    assert story.url == "https://herald.example.org/world/2026/11/colombia-runoff-caribbean-coast"
    assert story.image.src == "https://cdn.herald.example.org/photos/2026/11/barranquilla-rally-1200.jpg"
    assert story.image.alt == "Supporters wave flags at a rally in Barranquilla"
    assert story.caption == "Supporters of the centre-left candidate at a rally in Barranquilla on Nov. 19."
    assert story.credit == "Luisa González/Reuters"
    assert story.byline == "Ana María Restrepo, Tom Ellis"
    assert story.date.isoformat() == "2026-11-21"


def test_saved_page_body_keeps_links_subheads_lists_and_quotes_and_nothing_around_them():
    story = load_source(ARTICLE).stories[0]
    assert [(block.kind, block.text[:30]) for block in story.body] == [
        ("p", "Colombia's presidential runoff"),
        ("p", "The coast has swung between le"),
        ("h", "Where the votes are"),
        ("p", "Three departments hold most of"),
        ("li", "Atlántico, with Barranquilla, "),
        ("li", "Bolívar, where Cartagena's tur"),
        ("li", "Magdalena, whose governor has "),
        ("quote", "Whoever convinces the coast th"),
        ("p", "Turnout is the other unknown. "),
        ("p", "Results are expected within ho"),
    ]
    link = story.body[0].spans[1]
    assert (link.text, link.href) == ("the electoral registry", "https://data.example.org/colombia/turnout-2026")
    text = "\n".join(block.text for block in story.body)
    for furniture in ("Log in", "subscribe from $1", "Share on X", "Peru's cabinet", "First!", "All rights reserved"):
        assert furniture not in text


def test_a_javascript_link_keeps_its_text_and_loses_the_link_with_a_notice():
    loaded = load_source(ARTICLE)
    paragraph = loaded.stories[0].body[8]
    assert "Read the officials' plan before Sunday." in paragraph.text
    assert all(not span.href for span in paragraph.spans)
    assert [str(n) for n in loaded.notices] == [
        f'{ARTICLE}:1: kept the text of 1 link(s) without the link: "javascript:alert(1)": '
        "only http, https and mailto links are allowed"
    ]


def test_build_takes_a_saved_page_and_an_issue_folder_with_one(cli, workdir):
    result = cli("build", str(ARTICLE), "--out", "one", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    assert "lead: Runoff in Bogotá: the Caribbean coast decides" in result.output
    lead = json.loads((workdir / "one" / "issue.json").read_text())["lead"]
    assert lead["byline"] == "Ana María Restrepo, Tom Ellis"
    assert lead["url"] == "https://herald.example.org/world/2026/11/colombia-runoff-caribbean-coast"
    web = (workdir / "one" / "web.html").read_text()
    assert 'href="https://data.example.org/colombia/turnout-2026"' in web
    assert "javascript:" not in web and "javascript:" not in (workdir / "one" / "email.html").read_text()
    (workdir / "issue").mkdir()
    shutil.copy(ARTICLE, workdir / "issue" / "runoff.html")
    result = cli("build", "issue", "--out", "two", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    assert "lead: Runoff in Bogotá: the Caribbean coast decides" in result.output


def test_import_of_a_saved_page_writes_markdown_that_builds_the_same_story(cli, workdir):
    result = cli("import", str(ARTICLE), "--to", "issue")
    assert result.exit_code == 0, result.output
    assert "kept the text of 1 link(s) without the link" in result.output
    written = workdir / "issue" / "01-runoff-in-bogota-the-caribbean-coast.md"
    text = written.read_text()
    assert "byline: Ana María Restrepo, Tom Ellis\ndate: 2026-11-21\n" in text
    assert "## Where the votes are\n\nThree departments" in text
    assert "anyone.\n\n- Atlántico, with Barranquilla" in text
    assert "> Whoever convinces the coast" in text
    assert "[the electoral registry](https://data.example.org/colombia/turnout-2026)" in text
    imported = load_source(written).stories[0]
    original = load_source(ARTICLE).stories[0]
    assert imported.body == original.body
    assert (imported.headline, imported.url, imported.image, imported.byline, imported.date) == (
        original.headline,
        original.url,
        original.image,
        original.byline,
        original.date,
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.html", b"  \n", "empty.html: is empty"),
        ("binary.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary.html: is not an HTML page"),
        (
            "menu.html",
            b"<html><body><nav><a href='/a'>World</a> <a href='/b'>Politics</a></nav></body></html>",
            "menu.html: holds no article (2 words of text found; too little text for an article)",
        ),
    ],
)  # fmt: skip
def test_a_page_that_cannot_be_a_story_is_one_clear_line_and_writes_nothing(cli, workdir, name, content, message):
    (workdir / name).write_bytes(content)
    for command in (["build", name, "--out", "out"], ["import", name, "--to", "out"]):
        result = cli(*command)
        assert result.exit_code == 1
        assert result.output.startswith(f"error: {message}"), result.output
        assert len(result.output.strip().splitlines()) == 1
        assert not (workdir / "out").exists()


def test_a_login_wall_is_refused_by_name(cli, workdir):
    result = cli("build", str(PAGES / "login-wall.html"), "--out", "out")
    assert result.exit_code == 1
    assert result.output == (
        f"error: {PAGES / 'login-wall.html'}: holds no article (16 words of text found; it asks for a password: "
        "save the page after signing in)\n"
    )
    assert not (workdir / "out").exists()


# --- the page shapes of issue 21: the whole article, the right headline, nothing refused that is an article ------

BRIDGE = [
    "The city council voted on Tuesday to close the old bridge for repairs after inspectors found cracks in two of "
    "its supporting piers, a decision that will send thousands of commuters onto longer routes next year.",
    "Engineers said the cracks were not an immediate danger but would grow with every winter of frost and salt, and "
    "that the repair could not wait for the new budget cycle to begin in the spring.",
    "Shop owners near the bridge said they feared losing customers and asked the council for help with signs and "
    "parking while the work goes on, which the mayor promised to discuss at the next meeting.",
]
# A reader's comment under the article: prose, yet not the article's
COMMENT = (
    "I drive over that bridge every morning and I have been telling the council about those cracks for two "
    "years now, so it is good to finally see something done about it."
)


BRIDGE_HTML = "".join(f"<p>{text}</p>" for text in BRIDGE)  # the article's paragraphs, as a page sets them


def saved(tmp_path: Path, html: str, name: str = "page.html"):
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    notices = []
    return load_one(path, notices), [str(notice) for notice in notices]


def load_one(path: Path, notices: list):
    from newsletter.readers.html import read

    return read(path, notices).stories[0]


def test_a_saved_page_whose_text_sits_in_divs_keeps_all_of_it(tmp_path):
    divs = "".join(f"<div class='text'>{text}</div>" for text in BRIDGE)
    story, _ = saved(
        tmp_path, f"<html><body><nav><a href='/'>Home</a></nav><h1>Bridge to close</h1>{divs}</body></html>"
    )
    assert [block.text for block in story.body] == BRIDGE


def test_list_items_holding_a_heading_and_a_paragraph_or_a_list_keep_their_words_apart_and_once(tmp_path):
    """A list item set as a small heading and a paragraph reads "Schools More money...", not "SchoolsMore money...";
    a list inside an item follows the item's text before it, each of its items once (they were in the item and again
    on their own), and the item's text after it follows the list."""
    items = (
        "<ul><li><h3>Schools</h3><p>More money for teachers in every district.</p></li>"
        "<li><h3>Roads</h3><p>Repairs on the ring road begin in spring.</p></li></ul>"
        "<ol><li>Outer item one<ul><li>Inner item alpha</li><li>Inner item beta</li></ul> and its tail</li>"
        "<li>Outer item two</li></ol>"
    )
    article = f"<article><h1>Bridge to close</h1>{BRIDGE_HTML}{items}</article>"
    story, _ = saved(tmp_path, f"<html><body><nav><a href='/'>Home</a></nav>{article}</body></html>")
    assert [(block.kind, block.text) for block in story.body[len(BRIDGE) :]] == [
        ("li", "Schools More money for teachers in every district."),
        ("li", "Roads Repairs on the ring road begin in spring."),
        ("oli", "Outer item one"),
        ("li", "Inner item alpha"),
        ("li", "Inner item beta"),
        ("oli", "and its tail"),  # (the item's text after its list, in reading order)
        ("oli", "Outer item two"),
    ]
    assert [(span.text, span.strong) for span in story.body[len(BRIDGE)].spans] == [
        ("Schools", True),
        (" More money for teachers in every district.", False),
    ]


def test_a_page_that_closes_early_and_goes_on_is_read_as_a_browser_shows_it(tmp_path):
    """A template's footer closes the page (</body></html>) and the article follows: a browser shows it in the body,
    and the reader reads it, not "no article"."""
    top = "<html><head><title>Bridge to close - Gazette</title></head><body><header>Gazette</header></body></html>"
    story, _ = saved(tmp_path, f"{top}<div><h1>Bridge to close</h1>{BRIDGE_HTML}</div>")
    assert (story.headline, [block.text for block in story.body]) == ("Bridge to close", BRIDGE)


def test_the_article_s_tail_is_kept_at_trafilatura_s_default_recall(tmp_path):
    # favor_precision leaves out a closing paragraph set in a <div>; the default keeps it, and so does the reader
    tail = (
        "The council will publish the detour map next week, and the ferry will run every twenty minutes while the "
        "bridge is closed."
    )
    article = f"<article><h1>Bridge to close</h1>{BRIDGE_HTML}<div class='note'>{tail}</div></article>"
    story, notices = saved(tmp_path, f"<html><body><nav><a href='/'>Home</a></nav>{article}</body></html>")
    assert [block.text for block in story.body] == [*BRIDGE, tail]
    assert notices == []


def test_text_outside_paragraphs_in_trafilatura_s_output_is_kept_a_paragraph_per_line_break():
    from lxml import etree

    from newsletter.readers.extracted import body_blocks

    body = etree.fromstring(
        f"<body><div>{BRIDGE[0]}<lb/>{BRIDGE[1]} <hi rend='#b'>Bold</hi> end.<p>{BRIDGE[2]}</p>Tail text.</div></body>"
    )
    blocks = body_blocks(body, "", "page.html", [])
    assert [block.text for block in blocks] == [BRIDGE[0], f"{BRIDGE[1]} Bold end.", BRIDGE[2], "Tail text."]
    assert [span.strong for span in blocks[1].spans] == [False, True, False]


def test_a_page_with_a_login_box_and_a_full_article_is_read(tmp_path):
    login = "<form><input name='user'><input type='password' name='pass'><button>Entrar</button></form>"
    story, _ = saved(
        tmp_path, f"<html><body>{login}<article><h1>Bridge to close</h1>{BRIDGE_HTML}</article></body></html>"
    )
    assert story.headline == "Bridge to close"
    assert [block.text for block in story.body] == BRIDGE


def test_an_article_in_japanese_is_counted_by_its_characters(tmp_path):
    sentences = [
        "市議会は火曜日、点検で二本の橋脚にひびが見つかったことを受けて、古い橋を修理のため閉鎖することを決めた。",
        "この決定により、数千人の通勤者が来年の大半にわたって遠回りを強いられることになる。",
    ]
    paragraphs = "".join(f"<p>{text}</p>" for text in sentences)
    article = f"<article><h1>古い橋、閉鎖へ</h1>{paragraphs}</article>"
    page = f"<html lang='ja'><head><meta charset='utf-8'></head><body>{article}</body></html>"
    story, _ = saved(tmp_path, page)
    assert story.headline == "古い橋、閉鎖へ"
    assert [block.text for block in story.body] == sentences


def test_an_article_in_chinese_is_counted_by_its_characters(tmp_path):
    sentences = [
        "市议会周二决定关闭这座老桥进行维修，因为检查人员在两个桥墩上发现了裂缝。",
        "这一决定将使数千名通勤者在明年的大部分时间里绕行更远的路线。",
    ]
    paragraphs = "".join(f"<p>{text}</p>" for text in sentences)
    page = (
        f"<html lang='zh'><head><meta charset='utf-8'></head><body><article><h1>老桥将关闭</h1>{paragraphs}</article>"
    )
    story, notices = saved(tmp_path, f"{page}</body></html>")
    assert (story.headline, story.headline_unsure) == ("老桥将关闭", False)
    assert [block.text for block in story.body] == sentences
    assert notices == []


@pytest.mark.parametrize("separator", [" - ", " | ", " — "])
def test_a_page_with_only_a_title_gets_the_headline_without_the_site_name_flagged_as_a_guess(tmp_path, separator):
    title = f"Bridge to close for repairs{separator}Riverside Daily"
    story, notices = saved(tmp_path, f"<html><head><title>{title}</title></head><body>{BRIDGE_HTML}</body></html>")
    assert story.headline == "Bridge to close for repairs"
    assert story.headline_unsure
    assert notices == [
        f"{tmp_path / 'page.html'}:1: the headline is a guess: the page names none (no JSON-LD or Open Graph "
        f'headline, no <h1> by the article): its <title> "{title}" stands in, without the site\'s name '
        "(Bridge to close for repairs)"
    ]


def test_a_title_that_starts_with_a_name_holding_the_site_s_words_ends_in_the_headline(tmp_path):
    # "Site's blog | Headline": the last part is no site's name, even as short as one; what the page names is sure
    # (the site's name is known from og:site_name or the words of its address)
    named = (
        "<meta property='og:site_name' content='Riverside Daily'><meta property='og:title' content='Bridge to close'>"
    )
    head = f"<title>Riverside Daily Weekend | Bridge to close</title>{named}"
    story, notices = saved(
        tmp_path, f"<html><head>{head}</head><body><h1>Bridge to close</h1>{BRIDGE_HTML}</body></html>"
    )
    assert (story.headline, story.headline_unsure, notices) == ("Bridge to close", False, [])


def test_a_title_standing_in_is_sure_when_the_page_s_own_address_spells_it(tmp_path):
    title = "Bridge to close for repairs - Riverside Daily"
    for link, sure in [
        ("https://riverside.example/2026/11/24/bridge-to-close-for-repairs", True),  # the headline's words
        ("https://riverside.example/news/local-roads-to-close", False),  # not most of them
        ("https://riverside.example/news/article.php?id=4821", False),  # none: no evidence either way
    ]:
        head = f"<title>{title}</title><link rel='canonical' href='{link}'>"
        story, notices = saved(tmp_path, f"<html><head>{head}</head><body>{BRIDGE_HTML}</body></html>")
        assert (story.headline, story.headline_unsure, story.url) == ("Bridge to close for repairs", not sure, link)
        assert any("the headline is a guess" in notice for notice in notices) == (not sure)


def test_a_title_naming_only_the_site_is_no_headline_and_the_build_says_so(cli, workdir):
    head = "<title>Riverside Daily</title><meta property='og:site_name' content='Riverside Daily'>"
    (workdir / "page.html").write_text(f"<html><head>{head}</head><body>{BRIDGE_HTML}</body></html>", "utf-8")
    result = cli("build", "page.html", "--out", "out", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    assert "Riverside Daily" not in result.output
    assert f"lead: {BRIDGE[0][:60]}" in result.output
    assert "page.html:1: no headline: the first sentence of its body stands in as its title" in result.output


@pytest.mark.parametrize(
    "banner",
    [
        "<header><h1>Riverside Daily</h1></header>",  # the name the <title> ends with
        "<h1><a href='/'><img src='/logo.png' alt=''>Riverside</a></h1>",  # a logo: a link to the home page
        "<a href='/'><h1>Riverside</h1></a>",  # ... or an <h1> inside one, whose words are no other name of the site
    ],
)
def test_an_h1_that_is_the_site_s_name_or_logo_is_no_headline(tmp_path, banner):
    head = "<title>Bridge to close for repairs - Riverside Daily</title>"
    story, notices = saved(tmp_path, f"<html><head>{head}</head><body>{banner}{BRIDGE_HTML}</body></html>")
    assert (story.headline, story.headline_unsure) == ("Bridge to close for repairs", True)
    assert any('its <title> "Bridge to close for repairs - Riverside Daily" stands in' in n for n in notices)


def test_an_h1_far_above_the_article_is_flagged_as_a_guess(tmp_path):
    promo = (
        "Our reporters cover the city council, the schools and the courts every day of the week, and they answer "
        "to you: tell us what we should look into next and we will read every message that reaches the newsroom."
    )
    promos = "".join(f"<div class='promo'><span>{promo}</span></div>" for _ in range(4))  # 39 words each
    story, notices = saved(
        tmp_path,
        f"<html><body><h1>Bridge to close</h1><aside>{promos}</aside><article>{BRIDGE_HTML}</article></body></html>",
    )
    assert (story.headline, story.headline_unsure) == ("Bridge to close", True)
    assert [block.text for block in story.body] == BRIDGE
    at = f"{tmp_path / 'page.html'}:1: "
    assert notices == [
        f"{at}left out 1 paragraph(s) of prose as not the article's (comments, promos, other stories): "
        '"Our reporters cover the city council, t…"',
        f"{at}the headline is a guess: the page names none (no JSON-LD or Open Graph headline): its <h1> stands in, "
        "but it is 156 words above the article's start (Bridge to close)",
    ]


def test_an_h1_below_the_article_s_start_is_flagged_as_a_guess_and_the_title_preferred(tmp_path):
    body = f"<body><article>{BRIDGE_HTML}</article><aside><h1>Most read this week</h1></aside></body>"
    story, notices = saved(tmp_path, f"<html>{body}</html>")
    assert (story.headline, story.headline_unsure) == ("Most read this week", True)
    assert notices == [
        f"{tmp_path / 'page.html'}:1: the headline is a guess: the page names none (no JSON-LD or Open Graph "
        "headline): its <h1> stands in, but it comes after the article's start (Most read this week)"
    ]
    # The page's <title>, which does not repeat that <h1>, is the likelier headline (a guess all the same)
    story, notices = saved(
        tmp_path, f"<html><head><title>Bridge to close | Riverside Daily</title></head>{body}</html>"
    )
    assert (story.headline, story.headline_unsure) == ("Bridge to close", True)
    assert 'its <title> "Bridge to close | Riverside Daily" stands in' in notices[0]


def test_a_page_with_no_h1_or_title_takes_the_headline_its_text_has_flagged_as_a_guess(tmp_path):
    """A stretch of a page copied in the browser has no <head>: no <title>, JSON-LD or Open Graph. Its headline is
    read from its text as a pasted page's is (it was none at all), and flagged as a <title> standing in is, with that
    reader's doubt when it had one."""
    title = "<div class='story-title'>Council votes to close the old bridge for repairs</div>"
    story, notices = saved(tmp_path, f"<div class='kicker'>Transport</div>{title}<div>By Jo Smith</div>{BRIDGE_HTML}")
    assert (story.headline, story.headline_unsure) == ("Council votes to close the old bridge for repairs", True)
    assert notices == [
        f"{tmp_path / 'page.html'}:1: the headline is a guess: the page names none (no JSON-LD, Open Graph, <h1> or "
        "<title>): it is the likeliest line of the page's text (Council votes to close the old bridge for repairs)"
    ]
    story, notices = saved(tmp_path, f"<div class='kicker'>Transport</div>{BRIDGE_HTML}")
    assert (story.headline, story.headline_unsure) == ("Transport", True)
    assert notices == [
        f"{tmp_path / 'page.html'}:1: the headline is a guess: the page names none (no JSON-LD, Open Graph, <h1> or "
        "<title>): it is the likeliest line of the page's text, but it shares few words with the article's opening "
        "(Transport)"
    ]
    story, notices = saved(tmp_path, BRIDGE_HTML)  # no line above the article: none (the build says so)
    assert (story.headline, notices) == ("", [])


@pytest.mark.parametrize("title", ["What we lose", "Concrete and patience", "Ours to mend"])
def test_a_copied_page_s_heading_among_the_likeliest_lines_is_its_headline(tmp_path, title):
    """A blog's post copied from the browser: the writer's name, the date, then the post's title in an <h2> that
    shares no word with the post. Its text alone makes the writer's name the likeliest line; the page's markup sets
    the title as a heading, which its text cannot show: the title is the headline, still a guess (the page names
    none), the writer's name offered instead. When the likeliest line is set as a heading too, it stays."""
    header = "<p><a href='/jo'>Johanna Maria Smith</a></p><p>November 24, 2026</p>"
    story, notices = saved(tmp_path, f"{header}<h2>{title}</h2>{BRIDGE_HTML}")
    assert (story.headline, story.headline_unsure) == (title, True)
    assert notices[0] == (
        f"{tmp_path / 'page.html'}:1: the headline is a guess: the page names none (no JSON-LD, Open Graph, <h1> or "
        f"<title>): of the likeliest lines of the page's text, it is the one set as a heading ({title})"
    )
    story, _ = saved(tmp_path, f"<h2>Johanna Maria Smith</h2><p>November 24, 2026</p><h2>{title}</h2>{BRIDGE_HTML}")
    assert (story.headline, story.headline_unsure) == ("Johanna Maria Smith", True)


def test_a_headline_the_page_names_or_sets_over_its_article_is_not_flagged(tmp_path):
    named = "<meta property='og:title' content='Old bridge to close for a year'>"
    byline = "<p class='byline'>By Jo Smith, City Hall reporter</p><time>November 24, 2026</time>"
    for head, body, headline in [
        (named, f"<h1>Riverside Daily</h1><div>{BRIDGE_HTML}</div>", "Old bridge to close for a year"),
        ("<title>Riverside Daily</title>", f"<article><h1>Bridge to close</h1>{byline}{BRIDGE_HTML}</article>",
         "Bridge to close"),
    ]:  # fmt: skip
        story, notices = saved(tmp_path, f"<html><head>{head}</head><body>{body}</body></html>")
        assert (story.headline, story.headline_unsure) == (headline, False)
        assert not any("headline is a guess" in notice for notice in notices)


def test_the_article_s_own_h1_is_sure_when_the_reader_takes_it_into_the_body_too():
    # trafilatura's output opens with the <h1> (the reader drops it as the story's headline): the article's start is
    # its first paragraph, not that heading, so the <h1> is not "after the article's start"
    notices = []
    story = load_one(PAGES / "related-article.html", notices)
    assert (story.headline, story.headline_unsure) == ("Moldova's pro-EU bloc holds its majority after a tense count",
                                                       False)  # fmt: skip
    assert story.body[0].text.startswith("Moldova's governing pro-European party")
    assert not any("headline is a guess" in str(notice) for notice in notices)


def test_import_of_a_page_with_a_guessed_headline_keeps_the_flag_until_the_editor_deletes_it(cli, workdir):
    page = f"<html><head><title>Bridge to close for repairs | Riverside Daily</title></head><body>{BRIDGE_HTML}"
    (workdir / "page.html").write_text(f"{page}</body></html>", "utf-8")
    # Built as it is, the page's guess is shown by `check`, with how to change the headline
    assert cli("build", "page.html", "--out", "built", "--date", "2026-11-24").exit_code == 0
    result = cli("check", "built")
    assert "page.html:1: the headline is a guess" in result.output
    assert "to change it, `newsletter import` the page and edit the Markdown it writes" in result.output
    result = cli("import", "page.html", "--to", "issue")
    assert result.exit_code == 0, result.output
    assert "page.html:1: the headline is a guess: the page names none" in result.output
    [written] = (workdir / "issue").glob("*.md")
    front = written.read_text("utf-8").split("---\n")[1]
    assert front.startswith("headline: Bridge to close for repairs\n# The reader was not sure")
    assert "\nheadline_unsure: true\n" in front
    result = cli("build", "issue", "--out", "out", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    assert "the headline is a guess: the page it came from did not make it clear" in result.output


def test_the_site_name_is_never_the_headline(tmp_path):
    head = "<title>Riverside Daily</title><meta property='og:site_name' content='Riverside Daily'>"
    page = f"<html><head>{head}</head><body><h1>Riverside Daily</h1><h1>Bridge to close</h1>{BRIDGE_HTML}</body></html>"
    story, _ = saved(tmp_path, page)
    assert story.headline == "Bridge to close"


@pytest.mark.parametrize(
    "shape",
    [
        "<p>{}</p>",
        "<div class='comment'><div>{}</div></div>",
        "<ol><li>{}</li></ol>",
        "<p><img class='wp-smiley' src='/smilies/smile.png' alt=''>{}</p>",
        "<p>{}<svg viewBox='0 0 8 8'><path d='M0 0h8v8z'/></svg></p>",
        "<div><button class='like'><svg viewBox='0 0 8 8'></svg></button>{}</div>",
    ],
)  # a comment in a <p>, in a <div> of text, in a list item; with a smiley, an icon or a button beside its text
def test_prose_a_saved_page_leaves_out_is_named(tmp_path, shape):
    thread = f"<section id='comments'><h3>Comments</h3>{shape.format(COMMENT)}</section>"
    page = f"<html><body><article><h1>Bridge to close</h1>{BRIDGE_HTML}</article>{thread}</body></html>"
    story, notices = saved(tmp_path, page)
    assert [block.text for block in story.body] == BRIDGE
    assert notices == [
        f"{tmp_path / 'page.html'}:1: left out 1 paragraph(s) of prose as not the article's (comments, promos, "
        'other stories): "I drive over that bridge every morning …"'
    ]


def test_a_paragraph_set_in_lines_the_article_keeps_is_not_named_as_left_out(tmp_path):
    # A page sets its last paragraph in lines (an address, a donation appeal's account numbers) with <br>s: the
    # article keeps the lines, so nothing of it is named as left out
    lines = [
        "Donations keep the Courier free to read.",
        "Bank transfer to account 0993000060423.",
        "Cheques payable to the Courier Trust.",
        "Write to us at 12 Harbour Road, Northfield.",
    ]
    page = (
        f"<html><body><article><h1>Bridge to close</h1>{BRIDGE_HTML}<p>{'<br>'.join(lines)}</p></article></body></html>"
    )
    story, notices = saved(tmp_path, page)
    assert " ".join(block.text for block in story.body).endswith(" ".join(lines))
    assert not [notice for notice in notices if "paragraph(s) of prose" in notice]


def test_a_script_s_code_on_the_page_is_never_named_as_prose_left_out(tmp_path):
    code = (
        "var config = { 'desktop': -1, 'tablet': 2, 'mobile': 3 }; if (window.innerWidth > 700) { loadSlot('top', "
        "config.desktop); } else { loadSlot('mobile', config.mobile); } document.write(config.label)"
    )
    page = f"<html><body><article><h1>Bridge to close</h1>{BRIDGE_HTML}</article><div><script>{code}</script></div>"
    story, notices = saved(tmp_path, page + "</body></html>")
    assert [block.text for block in story.body] == BRIDGE
    assert notices == []


@pytest.mark.parametrize(
    "end, named",
    [
        (
            "<p>Follow Anna Petrova on Twitter.</p><p>Loading weather data ...</p><h3>Comments</h3><p>comments</p>",
            '"Follow Anna Petrova on Twitter.", "Loading weather data ...", "Comments" (+1 more)',
        ),  # the page's lines after the last paragraph, its comments' heading
        (
            "<p>责任编辑：霍琦</p><h3>热门推荐</h3><p>海尔4名员工午休被开除 员工：只有30分钟午餐时间</p>"
            "<p>传iPhone 11成本下降了10% 但苹果没打算降价让利</p>",
            '"责任编辑：霍琦", "热门推荐", "海尔4名员工午休被开除 员工：只有30分钟午餐时间" (+1 more)',
        ),  # the desk's editor who signs a Chinese article's end, then a list of other stories
        (
            "<p>Auch interessant:</p><ul><li>14 Tipps, wie du mehr Follower bekommst</li>"
            "<li>Das sind die erfolgreichsten Tweets des Jahres</li></ul>",
            '"Auch interessant:", "14 Tipps, wie du mehr Follower bekommst", '
            '"Das sind die erfolgreichsten Tweets des…"',
        ),  # a related heading over other stories' titles, nothing of the article under them
        (
            "<p>Get the latest updates right in your inbox. Subscribe to the Courier's newsletters.</p>",
            '"Get the latest updates right in your in…"',
        ),  # the site's promo after the last paragraph, as a paste's
        (
            f"<h3>Comments</h3><p>{COMMENT}</p>",
            '"Comments", "I drive over that bridge every morning …"',
        ),  # a comment, named once: not again among the paragraphs of prose the article leaves out
    ],
)
def test_what_follows_a_saved_article_s_end_is_left_out_and_named(tmp_path, end, named):
    page = f"<html><body><article><h1>Bridge to close</h1>{BRIDGE_HTML}{end}</article></body></html>"
    story, notices = saved(tmp_path, page)
    assert [block.text for block in story.body] == BRIDGE
    assert notices == [f"{tmp_path / 'page.html'}:1: left out what follows the article's end: {named}"]


@pytest.mark.parametrize(
    ("start", "byline", "day", "named"),
    [
        (
            ["Analysis", "By Anna Petrova", "November 20, 2026"],
            "Anna Petrova",
            "2026-11-20",
            '"Analysis", "By Anna Petrova", "November 20, 2026"',
        ),  # a label, the byline and the date over the first paragraph: the byline and date are the story's
        (["Estimated reading time: 4 minutes"], "", None, '"Estimated reading time: 4 minutes"'),
        (["Sponsored", "Von Moritz Berg"], "Moritz Berg", None, '"Sponsored", "Von Moritz Berg"'),
        (["<h3>By Anna Petrova</h3>"], "Anna Petrova", None, '"By Anna Petrova"'),  # a byline set as a subhead
        (
            ["Autori: Anna Petrova (ārzemju ziņu redaktore)"],
            "Anna Petrova (ārzemju ziņu redaktore)",
            None,
            '"Autori: Anna Petrova (ārzemju ziņu reda…"',
        ),  # fmt: skip
        (
            ["（原标题：旧桥将关闭维修）"],
            "",
            None,
            '"（原标题：旧桥将关闭维修）"',
        ),  # the story's title where it first ran
    ],
)
def test_a_saved_article_s_byline_date_and_labels_over_its_first_paragraph_are_no_paragraphs(
    tmp_path, cli, workdir, start, byline, day, named
):
    """trafilatura takes the lines over the article's first paragraph in as paragraphs: the excerpt of another site's
    story and the issue's preheader then start "By Anna Petrova". They are no paragraphs of the article: named, and
    its byline and date are the story's when the page names none."""
    lines = "".join(line if line.startswith("<") else f"<p>{line}</p>" for line in start)
    page = f"<html><body><article><h1>Bridge to close</h1>{lines}{BRIDGE_HTML}</article></body></html>"
    story, notices = saved(tmp_path, page)
    assert [block.text for block in story.body] == BRIDGE
    assert (story.byline, story.date and story.date.isoformat()) == (byline, day)
    assert notices == [
        f"{tmp_path / 'page.html'}:1: left out the page's lines over the article's first paragraph (a byline, a "
        f"date, a label): {named}"
    ]
    result = cli("build", str(tmp_path / "page.html"), "--out", "out", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    assert json.loads((workdir / "out" / "issue.json").read_text())["preheader"].startswith("The city council")


def test_the_headline_set_again_under_the_standfirst_is_no_subhead_of_the_article(tmp_path):
    standfirst = "The council will spend a year on the repairs."
    article = f"<h1>Bridge to close</h1><p>{standfirst}</p><h2>Bridge to close</h2>{BRIDGE_HTML}"
    story, _ = saved(tmp_path, f"<html><body><article>{article}</article></body></html>")
    assert [block.text for block in story.body] == [standfirst, *BRIDGE]


def test_a_dateline_and_a_sentence_cut_at_a_comma_over_the_first_paragraph_stay_the_article_s(tmp_path):
    for start in ("BAAR, SWITZERLAND", "Next Monday,"):
        page = f"<html><body><article><h1>Bridge to close</h1><p>{start}</p>{BRIDGE_HTML}</article></body></html>"
        story, notices = saved(tmp_path, page)
        assert [block.text for block in story.body] == [start, *BRIDGE]
        assert notices == []


@pytest.mark.parametrize(
    ("over", "dateline"),
    [
        ("", "WASHINGTON (AP) —"),
        ("", "LONDON (Reuters) -"),
        ("", "Berlin (dpa) -"),
        ("", "WASHINGTON —"),
        # the byline over it is the page's, the dateline the article's
        ("<p>By Jane Doe</p>", "WASHINGTON (AP) —"),
    ],
)
def test_a_dateline_of_one_place_over_the_first_paragraph_stays_and_opens_the_story(tmp_path, over, dateline):
    """A dateline with a comma ("BAAR, SWITZERLAND —") stayed the article's; one naming its city alone ("WASHINGTON
    (AP) —") was left out as the page's line, and the story's teaser lost it: it stays, as the page has it, and the
    opening joins it to the first paragraph."""
    page = f"<html><body><article><h1>Bridge to close</h1>{over}<p>{dateline}</p>{BRIDGE_HTML}</article></body></html>"
    story, notices = saved(tmp_path, page)
    assert [block.text for block in story.body] == [dateline, *BRIDGE]
    assert story.opening == f"{dateline} {BRIDGE[0]}"
    assert story.byline == ("Jane Doe" if over else "")
    named = "left out the page's lines over the article's first paragraph (a byline, a date, a label): \"By Jane Doe\""
    assert [notice.split(":1: ", 1)[1] for notice in notices] == ([named] if over else [])


def test_a_step_in_a_list_and_a_box_the_article_goes_on_under_do_not_end_a_saved_article(tmp_path):
    steps = ["Sign up for a parking permit at the town hall", "Show it on the windscreen while the work goes on"]
    box = "<p>Don't miss</p><p>Ferry timetable changes for the winter</p><p>New cycle lane opens on Mill Road</p>"
    items = "".join(f"<li>{step}</li>" for step in steps)
    page = f"<html><body><article><h1>Bridge to close</h1>{BRIDGE_HTML}<ol>{items}</ol>{box}{BRIDGE_HTML}</article>"
    story, _ = saved(tmp_path, page + "</body></html>")
    texts = [block.text for block in story.body]
    assert texts[:5] == [*BRIDGE, *steps] and texts[-3:] == BRIDGE


FERRY = [
    f"The ferry company said on {day} that its {boat} would sail an hour later through the winter, as fewer passengers "
    f"cross before dawn and the crews need longer to clear ice from the {place}."
    for day, boat, place in [("Monday", "first boat", "ramps"), ("Tuesday", "night service", "decks"),
                             ("Wednesday", "car ferry", "moorings"), ("Thursday", "island run", "gangways"),
                             ("Friday", "harbour shuttle", "pier"), ("Saturday", "freight boat", "quay")]
]  # fmt: skip


def test_a_short_saved_article_is_read_by_trafilatura_whatever_follows_its_end(tmp_path):
    # The article is under a short article's 150 words with what follows its end, which is cut after the next reader
    # was asked: a long text elsewhere on the page (a sidebar's) is not taken for the article
    end = "<h3>热门推荐</h3>" + "".join(f"<p>Other story number {n} from the Courier's archive</p>" for n in range(8))
    sidebar = "<aside>" + "".join(f"<p>{text} {text}</p>" for text in FERRY) + "</aside>"
    page = f"<html><body><article><h1>Bridge to close</h1>{BRIDGE_HTML}{end}</article>{sidebar}</body></html>"
    story, notices = saved(tmp_path, page)
    assert [block.text for block in story.body] == BRIDGE
    assert not [notice for notice in notices if "pasted-text reader" in notice]


def test_the_article_s_first_picture_is_the_story_s_image_when_the_page_names_none(tmp_path):
    lead = (
        "<figure><img src='https://cdn.riverside.example/img/pier-cracks.jpg' alt='Cracks in the north pier'>"
        "<figcaption>The north pier in October. <span class='credit'>Jo Smith/Riverside Daily</span></figcaption>"
        "</figure>"
    )
    share = "<a href='https://social.example/share'><img src='https://cdn.riverside.example/share-icon.png'></a>"
    pixel = "<img src='https://ads.example/count.gif' width='1' height='1'>"
    paragraphs = [f"<p>{text}</p>" for text in BRIDGE]
    article = f"<h1>Bridge to close</h1>{share}{lead}{paragraphs[0]}{pixel}{''.join(paragraphs[1:])}"
    story, notices = saved(tmp_path, f"<html><body><article>{article}</article></body></html>")
    assert story.image.src == "https://cdn.riverside.example/img/pier-cracks.jpg"
    assert story.image.alt == "Cracks in the north pier"
    assert (story.caption, story.credit) == ("The north pier in October.", "Jo Smith/Riverside Daily")
    assert [block.text for block in story.body] == BRIDGE
    # the share button and the counting pixel are no pictures of the article's; the button is named, set aside
    assert [notice.split(":1: ")[1] for notice in notices] == [
        "set aside 1 small or linked picture(s) in the article as icons, portraits or links to other pages: "
        '"share-icon.png"'
    ]


def test_pictures_in_the_article_the_story_does_not_show_are_named(tmp_path):
    head = (
        "<meta property='og:title' content='Bridge to close'>"
        "<meta property='article:published_time' content='2026-11-20T08:00:00Z'>"
        "<meta property='og:image' content='https://cdn.riverside.example/img/pier-cracks-1200.jpg'>"
    )
    pictures = [
        "<figure><img src='https://cdn.riverside.example/img/pier-cracks-640.jpg' alt='Cracks in the north pier'>"
        "</figure>",  # the page's lead image, at another size: shown
        "<img src='https://cdn.riverside.example/img/detour-map.png' alt='The detour over the ferry bridge'>",
        "<img src='photos/ferry.jpg' alt='The ferry at dawn'>",  # saved beside the page: never read from disk
    ]
    paragraphs = [f"<p>{text}</p>" for text in BRIDGE]
    article = f"<h1>Bridge to close</h1>{pictures[0]}{paragraphs[0]}{pictures[1]}{paragraphs[1]}{pictures[2]}"
    page = f"<html><head>{head}</head><body><article>{article}{paragraphs[2]}</article></body></html>"
    story, notices = saved(tmp_path, page)
    assert story.image.src == "https://cdn.riverside.example/img/pier-cracks-1200.jpg"
    assert [block.text for block in story.body] == BRIDGE
    assert notices == [
        f'{tmp_path / "page.html"}:1: 2 picture(s) in the article are left out: "The detour over the ferry bridge", '
        '"The ferry at dawn" (not an http or https address): a story shows one picture, and only from an http or '
        "https address"
    ]


def test_a_picture_saved_beside_the_page_is_never_the_story_s_image(tmp_path):
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "ferry.jpg").write_bytes(b"\xff\xd8\xff")
    article = f"<h1>Bridge to close</h1><img src='photos/ferry.jpg' alt='The ferry at dawn'>{BRIDGE_HTML}"
    story, notices = saved(tmp_path, f"<html><body><article>{article}</article></body></html>")
    assert story.image.src == ""
    assert [notice.split(":1: ")[1] for notice in notices] == [
        '1 picture(s) in the article are left out: "The ferry at dawn" (not an http or https address): a story '
        "shows one picture, and only from an http or https address"
    ]


def test_addresses_that_are_no_urls_are_named_not_a_crash(tmp_path):
    # urllib raises on "http://[x": a page's canonical URL, a link or a picture written so is left out and named
    head = "<meta property='og:title' content='Bridge to close'><meta property='og:url' content='http://[bad/story'>"
    link = "<p>See <a href='http://[x/plan'>the council's plan</a> for the detours.</p>"
    article = (
        f"<p>{BRIDGE[0]}</p><img src='http://[x/pier.jpg' alt='The pier'>{link}<p>{BRIDGE[1]}</p><p>{BRIDGE[2]}</p>"
    )
    story, notices = saved(tmp_path, f"<html><head>{head}</head><body><article>{article}</article></body></html>")
    assert (story.headline, story.url, story.image.src) == ("Bridge to close", "", "")
    assert story.body[1].text == "See the council's plan for the detours."
    assert all(not span.href for span in story.body[1].spans)
    assert [notice.split(":1: ")[1] for notice in notices] == [
        'kept the text of 1 link(s) without the link: "http://[x/plan": only http, https and mailto links are allowed',
        'left out the page\'s canonical URL "http://[bad/story": only http and https links are kept',
        '1 picture(s) in the article are left out: "The pier" (not an http or https address): a story shows one '
        "picture, and only from an http or https address",
    ]


def test_when_trafilatura_finds_too_little_the_next_reader_reads_the_page_and_says_so(tmp_path):
    # trafilatura takes an <aside> for a sidebar: the article in one is read from the page's text
    page = (
        f"<html><body><nav><a href='/'>Home</a></nav><h1>Bridge to close</h1><aside>{BRIDGE_HTML}</aside></body></html>"
    )
    story, notices = saved(tmp_path, page)
    assert [block.text for block in story.body] == BRIDGE
    assert any("the pasted-text reader over the page's text read it" in notice for notice in notices)
    # Over text found that way, the page's <h1> may be a section's or a teaser's (a portal's): it stands in, flagged
    assert (story.headline, story.headline_unsure) == ("Bridge to close", True)
    assert [notice.split(":1: ")[1] for notice in notices if "is a guess" in notice] == [
        "the headline is a guess: the page names none (no JSON-LD or Open Graph headline): its <h1> stands in, but "
        "the text under it was read from the page's text, not found as an article (Bridge to close)"
    ]


def test_prose_the_next_reader_leaves_out_is_named_once(tmp_path):
    comments = f"<section id='comments'><h3>Comments</h3><p>{COMMENT}</p></section>"
    page = f"<html><body><h1>Bridge to close</h1><aside>{BRIDGE_HTML}</aside>{comments}</body></html>"
    story, notices = saved(tmp_path, page)
    assert [block.text for block in story.body] == BRIDGE
    assert [notice for notice in notices if "I drive over that bridge" in notice] == [
        f'{tmp_path / "page.html"}:1: left out as page furniture: "Comments", "I drive over that bridge every '
        'morning …"'
    ]


def test_prose_the_next_reader_leaves_out_past_the_few_its_notice_shows_is_not_named_again(tmp_path):
    comments = "".join(
        f"<div class='comment'><p>Posted by Jo {n}</p><p>Reader {n} here: I drive over that bridge every morning and "
        f"I have been telling the council about those cracks for {n + 2} years now, so it is good to see it.</p></div>"
        for n in range(5)
    )
    thread = f"<section><h3>Comments</h3>{comments}</section>"
    page = f"<html><body><h1>Bridge to close</h1><aside>{BRIDGE_HTML}</aside>{thread}</body></html>"
    story, notices = saved(tmp_path, page)
    assert [block.text for block in story.body] == BRIDGE
    assert [notice.split(":1: ")[1] for notice in notices if "Reader" in notice] == [
        'left out as page furniture: "Comments", "Posted by Jo 0", "Reader 0 here: I drive over that bridge…" (+8 more)'
    ]


def test_what_the_next_reader_leaves_out_of_the_page_s_text_is_named(tmp_path):
    related = (
        "<h3>Read more</h3><ul><li><a href='/a'>Mayor Opens New Ferry Line to the Old Town</a></li>"
        "<li><a href='/b'>River Festival Moves to the Summer</a></li></ul>"
    )
    aside = f"<aside><p>Share this article</p>{BRIDGE_HTML}<p>Advertisement</p>{related}</aside>"
    footer = "<footer>© 2026 Riverside Daily. All rights reserved.</footer>"
    page = f"<html><body><nav><a href='/'>Home</a></nav><h1>Bridge to close</h1>{aside}{footer}</body></html>"
    story, notices = saved(tmp_path, page)
    assert [block.text for block in story.body] == BRIDGE
    at = f"{tmp_path / 'page.html'}:1: "
    assert [notice for notice in notices[1:] if "headline is a guess" not in notice] == [
        f'{at}left out as page furniture: "Home"',
        f'{at}left out as page furniture: "Share this article"',
        f'{at}left out as page furniture: "Advertisement"',
        f'{at}left out as page furniture: "© 2026 Riverside Daily. All rights rese…"',
        f'{at}left out the "Read more" list under the article (2 stories): '
        '"Mayor Opens New Ferry Line to the Old T…", "River Festival Moves to the Summer"',
        f"{at}left out the date 2026-01-01 trafilatura read: the page shows that year alone (a copyright line's, an "
        "address's), no day; give the story its `date:` if it has one",
    ]


@pytest.mark.parametrize(
    ("encoding", "headline", "paragraphs"),
    [
        (
            "windows-1252",
            "Zürich’s café owners say “enough” — and close for a day",
            [
                "Café owners in Zürich closed their doors on Monday in protest at a new tax on terraces, which they "
                "say will cost them “a summer’s profit” — about €4,000 each — before the season even begins.",
                "The city’s council said the tax would pay for wider pavements and that the owners’ association had "
                "been consulted twice, in March and in May, before the measure was passed last week.",
            ],
        ),
        (
            "shift_jis",
            "古い橋、修理のため閉鎖へ、通勤に影響",
            [
                "市議会は火曜日、点検で二本の橋脚にひびが見つかったことを受けて、古い橋を修理のため閉鎖することを決めた。"
                "この決定により、数千人の通勤者が来年の大半にわたって遠回りを強いられることになる。",
                "技術者によると、ひびはすぐに危険なものではないが、冬の凍結と塩によって毎年広がるという。"
                "修理は春の新しい予算を待つことはできないと説明した。",
            ],
        ),
    ],
)
def test_a_saved_page_in_its_declared_charset_reads_right(tmp_path, encoding, headline, paragraphs):
    about = json.dumps(
        {"@context": "https://schema.org", "@type": "NewsArticle", "headline": headline}, ensure_ascii=False
    )
    head = (
        f'<meta charset="{encoding}"><title>{headline} - Site</title>'
        f'<meta property="og:title" content="{headline}"><script type="application/ld+json">{about}</script>'
    )
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    path = tmp_path / "page.html"
    path.write_bytes(f"<html><head>{head}</head><body><article>{body}</article></body></html>".encode(encoding))
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")  # the page is truly in its own encoding
    story = load_one(path, [])
    assert story.headline == headline
    assert [block.text for block in story.body] == paragraphs


# --- fetching, against a real HTTP server on 127.0.0.1 ---------------------------------------------------


class Handler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path == "/slow.html":
            time.sleep(1.5)
        if self.path == "/paper.pdf":
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.end_headers()
            self.wfile.write(b"%PDF-1.4")
            return
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/saved-article.html")
            self.end_headers()
            return
        if self.path == "/to-ftp":
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/file.html")
            self.end_headers()
            return
        super().do_GET()


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client that gave up (the timeout test) breaks the pipe; printing it would land in another test


@pytest.fixture
def server(monkeypatch):
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    httpd = QuietServer(("127.0.0.1", 0), partial(Handler, directory=str(PAGES)))
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_import_url_fetches_the_page_and_writes_the_story(cli, workdir, server):
    result = cli("import", f"{server}/moved", "--to", "issue")
    assert result.exit_code == 0, result.output
    assert "wrote issue/01-runoff-in-bogota-the-caribbean-coast.md" in result.output
    story = load_source(workdir / "issue").stories[0]
    assert story.headline == "Runoff in Bogotá: the Caribbean coast decides"
    assert story.url == "https://herald.example.org/world/2026/11/colombia-runoff-caribbean-coast"
    assert story.credit == "Luisa González/Reuters"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing.html", "cannot be fetched: the server answered 404 Not Found"),
        ("/paper.pdf", "serves application/pdf, not an HTML page"),
        ("/to-ftp", "redirects to 'ftp://127.0.0.1/file.html': is not an http or https URL; only those are fetched"),
    ],
)
def test_import_url_errors_are_one_line_naming_the_url(cli, workdir, server, path, message):
    result = cli("import", f"{server}{path}", "--to", "issue")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f"error: {server}{path}: {message}"]
    assert not (workdir / "issue").exists()


def test_fetch_stops_at_the_timeout_and_the_size_limit(server):
    with pytest.raises(Exception, match=r"slow.html: cannot be fetched: no whole answer within 0.5 s"):
        fetch(f"{server}/slow.html", typed=True, deadline=0.5)
    with pytest.raises(
        Exception, match=r"saved-article.html: is \d+ KB, over the 1 KB limit; pages that large are not"
    ):
        fetch(f"{server}/saved-article.html", typed=True, limit=1024)


def test_only_http_and_https_urls_are_fetched():
    with pytest.raises(Exception, match=r"file:///etc/passwd: is not an http or https URL"):
        fetch("file:///etc/passwd")


def test_the_index_of_the_article_s_text_answers_as_a_plain_search():
    # left_out_prose asks it once per paragraph of the page: it must find exactly what `in` finds, repeats included
    import random

    from newsletter.readers.page import Kept

    chance = random.Random(21)
    for letters in ("ab c", "abcdefghijklmnopqrstuvwxyz "):
        text = "".join(chance.choice(letters) for _ in range(5000))
        kept = Kept(text)
        for _ in range(5000):
            at, size = chance.randrange(0, 4960), chance.choice([5, 23, 24, 40])
            part = (
                text[at : at + size] if chance.random() < 0.5 else "".join(chance.choice(letters) for _ in range(size))
            )
            assert (part in kept) == (part in text), part


def test_the_index_finds_every_place_a_part_stands_as_a_plain_search_does():
    # one_paragraph asks where the ends of each two paragraphs in a row stand on the page: from the index, not by
    # reading the page's whole text for each (a saved page of 8,000 paragraphs took 43 s; bench/inputs.py)
    import random

    from newsletter.readers.page import Kept

    def plain(text: str, part: str) -> list[int]:
        return [at for at in range(len(text) - len(part) + 1) if text.startswith(part, at)]

    chance = random.Random(22)
    for letters in ("ab c", "abcdefghijklmnopqrstuvwxyz "):
        text = "".join(chance.choice(letters) for _ in range(3000))
        kept = Kept(text)
        for _ in range(300):
            at, size = chance.randrange(0, 2960), chance.choice([1, 5, 22, 23, 24, 40])
            part = (
                text[at : at + size] if chance.random() < 0.7 else "".join(chance.choice(letters) for _ in range(size))
            )
            assert kept.places(part) == plain(text, part), part


def test_a_paragraph_of_a_thousand_spans_reads_as_its_words_with_its_neighbours_as_they_were():
    """trafilatura unwraps <span>s and keeps each piece of their text apart, which its own search then reads over
    again from each piece (16,000 spans: 41 s; bench/inputs.py's "saved spans"). A paragraph of more than 1,000 is
    unwrapped first, as one piece of text; a page's own paragraphs, with a few spans each, are left to trafilatura."""
    from lxml import html as lxml_html

    from newsletter.readers.html import parse_html, unwrapped_floods

    paragraphs = [
        f"Paragraph {k} of the article says what the council decided on Tuesday, and why it matters to the town."
        for k in range(6)
    ]
    words = [f"word{k}" for k in range(1_500)]
    flood = " ".join(f"<span>{word}</span>" if k % 3 else f"<small><span>{word}</span></small>" for k, word in
                     enumerate(words))  # fmt: skip
    tree = lxml_html.fromstring(f"<div><p>A <span>few</span> spans <font>here</font>.</p><p>{flood}</p></div>")
    unwrapped_floods(tree)
    few, flooded = tree.findall("p")
    assert [element.tag for element in few] == ["span", "font"]
    assert len(flooded) == 0 and len(flooded.xpath("text()")) == 1 and flooded.text == " ".join(words)

    story = parse_html(
        (f"<html><head><title>T</title></head><body><article><h1>Spans everywhere on this page</h1>"
         f"{''.join(f'<p>{text}</p>' for text in paragraphs)}"
         f"<p>{flood}</p></article></body></html>").encode(),
        "page.html",
        [],
    )  # fmt: skip
    assert story.body[-1].text == " ".join(words)
    assert [block.text for block in story.body[:-1]] == paragraphs


def test_the_lines_a_list_follows_are_found_as_the_page_sets_them():
    """An element right before a <ul> or <ol> (a comment between is no element) leads into it; one before another
    element, or a list that opens its parent, leads into nothing (the XPath this replaces gave the same)."""
    from lxml import html as lxml_html

    from newsletter.readers.page import over_lists

    tree = lxml_html.fromstring(
        "<div><p>More:</p><ul><li>a</li></ul><h2>Also <b>see</b></h2><!-- x --><ol><li>b</li></ol>"
        "<ul><li>c</li></ul><p>Not this</p><span>nor</span><div><ul><li>d</li></ul></div></div>"
    )
    assert over_lists(tree) == frozenset({"More:", "Also see", "b"})
    xpath = tree.xpath("//*[following-sibling::*[1][self::ul or self::ol]]")
    assert over_lists(tree) == frozenset(" ".join(element.text_content().split()) for element in xpath)


# --- review 3: nothing dropped or guessed silently -----------------------------------------------------------


@pytest.mark.parametrize("suffix", ["- Live updates", "– as it happened", "| Analysis", "- Opinion", "- Explainer"])
@pytest.mark.parametrize("named", [True, False])  # named by Open Graph, or only set as the article's <h1>
def test_a_headline_keeps_a_last_part_that_only_its_title_repeats(tmp_path, suffix, named):
    headline = f"Bridge to close: what happens next {suffix}"
    head = f"<title>{headline}</title>" + (f"<meta property='og:title' content='{headline}'>" if named else "")
    article = "".join(f"<p>{text}</p>" for text in BRIDGE * 2)
    page = f"<html><head>{head}</head><body><article><h1>{headline}</h1>{article}</article></body></html>"
    story, notices = saved(tmp_path, page)
    assert (story.headline, story.headline_unsure) == (headline, False)
    assert notices == []


def test_a_title_s_last_part_the_copyright_line_names_is_the_site_s_and_cut(tmp_path):
    headline = "Bridge to close for repairs - Riverside Daily"
    head = f"<title>{headline}</title><meta property='og:title' content='{headline}'>"
    article = "".join(f"<p>{text}</p>" for text in BRIDGE * 2)
    footer = "<footer>© 2026 Riverside Daily. All rights reserved.</footer>"
    page = f"<html><head>{head}</head><body><article><h1>{headline}</h1>{article}</article>{footer}</body></html>"
    story, notices = saved(tmp_path, page)
    assert (story.headline, story.headline_unsure) == ("Bridge to close for repairs", False)


def pictured(tmp_path: Path, pictures: list[str], head: str = ""):
    """A saved article with `pictures` set in turn between its paragraphs (the first above them)."""
    paragraphs = [f"<p>{text}</p>" for text in BRIDGE * 2]
    article = "".join(picture + paragraph for picture, paragraph in zip(pictures, paragraphs, strict=False))
    article += "".join(paragraphs[len(pictures) :])
    page = f"<html><head>{head}</head><body><article><h1>Bridge to close</h1>{article}</article></body></html>"
    story, notices = saved(tmp_path, page)
    assert [block.text for block in story.body] == BRIDGE * 2
    return story, [notice.split(":1: ")[1] for notice in notices]


def left_out(*names: str) -> str:
    """The notice naming pictures of the article a saved page's story does not show."""
    named = ", ".join(f'"{name}"' for name in names)
    return (
        f"{len(names)} picture(s) in the article are left out: {named}: a story shows one picture, and only from an "
        "http or https address"
    )


def test_pictures_sharing_an_alt_text_or_a_file_name_are_each_named(tmp_path):
    cdn = "https://cdn.riverside.example/img"
    same_alt = [f"<img src='{cdn}/{name}.jpg' alt='Bridge to close'>" for name in ("pier", "detour", "ferry")]
    story, notices = pictured(tmp_path, same_alt)
    assert story.image.src == f"{cdn}/pier.jpg"
    assert notices == [left_out("detour.jpg", "ferry.jpg")]
    same_name = [f"<img src='{cdn}/{folder}/image.jpg'>" for folder in ("a", "b", "c")]
    story, notices = pictured(tmp_path, same_name)
    assert story.image.src == f"{cdn}/a/image.jpg"
    assert notices == [left_out("image.jpg", "image.jpg")]


def test_a_picture_at_several_sizes_is_one_picture(tmp_path):
    cdn = "https://cdn.riverside.example/img"
    lazy = (
        f"<img src='{cdn}/pier-cracks-640.jpg' srcset='{cdn}/pier-cracks-640.jpg 640w, {cdn}/pier-cracks-1200.jpg "
        "1200w' alt='Cracks in the north pier'>"
    )
    story, notices = pictured(tmp_path, [lazy, f"<img src='{cdn}/pier-cracks-1200.jpg' alt='Cracks'>"])
    assert story.image.src == f"{cdn}/pier-cracks-1200.jpg"  # (its size the email shows: srcset's 1200w)
    assert notices == []


def test_a_picture_whose_name_holds_a_furniture_word_is_the_article_s(tmp_path):
    cdn = "https://cdn.riverside.example/img"
    names = ("electoral-authority-count", "iconic-bridge", "shareholders-meeting")
    story, notices = pictured(tmp_path, [f"<img src='{cdn}/{name}.jpg'>" for name in names])
    assert story.image.src == f"{cdn}/electoral-authority-count.jpg"
    assert notices == [left_out("iconic-bridge.jpg", "shareholders-meeting.jpg")]


@pytest.mark.parametrize(
    "lead",
    [
        "https://riverside.example/img/logo.jpg",
        "https://riverside.example/web-app-manifest-192x192.png",
        "https://riverside.example/img/pages/article/opengraph_default.png",
        "https://riverside.example/pu/images/social_placeholder.png",
        "https://s0.wp.example/i/blank.jpg",
        "https://riverside.example/decoration/logo_gazette_white.gif",
        "https://secure.gravatar.example/blavatar/55bf7238e39ec9fd72a2f40d?s=200",
    ],
)
def test_a_lead_image_that_is_the_site_s_logo_or_placeholder_gives_way_to_the_article_s_picture(tmp_path, lead):
    """A page names its site's logo, icon or template's placeholder as its lead image when the story has none of its
    own: the email showed a logo as the story's picture. The article's own picture stands in, and the lead image
    left out is named."""
    cdn = "https://cdn.riverside.example/img"
    head = f"<meta property='og:image' content='{lead}'>"
    story, notices = pictured(tmp_path, [f"<img src='{cdn}/pier-cracks.jpg' alt='Cracks in the north pier'>"], head)
    assert (story.image.src, story.image.alt) == (f"{cdn}/pier-cracks.jpg", "Cracks in the north pier")
    name = lead.split("/")[-1].split("?")[0]
    assert notices == [
        f"left out the page's lead image \"{name}\": its name says it is the site's logo, icon or placeholder, not "
        "the story's"
    ]


def test_a_lead_image_that_shows_a_logo_in_the_news_is_the_story_s(tmp_path):
    lead = "https://cdn.riverside.example/img/alibaba-logo-getty-1024-683.jpg"
    story, notices = pictured(tmp_path, [], f"<meta property='og:image' content='{lead}'>")
    assert (story.image.src, notices) == (lead, [])


def test_a_picture_that_stands_in_while_the_article_s_loads_is_no_picture(tmp_path):
    """A lazily loaded picture: its src a blank stand-in, the picture in data-src. The stand-in was the story's
    picture, or named as one left out ("blank.gif"); a stand-in alone is set aside, named."""
    cdn = "https://cdn.riverside.example/img"
    lazy = f"<img class='loading' src='{cdn}/assets/blank.gif' data-src='{cdn}/pier-cracks.jpg' alt='The pier'>"
    spinner = f"<img src='{cdn}/assets/loading-search.gif' alt='loading'>"
    story, notices = pictured(tmp_path, [lazy, spinner])
    assert story.image.src == f"{cdn}/pier-cracks.jpg"
    assert notices == [
        'set aside 1 small or linked picture(s) in the article as icons, portraits or links to other pages: "loading"'
    ]


@pytest.mark.parametrize("alt", ["airpods-pro-2.jpg", "2.jpg", "Jake Frith of AGs office.JPG"])
def test_an_alt_text_that_is_the_picture_s_file_name_is_no_alt_text(tmp_path, alt):
    """A screen reader would read "airpods-pro-2.jpg" out: the caption stands in, else no alt text."""
    picture = f"<img src='https://cdn.riverside.example/img/pier-cracks.jpg' alt='{alt}'>"
    story, _ = pictured(tmp_path, [picture])
    assert story.image.alt == ""


def test_a_picture_linked_to_its_attachment_page_is_the_article_s_and_links_elsewhere_are_named(tmp_path):
    site = "https://riverside.example/2026/11/bridge-to-close"
    cdn = "https://riverside.example/wp-content/uploads/2026/11"
    attached = f"<a href='{site}/pier-cracks/'><img src='{cdn}/pier-cracks-1024x683.jpg' alt='The pier'></a>"
    elsewhere = f"<a href='https://riverside.example/ferry-story'><img src='{cdn}/ferry.jpg' alt='The ferry'></a>"
    share = f"<img class='share-icon' src='{cdn}/facebook.png' alt='Share'>"
    story, notices = pictured(tmp_path, [attached, elsewhere + share])
    assert story.image.src == f"{cdn}/pier-cracks-1024x683.jpg"
    assert notices == [
        "set aside 2 small or linked picture(s) in the article as icons, portraits or links to other pages: "
        '"The ferry", "Share"'
    ]


def test_a_picture_above_the_article_is_the_lead_at_another_size_only_when_its_name_says_so(tmp_path):
    cdn = "https://cdn.riverside.example"
    photo = f"<img src='{cdn}/img/pier-cracks-640.jpg' alt='Cracks in the north pier'>"
    card = f"<meta property='og:image' content='{cdn}/social/riverside-card.png'>"
    story, notices = pictured(tmp_path, [photo], head=card)
    assert story.image.src == f"{cdn}/social/riverside-card.png"
    assert notices == [left_out("Cracks in the north pier")]
    same = f"<meta property='og:image' content='{cdn}/img/pier-cracks-1200x800.jpg'>"
    story, notices = pictured(tmp_path, [photo], head=same)
    assert story.image.src == f"{cdn}/img/pier-cracks-1200x800.jpg"
    assert story.image.alt == "Cracks in the north pier"
    assert notices == []


@pytest.mark.parametrize(("named", "title", "h1", "headline", "unsure"), [
    # a wiki's JSON-LD "headline" holds its short description: its <h1>, which its <title> is, stands in, flagged
    ("A river crossing in the north of the county", "Bridge to close - Riverside Wiki", "Bridge to close",
     "Bridge to close", True),
    # ... and where that <h1> is the site's name ("Site - Section"), the flag says the page disagrees with itself
    ("Old bridge to close for a year of repairs", "Riverside Daily - News", "Riverside Daily", "Riverside Daily",
     True),
    # a named headline that words the same story otherwise is the page's choice, sure
    ("Old bridge to close for a year of repairs", "Bridge to close - Riverside Wiki", "Bridge to close",
     "Old bridge to close for a year of repairs", False),
])  # fmt: skip
def test_a_json_ld_headline_sharing_no_word_with_the_h1_its_title_is_gives_way_to_the_h1_flagged(
    tmp_path, named, title, h1, headline, unsure
):
    about = json.dumps({"@context": "https://schema.org", "@type": "Article", "headline": named})
    story, notices = saved(
        tmp_path,
        f"<html><head><title>{title}</title><script type='application/ld+json'>{about}"
        f"</script></head><body><h1>{h1}</h1>{BRIDGE_HTML}</body></html>",
    )
    assert (story.headline, story.headline_unsure) == (headline, unsure)
    if unsure:
        assert any(f'the headline the page names ("{named[:40]}' in notice for notice in notices), notices


def test_a_json_ld_headline_stays_when_the_h1_is_only_a_section_the_title_names(tmp_path):
    """An <h1> that is one part of the <title> ("Opinion" in "Why the bridge must close | Opinion | Riverside Daily")
    is a section's name: the page's named headline stays."""
    about = json.dumps({"@context": "https://schema.org", "@type": "Article", "headline": "Why the bridge must close"})
    story, _ = saved(
        tmp_path,
        f"<html><head><title>Why the bridge must close | Opinion | Riverside Daily</title><script "
        f"type='application/ld+json'>{about}</script></head><body><h1>Opinion</h1>{BRIDGE_HTML}</body></html>",
    )
    assert (story.headline, story.headline_unsure) == ("Why the bridge must close", False)


def test_an_og_title_that_is_an_address_s_slug_is_no_headline(tmp_path):
    story, _ = saved(
        tmp_path,
        "<html><head><meta property='og:title' content='bridge-closure-riverside-2026'><title>Bridge to close | "
        f"Riverside Daily</title></head><body><h1>Bridge to close</h1>{BRIDGE_HTML}</body></html>",
    )
    assert story.headline == "Bridge to close"


@pytest.mark.parametrize(
    "head, h1",
    [
        ("<meta property='og:title' content='{{ article.title }}'><title>Bridge to close | Riverside Daily</title>",
         ""),
        ("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"${headline}\"}</script>"
         "<title>Riverside Daily</title>", "<h1>Bridge to close</h1>"),
        ("<title>Bridge to close | Riverside Daily</title>", "<h1>{% block headline %}{% endblock %}</h1>"),
    ],
)  # fmt: skip
def test_a_template_s_placeholder_the_page_shows_unfilled_is_never_its_headline(tmp_path, head, h1):
    """A page saved before its scripts filled it in names its headline as a template's placeholder: the headline is
    the one the page shows elsewhere, as no pasted page's headline is a placeholder either."""
    story, _ = saved(tmp_path, f"<html><head>{head}</head><body>{h1}{BRIDGE_HTML}</body></html>")
    assert story.headline == "Bridge to close"


def test_a_page_whose_every_headline_is_a_placeholder_has_none_and_the_build_says_so(cli, workdir):
    head = "<title>{{article.title}} | Riverside Daily</title><meta property='og:title' content='{{article.title}}'>"
    (workdir / "page.html").write_text(
        f"<html><head>{head}</head><body><h1>{{{{ article.title }}}}</h1>{BRIDGE_HTML}</body></html>", "utf-8"
    )
    result = cli("build", "page.html", "--out", "out", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    assert "{{" not in result.output
    assert "page.html:1: no headline: the first sentence of its body stands in as its title" in result.output


def test_a_one_word_h1_the_title_does_not_hold_gives_way_to_the_title_flagged(tmp_path):
    """A section's one word as the page's only <h1> ("Neuigkeiten"): the <title>'s headline is the likelier one."""
    story, notices = saved(
        tmp_path,
        "<html><head><title>Old bridge to close for a year | Riverside Daily</title></head><body>"
        f"<h1>Neuigkeiten</h1>{BRIDGE_HTML}</body></html>",
    )
    assert (story.headline, story.headline_unsure) == ("Old bridge to close for a year", True)


CHINESE = [
    "市议会周二决定关闭这座老桥进行维修，因为检查人员在两个桥墩上发现了裂缝。",
    "这一决定将使数千名通勤者在明年的大部分时间里绕行更远的路线。",
    "工程师说，裂缝并不会立即带来危险，但冬季的冰冻和盐每年都会使裂缝扩大。",
]


def test_a_page_saved_again_as_utf_8_that_still_declares_its_old_charset_reads_right(tmp_path):
    """A page re-saved as UTF-8 with its old <meta charset="gb2312"> kept: its bytes are not GB2312 but are UTF-8,
    so the headline and paragraphs are read as written, not as two wrong characters for each."""
    head = "<meta http-equiv='Content-Type' content='text/html; charset=gb2312'><title>老桥将关闭维修_河畔日报</title>"
    body = "".join(f"<p>{text}</p>" for text in CHINESE)
    story, _ = saved(tmp_path, f"<html><head>{head}</head><body><article>{body}</article></body></html>")
    assert story.headline == "老桥将关闭维修"  # the site's name after an unspaced "_" is cut, as " - Site" is
    assert [block.text for block in story.body] == CHINESE


def test_a_page_truly_in_gb2312_still_reads_by_its_declared_charset(tmp_path):
    head = "<meta charset='gb2312'><title>老桥将关闭维修|河畔日报</title>"
    body = "".join(f"<p>{text}</p>" for text in CHINESE)
    path = tmp_path / "page.html"
    path.write_bytes(f"<html><head>{head}</head><body><article>{body}</article></body></html>".encode("gb2312"))
    story = load_one(path, [])
    assert story.headline == "老桥将关闭维修"
    assert [block.text for block in story.body] == CHINESE


def test_legacy_east_asian_labels_read_as_browsers_read_them_and_utf_8_wins_over_a_latin_label(tmp_path):
    """A GBK page that says gb2312 (喆 is GBK's, not GB2312's) reads right, as browsers read GB2312 as GBK; a UTF-8
    page still labelled iso-8859-1 reads as UTF-8, not as "CafÃ©"."""
    paragraphs = [*CHINESE[:2], "旧居管理处负责人王喆介绍，参观需提前在网上预约，每天限流八百人。"]
    head = "<meta http-equiv='Content-Type' content='text/html; charset=gb2312'><title>老桥将关闭维修</title>"
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    path = tmp_path / "gbk.html"
    page = f"<html><head>{head}</head><body><article><h1>王喆：老桥将关闭维修</h1>{body}</article></body></html>"
    path.write_bytes(page.encode("gbk"))
    story = load_one(path, [])
    assert (story.headline, [block.text for block in story.body]) == ("王喆：老桥将关闭维修", paragraphs)
    page = f"<html><head><meta charset='iso-8859-1'></head><body><h1>Café owner fears for trade</h1>{BRIDGE_HTML}"
    path = tmp_path / "latin.html"
    path.write_bytes(f"{page}</body></html>".encode())
    assert load_one(path, []).headline == "Café owner fears for trade"


def test_a_headline_the_page_s_charset_could_not_read_is_flagged(tmp_path):
    path = tmp_path / "page.html"
    page = f"<html><head><meta charset='utf-8'></head><body><h1>Caf\xe9 owner fears for trade</h1>{BRIDGE_HTML}"
    path.write_bytes(f"{page}</body></html>".encode("latin-1"))  # says UTF-8, is not: é cannot be read
    notices: list = []
    story = load_one(path, notices)
    assert "\ufffd" in story.headline and story.headline_unsure
    assert any("the page's charset could not read" in str(notice) for notice in notices)


@pytest.mark.parametrize("suffix", ["_网易新闻", " - Riverside Gazette"])
def test_a_named_headline_that_is_the_h1_with_the_site_s_name_after_it_gives_way_to_the_h1(tmp_path, suffix):
    h1 = "老桥将关闭维修一年" if suffix.startswith("_") else "Council votes to close Old Mill Bridge"
    head = f"<meta property='og:title' content='{h1}{suffix}'><title>{h1}{suffix}</title>"
    story, _ = saved(tmp_path, f"<html><head>{head}</head><body><h1>{h1}</h1>{BRIDGE_HTML}</body></html>")
    assert (story.headline, story.headline_unsure) == (h1, False)


def test_a_named_headline_with_a_topic_s_h1_before_its_colon_keeps_its_whole_self(tmp_path):
    """og:title "Old Mill Bridge: What We Know" over an <h1> "Old Mill Bridge" (the topic's): what follows the colon is
    the headline's own, not a site's name, so the named headline stays whole."""
    title = "Old Mill Bridge: What We Know"
    head = f"<meta property='og:title' content='{title}'><meta property='og:site_name' content='Riverside Gazette'>"
    story, _ = saved(tmp_path, f"<html><head>{head}<title>{title}</title></head><body><h1>Old Mill Bridge</h1>"
                               f"<article>{BRIDGE_HTML}</article></body></html>")  # fmt: skip
    assert (story.headline, story.headline_unsure) == (title, False)


def test_a_site_s_name_first_in_the_named_headline_over_a_logo_h1_is_never_the_headline(tmp_path):
    """og:title "The Riverside Gazette | Bridge shut" over a logo <h1> "The Riverside Gazette" (og:site_name
    "Riverside Gazette"): the site's name, with or without "The", is cut off and never stands as the headline."""
    title = "The Riverside Gazette | Bridge shut"
    head = f"<meta property='og:title' content='{title}'><meta property='og:site_name' content='Riverside Gazette'>"
    page = f"<header><h1>The Riverside Gazette</h1></header><article><h2>Bridge shut</h2>{BRIDGE_HTML}</article>"
    story, _ = saved(tmp_path, f"<html><head>{head}<title>{title}</title></head><body>{page}</body></html>")
    assert story.headline == "Bridge shut"


def test_the_space_after_a_link_is_kept_where_the_page_has_it_and_the_paragraph_is_one(tmp_path):
    """trafilatura drops the space that starts the text after a link in text set between line breaks ("<a>security
    fair</a> in Las Vegas" became "fairin Las Vegas"); the saved page's reader puts it back where the page's own text
    has it, and glues nothing the page glues ("<a>Adelson</a>'s"). trafilatura also cuts such a paragraph at each
    link ("He flew to a" / "security fair in Las Vegas, where the" / ...): it is one paragraph again, as the page
    shows it, and the paragraphs the page parts with line breaks stay apart."""
    linked = (
        "He flew to a <a href='https://example.org/fair'>security fair</a> in Las Vegas, where the "
        "<a href='https://example.org/times'>New York Times</a> claimed he met "
        "<a href='https://example.org/a'>Adelson</a>'s security chief, and said "
        "<a href='https://example.org/t'>Trump.</a> Even so, nothing came of the meeting."
    )
    text = "<br /><br />\n".join([*BRIDGE, linked])
    article = f"<div class='article-body'><h1>Bridge to close</h1>\n{text}\n</div>"
    story, _ = saved(tmp_path, f"<html><body><nav><a href='/'>Home</a></nav>{article}</body></html>")
    assert [block.text for block in story.body] == [
        *BRIDGE,
        "He flew to a security fair in Las Vegas, where the New York Times claimed he met Adelson's security chief, "
        "and said Trump. Even so, nothing came of the meeting.",
    ]
    assert [span.href for span in story.body[-1].spans if span.href] == [
        "https://example.org/fair",
        "https://example.org/times",
        "https://example.org/a",
        "https://example.org/t",
    ]


def test_the_space_before_a_link_after_a_line_break_is_kept_where_the_page_has_it(tmp_path):
    """trafilatura drops the space before a link that follows a line break in a list item ("Die <a>Fachleute</a>"
    became "DieFachleute"); the reader puts it back, as the page shows it."""
    items = (
        "<ul><li>Tax advice:<br />The <a href='https://example.org/c'>compliance team</a> helps you keep the rules."
        "</li><li>Advice:<br />Our <a href='https://example.org/d'>advisers</a> help you further.</li></ul>"
    )
    article = f"<article><h1>Bridge to close</h1>{BRIDGE_HTML}{items}</article>"
    story, _ = saved(tmp_path, f"<html><body><nav><a href='/'>Home</a></nav>{article}</body></html>")
    assert [block.text for block in story.body[len(BRIDGE) :]] == [
        "Tax advice: The compliance team helps you keep the rules.",
        "Advice: Our advisers help you further.",
    ]


def test_words_trafilatura_glues_are_set_apart_as_the_page_shows_them_and_the_page_s_own_glue_stays():
    from lxml import etree

    from newsletter.readers.extracted import body_blocks

    page = "Sign up. E-mail address Please enter your e-mail address! Gov. Kristi NoemSouth Dakota governor"
    body = etree.fromstring(
        "<body><p>Sign up. E-mail addressPlease enter your e-mail address!</p>"
        "<p>Gov. Kristi NoemSouth Dakota governor</p></body>"
    )
    blocks = body_blocks(body, "", "page.html", [], page)
    assert [block.text for block in blocks] == [
        "Sign up. E-mail address Please enter your e-mail address!",
        "Gov. Kristi NoemSouth Dakota governor",  # the page itself runs the two together: nothing to go by
    ]


def test_paragraphs_are_joined_only_where_the_page_runs_them_on_everywhere_it_has_them():
    """Two paragraphs trafilatura gives apart are joined where the page has them as one line; not where the page
    parts them, even if it runs them on somewhere else (a teaser repeating the article's opening)."""
    import lxml.html

    from newsletter.models import Block, Span
    from newsletter.readers.extracted import one_paragraph
    from newsletter.readers.page import PageText

    page = PageText.of(
        lxml.html.fromstring(
            "<html><body><aside>The repair will take a year and cost four million.</aside>"
            "<div>The mayor met the <a href='https://example.org/b'>bridge engineers</a> on Monday.</div>"
            "<p>The repair will take a year</p><p>and cost four million.</p></body></html>"
        )
    )
    texts = [
        "The mayor met the",
        "bridge engineers on Monday.",
        "The repair will take a year",
        "and cost four million.",
    ]
    blocks = one_paragraph([Block(spans=[Span(text=text)]) for text in texts], page)
    assert [block.text for block in blocks] == [
        "The mayor met the bridge engineers on Monday.",
        "The repair will take a year",
        "and cost four million.",
    ]


def test_a_block_s_ends_are_trimmed_past_spans_of_spaces_alone():
    """Chinese pages indent a paragraph with ideographic spaces, some outside its bold run ("\\u3000<b>\\u3000英国
    《泰晤士报》：</b>"): the block starts at its first word, not with a space, as it ends at its last."""
    from lxml import etree

    from newsletter.readers.extracted import body_blocks

    body = etree.fromstring(
        "<body><p>\u3000<hi rend='#b'>\u3000英国《泰晤士报》：</hi></p>"
        "<p><hi rend='#i'>The mayor said so. </hi>\u3000 </p></body>"
    )
    blocks = body_blocks(body, "", "page.html", [])
    assert [(block.text, [span.text for span in block.spans]) for block in blocks] == [
        ("英国《泰晤士报》：", ["英国《泰晤士报》："]),
        ("The mayor said so.", ["The mayor said so."]),
    ]


def test_a_time_in_a_zone_the_date_reader_does_not_know_builds_without_a_library_warning(tmp_path):
    """The editor's terminal shows the build's own lines, not dateutil's "tzname PST identified but not
    understood" (an American page's <time datetime="...T14:05:00PST">): the date is read all the same."""
    import os
    import subprocess
    import sys

    issue = tmp_path / "issue"
    issue.mkdir()
    sentence = "The council voted on the budget after a long night of debate in the chamber. "
    (issue / "council.html").write_text(
        "<html><head><title>Council votes - Daily Example</title></head><body><article><h1>Council votes</h1>"
        '<time datetime="2016-12-16T14:05:00PST">December 16, 2016</time>'
        f"<p>{sentence * 30}</p></article></body></html>"
    )
    root = Path(__file__).parent.parent
    env = {**os.environ, "PYTHONPATH": str(root), "PYTHONWARNINGS": ""}
    done = subprocess.run(
        [sys.executable, "-m", "newsletter", "build", str(issue), "--date", "2026-11-24"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Built 'Council votes'" in done.stdout
    assert "tzname" not in done.stderr and "Warning" not in done.stderr, done.stderr


def test_an_american_date_written_month_first_is_read_as_the_pages_own_time_elements_say():
    """ "10/04/16" on an American page is October 4: the page's <time datetime> says so, where the date reader
    took it day first (April 10)."""
    from newsletter.readers.html import parse_html

    sentence = "The senators met again on Tuesday to talk about the budget and the vote that follows it next week. "
    html = (
        "<html><head><title>Senate budget talks go on - Capitol Example</title></head><body>"
        "<aside><article><h4>Another story</h4>"
        "<time datetime='2016-10-04T04:59-0400'>10/04/16 04:59 PM EDT</time></article></aside>"
        "<article><h1>Senate budget talks go on</h1><p class='byline'>By Ann Lee</p>"
        "<p class='timestamp'><time datetime='2016-10-04T05:07-0400'>10/04/16 05:07 AM EDT</time></p>"
        f"<p>{sentence * 12}</p><p>{sentence * 10}</p></article></body></html>"
    )
    assert parse_html(html.encode(), "senate.html", []).date.isoformat() == "2016-10-04"


def read_saved(title: str, article: str) -> tuple:
    """A saved page whose <article> holds `article` under its <h1> `title`, read: its story and its notices."""
    from newsletter.readers.html import parse_html

    html = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{article}</article></body></html>"
    notices = []
    return parse_html(html.encode(), "page.html", notices), [str(notice) for notice in notices]


@pytest.mark.parametrize(
    "button",
    [
        "このニュースをシェア",
        "Share this article",
        "分享到：",
        "Story Continued Below",
        "Advertisement",  # (where an advertisement stood between two paragraphs)
        "＞ ログイン",  # a form's: log in, send, confirm; a list's "load more", "click here"
        "abschicken",
        "+ 加载更多新闻",
        "Cliquez ici »",
        "Weiterlesen",  # a teaser's link to the rest ("read on"), as sites in other languages print it
        "Lire la suite »",
    ],
)
def test_a_saved_page_s_button_or_advertisement_s_place_inside_the_article_is_left_out_and_named(button):
    sentence = "ナイジェリア北東部で16日夜、少女を使った自爆攻撃が起き、31人が死亡した。地元当局者が明らかにした。"
    second = "政府は過激派組織が劣勢にあると主張しているが、専門家は攻撃能力を維持していると指摘している。"
    story, notices = read_saved("ナイジェリアで自爆攻撃", f"<h2>{button}</h2><p>{sentence * 4}</p><p>{second * 4}</p>")
    assert [block.kind for block in story.body] == ["p", "p"]
    assert any("button(s) or advertisement's place(s)" in notice and button in notice for notice in notices)


def test_a_wiki_s_links_to_edit_its_sections_are_no_part_of_their_headings(tmp_path):
    """A wiki (MediaWiki: Wikipedia and thousands more) sets a link to edit each section inside its heading; the
    email showed the subheads as "Details[edit]", "Leben[Bearbeiten | Quelltext bearbeiten]"."""
    edit = "<span class='mw-editsection'><span>[</span><a href='/w?action=edit'>{}</a><span>]</span></span>"
    sections = "".join(
        f"<h2><span class='mw-headline'>{title}</span>{edit.format(word)}</h2><p>{text}</p>"
        for title, word, text in [
            ("Details", "edit", BRIDGE[1]),
            ("Leben", "Bearbeiten | Quelltext bearbeiten", BRIDGE[2]),
        ]
    )
    page = f"<html><head><title>Bridge</title></head><body><h1>Bridge</h1><p>{BRIDGE[0]}</p>{sections}</body></html>"
    story, _ = saved(tmp_path, page)
    assert [block.text for block in story.body if block.kind == "h"] == ["Details", "Leben"]


@pytest.mark.parametrize("quote", ['"', "'"])
def test_a_named_headline_cut_at_a_quote_its_page_did_not_escape_is_the_h1_whole(tmp_path, quote):
    """A page writes its headline into <meta property="og:title" content="..."> without escaping its quotes: the
    attribute ends at the first, and the headline was cut there ('男孩因不想上补习班 写' for the <h1>'s
    '男孩因不想上补习班 写"救命啊"纸团抛出引来警察')."""
    headline = f"Council says {quote}no{quote} to the bridge repairs"
    head = f"<meta property={quote}og:title{quote} content={quote}{headline}{quote}>"
    story, _ = saved(tmp_path, f"<html><head>{head}</head><body><h1>{headline}</h1>{BRIDGE_HTML}</body></html>")
    assert (story.headline, story.headline_unsure) == (headline, False)


def test_a_saved_article_s_table_of_data_is_read_a_row_a_paragraph_and_named(tmp_path):
    """An email shows no page's table: each row of one is a paragraph, its cells joined by " | ". That is a guess at
    how the editor wants it, so it is named; a table that only lays out the page (a cell a row) is not."""
    rows = [("Candidate", "Party", "Votes"), ("Ana Ruiz", "Green", "41,200"), ("Tom Berg", "Liberal", "39,850")]
    table = "<table>" + "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    layout = f"<table><tr><td>{BRIDGE[2]}</td></tr></table>"
    article = f"<h1>Bridge to close</h1><p>{BRIDGE[0]}</p>{table}</table><p>{BRIDGE[1]}</p>{layout}"
    story, notices = saved(tmp_path, f"<html><body><article>{article}</article></body></html>")
    assert [block.text for block in story.body] == [
        BRIDGE[0],
        "Candidate | Party | Votes",
        "Ana Ruiz | Green | 41,200",
        "Tom Berg | Liberal | 39,850",
        BRIDGE[1],
        BRIDGE[2],
    ]
    assert notices == [
        f'{tmp_path / "page.html"}:1: read 1 table(s) as one paragraph per row, its cells joined by " | ": '
        '"Candidate | Party | Votes" (3 rows): check how they read; election results read best as a `results` block'
    ]


def test_a_chinese_site_s_note_that_readers_comments_speak_for_them_alone_ends_the_article():
    """NetEase sets "readers' comments express their own views, not NetEase's" over its comments: the comments, its
    "no comments yet" and its sections' list followed as the article's."""
    sentence = "ナイジェリア北東部で16日夜、少女を使った自爆攻撃が起き、31人が死亡した。地元当局者が明らかにした。"
    comments = (
        "<p>网友评论仅供其表达个人看法，并不表明网易立场。</p><p>目前没有跟贴，欢迎你发表观点</p>"
        "<p>这群人那个身边没有智囊？</p>"
    )
    story, notices = read_saved("ナイジェリアで自爆攻撃", f"<p>{sentence * 4}</p><p>{sentence * 3}</p>{comments}")
    assert [block.text for block in story.body] == [sentence * 4, sentence * 3]
    assert any("网友评论仅供其表达个人看法" in notice for notice in notices)


@pytest.mark.parametrize("end", ["<p><b>Read more from Jennifer Rubin:</b></p>", "<p>See more photos:</p>"])
def test_a_saved_article_s_lead_in_with_nothing_under_it_is_left_out_and_named(end):
    sentence = "The senators met again on Tuesday to talk about the budget and the vote that follows it next week. "
    story, notices = read_saved("Senate budget talks go on", f"<p>{sentence * 6}</p><p>{sentence.upper() * 6}</p>{end}")
    assert [block.kind for block in story.body] == ["p", "p"]
    assert any(re.sub(r"<[^>]+>", "", end) in notice for notice in notices)  # named as left out


@pytest.mark.parametrize("box", ["<h3>More:</h3>", "<p><strong>Explore:</strong></p>"])
def test_a_saved_article_s_lead_in_whose_list_of_links_is_gone_is_left_out_and_named(box):
    """Al Jazeera's "More:" over three other stories' links, between two paragraphs: the links are left out of the
    article, and the lead-in with them, named; a subhead or a label ending in a colon over the article's own
    paragraph stays."""
    sentence = "The senators met again on Tuesday to talk about the budget and the vote that follows it next week. "
    links = "".join(
        f"<ul><li><h4><a href='https://news.example.org/{n}'>Another story on the budget, part {n}</a></h4></li></ul>"
        for n in range(3)
    )  # fmt: skip  (each a list of one title, as the page sets them)
    article = f"<p>{sentence * 6}</p>{box}{links}<p>{sentence.upper() * 6}</p>"
    story, notices = read_saved("Senate budget talks go on", article)
    assert [block.kind for block in story.body] == ["p", "p"]
    assert any(re.sub(r"<[^>]+>", "", box) in notice for notice in notices)  # named as left out
    for subhead in ("<h3>What happens next:</h3>", "<p><strong>Anfahrt:</strong></p>"):  # over the article's own
        story, _ = read_saved(
            "Senate budget talks go on", f"<p>{sentence * 6}</p>{subhead}<p>{sentence.upper() * 6}</p>"
        )
        assert story.body[1].text == re.sub(r"<[^>]+>", "", subhead)


def test_what_follows_a_short_saved_text_s_end_is_kept_when_cutting_it_would_leave_no_article(tmp_path):
    # A club's page: a short notice, then what the pasted-text reader takes for the page's end ("Newsletter") with
    # more under it. Cut there, too few words would be left to read the page at all: it is read as it was
    first = "Training starts again on Monday at seven, in the hall behind the school."
    letter = "Members receive the club's letter each month with the season's dates, results and news."
    page = f"<html><body><article><h1>Spring training</h1><p>{first}</p><h3>Newsletter</h3><p>{letter}</p></article>"
    story, notices = saved(tmp_path, page + "</body></html>")
    assert [block.text for block in story.body] == [first, "Newsletter", letter]
    assert not [notice for notice in notices if "follows the article's end" in notice]


def test_a_subhead_that_reads_like_a_page_s_end_does_not_end_a_saved_article_that_goes_on_under_it(tmp_path):
    # "Sign up for ..." ends many pages (a newsletter's box); here it is the article's subhead, its text under it
    under = "".join(f"<p>{text}</p>" for text in FERRY[:2])
    page = f"<html><body><article><h1>Bridge to close</h1>{BRIDGE_HTML}<h3>Sign up for a postal vote</h3>{under}"
    story, notices = saved(tmp_path, page + "</article></body></html>")
    assert [block.text for block in story.body] == [*BRIDGE, "Sign up for a postal vote", *FERRY[:2]]
    assert notices == []


def test_a_title_the_page_shows_over_the_article_is_its_headline_not_a_guess(tmp_path):
    """A page with no JSON-LD, Open Graph or <h1> whose <title> ("Headline - Site") it shows, without the site's
    name, in a block right over the article (a <div class="title">, an <h2>: as Baijiahao's and NetEase's pages
    do): the page shows its headline, which is no guess. Shown nowhere, the <title> stands in, flagged."""
    head = "<title>Bridge to close for repairs - Riverside Daily</title>"
    shown = "<div class='title'>Bridge to close for repairs</div>"
    story, notices = saved(tmp_path, f"<html><head>{head}</head><body>{shown}{BRIDGE_HTML}</body></html>")
    assert (story.headline, story.headline_unsure) == ("Bridge to close for repairs", False)
    assert not any("headline is a guess" in notice for notice in notices)
    story, _ = saved(tmp_path, f"<html><head>{head}</head><body><div>Riverside</div>{BRIDGE_HTML}</body></html>")
    assert (story.headline, story.headline_unsure) == ("Bridge to close for repairs", True)


def test_a_saved_page_s_byline_line_read_for_its_author_loses_its_by_and_its_stamp(tmp_path):
    """With no author in JSON-LD or Open Graph, the author comes from the page's byline line, which trafilatura
    splits and capitalises ("Par Ion Popescu; Publié Le"): the byline is the name."""
    byline = "<p class='byline'>Par Ion Popescu, publié le 5 décembre 2026</p>"
    article = f"<article><h1>Bridge</h1>{byline}{BRIDGE_HTML}</article>"
    page = f"<html><head><title>Bridge</title></head><body>{article}</body></html>"
    story, _ = saved(tmp_path, page)
    assert (story.byline, story.date.isoformat()) == ("Ion Popescu", "2026-12-05")


@pytest.mark.parametrize(
    ("given", "byline"),
    [
        ("<meta name='author' content='Doug Stanglin, USA TODAY'>", "Doug Stanglin, USA TODAY"),
        ("<meta name='author' content='www.medianotions.de'>", ""),  # the site's address
        ("<meta name='author' content='Wednesday, January'>", ""),  # a date's words
        ("<meta name='author' content='David Gura, Apr'>", "David Gura"),
        ("<meta name='author' content='View all posts by Daniel Lemire'>", "Daniel Lemire"),
        ("<meta name='author' content='Anna Petrova Published'>", "Anna Petrova"),  # the stamp the byline's date had
        ("<meta name='author' content='Anna Petrova Twitter Email'>", "Anna Petrova"),  # the buttons by the name
        ("<meta name='author' content='Editor December'>", ""),  # a template's placeholder, a date's word
        ("<meta name='author' content='Süddeutsche.de GmbH, Munich, Germany'>", ""),  # the publisher, its address
        ("<meta name='author' content='Текст: Венера Ерофеева'>", "Венера Ерофеева"),
        ("<meta name='author' content='作者：未知 责任编辑：张迪'>", ""),  # "author: unknown", the desk's editor
        ("<meta name='author' content='Name, Email.com'>", ""),  # a comment form's placeholders
        (  # initials glued to the name: a name, no address
            '<script type="application/ld+json">{"@type": "NewsArticle", "author": "J.K.Rowling"}</script>',
            "J.K.Rowling",
        ),
        ("<meta name='author' content='nytimes.co.kr'>", ""),  # an address in a country's own domain
        ("<meta name='author' content='Cindy Mangomini December'>", "Cindy Mangomini"),  # a date's month glued on
        ("<meta name='author' content='Laura June'>", "Laura June"),  # a name
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", "author": [{"name": "Lindsey '
            'O&#039;Donnell"}, {"name": "admin"}]}</script>',
            "Lindsey O'Donnell",
        ),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", "author": "Troy L. Smith, '
            'Cleveland.com"}</script>',
            "Troy L. Smith",
        ),
    ],
)
def test_a_saved_page_s_author_is_a_writer_s_name_or_none(tmp_path, given, byline):
    """What a page's metadata gives as its author is often no writer's name: its address, a date's words, its
    publisher, a template's placeholder, a label. The email would show "By Www Medianotions De": the byline is the
    writers' names, or none."""
    page = f"<html><head>{given}</head><body><article><h1>Bridge</h1>{BRIDGE_HTML}</article></body></html>"
    story, _ = saved(tmp_path, page)
    assert story.byline == byline


@pytest.mark.parametrize(
    ("shown", "date"),
    [
        ("<footer>© 2013 Riverside Daily. All rights reserved.</footer>", None),  # the year alone: no date
        ("<p class='date'>01.01.2013</p><footer>© 2013 Riverside Daily</footer>", "2013-01-01"),  # the day shown
        ("<p class='date'>January 1, 2013</p>", "2013-01-01"),
    ],
)
def test_a_year_alone_on_the_page_is_no_date(tmp_path, shown, date):
    """With no date in the page's metadata, trafilatura reads a year alone (a copyright line's, a picture's address)
    as 1 January: the story was dated "January 1, 2013". A page that shows that day keeps it."""
    page = f"<html><head><title>Bridge</title></head><body><article><h1>Bridge</h1>{BRIDGE_HTML}</article>{shown}"
    story, notices = saved(tmp_path, page + "</body></html>")
    assert (story.date.isoformat() if story.date else None) == date
    assert bool([n for n in notices if "left out the date 2013-01-01 trafilatura read" in n]) == (date is None)


@pytest.mark.parametrize("placeholder", ["0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "1900-01-01"])
def test_a_template_s_placeholder_date_is_no_date_and_the_page_s_own_stands_in(tmp_path, placeholder):
    """A template with no date writes its platform's least one in JSON-LD: the story was dated "1 January 1"."""
    about = f'{{"@type": "NewsArticle", "datePublished": "{placeholder}"}}'
    head = f'<script type="application/ld+json">{about}</script>'
    shown = "<p class='date'><time datetime='2026-11-20'>November 20, 2026</time></p>"
    page = f"<html><head>{head}</head><body><article><h1>Bridge</h1>{shown}{BRIDGE_HTML}</article></body></html>"
    story, _ = saved(tmp_path, page)
    assert story.date is not None and story.date.isoformat() == "2026-11-20"
    story, _ = saved(tmp_path, page.replace(shown, ""))
    assert story.date is None


def test_characters_the_page_itself_could_not_read_are_left_out_of_the_body_and_named(tmp_path):
    """A page saved with broken characters in its text ("������", an emoji its site broke): the story would carry
    them into the email, where `check` refuses them and no reader can tell what they were. The saved page's reader
    and the pasted text's leave them out and say how many, and where."""
    broken = BRIDGE[0].replace("Tuesday to", "Tuesday \ufffd\ufffd\ufffd to")
    article = "".join(f"<p>{text}</p>" for text in [broken, *BRIDGE[1:]])
    head = "<html><head><title>Bridge to close</title></head><body><article><h1>Bridge to close</h1>"
    page = f"{head}{article}</article></body></html>"
    story, notices = saved(tmp_path, page)
    assert story.body[0].text == BRIDGE[0]
    assert [n for n in notices if "left out 3 broken character(s) (�) in 1 paragraph(s)" in n], notices
    from newsletter.readers.text import parse_page

    notices_: list = []
    story = parse_page("Bridge to close\n" + "\n".join([broken, *BRIDGE[1:]]) + "\n", "pasted.txt", notices_).stories[0]
    assert story.body[0].text == BRIDGE[0]
    assert [n for n in notices_ if "left out 3 broken character(s)" in n.message]


def test_a_part_of_a_page_opening_with_a_table_is_read_as_a_browser_reads_it(tmp_path):
    """What the browser copies of a selection, saved as a file, has no <html> around it and may open with a
    <table> (a portal's layout): it was "cannot be read as HTML: save the article from the browser", though it is
    HTML and holds the article. It is now read inside a body."""
    article = "".join(f"<p>{text}</p>" for text in BRIDGE)
    story, _ = saved(tmp_path, f'<table width="950"><tr><td><h1>Bridge to close</h1>{article}</td></tr></table>')
    assert story.headline == "Bridge to close"
    assert all(text in " ".join(block.text for block in story.body) for text in BRIDGE)


def test_a_tag_of_thousands_of_attributes_is_read_bare_and_named(tmp_path):
    """A start tag of 5,000 attributes (libxml2 checks each against all before it: 40,000 took 16 s to parse) is
    no page's markup: its attributes are left out, and said to be; its text stays. A picture inlined as data, one
    long attribute, is kept whole."""
    flood = " ".join(f"a{k}='v'" for k in range(5_000))
    inlined = "data:image/png;base64," + "QUJD" * 2_000
    article = "".join(f"<p>{text}</p>" for text in BRIDGE)
    head = "<html><head><title>Bridge to close</title></head><body><article><h1>Bridge to close</h1>"
    tail = f"<p {flood}>The mayor will speak on Friday.</p><img src='{inlined}' alt='x'></article></body></html>"
    page = head + article + tail
    from newsletter.readers.html import without_attribute_floods

    assert without_attribute_floods(page)[1] == 1 and inlined in without_attribute_floods(page)[0]
    story, notices = saved(tmp_path, page)
    assert "The mayor will speak on Friday." in [block.text for block in story.body]
    assert [n for n in notices if "left out the attributes of 1 tag(s) holding over 1,000 each" in n], notices


@pytest.mark.parametrize("label", ["TRENDING:", "SHARE THIS ARTICLE:"])
def test_a_label_in_capitals_over_the_first_paragraph_is_no_dateline(tmp_path, label):
    """A label written as a dateline with a colon is ("NEW DELHI:") stays the page's line: left out and named, not
    joined to the first paragraph as the datelines above are."""
    page = f"<html><body><article><h1>Bridge to close</h1><p>{label}</p>{BRIDGE_HTML}</article></body></html>"
    story, notices = saved(tmp_path, page)
    assert [block.text for block in story.body] == BRIDGE
    assert story.opening == BRIDGE[0]
    assert any(label in notice for notice in notices), notices


def test_a_page_of_thousands_of_blocks_is_read_by_the_first_pass_alone_and_says_so(tmp_path):
    """A page flooded with blocks (6,000 one-word headings in its sidebar: a broken template, or a hostile page)
    is read without trafilatura's second reader, whose time grows with the square of their number (10,000 took 18 s,
    200,000 would take hours); the notice says so and asks for a check. The article is still the story's."""
    flood = "".join("<h2>Topic</h2>" for _ in range(6_000))
    page = f"<html><body><h1>Bridge to close</h1><article>{BRIDGE_HTML}</article><aside>{flood}</aside></body></html>"
    story, notices = saved(tmp_path, page)
    assert story.headline == "Bridge to close"
    assert [block.text for block in story.body] == BRIDGE
    assert any(re.search(r"holds 6,0\d\d blocks of text.*second reader", notice) for notice in notices)
