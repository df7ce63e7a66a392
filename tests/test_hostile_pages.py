"""Broken and hostile pages through the editor's hand-off (`import`, then `build`): each becomes a story, with what
was wrong named, or one line naming the page; never a traceback, a hang or a refusal for the wrong reason."""

from __future__ import annotations

import pytest

ARTICLE = "".join(
    f"<p>{sentence} The council met on Tuesday to vote on the budget for the coming year, and it passed.</p>"
    for sentence in (
        "The vote came late in the evening.",
        "Two members asked for more time to read the plan.",
        "The mayor said the roads would come first.",
        "Schools get a larger share than last year.",
        "The library keeps its Sunday hours.",
        "A public hearing is set for next month.",
    )
)


def saved_page(head: str = "", body: str = "") -> str:
    return (
        "<!doctype html><html><head><title>Council passes the budget | Riverside Gazette</title>"
        f"{head}</head><body><article><h1>Council passes the budget</h1>{ARTICLE}{body}</article></body></html>"
    )


def imported(workdir, cli, page: str) -> tuple[str, str]:
    """`import page.html --to issue --lead` of `page`, which must succeed: what it said, and the story it wrote."""
    (workdir / "page.html").write_text(page, "utf-8")
    result = cli("import", "page.html", "--to", "issue", "--lead")
    assert result.exit_code == 0, result.output
    return result.output, (workdir / "issue" / "01-council-passes-the-budget.md").read_text()


def test_a_lone_surrogate_escape_in_json_ld_is_a_broken_character_flagged_not_a_refused_page(workdir, cli):
    # A site that cut its headline inside an emoji: JSON's "\ud83d" without the half after it
    json_ld = '{"@type": "NewsArticle", "headline": "Council passes the budget \\ud83d"}'
    script = f'<script type="application/ld+json">{json_ld}</script>'
    said, story = imported(workdir, cli, saved_page(script))
    assert (
        "page.html:1: the headline is a guess: it holds characters the page's charset could not read (�) "
        "(Council passes the budget �)"
    ) in said
    assert "headline: Council passes the budget �\n" in story
    built = cli("build", "issue", "--out", "out", "--date", "2026-12-06")
    assert built.exit_code == 0, built.output


def test_a_control_character_escaped_in_json_ld_is_taken_out_and_the_headline_flagged(workdir, cli):
    # JSON's "\u0001" in a headline (a CMS's stray byte): no text holds it, and taking it out is a change to the
    # headline the page names, which the editor sees, as a broken character is shown (above); it had gone unsaid
    json_ld = '{"@type": "NewsArticle", "headline": "Council passes\\u0001 the budget\\u007f"}'
    said, story = imported(workdir, cli, saved_page(f'<script type="application/ld+json">{json_ld}</script>'))
    assert (
        "page.html:1: the headline is a guess: the page wrote control character(s) into it (U+0001, U+007F), taken "
        "out (Council passes the budget)"
    ) in said
    assert "headline: Council passes the budget\n# The reader was not sure" in story


@pytest.mark.parametrize(
    ("head", "said", "kept"),
    [
        ('<script type="application/ld+json">{"@type": "NewsArticle", "author": {"name": "Ana\\u0001 Ruiz"}, '
         '"image": {"url": "https://gazette.example/chamber.jpg", "caption": "The chamber\\u0002 at night", '
         '"creditText": "Jo Smith"}}</script>',
         "the page wrote control character(s) into its byline and caption (U+0001, U+0002), taken out",
         "  alt: The chamber at night\ncaption: The chamber at night\ncredit: Jo Smith\nbyline: Ana Ruiz\n"),
        ('<meta property="og:image" content="https://gazette.example/chamber.jpg">'
         '<meta property="og:image:alt" content="The chamber\u0090 at night">',
         "the page wrote control character(s) into its alt text (U+0090), taken out",
         "  alt: The chamber at night\n"),
    ],
)  # fmt: skip
def test_control_characters_in_a_byline_or_a_picture_s_text_are_taken_out_and_named(workdir, cli, head, said, kept):
    # As a headline's are (above): JSON-LD's escapes ("\u0001") and an attribute's C1 control reach the story's
    # byline, caption, credit and alt text, which no text holds; they had been taken out without a word
    output, story = imported(workdir, cli, saved_page(head))
    assert f"page.html:1: {said}" in output
    assert kept in story


DEEP = "<div>" * 300 + "Share this" + "</div>" * 300  # past the 256 levels libxml2 reads, which drops the rest


