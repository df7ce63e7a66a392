"""Issue -> MJML, plain text and web page (jinja2), and every output file of a build."""

from __future__ import annotations

import datetime as dt
import functools
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .elections import when
from .errors import RenderError
from .links import absolute_link, check_link, one_click
from .models import Block, Colors, Issue, PullQuote, Results, Span, Story

# Filled in per recipient at send time (Ghost does the same with %%{uuid}%%): render once, personalise cheaply.
from .send.personalise import UNSUBSCRIBE_TOKEN, WEB_TOKEN  # noqa: E402
from .text import display_width

# After the preheader, in the hidden preview text only: zero-width joiners, combining grapheme joiners and
# no-break spaces, which inboxes show as nothing, so the inbox row ends with the preheader instead of running
# on into the first words of the email ("Issue 48 · Tuesday..."). 90 groups fill the longest row (iOS, ~140).
PREHEADER_FILLER = "\u034f\u200c\u00a0" * 90
RTL_LANGUAGES = {"ar", "fa", "he", "ur", "yi", "ps", "dv", "ku"}
TEXT_WIDTH = 72
PACKAGE_TEMPLATES = Path(__file__).parent / "templates"  # inside a wheel
SOURCE_TEMPLATES = Path(__file__).parent.parent / "templates"  # in a checkout
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]  # fmt: skip
ELECTIONS_HEADING = "Elections ahead"
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass(frozen=True)
class Theme:
    """Sizes the templates share; colours and fonts come from the brand."""

    serif: str
    sans: str
    dir: str
    width: int = 600
    gutter: int = 24  # space either side of the content
    card_gap: int = 8  # half the space between two cards

    @property
    def content_width(self) -> int:
        return self.width - 2 * self.gutter

    @property
    def card_width(self) -> int:
        return (self.width - 2 * (self.gutter - self.card_gap)) // 2 - 2 * self.card_gap


def compact_stack(fonts: str) -> str:
    """`Georgia, 'Times New Roman', serif` -> `Georgia,'Times New Roman',serif` (a font name holds no comma)."""
    return ",".join(part.strip() for part in fonts.split(","))


def template_dirs() -> list[Path]:
    """An editor's ./templates overrides the packaged ones, file by file (like Pelican's THEME)."""
    dirs = [Path("templates").resolve()]
    dirs += [path for path in (PACKAGE_TEMPLATES, SOURCE_TEMPLATES) if path.is_dir()]
    return list(dict.fromkeys(dirs))


def environment(cache: Path | None = None):  # type: ignore[no-untyped-def]
    """One environment per template folders: jinja2 then compiles each template once per process
    (recompiling them was most of a warm render) and still reloads a template whose file changed. A file
    added to ./templates changes its folder's mtime, which makes a new environment that can find it.

    With a `cache` folder (the caller's; see cli.cache_folder), compiled templates are kept there between
    runs, as Python keeps .pyc files: a cold build then skips jinja2's compiler (a third of its time).
    """
    dirs = template_dirs()
    overrides = tuple(folder_mtime(dirs[0] / sub) for sub in ("", "email", "web"))
    return cached_environment(tuple(str(path) for path in dirs), overrides, str(cache) if cache else None)


def folder_mtime(folder: Path) -> int:
    try:
        return folder.stat().st_mtime_ns
    except OSError:
        return 0


@functools.lru_cache(maxsize=4)
def cached_environment(dirs: tuple[str, ...], overrides: tuple[int, ...], cache: str | None):  # type: ignore[no-untyped-def]
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(list(dirs)),
        undefined=jinja2.StrictUndefined,
        # select_autoescape() leaves *.mjml alone: everything that becomes HTML or MJML is escaped.
        autoescape=lambda name: name is None or not name.endswith((".txt", ".css")),
        keep_trailing_newline=True,
        bytecode_cache=template_cache(Path(cache)) if cache else None,
    )
    env.filters["long_date"] = long_date
    return env


def template_cache(cache: Path):  # type: ignore[no-untyped-def]
    """Compiled templates under `cache`/templates. A changed template is compiled again (jinja2 checks its
    source); deleting the folder costs one slower run."""
    import jinja2

    class Cache(jinja2.FileSystemBytecodeCache):
        def dump_bytecode(self, bucket):  # type: ignore[no-untyped-def]
            try:
                super().dump_bytecode(bucket)
            except OSError:
                pass  # a read-only cache folder: compile on each run, as without a cache

    folder = cache / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return Cache(str(folder))


def long_date(day: dt.date) -> str:
    """Not locale-dependent, so builds are the same on every machine."""
    return f"{DAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]} {day.year}"


