"""Whose header a title is: the byline or date under it (past the page's buttons and labels), and the headers around
the chosen headline that make it a guess or rank it lower: a dated title about the article above or below it, a
date two titles may share, a title right over the article's first line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Container

from newsletter.patterns import regex
from newsletter.readers.kinds import said_only
from newsletter.readers.lines import (
    READING_TIME,
    YEARS,
    Line,
    ends_sentence,
    is_title_like,
    title_case,
    written_as_sentence,
)
from newsletter.readers.scripts import CJK, words_of
from newsletter.readers.words import TRAIL, is_nav_run, terms

HEADER_LINES = ("furniture", "label", "date", "credit", "caption", "byline")  # a header's lines around its title
TOPICAL = 0.34  # a third of a line's words in the article's opening paragraphs: a line about the article


def headline_shaped(lines: list[Line], roles: list[str], j: int) -> bool:
    """A title of four words or more that is not running text: what a list of other stories' titles is made of."""
    return roles[j] == "other" and 4 <= words_of(lines[j].text) <= 25 and is_title_like(lines[j].text)


def header_below(
    lines: list[Line], roles: list[str], index: int, rivals: list[tuple[float, int]], ledes: dict[int, float]
) -> int | None:
    """A rival between the chosen line and the first byline or date under it, about the article too, no longer than
    it and not a sentence (so not its standfirst), with that byline or date right under it: the article's header may
    be that one's, and the chosen line a box's title above it."""
    others = {i for _, i in rivals}
    for j in range(index + 1, min(len(roles), index + 10)):
        if roles[j] in ("byline", "date"):
            return None
        # (a longer line is its standfirst, unless the chosen one is in Title Case and that one not, or the chosen one
        # is as short as a banner: a headline under another story's title, a box's, a banner's or a live blog's
        # label, has that shape too)
        shorter = words_of(lines[j].text) <= words_of(lines[index].text) or title_case(lines[index].text) \
            and (not title_case(lines[j].text) or words_of(lines[index].text) <= 5)  # fmt: skip
        if j in others and topical(lines, roles, j, ledes) and dated_under(roles, j) and shorter \
                and not lines[j].text.endswith("."):  # fmt: skip
            return j
    return None


def header_above(
    lines: list[Line],
    roles: list[str],
    index: int,
    scored: list[tuple[float, int]],
    ledes: dict[int, float],
    box: list[bool],
) -> int | None:
    """A title above the chosen line (about the article, or shaped as a headline) with its byline or date right under
    it, when the chosen line has none of its own and stands under that header (nothing but buttons, labels, captions,
    a box or a paragraph between): the article's header may be that one's, and the chosen line a subhead, a quote's
    source or another story's title inside the article; or that one another story's, and the chosen line too. A
    line of three words or fewer (a box's link over the byline: "Find your constituency") may have a byline under
    it: the article's."""
    if dated_under(roles, index) and words_of(lines[index].text) > 3:
        return None
    others = {i for _, i in scored}
    for j in range(index - 1, max(-1, index - 16), -1):
        if roles[j] in ("byline", "date"):
            # ... the header's title, or one about the article over it (its standfirst, a bare name may stand between)
            titles = [k for k in range(j - 1, max(-1, j - 6), -1) if roles[k] not in ("byline", "date", "furniture",
                      "label") or k in others][:3]  # fmt: skip
            return next(
                (
                    title
                    for n, title in enumerate(titles)
                    if title in others
                    and dated_under(roles, title)
                    and not said_only(lines[title].text)  # (a surtitle saying who spoke: the title's under it)
                    and (topical(lines, roles, title, ledes) or not n and headline_shaped(lines, roles, title))
                ),
                None,
            )
        if j in others and roles[j] == "other" and words_of(lines[j].text) >= 4 and not box[j]:
            return None  # another title first: the chosen line's own header is not closed above it
    return None


def topical(lines: list[Line], roles: list[str], j: int, ledes: dict[int, float]) -> bool:
    """A line that could be the article's headline: three words or more, two of them and a third of all in its
    opening paragraphs (a button's one word, "Comment now", "Send to a friend", is not)."""
    return words_of(lines[j].text) >= 3 and about_the_article(lines[j].text, ledes.get(j, 0.0))


def about_the_article(text: str, lede: float, small: frozenset[str] = frozenset()) -> bool:
    """A third of a line's words or more, and two at least, in the article's first paragraphs (`lede`: that share;
    `small`: words not counted, as the chosen line's own evidence is weighed without other languages' small words)."""
    return lede >= TOPICAL and lede * (len(terms(text) - small) + 0.5) >= 2


def under_header(lines: list[Line], roles: list[str], index: int, rival: int, inside: set[int]) -> bool:
    """A rival below the chosen line's header (its byline or date between them) with none of its own, or one that
    follows a paragraph: a subhead, a caption or a quote's label inside the article, not a second headline."""
    if rival <= index:
        return False
    closed = any(roles[j] in ("byline", "date") for j in range(index + 1, rival))
    # ... but not a title right under that date, with nothing else between: the date may be its ("Show / 04/19/13 /
    # Episode title"), and it stands where a headline would
    return rival in inside or closed and not dated_under(roles, rival) and not shared_date(lines, roles, index, rival)


