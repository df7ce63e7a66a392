"""Local image files an issue names -> images fit to publish (Pillow): upright, sRGB, no metadata, twice
their display width, recompressed, named by a hash of their content; and the issue pointing at them.

A photo's EXIF can hold where it was taken and the camera's serial number: nothing of it leaves the
editor's machine. The same file and settings always give the same bytes (and so the same name).

A photo is made once: what it became is kept by a hash of its content and settings, in memory and in the
cache folder, so a rebuild or a preview save never decodes an unchanged photo again; the photos a build has
not seen yet are made side by side in threads, one per CPU (Pillow's decoding, resizing and encoding run
without the GIL), each to the same bytes as alone.
"""

from __future__ import annotations

import functools
import hashlib
import os
import stat
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from .errors import InputError
from .models import Issue, Story
from .picture import ImageProblem, close_file, made_from, quiet
from .text import as_saved, clean_value, leads_outside, read_file

FOLDER = "images"  # inside the build folder, published with it
# Twice the width each image is shown at (a 600 px email), so it is sharp on high-density screens.
LEAD_WIDTH = 1200
CARD_WIDTH = 600  # a card is half the email wide; on a phone, one card fills the width
# What one image may weigh in the email: a lead photo, a card (and a logo).
LEAD_BUDGET = 250 * 1024
CARD_BUDGET = 120 * 1024
FILE_LIMIT = 100 * 1024 * 1024  # bytes: a 100 MP camera JPEG is about 40 MB; a 3 GB file is no photo to email
# Part of every cache key: bump it when what process() makes of a file changes, so older results are not used.
RECIPE = "3"
MADE_LIMIT = 64  # images kept in memory (the preview's process); the cache folder keeps the rest


class Built(NamedTuple):
    """One image as published: its name in the build folder, its bytes and its size in pixels."""

    name: str  # images/<hash>.jpg
    data: bytes
    width: int
    height: int
    made_from: str = ""  # the SHA-256 of the file's bytes it was made from


class Published(NamedTuple):
    """The images an issue's local files became, and the files they were read from."""

    files: dict[str, bytes]  # images/<hash>.<ext> -> bytes
    sources: dict[Path, str]  # each file read -> the SHA-256 of the bytes its image was made from


class Job(NamedTuple):
    """One local image to make: its file, the width and byte budget of its place, and where it is named."""

    path: Path
    width: int
    budget: int
    where: Path  # the story or settings file naming it, for errors
    src: str  # as written there


def is_local(src: str) -> bool:
    """A path to a file on the editor's disk, not an address: no scheme, not //host/..."""
    src = src.strip()
    return bool(src) and not urlsplit(src).scheme and not src.startswith("//")


def is_built(src: str) -> bool:
    """An image this tool made: it lives in the build folder's images/."""
    return src.startswith(FOLDER + "/") and "/" not in src[len(FOLDER) + 1 :]


