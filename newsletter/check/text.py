"""The words: placeholders and merge tags left in, invisible characters, the plain-text version."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

from newsletter.errors import InputError
from newsletter.links import ALLOWED_SCHEMES
from newsletter.models import Issue, Story
from newsletter.patterns import regex
from newsletter.text import STRAY, display_width

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
TK = regex(r"\b(?:TK)+\b")
# Jinja, Liquid/Handlebars, Mailchimp and Ghost-style merge tags that reached the reader unfilled. Each is at
# most 200 characters long and holds no brace of its kind, so a search stops within 200 characters of where
# it started: linear in the text (`.*?` rescanned the rest of the line from every `{{`, so 120 KB of them
# took minutes).
TOKEN = regex(r"\{\{[^{}]{0,200}\}\}|\{%[^{}]{0,200}%\}|\*\|[A-Z0-9_:]{1,100}\|\*|%%\{?[\w:]{1,100}\}?%%")
URL = regex(r"(?:https?://|mailto:)[^\s<>\"')\]]+")


def check_leftovers(issue: Issue, page: Page, text: str, html_name: str, text_name: str) -> list[Finding]:
    """Placeholders ("TK") and merge tags nobody filled in: in the issue's fields, then in what the
    templates added to the email and the text version."""
    findings = []
    explained: set[str] = set()
    for where, value in (("subject", issue.subject), ("preheader", issue.preheader)):
        for found in leftovers(value):
            explained.add(found)
            findings.append(Finding("error", "leftovers", f"the {where} still holds {found!r}: fill it in"))
    for story in issue.stories:
        for name, value in story_texts(story) + story_links_and_cells(story):
            for found in leftovers(value):
                explained.add(found)
                findings.append(
                    story_finding("error", "leftovers", f"the {name} still holds {found!r}: fill it in", story)
                )
    # The email and the text version repeat the stories: report only what those did not already explain.
    rendered = [(html_name, "email", page.text), (text_name, "plain text", list(enumerate(text.split("\n"), 1)))]
    for file, what, lines in rendered:
        for number, line in lines:
            for found in leftovers(line):
                if found not in explained:
                    findings.append(
                        Finding(
                            "error",
                            "leftovers",
                            f"the {what} still holds {found!r}: fill it in or fix the template that wrote it",
                            file=file,
                            line=number,
                        )
                    )
    return findings


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


def leftovers(value: str) -> list[str]:
    return TK.findall(value) + TOKEN.findall(value)


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