# ---------------------------------------------------------------------------------------------
# Links


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
    from .images import is_local

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
        }
    )


# ---------------------------------------------------------------------------------------------
# The lead's body, grouped for the templates


@dataclass
class Group:
    kind: str  # "p" (paragraph-level blocks), "li", "oli" or "pull"
    blocks: list[Block]
    quote: PullQuote | None = None


def body_groups(story: Story) -> list[Group]:
    """Consecutive list items become one list; the first pull quote follows the first paragraph past the
    middle of the body, where the reader has the context it needs.

    A pull quote that repeats a block quote of the body takes that quote's place instead of appearing twice.
    """
    quote = story.pull_quotes[0] if story.pull_quotes else None

    def repeats_quote(block: Block) -> bool:
        return quote is not None and block.kind == "quote" and same_words(block.text, quote.text)

    in_place = any(repeats_quote(block) for block in story.body)
    middle = (len(story.body) + 1) // 2
    groups: list[Group] = []
    for number, block in enumerate(story.body, start=1):
        if in_place and repeats_quote(block):
            groups.append(Group(kind="pull", blocks=[], quote=quote))
            quote = None
            continue
        kind = block.kind if block.kind in ("li", "oli") else "p"
        if groups and groups[-1].kind == kind:
            groups[-1].blocks.append(block)
        else:
            groups.append(Group(kind=kind, blocks=[block]))
        if quote is not None and not in_place and number >= middle and kind == "p":
            groups.append(Group(kind="pull", blocks=[], quote=quote))
            quote = None
    if quote is not None and not in_place:
        groups.append(Group(kind="pull", blocks=[], quote=quote))
    return groups


def card_text(story: Story) -> tuple[str, str]:
    """A card's title and the text under it.

    An item with no headline gets the first sentence of its teaser (or, with no teaser, of its caption) as
    its title, whole (the sorted issue keeps a shortened copy for listings), and the rest of that text under
    it: nothing is said twice.
    """
    from .text import first_sentence

    teaser = " ".join(story.teaser.split())
    if story.headline_derived:
        basis = teaser or " ".join(story.caption.split())
        if basis:
            first = first_sentence(basis)
            return first, basis[len(first) :].strip()
    return story.headline, "" if teaser == story.headline else teaser


def story_link(story: Story, web: str) -> str:
    """Where a card's title leads: the story's own page, else its whole text on the web version when the
    email shows only a card of it and the web version has more (its body)."""
    if story.url:
        return story.url
    if web and story.anchor and story.body and story.layout != "full":
        return f"{web}#{story.anchor}"
    return ""


def standfirst(story: Story) -> str:
    """The teaser shown above a whole story's body: none when the teaser is the body's first paragraph."""
    teaser = card_text(story)[1]
    return "" if not story.body or teaser == " ".join(story.opening.split()) else teaser


def card_rows(stories: list[Story], *, whole_bodies: bool = False) -> list[list[Story]]:
    """Cards two to a row; a story shown whole has a row to itself (in the email a `layout: full` one; with
    `whole_bodies`, as on the web version, every story with a body), and so has a card left alone."""

    def whole(story: Story) -> bool:
        return story.layout == "full" or (whole_bodies and bool(story.body))

    rows: list[list[Story]] = []
    for story in stories:
        if not whole(story) and rows and len(rows[-1]) == 1 and not whole(rows[-1][0]):
            rows[-1].append(story)
        else:
            rows.append([story])
    return rows


def same_words(one: str, other: str) -> bool:
    def words(text: str) -> str:
        return " ".join("".join(ch for ch in text.casefold() if ch.isalnum() or ch.isspace()).split())

    return words(one) == words(other)


# ---------------------------------------------------------------------------------------------
# Results tables and the elections calendar


@dataclass(frozen=True)
class ResultLine:
    """One row of a results table as every output shows it."""

    name: str
    party: str
    share: str  # "51.6%"
    votes: str  # "11,281,013", or "" when the table has no votes
    seats: str
    elected: bool
    bar: str  # the bar's colour
    figure: str  # the share's colour: the bar's, darkened where it would not read on the page
    width: float  # the bar's length in percent of the longest bar


def result_lines(results: Results, colors: Colors) -> list[ResultLine]:
    """Bars are proportional to the shares, the largest share drawing the full width."""
    from .colour import readable_on

    top = max((row.share for row in results.rows), default=0) or 1
    lines = []
    for row in results.rows:
        bar = row.colour or colors.accent
        lines.append(
            ResultLine(
                name=row.name,
                party=row.party,
                share=f"{row.share:.1f}%",
                votes=f"{row.votes:,}" if row.votes is not None else "",
                seats=str(row.seats) if row.seats is not None else "",
                elected=row.elected,
                bar=bar,
                figure=readable_on(bar, colors.background),
                width=round(row.share / top * 100, 1),
            )
        )
    return lines