def publish_images(
    issue: Issue,
    *,
    logo_root: Path = Path("."),
    logo_in_issue: bool = False,
    cache: Path | None = None,
    workers: int | None = None,
) -> tuple[Issue, Published]:
    """The issue with every local image (story photos, the logo and its dark variant) made into a file of
    the build's images/ folder, width and height set; remote https images are left as they are.

    Story images are found relative to their story file; the logo relative to `logo_root` (the folder
    of the settings file that names it), and inside it when that is the issue folder (`logo_in_issue`: the
    issue's own issue.toml names it, and like its stories reads nothing from outside the issue). `cache`: the
    folder where made images are kept between runs (None: only this process remembers them); `workers`: at most
    this many processes (None: one per CPU).
    """

    def story_job(story: Story, width: int, budget: int) -> Job | None:
        src = story.image.src
        if not is_local(src):
            return None
        where = Path(story.source.file)
        path = as_saved(where.parent / src.strip())
        # Nothing outside the issue folder goes into an output: not an absolute path, not ../, not a symlink
        # that leads out (the photo would be published with the issue).
        if leads_outside(path, where.parent):
            raise fail(where, src, "is outside the issue folder; copy the photo into the issue folder (photos/)")
        return Job(path, width, budget, where, src)

    lead_job = story_job(issue.lead, LEAD_WIDTH, LEAD_BUDGET)
    section_jobs = [
        [story_job(story, CARD_WIDTH, CARD_BUDGET) for story in section.stories] for section in issue.sections
    ]
    logo = issue.brand.logo
    logo_jobs = {
        key: Job(as_saved(logo_root / src.strip()), 2 * logo.width, CARD_BUDGET, settings_file(logo_root, src), src)
        for key in ("src", "dark_src")
        if is_local(src := getattr(logo, key))
    }
    for job in logo_jobs.values():
        if logo_in_issue and leads_outside(job.path, logo_root):
            raise fail(
                job.where,
                job.src,
                "is outside the issue folder; copy the logo into the issue folder, or name it in newsletter.toml",
            )
    jobs = [job for job in [lead_job, *(job for row in section_jobs for job in row), *logo_jobs.values()] if job]
    made = make_all(jobs, cache=cache, workers=workers)
    published = Published({}, {})
    for job in jobs:
        published.files[made[job].name] = made[job].data
        published.sources[job.path] = made[job].made_from

    def with_image(story: Story, job: Job | None) -> Story:
        if job is None:
            return story
        built = made[job]
        image = story.image.model_copy(
            update={
                "src": built.name,
                "file": story.image.file or story.image.src,
                "width": built.width,
                "height": built.height,
            }
        )
        return story.model_copy(update={"image": image})

    lead = with_image(issue.lead, lead_job)
    sections = [
        section.model_copy(
            update={"stories": [with_image(story, job) for story, job in zip(section.stories, row, strict=True)]}
        )
        for section, row in zip(issue.sections, section_jobs, strict=True)
    ]
    brand = issue.brand
    updates: dict[str, object] = {key: made[job].name for key, job in logo_jobs.items()}
    if "src" in logo_jobs and logo.height is None:
        built = made[logo_jobs["src"]]
        updates["height"] = round(logo.width * built.height / built.width)
    if updates:
        brand = brand.model_copy(update={"logo": logo.model_copy(update=updates)})
    return issue.model_copy(update={"lead": lead, "sections": sections, "brand": brand}), published


def settings_file(root: Path, src: str) -> Path:
    """The settings file that names the logo, for the error message."""
    for name in ("issue.toml", "newsletter.toml"):
        path = root / name
        try:
            if src in path.read_text("utf-8"):
                return path
        except (OSError, UnicodeDecodeError):
            continue
    return root / "newsletter.toml"


def fail(where: Path, src: str, message: str) -> InputError:
    """`story.md:5: image 'photos/x.jpg' <message>`, at the line that names the image."""
    return InputError(f"image {src!r} {message}", file=where, line=line_naming(where, src))


