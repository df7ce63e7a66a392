"""How render rewrites links: every story link and image checked and made absolute, campaign tags added."""

from __future__ import annotations

from collections.abc import Callable

from newsletter.errors import RenderError
from newsletter.links import absolute_link, check_link
from newsletter.models import Block, Issue, Story


def issue_web_url(issue: Issue) -> str:
    """Where the web version lives once the build folder is uploaded under the web base URL."""
    return issue_folder_url(issue) + "web.html" if issue.brand.web_base_url else ""


def issue_folder_url(issue: Issue) -> str:
    """Where the build folder is published: web.html and images/ are under it."""
    base = issue.brand.web_base_url
    return f"{base.rstrip('/')}/{issue.slug}/" if base else ""


def image_link(issue: Issue, src: str, where: Story | None) -> str:
    """A local image (made into images/<hash>.jpg by the build) from the issue's published folder, or
    relative to the build folder when nothing is published (the .eml then carries it inline)."""
    from newsletter.images import is_local

    if is_local(src):
        return issue_folder_url(issue) + src.strip().lstrip("/")
    return safe_link(src, issue.brand.web_base_url, where)


def issue_unsubscribe_url(issue: Issue) -> str:
    brand = issue.brand
    return brand.unsubscribe_url or brand.unsubscribe_mailto


def safe_link(url: str, base: str, where: Story | None) -> str:
    """An absolute http(s)/mailto URL, or an error: nothing else may reach a reader.

    The loaders already refuse other schemes; this catches what reaches the renderer another way (an
    edited issue.json), with the loaders' own rule.
    """
    url = url.strip()
    if not url:
        return ""

    def fail(message: str) -> RenderError:
        file, line = (where.source.file, where.source.line) if where else (None, None)
        return RenderError(message, file=file, line=line)

    return absolute_link(check_link(url, fail), base)


def with_safe_links(issue: Issue) -> Issue:
    """The issue with every story link and image made absolute against the web base URL, and checked."""
    base = issue.brand.web_base_url

    def fix(story: Story) -> Story:
        body = [with_links(block, lambda href: safe_link(href, base, story)) for block in story.body]
        image = story.image.model_copy(update={"src": image_link(issue, story.image.src, story)})
        return story.model_copy(update={"url": safe_link(story.url, base, story), "image": image, "body": body})

    brand = issue.brand
    logo = brand.logo.model_copy(
        update={key: image_link(issue, getattr(brand.logo, key), None) for key in ("src", "dark_src")}
    )
    return issue.model_copy(
        update={
            "brand": brand.model_copy(update={"logo": logo}),
            "lead": fix(issue.lead),
            "sections": [
                section.model_copy(update={"stories": [fix(story) for story in section.stories]})
                for section in issue.sections
            ],
            # The editor's intro and sign-off: their links pass the same checks
            **{
                key: [with_links(block, lambda href: safe_link(href, base, None)) for block in getattr(issue, key)]
                for key in ("intro", "signoff")
            },
        }
    )


def with_links(block: Block, change: Callable[[str], str]) -> Block:
    """`block` with `change` applied to each of its links; a block without links is kept, not copied (a long
    story has hundreds of thousands of spans)."""
    if not any(span.href for span in block.spans):
        return block
    return block.model_copy(
        update={
            "spans": [
                span.model_copy(update={"href": change(span.href)}) if span.href else span for span in block.spans
            ]
        }
    )


def campaign_tagger(issue: Issue) -> Callable[[str], str]:
    """How the email's story links get [tracking]'s UTM parameters: never on mailto, an excluded domain, the
    unsubscribe link or the issue's own web version; without [tracking], not at all."""
    from newsletter.links import tag_link

    tracking = issue.tracking
    if tracking is None:
        return lambda url: url
    params = tracking.params(issue.slug)
    untouched = {issue_unsubscribe_url(issue), issue_web_url(issue)}

    def tag(url: str) -> str:
        return url if not url or url in untouched else tag_link(url, params, tracking.exclude)

    return tag


def link_forms(issue: Issue) -> Callable[[str], list[str]]:
    """Every form in which the outputs hold a story's link as written: as written, made absolute against the
    web base URL (as with_safe_links makes it) and, in the email, campaign-tagged (as with_campaign_tags tags
    it). check asks this to find the story a link of the email came from, rather than re-deriving the rule."""
    base = issue.brand.web_base_url
    tag = campaign_tagger(issue)

    def forms(url: str) -> list[str]:
        absolute = absolute_link(url, base)
        return [url, absolute, tag(absolute)]

    return forms


def with_campaign_tags(issue: Issue) -> Issue:
    """The issue with [tracking]'s UTM parameters on its story links (the headline, "Read" and body links),
    as campaign_tagger says."""
    if issue.tracking is None:
        return issue
    tag = campaign_tagger(issue)

    def fix(story: Story) -> Story:
        body = [with_links(block, tag) for block in story.body]
        return story.model_copy(update={"url": tag(story.url), "body": body})

    return issue.model_copy(
        update={
            "lead": fix(issue.lead),
            "sections": [
                section.model_copy(update={"stories": [fix(story) for story in section.stories]})
                for section in issue.sections
            ],
        }
    )
