"""The parsed email (links, images, style blocks, text) and the story each link or image belongs to."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from newsletter.models import Issue, Story

from .findings import Finding, Level, story_finding


@dataclass
class Link:
    href: str | None
    line: int
    text: str = ""
    aria_label: str = ""
    title: str = ""

    @property
    def name(self) -> str:
        """What a screen reader announces: aria-label first, then the text (images count by their alt)."""
        return " ".join((self.aria_label or self.text).split())


@dataclass
class Img:
    attrs: dict[str, str | None]
    line: int


@dataclass
class Page:
    links: list[Link] = field(default_factory=list)
    images: list[Img] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    text: list[tuple[int, str]] = field(default_factory=list)  # (line, visible text)


class EmailParser(HTMLParser):
    """Links, images, style blocks and text of the email. Outlook-only markup is a comment: not read."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.open_links: list[Link] = []
        self.skip = ""  # inside <style>, <script> or <title>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        line = self.getpos()[0]
        if tag == "a":
            link = Link(
                href=values.get("href"),
                line=line,
                aria_label=(values.get("aria-label") or "").strip(),
                title=(values.get("title") or "").strip(),
            )
            self.page.links.append(link)
            self.open_links.append(link)
        elif tag == "img":
            self.page.images.append(Img(attrs=values, line=line))
            for link in self.open_links:
                link.text += " " + (values.get("alt") or "")
        elif tag in ("style", "script", "title"):
            self.skip = tag
            if tag == "style":
                self.page.styles.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.open_links:
            self.open_links.pop()
        elif tag == self.skip:
            self.skip = ""

    def handle_data(self, data: str) -> None:
        if self.skip == "style":
            self.page.styles[-1] += data
        if self.skip:
            return
        self.page.text.append((self.getpos()[0], data))
        for link in self.open_links:
            link.text += data


def parse_html(html: str) -> Page:
    parser = EmailParser()
    parser.feed(html)
    parser.close()
    return parser.page


class StoryIndex:
    """Finds the story a link or an image in the email belongs to, so a finding can name its source."""

    def __init__(self, issue: Issue) -> None:
        from newsletter.render import image_link, issue_web_url, link_forms

        self.by_url: dict[str, Story] = {}
        forms = link_forms(issue)  # as the renderer writes a link: absolute, campaign-tagged in the email
        # The place on the web version of each story the email, and so its plain text, shows whole (the lead, a
        # `layout: full` story): "In this issue" links there, and the text holds the story itself.
        web = issue_web_url(issue)
        whole = [issue.lead] + [story for story in issue.stories[1:] if story.layout == "full"]
        self.shown_whole = {form for story in whole if web and story.anchor for form in forms(f"{web}#{story.anchor}")}
        for story in issue.stories:
            urls = [story.url, story.image.src]
            urls += [span.href for block in story.body for span in block.spans]
            for url in filter(None, (url.strip() for url in urls)):
                for form in forms(url):
                    self.by_url.setdefault(form, story)
            if story.image.src.strip():  # and the images the build made, from the issue's own folder
                self.by_url.setdefault(image_link(issue, story.image.src, story), story)

    def finding(
        self, level: Level, check: str, message: str, url: str | None, file: str, line: int | None = None
    ) -> Finding:
        story = self.by_url.get((url or "").strip())
        if story is None:
            return Finding(level, check, message, file=file, line=line)
        return story_finding(level, check, message, story)