def line_naming(file: Path, src: str) -> int | None:
    try:
        lines = file.read_text("utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    # A story's reader removed what no one sees from the src ("photos/rally\u200b.jpg"): the line as it reads it too.
    src = src.strip()
    return next((number for number, line in enumerate(lines, start=1) if src in line or src in clean_value(line)), None)


# ---------------------------------------------------------------------------------------------
# Each photo once: by a hash of its content and settings, in memory, in the cache folder, else made

# Made images by cache key (see settings_key): the preview rebuilds on every save of a story.
MADE: dict[str, Built] = {}
# Content hashes by what stat says of the file (path, device, inode, size, modified and changed times): a
# preview save does not read and hash eight unchanged camera photos again. Memory only, never the cache.
HASHED: dict[tuple[str, int, int, int, int, int], str] = {}
MAKING = threading.Lock()  # held while an issue's new photos are made (see make_missing)


def process(path: Path, width: int, budget: int, *, where: Path, src: str) -> Built:
    """One file -> the image as published; an InputError naming `where` for a missing or broken file."""
    job = Job(path, width, budget, where, src)
    return make_all([job], cache=None, workers=1)[job]


def make_all(jobs: list[Job], *, cache: Path | None, workers: int | None) -> dict[Job, Built]:
    """Every job's image, with the SHA-256 of the bytes it was made from: remembered, found in `cache`, else made
    (side by side when there are several)."""
    keys: dict[Job, tuple[str, str]] = {}
    done: dict[str, Built] = {}
    missing: dict[str, tuple[Job, bytes]] = {}
    for job, (digest, content) in identified(list(dict.fromkeys(jobs)), cache, workers):
        key = settings_key(digest, job.width, job.budget)
        keys[job] = key, digest
        if key in done or key in missing:
            continue
        found = MADE.get(key) or read_cached(cache, key)
        if found is not None:
            done[key] = found
        else:
            missing[key] = (job, content if content is not None else read_image(job))
    for key, built in make_missing(missing, workers).items():
        done[key] = built
        write_cached(cache, key, built)
    for key, _ in keys.values():
        remember(MADE, key, done[key])
    return {job: done[key]._replace(made_from=digest) for job, (key, digest) in keys.items()}


def identified(
    jobs: list[Job], cache: Path | None, workers: int | None
) -> Iterator[tuple[Job, tuple[str, bytes | None]]]:
    """Each job with its file's SHA-256 (and bytes, when read), in order; a first build reads and hashes its photos
    side by side (reading and SHA-256 release the GIL), and the first job that fails is the error."""
    count = min(len(jobs), workers or cpus(), cpus())
    # Photos this process has hashed, unchanged since, cost a stat each: threads to start would cost more
    if count <= 1 or all((stamp := stamp_of(job)) is not None and stamp in HASHED for job in jobs):
        yield from ((job, identify(job, cache)) for job in jobs)
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=count, thread_name_prefix="newsletter-hash") as executor:
        yield from zip(jobs, executor.map(lambda job: identify(job, cache), jobs), strict=True)


def remember(memory: dict[Any, Any], key: object, value: object) -> None:
    if key not in memory and len(memory) >= MADE_LIMIT:
        memory.pop(next(iter(memory)))
    memory[key] = value


def identify(job: Job, cache: Path | None) -> tuple[str, bytes | None]:
    """The SHA-256 of the job's file, and its bytes when they had to be read for it (None: known unchanged).

    A file unchanged by every stat figure since it was hashed (in this process, or by an earlier run that
    noted it in `cache`) is not read and hashed again: a rebuild of eight camera photos reads none of them.
    """
    stamp = stamp_of(job)
    seen = None
    if stamp and cache is not None:
        seen = cache / FOLDER / "seen" / hashlib.sha256(repr(stamp).encode()).hexdigest()[:40]
    digest = HASHED.get(stamp) if stamp else None
    if digest is None and seen is not None:
        try:
            noted = seen.read_text("ascii")
            digest = noted if len(noted) == 64 and all(c in "0123456789abcdef" for c in noted) else None
        except (OSError, ValueError):
            digest = None
    content = None
    if digest is None:
        content = read_image(job)
        digest = hashlib.sha256(content).hexdigest()
        if seen is not None:
            write_atomically(seen, digest.encode())
    if stamp:
        remember(HASHED, stamp, digest)
    return digest, content


