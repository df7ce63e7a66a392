"""An encyclopedia's article as pasted: its title, then the line under it that says whose it is ("From Wikipedia, the
free encyclopedia", in the languages of Wikipedia's editions and as its clones print it). The page names its title
so: that line is the headline, and sure, however many of the article's words an infobox's lines share."""

from __future__ import annotations

from newsletter.patterns import regex
from newsletter.readers.lines import Line
from newsletter.readers.words import share, terms

FROM_ENCYCLOPEDIA = regex(
    r"(?i)^(?:from \S+(?: \S+)?, the free encyclopedia|aus \S+, der freien enzyklopädie|"
    r"de \S+, l[’']encyclopédie libre|de \S+, la enciclopedia libre|da \S+, l[’']enciclopedia libera|"
    r"origem: \S+, a enciclopédia livre|uit \S+, de vrije encyclopedie|z \S+, wolnej encyklopedii|"
    r"från \S+, den fria encyklopedin|материал из \S+ — свободной энциклопедии|"
    r"維基百科，自由的百科全書|维基百科，自由的百科全书|出典: フリー百科事典『.{1,30}』|"
    r"위키백과, 우리 모두의 백과사전)\.?$"
)

ABOVE = 60  # lines at most from the title down to that line (a skin's tabs, tools and appearance menus between)
ABOUT = 0.5  # the share of the title's words its first paragraphs hold, at least
OPENING = 5  # paragraphs read (a note on another article of the name, a maintenance box's, may come first)


def encyclopedia_title(lines: list[Line], roles: list[str]) -> int | None:
    """The title an encyclopedia's article sets over the line saying whose it is (its index), if any: of the lines
    above it (the article's tabs and the skin's menus may stand between: "Article", "Talk", "View history", "Tools",
    "Appearance" and what they hold; the contents over them), the one whose words the article's first paragraphs
    hold most (it opens with its title), then the one holding more of them ("Standard Model" over a menu's
    "Standard"), then the nearest; none when no line has half its words in the first paragraphs."""
    at = next((i for i, line in enumerate(lines) if FROM_ENCYCLOPEDIA.match(line.text)), None)
    if not at:
        return None
    lede = terms(" ".join([lines[j].text for j in range(at + 1, len(lines)) if roles[j] == "prose"][:OPENING]))
    best = max(
        range(max(0, at - ABOVE), at), key=lambda i: (share(lines[i].text, lede), len(terms(lines[i].text) & lede), i)
    )
    return best if share(lines[best].text, lede) >= ABOUT else None
