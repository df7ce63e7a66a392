"""The words: placeholders and merge tags left in, invisible characters, the plain-text version."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

from newsletter.errors import InputError
from newsletter.links import ALLOWED_SCHEMES
from newsletter.models import Issue, Story
from newsletter.patterns import regex
from newsletter.text import STRAY, TK, display_width
from newsletter.typography import CLOSING, OPENING

from .findings import Finding, shown, story_finding
from .page import Page, StoryIndex

TEXT_COLUMNS = 78
# Besides text.STRAY (C1 controls, zero-width and bidi characters, soft hyphen, BOM): other C0 controls,
# line/paragraph separators, the combining grapheme joiner and Hangul fillers that render as nothing, the
# object replacement character Word leaves for an embedded picture, U+FFFD from a wrong decoding, Word's
# private-use Symbol-font bullets and tag characters.
MORE_JUNK = regex(
    "[\x00-\x08\x0b-\x1f\x7f\u034f\u115f\u1160\u180e\u2028\u2029\u3164\uffa0\ufff9-\ufffd"
    "\ue000-\uf8ff\U000e0000-\U000e007f]"
)
# Jinja, Liquid/Handlebars, Mailchimp and Ghost-style merge tags that reached the reader unfilled. Each is at
# most 200 characters long and holds no brace of its kind, so a search stops within 200 characters of where
# it started: linear in the text (`.*?` rescanned the rest of the line from every `{{`, so 120 KB of them
# took minutes).
TOKEN = regex(r"\{\{[^{}]{0,200}\}\}|\{%[^{}]{0,200}%\}|\*\|[A-Z0-9_:]{1,100}\|\*|%%\{?[\w:]{1,100}\}?%%")
URL = regex(r"(?:https?://|mailto:)[^\s<>\"')\]]+")


def check_leftovers(issue: Issue, page: Page, text: str, html_name: str, text_name: str) -> list[Finding]:
    """Placeholders ("TK", but not one inside a phrase of [tk] meant) and merge tags nobody filled in: in the
    issue's fields, then in what the templates added to the email and the text version."""
    findings = []
    explained: set[str] = set()
    meant = meant_patterns(tuple(issue.tk_meant))
    for where, value in (("subject", issue.subject), ("preheader", issue.preheader)):
        for found, at in leftovers(value, meant):
            explained.add(found)
            findings.append(Finding("error", "leftovers", f"the {where} still holds {found!r}{at}: {fix(found)}"))
    for story in issue.stories:
        for name, value in story_texts(story) + story_links_and_cells(story):
            for found, at in leftovers(value, meant):
                explained.add(found)
                message = f"the {name} still holds {found!r}{at}: {fix(found)}"
                findings.append(story_finding("error", "leftovers", message, story))
    # The email and the text version repeat the stories: report only what those did not already explain. Their
    # text comes in pieces (the email's between its tags, the text version's lines), and a phrase that is meant may
    # run across two: it is looked for in the whole, as a reader sees it.
    rendered = [
        (html_name, "email", page.text, ""),
        (text_name, "plain text", list(enumerate(text.split("\n"), 1)), "\n"),
    ]
    for file, what, pieces, joiner in rendered:
        spans = meant_spans(joiner.join(piece for _, piece in pieces), meant)
        start = 0
        for number, piece in pieces:
            for found in [tk.group() for tk in placeholder_tks(piece, spans, start)] + TOKEN.findall(piece):
                if found not in explained:
                    said = fix(found, "fill it in or fix the template that wrote it")
                    message = f"the {what} still holds {found!r}: {said}"
                    findings.append(Finding("error", "leftovers", message, file=file, line=number))
            start += len(piece) + len(joiner)
    return findings


def fix(found: str, fill: str = "fill it in") -> str:
    """What to do about a placeholder or merge tag left in: fill it in; a TK may be meant, and the editor says so."""
    return (
        f"{fill}; if it is meant (a name, a code), add its phrase to [tk] meant in issue.toml for this issue, or in "
        "newsletter.toml for every issue (a brand's own name)"
        if TK.fullmatch(found)
        else fill
    )