def test_tags_nested_past_the_parser_after_the_article_leave_out_the_rest_of_the_page_named(workdir, cli):
    said, story = imported(workdir, cli, saved_page(body=f"\n<aside>\n{DEEP}</aside>"))
    assert (
        "page.html:3: left out the rest of the page from this line: its tags nest deeper than the HTML parser reads "
        "(256 levels)"
    ) in said
    assert "A public hearing is set for next month." in story


def test_tags_nested_past_the_parser_before_the_article_are_the_reason_the_page_holds_none(workdir, cli):
    (workdir / "page.html").write_text(saved_page().replace("<article>", f"<nav>\n{DEEP}\n</nav><article>"), "utf-8")
    imported = cli("import", "page.html", "--to", "issue", "--lead")
    assert (imported.exit_code, imported.output) == (
        1,
        "error: page.html: holds no article (0 words of text found; too little text for an article; the page after "
        "line 2 is not read: its tags nest deeper than the HTML parser reads (256 levels))\n",
    )
    assert not (workdir / "issue").exists()


@pytest.mark.parametrize("reference", ["&#11;", "&#x1F;", "&#xFFFE;", "&#65535;"])
def test_a_character_reference_no_xml_text_holds_is_left_out_and_the_article_read_whole(workdir, cli, reference):
    # &#11;: a word processor's line break, kept by a site's editor. libxml2 reads each into the page's tree, and
    # lxml refuses it when trafilatura sets a text it rewrote: trafilatura dropped the article it had found (the
    # page was read again from its text, without its marks), or stopped the import with an internal error
    from newsletter.readers.html import load_page

    page = saved_page().replace("The library keeps", f"The library <i>{reference}keeps</i>")
    for element in load_page(page).iter():
        element.text = element.text  # as trafilatura does
    (workdir / "page.html").write_text(page, "utf-8")
    imported = cli("import", "page.html", "--to", "issue", "--lead")
    assert imported.exit_code == 0, imported.output
    assert (
        "The library *keeps* its Sunday hours." in (workdir / "issue" / "01-council-passes-the-budget.md").read_text()
    )


@pytest.mark.parametrize("kind", ["5", '{"@id": "#article"}', "null"])
def test_json_ld_whose_type_is_no_name_is_passed_over(workdir, cli, kind):
    script = f'<script type="application/ld+json">{{"@type": {kind}, "headline": "Not this"}}</script>'
    assert "wrote issue/01-council-passes-the-budget.md" in imported(workdir, cli, saved_page(script))[0]


@pytest.mark.parametrize(
    ("key", "head"),
    [
        ("og:title", '<meta property="og:title" content="{text}">'),
        ("JSON-LD headline",
         '<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{text}"}}</script>'),
    ],
)  # fmt: skip
def test_a_headline_the_page_names_past_a_headline_s_length_is_left_out_and_its_h1_stands(workdir, cli, key, head):
    """A page whose og:title or JSON-LD headline runs to 600 characters (a description, or the article put there)
    names no headline it could mean: the editor cannot shorten a page's metadata, so it is left out and named, and
    the page's <h1> is the headline. The import had refused the page ('the headline is 600 characters long ...;
    shorten it')."""
    said, story = imported(workdir, cli, saved_page(head.format(text="Budget " * 85 + "vote")))
    assert f"page.html:1: left out the page's {key}, 599 characters long, longer than a headline may be" in said
    assert "headline: Council passes the budget\n" in story


# 8,091 characters: past the 8,000 of a story's link, short of the 8,192 past which trafilatura sees no picture
LONG_LINK = "https://gazette.example/pictures/" + "budget-" * 1150 + "vote.jpg"


