"""Build folders under a root -> a static site: each issue's web page and images, index.html, feed.xml, sitemap.xml.

The site's root is the brand's `web_base_url`: an issue's page lands at `<issue slug>/web.html`, exactly where
its "View in browser" link points. Links between pages are relative, so the site works from any host and
offline; the feed and the sitemap, which readers and crawlers fetch on their own, use absolute URLs.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from .errors import InputError, OutputError, doing
from .models import Issue
from .output import clear_leftovers, copy_entry, swap_folder

FEED = "feed.xml"
INDEX = "index.html"
SITEMAP = "sitemap.xml"
PAGE = "web.html"
IMAGES = "images"
# Past this many issues the index gets a heading per year.
GROUP_BY_YEAR_AFTER = 12
THUMBNAIL_WIDTH = 160


@dataclass
class Build:
    """One build folder, the issue it holds and the images it wrote (images/<hash>.jpg, as its record lists them)."""

    folder: Path
    issue: Issue
    built: int  # when issue.json was written (ns): the newest build of an issue wins
    images: dict[str, bytes] = field(default_factory=dict)
    recorded: bool = True  # its build.json says what it was made from (an older version's does not)

    @property
    def slug(self) -> str:
        return self.issue.slug


@dataclass
class Skipped:
    folder: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.folder}: {self.reason}"


@dataclass
class Site:
    out: Path
    base_url: str
    builds: list[Build]  # published, newest issue first
    skipped: list[Skipped] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)  # issue folders of the old site gone, and why
    as_built: list[Skipped] = field(default_factory=list)  # older issues whose sources changed since: as sent
    moved: str = ""  # one line for the issues whose "View in browser" names another site (moved_from), or ""
    files: dict[str, int] = field(default_factory=dict)  # path in the site -> size in bytes

    def said(self) -> list[str]:
        """What `newsletter publish` reports: the issues published, newest first, and the site's other files."""
        lines = [f"Published {len(self.builds)} issue(s) into {self.out}/ for {self.base_url}/"]
        for build in self.builds:
            number = f"issue {build.issue.number}" if build.issue.number is not None else "no number"
            lines.append(f"  {build.issue.date.isoformat()}  {number:<10} {build.slug}/web.html  {build.issue.subject}")
        return [*lines, "  index.html, feed.xml, sitemap.xml"]

    def warnings(self) -> list[str]:
        """What `newsletter publish` warns of: each older issue published as built though its files changed since,
        then, once, the issues built for another address."""
        return [str(other) for other in self.as_built] + ([self.moved] if self.moved else [])


# ---------------------------------------------------------------------------------------------
# Which builds make the site


def find_builds(root: Path) -> tuple[list[Build], list[Skipped]]:
    """Every build folder directly under `root`, read as every command reads a build (an edited one is refused);
    folders without issue.json are named, not published."""
    from .buildfolder import read_built_issue, read_sources

    if not root.is_dir():
        raise InputError("is not a folder of builds; run `newsletter build` first", file=root)
    builds, skipped = [], []
    for folder in sorted(path for path in root.iterdir() if path.is_dir() and not path.name.startswith(".")):
        record = folder / "issue.json"
        if not record.is_file():
            skipped.append(Skipped(folder, "no issue.json: not a build"))
            continue
        with doing("reading", record):
            issue, files = read_built_issue(folder)
        images = {name: data for name, data in files.items() if name.startswith(f"{IMAGES}/")}
        recorded = read_sources(folder) is not None
        builds.append(Build(folder, issue, built=record.stat().st_mtime_ns, images=images, recorded=recorded))
    if not builds:
        raise InputError("holds no built issue; run `newsletter build` first", file=root)
    return builds, skipped


def issues_only(builds: list[Build], root: Path) -> tuple[list[Build], list[Skipped]]:
    """The builds of an issue folder; each build of one story file (a look at one story, dated the day it was
    built and without the issue's number), and each older build that may be one, is named, not published."""
    issues, left_out = [], []
    for build in builds:
        why = not_an_issue(build)
        if why:
            left_out.append(Skipped(build.folder, why))
        else:
            issues.append(build)
    if not issues:
        older = any(not build.issue.story_file for build in builds)
        what = ", or older builds that may be such (no number, every story from one file)" if older else ""
        raise InputError(
            f"holds only builds of one story file{what}, no issue; build an issue folder, then publish", file=root
        )
    return issues, left_out


