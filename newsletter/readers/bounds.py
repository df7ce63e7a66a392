"""Where a pasted page's article runs: the stretch of lines densest in prose, joined across a box of links set
into the article, less another story above such a box, a widget's messages over the article's header, and a
header written as sentences over its date; with its dateline set on a line of its own over its first paragraph. The
text reader (text.py) places the article's lines from here."""

from __future__ import annotations

import itertools
import re
from collections import Counter

from newsletter.models import dateline, dateline_over
from newsletter.patterns import regex
from newsletter.readers import fold
from newsletter.readers.ends import COMMENTS
from newsletter.readers.lines import BYLINE_WORDS, Line, ends_sentence, is_title_like, undated_words
from newsletter.readers.scripts import CJK, words_of
from newsletter.readers.words import FOREIGN_SMALL, terms

# What a line adds to a run: prose its words; a list item or a bare link a little or nothing; the rest costs.
WEIGHT = {"prose": 0, "list": 1, "url": 0, "other": -3, "furniture": -6, "caption": -2, "credit": -2, "byline": -4,
          "date": -4}  # fmt: skip


UNDER_HEADING = 4  # lines: a run starting this near a related or comments heading is that block's
ARTICLE_WORDS = 60  # a run of prose this long is an article, not a caption or a promo
STAMPED_POSTS = 3  # a run holding this many posts' stamps between its paragraphs is readers' posts
# A post's stamp: a time counted back ("3 hours ago", "3小时前", "今天 12:08") or a name with its time ("reader1 ·
# 12:08"); a live blog's entries carry a bare time ("14:10"), which is no post's
AGO = regex(r"(?i)\bago\b|前|今天|昨天")
SHARE = regex(r"(?i)\bshare\b|分享")


def post_stamp(text: str) -> bool:
    return bool(AGO.search(text)) or undated_words(text) > 0


def over_article(lines: list[Line], roles: list[str], at: int) -> bool:
    """A "More from X" heading that stands over the article, not under a lead: a writer's box ("More from Anna
    Petrova", "More from Josh" under "By Josh Haskell", "More from this author": X is in the writer's name, not
    in a post or a brand after a comma), or a menu's link ("More From NBC" among the menu's short links), with an
    article's paragraphs in a row below it."""
    named = re.sub(r"[^\w.]+$", "", lines[at].text[len("more from ") :].lower())  # "More From Anna Petrova »"
    name = {word for word in named.split() if not re.fullmatch(r"\w\.", word)}  # "Anna K. Petrova": no initials
    longest = run = 0  # the longest run of paragraphs in a row below: an article's, not a list's teasers
    for j in range(at + 1, len(lines)):
        run = run + words_of(lines[j].text) if roles[j] == "prose" else 0
        longest = max(longest, run)
    below = longest >= ARTICLE_WORDS
    for j in range(at - 1, max(-1, at - 10), -1):
        writer = re.split(r"\s*[,|·]\s*|\s+(?:for|of)\s+", BYLINE_WORDS.sub("", lines[j].text))[0]
        if roles[j] == "byline" and (name <= set(writer.lower().split()) or AUTHOR.fullmatch(named)):
            return below  # (a newsletter named after its writer lists titles and teasers under its lead)
    menu = [j for j in (at - 1, at + 1, at + 2) if 0 <= j < len(lines) and roles[j] != "prose"
            and words_of(lines[j].text) <= 3]  # fmt: skip
    return len(menu) == 3 and below  # (a list's items are titles, captions or teasers; a menu goes on in links)


AUTHOR = regex(r"(?:this|the) (?:author|writer|columnist|reporter)\W*")  # "More from this author"


def writers_box(lines: list[Line], heading: int, name: str) -> bool:
    """A "More from <name>" heading under the writer's box: a line of the few above it is the name alone
    ("NATHANAEL JOHNSON", then "MORE FROM NATHANAEL JOHNSON"). A byline's name is no sign: a newsletter may be
    named after its writer ("More from Heather Cox Richardson" under "By Heather Cox Richardson")."""
    return any(fold(lines[j].text) == fold(name) for j in range(max(0, heading - WRITERS_BOX), heading))


WRITERS_BOX = 3  # lines above a "More from" heading where the writer's name may stand alone


