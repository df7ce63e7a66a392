"""A build + its web base URL -> whether what the email loads from the issue's published folder is online.

An email whose images and "View in browser" link point at `<web_base_url>/<issue folder>/` shows broken
pictures and a dead link until that folder is uploaded: `check` warns (check_upload), naming the folder,
and `check --online` asks the web server for each address with a HEAD request (check_online), an error
for each that does not answer 200. Only the addresses under the issue's own folder are asked for: every
one of them is the editor's web_base_url; no story link is fetched.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from newsletter.errors import InputError
from newsletter.models import Issue

from .findings import Finding
from .page import StoryIndex, parse_html

TIMEOUT = 10.0  # seconds for each address
AT_ONCE = 8  # requests in flight: a 50-image issue is asked for in a few round trips


@dataclass(frozen=True)
class Published:
    """One address under the issue's published folder that the email loads (an image) or links to."""

    url: str
    kind: str  # "image" or "link"
    name: str  # the file in the build folder: images/3f2a.jpg, web.html
    line: int


def published_urls(issue: Issue, html: str) -> list[Published]:
    """Each address under the issue's published folder in the email, once, in the order it comes."""
    from newsletter.render import issue_folder_url

    prefix = issue_folder_url(issue)
    if not prefix:
        return []
    page = parse_html(html)
    found: dict[str, Published] = {}
    candidates = [("image", image.attrs.get("src") or "", image.line) for image in page.images]
    candidates += [("link", link.href or "", link.line) for link in page.links]
    for kind, url, line in candidates:
        url = url.strip()
        if url.startswith(prefix) and url not in found:
            name = url[len(prefix) :].split("?")[0].split("#")[0] or url
            found[url] = Published(url, kind, name, line)
    return list(found.values())


def check_upload(issue: Issue, html: str, folder: str) -> list[Finding]:
    """A warning, when the email loads from the issue's published folder, that it must be online first."""
    from newsletter.render import issue_folder_url

    urls = published_urls(issue, html)
    if not urls:
        return []
    images = sum(item.kind == "image" for item in urls)
    links = len(urls) - images
    what = " and ".join(
        part
        for part in (f"{images} image(s)" if images else "", f"{links} link(s) (View in browser)" if links else "")
        if part
    )
    return [
        Finding(
            "warning",
            "upload",
            f"the email loads {what} from {issue_folder_url(issue)}: publish and upload before you send or "
            f"export (`newsletter publish`, then upload site/ to {issue.brand.web_base_url}, so that its "
            f"{issue.slug}/ folder is there), then run `newsletter check --online`",
            file=folder,
        )
    ]


def head_request(url: str) -> int:
    from newsletter.readers.fetch import head

    # The web base URL is the editor's own setting: an address of their own network may be meant (typed).
    return head(url, typed=True, deadline=TIMEOUT).status


def check_online(
    issue: Issue, html: str, html_name: str, *, head: Callable[[str], int] | None = None
) -> tuple[list[Finding], int]:
    """An error for each address under the issue's published folder that does not answer 200 to HEAD, and
    how many were asked for. `head`: the request (readers.fetch.head, with its policy, unless a test says)."""
    request = head or head_request
    urls = published_urls(issue, html)
    stories = StoryIndex(issue)

    def ask(item: Published) -> str:
        try:
            status = request(item.url)
        except InputError as error:
            return error.message
        return "" if status == 200 else f"answered {status}"

    with ThreadPoolExecutor(max_workers=AT_ONCE) as pool:
        answers = list(pool.map(ask, urls))
    findings = []
    for item, problem in zip(urls, answers, strict=True):
        if not problem:
            continue
        what = "image" if item.kind == "image" else "link"
        message = (
            f"{what} {item.name} is not online: {item.url} {problem}; upload the issue's folder "
            f"({issue.slug}/ of the published site) to {issue.brand.web_base_url} before you send"
        )
        findings.append(stories.finding("error", "online", message, item.url, html_name, item.line))
    return findings, len(urls)
