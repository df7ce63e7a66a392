"""A pasted page whose address the editor gives, and lets the desk read: the headline the page there names settles
the paste's (readers/named.py). The pages are served by a real HTTP server on 127.0.0.1, and the pastes are shaped
as issue 21 names them: a counter and a kicker over the headline; the paste started at the article; an
address that is another story's; a page that cannot be read, or names no headline plainly.
"""

from __future__ import annotations

import pytest
from http_server import page, redirect, serve

from newsletter.readers.pasted import parse_pasted

HEADLINE = "Coalition loses upper house majority"
OPENING = [
    "The governing coalition lost its majority in the upper house on Sunday after two senators quit the party over "
    "the budget, leaving the government to seek the votes of independents on every bill.",
    "Opposition leaders called for an early election and said the coalition had lost its mandate, while analysts "
    "said the budget would now need at least three of the upper house's independents to pass.",
]
TOP = ["Skip to content", "0 Shares", "Budget week: what to watch next"]
PASTE = "\n".join([*TOP, HEADLINE, "By Anna Petrova", "12 March 2026", *OPENING]) + "\n"


def article_page(headline: str = HEADLINE, *, named: bool = True, paragraphs: list[str] = OPENING) -> bytes:
    """The page as its site serves it: its Open Graph headline (when it `named` one), its <h1> and the article."""
    meta = f'<meta property="og:title" content="{headline} | Daily">' if named else ""
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    h1 = f"<h1>{headline}</h1>" if named else ""
    return (f"<html><head><title>{headline} | Daily</title>{meta}</head><body><nav>News Sport</nav>"
            f"<article>{h1}{body}</article></body></html>").encode()  # fmt: skip


def read(text: str, address: str, look: bool = True):
    notices: list = []
    story = parse_pasted(text, "page.txt", notices, address=address, look=look).stories[0]
    return story, [notice.message for notice in notices]


def test_the_headline_the_page_names_picks_the_line_over_a_counter_and_a_kicker():
    """An address of numbers spells nothing: the text alone leaves the kicker close; the page settles it."""
    with serve({"/2026/03/12/a-1234": page(article_page())}) as server:
        address = f"{server.url}/2026/03/12/a-1234"
        story, said = read(PASTE, address, look=False)
        assert story.headline == HEADLINE and story.headline_unsure, said  # a guess: the kicker comes close
        story, said = read(PASTE, address)
        assert server.hits["/2026/03/12/a-1234"] == 1  # fetched once, only when the editor lets it
    assert story.headline == HEADLINE and not story.headline_unsure, said
    assert not [message for message in said if "guess" in message], said
    assert story.byline == "Anna Petrova" and story.body[0].text == OPENING[0]


def test_a_paste_that_starts_at_the_article_takes_the_page_s_headline_and_says_so():
    with serve({"/story": page(article_page())}) as server:
        story, said = read("\n".join(OPENING), f"{server.url}/story")
    assert story.headline == HEADLINE and not story.headline_unsure
    assert [m for m in said if m.startswith("the headline is the one the page at its address names")], said


def test_another_story_s_address_flags_the_headline_and_names_the_page_s():
    other = "Storm closes the coastal highway for a week"
    weather = ["The storm brought down trees along the coastal highway, which will stay closed for a week while "
               "crews clear it, the transport department said on Monday."] * 2  # fmt: skip
    with serve({"/weather": page(article_page(other, paragraphs=weather))}) as server:
        story, said = read("\n".join(OPENING), f"{server.url}/weather")
    assert story.headline_unsure and story.headline != other
    assert [m for m in said if "is headed" in m and other in m and "shares few words" in m], said


def test_a_page_that_cannot_be_read_leaves_the_text_s_own_choice_and_says_why():
    with serve({"/gone": page(b"Not here", "text/html", status=404)}) as server:
        story, said = read(PASTE, f"{server.url}/gone")
    assert story.headline == HEADLINE and story.headline_unsure  # the text's own evidence, a guess as before
    assert [m for m in said if m.startswith("the page at its address could not be read") and "404" in m], said


def test_a_redirect_to_an_address_nobody_typed_is_not_followed():
    with serve({"/moved": redirect("http://169.254.169.254/latest/meta-data/")}) as server:
        story, said = read(PASTE, f"{server.url}/moved")
    assert story.headline_unsure
    assert [m for m in said if m.startswith("the page at its address could not be read")], said


def test_a_title_standing_in_counts_only_when_it_speaks_of_the_article():
    """A page naming no headline plainly: its <title> without the site's name stands in. The section's title a
    line of the paste repeats is no evidence; the article's own is."""
    section = "Politics and Government News"
    paste = "\n".join(["Skip to content", section, "0 Shares", HEADLINE, *OPENING]) + "\n"
    with serve({"/s": page(article_page(section, named=False)), "/a": page(article_page(named=False))}) as server:
        story, _ = read(paste, f"{server.url}/s")
        assert story.headline == HEADLINE  # the section's line is not taken for the headline
        story, said = read(PASTE, f"{server.url}/a")
    assert story.headline == HEADLINE and not story.headline_unsure, said


def test_a_paywalled_page_too_short_for_an_article_still_names_its_headline():
    wall = article_page(paragraphs=["Subscribe to read this article."])
    with serve({"/paid": page(wall)}) as server:
        story, said = read(PASTE, f"{server.url}/paid")
    assert story.headline == HEADLINE and not story.headline_unsure, said