def not_an_issue(build: Build) -> str:
    """Why a build is no issue to publish, or "" when it is one. A build made before builds said what they were
    made from (issue.json's story_file, build.json's sources) is an issue's when it shows it: an issue number (only
    issue.toml gives one) or stories from several files; else it may be a look at one story, and is named."""
    issue = build.issue
    if issue.story_file:
        return (
            f"built from one story file ({issue.story_file}), not an issue: left out of the archive; "
            "build the issue folder to publish it"
        )
    files = sorted({story.source.file for story in issue.stories})
    if build.recorded or issue.number is not None or len(files) > 1:
        return ""
    return (
        f"built by an older version, which did not record whether it was built from an issue folder or one story "
        f"file; with no issue number and every story from {files[0]}, it may be a look at one story: left out of "
        "the archive; build its issue folder again to publish it"
    )


def pick_builds(builds: list[Build]) -> tuple[list[Build], list[Skipped]]:
    """One build per issue, the newest; the others are skipped with the build that replaced them. Two builds are
    of one issue when they have the same number, or (either unnumbered) the same date and subject: both looked
    up by key, so a decade of builds is not compared pair by pair."""
    kept: list[Build] = []
    skipped = []
    by_number: dict[int, int] = {}  # -> index in kept of the newest build with that number
    by_day: dict[tuple[object, str], int] = {}  # (date, subject) -> the same
    for build in sorted(builds, key=lambda build: (build.built, build.folder.name), reverse=True):
        issue = build.issue
        found = [by_day.get((issue.date, issue.subject))]
        if issue.number is not None:
            found.append(by_number.get(issue.number))
        matches = [index for index in found if index is not None]
        if matches:
            newer = kept[min(matches)]  # the newest of the kept builds of this issue
            what = f"issue {issue.number}" if issue.number is not None else repr(issue.subject)
            skipped.append(Skipped(build.folder, f"an older build of {what}; published {newer.folder} instead"))
            continue
        if issue.number is not None:
            by_number.setdefault(issue.number, len(kept))
        by_day.setdefault((issue.date, issue.subject), len(kept))
        kept.append(build)
    by_slug: dict[str, Build] = {}
    for build in kept:
        other = by_slug.setdefault(build.slug, build)
        if other is not build:
            raise InputError(
                f"and {other.folder} are different issues with the same web address "
                f"{build.slug}/{PAGE}: give one an issue number in its issue.toml and rebuild",
                file=build.folder,
            )
    # Newest issue first; the folder name breaks a tie so the order never depends on the file system.
    kept.sort(key=lambda build: (build.issue.date, build.issue.number or 0, build.slug), reverse=True)
    return kept, skipped


def site_base(builds: list[Build]) -> str:
    """The address the site is published at: the newest issue's web_base_url."""
    newest = builds[0]
    base = newest.issue.brand.web_base_url.rstrip("/")
    if not base:
        raise InputError(
            "has no web_base_url: set web_base_url in [brand] of newsletter.toml to the address "
            "the site will be served from (the feed needs absolute links), then rebuild",
            file=newest.folder / "issue.json",
        )
    return base


# ---------------------------------------------------------------------------------------------
# The pages


def page_url(base: str, build: Build) -> str:
    return f"{base}/{build.slug}/{PAGE}"


def local(url: str, base: str, prefix: str = "") -> str:
    """A URL under the site's base as a path relative to a page `prefix` deep; any other URL as it is."""
    return prefix + url[len(base) + 1 :] if url.startswith(base + "/") else url


def at_site(issue: Issue, base: str) -> Issue:
    """The issue as the site shows it: at the site's address, where its page and images are, also when it was built
    for another one the site has moved from (its email went out as built; its page is here, not there)."""
    if issue.brand.web_base_url.rstrip("/") == base:
        return issue
    return issue.model_copy(update={"brand": issue.brand.model_copy(update={"web_base_url": base})})


