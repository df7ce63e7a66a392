"""Where the article starts when its first paragraph is the headline's standfirst (the teaser, shown above the body):
under the header that follows it, its byline, date, buttons and photo."""

from __future__ import annotations

from newsletter.patterns import regex
from newsletter.readers.doubts import live_time
from newsletter.readers.headline import prose_under
from newsletter.readers.lines import Line
from newsletter.readers.scripts import words_of
from newsletter.readers.words import same_words

STANDFIRST_LABEL = regex(r"^[【\[]?(?:导语|導語|摘要|内容提要|內容提要|编者按|編者按)[】\]]?\s*[:：]?")
# The label between a summary and the article it sums up: FactCheck.org's "Full Story" under its "Quick Take", the
# PBS NewsHour's "Read the Full Transcript" under a segment's summary
FULL_STORY = regex(
    r"(?i)^(?:(?:the )?full (?:story|article|report|transcript)|read the full (?:story|article|report|transcript))\W*$"
)
SUMMED_UP_MOST = 80  # words of such a summary, at most
DATED_STANDFIRST = 12  # words at least of a standfirst under the date
STANDFIRST_OVER = 8  # lines at most between a standfirst and the article, unless its byline or date is near it
STANDFIRST_WORDS = 50  # a standfirst (dek) is a sentence or two; an article's first paragraph may be as short


def past_standfirst(lines: list[Line], roles: list[str], pick: int | None, start: int, end: int) -> int:
    """Where the article starts when its first paragraph is the headline's standfirst: a short paragraph right under
    the headline with the byline or date under it, before the next paragraph (STANDFIRST_OVER lines on, or more with
    its byline or date within three lines under it: Clarín's post, two dates and buttons; Al Jazeera's caption).
    Under the date (the Süddeutsche's), only a sentence or two with its byline right under it and no credit over it
    (a photo's caption: "The band at the Beacon."). A short first paragraph under the byline is the article's own;
    one that is the headline again (the page's heading under a breadcrumb ending in it) starts nothing. A paragraph
    labelled as the standfirst or editor's note ("【导语】", "编者按：") is one however long, the article under it; so
    is a summary over the label that says the whole article follows ("Full Story")."""
    if pick is not None and pick < start < end and same_words(lines[start].text, lines[pick].text):
        after = prose_under(lines, roles, start, end)
        if after:
            return past_standfirst(lines, roles, start, after[0], end)  # (and its standfirst under it)
    if pick is not None and pick < start and STANDFIRST_LABEL.match(lines[start].text):
        after = prose_under(lines, roles, start, end)
        if after and after[0] - start <= 3:
            return after[0]
    if start + 1 < end and FULL_STORY.match(lines[start + 1].text) and words_of(lines[start].text) <= SUMMED_UP_MOST:
        after = prose_under(lines, roles, start, end)
        if after and after[0] == start + 2:
            return after[0]  # the summary over "Full Story": the teaser; the article under it
    if pick is None or pick >= start or words_of(lines[start].text) >= STANDFIRST_WORDS:
        return start
    bylined = start + 1 <= end and roles[start + 1] == "byline" and roles[start - 1] != "credit" \
        and words_of(lines[start].text) >= DATED_STANDFIRST  # fmt: skip
    if any(roles[j] in ("byline", "prose") or roles[j] == "date" and not bylined for j in range(pick + 1, start)):
        return start
    after = prose_under(lines, roles, start, end)
    near = any(roles[j] in ("byline", "date") for j in range(start + 1, min(start + 4, end + 1)))
    if not after or after[0] - start > STANDFIRST_OVER and not near:
        return start
    header = [j for j in range(start + 1, after[0]) if roles[j] in ("byline", "date")]
    if header and all(roles[j] == "date" and live_time(lines, roles, j) for j in header):
        return start  # the time of a live page's next post, under the first post's paragraph: no header's date
    return after[0] if header else start
