"""A pasted page's labels around its headline: a section's name or the story's kind alone on a line ("Politics",
"Latest news", "Analysis", "Opinion"), or a button's word ("Share", "Newsletter"); and a surtitle over it that says
only who spoke ("... خبر داد", ... reported). Beside a title, such a line is never the headline, however many of the
article's words it holds ("Politics" over an article about politics; the spokesman the article quotes); with no
title beside it (the headline left out of the paste) it may stand in, flagged, as any other line may. And two
versions of one title: the page's title and its heading (same_title, no rivals), a trail's short form over the
headline (shortened: a rival, not a headline over its standfirst)."""

from __future__ import annotations

import re
from collections.abc import Container

from newsletter.patterns import regex
from newsletter.readers import fold
from newsletter.readers.languages import SAID_ONLY, SAID_WHAT
from newsletter.readers.lines import Line, ends_sentence
from newsletter.readers.scripts import words_of
from newsletter.readers.words import SECTIONS, terms

# What a site prints over or under a headline as the story's kind, or on a button, in the languages of the pages
# editors paste; with the sections' names (words.py), a line of these words alone is a label
LABEL_WORDS = frozenset(
    "analysis opinion opinions comment commentary editorial column explainer interview review exclusive breaking "
    "live feature features newsletter newsletters podcast share listen advertisement sponsored "
    "meinung kommentar analyse exklusiv eilmeldung opinión análisis tribune éditorial "
    "opinione commento analisi editoriale opinião análise comentário".split()
)  # fmt: skip
LABEL_MOST = 2  # words: "Politics", "Latest news", "Business live"
BESIDE = 3  # lines at most from a label to its title, buttons, dates, bylines and other labels between
HAIR = 0.05  # how far below its title a label ranks
SAID = regex(SAID_ONLY)
WHAT = regex(SAID_WHAT)
SURTITLE_MOST = 12  # words: "سخنگوی وزارت آموزش و پرورش در نشست خبری خبر داد" has ten


def label_only(text: str) -> bool:
    """The line is a story's label or a section's name alone ("Analysis", "Politics", "Latest news")."""
    words = re.findall(r"\w+", text.lower())
    return 1 <= len(words) <= LABEL_MOST and all(word in LABEL_WORDS or word in SECTIONS for word in words)


def said_only(text: str) -> bool:
    """The line says only who spoke, as a surtitle over the headline does ("نایب‌رئیس کمیسیون خبر داد": the
    committee's deputy head reported), with nothing of what was said."""
    return words_of(text) <= SURTITLE_MOST and bool(SAID.search(text)) and not WHAT.search(text)


def surtitle_over(lines: list[Line], roles: list[str], i: int, candidates: Container[int]) -> int | None:
    """The title under line i when line i is a surtitle that says only who spoke: that title's, no rival of it."""
    return title_beside(lines, roles, i, candidates, steps=(1,)) if said_only(lines[i].text) else None


def below_titles(lines: list[Line], roles: list[str], scored: list[tuple[float, int]]) -> list[tuple[float, int]]:
    """The candidates' scores, each label's no higher than the title's beside it, just under that: "Politics" over
    "Nobody saw it coming" is its section, whichever of the two shares more words with the article; a surtitle
    that says only who spoke, no higher than the title under it (the article opens with who spoke, and holds all
    its words); and the page's title for search and sharing, the site's name after a dash, no higher than the
    heading beside it that holds all its words and more."""
    score = {i: value for value, i in scored}
    for i in score:
        title = (
            title_beside(lines, roles, i, score) if label_only(lines[i].text) else surtitle_over(lines, roles, i, score)
        )
        if title is None:
            title = fuller_heading(lines, i, score)
        if title is None and roles[i] == "label" and header_label(roles, i):
            over = title_beside(lines, roles, i, score, steps=(-1,))
            title = over if over is not None and words_of(lines[over].text) >= TITLE_OVER else None
        if title is not None and score[i] >= score[title]:
            score[i] = score[title] - HAIR
    return [(score[i], i) for _, i in scored]


TITLE_OVER = 5  # words: a title over a label in its header, a headline's length
# The page's title with the site's name after a dash or a bar: "Outback towns fight merger - Southern News"
SITE_TITLED = regex(r"^(?P<title>.{12,}?)\s+[-–—|]\s+(?P<site>[^-–—|]{2,40})$")
SITE_MOST = 4  # words of a site's name


def site_titled(one: str, other: str) -> bool:
    """One is the other's title for search with the site's name after a dash: all of its title stands in the other."""
    found = SITE_TITLED.match(one)
    return found is not None and words_of(found["site"]) <= SITE_MOST and fold(found["title"]) in fold(other)


def fuller_heading(lines: list[Line], i: int, candidates: Container[int]) -> int | None:
    """The heading beside line i that holds all of its title and more, when line i is the page's title with the
    site's name after a dash ("Outback towns fight merger - Southern News" beside "'We were never asked': Outback
    towns fight merger"): the heading is the headline the page shows, the title a shorter one for search."""
    found = SITE_TITLED.match(lines[i].text)
    if found is None:
        return None
    return next((j for j in range(max(0, i - BESIDE), min(len(lines), i + BESIDE + 1))
                 if j != i and j in candidates and site_titled(lines[i].text, lines[j].text)
                 and len(fold(lines[j].text)) > len(fold(found["title"])) and not SITE_TITLED.match(lines[j].text)),
                None)  # fmt: skip


def header_label(roles: list[str], i: int) -> bool:
    """A label with the header's byline or date under it (buttons aside): a station's, a section's or a place's
    name set between a headline and its byline ("ABC North Coast"), not a title."""
    below = next((j for j in range(i + 1, min(len(roles), i + BESIDE + 1)) if roles[j] != "furniture"), None)
    return below is not None and roles[below] in ("byline", "date")


def title_beside(
    lines: list[Line], roles: list[str], i: int, candidates: Container[int], steps: tuple[int, ...] = (-1, 1)
) -> int | None:
    """The first line over or under a label (buttons, dates, bylines and labels aside; `steps`: -1 over, 1 under)
    when it is a candidate for the headline and no sentence (a deck under a section's name is no title; the headline
    is then not in the paste)."""
    for step in steps:
        j = i + step
        while (
            0 <= j < len(lines)
            and abs(j - i) <= BESIDE
            and (roles[j] in ("furniture", "date", "byline") or label_only(lines[j].text))
        ):
            j += step
        if abs(j - i) <= BESIDE and j in candidates and not ends_sentence(lines[j].text):
            return j
    return None


def same_title(one: str, other: str) -> bool:
    """Two versions of one headline ("Headline" and "Headline - Site", the page's title and its heading): not rival
    choices. Nearly all their words in common."""
    a, b = terms(one), terms(other)
    return one == other or bool(a and b) and 2 * len(a & b) >= 0.8 * (len(a) + len(b)) or site_titled(one, other)


SHORT_FORM = 2 / 3  # of a line's words, at least, the longer title under it holds


def shortened(short: str, title: str) -> bool:
    """`short` is a short form of `title` (a trail's or a teaser's: "Aprobado el trasvase de emergencia" over "El
    Gobierno aprueba un trasvase de emergencia de 20 hectómetros ..."): most of its words, in a longer line with no
    stop of its own."""
    own = terms(short)
    held = len(own & terms(title))
    return len(own) >= 2 and held >= SHORT_FORM * len(own) and words_of(title) >= words_of(short) + 5 \
        and not ends_sentence(title)  # fmt: skip
