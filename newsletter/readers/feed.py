"""A feed (RSS or Atom, as fetched) -> "More from" items: the posts of the week, each with headline, link,
teaser, image and date when the feed has them (parsed with feedparser, never by hand).

Only what the week needs is taken: posts dated on or after `since` and not after the issue's date, newest
first, at most `count`; a post whose link (or headline) the issue already has is passed over. Every post
left out is counted in a notice, so nothing is dropped without a word; a post that cannot be a story (a
`javascript:` link) is named in its own, and the rest of the feed still comes in.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from pydantic import ValidationError

from newsletter.errors import InputError
from newsletter.links import check_link
from newsletter.models import Image, Notice, Source, Story
from newsletter.text import clean_value, fold, shorten, text_problem

FEED_TYPES = ("application/atom+xml", "application/rss+xml", "application/rdf+xml", "application/xml", "text/xml")
TEASER_WORDS = 60  # a teaser, not the post: about as long as a card shows
HEADLINE_LIMIT = 300


def is_feed(data: bytes) -> bool:
    """Whether the bytes are an RSS, RDF or Atom document (an HTML page is not)."""
    head = data[:4096].lower()
    return re.search(rb"<(?:[\w-]+:)?(?:rss|feed|rdf)[\s>]", head) is not None and b"<html" not in head


@dataclass
class FeedItems:
    stories: list[Story]
    title: str = ""  # the feed's own title: the site's name
    notices: list[Notice] = field(default_factory=list)


def read_feed(
    data: bytes,
    url: str,
    *,
    since: dt.date | None,
    until: dt.date | None,
    count: int,
    have: AbstractSet[str] = frozenset(),
) -> FeedItems:
    """The feed's posts of the week as stories. `have`: links and folded headlines the issue already holds."""
    import feedparser

    parsed = feedparser.parse(data, response_headers={"content-location": url})
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f": {problem}" if problem else ""
        raise InputError(f"is not an RSS or Atom feed{detail}", file=url)
    title = clean_value(str(parsed.feed.get("title", "")))
    found: list[tuple[dt.date | None, int, Story]] = []
    old = repeated = undated = empty = 0
    bad: list[Notice] = []  # posts that cannot be stories, each named: the rest of the feed still comes in
    for number, entry in enumerate(parsed.entries, start=1):
        try:
            story = entry_story(entry, url, number)
        except (InputError, ValidationError) as error:
            why = error.message if isinstance(error, InputError) else error.errors()[0]["msg"]
            post_title = shorten(plain(str(entry.get("title", ""))), 60)
            named = repr(post_title) if post_title else "with no title"
            # Its place: the post's number in the feed (as entry_story's stories have it), as a file's line
            bad.append(Notice(message=f"left out the post {named}: {why}", source=Source(file=url, line=number)))
            continue
        if story is None:
            empty += 1
            continue
        if story.date is None:
            undated += 1
        elif (since and story.date < since) or (until and story.date > until):
            old += 1
            continue
        keys = {story.url.rstrip("/"), f"headline:{fold(story.headline)}"} - {"", "headline:"}
        if keys & have:
            repeated += 1
            continue
        have = have | keys
        found.append((story.date, number, story))
    # Newest first; posts of the same day (or undated) keep the feed's order.
    found.sort(key=lambda item: (-(item[0] or dt.date.min).toordinal(), item[1]))
    kept = [story for _, _, story in found[:count]]
    notices = bad
    window = f" between {since.isoformat()} and {until.isoformat()}" if since and until else ""
    if old:
        notices.append(Notice(message=f"{old} post(s) of the feed left out: not published{window}"))
    if empty:
        notices.append(Notice(message=f"{empty} post(s) of the feed left out: neither a title nor a link"))
    if repeated:
        notices.append(Notice(message=f"{repeated} post(s) of the feed left out: the issue already has them"))
    if len(found) > count:
        notices.append(
            Notice(
                message=f"{len(found) - count} post(s) of the feed left out: past [more_from] count = {count}",
                hint="raise count in newsletter.toml to take more",
            )
        )
    if undated and kept:
        notices.append(Notice(message=f"{undated} post(s) of the feed have no date: taken as this week's"))
    return FeedItems(stories=kept, title=title, notices=notices)


def entry_story(entry: Any, feed_url: str, number: int) -> Story | None:
    """One feed entry as a "More from" item; None for an entry with neither a title nor a link."""
    link = str(entry.get("link", "")).strip()
    headline = shorten(plain(str(entry.get("title", ""))), HEADLINE_LIMIT)
    if not link and not headline:
        return None
    source = Source(file=feed_url, line=number)  # the line: the post's place in the feed
    url = check_link(urljoin(feed_url, link), lambda message: InputError(message, file=feed_url)) if link else ""
    summary = entry.get("summary", "") or next((part.get("value", "") for part in entry.get("content", [])), "")
    teaser = words(plain(str(summary)), TEASER_WORDS)
    if fold(teaser) == fold(headline):
        teaser = ""
    when = entry.get("published_parsed") or entry.get("updated_parsed")
    date = dt.datetime.fromtimestamp(calendar.timegm(when), tz=dt.UTC).date() if when else None
    src = image_of(entry, feed_url)
    return Story(
        headline=headline,
        url=url,
        teaser=teaser,
        date=date,
        byline=shorten(plain(str(entry.get("author", ""))), 200),
        image=Image(src=src, alt=headline if src else ""),
        source=source,
    )


def image_of(entry: Any, feed_url: str) -> str:
    """The post's picture: media:content or media:thumbnail, an image enclosure, else the first <img>."""
    candidates = [
        *(item.get("url", "") for item in entry.get("media_content", []) if is_image(item)),
        *(item.get("url", "") for item in entry.get("media_thumbnail", [])),
        *(link.get("href", "") for link in entry.get("links", []) if link.get("rel") == "enclosure" and is_image(link)),
    ]
    html = entry.get("summary", "") + "".join(part.get("value", "") for part in entry.get("content", []))
    candidates += re.findall(r"<img\b[^>]*?\bsrc=[\"']([^\"']+)", html)
    for candidate in candidates:
        src = urljoin(feed_url, str(candidate).strip())
        if src.lower().startswith(("https://", "http://")) and not text_problem(src):
            return src
    return ""


def is_image(item: Any) -> bool:
    kind = str(item.get("type", "") or item.get("medium", ""))
    return not kind or kind.startswith("image")


def plain(html: str) -> str:
    """Text of a feed's HTML (titles and summaries may hold markup and entities), on one line."""
    if "<" in html or "&" in html:
        import lxml.html

        try:
            html = lxml.html.fromstring(f"<div>{html}</div>").text_content()
        except (ValueError, lxml.etree.ParserError):
            pass
    return clean_value(" ".join(html.split()))


def words(text: str, limit: int) -> str:
    """At most `limit` words, an ellipsis marking a cut."""
    parts = text.split()
    return text if len(parts) <= limit else " ".join(parts[:limit]).rstrip(" ,;:–—-") + "…"
