"""View helpers over a story: the lead's body grouped for the templates, cards, what a link says."""

from __future__ import annotations

from typing import NamedTuple
from urllib.parse import unquote

from newsletter.models import Block, Issue, PullQuote, Span, Story
from newsletter.words import ENGLISH, Words, words_for


class Group(NamedTuple):
    kind: str  # "p" (paragraph-level blocks), "li", "oli" or "pull"
    blocks: list[Block]
    quote: PullQuote | None = None


def body_groups(story: Story) -> list[Group]:
    """Consecutive list items become one list; the first pull quote follows the first paragraph past the
    middle of the body, where the reader has the context it needs.

    A pull quote that repeats a block quote of the body takes that quote's place instead of appearing twice.
    """
    quote = story.pull_quotes[0] if story.pull_quotes else None

    def repeats_quote(block: Block) -> bool:
        return quote is not None and block.kind == "quote" and same_words(block.text, quote.text)

    in_place = any(repeats_quote(block) for block in story.body)
    middle = (len(story.body) + 1) // 2
    groups: list[Group] = []
    for number, block in enumerate(story.body, start=1):
        if in_place and repeats_quote(block):
            groups.append(Group(kind="pull", blocks=[], quote=quote))
            quote = None
            continue
        kind = block.kind if block.kind in ("li", "oli") else "p"
        if groups and groups[-1].kind == kind:
            groups[-1].blocks.append(block)
        else:
            groups.append(Group(kind=kind, blocks=[block]))
        if quote is not None and not in_place and number >= middle and kind == "p":
            groups.append(Group(kind="pull", blocks=[], quote=quote))
            quote = None
    if quote is not None and not in_place:
        groups.append(Group(kind="pull", blocks=[], quote=quote))
    return groups


def note_groups(blocks: list[Block]) -> list[Group]:
    """The editor's intro or sign-off grouped as a story body is (lists joined), without pull quotes."""
    from newsletter.models import Source

    return body_groups(Story(body=blocks, source=Source(file="issue.toml")))


def card_text(story: Story) -> tuple[str, str]:
    """A card's title and the text under it.

    An item with no headline gets the first sentence of its teaser (or, with no teaser, of its caption) as
    its title, whole (the sorted issue keeps a shortened copy for listings), and the rest of that text under
    it: nothing is said twice.
    """
    from newsletter.text import first_sentence

    teaser = " ".join(story.teaser.split())
    if story.headline_derived:
        basis = teaser or " ".join(story.caption.split())
        if basis:
            first = first_sentence(basis)
            return first, basis[len(first) :].strip()
    return story.headline, "" if teaser == story.headline else teaser


def story_direction(story: Story, page: str) -> str:
    """The story's own direction when it differs from the page's (`page`: "ltr" or "rtl"): a Hebrew story in an
    English issue is set right to left, its full stops on its left; "" when the page's is the story's."""
    from newsletter.text import direction

    own = direction(" ".join((story.headline, story.teaser, story.opening)))
    return own if own and own != page else ""


def story_link(story: Story, web: str) -> str:
    """Where a card's title leads: the story's own page, else its whole text on the web version when the
    email shows only a card of it and the web version has more (its body)."""
    if story.url:
        return story.url
    if web and story.anchor and story.body and story.layout != "full":
        return f"{web}#{story.anchor}"
    return ""


def standfirst(story: Story) -> str:
    """The teaser shown above a whole story's body: none when the teaser is the body's first paragraph."""
    teaser = card_text(story)[1]
    return "" if not story.body or teaser == " ".join(story.opening.split()) else teaser


def card_rows(stories: list[Story], *, whole_bodies: bool = False) -> list[list[Story]]:
    """Cards two to a row; a story shown whole has a row to itself (in the email a `layout: full` one; with
    `whole_bodies`, as on the web version, every story with a body), and so has a card left alone."""

    def whole(story: Story) -> bool:
        return story.layout == "full" or (whole_bodies and bool(story.body))

    rows: list[list[Story]] = []
    for story in stories:
        if not whole(story) and rows and len(rows[-1]) == 1 and not whole(rows[-1][0]):
            rows[-1].append(story)
        else:
            rows.append([story])
    return rows


def same_words(one: str, other: str) -> bool:
    def words(text: str) -> str:
        return " ".join("".join(ch for ch in text.casefold() if ch.isalnum() or ch.isspace()).split())

    return words(one) == words(other)


def autolinked_mail(span: Span) -> bool:
    """`<mailto:...>` in Markdown: the link's text is its address, percent-escapes decoded (`?subject=Runoff tip`
    for `Runoff%20tip`)."""
    return span.href.startswith("mailto:") and span.text.strip() in (span.href, unquote(span.href))


def shown(span: Span) -> str:
    """What a link says: an autolinked address reads as the address, without "mailto:" or its subject."""
    if autolinked_mail(span):
        return span.href.removeprefix("mailto:").split("?")[0]
    return span.text


def is_bare(span: Span) -> bool:
    """A link whose text is its own whole address needs no numbered reference in the plain text; a mailto's
    subject is part of it, which the text shown leaves out."""
    if span.href.startswith("mailto:") and "?" in span.href:
        return False
    return span.text.strip() in (span.href, span.href.removeprefix("mailto:"))


def byline(story: Story, words: Words | None = None) -> str:
    """The line under a headline naming who wrote the story: "By Ana Ruiz" (`words`: the issue's, "Par Ana Ruiz"),
    as the page wrote it when it already says "By" (or the issue's "Par"); none under a title made up from the
    teaser."""
    name = " ".join(story.byline.split())
    if not name or story.headline_derived:
        return ""
    said = words or words_for(ENGLISH)
    starts = tuple(start for start in ("by ", said.byline.split("{name}")[0].lower()) if start.strip())
    return name if name.lower().startswith(starts) else said.say("byline", name=name)


class Entry(NamedTuple):
    """One line of "In this issue": a section's heading (no anchor) or a story's title and its anchor."""

    title: str
    anchor: str = ""
    url: str = ""  # the story's own page
    heading: bool = False

    def href(self, web: str) -> str:
        """Where the email's entry leads: the story's page, else its place on the web version."""
        return self.url or (f"{web}#{self.anchor}" if web and self.anchor else "")


def contents(issue: Issue) -> list[Entry]:
    """ "In this issue": the lead's headline, then each section's heading and its stories' titles."""
    from newsletter.text import shorten

    lead = issue.lead
    entries = [Entry(title=lead.headline, anchor=lead.anchor, url=lead.url)]
    for section in issue.sections:
        entries.append(Entry(title=section.heading, heading=True))
        entries += [
            Entry(title=shorten(card_text(story)[0], 100), anchor=story.anchor, url=story.url)
            for story in section.stories
        ]
    return entries
