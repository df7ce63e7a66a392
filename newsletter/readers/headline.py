"""A pasted page's lines, what each is and where its body runs -> the headline: the line above the body with the
most evidence for it, and whether it is sure enough not to be flagged as a guess; and where the article starts
under it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsletter.readers.lines import BOILERPLATE, CJK, Line, is_title_like, words_of

# --- the headline: the line above the body with the most evidence for it --------------------------------------

HEAD_WINDOW = 60  # lines above the body searched for its headline
COUNTER = re.compile(
    r"(?i)^\W*[\d.,]+\s*[km]?\W*(?:shares?|comments?|views?|likes?|reads?|reactions?|votes?)?\W*$|"
    r"\b\d+\s+(?:of|/)\s+\d+\b|^\W*[\d.,]+\s*[km]?\s+(?:shares?|comments?|views?|likes?|reads?|reactions?)\b"
)
WEB_ADDRESS = re.compile(r"(?i)\bwww\.|^\S+\.(?:com|org|net|co|br|uk|de|fr|in|ru|io)\S*$")
PLACEHOLDER = re.compile(r"\{\{|\}\}|\{%|%\}|\$\{|\[\[")
MENU_SEPARATORS = re.compile(r"\s[|•·»/]\s|\s\|\s*|\s*\|\s")
NOT_HEADLINES = re.compile(
    r"(?i)^(?:welcome to|these are external links|visit our|go to|share (?:all|this)|follow|image \d|photo \d|"
    r"advertisement|sponsored|skip|click|tap|watch|listen|you are (?:here|at)|breadcrumb|home\b)"
)
STOP_WORDS = frozenset(
    "the and for with that this from are was were has have had will its his her their they them after over into "
    "about but not you your our who what when where why how than then also been being more most said says new".split()
)  # fmt: skip
# What each line between a candidate and the body costs it: the page's bylines, dates and buttons cost little,
# other titles and prose more (a headline sits just above its article)
GAP_COST = {"byline": 0.0, "date": 0.0, "credit": 0.02, "caption": 0.05, "furniture": 0.03, "url": 0.05,
            "other": 0.1, "list": 0.1, "prose": 0.2, "related": 0.2, "end": 0.2}  # fmt: skip
SURE = 1.2  # a headline scoring less than this, sharing less than TOPICAL of its words with the article, or ...
TOPICAL = 0.34
MARGIN = 0.35  # ... less than this ahead of the next best, is a guess: flagged


@dataclass
class Headline:
    index: int | None  # the chosen line, or None: no line could be a headline
    sure: bool
    candidates: int  # lines that could be
    scores: list[tuple[float, int]] = field(default_factory=list)  # the best few (score, index), for a look


def terms(text: str) -> set[str]:
    """The words that say what a text is about: lowercase, no short or common words; two-character pieces of a
    language written without spaces."""
    found: set[str] = set()
    for token in re.findall(r"\w+", text.lower()):
        if CJK.search(token):
            found.update(token[i : i + 2] for i in range(len(token) - 1))
        elif len(token) >= 3 and token not in STOP_WORDS and not token.isdigit():
            found.add(token)
    return found


def could_be_headline(text: str, role: str) -> bool:
    """A line a page could have as its headline: not a counter, a placeholder, a menu, a label or a sentence
    that goes on."""
    if role in ("furniture", "date", "byline", "credit", "caption", "url", "list", "related", "end"):
        return False
    size = words_of(text)
    if not 1 <= size <= 35 or text.endswith((",", ";", ":")) or len(text) > 250:
        return False
    if COUNTER.search(text) or PLACEHOLDER.search(text) or NOT_HEADLINES.match(text) or WEB_ADDRESS.search(text):
        return False
    if len(MENU_SEPARATORS.findall(text)) >= 2:  # News | Sport | Business
        return False
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and not (all(c.isupper() for c in letters) and size <= 4)


def choose_headline(lines: list[Line], roles: list[str], start: int, end: int) -> Headline:
    """The headline among the lines above the body (or its first few lines, when title-like), by evidence: words
    shared with the article's opening, nearness to it, a byline or date just under it, a headline's length and
    shape; never a line of a related box or inside running text. Unsure when the best scores low or barely ahead
    of the next."""
    scored: list[tuple[float, int]] = []
    evidence: dict[int, float] = {}  # per candidate: the share of its words the article's opening holds
    box = in_related_box(lines, roles)
    for i in range(max(0, start - HEAD_WINDOW), min(start + 4, end + 1)):
        line, role = lines[i], roles[i]
        if box[i] or i > start and sum(words_of(lines[j].text) for j in range(start, i) if roles[j] == "prose") > 40:
            continue  # a title in a related box, or a line inside the article
        if role == "furniture" and words_of(line.text) >= 5 and not BOILERPLATE.search(line.text):
            role = "other"  # a headline may hold a menu's word ("home", "watch")
        if not could_be_headline(line.text, role) or i >= start and not is_title_like(line.text):
            continue
        if line.text.endswith(("…", "...")):
            continue  # a teaser cut short: another story's
        own = terms(line.text)
        if not own:
            continue
        after = [j for j in range(max(i + 1, start), end + 1) if roles[j] == "prose"]
        opening = " ".join(lines[j].text for j in after[:12])
        shared = len(own & terms(opening)) / (len(own) + 0.5)
        gap = sum(GAP_COST.get(roles[j], 0.1) for j in range(i + 1, start))
        score = 2.0 * shared - gap
        evidence[i] = shared
        size = words_of(line.text)
        score += 0.3 if 4 <= size <= 20 else -0.6 if size < 2 else -0.4 if size < 3 else -0.2 if size > 25 else 0.0
        if line.text.endswith(".") or re.search(r"[.!?]\s+[A-Z]", line.text):
            score -= 0.4  # a sentence, or two: a caption or a paragraph
        if any(roles[j] in ("byline", "date") for j in range(i + 1, min(i + 4, len(roles)))):
            score += 0.4
        above = next((j for j in range(i - 1, max(-1, i - 6), -1)
                      if roles[j] not in ("furniture", "date", "credit", "caption", "byline")), None)  # fmt: skip
        below = next((j for j in range(i + 1, min(i + 6, len(roles)))
                      if roles[j] not in ("furniture", "date", "credit", "caption", "byline")), None)  # fmt: skip
        if above is not None and roles[above] == "prose" and words_of(lines[above].text) >= 15:
            score -= 0.4  # after running text: a subhead or a caption
            if below is not None and roles[below] == "prose" and i < start:
                score -= 0.4  # between two paragraphs
        scored.append((score, i))
    if not scored:
        return Headline(None, False, 0)
    scored.sort(key=lambda pair: (-pair[0], -pair[1]))
    best, index = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else -1.0
    # Sure only with evidence of two kinds: its words are the article's, and it stands out from the other lines
    sure = (best >= SURE and evidence[index] >= TOPICAL or len(scored) == 1) and best - runner_up >= MARGIN
    return Headline(index, sure, len(scored), scored[:5])


def in_related_box(lines: list[Line], roles: list[str]) -> list[bool]:
    """Per line: whether it stands under a related heading ("Related", "Most popular") with no prose since."""
    box, inside, since = [], False, 0
    for line, role in zip(lines, roles, strict=True):
        if role == "related":
            inside, since = True, 0
        elif role == "prose" and words_of(line.text) >= 12 or since >= 12:
            inside = False
        since += 1
        box.append(inside and role != "related")
    return box


def article_start(lines: list[Line], roles: list[str], pick: int, start: int) -> int:
    """Where the article begins under its headline: the densest run may have started lower, after a related box
    or a widget inside the article; the prose between the headline and that run is the article's when there is
    more of it than of anything else."""
    if pick >= start:
        return next((i for i in range(pick + 1, len(lines)) if roles[i] == "prose"), start)
    between = range(pick + 1, start)
    box = in_related_box(lines, roles)
    prose = sum(words_of(lines[i].text) for i in between if roles[i] == "prose")
    other = sum(words_of(lines[i].text) for i in between if roles[i] in ("other", "caption", "list") and not box[i])
    first = next((i for i in between if roles[i] == "prose"), None)
    if first is None or prose < 30 or prose < 2 * other:
        return start
    return first
