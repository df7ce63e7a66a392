"""Lines of a pasted page that read as sentences by their last mark but say nothing: the page's own code shown as
text, a sidebar's category links with their counts, a list's labels with a qualifier in brackets; and a Chinese
story's title where it first ran, over the article its own headline heads."""

from __future__ import annotations

import itertools

from newsletter.patterns import regex
from newsletter.readers.lines import is_prose
from newsletter.readers.scripts import words_of

# A page's own code shown as its text (a tag its quotes broke: "<link href=”…” rel=”stylesheet”>"): a tag with an
# attribute, not a word in angle brackets ("<Parasite> director Bong Joon-ho said ...", "<script> tags planted ...")
MARKUP = regex(r"(?i)^<(?:!--|!doctype\b|[a-z][\w-]*\s+[\w:-]+\s*=\s*[\"”'“])")
TAG = regex(r"<[^<>]*>?")
# ... and a template's code the page shows unfilled: "{{article.title}}", "{% if user %}", "${price}" (to the line's
# end when it runs on past it)
TEMPLATE = regex(r"\{\{.*?(?:\}\}|$)|\{%.*?(?:%\}|$)|\$\{[^{}]*\}")


def is_markup(text: str) -> bool:
    """A line of the page's code, not a paragraph that quotes a tag (with its tags taken out, no sentence left); or
    a template's code the page shows unfilled, starting the line (is_template)."""
    return is_template(text) or bool(MARKUP.match(text)) and not is_prose(TAG.sub(" ", text).strip())


def is_template(text: str, anywhere: bool = False) -> bool:
    """A template's code the page shows unfilled (it was saved or copied before its scripts filled it in): code
    that starts the text, with no sentence beside it ("{{article.title}}", "{{user.name}} - {{date}}") or half its
    characters or more, the template's own words among it ("{{status}} {{editor}} Open in editor"). Code that does
    not start it counts only `anywhere` ("By {{author}} on {{date}}"): where the page marks what its article shows
    as code (a saved page's <code>), not in a paste, whose article may hold a template's code of its own ("run: echo
    ${{ secrets.TOKEN }}")."""
    code = len("".join("".join(TEMPLATE.findall(text)).split()))
    half = code * 2 >= len("".join(text.split()))
    if TEMPLATE.match(text):
        return half or not is_prose(TEMPLATE.sub(" ", text).strip())
    return bool(code) and anywhere and half


# A short link with the count of its posts ("Politik (12)"): a sidebar's, in a run of COUNTED_RUN or more
COUNTED_LINK = regex(r"^\S.{0,40}?\s*\(\d+\)$")
COUNTED_RUN = 5


def counted_links(texts: list[str]) -> list[int]:
    """The lines of each run of a site's category links with their counts: its sidebar; not a result's seats
    ("SPD (27)") that a sentence ending in a colon brings in ("The seats are shared as follows:")."""
    found: list[int] = []
    for counted, group in itertools.groupby(range(len(texts)), key=lambda k: bool(COUNTED_LINK.match(texts[k]))):
        run = list(group)
        if counted and len(run) >= COUNTED_RUN and not (run[0] and texts[run[0] - 1].rstrip().endswith(":")):
            found.extend(run)
    return found


# A few words and a qualifier in brackets, with no sentence's mark before it: "Fridge (small)", "Car (electric)"
QUALIFIED = regex(r"[^.!?…:;\"”’\s]\s*\([^()]*\)\s*$")
QUALIFIED_MOST = 8  # words


def qualified_labels(texts: list[str], roles: list[str]) -> list[int]:
    """The lines read as prose only by the bracket they end in ("Electric hob (one ring)"), in a run of such lines
    with no paragraph on either side: a list's labels (a tool's choices, a shop's sizes). Beside a paragraph, or
    brought in by a sentence ending in a colon, they are the article's ("Every single night (laughs)", "SPD (206)")."""

    def label(k: int) -> bool:
        return roles[k] == "prose" and words_of(texts[k]) < QUALIFIED_MOST and bool(QUALIFIED.search(texts[k]))

    found: list[int] = []
    for labelled, group in itertools.groupby(range(len(texts)), key=label):
        run = list(group)
        before, after = run[0] - 1, run[-1] + 1
        told = before >= 0 and (roles[before] == "prose" or texts[before].rstrip().endswith(":"))
        if labelled and not told and not (after < len(texts) and roles[after] == "prose"):
            found.extend(run)
    return found


ORIGINAL_TITLE = regex(r"^[(（]?(?:本文)?原(?:标|標)(?:题|題)\s*[:：]")  # "（原标题：…）", "原標題："
ORIGINAL_TITLE_MOST = 80  # characters: a headline's, not the article run on after it


def original_title(text: str) -> bool:
    """The story's title where it was first published ("（原标题：…）", as NetEase and Guancha repost a story): no
    paragraph of the article, whose own headline is the page's."""
    return bool(ORIGINAL_TITLE.match(text)) and len(text) <= ORIGINAL_TITLE_MOST
