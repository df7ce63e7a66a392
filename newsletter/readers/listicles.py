"""A numbered list's article as pasted (a listicle: "1. When the whole town shut down ...", the item's picture and
its credit, then the item's text, then "2. ..."): the picture's credit under the first item sets it apart from the
prose under it, so the densest prose starts below it; the article starts at the first item all the same."""

from __future__ import annotations

from newsletter.patterns import regex
from newsletter.readers.lines import Line

NUMBERED = regex(r"^(\d{1,3})[.)]\s+\S")  # a numbered list's item: "1. When the whole town shut down ..."
ITEM_REACH = 4  # lines at most from a list's first item down to where the prose starts (its picture's credit between)
SECOND_ITEM = 12  # lines at most from there down to the second item


def first_item(lines: list[Line], start: int, pick: int | None) -> int:
    """Where the article starts: at a list's first item over `start` (under the headline, at `pick`), when its
    second item follows soon after `start`; else at `start`."""

    def numbered(i: int, n: str) -> bool:
        found = NUMBERED.match(lines[i].text)
        return found is not None and found[1] == n

    if not any(numbered(k, "2") for k in range(start, min(len(lines), start + SECOND_ITEM))):
        return start
    top = max(0 if pick is None else pick + 1, start - ITEM_REACH)
    return next((i for i in range(start - 1, top - 1, -1) if numbered(i, "1")), start)
