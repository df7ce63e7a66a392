"""An issue made ready for the templates (Prepared), and the values every template sees."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from newsletter.models import Issue
from newsletter.words import short_date, when, words_for

from .body import (
    Group,
    body_groups,
    byline,
    card_rows,
    card_text,
    contents,
    note_groups,
    shown,
    standfirst,
    story_direction,
    story_link,
)
from .environment import environment
from .links import issue_unsubscribe_url, issue_web_url, with_campaign_tags, with_safe_links
from .results import dark_bars, result_table

# After the preheader, in the hidden preview text only: zero-width joiners, combining grapheme joiners and
# no-break spaces, which inboxes show as nothing, so the inbox row ends with the preheader instead of running
# on into the first words of the email ("Issue 48 · Tuesday..."). 90 groups fill the longest row (iOS, ~140).
PREHEADER_FILLER = "\u034f\u200c\u00a0" * 90
RTL_LANGUAGES = {"ar", "fa", "he", "ur", "yi", "ps", "dv", "ku"}


class Theme(NamedTuple):
    """Sizes the templates share; colours and fonts come from the brand."""

    serif: str
    sans: str
    dir: str
    width: int = 600
    gutter: int = 24  # space either side of the content
    card_gap: int = 8  # half the space between two cards

    @property
    def content_width(self) -> int:
        return self.width - 2 * self.gutter

    @property
    def card_width(self) -> int:
        return (self.width - 2 * (self.gutter - self.card_gap)) // 2 - 2 * self.card_gap


def compact_stack(fonts: str) -> str:
    """`Georgia, 'Times New Roman', serif` -> `Georgia,'Times New Roman',serif` (a font name holds no comma)."""
    return ",".join(part.strip() for part in fonts.split(","))


class Prepared(NamedTuple):
    """An issue made ready for the templates, once per render: every link checked and made absolute,
    the template environment found, the lead's body grouped. Each renderer takes one (or an Issue, which
    it prepares for itself)."""

    issue: Issue
    env: Any
    lead_body: list[Group]
    tagged: Prepared | None = None  # the same with [tracking]'s campaign tags on story links, for the email

    @property
    def email(self) -> Prepared:
        """What the email and its plain text show: story links tagged; the web page keeps clean links."""
        return self.tagged or self


def prepare(issue: Issue | Prepared, *, cache: Path | None = None) -> Prepared:
    if isinstance(issue, Prepared):
        return issue
    safe = with_safe_links(issue)
    env = environment(cache)
    tagged = with_campaign_tags(safe)
    return Prepared(
        issue=safe,
        env=env,
        lead_body=body_groups(safe.lead),
        tagged=None if tagged is safe else Prepared(issue=tagged, env=env, lead_body=body_groups(tagged.lead)),
    )


def context(
    ready: Prepared, *, unsubscribe: str | None = None, web: str | None = None, email: bool = False
) -> dict[str, Any]:
    issue = ready.issue
    brand = issue.brand
    words = words_for(brand.language, issue.words)
    # The email repeats the font stacks on every styled element: there they go without spaces.
    theme = Theme(
        serif=compact_stack(brand.font_family) if email else brand.font_family,
        sans=compact_stack(brand.sans_family) if email else brand.sans_family,
        dir="rtl" if brand.language.split("-")[0].lower() in RTL_LANGUAGES else "ltr",
    )
    return {
        "issue": issue,
        "brand": brand,
        "c": brand.colors,
        "theme": theme,
        "links": {
            "unsubscribe": unsubscribe if unsubscribe is not None else issue_unsubscribe_url(issue),
            "web": web if web is not None else issue_web_url(issue),
        },
        "email": email,  # the email's markup for Outlook; the web page's plain HTML
        "lead_body": ready.lead_body,
        "has_results": any(block.kind == "results" for story in issue.stories for block in story.body),
        "card_text": card_text,
        "card_rows": card_rows,
        "story_link": story_link,
        "story_dir": lambda story: story_direction(story, theme.dir),
        "byline": lambda story: byline(story, words),
        "has_bylines": any(byline(story) for story in issue.stories),
        "contents": contents(issue) if issue.contents else [],
        "intro": note_groups(issue.intro),
        "signoff": note_groups(issue.signoff),
        "story_body": body_groups,
        "standfirst": standfirst,
        "shown": shown,
        "preheader_filler": PREHEADER_FILLER,
        "result_table": lambda results: result_table(results, brand.colors, words),
        "dark_bars": dark_bars(issue),
        # The issue's own words in its language (words.py): {{ words.unsubscribe }}, {{ words.say("read_at", ...) }}
        "words": words,
        "elections_heading": words.elections_ahead,
        "when": lambda days: when(days, words),
        "short_date": lambda day: short_date(day, issue.date, brand.language),
    }