def results_footnote(results: Results) -> list[str]:
    """Where the figures come from, and what the table's marks mean: one sentence each."""
    parts = [
        f"Source: {results.source}" if results.source else "",
        results.note,
        "Shares computed from the votes shown" if results.shares_from_votes else "",
        "✓ elected" if any(row.elected for row in results.rows) else "",
    ]
    return [part if part.endswith((".", "!", "?")) else part + "." for part in parts if part]


def text_results(results: Results) -> list[str]:
    """The table in columns: names and parties padded, figures right-aligned, a bar of blocks."""
    rows = result_lines(results, Colors())
    header = [
        results.name_label,
        "Party" if results.has("party") else None,
        "Share",
        "Votes" if results.has("votes") else None,
        "Seats" if results.has("seats") else None,
    ]
    cells = [
        [line.name + (" ✓" if line.elected else ""), line.party, line.share, line.votes, line.seats] for line in rows
    ]
    keep = [index for index, title in enumerate(header) if title is not None]
    table = [[header[index] for index in keep]] + [[row[index] for index in keep] for row in cells]
    widths = [max(display_width(row[column]) for row in table) for column in range(len(keep))]
    right = [header[index] in ("Share", "Votes", "Seats") for index in keep]
    room = max(TEXT_WIDTH - sum(widths) - 2 * len(widths), 10)
    bar_room = min(room, 24)
    out = underline(results.title, "·") if results.title else []
    for number, row in enumerate(table):
        padded = [pad(cell, width, right=is_right) for cell, width, is_right in zip(row, widths, right, strict=True)]
        bar = "" if number == 0 else "█" * round(rows[number - 1].width / 100 * bar_room)
        out.append(("  ".join(padded) + "  " + bar).rstrip())
    for sentence in results_footnote(results):
        out += wrap(sentence)
    return out + [""]


def pad(cell: str, width: int, *, right: bool) -> str:
    space = " " * (width - display_width(cell))
    return space + cell if right else cell + space


def text_calendar(issue: Issue) -> list[str]:
    out = [""] + underline(ELECTIONS_HEADING, "-") + [""]
    for election in issue.elections:
        day = f"{short_date(election.date, issue.date)} ({when(election.days)})"
        note = f". {election.note}" if election.note else ""
        out += wrap(f"{day}: {election.country}, {election.election}{note}", indent="  ", first="* ")
    return out + [""]


def short_date(day: dt.date, today: dt.date) -> str:
    """`Sun 6 Dec`, with the year when it is not the issue's."""
    year = f" {day.year}" if day.year != today.year else ""
    return f"{DAYS[day.weekday()][:3]} {day.day} {MONTHS[day.month - 1][:3]}{year}"


# ---------------------------------------------------------------------------------------------
# Renderers


@dataclass(frozen=True)
class Prepared:
    """An issue made ready for the templates, once per render: every link checked and made absolute,
    the template environment found, the lead's body grouped. Each renderer takes one (or an Issue, which
    it prepares for itself)."""

    issue: Issue
    env: Any
    lead_body: list[Group]
    tagged: Prepared | None = None  # the same with [tracking]'s campaign tags on story links, for the email

    @property
    def email(self) -> Prepared:
        """What the email and its plain text show: story links tagged; the web page keeps clean links."""
        return self.tagged or self


