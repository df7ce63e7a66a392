"""The recipe: a source path -> load, sort, render, compile -> files written atomically into a folder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from .buildfolder import RECORD_NAME, make_record, source_record
from .errors import InputError, OutputError, doing
from .images import FOLDER
from .models import Block, Issue, Notice
from .output import write_folder

if TYPE_CHECKING:
    from .check import Finding
    from .load import Reads
    from .render import Rendering
    from .settings import IssueSettings, SettingsFile


class BuildResult(NamedTuple):
    issue: Issue
    out: Path
    files: dict[str, int]  # file name -> size in bytes

    @property
    def warnings(self) -> list[Notice]:
        return self.issue.warnings

    def said(self) -> list[str]:
        """What `newsletter build` reports: the issue, its lead and sections, and each file with its size."""
        from .text import human_size

        issue = self.issue
        lines = [f"Built {issue.subject!r} ({issue.date.isoformat()}) into {self.out}/"]
        lines.append(f"  lead: {issue.lead.headline}")
        lines += [f"  {section.heading}: {len(section.stories)} item(s)" for section in issue.sections]
        width = max(map(len, self.files), default=0)
        return lines + [f"  {name:<{width}} {human_size(size):>9}" for name, size in self.files.items()]

    def clipped(self) -> Finding | None:
        """Gmail's clip: an error when email.html is over it, a warning when near it; else None."""
        from .check import clip_finding

        return clip_finding(self.files.get("email.html", 0), str(self.out / "email.html"))

    def placeholders(self) -> str:
        """One line: how many placeholders ("TK") and merge tags are left in the issue and its email, counted as
        `newsletter check` lists them, and the command that names each (with the build's folder: built with --out,
        check's own choice of build is another); "" when there are none."""
        from .check import placeholders

        html, text = self.out / "email.html", self.out / "email.txt"
        if not html.is_file() or not text.is_file():
            return ""
        left = placeholders(self.issue, html.read_text("utf-8"), text.read_text("utf-8"), str(html), str(text))
        if not left:
            return ""
        return (
            f"{len(left)} placeholder(s) left to fill in (TK, unfilled merge tags): `newsletter check {self.out}` "
            "names each one"
        )


class Made(NamedTuple):
    """An issue and the images its local files became, side by side: the files are published with the issue,
    the preview watches the sources."""

    issue: Issue
    images: dict[str, bytes]  # images/<hash>.<ext> -> bytes
    image_files: Mapping[Path, str] = MappingProxyType({})  # the local files they were made from -> their SHA-256


def issue_json(issue: Issue) -> str:
    """The sorted issue as stable, human-readable JSON."""
    return issue.model_dump_json(indent=2, exclude_defaults=True) + "\n"