def body_run(lines: list[Line], roles: list[str]) -> tuple[int | None, int]:
    """The stretch of lines densest in prose: the maximum-sum run (a related or comments heading ends it)."""
    # A newsletter page's "More from <brand>" list follows its lead: the article is above it when prose is there
    more_from = next((i for i, line in enumerate(lines) if roles[i] == "related"
                      and line.text.lower().startswith("more from ")), len(lines))  # fmt: skip
    if more_from < len(lines) and "prose" in roles[:more_from] and not over_article(lines, roles, more_from):
        lines, roles = lines[:more_from], roles[:more_from]
    # Per stretch between related or comment headings: its densest run, and whether it starts right under such a
    # heading (a "Most popular" block of openings, a comment thread)
    runs: list[tuple[float, int, int, bool]] = []  # (words, first, last, under a heading)
    total, first, heading = 0.0, 0, -10
    for i, (line, role) in enumerate(zip(lines, roles, strict=True)):
        if role in ("related", "end"):
            total, first, heading = 0.0, i + 1, i
            runs.append((0.0, i + 1, -1, True))
            continue
        score = words_of(line.text) if role == "prose" else WEIGHT[role]
        if total + score <= 0:
            total, first = 0.0, i + 1
            continue
        if total == 0:
            runs.append((0.0, first, -1, first - heading <= UNDER_HEADING))
        total += score
        if total > runs[-1][0]:
            runs[-1] = (total, first, i, runs[-1][3])
    runs = [run for run in runs if run[2] >= 0]
    if not runs:
        return None, -1
    # A run all of whose paragraphs stand elsewhere on the page too (a news ticker glued into one line at the page's
    # top and bottom, a teaser repeated) is the page's, not its article, when a run of its own is long enough to be
    # one; and such paragraphs at the end of the article are not its own either
    seen = Counter(line.text for line, role in zip(lines, roles, strict=True) if role == "prose")

    def own(first: int, last: int) -> list[int]:
        """The paragraphs of lines first..last that stand nowhere else on the page."""
        inside = Counter(lines[i].text for i in range(first, last + 1) if roles[i] == "prose")
        return [
            i for i in range(first, last + 1) if roles[i] == "prose" and seen[lines[i].text] == inside[lines[i].text]
        ]

    def lone_repeat(i: int) -> bool:
        """A sentence the page shows elsewhere too, set apart from the paragraphs under it by buttons or credits
        (a share panel's "These links open in a new window", at its top and again at its foot): the page's, not
        the article's first paragraph."""
        return roles[i] == "prose" and seen[lines[i].text] > 1 and i + 1 < len(roles) and roles[i + 1] != "prose"

    if any(run[0] >= ARTICLE_WORDS and own(run[1], run[2]) for run in runs):
        runs = [run for run in runs if own(run[1], run[2])]
    best = max(runs, key=lambda run: run[0])
    # The article is not the run under a related or comments heading when a fair run of prose stands elsewhere
    free = [run for run in runs if not run[3] and run[2] < best[1]]  # an article above the block
    alternating = taking_turns(roles[best[1] : best[2] + 1])  # title, opening; name, comment
    over = next((k for k in range(best[1] - 1, -1, -1) if roles[k] in ("related", "end")), None)  # its heading
    listed = over is not None and bool(PAGE_LIST.match(lines[over].text))  # the page's most read: openings too
    if best[3] and (alternating or listed) and free and max(run[0] for run in free) >= ARTICLE_WORDS:
        best = max(free, key=lambda run: run[0])
    # ... nor a thread of readers' posts, each with its time, anywhere under the comments' heading
    thread = next((k for k in range(best[1] - 1, -1, -1) if roles[k] == "end" and COMMENTS.match(lines[k].text)), -1)
    above = [run for run in runs if run[2] < thread and run[0] >= ARTICLE_WORDS]
    # ... under a heading that is no share bar's counter ("Share", "Comments (45)": a live blog's header has one)
    posts = [k for k in range(best[1], best[2] + 1) if roles[k] == "date" and post_stamp(lines[k].text)]
    counter = thread > 0 and bool(SHARE.search(lines[thread - 1].text))
    if above and len(posts) >= STAMPED_POSTS and not counter:
        best = max(above, key=lambda run: run[0])
    best = across_boxes(lines, roles, best, runs)
    _, start, end, _ = best
    texts = [line.text for line in lines]
    while start <= end and (
        roles[start] != "prose"
        or box_question(lines, roles, start)
        or lone_repeat(start)
        or over_dateline(lines, start)
        or summary_point(texts, roles, start)
    ):
        start += 1
    if start > end:
        return None, -1  # the densest run holds no paragraph (a list's items alone: "1. e")
    start = past_header(lines, roles, inner_header(lines, roles, start, end), end)
    last = max(own(start, end), default=end)
    return start, last if "prose" in roles[last + 1 : end + 1] else end


