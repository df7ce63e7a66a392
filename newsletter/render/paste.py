""" "Copy for pasting": the issue as semantic HTML for a web editor's paste box (Substack, Ghost, beehiiv...)."""

from __future__ import annotations

from newsletter.errors import RenderError
from newsletter.models import Issue

from .environment import run_template
from .view import Prepared, context, prepare


def render_paste(issue: Issue | Prepared, *, story: str | None = None) -> str:
    """The issue (or the story whose anchor is `story`) as a fragment of headings, paragraphs, figures, links,
    lists, quotes and results tables, with the email's links: what a rich-text editor turns into its own nodes.

    Its photos must have addresses a reader's browser can reach: an issue whose own photos are not published
    (no web_base_url) is refused rather than pasted with broken pictures.
    """
    from newsletter.images import is_local

    ready = prepare(issue).email
    only = None
    if story is not None:
        only = next((item for item in ready.issue.stories if item.anchor == story), None)
        if only is None:
            raise RenderError(f"this issue has no story {story!r} to copy; reload the preview")
    unpublished = [item for item in ([only] if only else ready.issue.stories) if is_local(item.image.src)]
    if unpublished:
        first = unpublished[0]
        raise RenderError(
            f"{len(unpublished)} photo(s) have no web address yet ({first.image.src}, the photo of "
            f"{first.headline or 'a story'!r}), so a paste would show broken pictures: set web_base_url in [brand] "
            "and upload the build's images/ there (newsletter publish)",
            file=first.source.file,
        )
    values = context(ready)
    values["only"] = only
    return run_template(ready.env, "paste/issue.html", values)