@pytest.mark.parametrize(
    ("head", "body", "said"),
    [
        (f'<meta property="og:image" content="{LONG_LINK}">', "",
         "left out the page's lead image \"https://gazette.example/pictures/budget-budget-budget-budge…\", 8,091 "
         "characters long, longer than a link may be"),
        (f'<script type="application/ld+json">{{"@type": "NewsArticle", "image": "{LONG_LINK}"}}</script>', "",
         "left out the page's lead image \"https://gazette.example/pictures/budget-budget-budget-budge…\", 8,091 "
         "characters long, longer than a link may be"),
        (f'<meta property="og:url" content="{LONG_LINK}">', "",
         "left out the page's canonical URL \"https://gazette.example/pictures/budget-budget-budget-budge…\", 8,091 "
         "characters long, longer than a link may be"),
        ("", f'<img src="{LONG_LINK}" alt="The council chamber">',
         "left out the article's picture \"The council chamber\": its link is 8,091 characters long, longer than a "
         "link may be"),
    ],
)  # fmt: skip
def test_a_link_past_a_link_s_length_is_left_out_and_named_and_the_article_read(workdir, cli, head, body, said):
    """A lead image, canonical URL or article picture whose link runs past the 8,000 characters a story's link may
    have (a picture inlined into its address, a tracker's query): the import had refused the whole page ('the
    image.src is 8,091 characters long ...; shorten it'), which the editor cannot do to a page's metadata."""
    page = saved_page(head).replace("</h1>", f"</h1>{body}")
    output, story = imported(workdir, cli, page)
    assert f"page.html:1: {said}" in output
    assert "url: ''\nimage:\n  src: ''\n" in story
    assert "A public hearing is set for next month." in story


def with_pictures(workdir, cli, pictures: str) -> tuple[str, str]:
    """`imported` of a page with `pictures` (their <img>s) under its <h1>, its canonical link given."""
    page = saved_page('<link rel="canonical" href="https://gazette.example/budget">')
    return imported(workdir, cli, page.replace("</h1>", f"</h1>{pictures}"))


# What stands in for an article picture left out: nothing, else the next picture (after it on the page)
STANDS_IN = [
    ("", "image:\n  src: ''\n"),
    (
        '<img src="/pictures/chamber.jpg" alt="The chamber at night">',
        "image:\n  src: https://gazette.example/pictures/chamber.jpg\n  alt: The chamber at night\n",
    ),
]


@pytest.mark.parametrize(("after", "image"), STANDS_IN)
@pytest.mark.parametrize(
    "picture",
    ['<img src="{link}" alt="The council">',
     '<img src="/images/lazy_placeholder.gif" data-src="{link}" alt="The council">',
     '<img src="/blank.gif" data-srcset="{link} 1200w" alt="The council">'],
    ids=["src", "data-src", "data-srcset"],
)  # fmt: skip
def test_an_article_picture_whose_link_trafilatura_cannot_read_is_named_and_the_next_stands_in(
    workdir, cli, picture, after, image
):
    """An article picture whose link runs past the 8,192 characters trafilatura reads as a picture's (a tracker's
    query): it had been passed over without a word, the next picture standing in as if it were the first. In a
    lazily loaded picture's data-src or data-srcset, under a placeholder the page shows while it loads, it was named
    for the placeholder's sake ('set aside 1 small or linked picture(s) in the article as icons ...'): the placeholder
    is no picture, the link's length is why the picture is left out."""
    link = "https://gazette.example/pictures/budget.jpg?track=" + "x" * 9_000
    said, story = with_pictures(workdir, cli, picture.format(link=link) + after)
    assert (
        'page.html:1: left out the article\'s picture "The council": its link is 9,050 characters long, longer than '
        "a link may be"
    ) in said
    assert image in story
    assert "picture(s) in the article are left out" not in said
    assert "set aside" not in said


FIGURE = '<figure><img src="/pictures/chamber.jpg" alt="{alt}"><figcaption>{caption}</figcaption></figure>'
OG_IMAGE = '<meta property="og:image" content="https://gazette.example/pictures/chamber.jpg">'


@pytest.mark.parametrize(
    ("head", "figure", "said", "kept"),
    [
        ("", FIGURE.format(alt="The chamber " * 4_200, caption="The council chamber at night"),
         "left out the lead image's alt text, 50,399 characters long, longer than an alt text may be",
         "  alt: The council chamber at night\ncaption: The council chamber at night\n"),
        (f'{OG_IMAGE}<meta property="og:image:alt" content="{"The chamber " * 4_200}">', "",
         "left out the lead image's alt text, 50,399 characters long, longer than an alt text may be",
         "  alt: ''\ncaption: ''\n"),
        ("", FIGURE.format(alt="The chamber", caption="The chamber " * 200),
         "left out the lead image's caption, 2,399 characters long, longer than a caption may be",
         "  alt: The chamber\ncaption: ''\n"),
        ("", FIGURE.format(alt="The chamber", caption=f'At night <span class="credit">{"Jo Smith " * 60}</span>'),
         "left out the lead image's credit, 539 characters long, longer than a credit may be",
         "caption: At night\ncredit: ''\n"),
    ],
)  # fmt: skip
def test_a_lead_image_s_text_past_its_length_is_left_out_and_named_and_the_article_read(workdir, cli, head, figure,
                                                                                        said, kept):  # fmt: skip
    """A lead picture's alt text of 50,000 characters (an article pasted into it), a caption or a credit past what a
    story's may hold: the import had refused the page ('the image.alt is 50,399 characters long ...; shorten it'),
    which the editor cannot do to a page. What stands in for it does (the caption for the alt text), else nothing."""
    page = saved_page(f'<link rel="canonical" href="https://gazette.example/budget">{head}')
    output, story = imported(workdir, cli, page.replace("</p>", f"</p>{figure}", 1))
    assert f"page.html:1: {said}" in output
    assert "image:\n  src: https://gazette.example/pictures/chamber.jpg\n" in story
    assert kept in story
    assert "A public hearing is set for next month." in story