BOX_QUESTION_WORDS = 12
# "VICTORIA – Fares ...", "PARIS (AP) — ...": its place in capitals, or its agency in brackets ("Berlin (dpa) - ...")
DATELINE_LEAD = regex(
    r"(?P<dateline>(?:[^\Wa-z\d_][^\sa-z]+(?:,? [^\Wa-z\d_][^\sa-z]*){0,3}|.{2,40}\([^()]{2,24}\)) (?:[—–]|--?))\s+\S"
)


def over_dateline(lines: list[Line], i: int) -> bool:
    """A line with no stop of its own right over a paragraph its dateline leads ("VICTORIA – Fares on all ...",
    "KYIV, Ukraine (AP) — ..."): a headline or a deck written long, not the article's first paragraph, which the
    dateline opens."""
    lead = DATELINE_LEAD.match(lines[i + 1].text) if i + 1 < len(lines) else None
    return lead is not None and dateline(lead["dateline"]) and not ends_sentence(lines[i].text)


def box_question(lines: list[Line], roles: list[str], i: int) -> bool:
    """A short question among a related box's titles, right under its heading ("Related Stories", then "Vote Compass:
    Where do you fit on the political landscape?" between two titles): a link, not the article's first paragraph."""
    heading = next((k for k in range(i - 1, max(-1, i - UNDER_HEADING - 1), -1) if roles[k] != "other"), None)
    return (
        heading is not None
        and roles[heading] == "related"
        and lines[i].text.endswith("?")
        and words_of(lines[i].text) <= BOX_QUESTION_WORDS
        and i + 1 < len(roles)
        and roles[i + 1] == "other"
    )


# A box the page shows again elsewhere: this many lines in a row at least, among them a paragraph of BOX_PARAGRAPH
# words or more (not only buttons a share bar repeats) and a line that is none (a heading, a name, a button)
REPEATED_BOX = 3
BOX_PARAGRAPH = 8


def repeated_boxes(lines: list[Line], roles: list[str], start: int, end: int) -> set[int]:
    """The lines of each box inside the article that the page also shows elsewhere, the same lines in a row (a
    donation or newsletter appeal, a related story's card, a pull quote shown again in the menu, a sidebar or under
    the article): left out, and the article goes on under it. Not when half the article's paragraphs stand elsewhere
    too (the page pasted twice)."""
    outside = {fold(lines[i].text) for i in range(len(lines)) if not start <= i <= end}
    repeated = [fold(lines[i].text) in outside for i in range(len(lines))]
    paragraphs = [i for i in range(start, end + 1) if roles[i] == "prose"]
    if 2 * sum(repeated[i] for i in paragraphs) >= len(paragraphs):
        return set()  # half the article's paragraphs stand elsewhere too: the page pasted twice, not a box in it
    boxed: set[int] = set()
    k = start + 1
    while k <= end - REPEATED_BOX + 1:
        box = range(k, k + REPEATED_BOX)  # (the article's own paragraphs shown again, "Now reading", are no box)
        paragraph = any(roles[j] in ("prose", "furniture") and words_of(lines[j].text) >= BOX_PARAGRAPH for j in box)
        if not all(repeated[j] for j in box) or not paragraph or all(roles[j] == "prose" for j in box):
            k += 1
            continue
        last = k + REPEATED_BOX - 1
        while last + 1 <= end and repeated[last + 1]:
            last += 1
        boxed.update(range(k, last + 1))
        k = last + 1
    return boxed


HEADER_SENTENCE = 30  # words: a headline or standfirst written as sentences is no longer than this


