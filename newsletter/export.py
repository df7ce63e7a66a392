"""A build folder -> the email HTML in an email service's dialect: its tags for the unsubscribe and web links.

`build` wrote the email with the tokens of send/personalise.py where the two links go (email.tokens.html);
each token becomes the service's tag, as DIALECTS says. An issue without a web version (no [brand]
web_base_url) has no "View in browser" link to tag. Whatever else looks like the service's template syntax (a
story quoting `{{ ... }}` or `*|...|*`) is written as character references, so the service shows it as
text and never runs it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .errors import HeaderError, InputError, RenderError
from .output import write_atomic
from .patterns import regex
from .send.personalise import UNSUBSCRIBE_TOKEN, WEB_TOKEN

VERBATIM = regex(r"(<style\b[^>]*>.*?</style\s*>|<!--.*?-->)", re.IGNORECASE | re.DOTALL)
BRACKET_TAG = regex(r"\[[A-Za-z_]+[\],]")
BODY = regex(r"<body\b[^>]*>(.*)</body\s*>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Dialect:
    """How one email service takes a pasted email."""

    key: str  # what `--esp` takes
    name: str
    # The tag the service replaces with each subscriber's unsubscribe link. None: the service adds its own
    # unsubscribe footer to every email and has no tag for it, so ours is left out.
    unsubscribe: str | None
    # The tag for the link to the web version. None: the service has none, so the link stays the address of
    # our own web.html (published beside the build, see `newsletter publish`).
    web: str | None
    # "href": the tag is the link's address (<a href="*|UNSUB|*">). "element": the tag is an element that
    # takes the link's place and text (<unsubscribe>Unsubscribe</unsubscribe>), its name the tag's.
    form: Literal["href", "element"]
    # "document": the whole HTML file, pasted as the email's code. "body": what is inside <body>, pasted
    # into an HTML block of the service's own email, which brings its own <head>, header and footer.
    shape: Literal["document", "body"]
    openers: tuple[str, ...]  # what starts a tag or statement in the service's templates
    docs: str  # where the tags come from

    def summary(self, *, web_version: bool = True) -> str:
        """What the export holds, in one line; `web_version` False: the issue has none (no web_base_url), so the
        email has no "View in browser" link to tag."""
        unsubscribe = f"unsubscribe link {self.unsubscribe}" if self.unsubscribe else "its own unsubscribe footer"
        web = f"web version {self.web}" if self.web else "web version: our web.html"
        if not web_version:
            web = 'no "View in browser" link (no [brand] web_base_url)'
        body = ", the <body> alone for an HTML block" if self.shape == "body" else ""
        return f"{unsubscribe}, {web}{body}"


# One table drives every dialect (the export, its README table, the preview's "Copy HTML" choice). Each tag as
# the service's own documentation gives it, at the page named in `docs`; where our stored copies of the
# documentation did not hold the page, `docs` says so and names where the tag comes from.
DIALECTS: dict[str, Dialect] = {
    dialect.key: dialect
    for dialect in (
        Dialect(
            "mailchimp",
            "Mailchimp",
            "*|UNSUB|*",
            "*|ARCHIVE|*",
            "href",
            "document",
            ("*|",),
            "Mailchimp, 'All the Merge Tags Cheat Sheet' (mailchimp.com/help/all-the-merge-tags-cheat-sheet) and "
            "'How do I add the unsub tag' (kb.mailchimp.com): *|UNSUB|* is required, *|ARCHIVE|* is the web version",
        ),
        Dialect(
            "buttondown",
            "Buttondown",
            "{{ unsubscribe_url }}",
            "{{ email_url }}",
            "href",
            "document",
            ("{{", "{%", "{#"),
            "Buttondown docs, 'Template Variables' (github.com/buttondown/docs pages/odds-and-ends/"
            "template-variables.mdx): Django-style templates",
        ),
        Dialect(
            "listmonk",
            "listmonk",
            "{{ UnsubscribeURL }}",
            "{{ MessageURL }}",
            "href",
            "document",
            ("{{",),
            "listmonk docs, 'Templating' (listmonk.app/docs/templating, docs/docs/content/templating.md): "
            "Go templates; UnsubscribeURL and MessageURL are its template functions",
        ),
        Dialect(
            "kit",
            "Kit (ConvertKit)",
            "{{ unsubscribe_url }}",
            None,
            "href",
            "body",
            ("{{", "{%"),
            "Kit help, 'Troubleshooting: HTML Email Templates' (intercom.help/convertkit, article 2810454): "
            "{{ unsubscribe_url }} as a link's href; Liquid templates. Kit documents no web-version variable",
        ),
        Dialect(
            "brevo",
            "Brevo",
            "{{ unsubscribe }}",
            "{{ mirror }}",
            "href",
            "document",
            ("{{", "{%"),
            "Brevo help, 'Personalize your messages with dynamic content (Brevo Template Language)' "
            "(help.brevo.com, article 4402386448530: variables in {{ ... }}); the unsubscribe and mirror "
            "(view in browser) links as that help centre names them; our stored copy of the page lacks them, "
            "public templates written for Brevo use both as hrefs",
        ),
        Dialect(
            "mailerlite",
            "MailerLite",
            "{$unsubscribe}",
            "{$url}",
            "href",
            "document",
            ("{$",),
            "MailerLite help, 'How to create a custom HTML email' (mailerlite.com/help): {$unsubscribe} is "
            "required and {$url} is the web version; not in our stored copies of the documentation",
        ),
        Dialect(
            "campaignmonitor",
            "Campaign Monitor",
            "<unsubscribe>",
            "<webversion>",
            "element",
            "document",
            ("[",),
            "Campaign Monitor help, 'Unsubscribe links in emails' (help.campaignmonitor.com/articles/Knowledge/"
            "unsubscribe-links-in-emails): custom-coded emails use <unsubscribe>text</unsubscribe>; "
            "<webversion> is its tag for the web version (same template language, attributes such as "
            "style kept, as public Campaign Monitor templates write it); [firstname,fallback=] "
            "and friends are its personalisation tags",
        ),
        Dialect(
            "sendy",
            "Sendy",
            "[unsubscribe]",
            "[webversion]",
            "href",
            "document",
            ("[",),
            "Sendy forum, 'Campaign creation through API' (sendy.co/forum/discussion/comment/10102, its "
            'author): <a href="[unsubscribe]">; [webversion] as Sendy\'s campaign editor lists it beside it '
            '(public Sendy templates use href="[webversion]"); '
            "[Name,fallback=] and friends are its personalisation tags",
        ),
        Dialect(
            "beehiiv",
            "beehiiv",
            None,
            None,
            "href",
            "body",
            ("{{",),
            "beehiiv support, 'Downgrade or cancelation options for premium subscribers' (beehiiv.com/support, "
            "article 23235404312727): every post's email footer carries its own unsubscribe link; its merge "
            "tags are {{ ... }}",
        ),
        Dialect(
            "ghost",
            "Ghost",
            "%%{unsubscribe_url}%%",
            None,
            "href",
            "body",
            ("%%{",),
            "Ghost source, ghost/core/core/server/services/email-service/email-renderer.js, "
            "buildReplacementDefinitions: every %%{unsubscribe_url}%% in the email's HTML (post included) is "
            "filled per member; the post's own URL is its web version, which Ghost links itself",
        ),
        # Any other service: our own tokens, to search and replace with that service's tags.
        Dialect(
            "generic",
            "any service",
            UNSUBSCRIBE_TOKEN,
            WEB_TOKEN,
            "href",
            "document",
            (),
            "ours: replace them with your service's tags",
        ),
    )
}


def export_name(key: str) -> str:
    """The file an export writes into its build folder (`export-ghost.html`), which the next build of that folder
    takes away: it was made from the build it replaces."""
    return f"export-{key}.html"


EXPORT_NAMES = tuple(export_name(key) for key in DIALECTS)


@dataclass(frozen=True)
class Export:
    service: Dialect
    path: Path
    size: int
    local_images: tuple[str, ...] = ()  # images/ files the export names: nothing published them
    published: str = ""  # the issue's published folder, when the export loads images or links from it
    web_version: bool = True  # the issue has one (web_base_url), and the email a "View in browser" link

    def said(self) -> tuple[str, list[str]]:
        """What `newsletter export` reports: the file written, then what to do before pasting it (warnings)."""
        from .text import human_size

        name, summary = self.service.name, self.service.summary(web_version=self.web_version)
        wrote = f"Wrote {self.path} ({human_size(self.size)}) for {name}: {summary}"
        warnings = []
        if self.local_images:
            warnings.append(
                f"warning: {len(self.local_images)} image(s) are files of the build folder that {name} "
                f"cannot load ({', '.join(self.local_images)}): set [brand] web_base_url in newsletter.toml, "
                "rebuild and upload the build folder there, or use https:// images"
            )
        if self.published:
            warnings.append(
                f"note: the email loads its photos or its web version from {self.published}: publish and upload "
                "before you paste it; then `newsletter check --online` says whether every one is there"
            )
        return wrote, warnings


def dialect(esp: str) -> Dialect:
    found = DIALECTS.get(esp.lower())
    if found is None:
        raise InputError(f"{esp!r} is not a service this exports to; choose one of {', '.join(DIALECTS)}")
    return found


def export_issue(folder: Path | None, esp: str, *, out: Path | None = None) -> Export:
    """Write `<folder>/export-<esp>.html` (or `out`): the email HTML in the service's dialect; `folder` None:
    the newest build under build/."""
    from .buildfolder import latest_build, read_built_issue, refuse_stale
    from .check import published_urls
    from .images import built_names
    from .message import header_problems
    from .render import issue_folder_url, issue_web_url

    folder = folder if folder is not None else latest_build()
    service = dialect(esp)
    # The email as built and checked, with its tokens where the links go: nothing is rendered again.
    issue, files = read_built_issue(folder, ("email.tokens.html",))
    refuse_stale(folder)  # a story edited since the build: what would be pasted is not what it says now
    # The editor pastes the subject and sender into the service: the same header rule as send.
    for what, value, problem in header_problems(issue):
        raise HeaderError(f"the {what} {value!r} {problem}; nothing was exported", file=folder / "issue.json")
    rendered = files["email.tokens.html"].decode("utf-8")
    if UNSUBSCRIBE_TOKEN not in rendered:
        raise InputError(f"the email has no place for {UNSUBSCRIBE_TOKEN}; are the templates up to date?", file=folder)
    web_url = issue_web_url(issue)
    page = in_dialect(rendered, service, web_url=web_url)
    target = out if out is not None else folder / export_name(service.key)
    data = page.encode("utf-8")
    write_atomic(target, data)
    local = tuple(name for name in built_names(issue) if f'src="{name}"' in page)
    published = issue_folder_url(issue) if published_urls(issue, page) else ""
    return Export(service, target, len(data), local, published, web_version=bool(web_url))


def in_dialect(rendered: str, service: Dialect, *, web_url: str) -> str:
    """The email as rendered with our tokens (email.tokens.html) -> the email in the service's dialect.

    Pure: the preview's "Copy HTML" calls it with the page it shows. `web_url` is the web version's address,
    kept where the service has no tag of its own, and in every link to a place in it (`web.html#anchor`): the
    service's own copy of the email ("view in browser") holds no such place, nor a story's whole text.
    """
    page = neutralise(rendered, service.openers)
    if service.shape == "body":
        body = BODY.search(page)
        if body is None:
            raise RenderError("the email has no <body> to take for a service that wants the body alone")
        page = body.group(1).strip("\n") + "\n"
    # The tokens went through neutralise too (Ghost's opener is theirs): find them as it wrote them.
    unsubscribe, web = (neutralise(token, service.openers) for token in (UNSUBSCRIBE_TOKEN, WEB_TOKEN))
    if web_url:  # a link to a place in our web version (a story whose whole text is there, the contents)
        page = page.replace(f'href="{web}#', f'href="{html.escape(web_url, quote=True)}#')
    page = with_tag(page, unsubscribe, service.unsubscribe, service.form)
    return with_tag(page, web, service.web if service.web is not None else web_url, service.form)


def with_tag(page: str, token: str, tag: str | None, form: str) -> str:
    """Each link to `token` with the service's tag in its place, or left out when `tag` is None."""
    link = re.compile(rf'<a\b([^>]*?) href="{re.escape(token)}"([^>]*)>(.*?)</a>( · )?', re.DOTALL)
    if tag is None:
        return link.sub("", page)
    if form == "element" and tag.startswith("<"):
        name = tag.strip("<>")
        return link.sub(lambda m: f"<{name}{m[1]}{m[2]}>{m[3]}</{name}>{m[4] or ''}", page)
    return page.replace(token, html.escape(tag, quote=True))


def neutralise(page: str, openers: tuple[str, ...]) -> str:
    """Write the first character of each opener as a character reference: shown the same, never run.

    References are decoded in text and attribute values, not inside <style> or comments: those are left
    as they are and must hold no opener (ours cannot: theme values are plain colours and font stacks, and
    the comments are Outlook's conditionals). A `[` there is a CSS attribute selector or an `[if mso]`,
    unless it reads like a bracket tag (`[webversion]`, `[name,fallback=]`) in CSS.
    """
    parts = VERBATIM.split(page)
    for index, part in enumerate(parts):
        for opener in openers:
            if opener not in part:
                continue
            if index % 2:
                if opener == "[" and (part.startswith("<!--") or not BRACKET_TAG.search(part)):
                    continue
                raise RenderError(f"the email's CSS holds {opener!r}, which the email service would read as a tag")
            part = part.replace(opener, f"&#{ord(opener[0])};{opener[1:]}")
        parts[index] = part
    return "".join(parts)
