"""Loaded stories -> an Issue: one lead, then sections, with the subject, preheader and date set."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

from .errors import InputError, place
from .links import same_site, site_of
from .load import Loaded
from .models import Brand, Issue, Notice, Section, Story, slugify
from .patterns import regex
from .settings import IssueSettings
from .text import first_sentence, fold, shorten
from .typography import WIDE, smarten, typeset
from .words import words_for

PREHEADER_LIMIT = 110


def sort_issue(
    loaded: Loaded, *, brand: Brand, today: dt.date, date: dt.date | None = None, words: dict[str, str] | None = None
) -> Issue:
    """Pick the lead, fill in what items lack, drop repeats, and group the rest into sections. The issue's
    date is `date` (the --date option), else issue.toml's, else `today`; `words`: newsletter.toml's [words]."""
    notices = list(loaded.notices)
    stories = [complete(without_send_tokens(typeset(story), notices), notices) for story in loaded.stories]
    stories = drop_repeats(stories, notices)
    lead = pick_lead(stories, loaded, notices)
    rest = [story for story in stories if story is not lead]
    for story in stories:
        notices.extend(missing(story))

    settings = loaded.settings
    sections = group_sections(rest, brand, settings, notices, lead=lead, words=words)
    lead_text = lead.opening or lead.teaser
    # Other sites' articles: their teaser and a link, never their whole text (unless `full: true`)
    lead = excerpted(lead, brand.web_base_url, notices)
    sections = [
        section.model_copy(
            update={"stories": [excerpted(story, brand.web_base_url, notices) for story in section.stories]}
        )
        for section in sections
    ]
    notices.extend(table_on_the_web_only(story) for section in sections for story in section.stories if carded(story))
    lead, sections = with_anchors(lead.model_copy(update={"lead": True}), sections)
    preheader = smarten(settings.preheader) or shorten(first_sentence(lead_text), PREHEADER_LIMIT)
    if not preheader:  # `check` refuses an empty one: say so here, at the story it would have come from
        hint = "write the story's text under its front matter, or set preheader in issue.toml"
        notices.append(about(lead, "no preheader: the lead has no text to take the inbox's line after the subject "
                                   "from", hint))  # fmt: skip
    return Issue(
        brand=brand,
        number=settings.number,
        date=date or settings.date or today,
        subject=subject_of(settings, lead),
        preheader=preheader,
        lead=lead,
        sections=sections,
        warnings=notices,
        words=words or {},
    )


def subject_of(settings: IssueSettings, lead: Story) -> str:
    """The email's subject: issue.toml's, else the lead's headline. One that would forge mail headers (an encoded
    word, =?utf-8?q?...?=, that decodes to a line break) is refused here at the line it comes from, before any
    file is made, not later when the message is written, where it could name no file."""
    from .headers import header_problem

    subject = smarten(settings.subject) or lead.headline
    problem = header_problem(subject)
    if problem is None:
        return subject
    if settings.subject:
        file = settings.file
        raise InputError(
            f"subject: {settings.subject!r} {problem}, which would forge mail headers",
            file=file.path if file else None,
            line=file.line("subject") if file else None,
        )
    raise InputError(
        f"headline: {lead.headline!r} {problem}, which would forge mail headers as the email's subject; write the "
        "headline as it should read, or give issue.toml a subject",
        file=lead.source.file,
        line=lead.source.line,
    )


# The opener of the tokens `send` fills in per recipient (%%{unsubscribe_url}%%, %%{message_id}%%...).
SEND_TOKEN_OPENER = "%%{"
SEND_TOKEN = regex(r"%%\{[\w:.-]{0,100}\}?(?:%%)?")
LINK_KEYS = {"url", "href", "src"}  # in a link, the opener is percent-encoded: the same address, never a token


def without_send_tokens(story: Story, notices: list[Notice]) -> Story:
    """The story with anything that reads as one of send's tokens written so it is never filled in: in text
    the brace becomes a full-width one (%%｛unsubscribe_url}%%), in a link it is percent-encoded; each is named.
    Without this a story holding %%{unsubscribe_url}%% would show every reader their own unsubscribe link, and
    a link holding it would hand that link to another site."""
    if SEND_TOKEN_OPENER not in story.model_dump_json():
        return story
    found: list[str] = []

    def clean(value: object, key: str = "") -> object:
        if isinstance(value, str):
            if SEND_TOKEN_OPENER not in value:
                return value
            found.extend(SEND_TOKEN.findall(value))
            return value.replace(SEND_TOKEN_OPENER, "%25%25%7B" if key in LINK_KEYS else "%%\uff5b")
        if isinstance(value, dict):
            return {name: clean(item, name) for name, item in value.items()}
        if isinstance(value, list):
            return [clean(item, key) for item in value]
        return value

    cleaned = clean(story.model_dump(exclude={"source"}))
    names = ", ".join(sorted(set(found)))
    notices.append(
        Notice(
            message=f"{names} would be filled in by `newsletter send` for each reader: written with a full-width "
            "brace (in a link, percent-encoded) so it shows as written",
            source=story.source,
            story=story.headline,
        )
    )
    assert isinstance(cleaned, dict)
    return Story.model_validate({**cleaned, "source": story.source})


def group_sections(
    stories: list[Story],
    brand: Brand,
    settings: IssueSettings,
    notices: list[Notice],
    *,
    lead: Story | None = None,
    words: dict[str, str] | None = None,
) -> list[Section]:
    """Stories in the editor's order (higher `priority` first, then file name, then place in the file),
    grouped by section. The sections follow issue.toml's `sections` list; the others follow them, in the
    order of their first story, each named in a notice. A story that names no section is "More from <brand>"
    when it is the brand's own, and under the elsewhere heading ("Elsewhere": never "More from <brand>", which
    would say they are the brand's own) when its link is on another site; [brand] more_from and elsewhere name
    them, else [words] in the issue's language. `lead`: the lead, above the sections: a listed section that only
    it has shows no heading (the desk's "Make lead" can take a section's only story), and keeps its place in
    the list for when another story leads."""
    said = words_for(brand.language, words)
    own, other = brand.more_from or said.say("more_from", brand=brand.name), brand.elsewhere or said.elsewhere

    def section_of(story: Story) -> str:
        return story.section or (own if same_site(story.url, brand.web_base_url) else other)

    ordered = sorted(stories, key=lambda s: (-s.priority, Path(s.source.file).name, s.source.line))
    groups: dict[str, list[Story]] = {}
    for story in ordered:
        groups.setdefault(section_of(story), []).append(story)
    leads = fold(section_of(lead)) if lead else None
    listed = []
    for name in settings.sections:
        heading = next((heading for heading in groups if fold(heading) == fold(smarten(name))), None)
        if heading is None and fold(smarten(name)) != leads:
            raise unlisted(name, list(groups), settings)
        if heading is not None:
            listed.append(heading)
    rest = [heading for heading in groups if heading not in listed]
    if settings.sections:
        for heading in rest:
            notices.append(
                Notice(
                    message=f"section {heading!r} is not in issue.toml's sections: it follows the listed ones; "
                    "add it to the list to place it",
                    source=groups[heading][0].source,
                )
            )
    return [Section(heading=heading, stories=groups[heading]) for heading in listed + rest]


def unlisted(name: str, headings: list[str], settings: IssueSettings) -> InputError:
    """The error for a name in issue.toml's `sections` that no story has."""
    close = difflib.get_close_matches(name, headings, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    known = (
        "the stories' sections are " + ", ".join(repr(heading) for heading in headings)
        if headings
        else "no story but the lead has a section yet (a story's `section:` gives it one)"
    )
    message = f"sections names {name!r}, which no story has: {hint}{known}"
    file = settings.file
    return InputError(
        message, file=file.path if file else "issue.toml", line=file.value_line("sections", name) if file else None
    )


PAGE_IDS = {"contents-heading"}  # the ids templates/web/page.html gives beside the stories'


def with_anchors(lead: Story, sections: list[Section]) -> tuple[Story, list[Section]]:
    """Each story gets its id on the web version, from its headline: the same issue gives the same ids, and no
    two stories (nor a story and the page's own ids) the same one."""
    taken = set(PAGE_IDS)

    def anchor(story: Story) -> Story:
        base = slugify(story.headline, limit=40, fallback="story")
        name, number = base, 2
        while name in taken:
            name, number = f"{base}-{number}", number + 1
        taken.add(name)
        return story.model_copy(update={"anchor": name})

    lead = anchor(lead)
    return lead, [
        section.model_copy(update={"stories": [anchor(story) for story in section.stories]}) for section in sections
    ]


EXCERPT_WORDS = 60  # about two sentences: what a curated newsletter quotes before "Read at"
# Chinese and Japanese run their words together: each of their characters (typography.WIDE, punctuation too) counts
# as half a word, so an excerpt of theirs is about 120 characters, about as long to read as 60 English words.
EXCERPT_UNITS = regex(f"(?P<wide>[{WIDE}])|[^\\s{WIDE}]+")


def cut_to_words(text: str, limit: int) -> str:
    """`text` (its spaces single) cut before its word past `limit`, with "…"; as it is when it has no more."""
    count = 0.0
    for unit in EXCERPT_UNITS.finditer(text):
        count += 0.5 if unit["wide"] else 1
        if count > limit:
            return text[: unit.start()].rstrip(" ,;:–—-，、；：") + "…"
    return text


def excerpted(story: Story, base: str, notices: list[Notice]) -> Story:
    """A story whose link is on another site than `base` (the web base URL) keeps its headline, picture and
    teaser (else its first paragraph), at most EXCERPT_WORDS words, and links there to be read: its body is
    the other site's to publish. `full: true` (the editor has the rights) keeps it whole; so does a story of
    the brand's own site, and every story when there is no web base URL to tell sites apart."""
    if story.full or not story.body or not story.url or same_site(story.url, base):
        return story
    site = site_of(story.url)
    notices.append(
        about(
            story,
            f"another site's article: shown as its teaser and 'Read at {site}', not whole",
            "write `full: true` in its front matter if you have the rights to publish it whole",
        )
    )
    teaser = cut_to_words(" ".join((story.teaser or story.opening).split()), EXCERPT_WORDS)
    return story.model_copy(
        update={"body": [], "pull_quotes": [], "teaser": teaser, "layout": "card", "excerpt_from": site}
    )


def complete(story: Story, notices: list[Notice]) -> Story:
    """Give an item with no headline a title from its teaser (or caption), and a teaser to a full story."""
    update: dict[str, object] = {}
    if not story.teaser and story.opening and story.headline:
        update["teaser"] = story.opening
    if not story.headline:
        # The first of these the story has gives its title; the message names which one.
        named = [("teaser", story.teaser), ("caption", story.caption), ("body", story.opening)]
        part, basis = next(((part, text) for part, text in named if text), named[-1])
        update["headline"] = shorten(first_sentence(basis), 120)
        update["headline_derived"] = True
        notices.append(
            Notice(
                message=f"no headline: the first sentence of its {part} stands in as its title",
                source=story.source,
                story=str(update["headline"]),
                hint="give it a headline",
            )
        )
    return story.model_copy(update=update) if update else story


def drop_repeats(stories: list[Story], notices: list[Notice]) -> list[Story]:
    """Keep the first of stories with the same link, headline, or caption and teaser."""
    seen: dict[str, Story] = {}
    kept = []
    for story in stories:
        keys = [f"url:{story.url.rstrip('/')}" if story.url else ""]
        keys.append(f"headline:{fold(story.headline)}" if not story.headline_derived else "")
        keys.append(f"item:{fold(story.caption)}|{fold(story.teaser)}" if story.caption or story.teaser else "")
        first = next((seen[key] for key in keys if key and key in seen), None)
        if first is not None:
            notices.append(
                Notice(
                    message=f"the same story twice: kept the one from {first.source}",
                    source=story.source,
                    story=story.headline,
                    hint="delete one of the two",
                )
            )
            continue
        seen.update({key: story for key in keys if key})
        kept.append(story)
    return kept


def pick_lead(stories: list[Story], loaded: Loaded, notices: list[Notice]) -> Story:
    chosen = loaded.settings.lead
    marked = [s for s in stories if s.lead or (chosen and Path(s.source.file).name == chosen)]
    if chosen:
        # issue.toml has the last word: a story it names leads even if another says `lead: true`, which is said
        # (`import --lead` into an issue `new` started marks a story that its issue.toml's lead outranks).
        named = [s for s in marked if Path(s.source.file).name == chosen]
        settings = loaded.settings.file
        where = place(settings.path, settings.line("lead")).removesuffix(": ") if settings else "issue.toml"
        notices.extend(
            about(
                story,
                f"says `lead: true`, but {where} names {chosen} as the lead: this story goes in a section",
                "to make it the lead, write its file name in `lead` there; else delete its `lead: true`",
            )
            for story in marked
            if story is not named[0] and story.lead  # (the named page's "More from" items say nothing of the kind)
        )
        return named[0]
    if len(marked) > 1:
        files = " and ".join(str(s.source) for s in marked[:2])
        raise InputError(f"two stories are marked lead: {files}; keep `lead: true` on one")
    if marked:
        return marked[0]
    return next((s for s in stories if s.is_full), stories[0])


def missing(story: Story) -> list[Notice]:
    """What an editor must add before sending: a link, an image, alt text."""
    found = []  # (message, hint when the message does not say what to do)
    if not story.url:  # a pasted page's article: its front matter holds it, and its words confirm the headline
        pasted = story.source.file.lower().endswith(".txt") and story.is_full
        found.append(("no link: add its url", "write `url: https://...` between two `---` lines at the page's top "
                      "(its words also confirm the headline), or import it with `--url https://...`, which reads the "
                      "page there for its headline" if pasted else ""))  # fmt: skip
    if not story.image.src:
        if not story.text_only:  # `image: false` says so on purpose
            markdown = story.source.file.lower().endswith((".md", ".markdown"))  # pages have no front matter
            found.append(
                (
                    "no image src: the story shows as text only",
                    "add its image, or write `image: false` in its front matter to keep it text only"
                    if markdown
                    else "add its image, or leave it as a text-only item",
                )
            )
    elif not story.image.alt and not story.caption:
        found.append(("no alt text: describe the image for readers who cannot see it", ""))
    return [about(story, message, hint) for message, hint in found]


def carded(story: Story) -> bool:
    """A story below the lead whose results table the email leaves out: a card shows its teaser alone."""
    return story.layout == "card" and not story.excerpt_from and any(block.results for block in story.body)


def table_on_the_web_only(story: Story) -> Notice:
    return about(
        story,
        "its results table is on the web version only: the email and the plain text show the story as a card",
        "write `layout: full` in its front matter to put the table in the email",
    )


def about(story: Story, message: str, hint: str = "") -> Notice:
    """A notice about `story`, at its place, naming its headline."""
    return Notice(message=message, source=story.source, story=story.headline, hint=hint)
