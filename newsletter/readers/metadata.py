"""What a saved page says about itself: JSON-LD (the article's object, graphs unfolded) and Open Graph, read with
extruct -> headline, canonical URL, image, caption, credit, byline, site and date, each a plain string."""

from __future__ import annotations

import re
from typing import Any

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