def test_a_title_past_a_headline_s_length_with_nothing_to_stand_in_is_left_out_and_the_build_derives_one(workdir, cli):
    """A page whose <title> is its article's opening, 600 characters, and names no other headline (no JSON-LD, Open
    Graph or <h1>): the <title> is left out and named, and the story has no headline, as a page naming none has; the
    build makes one of its first sentence, and says so. The import had refused the page ('the headline is 600
    characters long ...; shorten it'), which the editor cannot do to a page's <title>."""
    title = "Budget " * 85 + "vote"
    page = saved_page().replace(
        "<title>Council passes the budget | Riverside Gazette</title>", f"<title>{title}</title>"
    )
    (workdir / "page.html").write_text(page.replace("<h1>Council passes the budget</h1>", ""), "utf-8")
    imported = cli("import", "page.html", "--to", "issue", "--lead")
    assert imported.exit_code == 0, imported.output
    assert "page.html:1: left out the page's <title>, 599 characters long, longer than a headline may be" in (
        imported.output
    )
    assert "fill in the empty url and headline and image field(s)" in imported.output
    built = cli("build", "issue", "--out", "out", "--date", "2026-12-06")
    assert built.exit_code == 0, built.output
    assert (
        "issue/01-the-vote-came-late-in-the-evening.md:1: no headline: the first sentence of its body stands in as "
        "its title (The vote came late in the evening.)"
    ) in built.output


LONG_H1 = "Budget " * 85 + "vote"  # 599 characters: past a headline's 500


def test_an_h1_past_a_headline_s_length_is_not_the_headline_and_the_title_stands_in(workdir, cli):
    """A page whose <h1> runs to 600 characters (its standfirst set inside it, a heading left unclosed) and names no
    other headline: its <title> stands in, flagged, and the <h1> is named; the article opens with it as a subhead, as
    trafilatura keeps it, so no word of the page is lost. The import had refused the page ('the headline is 599
    characters long, over the 500 a headline may have; shorten it'), which the editor cannot do to a page. The flag
    says why the <title> stands in: the <h1> is too long (it had said 'no <h1> by the article')."""
    said, story = imported(workdir, cli, saved_page().replace(">Council passes the budget</h1>", f">{LONG_H1}</h1>"))
    assert (
        "page.html:1: the page's <h1> is 599 characters long, longer than a headline may be: the article opens with "
        "it as a subhead"
    ) in said
    assert (
        "page.html:1: the headline is a guess: the page names none (no JSON-LD or Open Graph headline; its <h1> is too "
        'long to be one): its <title> "Council passes the budget | Riverside Gazette" stands in, without the site\'s '
        "name (Council passes the budget)"
    ) in said
    assert "headline: Council passes the budget\n" in story
    assert f"## {LONG_H1}\n\nThe vote came late in the evening." in story


def test_an_h1_past_a_headline_s_length_with_no_title_leaves_the_headline_to_the_page_s_text_and_says_so(workdir, cli):
    """No <title> (as in a page copied from the browser): the line the pasted-text reader chooses from the page's text
    stands in, flagged, and the flag says the <h1> is too long to be the headline; it had said the page has none ('no
    JSON-LD, Open Graph, <h1> or <title>')."""
    page = saved_page().replace("<title>Council passes the budget | Riverside Gazette</title>", "")
    page = page.replace("<h1>Council passes the budget</h1>", f"<h1>{LONG_H1}</h1><h2>Council passes the budget</h2>")
    said, story = imported(workdir, cli, page)
    assert (
        "page.html:1: the headline is a guess: the page names none (no JSON-LD, Open Graph or <title>; its <h1> is too "
        "long to be one): it is the likeliest line of the page's text (Council passes the budget)"
    ) in said
    assert "headline: Council passes the budget\n" in story