def placeholders(
    issue: Issue, html: str = "", text: str = "", html_name: str = "", text_name: str = ""
) -> list[Finding]:
    """Each placeholder and merge tag left in, once, as `newsletter check` lists them: what the build's summary
    counts and the preview's "Before you send" shows. Without the email and its text version: those of the issue
    itself, which publish shows as its web page."""
    from .findings import ordered
    from .page import parse_html

    return ordered(check_leftovers(issue, parse_html(html), text, html_name, text_name))


def refuse_placeholders(left: list[Finding], folder: Path, *, nothing: str, instead: str) -> None:
    """A build still holding placeholders or merge tags (`left`, as `placeholders` lists them), which `check` calls
    not safe to send, is refused where readers would get it (a list send, the public archive): one line naming how
    many and the first, at its file and line when one is; `nothing` says what was not done, `instead` (if any)
    what else to do."""
    if not left:
        return
    first = next((finding for finding in left if finding.file), left[0])
    raise InputError(
        f"still holds {len(left)} placeholder(s) (TK, unfilled merge tags), which check calls not safe to send "
        f"({str(first).removeprefix(f'{first.level}: ')}); {nothing}: fill them in and build again, "
        f"`newsletter check {folder}` names each one" + (f" ({instead})" if instead else ""),
        file=folder,
    )


def leftovers(value: str, meant: tuple[re.Pattern[str], ...] = ()) -> list[tuple[str, str]]:
    """The placeholders ("TK", but not one inside a phrase `meant`) and merge tags left in `value`, each with where
    it stands (` at "...words around it..."`) when `value` holds another TK, which 'TK' alone would not tell apart."""
    left = placeholder_tks(value, meant_spans(value, meant))
    several = bool(left) and len(TK.findall(value)) > 1  # another TK beside it, a placeholder or meant
    tks = [(tk.group(), around(value, tk) if several else "") for tk in left]
    return tks + [(token, "") for token in TOKEN.findall(value)]


def around(value: str, found: re.Match[str]) -> str:
    """` at "..."`: the placeholder `found` as it stands in `value`, with up to three words either side."""
    begin, end = found.span()
    before = re.search(r"(?:\S+\s+){0,3}\S*\Z", value[max(0, begin - 60) : begin])
    after = re.match(r"\S*(?:\s+\S+){0,3}", value[end : end + 60])
    words = " ".join(f"{before.group() if before else ''}{found.group()}{after.group() if after else ''}".split())
    return f' at "{words}"'


def placeholder_tks(value: str, meant: Spans, start: int = 0) -> list[re.Match[str]]:
    """Each TK in `value` that no phrase that is meant holds (`meant`: where they stand in a text in which `value`
    begins at `start`)."""
    return [tk for tk in TK.finditer(value) if not meant.hold(start + tk.start(), start + tk.end())]


class Spans(NamedTuple):
    """Where phrases that are meant stand in a text: their starts in order, and the furthest end reached by each."""

    starts: list[int]
    reach: list[int]

    def hold(self, begin: int, end: int) -> bool:
        """Whether one of the phrases holds the text from `begin` to `end`."""
        at = bisect.bisect_right(self.starts, begin)
        return at > 0 and self.reach[at - 1] >= end


def meant_spans(text: str, meant: tuple[re.Pattern[str], ...]) -> Spans:
    """Where in `text` the phrases that are meant stand, each phrase looked for on its own (two may overlap)."""
    spans = sorted(found.span() for pattern in meant for found in pattern.finditer(text))
    return Spans([left for left, _ in spans], list(itertools.accumulate((right for _, right in spans), max)))


# Marks the build may set otherwise than the editor typed them: a phrase's dash (any, as "--" is set as one) or
# quote (straight, or either way typography.py turns it) is any of its kind.
MARKS = ("-\u2010\u2011\u2012\u2013\u2014\u2015", *(mark + OPENING[mark] + CLOSING[mark] for mark in "'\""))


