"""What makes a chosen headline a guess that its score cannot show: a short title standing right over it (a magazine's
title over its subtitle, or a kicker over the headline), a live page's posts, each under its time and over its
paragraphs, of which it heads the first; and what is left when the headline is not in the paste: a standfirst as long
as standfirsts are, a topic's label with its year."""

from __future__ import annotations

import re

from newsletter.patterns import regex
from newsletter.readers import fold
from newsletter.readers.headers import dated_under
from newsletter.readers.lines import Line, ends_sentence, line_date, title_case
from newsletter.readers.scripts import CJK, spaceless, words_of

# A live page's post is headed by its time ("14:38", "Just now") over its title: the first post's title is no more the
# page's headline than the others' are
NOW = regex(r"(?i)^(?:just now|now|pinned(?: post)?)$")
LIVE_POSTS = 2  # ... with this many more posts below headed so
POST_WRITER = regex(r"^From [A-Z][\w.&]*['’]s [A-Z]")  # a live post's writer: "From CNN's Priya Nandakumar"
CLOCK_ONLY = regex(r"(?i)^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?-i:[A-Z]{1,4}T|UTC|GMT)?$")  # "17.15 GMT", "9:41 am"


def live_posts(lines: list[Line], roles: list[str], index: int, end: int) -> int | None:
    """The next post's title below the chosen line when the chosen one heads a live page's first post: a time over it,
    a paragraph under it, and LIVE_POSTS more titles below headed so."""
    if not stamped(lines, roles, index):
        return None
    posts = [j for j in range(index + 1, min(len(lines), end + 1)) if stamped(lines, roles, j)]
    return posts[0] if len(posts) >= LIVE_POSTS else None


def stamped(lines: list[Line], roles: list[str], i: int) -> bool:
    """A title with its time right above it (buttons between) and a paragraph under it (its writer's name, "From
    CNN's ...", or a "Share" button between)."""
    under = next((j for j in range(i + 1, min(len(roles), i + 4)) if roles[j] not in ("label", "byline", "furniture")
                  and not POST_WRITER.match(lines[j].text)), None)  # fmt: skip
    if roles[i] not in ("other", "label") or under is None or roles[under] != "prose":
        return False
    above = next((j for j in range(i - 1, max(-1, i - 4), -1) if roles[j] != "furniture"), None)
    if above is None:
        return False
    return roles[above] == "date" and line_date(lines[above].text) is None or bool(NOW.match(lines[above].text))
    # (a time: "14:38", "2h ago"; a day's date over a title is a timeline's or a list's, no live page's)


def live_time(lines: list[Line], roles: list[str], j: int) -> bool:
    """A time (no day's date) over a title that heads a paragraph: a live page's post."""
    below = next((i for i in range(j + 1, min(len(roles), j + 4)) if roles[i] != "furniture"), None)
    return bool(CLOCK_ONLY.match(lines[j].text)) and below is not None and stamped(lines, roles, below)


SHORT_TITLE = 5  # words: a magazine's title ("The Sanctions Reckoning") over a subtitle twice its length or more


def short_title_over(
    lines: list[Line], roles: list[str], index: int, scored: list[tuple[float, int]], shares: dict[int, float]
) -> int | None:
    """A short Title Case line right above the chosen Title Case one (nothing but buttons between), at most
    half its length and holding a word of the article's opening: a magazine's title over its subtitle, or a kicker
    over the headline; which is which, the words cannot tell."""
    candidates = {i for _, i in scored}
    above = next((i for i in range(index - 1, max(-1, index - 4), -1) if roles[i] != "furniture"), None)
    if above is None or above not in candidates or not shares.get(above, 0.0):
        return None
    if all(roles[j] == "furniture" for j in range(above)):
        return None  # the site's nameplate at the top of the page ("The Moscow Times"), no title
    size = words_of(lines[above].text)
    shaped = title_case(lines[above].text) and not ends_sentence(lines[above].text)
    return above if shaped and 2 <= size <= SHORT_TITLE and 2 * size <= words_of(lines[index].text) else None


# --- what is left when the headline is not in the paste: a standfirst, a topic's label --------------------------------
# (with the headline taken out, or read as something else, each is the best line left; each is rare as a headline)