def render_pages(builds: list[Build], base: str, cache: Path | None = None) -> dict[str, bytes]:
    """Each issue's web page, placed in the archive: the feed link and the previous and next issue."""
    from .render import prepare, render_web

    pages = {}
    for position, build in enumerate(builds):
        newer = builds[position - 1] if position > 0 else None
        older = builds[position + 1] if position + 1 < len(builds) else None
        site = {
            "feed": f"{base}/{FEED}",
            "index": f"../{INDEX}",
            "previous": f"../{older.slug}/{PAGE}" if older else "",
            "next": f"../{newer.slug}/{PAGE}" if newer else "",
        }
        pages[f"{build.slug}/{PAGE}"] = render_web(prepare(at_site(build.issue, base), cache=cache), site=site).encode()
    return pages


def render_index(builds: list[Build], base: str, cache: Path | None = None) -> bytes:
    from .render import context, prepare, run_template, with_safe_links

    items = []
    for build in builds:
        lead = with_safe_links(at_site(build.issue, base)).lead
        image = lead.image
        height = round(THUMBNAIL_WIDTH * image.height / image.width) if image.width and image.height else None
        items.append(
            {
                "href": f"{build.slug}/{PAGE}",
                "date": build.issue.date,
                "number": build.issue.number,
                "subject": build.issue.subject,
                "headline": lead.headline,
                "image": local(image.src, base),
                "alt": image.alt or lead.caption or lead.headline,
                "height": height,
            }
        )
    years: dict[int, list[dict[str, object]]] = {}
    for item in items:
        years.setdefault(cast(dt.date, item["date"]).year, []).append(item)
    ready = prepare(builds[0].issue, cache=cache)
    values = context(ready)
    values["site"] = {
        "index_url": f"{base}/",
        "feed": f"{base}/{FEED}",
        "count": len(items),
        "grouped": len(items) > GROUP_BY_YEAR_AFTER,
        "years": list(years.items()),
    }
    return run_template(ready.env, "site/index.html", values).encode()


def main_content(page: str) -> str:
    """The issue itself, for the feed: the page's <main>, without its head, masthead and footer."""
    start, end = page.find("<main>"), page.rfind("</main>")
    return page[start + len("<main>") : end].strip() if 0 <= start < end else page


def midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=dt.UTC)


def render_feed(builds: list[Build], base: str, pages: dict[str, bytes], ids: Ids) -> bytes:
    """Atom 1.0: one entry per issue, newest first, with the whole issue as its content and the id `ids` gives it."""
    from feedgen.feed import FeedGenerator

    from . import __version__

    brand = builds[0].issue.brand
    feed = FeedGenerator()
    feed.id(ids.feed)
    name = brand.name or base  # Atom requires a title and an author's name
    feed.title(name)
    if brand.tagline:
        feed.subtitle(brand.tagline)
    feed.author({"name": name})
    feed.link(href=f"{base}/{FEED}", rel="self", type="application/atom+xml")
    feed.link(href=f"{base}/", rel="alternate", type="text/html")
    feed.language(brand.language)
    feed.generator("newsletter", version=__version__)
    # The newest issue's date, not the time of publishing: the same builds give the same feed.
    feed.updated(midnight(builds[0].issue.date))
    for build in builds:
        issue, url = build.issue, page_url(base, build)
        entry = feed.add_entry(order="append")
        entry.id(ids.entries[entry_key(issue)])
        entry.title(issue.subject or issue.lead.headline or issue.date.isoformat())  # Atom requires a title
        entry.link(href=url, rel="alternate", type="text/html")
        entry.published(midnight(issue.date))
        entry.updated(midnight(issue.date))
        entry.summary(issue.preheader)
        entry.content(main_content(pages[f"{build.slug}/{PAGE}"].decode()), type="html")
    atom: bytes = feed.atom_str(pretty=True)
    return atom


@dataclass
class Ids:
    """The feed's id and each entry's (by entry_key). A feed reader knows an entry by its id alone: one it has not
    seen is a new issue to show, so an id, once published, stays, wherever the site or the issue's page moves."""

    feed: str
    entries: dict[str, str]


