"""The email (MJML, then HTML with its CSS inlined) and the web page, from the templates."""

from __future__ import annotations

from pathlib import Path

from newsletter.models import Issue

from .environment import run_template
from .links import issue_web_url
from .view import Prepared, context, prepare

# What a build renders: the email, the CSS inlined into it, the web page. These and every template they include
# are what a build reads of the template folders (buildfolder records the editor's own among them).
EMAIL_TEMPLATE, INLINE_TEMPLATE, WEB_TEMPLATE = "email/base.mjml", "email/inline.css", "web/page.html"
BUILT_TEMPLATES = (EMAIL_TEMPLATE, INLINE_TEMPLATE, WEB_TEMPLATE)


def render_mjml(issue: Issue | Prepared, *, unsubscribe: str | None = None, web: str | None = None) -> str:
    """The email as MJML, with the phone and dark-mode CSS in its head."""
    ready = prepare(issue).email
    return run_template(ready.env, EMAIL_TEMPLATE, context(ready, unsubscribe=unsubscribe, web=web, email=True))


def render_email(
    issue: Issue | Prepared, *, unsubscribe: str | None = None, web: str | None = None, cache: Path | None = None
) -> tuple[str, str]:
    """The email as MJML, and as HTML: compiled by MRML, its CSS inlined by premailer."""
    from newsletter.compile import compile_email

    ready = prepare(issue, cache=cache)
    mjml = render_mjml(ready, unsubscribe=unsubscribe, web=web)
    return mjml, compile_email(mjml, inline_css(ready), cache=cache)


def inline_css(issue: Issue | Prepared) -> str:
    """The CSS that premailer writes into style="" attributes."""
    ready = prepare(issue)
    return run_template(ready.env, INLINE_TEMPLATE, context(ready, email=True))


def render_web(issue: Issue | Prepared, *, site: dict[str, str] | None = None) -> str:
    """The web version: a standalone HTML5 page with the same content and Open Graph metadata.

    `site` places it in the published archive (publish.py): the feed it links as rel=alternate, and the
    archive index and the previous and next issues, relative to the page so the site also works offline.
    """
    ready = prepare(issue)
    values = context(ready)
    values["page_url"] = issue_web_url(ready.issue)
    values["site"] = site
    return run_template(ready.env, WEB_TEMPLATE, values)
