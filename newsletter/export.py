"""A build folder -> the email HTML with an email service's merge tags for the unsubscribe and web links.

`build` wrote the email with the tokens of render.py where the two links go (email.tokens.html); each
token becomes the service's tag. An issue without a web version (no [brand] web_base_url) has no "View in
browser" link to tag. Whatever else looks like the service's template syntax (a story quoting `{{ ... }}` or
`*|...|*`) is written as character references, so the service shows it as text and never runs it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, RenderError
from .output import write_atomic

STYLE_BLOCK = re.compile(r"(<style\b[^>]*>.*?</style\s*>)", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Service:
    name: str
    unsubscribe: str  # the tag the service replaces with the subscriber's unsubscribe link
    web: str  # ... and with the link to the web version of the email
    openers: tuple[str, ...]  # what starts a tag or statement in the service's templates


# Tags as each service documents them: Mailchimp's merge tags cheat sheet, Buttondown's "Template
# Variables" page (Django-style templates), listmonk's "Templating" page (Go templates).
SERVICES = {
    "mailchimp": Service("Mailchimp", "*|UNSUB|*", "*|ARCHIVE|*", ("*|",)),
    "buttondown": Service("Buttondown", "{{ unsubscribe_url }}", "{{ email_url }}", ("{{", "{%", "{#")),
    "listmonk": Service("listmonk", "{{ UnsubscribeURL }}", "{{ MessageURL }}", ("{{",)),
    # Any other service: our own tokens, to search and replace with that service's tags.
    "generic": Service("any service", "%%{unsubscribe_url}%%", "%%{web_url}%%", ()),
}


@dataclass(frozen=True)
class Export:
    service: Service
    path: Path
    size: int
    local_images: tuple[str, ...] = ()  # images/ files the export names: nothing published them


def export_issue(folder: Path, esp: str, *, out: Path | None = None) -> Export:
    """Write `<folder>/export-<esp>.html` (or `out`): the email HTML with the service's tags."""
    from .buildfolder import parse_issue, read_built
    from .images import built_names
    from .message import header_problems
    from .render import UNSUBSCRIBE_TOKEN, WEB_TOKEN

    service = SERVICES.get(esp.lower())
    if service is None:
        raise InputError(f"{esp!r} is not a service this exports to; choose one of {', '.join(SERVICES)}")
    # The email as built and checked, with its tokens where the links go: nothing is rendered again.
    files = read_built(folder, ("issue.json", "email.tokens.html"))
    issue = parse_issue(files["issue.json"].decode("utf-8"), folder)
    # The editor pastes the subject and sender into the service: the same header rule as send.
    for what, value, problem in header_problems(issue):
        raise RenderError(f"the {what} {value!r} {problem}; nothing was exported", file=folder / "issue.json")
    rendered = files["email.tokens.html"].decode("utf-8")
    if UNSUBSCRIBE_TOKEN not in rendered:
        raise InputError(f"the email has no place for {UNSUBSCRIBE_TOKEN}; are the templates up to date?", file=folder)
    page = neutralise(rendered, service.openers)
    page = page.replace(UNSUBSCRIBE_TOKEN, html.escape(service.unsubscribe, quote=True))
    page = page.replace(WEB_TOKEN, html.escape(service.web, quote=True))
    target = out if out is not None else folder / f"export-{esp.lower()}.html"
    data = page.encode("utf-8")
    write_atomic(target, data)
    local = tuple(name for name in built_names(issue) if f'src="{name}"' in page)
    return Export(service, target, len(data), local)


def neutralise(page: str, openers: tuple[str, ...]) -> str:
    """Write the first character of each opener as a character reference: shown the same, never run.

    References are decoded in text and attribute values, not inside <style>: the CSS is left as it is
    and must hold no opener (ours cannot: theme values are plain colours and font stacks).
    """
    parts = STYLE_BLOCK.split(page)
    for index, part in enumerate(parts):
        for opener in openers:
            if opener not in part:
                continue
            if index % 2:
                raise RenderError(f"the email's CSS holds {opener!r}, which the email service would read as a tag")
            part = part.replace(opener, f"&#{ord(opener[0])};{opener[1:]}")
        parts[index] = part
    return "".join(parts)
