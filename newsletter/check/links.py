"""Every link in the email goes somewhere a reader can open, and says where."""

from __future__ import annotations

from urllib.parse import urlsplit

from .findings import Finding, Level, shown
from .page import Link, Page, StoryIndex

VAGUE_LINK_TEXT = {
    "click here", "click", "here", "read more", "read", "more", "learn more", "link", "this", "this link",
    "continue", "continue reading", "go", "see more", "find out more", "details", "more info", "full story",
    "read the full story", "read the story", "view", "open",
}  # fmt: skip


def check_links(page: Page, stories: StoryIndex, html_name: str) -> list[Finding]:
    findings = []
    for link in page.links:
        href = (link.href or "").strip()
        parts = urlsplit(href)
        scheme = parts.scheme.lower()
        label = link.name[:40]

        def add(level: Level, message: str, link: Link = link, href: str = href) -> None:
            findings.append(stories.finding(level, "links", message, href, html_name, link.line))

        if not href or href.startswith("#"):
            add("error", f"link {label!r} goes nowhere: give it a full https:// address")
        elif scheme in ("http", "https"):
            if not parts.netloc:
                add("error", f"link {shown(href)!r} has no host: write the full address")
        elif scheme == "mailto":
            if not parts.path.strip():
                add("error", f"link {label!r} is a mailto: with no address: add the address")
        elif scheme:
            add("error", f"link {shown(href)!r} is not http, https or mailto: readers cannot open it; replace it")
        else:
            add(
                "error",
                f"link {shown(href)!r} is relative and breaks in an inbox: write the full https:// "
                "address, or set brand.web_base_url",
            )
        name = link.name
        if not name:
            add(
                "warning",
                f"link to {shown(href)!r} has no text: screen readers read out the address; give it "
                "words, or alt text on its image",
            )
        elif is_vague(name) and (not link.title or is_vague(link.title)):
            add(
                "warning",
                f"link text {name!r} says nothing out of context (screen readers list links alone): "
                "name what it opens, e.g. the story's headline",
            )
    return findings


def is_vague(text: str) -> bool:
    return " ".join(text.split()).strip(" .:!→»›>…-").lower() in VAGUE_LINK_TEXT