def inner_header(lines: list[Line], roles: list[str], start: int, end: int) -> int:
    """Where the article starts when the run holds its header (a byline or date) below lines of another kind (a
    widget's messages, a promo): the first paragraph under that header, when most of the run's text is under it and
    the text above it speaks of other things."""

    def prose(first: int, last: int) -> list[int]:
        return [k for k in range(first, last + 1) if roles[k] == "prose"]

    total = sum(words_of(lines[k].text) for k in prose(start, end))
    for j in range(start + 1, end):
        if roles[j] not in ("byline", "date"):
            continue
        after = prose(j + 1, end)
        words = sum(words_of(lines[k].text) for k in after)
        if words < ARTICLE_WORDS or words < total - words or not after:
            continue
        above = terms(" ".join(lines[k].text for k in prose(start, j - 6)))  # not the header's own standfirst
        if len(above & terms(" ".join(lines[k].text for k in after))) < 0.3 * len(above):
            return after[0]
        return start
    return start


def past_header(lines: list[Line], roles: list[str], start: int, end: int) -> int:
    """Where the article starts when its run opens with its own header written as sentences (a headline "Goats ruled
    this island. Now it is reborn.", a standfirst), one or two short lines right over its date or byline: under
    that date or byline, when the article goes on there. Not when a title stands just above them: theirs is the
    header, and they the article's first paragraphs (or its standfirst)."""
    if any(roles[k] == "other" and words_of(lines[k].text) >= 4 and is_title_like(lines[k].text)
           for k in range(max(0, start - 5), start)):  # fmt: skip
        return start
    header = [start]  # its lines, the page's buttons between them aside ("Advertisement")
    # ... and the writer's name and title over the date ("Sofia Brandt", "Staff Engineer", "Follow"), or a deck set
    # apart from the paragraphs, under a menu's words alone (under a line of some words, they may be its standfirst)
    loose = not any(roles[k] not in ("furniture", "label") and words_of(lines[k].text) >= 3
                    for k in range(max(0, start - 5), start))  # fmt: skip
    names = 0
    for j in range(start + 1, end + 1):
        if roles[j] == "furniture":
            continue
        if roles[j] in ("byline", "date"):
            rest = next((k for k in range(j + 1, end + 1) if roles[k] == "prose"), None)
            if all(words_of(lines[k].text) <= HEADER_SENTENCE for k in header) and rest is not None:
                words = sum(words_of(lines[k].text) for k in range(rest, end + 1) if roles[k] == "prose")
                return rest if words >= ARTICLE_WORDS else start
            return start
        if loose and roles[j] != "prose" and name_line(lines[j].text) and names < NAME_LINES:
            names += 1
            continue
        deck = loose and roles[j] == "other"  # (a deck the page sets apart from the paragraphs may read as a title)
        if roles[j] != "prose" and not deck or len(header) == HEADER_LINES or names:
            return start
        header.append(j)
    return start


NAME_LINES = 2  # a writer's name and title, or name and "Follow", between a header and its date


def name_line(text: str) -> bool:
    """A short line that is no sentence: a name, a title, a button."""
    return words_of(text) <= 6 and not ends_sentence(text)


HEADER_LINES = 3  # a header's sentences at most: a headline, a standfirst in one or two


SAME_WORDS, SAME_PAIRS = 0.15, 0.08  # the share of the text under a box that the article above holds: the same story
BOX_LINES = 8  # a box of links inside an article: its heading and a few titles
BOX_MOST = 24  # ... or a longer one of short lines only: four titles, each with its section and writer, a caption
BOX_LINE_WORDS = 20


def short_lines(lines: list[Line], start: int, end: int) -> bool:
    """The lines from `start` to `end` are those a box of other stories is made of (its heading, titles, sections,
    writers' names, a caption): few, and none as long as a paragraph. (Counted before any is read: a page of
    200,000 one-word lines asked this of each run, and a slice of every gap made it quadratic.)"""
    return end - start <= BOX_MOST and all(words_of(line.text) <= BOX_LINE_WORDS for line in lines[start:end])


def across_boxes(
    lines: list[Line], roles: list[str], best: tuple[float, int, int, bool], runs: list[tuple[float, int, int, bool]]
) -> tuple[float, int, int, bool]:
    """The article goes on under a box of other stories inside it ("Don't miss", three titles): when the run right
    under the box is running text (not titles and openings taking turns, as a "Most popular" block is) that speaks
    of what the article speaks of, it is the article's too. A comments heading still ends it."""
    for run in sorted(runs, key=lambda run: run[1]):
        words, first, last, _ = best
        if run[1] <= last or run[1] - last > BOX_LINES + 1 and not short_lines(lines, last + 1, run[1]):
            continue
        if not joins(lines, roles, (first, last), (run[1], run[2])):
            continue
        best = (words + run[0], first, run[2], best[3])
    for run in sorted(runs, key=lambda run: -run[1]):  # ... and it began above a box: the run under it is its end
        words, first, last, under = best
        if run[2] >= first or first - run[2] > BOX_LINES + 1 and not short_lines(lines, run[2] + 1, first):
            continue
        if not joins(lines, roles, (run[1], run[2]), (first, last), upward=True) or run[3]:
            continue  # another story's, or a block's own opening under its heading
        best = (words + run[0], run[1], last, False)
    return best