def test_a_headline_longer_than_a_headline_may_be_is_no_evidence():
    """A page naming 600 characters as its headline would make a story no build takes: the text's own choice stands."""
    with serve({"/long": page(article_page(HEADLINE + " and more" * 70))}) as server:
        story, said = read("\n".join(OPENING), f"{server.url}/long")
    assert story.headline.startswith("The governing coalition lost its majority") and story.headline_unsure, said
    assert [m for m in said if m.startswith("no headline found above the article")], said


def test_a_page_the_editor_stops_reading_leaves_the_paste_s_own_headline_and_says_so():
    """The site does not answer (it holds the request until the test lets it go); the editor stops the wait (the
    desk's "Stop reading"): the paste is read at once with the headline its lines give, and a notice says the page
    was not read because the editor stopped it (not that the fetch's deadline passed: the site holds 30 s)."""
    import threading

    released, stop = threading.Event(), threading.Event()

    def holds(handler) -> None:
        released.wait(30)
        page(article_page())(handler)

    with serve({"/2026/03/12/a-1234": holds}) as server:
        timer = threading.Timer(0.3, stop.set)  # the editor clicks "Stop reading"
        timer.start()
        notices: list = []
        address = f"{server.url}/2026/03/12/a-1234"
        story = parse_pasted(PASTE, "page.txt", notices, address=address, look=True, stop=stop).stories[0]
        released.set()
        timer.join()
        assert server.hits["/2026/03/12/a-1234"] == 1  # the page was asked for, and its answer not waited for
    assert (story.headline, story.headline_unsure) == (HEADLINE, True)  # the text's own guess, flagged
    said = [notice.message for notice in notices]
    assert any("was not read (you stopped it)" in message for message in said), said


def test_a_title_standing_in_takes_the_place_of_the_paste_s_guess_and_is_flagged():
    """A paste that starts under the headline leaves a section's label the likeliest line, a guess; a page naming no
    headline plainly has its <title> (the site's name cut off), which speaks of the article: it takes the guess's
    place, flagged still, and the warning names the text's line beside it. A sure choice of the text stands."""
    paste = "\n".join(["Skip to content", "Politics", "By Anna Petrova", *OPENING]) + "\n"
    with serve({"/a": page(article_page(named=False))}) as server:
        story, said = read(paste, f"{server.url}/a", look=False)
        assert story.headline == "Politics" and story.headline_unsure, said
        notices: list = []
        story = parse_pasted(paste, "page.txt", notices, address=f"{server.url}/a", look=True).stories[0]
        assert story.headline == HEADLINE and story.headline_unsure
        guesses = [notice for notice in notices if "stands in for the pasted text's likeliest line" in notice.message]
        assert len(guesses) == 1 and guesses[0].choices == ["Politics"], [n.message for n in notices]
    title = "Coalition loses its upper house majority as two senators quit"
    sure = "\n".join(["Skip to content", HEADLINE, "By Anna Petrova", "12 March 2026", *OPENING]) + "\n"
    with serve({"/t": page(article_page(title, named=False))}) as server:
        story, said = read(sure, f"{server.url}/t")
    assert story.headline == HEADLINE and not story.headline_unsure, said


def test_a_sure_line_the_page_s_title_does_not_say_is_flagged_and_the_title_named():
    """The pasted text is sure of its line, under the byline and the date; the page names no headline plainly, and
    its <title> (the site's name cut off) speaks of the article but says something else: the line may be a deck or
    another story's, so the choice is flagged, the title named beside it. A title that says what the line says
    (test above) leaves it sure."""
    line = "Independents will now decide every bill the government brings"
    paste = "\n".join(["Skip to content", line, "By Anna Petrova", "12 March 2026", *OPENING]) + "\n"
    with serve({"/a": page(article_page(named=False))}) as server:
        story, said = read(paste, f"{server.url}/a", look=False)
        assert story.headline == line and not story.headline_unsure, said  # the text alone is sure
        notices: list = []
        story = parse_pasted(paste, "page.txt", notices, address=f"{server.url}/a", look=True).stories[0]
    assert story.headline == line and story.headline_unsure
    guesses = [notice for notice in notices if "is titled" in notice.message and HEADLINE in notice.message]
    assert len(guesses) == 1 and guesses[0].choices == [HEADLINE], [notice.message for notice in notices]


@pytest.mark.parametrize(
    ("kicker", "shown"),
    [
        ('<span class="kicker">Budget</span>', "Budget"),  # a word over the headline: the line is the page's, nearly
        ('<span class="kicker"><span class="sr-only">Topic: </span>Budget week</span>', "Topic: Budget week"),
    ],
)
def test_a_line_that_shows_the_page_s_kicker_before_its_headline_gives_the_page_s_headline(kicker, shown):
    """The page's <h1> sets its kicker apart (with a word only a screen reader hears); a page saved with no
    stylesheet shows them on the headline's line, as pasted. The page read, the headline is the page's, without
    them."""
    served = article_page(named=False).replace(b"<article>", f"<article><h1>{kicker} {HEADLINE}</h1>".encode())
    paste = "\n".join(["Skip to content", f"{shown} {HEADLINE}", "By Anna Petrova", *OPENING]) + "\n"
    with serve({"/k": page(served)}) as server:
        story, said = read(paste, f"{server.url}/k")
    assert story.headline == HEADLINE and not story.headline_unsure, said