def stamp_of(job: Job) -> tuple[str, int, int, int, int, int] | None:
    """What stat says of a job's file (path, device, inode, size, modified and changed times); None if it is not a
    regular file within the limit."""
    try:
        info = os.stat(job.path)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_size > FILE_LIMIT:
        return None
    return (os.path.abspath(job.path), info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def settings_key(digest: str, width: int, budget: int) -> str:
    """What a made image depends on: the file's content, its width and budget, this recipe and Pillow's version."""
    from PIL import __version__ as pillow

    return hashlib.sha256(f"{RECIPE} {pillow} {width} {budget} {digest}".encode()).hexdigest()[:40]


def built_from(data: bytes, width: int, height: int) -> Built:
    suffix = ".png" if data.startswith(b"\x89PNG") else ".jpg"
    return Built(f"{FOLDER}/{hashlib.sha256(data).hexdigest()[:16]}{suffix}", data, width, height)


def read_cached(cache: Path | None, key: str) -> Built | None:
    """A made image from the cache folder: a line `width height`, then its bytes; None if absent or not so."""
    if cache is None:
        return None
    try:
        stored = (cache / FOLDER / key).read_bytes()
        header, data = stored.split(b"\n", 1)
        width, height = (int(number) for number in header.split(b" "))
    except (OSError, ValueError):
        return None
    if width < 1 or height < 1 or not data.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")):
        return None  # a crash mid-write or a stray edit: made again
    return built_from(data, width, height)


def write_cached(cache: Path | None, key: str, built: Built) -> None:
    if cache is not None:
        write_atomically(cache / FOLDER / key, f"{built.width} {built.height}\n".encode() + built.data)


def write_atomically(path: Path, data: bytes) -> None:
    """A cache file whole or not at all; a read-only cache folder is no error (the work is done again)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False, suffix=".tmp") as out:
            out.write(data)
        os.replace(out.name, path)
    except OSError:
        pass


def make_missing(missing: dict[str, tuple[Job, bytes]], workers: int | None) -> dict[str, Built]:
    """Made images by key, one after another or side by side in threads; the first job (in the issue's order)
    that fails is the error, naming its file."""
    count = min(len(missing), workers or cpus(), cpus())
    made: dict[str, Built] = {}
    with MAKING, quiet():  # one issue's photos at a time: quiet() changes the process's warning filters
        if count <= 1:
            for key, (job, content) in missing.items():
                made[key] = made_or_fail(job, functools.partial(made_from, content, job.width, job.budget))
            return made
        from concurrent.futures import ThreadPoolExecutor

        executor = ThreadPoolExecutor(max_workers=count, thread_name_prefix="newsletter-image")
        try:
            futures = {
                key: (job, executor.submit(made_from, content, job.width, job.budget))
                for key, (job, content) in missing.items()
            }
            for key, (job, future) in futures.items():
                made[key] = made_or_fail(job, future.result)
        finally:
            executor.shutdown(wait=True, cancel_futures=True)
    return made


def made_or_fail(job: Job, make: Callable[[], tuple[bytes, int, int]]) -> Built:
    try:
        return built_from(*make())
    except ImageProblem as problem:
        raise fail(job.where, job.src, str(problem)) from None


def cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def read_image(job: Job) -> bytes:
    """The file's bytes by the safe reader (a regular file, at most FILE_LIMIT), or an error at the story's line."""
    path = job.path
    try:
        there = path.exists() or path.is_symlink()
    except OSError as error:  # a name too long for the file system, say: Python 3.11's exists() raises it
        raise fail(job.where, job.src, f"cannot be read ({error.strerror or error}): fix the path") from None
    if not there:
        hint = close_file(path)
        raise fail(
            job.where,
            job.src,
            f"is not there (looked for {path}){hint}: fix the path, or write `image: false` "
            "for a story without a picture",
        )
    try:
        return read_file(path, limit=FILE_LIMIT, what="an image file")
    except InputError as error:
        message = error.message
        if message.startswith("is ") and "limit" in message:
            message += ": export the photo again smaller (a lead is shown 1,200 pixels wide)"
        raise fail(job.where, job.src, message) from None


# ---------------------------------------------------------------------------------------------
# The built images again: for the .eml and sends, which carry them inline when nothing is published


def built_names(issue: Issue) -> list[str]:
    """The images/<hash> files an issue shows, in the order it shows them."""
    logo = issue.brand.logo
    names = [logo.src, logo.dark_src] + [story.image.src for story in issue.stories]
    return list(dict.fromkeys(name for name in names if is_built(name)))


class Related(NamedTuple):
    """An image carried inside the message, which the HTML names as cid:<content_id>."""

    content_id: str
    name: str
    data: bytes

    @property
    def subtype(self) -> str:
        return "png" if self.name.endswith(".png") else "jpeg"


def inline_images(html: str, images: dict[str, bytes]) -> tuple[str, list[Related]]:
    """The HTML with each `src="images/..."` it holds pointing at a part of the message instead."""
    related = []
    for name, data in sorted(images.items()):
        attribute = f'src="{name}"'
        if attribute not in html:
            continue
        part = Related(content_id=f"{Path(name).name}@newsletter", name=name, data=data)
        html = html.replace(attribute, f'src="cid:{part.content_id}"')
        related.append(part)
    return html, related