@functools.lru_cache(maxsize=16)
def meant_patterns(phrases: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """[tk] meant's phrases as patterns: each as a whole word or words, in any case, with any space between its words
    (a line of the text version may end inside it). "TK" alone means every TK is: a pattern that holds any text."""
    if "TK" in phrases:
        return (re.compile(r"[\s\S]+"),)

    def char(mark: str) -> str:
        kind = next((kind for kind in MARKS if mark in kind), "")
        return f"[{re.escape(kind)}]" if kind else re.escape(mark)

    patterns = []
    for phrase in phrases:
        words = r"\s+".join("".join(map(char, word)) for word in phrase.split())
        head = r"(?<!\w)" if re.match(r"\w", phrase) else ""
        tail = r"(?!\w)" if re.search(r"\w\Z", phrase) else ""
        patterns.append(re.compile(head + words + tail, re.IGNORECASE))
    return tuple(patterns)


def story_texts(story: Story) -> list[tuple[str, str]]:
    texts = [
        ("headline", story.headline),
        ("teaser", story.teaser),
        ("caption", story.caption),
        ("credit", story.credit),
        ("image alt text", story.image.alt),
        ("section", story.section),
    ]
    texts += [("body", block.text) for block in story.body]
    texts += [("pull quote", quote.text + " " + quote.attribution) for quote in story.pull_quotes]
    return [(name, value) for name, value in texts if value]


def story_links_and_cells(story: Story) -> list[tuple[str, str]]:
    """What a story holds besides its prose, where a merge tag would be filled in just the same: its links,
    its byline and its results tables."""
    texts = [("byline", story.byline), ("link", story.url), ("image", story.image.src)]
    for block in story.body:
        texts += [("link", span.href) for span in block.spans if span.href]
        if block.results is not None:
            table = block.results
            texts += [("results table", value) for value in (table.title, table.source, table.note, table.turnout)]
            texts += [("results table", row.name + " " + row.party) for row in table.rows]
    return [(name, value) for name, value in texts if value]


def check_plain_text(text: str, page: Page, stories: StoryIndex, text_name: str) -> list[Finding]:
    findings = []
    for number, line in enumerate(text.split("\n"), start=1):
        width = display_width(line)
        # A URL is never broken: a line long only because of one is fine.
        if width > TEXT_COLUMNS and display_width(URL.sub("", line).rstrip()) > TEXT_COLUMNS:
            findings.append(
                Finding(
                    "warning",
                    "plain text",
                    f"line is {width} columns, over {TEXT_COLUMNS}: some clients wrap it badly; wrap it",
                    file=text_name,
                    line=number,
                )
            )
    seen = set()
    for link in page.links:
        href = (link.href or "").strip()
        if href in seen or urlsplit(href).scheme.lower() not in ALLOWED_SCHEMES or href in stories.shown_whole:
            continue
        seen.add(href)
        if href not in text and href.removeprefix("mailto:") not in text:
            message = f"the plain text lacks the link {shown(href, 80)}: readers of the text version cannot reach it"
            findings.append(stories.finding("warning", "plain text", message, href, text_name))
    return findings


def check_characters(issue: Issue) -> list[Finding]:
    findings = []
    brand = issue.brand
    for where, value in (
        ("subject", issue.subject),
        ("preheader", issue.preheader),
        ("sender name", brand.sender.name),
        ("brand name", brand.name),
        ("postal address", brand.postal_address),
    ):
        found = invisible(value)
        if found:
            findings.append(
                Finding("error", "characters", f"the {where} holds invisible characters ({found}): retype it")
            )
    for story in issue.stories:
        fields = story_texts(story) + [("link", story.url), ("image src", story.image.src)]
        for name, value in fields:
            found = invisible(value)
            if found:
                findings.append(
                    story_finding(
                        "error",
                        "characters",
                        f"the {name} holds invisible characters ({found}), pasted from a word processor: retype it",
                        story,
                    )
                )
    return findings


def invisible(value: str) -> str:
    """The invisible junk in `value`, named, or ""."""
    found = set(MORE_JUNK.findall(value)) | set(STRAY.findall(value))  # (a joiner inside a word is none)
    return ", ".join(f"U+{ord(char):04X} {char_name(char)}" for char in sorted(found))


def char_name(char: str) -> str:
    unnamed = "private use character" if unicodedata.category(char) == "Co" else "control character"
    return unicodedata.name(char, unnamed).lower()