def shared_date(lines: list[Line], roles: list[str], index: int, rival: int) -> bool:
    """A date (and buttons) alone between a line and a title under it no shorter: the date may be either's (a
    programme's name over an episode's title; a byline is the line's above it, a shorter title under the date a
    video's or a kicker's, and a sentence under it, or a long line in sentence case, is its standfirst)."""
    between, text = roles[index + 1 : rival], lines[rival].text
    standfirst = written_as_sentence(text) or words_of(text) >= 8 and not title_case(text)
    longer = words_of(text) >= words_of(lines[index].text)
    return "date" in between and "byline" not in between and all(r in HEADER_LINES for r in between) \
        and longer and not standfirst  # fmt: skip


def dated_title(lines: list[Line], roles: list[str], start: int, candidates: set[int]) -> int | None:
    """A title in the few lines above the article with a byline or date under it (three words or more, not a
    sentence or a reading time): the article's header, when the line chosen is the article's own first line."""
    found = (j for j in range(start - 1, max(-1, start - 6), -1) if j in candidates and words_of(lines[j].text) >= 3)
    return next((j for j in found if not ends_sentence(lines[j].text) and not READING_TIME.search(lines[j].text)
                 and dated_under(roles, j)), None)  # fmt: skip


def dated_about(
    lines: list[Line], roles: list[str], index: int, scored: list[tuple[float, int]], ledes: dict[int, float]
) -> int | None:
    """A title higher up than the chosen one, with a byline or date under it and the article's words, when the chosen
    one has neither date nor byline: that one may be the article's header, and the chosen one a subhead under it."""
    if dated_under(roles, index):
        return None
    return max((j for _, j in scored if j < index and dated_under(roles, j) and topical(lines, roles, j, ledes)
                and not ends_sentence(lines[j].text)), default=None)  # fmt: skip


def date_over(roles: list[str], i: int, pick: int, start: int) -> bool:
    """A date line right over the headline (within three lines, only buttons between), when no date stands in the
    header under it: the article's date, as sites that set it over the title print it ("12 March 2026")."""
    between = roles[i + 1 : pick]
    return roles[i] == "date" and pick - i <= 3 and set(between) <= {"furniture"} \
        and "date" not in roles[pick + 1 : start]  # fmt: skip


def dated_under(roles: list[str], index: int) -> bool:
    """A byline or date within three lines under a line (buttons aside): an article's header, not a photo's caption."""
    return any(roles[j] in ("byline", "date") for j in near_lines(roles, index))


def own_date(roles: list[str], index: int) -> bool:
    """Not a line right over another title that has the byline or date right under it: that header is the title's."""
    near = near_lines(roles, index)
    return not (len(near) >= 2 and roles[near[0]] == "other" and roles[near[1]] in ("byline", "date"))


def near_lines(roles: list[str], index: int, n: int = 3) -> list[int]:
    """The next `n` lines under a line, past the page's buttons and labels (within nine lines); past a label, not into
    another title, whose header the lines under it are."""
    found: list[int] = []
    labels = False
    for j in range(index + 1, min(index + 10, len(roles))):
        labels = labels or roles[j] == "label"
        if roles[j] in ("furniture", "label"):
            continue
        if labels and roles[j] == "other" or len(found) == n:
            break
        found.append(j)
    return found


def is_standfirst(text: str) -> bool:
    """A sentence or two summing up the article, not a label that ends in a colon ("Filed to:", "Topics:")."""
    return words_of(text) >= 5 and not text.endswith(":")


# A date in figures in the header's date line: "13/11/2025 19:10", "13.11.2025", "2025/11/13" (only there: in a
# sentence, figures may be a match's or an exhibition's date); a year of two figures with dots ("20.11.26", as Hebrew
# and German pages write it) is this century's, up to TWO_FIGURES ("20.11.98" is unread), and read only when the day
# cannot be the month: American pages write the month first with dots too ("12.09.16")
TWO_FIGURES = 49  # the last year of this century a date's two figures are read as
FIGURES = regex(
    r"(?<![\d/.])(?:(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})"
    r"|(?P<y>\d{4})(?P<sep2>[/.])(?P<m>\d{1,2})(?P=sep2)(?P<d>\d{1,2}))(?![\d/.]?\d)"
)


def figures_date(text: str) -> dt.date | None:
    """The date a date line writes in figures: year first, then month and day; else day first with dots (as German,
    Russian or Czech pages write it), and with slashes when one of the two cannot be a month ("13/11/2025" is the
    13th of November, "11/13/2025" the 13th as American pages write it). "05/06/2025" could be either: None. A year of
    two figures only with dots, and a day past 12: "20.11.26" is the 20th of November 2026, "12.09.16" None."""
    match = FIGURES.search(text)
    if match is None:
        return None
    if match.group("y"):
        year, month, day = int(match.group("y")), int(match.group("m")), int(match.group("d"))
    else:
        a, b, year = int(match.group("a")), int(match.group("b")), int(match.group("year"))
        if len(match.group("year")) == 2:
            if match.group("sep") != "." or year > TWO_FIGURES or a <= 12 and b <= 12:
                return None  # "12.09.16": an American page's December 9th (Uproxx's), a Hebrew one's 12 September
            year += 2000
        if match.group("sep") == "." or a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            day, month = b, a
        else:
            return None
    try:
        return dt.date(year, month, day) if YEARS[0] <= year <= YEARS[1] else None
    except ValueError:
        return None


