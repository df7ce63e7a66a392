"""A good build of the preview -> what the desk's copy buttons put on the clipboard: "Copy for pasting" (the issue, or
one story, as HTML for a web editor) and "Copy HTML" (the email for a service's HTML editor)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsletter.errors import InputError

if TYPE_CHECKING:
    from newsletter.preview.server import Snapshot


def for_pasting(shown: Snapshot | None, story: str | None) -> dict[str, Any]:
    """ "Copy for pasting": the last good build (or one story of it) as HTML for a web editor."""
    from newsletter.render import render_paste

    if shown is None:
        raise InputError("nothing is built yet: fix the error shown and save")
    html = render_paste(shown.issue, story=story or None)
    story_headline = next((s.headline for s in shown.issue.stories if story and s.anchor == story), "")
    return {"html": html, "build": shown.number, "story": story_headline}


def for_service(shown: Snapshot | None, key: str) -> dict[str, Any]:
    """ "Copy HTML": the email as `export --esp <key>` writes it (or, with no key, as built), with photos at their
    published addresses."""
    from newsletter.export import DIALECTS, in_dialect
    from newsletter.images import is_built
    from newsletter.render import issue_unsubscribe_url, issue_web_url

    if shown is None:
        raise InputError("nothing is built yet: fix the error shown and save")
    service = DIALECTS.get(key)
    if key and service is None:
        raise InputError(f"{key!r} is not a service this copies for; choose one of {', '.join(DIALECTS)}")
    issue = shown.issue
    photos = [name for name in shown.files if is_built(name)]  # the build's images/ files
    if photos and not issue.brand.web_base_url:
        raise InputError(
            f"{len(photos)} photo(s) have no web address yet, so the pasted email would show broken "
            "pictures: set web_base_url in [brand] and upload the build's images/ there (newsletter publish)"
        )
    if service is None:  # the email as built, with the links newsletter.toml gives
        html = shown.files["email.html"].decode("utf-8")
        summary = f"unsubscribe link {issue_unsubscribe_url(issue)}"
        return {"html": html, "build": shown.number, "service": "your own links", "summary": summary}
    web_url = issue_web_url(issue)
    html = in_dialect(shown.files["email.tokens.html"].decode("utf-8"), service, web_url=web_url)
    summary = service.summary(web_version=bool(web_url))
    return {"html": html, "build": shown.number, "service": service.name, "summary": summary}