def make_issue(
    source: Path,
    *,
    date: dt.date | None = None,
    config: Path | None = None,
    today: dt.date | None = None,
    cache: Path | None = None,
    reads: Reads | None = None,
) -> Made:
    """Load and sort the stories under `source` into an Issue dated `date`, else issue.toml's date, else
    `today` (None: the clock's), beside the images made from its local files. `cache`: where made photos are
    kept between runs (None: in memory only). `reads`: the story files an earlier call read (the preview's),
    parsed again only when their bytes changed."""
    from .images import publish_images
    from .load import brand_named, load_source, place_related
    from .readers.results import colour_notices
    from .settings import calendar_weeks, config_folder, load_brand, load_tk_meant, load_tracking, read_config
    from .sort import sort_issue
    from .words import language_notice, load_words

    # Read the stories and the issue's own settings (issue.toml)
    loaded = load_source(source, reads)
    # Brand settings: newsletter.toml (read once, for every table of it below), then the issue's overrides,
    # then what the pages say
    settings = read_config(config)
    brand = load_brand(
        settings, overrides=loaded.brand_overrides, overrides_file=loaded.settings.file, page_brand=loaded.page_brand
    )
    # A pasted page's related list: "More from" items when the page is the brand's own (none is without a brand name)
    named = brand_named(loaded.brand_overrides, settings.data.get("brand"), page=loaded.page_brand)
    place_related(loaded, brand.name if named else "")
    # The issue's own words ("View in browser", "More from") in its language, as [words] sets them: said once when
    # the language has none built in
    words = load_words(settings)
    language_set_in = loaded.settings.file if "language" in loaded.brand_overrides else None
    untranslated = language_notice(brand, words, language_set_in or settings)
    # One lead, then the sections
    with doing("sorting the stories of", source):
        issue = sort_issue(loaded, brand=brand, date=date, today=today or dt.date.today(), words=words)
    if untranslated:
        issue = issue.model_copy(update={"warnings": [*issue.warnings, untranslated]})
    # The shape around the stories: "In this issue", the editor's intro and sign-off
    issue = with_shape(issue, loaded.settings, settings)
    # A TK that is meant (a name, a code), not a placeholder: [tk] meant of newsletter.toml and of issue.toml, which
    # check reads from the build
    meant = list(dict.fromkeys(load_tk_meant(settings) + loaded.settings.tk.meant))
    if meant:
        issue = issue.model_copy(update={"tk_meant": meant})
    if not source.is_dir():  # a look at one story, not an issue: kept out of the archive
        issue = issue.model_copy(update={"story_file": source.name})
    # Campaign tags for the email's story links ([tracking]), added when the email is rendered
    tracking = load_tracking(settings)
    if tracking:
        issue = issue.model_copy(update={"tracking": tracking})
    # Local photos and the logo, made fit to publish with the issue
    logo_in_issue = "logo" in loaded.brand_overrides and source.is_dir()
    logo_root = source if logo_in_issue else config_folder(config)
    with doing("preparing the images of", source):
        issue, published = publish_images(issue, logo_root=logo_root, logo_in_issue=logo_in_issue, cache=cache)
    # The elections ahead of the issue's date, from calendar.csv; party colours too light to read as text
    issue = add_calendar(issue, source, config, calendar_weeks(settings))
    issue = issue.model_copy(
        update={
            "warnings": issue.warnings
            + [notice for story in issue.stories for notice in colour_notices(story, brand.colors.background)]
        }
    )
    return Made(issue, dict(published.files), published.sources)


def with_shape(issue: Issue, own: IssueSettings, settings: SettingsFile) -> Issue:
    """issue.toml's contents, intro and signoff, else newsletter.toml's [issue] contents and signoff; the
    Markdown parsed as a story's body is, its links checked and its lines named in issue.toml."""
    from .readers.markdown import parse_body
    from .settings import load_issue_defaults
    from .typography import smarten_block

    defaults = load_issue_defaults(settings)
    contents, signoff = defaults.contents, defaults.signoff
    where = own.file if own.signoff or not signoff else settings
    left: list[Notice] = []  # a picture or a table in the intro or sign-off, named (readers/markdown.parse_body)

    def blocks(text: str, key: str, file: SettingsFile | None) -> list[Block]:
        if not text or file is None:
            return []
        # The text's first line in the file (a multi-line string starts on the line below its key): Markdown's
        # line numbers count from there, so a bad link is named at its own line of issue.toml.
        start = file.line(key) or 1
        lines = file.text.split("\n")
        head = text.split("\n")[0]
        first = next((n for n in range(start, len(lines) + 1) if head in lines[n - 1]), start)
        return [smarten_block(block) for block in parse_body(text, str(file.path), first - 1, left)]

    intro, signoff_blocks = blocks(own.intro, "intro", own.file), blocks(own.signoff or signoff, "signoff", where)
    return issue.model_copy(
        update={
            "contents": own.contents if own.contents is not None else contents,
            "intro": intro,
            "signoff": signoff_blocks,
            "warnings": issue.warnings + left,
        }
    )