def in_title_list(lines: list[Line], roles: list[str], i: int, alike: bool = False) -> bool:
    """A title with other titles a line or three above and below it (their labels and dates between): a list of
    other stories, as a related box or a section front prints them. `alike`: titles of the same shape as this one,
    each with its own date or byline under it (a title, a date; a title, a date), so a date or byline stands between
    any two of them (an author's name under a headline, over its date, is no sibling)."""
    if alike and not dated_under(roles, i):
        return False

    def sibling(j: int) -> bool:
        between = range(min(i, j) + 1, max(i, j))
        return headline_shaped(lines, roles, j) and (
            not alike
            or dated_under(roles, j)
            and not is_nav_run(lines[j].text)
            and any(roles[k] in ("byline", "date") for k in between)
        )

    up = any(sibling(j) for j in range(max(0, i - 3), i))
    down = any(sibling(j) for j in range(i + 1, min(len(lines), i + 4)))
    return up and down


def sentences_over_date(lines: list[Line], roles: list[str], i: int, below: int) -> bool:
    """A headline right over its deck, both written as sentences, the header's byline or date under them: the
    Guardian's "The bins are full again. Nobody can agree who should empty them." over its summary; or both in
    sentence case with no full stop, the deck as long or longer ("Reform's surge exposes Labour's fragile hold" over
    "Party insiders admit ... as turnout collapsed"), and no sentence under the deck (a title over its own
    standfirst is a headline, and the line over it another story's)."""
    if below != i + 1 or not dated_under(roles, below) or in_title_list(lines, roles, i):
        return False  # (the last of other stories' titles right over a headline)
    upper, lower = lines[i].text, lines[below].text
    if ends_sentence(upper) or ends_sentence(lower):
        return ends_sentence(upper) and ends_sentence(lower)
    standfirst = below + 1 < len(lines) and written_as_sentence(lines[below + 1].text)
    return not (title_case(upper) or title_case(lower) or standfirst) and words_of(lower) >= words_of(upper) >= 6


def bylined_deck(lines: list[Line], roles: list[str], i: int, below: int) -> bool:
    """A title of four words or more in Title Case right over a sentence in sentence case, the writer's name right
    under that: a magazine's headline over its deck ("The Revenge of Roger's Angels" over "How Fox News women took
    down ..."), whatever few of the article's words the title shares."""
    return below == i + 1 and title_case(lines[i].text) and words_of(lines[i].text) >= 4 \
        and written_as_sentence(lines[below].text) and roles[below + 1 : below + 2] == ["byline"]  # fmt: skip


def deck_under(title: str, deck: str) -> bool:
    """A line half as long again as the title over it, in words written apart: its summary, a deck (a breadcrumb
    trail over a title is none; Chinese and Japanese count letters, and a trail over a headline looks so)."""
    if CJK.search(title + deck) or any(sep in title for sep in TRAIL):
        return False
    return words_of(title) >= 6 and words_of(deck) >= 1.5 * words_of(title)


POINTS = 2  # lines at least: a summary's points under a headline
POINT_WORDS = 6  # words at least in each: sentences, not labels
POINTS_ABOVE = 8  # lines over a headline where a list of titles it heads may begin


def points_under(lines: list[Line], roles: list[str], i: int, candidates: Container[int]) -> list[int]:
    """The points of a summary set right under a headline as lines of their own, in sentence case with no full stop
    (the Daily Mail's "Council pays £4,500 for hawks ..."), the byline or date under the last: each shares more of
    the article's words than its headline, none is it. Empty when the lines under it are no such run."""
    if words_of(lines[i].text) < POINT_WORDS or CJK.search(lines[i].text):
        return []  # (Chinese and Japanese have no case to tell a title from a point)
    run = []
    for j in range(i + 1, min(len(lines), i + 8)):
        text = lines[j].text
        if j not in candidates or words_of(text) < POINT_WORDS or title_case(text) or ends_sentence(text):
            break  # (a deck ends its sentence: "How do you make music with rings? ... finds out.")
        if text == lines[i].text or text in (line.text for line in lines[max(0, i - POINTS_ABOVE) : i]):
            return []  # the headline pasted twice, over its deck; or a list of titles whose first stands again
            # under it, over its date ("Top Stories": the article's own title, then the others, then it again)
        run.append(j)
    after = next((j for j in range(i + 1 + len(run), len(roles)) if roles[j] != "furniture"), None)
    return run if len(run) >= POINTS and after is not None and roles[after] in ("byline", "date") else []