def entry_key(issue: Issue) -> str:
    """One issue across builds and publishes, whatever its date or address: its number, else its folder name."""
    return f"issue-{issue.number}" if issue.number is not None else issue.slug


def feed_ids(builds: list[Build], base: str, before: Ids | None) -> Ids:
    """The ids the last publish gave the feed and the issues still in it; a new issue's is its page's address
    (made unique should an id kept from before be that address: two entries with one id are one to a reader)."""
    kept = before.entries if before else {}
    entries = {entry_key(build.issue): kept[key] for build in builds if (key := entry_key(build.issue)) in kept}
    used = set(entries.values())
    for build in builds:
        key = entry_key(build.issue)
        if key not in entries:
            url = page_url(base, build)
            entries[key] = url if url not in used else f"{url}#{key}"
            used.add(entries[key])
    return Ids(before.feed if before else f"{base}/", entries)


def render_sitemap(builds: list[Build], base: str) -> bytes:
    import xml.etree.ElementTree as ET

    urlset = ET.Element("urlset", xmlns="http://www.sitemaps.org/schemas/sitemap/0.9")
    pages = [(f"{base}/", builds[0].issue.date)] + [(page_url(base, build), build.issue.date) for build in builds]
    for location, day in pages:
        url = ET.SubElement(urlset, "url")
        ET.SubElement(url, "loc").text = location
        ET.SubElement(url, "lastmod").text = day.isoformat()
    ET.indent(urlset)
    sitemap: bytes = ET.tostring(urlset, encoding="utf-8", xml_declaration=True)
    return sitemap + b"\n"


def site_files(
    builds: list[Build], base: str, ids: Ids, cache: Path | None = None
) -> tuple[dict[str, bytes], list[Skipped]]:
    """Every file of the site by its path in the site, and each file of a build's images/ left out (only the
    images its build.json lists are published, read as regular files: never a symlink, never a hand-put file)."""
    pages = render_pages(builds, base, cache)
    files: dict[str, bytes] = {INDEX: render_index(builds, base, cache), **pages}
    files[FEED] = render_feed(builds, base, pages, ids)
    files[SITEMAP] = render_sitemap(builds, base)
    left_out = []
    for build in builds:
        images = build.images
        for name, data in images.items():
            files[f"{build.slug}/{name}"] = data
        folder = build.folder / IMAGES
        if folder.is_dir() and not folder.is_symlink():
            for path in sorted(folder.iterdir()):
                if f"{IMAGES}/{path.name}" not in images:
                    why = "not an image the build wrote (build.json does not list it): left out of the site"
                    left_out.append(Skipped(path, why))
    return files, left_out


# ---------------------------------------------------------------------------------------------
# The recipe