def add_calendar(issue: Issue, source: Path, config: Path | None, weeks: int | None) -> Issue:
    from .elections import find_calendar, read_calendar
    from .text import inside_issue

    path = find_calendar(source, config)
    if path is None:
        return issue
    folder = source if source.is_dir() else source.parent
    if path.parent == folder:  # the issue's own (the one beside newsletter.toml is the editor's, for every issue)
        inside_issue(path, folder)
    notices: list[Notice] = []
    elections = read_calendar(path, issue.date, weeks, notices)
    return issue.model_copy(update={"elections": elections, "warnings": issue.warnings + notices})


def render_files(
    made: Made,
    *,
    unsubscribe_url: str | None = None,
    web_url: str | None = None,
    cache: Path | None = None,
    rendering: Rendering | None = None,
) -> dict[str, bytes]:
    """Every output of an issue and its images, by file name; the links default to the brand's. `cache`: a folder where
    compiled templates and parsed CSS are kept between runs (None: nothing is kept). `rendering`: the
    issue's Rendering when the caller (the preview) has made some of its files already."""
    from .render import Rendering

    issue = made.issue
    rendering = rendering or Rendering(
        issue, images=made.images, unsubscribe_url=unsubscribe_url, web_url=web_url, cache=cache
    )
    files = {"issue.json": issue_json(issue).encode()}
    files.update(rendering.files())
    files.update(sorted(made.images.items()))  # images/<hash>.jpg, published with the issue
    return files


def build(
    source: Path,
    *,
    out: Path | None = None,
    out_root: Path = Path("build"),
    date: dt.date | None = None,
    today: dt.date | None = None,
    config: Path | None = None,
    cache: Path | None = None,
) -> BuildResult:
    """Build the issue under `source` into `out` (default: out_root/<issue slug>); `date` and `today` as in
    make_issue."""
    from .export import EXPORT_NAMES

    if out is not None and source.is_dir() and same_folder(out, source):
        raise OutputError(
            "is the issue folder itself: the build's email.txt would be read back as a story next "
            "time; choose another --out (a folder inside it is fine)",
            file=out,
        )
    sources = source_record(source, config)  # what it is made from, hashed before it is read
    made = make_issue(source, date=date, today=today, config=config, cache=cache)
    issue = made.issue
    # and the local photos and logo it names, hashed as their images were made from them
    sources = sources._replace(sha256=sources.sha256 | {str(path): sha256 for path, sha256 in made.image_files.items()})
    with doing("rendering", source):
        files = render_files(made, cache=cache)
    # What send and export will fill in must be these very bytes: a record of each file's hash, and of each
    # source's, so that check, send, export and publish can tell when the issue says something else now.
    files[RECORD_NAME] = make_record(files, sources)
    target = out if out is not None else out_root / issue.slug
    with doing("writing", target):
        # The photos of an earlier build are not published again, nor its exports pasted: both were made from it.
        write_folder(target, files, owned=(FOLDER, *EXPORT_NAMES))
    return BuildResult(issue=issue, out=target, files={name: len(data) for name, data in files.items()})


def same_folder(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve()
    except (OSError, RuntimeError):
        return False


def default_source(source: Path | None) -> Path:
    """The story file or folder to build: as given, else the newest issue folder `new` made, else seeds/."""
    if source is not None:
        return source
    from .new import latest_issue

    found = latest_issue() or Path("seeds")
    if not found.exists():
        raise InputError(f"nothing to build here: no issue under issues/ (nor seeds/); {where_to_run()}")
    return found


def where_to_run() -> str:
    """What to do when the working folder holds no issue: the folder above it that holds newsletter.toml
    (an editor inside an issue folder), else give the issue folder or start a newsletter."""
    from .settings import CONFIG_NAME

    here = Path.cwd()
    home = next((folder for folder in here.parents if (folder / CONFIG_NAME).is_file()), None)
    if home is not None and not (here / CONFIG_NAME).is_file():
        return f"run it in {home}, where {CONFIG_NAME} is, or give the issue folder"
    return "give the issue folder (issues/2026-12-01), or start a newsletter with `newsletter init`"
