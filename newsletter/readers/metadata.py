"""What a saved page says about itself: JSON-LD (the article's object, graphs unfolded) and Open Graph, read with
extruct -> headline, canonical URL, image, caption, credit, byline, site and date, each a plain string; and its date
as a date (read_date: the metadata's, else trafilatura's)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from newsletter.models import Notice, Source
from newsletter.patterns import regex

ARTICLE_TYPES = ("Article", "NewsArticle", "BlogPosting", "Report", "ReportageNewsArticle", "AnalysisNewsArticle",
                 "OpinionNewsArticle", "LiveBlogPosting", "TechArticle", "ScholarlyArticle", "WebPage")  # fmt: skip


def page_metadata(tree: Any, url: str) -> dict[str, str]:
    """Headline, canonical URL, image, byline, date from JSON-LD (first) and Open Graph; absent keys are absent.
    `tree`: the page as parsed from its decoded text (extruct would decode bytes as UTF-8 whatever the page says)."""
    import extruct

    try:
        found = extruct.extract(tree, base_url=url or None, syntaxes=["json-ld", "opengraph"], uniform=True,
                                errors="ignore")  # fmt: skip
    except Exception:  # extruct fails on broken markup in many ways; the page is still readable without it
        found = {}
    about: dict[str, str] = {}
    for item in article_items(found.get("json-ld", [])):
        put(about, "headline", item.get("headline") or item.get("name"))
        put(about, "url", first_url(item.get("mainEntityOfPage")) or item.get("url"))
        image = item.get("image")
        image = image[0] if isinstance(image, list) and image else image
        if isinstance(image, dict):
            put(about, "image", image.get("url") or image.get("contentUrl"))
            put(about, "caption", image.get("caption") or image.get("description"))
            put(about, "credit", image.get("creditText") or names(image.get("copyrightHolder")))
        else:
            put(about, "image", image)
        put(about, "byline", names(item.get("author")))
        put(about, "site", names(item.get("publisher")))
        put(about, "date", item.get("datePublished") or item.get("dateCreated"))
    for og in found.get("opengraph", []):
        put(about, "og_title", og.get("og:title"))
        put(about, "site", og.get("og:site_name"))
        put(about, "url", og.get("og:url"))
        put(about, "image", og.get("og:image"))
        put(about, "image_alt", og.get("og:image:alt"))
        put(about, "date", og.get("article:published_time"))
    return about


def article_items(items: list[Any]) -> list[dict[str, Any]]:
    """JSON-LD objects that describe an article, the most specific first, graphs unfolded."""
    flat: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, dict):
            flat.extend(x for x in item.get("@graph", [item]) if isinstance(x, dict))

    def rank(item: dict[str, Any]) -> int:
        kinds = item.get("@type") or []
        kinds = [kinds] if isinstance(kinds, str) else kinds if isinstance(kinds, list) else []  # not 5, nor {...}
        return min((ARTICLE_TYPES.index(k) if k in ARTICLE_TYPES else 99 for k in kinds if isinstance(k, str)),
                   default=99)  # fmt: skip

    return sorted((item for item in flat if rank(item) < 99), key=lambda item: ARTICLE_TYPES[rank(item)] == "WebPage")


def put(about: dict[str, str], key: str, value: Any) -> None:
    """`value` under `key` unless one is there. A lone surrogate (JSON-LD's "\\ud83d" without its pair: half an emoji
    a site cut) is half a character no file can hold: U+FFFD, as a browser shows a broken character and the reader
    flags one."""
    if key not in about and isinstance(value, str) and value.strip():
        about[key] = re.sub("[\ud800-\udfff]", "\ufffd", value.strip())


def first_url(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    return value if isinstance(value, str) else ""


def names(value: Any) -> str:
    """An author or holder: a name, an object with a name, or a list of them."""
    if isinstance(value, list):
        return ", ".join(filter(None, (names(v) for v in value)))
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) else ""


def read_date(given: str, found: str, tree: Any, text: str, file: str, notices: list[Notice]) -> dt.date | None:
    """The page's date: its metadata's (JSON-LD, Open Graph), else the one trafilatura finds, which reads "10/04/16"
    day first. Where the page's own <time datetime> values hold that date with its day and month the other way
    round, and never as read, theirs is right: an American page's October 4, not April 10. trafilatura's 1 January
    of a year the page (`text`, its time stamps) shows with no day is that year alone, a copyright line's ("© 2013
    Cable News Network") or an address's (".../2026/pier.jpg"): no date, named."""
    date = page_date(given)
    if date is None:  # none given, or a template's placeholder ("0001-01-01T00:00:00Z"): trafilatura's
        given, date = "", page_date(found)
    if not given and date is not None and (date.month, date.day) == (1, 1) and not new_year_shown(date, text, tree):
        notices.append(Notice(message=f"left out the date {date.isoformat()} trafilatura read: the page shows that "
                                      "year alone (a copyright line's, an address's), no day; give the story its "
                                      "`date:` if it has one",
                              source=Source(file=file, line=1)))  # fmt: skip
        return None
    if given or date is None or date.day > 12 or date.day == date.month:
        return date
    stamped = {page_date(str(value)) for value in tree.xpath("//time/@datetime")}
    swapped = date.replace(month=date.day, day=date.month)
    return swapped if swapped in stamped and date not in stamped else date


def new_year_shown(date: dt.date, text: str, tree: Any) -> bool:
    """Whether the page shows 1 January of `date`'s year as a day: in a time stamp, or in its text near the year
    ("01.01.2013", "1/1/2013", "January 1, 2013", "1. Januar 2013", "2013年1月1日")."""
    year = str(date.year)
    if any(str(value).startswith(f"{year}-01-01") for value in tree.xpath("//time/@datetime | //meta/@content")):
        return True
    return any(
        NEW_YEAR.search(text[max(0, at - 24) : at + 28]) for at in (match.start() for match in re.finditer(year, text))
    )


NEW_YEAR = regex(r"(?i)\b0?1\s*[./-]\s*0?1\b|\bjan(?:uary|uar|vier|eiro|uari)?\b|\benero\b|\bgennaio\b|\bstycz|"
                 r"\bянвар|\bocak|1\s*月\s*1\s*日")  # fmt: skip


# What a template writes where it has no date: .NET's least date (0001-01-01), SQL Server's (1900-01-01), Unix time 0
# (1970-01-01). An archive's page may give the day its story was printed, long before the web: a year from 1800 is read
PLACEHOLDER_DATES = (dt.date(1900, 1, 1), dt.date(1970, 1, 1))
FIRST_YEAR = 1800


def page_date(value: str) -> dt.date | None:
    """The date a page's metadata gives (ISO 8601), or None: none, not a date, or a template's placeholder."""
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not match:
        return None
    try:
        date = dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None
    return None if date.year < FIRST_YEAR or date in PLACEHOLDER_DATES else date
