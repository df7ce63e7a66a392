"""What a page's <h1> shows a reader as its headline: its text without what only a screen reader hears ("Thema " in
a government site's heading, "Posted in" on a blog's) and without a kicker the page sets apart inside it, before the
headline's own words (`<span class="kicker">Verbraucherschutz</span>Mehr Transparenz ...`): a topic's label over the
headline, as a pasted page's kicker line is (readers/headline.py). The saved-page reader (html.py) reads an <h1> so."""

from __future__ import annotations

import re
from typing import Any

from newsletter.patterns import regex

# Class names the common frameworks and site builders give text hidden from sight and read aloud: Bootstrap's
# sr-only and visually-hidden, WordPress's screen-reader-text, Drupal's element-invisible, the German federal
# Government Site Builder's aural
UNSEEN = regex(
    r"(?i)(?:^|[\s_-])(?:sr-only|sr-text|visually-?hidden|screen-?reader(?:-text|-only)?|aural|element-invisible"
    r"|off-?screen|hidden-visually|assistive-text|a11y-hidden)(?:$|[\s_-])"
)
# ... and the kicker over a headline inside its heading: "kicker", "topline", "overline", "eyebrow", a German
# site's "Dachzeile" or "Spitzmarke", a heading's "category" or "rubric" (BEM names hold them: "heading__kicker")
KICKER = regex(
    r"(?i)(?:^|[\s_-])(?:kicker|topline|overline|over-?title|eyebrow|dachzeile|spitzmarke|roofline|super-?title"
    r"|sur-?title|pre-?title|pre-?headline|category|rubric)(?:$|[\s_-])"
)


def heading_text(heading: Any) -> str:
    """The heading's words as its reader sees them, spaces folded (its whole text when nothing in it is set apart,
    or when a kicker is all it holds)."""
    hidden = [element for element in heading.iterdescendants() if marked(element, UNSEEN)]
    unseen = {id(element) for element in hidden}  # (looked up by id, kept alive in `hidden` meanwhile: lxml makes
    # an element's Python object anew once none refers to it; a hostile heading may hold thousands)
    holder = heading
    while (inner := wrapped(holder, unseen)) is not None:
        holder = inner  # (a link around the heading's words: <h1><a href=...><span class="kicker">...)
    kicker = next((element for element in holder.iterchildren() if marked(element, KICKER)), None)
    if kicker is not None and (leading(holder, kicker) or id(kicker) in unseen):
        kicker = None  # a label the headline's own words come before is no kicker over it
    text = folded(heading, unseen | ({id(kicker)} if kicker is not None else set()))
    return text or " ".join(heading.text_content().split())


def wrapped(element: Any, unseen: set[int]) -> Any:
    """The one element that holds all of `element`'s words a reader sees, none around it; else None."""
    inside = [child for child in element if isinstance(child.tag, str) and id(child) not in unseen]
    tails = any((child.tail or "").strip() for child in element if isinstance(child.tag, str))
    alone = len(inside) == 1 and not (element.text or "").strip() and not tails
    return inside[0] if alone else None


def marked(element: Any, names: re.Pattern[str]) -> bool:
    return isinstance(element.tag, str) and bool(names.search(element.get("class") or ""))


def leading(heading: Any, kicker: Any) -> bool:
    """Words of the heading come before the kicker (its own text, or an earlier child's)."""
    if (heading.text or "").strip():
        return True
    for child in heading.iterchildren():
        if child is kicker:
            return False
        if child.text_content().strip() or (child.tail or "").strip():
            return True
    return False


def folded(heading: Any, skipped: set[int]) -> str:
    """The heading's text without the elements whose ids are `skipped` (their tails stay: the words after them are
    the heading's)."""
    parts: list[str] = []

    def walk(element: Any) -> None:
        if id(element) in skipped:
            return
        if isinstance(element.tag, str):
            parts.append(element.text or "")
            for child in element:
                walk(child)
                parts.append(child.tail or "")
        # (comments and processing instructions hold no words; their tails are added by the parent)

    walk(heading)
    return " ".join("".join(parts).split())
