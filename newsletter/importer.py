"""A pasted page (.txt), a saved page (.html) or a URL -> Markdown story files an editor completes (`import`)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, OutputError
from .links import same_site
from .models import Notice, Source, Story, slugify
from .output import write_atomic
from .patterns import regex
from .settings import SettingsFile
from .storyfile import story_markdown
from .text import first_sentence, fold


@dataclass
class Imported:
    written: list[Path]
    notices: list[Notice] = field(default_factory=list)  # what the reader left out or was unsure of
    feed: bool = False  # the page was a feed: its posts became "More from" stories
    whole: list[Path] = field(default_factory=list)  # stories holding another site's whole article
    empty: list[str] = field(default_factory=list)  # the fields some story was written with empty: url, headline, image


def import_page(
    page: str | Path | None,
    to: Path,
    *,
    lead: bool = False,
    config: Path | None = None,
    since: dt.date | None = None,
    today: dt.date | None = None,
    url: str = "",
) -> Imported:
    """Write one Markdown file per story of the page (a file, or an http/https URL of a page or a feed) into
    `to`, numbered after the stories already there; `lead`: the page's article is marked `lead: true` (an
    issue has one lead, so only when the editor asks). No page: the feed `[more_from] feed` names. `url`: a
    pasted page's address, its link, where the page is read for the headline it names (readers/named.py)."""
    from .readers.feed import FEED_TYPES, is_feed
    from .readers.fetch import HTML_TYPES, fetch, is_url, shown
    from .settings import load_more_from, read_config

    if to.exists() and not to.is_dir():
        raise OutputError("is a file, not a folder; choose another --to", file=to)
    settings = read_config(config)
    more_from = load_more_from(settings)
    if page is None:
        if not more_from.feed:
            raise InputError(
                "give a page or feed to import, or set the brand's feed in newsletter.toml: "
                '[more_from] feed = "https://example.org/feed.xml"'
            )
        page = more_from.feed
    notices: list[Notice] = []
    is_feed_import = False
    if url and (page is None or isinstance(page, str) and is_url(page) or Path(page).suffix.lower() != ".txt"):
        raise InputError("--url gives a pasted page (.txt) its address; a saved page or a URL has its own")
    if isinstance(page, str) and is_url(page):
        from .readers.html import parse_html

        # The editor typed it (on the command line, or as [more_from] feed): an address of their own network may
        # be meant, and only that one is reached.
        fetched = fetch(page, typed=True, accept=HTML_TYPES + FEED_TYPES)
        if is_feed(fetched.data):
            is_feed_import = True
            read_stories = feed_stories(fetched.data, fetched.url, to, more_from.count, since, today, notices)
            brand = ""
        else:
            # Decoded by the charset the server or the page declares: a Latin-1 page's accents stay accents.
            story = parse_html(fetched.data, shown(page), notices, url=fetched.url, charset=fetched.charset)
            read_stories, brand = [story], ""
    else:
        named = brand_name(settings, to)
        read_stories, page_brand = read_file(Path(page), notices, brand=named, address=url)
        brand = "" if named else page_brand  # written to issue.toml below when nothing else names the brand
    if not is_feed_import and read_stories:
        known = known_stories(to, notices)
        twice = next((known[key] for key in sorted(story_keys(read_stories[0])) if key in known), None)
        if twice:
            raise InputError(f"already holds this page's article: {twice}; delete it to import the page again", file=to)
    first = next_number(to)
    files: dict[Path, str] = {}
    for number, story in enumerate(read_stories, start=first):
        files[to / f"{number:02d}-{story_name(story)}.md"] = story_markdown(story, lead=lead and number == first)
    if brand and not (to / "issue.toml").exists():
        files[to / "issue.toml"] = f"[brand]\nname = {json.dumps(brand, ensure_ascii=False)}\n"
    existing = [path for path in files if path.exists()]
    if existing:
        raise InputError("already exists; import into another folder", file=existing[0])
    for path, text in files.items():
        write_atomic(path, text.encode())
    if lead and files:
        notices.extend(outranked(next(iter(files)), to))
    base = web_base_url(settings, to)
    whole = [
        path for path, story in zip(files, read_stories, strict=False) if story.body and not same_site(story.url, base)
    ]
    fields = [("url", "url"), ("headline", "headline"), ("image", "image.src")]
    empty = [name for name, key in fields if any(not field_of(story, key) for story in read_stories)]
    return Imported(written=list(files), notices=notices, feed=is_feed_import, whole=whole, empty=empty)


def field_of(story: Story, key: str) -> object:
    return story.image.src if key == "image.src" else getattr(story, key)


def brand_name(settings: SettingsFile, to: Path) -> str:
    """The issue's brand name as the issue's issue.toml or newsletter.toml's [brand] gives it; "" when neither
    does (a build would then take the name a pasted page's "More from <brand>" line gives)."""
    from .load import brand_named
    from .settings import load_issue_settings

    issue = load_issue_settings(to / "issue.toml") if (to / "issue.toml").is_file() else None
    return brand_named(issue.brand if issue else None, settings.data.get("brand"))