def joins(
    lines: list[Line], roles: list[str], upper: tuple[int, int], lower: tuple[int, int], upward: bool = False
) -> bool:
    """Two runs of prose with a box of other stories between them (one related heading, no comments heading, no
    paragraph) are one article: the lower one running text, not titles and openings taking turns, long enough, and
    speaking of what the upper one speaks of; no other story's byline or date over it. `upward`: the lower run is
    the article and the upper one is asked to join it, so the upper one must not be titles and openings either, the
    box not the page's list of its most read or latest stories (set into an article, never above it, and never
    with the openings right under its heading), and the lower one must have no headline of its own over its first
    paragraph (then the upper one is another story)."""
    between = roles[upper[1] + 1 : lower[0]]
    if any(role in ("byline", "date") for role in between[-3:]) and not dated_titles(between):
        return False  # another story's header over the text under the box: the next story, not the article going on
    groups = [k for k, role in enumerate(between) if role == "related" and (k == 0 or between[k - 1] != "related")]
    if len(groups) != 1 or "end" in between or "prose" in between:
        return False  # ... one heading ("Read More" right over "Related Articles" is one)
    heading = upper[1] + 1 + groups[0]
    runs = [[i for i in range(first, last + 1) if roles[i] == "prose"] for first, last in (upper, lower)]
    if PAGE_LIST.match(lines[heading].text) and (upward or runs[1][:1] == [heading + 1]):
        return False  # a page's most read: above an article, or its openings right under it, never the article's
    if sum(words_of(lines[i].text) for i in runs[1]) < ARTICLE_WORDS / 2:
        return False
    for first, last in (lower, upper) if upward else (lower,):
        if taking_turns(roles[first : last + 1], ("prose", "list")):  # a list is the article's too
            return False  # titles and openings, names and comments taking turns
    texts = [" ".join(lines[i].text for i in run) for run in runs]
    before, after = (terms(text) - FOREIGN_SMALL for text in texts)  # (German's, French's small words say nothing)
    if upward and own_headline(lines, roles, runs[1][0], after) and not headed(roles, runs[0][0]):
        return False  # the lower run's own headline, over it; unless the upper run has the header: its subhead
    # ... else another story's words (in Chinese and Japanese, counted in pairs of characters, many pairs span two
    # words, so a lower share says as much)
    share = SAME_PAIRS if CJK.search(texts[1]) else SAME_WORDS
    return len(after & before) >= share * len(after)


# The heading of a page's own list of stories (its most read, its latest): never set into an article's opening
PAGE_LIST = regex(
    r"(?i)^(?:most (?:read|popular|viewed|shared|commented)|(?:popular|trending) (?:now|stories|articles)|"
    r"top stories|latest (?:news|stories|headlines)|editor'?s picks|meist ?gelesen|les plus lus|lo más leído|"
    r"mais lid[ao]s|i più letti|meest gelezen)\b"
)  # not a bare "Latest" or "Trending": a live blog's or an article's own subhead may read so


def dated_titles(between: list[str]) -> bool:
    """The lines of a box of other stories, under its heading, are their titles each over its date, two or more
    ("Charities accuse ministers ...", "03 Sep 2013", "Lobbying register ...", "14 Jul 2013"): the last date is its
    last title's, no header of a story under the box."""
    items = between[between.index("related") + 1 :] if "related" in between else []
    titles, dates = items[0::2], items[1::2]
    return (
        len(dates) == len(titles) >= DATED_TITLES and set(dates) == {"date"} and set(titles) <= {"other", "furniture"}
    )


DATED_TITLES = 2


def taking_turns(roles: list[str], running: tuple[str, ...] = ("prose",)) -> bool:
    """A run's lines where titles and openings (names and comments) take turns: fewer lines of running text than
    twice the others, as a block of other stories or a comment thread is; an article's are mostly paragraphs."""
    count = sum(1 for role in roles if role in running)
    return count < 2 * (len(roles) - count)