def prepare(issue: Issue | Prepared, *, cache: Path | None = None) -> Prepared:
    if isinstance(issue, Prepared):
        return issue
    safe = with_safe_links(issue)
    env = environment(cache)
    tagged = with_campaign_tags(safe)
    return Prepared(
        issue=safe,
        env=env,
        lead_body=body_groups(safe.lead),
        tagged=None if tagged is safe else Prepared(issue=tagged, env=env, lead_body=body_groups(tagged.lead)),
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


def with_campaign_tags(issue: Issue) -> Issue:
    """The issue with [tracking]'s UTM parameters on its story links (the headline, "Read" and body links):
    never on mailto, an excluded domain, the unsubscribe link or the issue's own web version."""
    from .links import tag_link

    tracking = issue.tracking
    if tracking is None:
        return issue
    params = tracking.params(issue.slug)
    untouched = {issue_unsubscribe_url(issue), issue_web_url(issue)}

    def tag(url: str) -> str:
        return url if not url or url in untouched else tag_link(url, params, tracking.exclude)

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


def context(
    ready: Prepared, *, unsubscribe: str | None = None, web: str | None = None, email: bool = False
) -> dict[str, Any]:
    issue = ready.issue
    brand = issue.brand
    # The email repeats the font stacks on every styled element: there they go without spaces.
    theme = Theme(
        serif=compact_stack(brand.font_family) if email else brand.font_family,
        sans=compact_stack(brand.sans_family) if email else brand.sans_family,
        dir="rtl" if brand.language.split("-")[0].lower() in RTL_LANGUAGES else "ltr",
    )
    return {
        "issue": issue,
        "brand": brand,
        "c": brand.colors,
        "theme": theme,
        "links": {
            "unsubscribe": unsubscribe if unsubscribe is not None else issue_unsubscribe_url(issue),
            "web": web if web is not None else issue_web_url(issue),
        },
        "email": email,  # the email's markup for Outlook; the web page's plain HTML
        "lead_body": ready.lead_body,
        "has_results": any(block.kind == "results" for story in issue.stories for block in story.body),
        "card_text": card_text,
        "card_rows": card_rows,
        "story_link": story_link,
        "story_body": body_groups,
        "standfirst": standfirst,
        "shown": shown,
        "preheader_filler": PREHEADER_FILLER,
        "result_lines": lambda results: result_lines(results, brand.colors),
        "results_footnote": results_footnote,
        "elections_heading": ELECTIONS_HEADING,
        "when": when,
        "short_date": lambda day: short_date(day, issue.date),
    }


def render_mjml(issue: Issue | Prepared, *, unsubscribe: str | None = None, web: str | None = None) -> str:
    """The email as MJML, with the phone and dark-mode CSS in its head."""
    ready = prepare(issue).email
    return run_template(ready.env, "email/base.mjml", context(ready, unsubscribe=unsubscribe, web=web, email=True))


def render_email(
    issue: Issue | Prepared, *, unsubscribe: str | None = None, web: str | None = None, cache: Path | None = None
) -> tuple[str, str]:
    """The email as MJML, and as HTML: compiled by MRML, its CSS inlined by premailer."""
    from .compile import compile_email

    ready = prepare(issue, cache=cache)
    mjml = render_mjml(ready, unsubscribe=unsubscribe, web=web)
    return mjml, compile_email(mjml, inline_css(ready), cache=cache)


def inline_css(issue: Issue | Prepared) -> str:
    """The CSS that premailer writes into style="" attributes."""
    ready = prepare(issue)
    return run_template(ready.env, "email/inline.css", context(ready, email=True))


def render_web(issue: Issue | Prepared, *, site: dict[str, str] | None = None) -> str:
    """The web version: a standalone HTML5 page with the same content and Open Graph metadata.

    `site` places it in the published archive (publish.py): the feed it links as rel=alternate, and the
    archive index and the previous and next issues, relative to the page so the site also works offline.
    """
    ready = prepare(issue)
    values = context(ready)
    values["page_url"] = issue_web_url(ready.issue)
    values["site"] = site
    return run_template(ready.env, "web/page.html", values)


def shown_path(path: str) -> str:
    """A template's path as the editor names it: relative to the working folder when it lies inside it."""
    full = Path(path)
    return str(full.relative_to(Path.cwd())) if full.is_absolute() and full.is_relative_to(Path.cwd()) else path


def run_template(env: Any, name: str, values: dict[str, Any]) -> str:
    import jinja2

    try:
        return env.get_template(name).render(values)
    except jinja2.TemplateSyntaxError as error:
        raise RenderError(
            f"template error: {error.message}", file=shown_path(error.filename or name), line=error.lineno
        ) from None
    except jinja2.TemplateError as error:
        raise RenderError(f"template {name} failed: {error}") from None


# ---------------------------------------------------------------------------------------------
# Plain text, designed as text


class References:
    """Numbered links, listed under the story that holds them."""

    def __init__(self) -> None:
        self.count = 0
        self.pending: list[tuple[int, str]] = []

    def add(self, url: str) -> int:
        self.count += 1
        self.pending.append((self.count, url))
        return self.count

    def flush(self) -> list[str]:
        lines = [f"[{number}] {url}" for number, url in self.pending]
        self.pending = []
        return lines


def wrap(text: str, indent: str = "", first: str | None = None) -> list[str]:
    # URLs and other long words are never broken, only moved to the next line.
    return textwrap.wrap(
        " ".join(text.split()),
        width=TEXT_WIDTH,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [""]


def underline(text: str, char: str) -> list[str]:
    lines = wrap(text)
    return lines + [char * max(len(line) for line in lines)]


def shown(span: Span) -> str:
    """What a link says: an autolinked address reads as the address, without "mailto:"."""
    if span.href.startswith("mailto:") and span.text.strip() == span.href:
        return span.href.removeprefix("mailto:").split("?")[0]
    return span.text


def is_bare(span: Span) -> bool:
    """A link whose text is its own address needs no numbered reference in the plain text."""
    return span.text.strip() in (span.href, span.href.removeprefix("mailto:").split("?")[0])


def span_text(block: Block, refs: References) -> str:
    parts = []
    for span in block.spans:
        if span.href and not is_bare(span):
            parts.append(f"{span.text} [{refs.add(span.href)}]")
        else:
            parts.append(shown(span) if span.href else span.text)
    return "".join(parts)


def text_body(groups: list[Group], refs: References) -> list[str]:
    lines: list[str] = []
    for group in groups:
        if group.kind == "pull" and group.quote is not None:
            lines += wrap(f"“{group.quote.text}”", indent="    ")
            if group.quote.attribution:
                lines += wrap(f"— {group.quote.attribution}", indent="    ")
            lines.append("")
            continue
        for number, block in enumerate(group.blocks, start=1):
            text = span_text(block, refs)
            if group.kind == "li":
                lines += wrap(text, indent="   ", first=" * ")
            elif group.kind == "oli":
                lines += wrap(text, indent="    ", first=f"{number:>2}. ")
            elif block.kind == "h":
                lines += underline(text, "-")
            elif block.kind == "quote":
                lines += wrap(text, indent="  > ")
            elif block.kind == "results" and block.results is not None:
                lines += text_results(block.results)
                continue
            elif len(block.spans) == 1 and block.spans[0].code:
                lines += ["    " + line for line in block.spans[0].text.splitlines()]
            else:
                lines += wrap(text)
            if group.kind == "p":
                lines.append("")
        if group.kind in ("li", "oli"):
            lines.append("")
    return lines


def render_text(issue: Issue | Prepared, *, unsubscribe: str | None = None, web: str | None = None) -> str:
    """The plain-text email: same content, same order, 72 columns, links as numbered references."""
    ready = prepare(issue).email
    issue = ready.issue
    values = context(ready, unsubscribe=unsubscribe, web=web)
    links, brand, lead = values["links"], issue.brand, issue.lead
    refs = References()
    meta = (f"Issue {issue.number} · " if issue.number is not None else "") + long_date(issue.date)
    out = [brand.name.upper(), meta]
    if links["web"]:
        out.append(f"View in browser: {links['web']}")
    out += ["", "=" * TEXT_WIDTH, ""]

    if lead.section:
        out.append(lead.section.upper())
    out += underline(lead.headline, "=")
    out.append("")
    if lead.image.src and (lead.caption or lead.credit):
        out += wrap("Photo: " + " — ".join(part for part in (lead.caption, lead.credit) if part))
        out.append("")
    out += text_body(ready.lead_body, refs)
    if lead.url:
        out += [f"Read the full story [{refs.add(lead.url)}]", ""]
    if refs.pending:
        out += refs.flush() + [""]
    if issue.elections:
        out += text_calendar(issue)

    for section in issue.sections:
        out += [""]
        out += underline(section.heading, "-")
        out.append("")
        for story in section.stories:
            title, teaser = card_text(story)
            link = story_link(story, links["web"])
            if story.layout == "full":
                out += underline(f"{title} [{refs.add(link)}]" if link else title, "~")
                out.append("")
                if standfirst(story):
                    out += wrap(standfirst(story)) + [""]
                out += text_body(body_groups(story), refs)
                out += refs.flush() + [""] if refs.pending else []
                continue
            title = f"{title} [{refs.add(link)}]" if link else title
            out += wrap(title, indent="  ", first="* ")
            if teaser:
                out += wrap(teaser, indent="  ")
            out += ["  " + line for line in refs.flush()]
            out.append("")

    out += ["-" * TEXT_WIDTH, ""]
    out += wrap(
        f"You are receiving this because you subscribed to {brand.name}."
        + (" Reply to this email to reach the editors." if brand.sender.email else "")
    )
    out.append(f"Unsubscribe: {links['unsubscribe']}")
    if brand.postal_address:
        out += wrap(brand.postal_address)
    return "\n".join(line.rstrip() for line in out).rstrip() + "\n"


# ---------------------------------------------------------------------------------------------
# Every output


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
    from .message import build_message, message_bytes
    from .send.personalise import MESSAGE_ID_TOKEN, TEXT_UNSUBSCRIBE_TOKEN, html_link, unfold_recipient_fields

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
    from .message import issue_message_id
    from .send.personalise import Recipient, Template, fill_page, fill_text

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