def publish(root: Path = Path("build"), out: Path = Path("site"), *, cache: Path | None = None) -> Site:
    """Publish every issue built under `root` into the site folder `out`, replacing it whole. The newest issue's
    build is refused when its sources changed since (buildfolder.refuse_stale); an older issue's is published as
    built, as it was sent, and a change to its own folder's files since is named (a change to what every issue
    shares, the week's calendar.csv or a new footer, is the newest issue's). An issue still holding a placeholder
    ("TK") is refused, as a list send refuses it."""
    from .buildfolder import refuse_stale
    from .check import placeholders, refuse_placeholders

    separate(root, out)
    # Read every build; leave out the builds of one story file (or that may be), then keep each issue's newest
    found, not_builds = find_builds(root)
    builds, no_issue = issues_only(found, root)
    builds, older = pick_builds(builds)
    # A story edited since the newest issue's build: its page would not say what is about to go out. An older
    # issue's build is what went out; the archive keeps it as sent, an edit of its own files since is named
    newest = max(builds, key=lambda build: (build.issue.date, build.built))  # (not the last built: an old one rebuilt)
    refuse_stale(newest.folder)
    as_built = [Skipped(build.folder, said) for build in builds if build is not newest and (said := as_sent(build))]
    # An issue still holding a placeholder ("TK"): the archive would show its draft to everyone, as a list send would
    # mail it to everyone; refused the same way (what its web page shows: the issue's own fields)
    for build in builds:
        where = f"or move it out of {root}/ to publish the other issues" if len(builds) > 1 else ""
        refuse_placeholders(placeholders(build.issue), build.folder, nothing="nothing was published", instead=where)
    base = site_base(builds)
    # What the last publish there wrote: the files this one may replace, and the feed's ids, which stay (once what
    # a publish killed midway left beside it is cleared: its old site put back, should the kill have come mid-swap)
    clear_leftovers(out)
    before = read_manifest(out)
    ids = feed_ids(builds, base, before.ids)
    # Render the pages, the index, the feed and the sitemap; take the images each build wrote
    with doing("rendering the archive of", root):
        files, left_out = site_files(builds, base, ids, cache)
    # Swap the new site in: a reader (or a failure) sees the old site or the new one, never a mix
    with doing("writing", out):
        removed = write_site(out, files, before.files, ids)
    # An issue folder the new site lacks: a build of it is there but left out (named above), or there is none
    built = {build.slug: build.folder for build in found}
    why_removed = [
        (name, f"its build {built[name]} is left out of the archive (see above)")
        if name in built
        else (name, f"no build of it under {root}/ any more")
        for name in removed
    ]
    sizes = {name: len(data) for name, data in files.items()}
    return Site(
        out=out,
        base_url=base,
        builds=builds,
        skipped=older + not_builds + no_issue + left_out,
        removed=why_removed,
        files=sizes,
        as_built=as_built,
        moved=moved_from(builds, base),
    )


def as_sent(build: Build) -> str:
    """What publish says of an older issue whose own folder's sources changed, went or came since its build; ""
    when none did (what every issue shares is the newest issue's to be current)."""
    from .buildfolder import read_sources, stale_sources

    sources = read_sources(build.folder)
    stale = [
        found for found in stale_sources(build.folder) if sources and Path(found.file).is_relative_to(sources.issue)
    ]
    if not stale:
        return ""
    files = ", ".join(f"{source.file} {source.change}" for source in stale)
    return (
        f"{files} since this build; an older issue is published as built, as it was sent: build it again to "
        "publish the change"
    )


def moved_from(builds: list[Build], base: str) -> str:
    """One line for every issue whose "View in browser" link names another address than this site's (built before
    the site moved, or before web_base_url was set), "" for none: how many, which (the first few, by address), and
    what to do. Its page is published here all the same (at_site); the link in its email is the question."""
    from .notices import SHOWN

    groups: dict[str, list[str]] = {}  # the address its link names ("": none) -> its build folders, newest first
    for build in builds:
        old = build.issue.brand.web_base_url.rstrip("/")
        if old != base:
            groups.setdefault(old, []).append(build.folder.name)
    if not groups:
        return ""
    links = []
    for old, names in groups.items():
        shown = ", ".join(names[:SHOWN]) + (f" and {len(names) - SHOWN} more" if len(names) > SHOWN else "")
        links.append(f"point to {old}/ ({shown})" if old else f"are missing ({shown}: built without web_base_url)")
    olds = " and ".join(f"{old}/" for old in groups if old)
    redirect = f", and have {olds} redirect to {base}/ for those sent" if olds else ""
    return (
        f"{sum(map(len, groups.values()))} issue(s) built for another address than this site ({base}/), where their "
        f'pages are published: their emails\' "View in browser" links {" and ".join(links)}; build again any not '
        f"sent yet{redirect}"
    )


def separate(root: Path, out: Path) -> None:
    """The site is replaced whole: it must be a folder of its own, neither holding the builds nor inside them."""
    builds, site = root.resolve(), out.resolve()
    if site == Path.cwd().resolve() or builds.is_relative_to(site):
        raise OutputError(
            f"would replace the folder that holds {root}/; publish into a folder of its own, such as --out site",
            file=out,
        )
    if site.is_relative_to(builds):
        raise OutputError(
            f"is inside {root}/, where publish reads builds; publish into a folder of its own, such as --out site",
            file=out,
        )


MANIFEST = ".newsletter-site.json"  # what the last publish wrote (all a later publish may remove) and the feed's ids