def headed(roles: list[str], first: int) -> bool:
    """A byline or date in the few lines over a run's first paragraph (past a photo's caption and an audio player's
    buttons, up to HEADER_GAP lines, no paragraph between): the article's header stands over this run."""
    above = list(itertools.takewhile(lambda role: role != "prose", reversed(roles[max(0, first - HEADER_GAP) : first])))
    return any(role in ("byline", "date") for role in above)


HEADER_GAP = 8


def over_date(roles: list[str], index: int) -> bool:
    """The first line under a line, past the page's buttons, is a date."""
    return role_under(roles, index) == "date"


def role_under(roles: list[str], index: int) -> str:
    """What the first line under a line is, past the page's buttons ("Advertisement", "Share"): "" at the end."""
    return next((role for role in roles[index + 1 :] if role != "furniture"), "")


def own_headline(lines: list[Line], roles: list[str], first: int, words: set[str]) -> bool:
    """A title of four words or more right over a run's first paragraph (buttons and labels aside) that speaks of
    what the run speaks of: the run's own headline."""
    above = next((k for k in range(first - 1, -1, -1) if roles[k] not in ("furniture", "label")), None)
    if above is None or roles[above] != "other" or words_of(lines[above].text) < 4:
        return False
    own = terms(lines[above].text)
    return is_title_like(lines[above].text) and len(own & words) >= 0.5 * len(own)


# The heading of a list of the article's main points, set above it: its lines share the article's words
HIGHLIGHTS = regex(
    r"(?i)^(?:story highlights|highlights|key points|key takeaways|in brief|at a glance|"
    r"the big picture|what you need to know|(?:in )?summary|das wichtigste in kürze|en bref|en resumen)\W*$"
)


SUMMARY_POINTS = 6  # points at most in a summary's list


def summary_point(texts: list[str], roles: list[str], i: int) -> bool:
    """One of the article's points written as sentences under a highlights heading ("In Summary", "Key points"),
    the header's byline under the list: the summary's, neither the article's first paragraph nor its headline (a
    live page's summary over its posts' times is its opening)."""
    if roles[i] != "prose":
        return False
    first, last = i, i
    while first > 0 and roles[first - 1] == "prose" and i - first < SUMMARY_POINTS:
        first -= 1
    while last + 1 < len(texts) and roles[last + 1] == "prose" and last - first < SUMMARY_POINTS:
        last += 1
    return bool(first and HIGHLIGHTS.match(texts[first - 1])) and "byline" in roles[last + 1 : last + 4]


def in_highlights(lines: list[Line], roles: list[str], i: int) -> bool:
    """A line in the list under a highlights heading: the heading, then title-like lines (a few, none a byline)."""
    for j in range(i - 1, max(-1, i - 6), -1):
        if HIGHLIGHTS.match(lines[j].text):
            return True
        if roles[j] != "other":
            return False
    return False


def in_related_box(lines: list[Line], roles: list[str]) -> list[bool]:
    """Per line: whether it stands under a related heading ("Related", "Most popular") with no prose since; not
    under one that is an item of a menu's column ("The Big Idea", "New Money", "Trending": short links over it),
    which heads no box."""
    box, inside, since = [], False, 0
    for k, (line, role) in enumerate(zip(lines, roles, strict=True)):
        column = [
            j for j in (k - 2, k - 1) if j >= 0 and roles[j] in ("label", "other") and words_of(lines[j].text) <= 3
        ]
        if role == "related" and len(column) < 2:
            inside, since = True, 0
        elif role in ("byline", "date") or role == "prose" and words_of(line.text) >= 12 or since >= 12:
            inside = False  # an article's byline or date, or its prose: the box is over
        since += 1
        box.append(inside and role != "related")
    return box


def dateline_above(lines: list[Line], roles: list[str], start: int, pick: int | None) -> bool:
    """The line right over the article's first paragraph, under its headline, is its dateline on a line of its own
    ("WASHINGTON (AP) —", "KYIV, Ukraine (Reuters) -"): the article's, as the saved-page reader keeps it; not a
    byline, a date or a photo's credit written as a dateline is ("PHOTOGRAPH BY ANNA PETROVA, HARBOUR TRUST")."""
    above = start - 1
    return pick is not None and pick < above and roles[above] in ("other", "furniture") \
        and roles[start] == "prose" and dateline_over(lines[above].text)  # fmt: skip
