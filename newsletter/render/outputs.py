"""The end of the recipe: every output file of a build from one rendering with tokens where the links go."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import NamedTuple

from newsletter.links import one_click
from newsletter.models import Issue

# Filled in per recipient at send time (Ghost does the same with %%{uuid}%%): render once, personalise cheaply.
from newsletter.send.personalise import UNSUBSCRIBE_TOKEN, WEB_TOKEN

from .links import issue_unsubscribe_url, issue_web_url
from .markup import render_email, render_web
from .text import render_text
from .view import prepare


class Rendering:
    """One issue's outputs, each rendered at most once, in the order they are asked for: the preview asks
    first for the file its page shows, then for every file; a build asks for every file at once.

    The email and its text are rendered with tokens where the links go; every other file is that rendering
    with the links filled in (everyone's here, each recipient's at send time)."""

    def __init__(
        self,
        issue: Issue,
        *,
        images: dict[str, bytes] | None = None,
        unsubscribe_url: str | None = None,
        web_url: str | None = None,
        cache: Path | None = None,
    ) -> None:
        self.issue = issue
        self.images = images or {}  # the build's images/ files, which email.eml carries
        self.cache = cache
        self.ready = prepare(issue, cache=cache)
        self.links = issue_links(issue, unsubscribe_url, web_url)

    @functools.cached_property
    def email(self) -> tuple[str, str]:
        """The email as MJML and HTML, with tokens."""
        return render_email(self.ready, unsubscribe=UNSUBSCRIBE_TOKEN, web=self.links.web_token, cache=self.cache)

    @functools.cached_property
    def text(self) -> str:
        """The plain text, with tokens."""
        return render_text(self.ready, unsubscribe=UNSUBSCRIBE_TOKEN, web=self.links.web_token)

    @functools.cached_property
    def web(self) -> str:
        return render_web(self.ready)

    def first(self, name: str) -> dict[str, bytes]:
        """The file `name` (email.html, email.txt or web.html) as the build writes it, made on its own; the
        email comes with its MJML."""
        if name == "email.txt":
            return {"email.txt": filled(self.text, self.links, text=True)}
        if name == "web.html":
            return {"web.html": self.web.encode()}
        mjml_t, html_t = self.email
        return {"email.mjml": filled(mjml_t, self.links), "email.html": filled(html_t, self.links)}

    def files(self) -> dict[str, bytes]:
        """Every output file."""
        mjml_t, html_t = self.email
        template = message_template(self.issue, html_t, self.text, self.links, self.images)
        return fill_outputs(self.issue, self.links, mjml_t, html_t, self.text, self.web, template)


def filled(rendered: str, links: Links, *, text: bool = False) -> bytes:
    """A rendering with tokens, with everyone's links in their place."""
    from newsletter.send.personalise import fill_page, fill_text

    fill = fill_text if text else fill_page
    return fill(rendered, unsubscribe=links.unsubscribe, web=links.web).encode()


class Links(NamedTuple):
    unsubscribe: str
    web: str

    @property
    def web_token(self) -> str:
        return WEB_TOKEN if self.web else ""  # no web version: no "View in browser" link at all


def issue_links(issue: Issue, unsubscribe_url: str | None = None, web_url: str | None = None) -> Links:
    """The links everyone's copy has (the brand's, unless given)."""
    return Links(
        unsubscribe_url if unsubscribe_url is not None else issue_unsubscribe_url(issue),
        web_url if web_url is not None else issue_web_url(issue),
    )


def message_template(
    issue: Issue, html_t: str, text_t: str, links: Links, images: dict[str, bytes] | None = None
) -> bytes:
    """The message encoded once (email.tokens.eml): the web link is everyone's; the unsubscribe link and the
    recipient's headers are tokens. `images`: the build's images/ files, carried in the message."""
    from newsletter.message import build_message, message_bytes
    from newsletter.send.personalise import MESSAGE_ID_TOKEN, TEXT_UNSUBSCRIBE_TOKEN, html_link, unfold_recipient_fields

    mailto = links.unsubscribe.lower().startswith("mailto:")
    message = build_message(
        issue,
        html=html_t.replace(WEB_TOKEN, html_link(links.web)),
        text=text_t.replace(WEB_TOKEN, links.web).replace(UNSUBSCRIBE_TOKEN, TEXT_UNSUBSCRIBE_TOKEN),
        unsubscribe_url=links.unsubscribe if mailto else UNSUBSCRIBE_TOKEN,
        message_id=MESSAGE_ID_TOKEN,
        post=one_click(links.unsubscribe),
        images=images or {},
    )
    return unfold_recipient_fields(message_bytes(message))


def fill_outputs(
    issue: Issue, links: Links, mjml_t: str, html_t: str, text_t: str, web: str, template: bytes
) -> dict[str, bytes]:
    """Every output file: the token rendering with everyone's links filled in, and the token files."""
    from newsletter.message import issue_message_id
    from newsletter.send.personalise import Recipient, Template

    everyone = Recipient(message_id=issue_message_id(issue), unsubscribe_url=links.unsubscribe)
    return {
        "email.mjml": filled(mjml_t, links),
        "email.html": filled(html_t, links),
        "email.txt": filled(text_t, links, text=True),
        "web.html": web.encode(),
        "email.eml": Template(issue, template).fill(everyone),
        "email.tokens.html": html_t.encode(),
        "email.tokens.eml": template,
    }