@dataclass
class Manifest:
    files: set[str] = field(default_factory=set)
    ids: Ids | None = None  # None: a new site, or one published before the ids were kept


def read_manifest(target: Path) -> Manifest:
    if target.exists() and not target.is_dir():
        raise OutputError("is a file, not a folder; choose another --out", file=target)
    try:
        return previous_manifest(target)
    except OSError as error:
        raise OutputError(f"cannot be read ({error.strerror or error})", file=target) from None


def write_site(target: Path, files: dict[str, bytes], written: set[str], ids: Ids) -> list[str]:
    """Write the site into a temporary sibling folder, then swap it into place.

    Only what an earlier publish wrote (its manifest) is replaced or removed; the issue folders it wrote that
    the new site lacks are returned to be named. Anything else in the folder (a CNAME, robots.txt, a favicon,
    a file added inside an issue's folder) moves into the new site as it is. A folder that holds files but no
    manifest was not made by publish, and is refused rather than emptied.
    """
    try:
        return swap_site(target, files, written, ids)
    except OSError as error:
        raise OutputError(f"cannot be written ({error.strerror or error})", file=target) from None


def previous_manifest(target: Path) -> Manifest:
    """The files the last publish into `target` wrote and the ids it gave; none for a new or empty folder. A folder
    with files and no manifest is someone else's: an error, since publishing replaces the folder."""
    if not target.is_dir():
        return Manifest()
    manifest = target / MANIFEST
    if not manifest.is_file() or manifest.is_symlink():
        if any(target.iterdir()):
            raise OutputError(
                "holds files that publish did not write (it has no "
                f"{MANIFEST}); publish into a new or empty folder, such as --out site",
                file=target,
            )
        return Manifest()
    try:
        data = json.loads(manifest.read_text("utf-8"))
        names, feed, entries = data["files"], data.get("feed_id", ""), data.get("entry_ids", {})
        if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
            raise TypeError
        if not isinstance(feed, str) or not isinstance(entries, dict):
            raise TypeError
        if not all(isinstance(text, str) for text in (*entries, *entries.values())):
            raise TypeError
    except (ValueError, KeyError, TypeError, AttributeError):
        raise OutputError(
            f"cannot be read; remove the site folder's {MANIFEST} and publish into an empty folder", file=manifest
        ) from None
    return Manifest(set(names), Ids(feed, entries) if feed else None)


def swap_site(target: Path, files: dict[str, bytes], written: set[str], ids: Ids) -> list[str]:
    """The site swapped in whole with its manifest, carrying over what publish did not write; the issue
    folders of the old site (by its manifest, `written`) that the new one lacks."""
    manifest = {"files": sorted(files), "feed_id": ids.feed, "entry_ids": dict(sorted(ids.entries.items()))}
    made = {name.split("/")[0] for name in files}
    removed = sorted({name.split("/")[0] for name in written if name.endswith(f"/{PAGE}")} - made)
    replaced = written | set(files) | {MANIFEST}
    swap_folder(
        target,
        {**files, MANIFEST: (json.dumps(manifest, indent=0) + "\n").encode()},
        lambda old, new: carry_over(old, new, replaced),
    )
    return removed


def carry_over(target: Path, staging: Path, replaced: set[str]) -> None:
    """Copy into the new site everything of the old one that publish did not write (symlinks as symlinks)."""
    pending = [Path()]
    while pending:
        folder = pending.pop()
        for entry in sorted((target / folder).iterdir()):
            name = (folder / entry.name).as_posix()
            if entry.is_dir() and not entry.is_symlink():
                (staging / name).mkdir(exist_ok=True)
                pending.append(folder / entry.name)
            elif name not in replaced:
                (staging / name).parent.mkdir(parents=True, exist_ok=True)
                copy_entry(entry, staging / name)
    # A folder left empty by what the new site no longer has goes; one the editor made empty stays.
    for folder in sorted((path for path in staging.rglob("*") if path.is_dir()), reverse=True):
        name = folder.relative_to(staging).as_posix()
        if not any(folder.iterdir()) and any(old.startswith(f"{name}/") for old in replaced):
            folder.rmdir()