# A standfirst's length, in words: of the read pools' headlines (real pages or made up) with no deck under them, two
# in sentence case are this long (twice as long in Chinese, Japanese, Thai, Lao, Burmese or Khmer, whose words are
# counted by letters), against more than twice as many of the standfirsts chosen with the headline taken out; a
# standfirst is seldom in Title Case, so a line in Title Case is one only from TITLE_LONG words
STANDFIRST_LONG = 18
TITLE_LONG = 20
# A topic's label: a few words ending in its year ("Holyrood Election 2026", "美国大选2016"), not a title's "of 2019"
YEAR_LABEL = regex(
    r"^(?!.*\b(?:of|in|for|since|by|to|from|after|before|until|de|del|des|du|von|im|seit|en|di|dal)\s+\d{4}$)"
    r"\S.*?(?<!\d)(?:19|20)\d{2}$"
)
YEAR_LABEL_WORDS = 5


def standfirst_long(text: str) -> int:
    """The line's words when it is as long as a standfirst, else 0: counted by its spaces where a script spaces its
    words ("COVID-19" and "$1.2M" are one each); in Chinese, Japanese, Thai, Lao, Burmese and Khmer, counted by their
    letters (words_of), where titles of two or three clauses run twice as long."""
    unspaced = spaceless(text) or 2 * len(CJK.findall(text)) >= len(re.sub(r"\s", "", text))
    size = words_of(text) if unspaced else len(text.split())
    least = TITLE_LONG if title_case(text) else STANDFIRST_LONG
    return size if size >= least * (2 if unspaced else 1) else 0


def decked(lines: list[Line], roles: list[str], index: int) -> bool:
    """A line of DECK_WORDS or more right under the chosen one (buttons aside), neither its byline, its date, nor a
    caption or credit, nor twice its length (the article's first paragraph): its deck, under the headline (a
    standfirst, chosen for want of the headline, has the byline or the article under it)."""
    below = next((j for j in range(index + 1, len(roles)) if roles[j] not in ("furniture", "label")), None)
    return below is not None and roles[below] in ("other", "prose") and words_of(lines[below].text) >= DECK_WORDS \
        and words_of(lines[below].text) < words_of(lines[index].text) * 2  # fmt: skip


DECK_WORDS = 6


def topic_label(lines: list[Line], roles: list[str], index: int, start: int, candidates: set[int]) -> bool:
    """A short line ending in a year: a topic's or an event's label over its stories; not a results page's "Result
    2026" over its own byline or date with no longer title under that byline or date, which is its headline (and
    its standfirst under it no title). A label stands over the page's menu, or comes again under the article
    among its topics ("Topics mentioned in this article"): a headline does neither."""
    text = lines[index].text
    if words_of(text) > YEAR_LABEL_WORDS or YEAR_LABEL.match(text) is None:
        return False
    header = next((j for j in range(index + 1, start) if roles[j] in ("byline", "date")), start)
    menu = sum(words_of(lines[j].text) <= MENU_WORDS for j in range(index + 1, header)) >= MENU_UNDER
    again = any(fold(line.text) == fold(text) for line in lines[start:])
    return not dated_under(roles, index) or menu or again or any(words_of(lines[i].text) > words_of(text)
                                                                 for i in candidates if header < i < start)  # fmt: skip


MENU_UNDER, MENU_WORDS = 3, 3  # lines at least, of a few words each, between a label and the byline: the page's menu


def over_menu(lines: list[Line], roles: list[str], index: int, start: int) -> bool:
    """A line at the page's top (nothing but furniture above it) over a run of the page's menu (MENU_RUN lines or
    more of a few words each) between it and the article's header or first paragraph: where a site puts its name,
    a campaign's or a section's, and a paste without its headline leaves it the likeliest line ("The Times of
    Israel" over "Israel & the Region", "Jewish Times", ...)."""
    if any(roles[j] != "furniture" for j in range(index)):
        return False
    run = longest = 0
    for j in range(index + 1, start):
        if roles[j] in ("byline", "date"):
            break  # its header: the buttons under that are the article's (Medium's "Follow", "Listen", "Share")
        item = words_of(lines[j].text) <= MENU_WORDS and re.search(r"[^\W\d_]", lines[j].text)  # (not "·", "12")
        run = run + 1 if item else 0
        longest = max(longest, run)
    return longest >= MENU_RUN


MENU_RUN = 5


def prose_shaped(text: str) -> bool:
    """An English line of a standfirst's length written as running prose, with its articles ("The latest poll
    suggests no party will come close to a majority in the expanded Senedd"): headlines leave them out."""
    articles = [word.lower() for word in ARTICLES.findall(text)]
    return len(text.split()) >= PROSE_SHAPED and len(articles) >= PROSE_ARTICLES and "the" in articles


PROSE_SHAPED, PROSE_ARTICLES = 14, 3  # words, and articles of which one is "the" (not Italian's "a")
ARTICLES = regex(r"\b(?:the|an?)\b", re.IGNORECASE)