def test_an_h1_past_a_headline_s_length_away_from_the_article_is_left_out_under_the_named_headline(workdir, cli):
    page = saved_page('<meta property="og:title" content="Council passes the budget">').replace(
        "<article><h1>Council passes the budget</h1>", f"<header><h1>{LONG_H1}</h1></header><nav></nav><article>"
    )
    said, story = imported(workdir, cli, page)
    assert "page.html:1: left out the page's <h1>, 599 characters long, longer than a headline may be" in said
    assert "headline: Council passes the budget\n" in story
    assert "Budget Budget" not in story


def test_an_h1_past_a_headline_s_length_with_nothing_to_stand_in_leaves_the_story_without_one(workdir, cli):
    """No <title>, JSON-LD or Open Graph headline beside an <h1> of 600 characters: the story has no headline, as a
    page naming none has, and the build makes one of its first sentence and says so."""
    page = saved_page().replace("<title>Council passes the budget | Riverside Gazette</title>", "")
    (workdir / "page.html").write_text(page.replace(">Council passes the budget</h1>", f">{LONG_H1}</h1>"), "utf-8")
    imported = cli("import", "page.html", "--to", "issue", "--lead")
    assert imported.exit_code == 0, imported.output
    assert "page.html:1: the page's <h1> is 599 characters long, longer than a headline may be" in imported.output
    assert "fill in the empty url and headline and image field(s)" in imported.output
    built = cli("build", "issue", "--out", "out", "--date", "2026-12-06")
    assert built.exit_code == 0, built.output
    assert ": no headline: the first sentence of its body stands in as its title (Budget Budget" in built.output


def test_a_stray_nul_in_a_page_is_removed_and_named_and_the_page_read(workdir, cli):
    """A NUL byte in a page's first 4 KB (a copy cut short and mended, a tool's stray byte): a browser reads the page
    without it, and so does the import, naming it. It had been refused as 'not an HTML page: save the article from
    the browser as ...', which it is; a file that does not open as a page does is refused as binary (test_read_html)."""
    said, story = imported(workdir, cli, saved_page().replace("<article>", "\n<article>\x00"))
    assert "page.html:2: removed 1 invisible character(s) (U+0000)" in said
    assert "The vote came late in the evening." in story


def test_a_binary_file_named_html_is_refused_as_binary(workdir, cli):
    (workdir / "page.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR<p>" + bytes(range(256)))
    imported = cli("import", "page.html", "--to", "issue")
    assert (imported.exit_code, imported.output) == (
        1,
        "error: page.html: is not an HTML page: it holds NUL bytes, as a binary file does (a picture, a PDF, a .docx), "
        "or text saved as UTF-16 without a BOM; save the article from the browser as 'Webpage, HTML only'\n",
    )


def inline_picture(width: int, height: int) -> str:
    """A PNG of `width` × `height` written into a page as a data: URL."""
    import base64
    import io

    from PIL import Image

    data = io.BytesIO()
    Image.new("RGB", (width, height), (30, 90, 160)).save(data, "PNG")
    return "data:image/png;base64," + base64.b64encode(data.getvalue()).decode("ascii")


@pytest.mark.parametrize(("after", "image"), STANDS_IN)
def test_an_article_picture_written_into_the_page_is_named_as_left_out(workdir, cli, after, image):
    """A chart a page's editor pasted into the article, its src a data: URL (the picture's bytes, no address): a story
    links its picture, and this one has no address to link, so it is left out; it had been passed over without a
    word, the next picture standing in as if it were the article's first. What stands in while a picture loads (a
    1x1 GIF written so) is no picture, and goes unnamed as before."""
    chart = f'<img src="{inline_picture(640, 400)}" alt="The vote, ward by ward">'
    pixel = '<img src="data:image/gif;base64,R0lGODlhAQABAIAAAAUEBAAAACwAAAAAAQABAAACAkQBADs" alt="">'
    said, story = with_pictures(workdir, cli, f"{pixel}{chart}{after}")
    assert (
        "page.html:1: left out 1 picture(s) in the article written into the page itself (data: URLs), at no address "
        'a story can link to: "The vote, ward by ward"'
    ) in said
    assert image in story
    assert "data:" not in story
