"""Every image has alt text, a width and an address that shows in an inbox; the build's images are there."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from newsletter.images import is_built
from newsletter.models import Issue
from newsletter.patterns import regex

from .findings import Finding, Level, image_finding
from .page import Page, StoryIndex, parse_html

MEANINGLESS_ALT = {"image", "img", "photo", "picture", "graphic", "logo", "banner", "untitled", "placeholder",
                   "thumbnail", "pic", "foto"}  # fmt: skip
IMAGE_FILE = regex(r"\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|heic|avif)$", re.IGNORECASE)
CAMERA_NAME = regex(r"(?:img|dsc|dscn|image|photo|screenshot)[ _-]?\d+", re.IGNORECASE)


def check_images(page: Page, stories: StoryIndex, html_name: str) -> list[Finding]:
    findings = []
    for image in page.images:
        src = (image.attrs.get("src") or "").strip()
        alt = image.attrs.get("alt")
        name = src.rsplit("/", 1)[-1][:60] or "(no src)"

        def add(level: Level, message: str, src: str = src, line: int = image.line) -> None:
            findings.append(stories.finding(level, "images", message, src, html_name, line))

        if alt is None:
            add("error", f"image {name} has no alt text: screen readers read out its address; describe it")
        elif alt.strip() and is_meaningless_alt(alt, src):
            add("warning", f"image {name} has alt text {alt.strip()!r}, which says nothing: describe what it shows")
        if not (image.attrs.get("width") or "").strip():
            add(
                "warning",
                f"image {name} has no width: Outlook shows it at full size and breaks the layout; give it a width",
            )
        scheme = urlsplit(src).scheme.lower()
        if not src:
            add("error", "image has no src: remove it or give it an https:// address")
        elif is_built(src):
            # No web_base_url: `newsletter send` and the .eml carry the image inside the message, and there is no
            # web version (no "View in browser", nothing to publish). Only a paste into a service loses it.
            story = stories.by_url.get(src)
            made_from = f" (made from {story.image.file})" if story is not None and story.image.file else ""
            message = (
                f"image {src}{made_from} is a local file: `newsletter send` and the .eml carry it inside the "
                "message, but pasted into an email service (email.html, or the file `newsletter export` writes) "
                "it shows as a broken picture; to paste, set [brand] web_base_url in newsletter.toml, build "
                "again, then `newsletter publish` and upload site/ there, or use an https:// image"
            )
            findings.append(
                image_finding("warning", message, story)
                if story is not None
                else Finding("warning", "images", message, file=html_name, line=image.line)
            )
        elif scheme == "http":
            add("warning", f"image {name} is not https: some clients block it; use its https:// address")
        elif scheme != "https":
            add("error", f"image {name} is not an https:// address: it will not show in an inbox")
    return findings


OG_IMAGE = regex(r'<meta property="og:image" content="([^"]*)"')


def check_published(folder: Path, issue: Issue, html: str, files: dict[str, bytes]) -> list[Finding]:
    """The images the build made are in the build folder and readable, and every image the email and the
    web page load from the issue's published folder is one of them: upload that folder, and all of it shows.
    `files`: the build's files as read_built read them (checked against its record)."""
    from newsletter.images import built_names
    from newsletter.render import issue_folder_url

    findings: list[Finding] = []
    stories = StoryIndex(issue)
    owners = {story.image.src: story for story in issue.stories}
    missing = set()
    for name in built_names(issue):
        problem = unreadable_image(files.get(name))
        if problem:
            missing.add(name)
            story = owners.get(name)
            what = "image" if story is not None else "logo"
            made_from = f" (made from {story.image.file})" if story is not None and story.image.file else ""
            message = f"{what} {name}{made_from} {problem}: rebuild the issue with `newsletter build`"
            findings.append(
                image_finding("error", message, story)
                if story is not None
                else Finding("error", "images", message, file=str(folder / "issue.json"))
            )
    prefix = issue_folder_url(issue)
    if not prefix:
        return findings
    web_name = folder / "web.html"
    try:
        web = files.get("web.html", b"").decode("utf-8")
    except UnicodeDecodeError:
        web = ""
    for file, page in ((folder / "email.html", html), (web_name, web)):
        sources = [(image.attrs.get("src") or "", image.line) for image in parse_html(page).images]
        sources += [(match.group(1), page.count("\n", 0, match.start()) + 1) for match in OG_IMAGE.finditer(page)]
        for src, line in sources:
            src = src.strip()
            if not src.startswith(prefix):
                continue
            name = src[len(prefix) :].split("?")[0].split("#")[0]
            if name in missing:
                continue  # said above
            if not name or name not in files:
                findings.append(
                    stories.finding(
                        "error",
                        "images",
                        f"image {name or src} is loaded from the issue's published folder but is "
                        "not in the build folder, so uploading the folder will not publish it: rebuild with "
                        "`newsletter build`, or give the story a local file or an https:// image",
                        src,
                        str(file),
                        line,
                    )
                )
    return findings


def unreadable_image(data: bytes | None) -> str:
    """What is wrong with a built image file (its bytes as read_built read them, None: not there), or ""."""
    import io

    from PIL import Image as Pil
    from PIL import UnidentifiedImageError

    if data is None:
        return "is missing from the build folder"
    try:
        with Pil.open(io.BytesIO(data)) as opened:
            opened.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return "in the build folder is damaged or not an image"
    return ""


def is_meaningless_alt(alt: str, src: str = "") -> bool:
    words = " ".join(alt.split()).lower()
    stem = src.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()
    return (
        words in MEANINGLESS_ALT
        or bool(IMAGE_FILE.search(words))
        or bool(CAMERA_NAME.fullmatch(words))
        or (bool(stem) and words == stem)
    )
