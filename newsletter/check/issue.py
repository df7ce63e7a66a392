"""A build folder (issue.json, email.html, email.txt) -> findings: every check, in order."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from newsletter.buildfolder import Build, read_build
from newsletter.models import Issue
from newsletter.readers import GUESS

from .envelope import check_compliance, check_headers, check_promises, check_subject
from .findings import Finding, ordered
from .images import check_images, check_published
from .links import check_links
from .online import check_online, check_upload
from .page import StoryIndex, parse_html
from .size import check_size
from .text import check_characters, check_leftovers, check_plain_text
from .theme import check_theme


def check_issue(folder: Path, build: Build | None = None, *, online: bool = False) -> list[Finding]:
    """Every finding for the built issue in `folder` (`build`: its read_build(), when the caller has it):
    errors first, then warnings, each in check order. `online`: ask the web server whether what the email
    loads from the issue's published folder is there (else: warn that it must be)."""
    build = build or read_build(folder)
    issue, html, text = build.issue, build.html, build.text
    findings = check_files(issue, html, text, html_name=str(folder / "email.html"), text_name=str(folder / "email.txt"))
    findings += check_sources(folder)
    published = check_published(folder, issue, html, build.files)
    findings += check_promises(issue, parse_html(html), str(folder / "email.html"))
    if online:
        findings += check_online(issue, html, str(folder / "email.html"))[0]
    else:
        findings += check_upload(issue, html, str(folder))
    return ordered(published + findings)


def check_sources(folder: Path) -> list[Finding]:
    """An error for each file the build was made from that changed, went or came since: build it again."""
    from newsletter.buildfolder import stale_sources

    return [Finding("error", "sources", stale.message, file=stale.file) for stale in stale_sources(folder)]


@dataclass(frozen=True)
class Tagging:
    """How many of the email's web links carry [tracking]'s campaign tags."""

    tagged: int
    links: int  # http and https links in email.html
    params: dict[str, str]

    def __str__(self) -> str:
        tags = ", ".join(f"{key}={value}" for key, value in self.params.items())
        return (
            f"tracking: {self.tagged} of {self.links} web link(s) tagged with {tags} (unsubscribe, View in "
            "browser, mailto and excluded domains stay as written)"
        )


def count_tagged(issue: Issue, html: str) -> Tagging | None:
    """The built email's tagged links, or None when the issue has no [tracking]."""
    from urllib.parse import parse_qs

    if issue.tracking is None:
        return None
    params = issue.tracking.params(issue.slug)
    hrefs = [(link.href or "").strip() for link in parse_html(html).links]
    web = [href for href in hrefs if urlsplit(href).scheme.lower() in ("http", "https")]
    # A link the editor had tagged already keeps its own values: it counts as tagged too.
    tagged = sum(set(params) <= set(parse_qs(urlsplit(href).query)) for href in web)
    return Tagging(tagged=tagged, links=len(web), params=params)


def check_files(
    issue: Issue, html: str, text: str, *, html_name: str = "email.html", text_name: str = "email.txt"
) -> list[Finding]:
    """The checks over an issue and its rendered email, each a plain function of its inputs."""
    page = parse_html(html)
    stories = StoryIndex(issue)
    findings = [
        *check_build_notices(issue),
        *check_size(html, page, html_name),
        *check_links(page, stories, html_name, issue.brand.language),
        *check_images(page, stories, html_name),
        *check_headers(issue),
        *check_subject(issue),
        *check_compliance(issue),
        *check_leftovers(issue, page, text, html_name, text_name),
        *check_plain_text(text, page, stories, text_name),
        *check_characters(issue),
        *check_theme(issue.brand.colors),
    ]
    return ordered(findings)


def check_build_notices(issue: Issue) -> list[Finding]:
    """What the build already warned about (items without headline, link or image) stays a warning."""
    findings = []
    for notice in issue.warnings:
        message = f"{notice.message}; {notice.hint}" if notice.hint else notice.message
        findings.append(
            Finding(
                "warning",
                "build",
                message,
                file=notice.source.file if notice.source else "",
                line=notice.source.line if notice.source else None,
                story=notice.story,
                choices=tuple(notice.choices),
                guess=notice.message.startswith(GUESS),
            )
        )
    return findings