def outranked(marked: Path, to: Path) -> list[Notice]:
    """The notice that `to`'s issue.toml names another story as the lead (as `newsletter new` writes it), which
    a build takes over the `lead: true` of `marked`, the story `--lead` marked."""
    from .settings import load_issue_settings

    issue = load_issue_settings(to / "issue.toml") if (to / "issue.toml").is_file() else None
    if issue is None or not issue.lead or issue.lead == marked.name or issue.file is None:
        return []
    return [
        Notice(
            message=f"names {issue.lead} as the lead, which a build keeps over {marked.name}'s `lead: true`: write "
            f'lead = "{marked.name}" there to make it the lead',
            source=Source(file=str(issue.file.path), line=issue.file.line("lead") or 1),
        )
    ]


def web_base_url(settings: SettingsFile, to: Path) -> str:
    """Where the issue in `to` is published: newsletter.toml's [brand], then its issue.toml's."""
    from .settings import load_brand, load_issue_settings

    issue = load_issue_settings(to / "issue.toml") if (to / "issue.toml").is_file() else None
    brand = load_brand(settings, overrides=issue.brand if issue else None, overrides_file=issue.file if issue else None)
    return brand.web_base_url


STORY_NUMBER = regex(r"^(\d{1,4})-")


def next_number(folder: Path) -> int:
    """One after the highest `NN-` a story file in the folder starts with: a second import adds, never clashes."""
    if not folder.is_dir():
        return 1
    numbers = [int(match.group(1)) for path in folder.iterdir() if (match := STORY_NUMBER.match(path.name))]
    return max(numbers, default=0) + 1


def feed_stories(
    data: bytes,
    url: str,
    to: Path,
    count: int,
    since: dt.date | None,
    today: dt.date | None,
    notices: list[Notice],
) -> list[Story]:
    """The feed's posts since the previous issue (else the week before this one), up to this issue's date,
    at most `count`, leaving out those the issue in `to` already has."""
    from .readers.feed import read_feed

    day = issue_date(to) or today or dt.date.today()
    previous = previous_issue(to, day)
    since = since or (previous + dt.timedelta(days=1) if previous else day - dt.timedelta(days=6))
    items = read_feed(data, url, since=since, until=day, count=count, have=set(known_stories(to, notices)))
    notices.extend(items.notices)
    if not items.stories:
        notices.append(Notice(message=f"no posts of the feed since {since.isoformat()} to add", source=None))
    return items.stories


def issue_date(folder: Path) -> dt.date | None:
    """The issue's date: issue.toml's, else the folder's name when it is one (issues/2026-12-01)."""
    from .buildfolder import folder_date
    from .settings import load_issue_settings

    if (folder / "issue.toml").is_file():
        settings = load_issue_settings(folder / "issue.toml")
        if settings.date:
            return settings.date
    return folder_date(folder)


def previous_issue(folder: Path, day: dt.date) -> dt.date | None:
    """The date of the latest issue folder beside this one dated before it (issues/<date>/, as `new` makes)."""
    from .buildfolder import folder_date, latest_dated

    previous = latest_dated(folder.absolute().parent, before=day)
    return folder_date(previous) if previous else None


def known_stories(folder: Path, notices: list[Notice]) -> dict[str, str]:
    """The links and folded headlines of the stories already in the issue folder -> the file holding each.

    Each file is read on its own: one that cannot be read is named in `notices` (it was not compared with the
    page) and does not stop an import of an unrelated page; the build still refuses it."""
    from .load import story_files
    from .readers import read

    if not folder.is_dir():
        return {}
    known: dict[str, str] = {}
    for path in story_files(folder):
        try:
            stories = read(path, []).stories
        except InputError as error:
            why = f"could not be read, so it was not checked for this page's article: {error.message}"
            notices.append(Notice(message=why, source=Source(file=error.file or str(path), line=error.line)))
            continue
        for story in stories:
            for key in story_keys(story):
                known.setdefault(key, story.source.file)
    return known


def story_keys(story: Story) -> set[str]:
    """What makes two stories one: the same link, or the same headline (a made-up or guessed one does not count)."""
    keys = {story.url.rstrip("/")} if story.url else set()
    sure = story.headline and not (story.headline_derived or story.headline_unsure)
    return keys | ({f"headline:{fold(story.headline)}"} if sure else set())


def read_file(path: Path, notices: list[Notice], *, brand: str, address: str = "") -> tuple[list[Story], str]:
    """The page's stories and the brand its "More from <brand>" line names. Its related list becomes "More from"
    items when the page is the brand's own: `brand`'s, else (nothing names one) the brand the page names, which
    issue.toml then keeps. Any other list is left out and named. `address`: a pasted page's, whose page is read
    for the headline it names."""
    from .load import placed
    from .readers import read
    from .readers.named import web_address
    from .readers.pasted import parse_pasted
    from .text import read_text

    if address:
        found = parse_pasted(read_text(path), str(path), notices, address=web_address(address), look=True)
    else:
        found = read(path, notices)
    return placed(found, notices, brand), found.brand


def story_name(story: Story) -> str:
    """A story file's name, without its suffix: its headline in Latin letters (other scripts spelled in them), else
    (no headline, or one of symbols alone) the first sentence of its teaser, caption or first paragraph, else
    "story"."""
    opening = story.teaser or story.caption or next((block.text for block in story.body if block.kind == "p"), "")
    for text in (story.headline, first_sentence(opening)):
        if name := slugify(text, limit=40, fallback=""):
            return name
    return "story"
