"""The end of the recipe: every output file of a build from one rendering with tokens where the links go."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newsletter.links import one_click
from newsletter.models import Issue

# Filled in per recipient at send time (Ghost does the same with %%{uuid}%%): render once, personalise cheaply.
from newsletter.send.personalise import UNSUBSCRIBE_TOKEN, WEB_TOKEN

from .links import issue_unsubscribe_url, issue_web_url
from .markup import render_email, render_web
from .text import render_text
from .view import prepare


def render_all(
    issue: Issue, *, unsubscribe_url: str | None = None, web_url: str | None = None, cache: Path | None = None
) -> dict[str, bytes]:
    """email.mjml, email.html, email.txt, web.html and email.eml for one issue, and the two files that
    send and export fill in: email.tokens.html and email.tokens.eml. The email is rendered once, with
    tokens where the links go; every other file is that rendering with the links filled in.
    `cache`: see environment()."""
    ready = prepare(issue, cache=cache)
    links = issue_links(issue, unsubscribe_url, web_url)
    mjml_t, html_t = render_email(ready, unsubscribe=UNSUBSCRIBE_TOKEN, web=links.web_token, cache=cache)
    text_t = render_text(ready, unsubscribe=UNSUBSCRIBE_TOKEN, web=links.web_token)
    template = message_template(issue, html_t, text_t, links)
    return fill_outputs(issue, links, mjml_t, html_t, text_t, render_web(ready), template)


@dataclass(frozen=True)
class Links:
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


def message_template(issue: Issue, html_t: str, text_t: str, links: Links) -> bytes:
    """The message encoded once (email.tokens.eml): the web link is everyone's; the unsubscribe link and the
    recipient's headers are tokens."""
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
        images=issue._images,
    )
    return unfold_recipient_fields(message_bytes(message))


def fill_outputs(
    issue: Issue, links: Links, mjml_t: str, html_t: str, text_t: str, web: str, template: bytes
) -> dict[str, bytes]:
    """Every output file: the token rendering with everyone's links filled in, and the token files."""
    from newsletter.message import issue_message_id
    from newsletter.send.personalise import Recipient, Template, fill_page, fill_text

    values = {"unsubscribe": links.unsubscribe, "web": links.web}
    everyone = Recipient(message_id=issue_message_id(issue), unsubscribe_url=links.unsubscribe)
    return {
        "email.mjml": fill_page(mjml_t, **values).encode(),
        "email.html": fill_page(html_t, **values).encode(),
        "email.txt": fill_text(text_t, **values).encode(),
        "web.html": web.encode(),
        "email.eml": Template(issue, template).fill(everyone),
        "email.tokens.html": html_t.encode(),
        "email.tokens.eml": template,
    }
