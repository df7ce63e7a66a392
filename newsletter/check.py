"""A build folder (issue.json, email.html, email.txt) -> findings: what to fix before sending, and where."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from .buildfolder import read_build
from .colour import MIN_CONTRAST, contrast
from .errors import place
from .images import is_built
from .links import ALLOWED_SCHEMES, absolute_link, one_click, tag_link
from .models import Colors, Issue, Sender, Story
from .text import JUNK, display_width

Level = Literal["error", "warning"]
KB = 1024
CLIP_WARN = 100 * KB
# Gmail shows "[Message clipped]" above 102 KB and hides everything after, the unsubscribe link included.
CLIP_ERROR = 102 * KB
# Gmail drops a <style> block that goes over 16 KB, and with it the responsive and dark-mode rules.
STYLE_LIMIT = 16 * KB
SUBJECT_RANGE = (10, 78)
PREHEADER_RANGE = (40, 130)
TEXT_COLUMNS = 78

# Besides text.JUNK (C1 controls, zero-width and bidi characters, soft hyphen, BOM): other C0 controls,
# line/paragraph separators, the combining grapheme joiner and Hangul fillers that render as nothing, the
# object replacement character Word leaves for an embedded picture, U+FFFD from a wrong decoding, Word's
# private-use Symbol-font bullets and tag characters.
MORE_JUNK = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f\u034f\u115f\u1160\u180e\u2028\u2029\u3164\uffa0\ufff9-\ufffd"
    "\ue000-\uf8ff\U000e0000-\U000e007f]"
)
JOINERS = "\u200c\u200d"  # needed inside emoji sequences and Persian or Indic words; junk anywhere else
TK = re.compile(r"\b(?:TK)+\b")
# Jinja, Liquid/Handlebars, Mailchimp and Ghost-style merge tags that reached the reader unfilled.
TOKEN = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\*\|[A-Z0-9_:]+\|\*|%%\{?[\w:]+\}?%%")
URL = re.compile(r"(?:https?://|mailto:)[^\s<>\"')\]]+")
VAGUE_LINK_TEXT = {
    "click here", "click", "here", "read more", "read", "more", "learn more", "link", "this", "this link",
    "continue", "continue reading", "go", "see more", "find out more", "details", "more info", "full story",
    "read the full story", "read the story", "view", "open",
}  # fmt: skip
MEANINGLESS_ALT = {"image", "img", "photo", "picture", "graphic", "logo", "banner", "untitled", "placeholder",
                   "thumbnail", "pic", "foto"}  # fmt: skip
IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|heic|avif)$", re.IGNORECASE)
CAMERA_NAME = re.compile(r"(?:img|dsc|dscn|image|photo|screenshot)[ _-]?\d+", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    """One thing to fix: an error stops the send, a warning does not."""

    level: Level
    check: str
    message: str
    file: str = ""
    line: int | None = None
    story: str = ""

    def __str__(self) -> str:
        story = f" ({self.story})" if self.story else ""
        return f"{self.level}: {place(self.file, self.line)}{self.message}{story}"

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def check_issue(folder: Path, build: tuple[Issue, str, str] | None = None) -> list[Finding]:
    """Every finding for the built issue in `folder` (`build`: its read_build(), when the caller has it):
    errors first, then warnings, each in check order."""
    issue, html, text = build or read_build(folder)
    findings = check_files(issue, html, text, html_name=str(folder / "email.html"), text_name=str(folder / "email.txt"))
    published = check_published(folder, issue, html)
    findings += check_promises(issue, parse_html(html), str(folder / "email.html"))
    findings += check_record(folder)
    return ordered(published + findings)


def check_record(folder: Path) -> list[Finding]:
    """send and export refuse a build whose files no longer match what build wrote: so does check."""
    from .buildfolder import read_built
    from .errors import InputError

    try:
        read_built(folder, ())
    except InputError as error:
        return [Finding("error", "build", error.message, file=error.file or "")]
    return []


@dataclass(frozen=True)
class Tagging:
    """How many of the email's web links carry [tracking]'s campaign tags."""

    tagged: int
    links: int  # http and https links in email.html
    params: dict[str, str]

    def __str__(self) -> str:
        tags = ", ".join(f"{key}={value}" for key, value in self.params.items())
        return (
            f"tracking: {self.tagged} of {self.links} web link(s) tagged with {tags} (unsubscribe, View in "
            "browser, mailto and excluded domains stay as written)"
        )


def count_tagged(issue: Issue, html: str) -> Tagging | None:
    """The built email's tagged links, or None when the issue has no [tracking]."""
    from urllib.parse import parse_qs

    if issue.tracking is None:
        return None
    params = issue.tracking.params(issue.slug)
    hrefs = [(link.href or "").strip() for link in parse_html(html).links]
    web = [href for href in hrefs if urlsplit(href).scheme.lower() in ("http", "https")]
    # A link the editor had tagged already keeps its own values: it counts as tagged too.
    tagged = sum(set(params) <= set(parse_qs(urlsplit(href).query)) for href in web)
    return Tagging(tagged=tagged, links=len(web), params=params)


def check_files(
    issue: Issue, html: str, text: str, *, html_name: str = "email.html", text_name: str = "email.txt"
) -> list[Finding]:
    """The checks over an issue and its rendered email, each a plain function of its inputs."""
    page = parse_html(html)
    stories = StoryIndex(issue)
    findings = [
        *check_build_notices(issue),
        *check_size(html, page, html_name),
        *check_links(page, stories, html_name),
        *check_images(page, stories, html_name),
        *check_headers(issue),
        *check_subject(issue),
        *check_compliance(issue),
        *check_leftovers(issue, page, text, html_name, text_name),
        *check_plain_text(text, page, stories, text_name),
        *check_characters(issue),
        *check_theme(issue.brand.colors),
    ]
    return ordered(findings)


def ordered(findings: Iterable[Finding]) -> list[Finding]:
    """Each finding once, errors first, then warnings, each in the order found."""
    # One bad address in a headline link and its "Read →" link is one thing to fix.
    unique = list(dict.fromkeys(findings))
    return sorted(unique, key=lambda finding: finding.level != "error")


def tally(findings: Iterable[Finding]) -> tuple[int, int]:
    """(errors, warnings) among `findings`: any error stops the send."""
    levels = [finding.level for finding in findings]
    return levels.count("error"), levels.count("warning")


# --- the parsed email -------------------------------------------------------------------------------


@dataclass
class Link:
    href: str | None
    line: int
    text: str = ""
    aria_label: str = ""
    title: str = ""

    @property
    def name(self) -> str:
        """What a screen reader announces: aria-label first, then the text (images count by their alt)."""
        return " ".join((self.aria_label or self.text).split())


@dataclass
class Img:
    attrs: dict[str, str | None]
    line: int


@dataclass
class Page:
    links: list[Link] = field(default_factory=list)
    images: list[Img] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    text: list[tuple[int, str]] = field(default_factory=list)  # (line, visible text)


class EmailParser(HTMLParser):
    """Links, images, style blocks and text of the email. Outlook-only markup is a comment: not read."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.open_links: list[Link] = []
        self.skip = ""  # inside <style>, <script> or <title>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        line = self.getpos()[0]
        if tag == "a":
            link = Link(
                href=values.get("href"),
                line=line,
                aria_label=(values.get("aria-label") or "").strip(),
                title=(values.get("title") or "").strip(),
            )
            self.page.links.append(link)
            self.open_links.append(link)
        elif tag == "img":
            self.page.images.append(Img(attrs=values, line=line))
            for link in self.open_links:
                link.text += " " + (values.get("alt") or "")
        elif tag in ("style", "script", "title"):
            self.skip = tag
            if tag == "style":
                self.page.styles.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.open_links:
            self.open_links.pop()
        elif tag == self.skip:
            self.skip = ""

    def handle_data(self, data: str) -> None:
        if self.skip == "style":
            self.page.styles[-1] += data
        if self.skip:
            return
        self.page.text.append((self.getpos()[0], data))
        for link in self.open_links:
            link.text += data


def parse_html(html: str) -> Page:
    parser = EmailParser()
    parser.feed(html)
    parser.close()
    return parser.page


class StoryIndex:
    """Finds the story a link or an image in the email belongs to, so a finding can name its source."""

    def __init__(self, issue: Issue) -> None:
        from .render import image_link

        self.by_url: dict[str, Story] = {}
        base = issue.brand.web_base_url
        for story in issue.stories:
            urls = [story.url, story.image.src]
            urls += [span.href for block in story.body for span in block.spans]
            for url in filter(None, (url.strip() for url in urls)):
                self.by_url.setdefault(url, story)
                # The email holds links made absolute against the web base URL, as the renderer does,
                # and with [tracking]'s campaign tags.
                absolute = absolute_link(url, base)
                self.by_url.setdefault(absolute, story)
                if issue.tracking is not None:
                    tagged = tag_link(absolute, issue.tracking.params(issue.slug), issue.tracking.exclude)
                    self.by_url.setdefault(tagged, story)
            if story.image.src.strip():  # and the images the build made, from the issue's own folder
                self.by_url.setdefault(image_link(issue, story.image.src, story), story)

    def finding(
        self, level: Level, check: str, message: str, url: str | None, file: str, line: int | None = None
    ) -> Finding:
        story = self.by_url.get((url or "").strip())
        if story is None:
            return Finding(level, check, message, file=file, line=line)
        return story_finding(level, check, message, story)


def story_finding(level: Level, check: str, message: str, story: Story) -> Finding:
    return Finding(level, check, message, file=story.source.file, line=story.source.line, story=story.headline)


def image_finding(level: Level, message: str, story: Story) -> Finding:
    """A finding about a story's local image, at the line of the story file that names it (when it is at hand)."""
    from .images import line_naming

    line = line_naming(Path(story.source.file), story.image.file) if story.image.file else None
    return Finding(
        level, "images", message, file=story.source.file, line=line or story.source.line, story=story.headline
    )


def shown(url: str, limit: int = 60) -> str:
    return url if len(url) <= limit else url[: limit - 3] + "..."


# --- the checks ----------------------------------------------------------------------------------------


def check_build_notices(issue: Issue) -> list[Finding]:
    """What the build already warned about (items without headline, link or image) stays a warning."""
    findings = []
    for notice in issue.warnings:
        message = f"{notice.message}; {notice.hint}" if notice.hint else notice.message
        findings.append(
            Finding(
                "warning",
                "build",
                message,
                file=notice.source.file if notice.source else "",
                line=notice.source.line if notice.source else None,
                story=notice.story,
            )
        )
    return findings


def check_size(html: str, page: Page, html_name: str) -> list[Finding]:
    clipped = clip_finding(len(html.encode("utf-8")), html_name)
    findings = [clipped] if clipped else []
    styles = sum(len(style.encode("utf-8")) for style in page.styles)
    if styles > STYLE_LIMIT:
        findings.append(
            Finding(
                "warning",
                "size",
                f"<style> blocks total {styles / KB:.1f} KB; Gmail drops style "
                "blocks over 16 KB, and with them the phone and dark-mode rules: trim the theme's "
                "CSS (templates/email/head.css)",
                file=html_name,
            )
        )
    return findings


def clip_finding(size: int, html_name: str) -> Finding | None:
    """Gmail's clip, for an email.html of `size` bytes: an error above it, a warning close to it."""
    if size > CLIP_ERROR:
        return Finding(
            "error",
            "size",
            f"email.html is {size / KB:.1f} KB; Gmail clips it above 102 KB and "
            "hides the rest, unsubscribe link included: move items to the web version",
            file=html_name,
        )
    if size > CLIP_WARN:
        return Finding(
            "warning",
            "size",
            f"email.html is {size / KB:.1f} KB, close to Gmail's 102 KB clip: drop an item or shorten teasers",
            file=html_name,
        )
    return None


def check_links(page: Page, stories: StoryIndex, html_name: str) -> list[Finding]:
    findings = []
    for link in page.links:
        href = (link.href or "").strip()
        parts = urlsplit(href)
        scheme = parts.scheme.lower()
        label = link.name[:40]

        def add(level: Level, message: str, link: Link = link, href: str = href) -> None:
            findings.append(stories.finding(level, "links", message, href, html_name, link.line))

        if not href or href.startswith("#"):
            add("error", f"link {label!r} goes nowhere: give it a full https:// address")
        elif scheme in ("http", "https"):
            if not parts.netloc:
                add("error", f"link {shown(href)!r} has no host: write the full address")
        elif scheme == "mailto":
            if not parts.path.strip():
                add("error", f"link {label!r} is a mailto: with no address: add the address")
        elif scheme:
            add("error", f"link {shown(href)!r} is not http, https or mailto: readers cannot open it; replace it")
        else:
            add(
                "error",
                f"link {shown(href)!r} is relative and breaks in an inbox: write the full https:// "
                "address, or set brand.web_base_url",
            )
        name = link.name
        if not name:
            add(
                "warning",
                f"link to {shown(href)!r} has no text: screen readers read out the address; give it "
                "words, or alt text on its image",
            )
        elif is_vague(name) and (not link.title or is_vague(link.title)):
            add(
                "warning",
                f"link text {name!r} says nothing out of context (screen readers list links alone): "
                "name what it opens, e.g. the story's headline",
            )
    return findings


def is_vague(text: str) -> bool:
    return " ".join(text.split()).strip(" .:!→»›>…-").lower() in VAGUE_LINK_TEXT


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
            story = stories.by_url.get(src)
            made_from = f" (made from {story.image.file})" if story is not None and story.image.file else ""
            message = (
                f"image {src}{made_from} is a local file: the email.html you paste into an email service "
                "cannot show it (the .eml and `newsletter send` carry it inline); set [brand] web_base_url "
                "in newsletter.toml and upload the build folder there, or use an https:// image"
            )
            findings.append(
                image_finding("error", message, story)
                if story is not None
                else Finding("error", "images", message, file=html_name, line=image.line)
            )
        elif scheme == "http":
            add("warning", f"image {name} is not https: some clients block it; use its https:// address")
        elif scheme != "https":
            add("error", f"image {name} is not an https:// address: it will not show in an inbox")
    return findings


OG_IMAGE = re.compile(r'<meta property="og:image" content="([^"]*)"')


def check_published(folder: Path, issue: Issue, html: str) -> list[Finding]:
    """The images the build made are in the build folder and readable, and every image the email and the
    web page load from the issue's published folder is one of them: upload that folder, and all of it shows."""
    from .images import built_names
    from .render import issue_folder_url

    findings: list[Finding] = []
    stories = StoryIndex(issue)
    owners = {story.image.src: story for story in issue.stories}
    missing = set()
    for name in built_names(issue):
        problem = unreadable_image(folder / name)
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
        web = web_name.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
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
            if not name or ".." in name.split("/") or not (folder / name).is_file():
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


def unreadable_image(path: Path) -> str:
    """What is wrong with a built image file, or ""."""
    from PIL import Image as Pil
    from PIL import UnidentifiedImageError

    if not path.is_file():
        return "is missing from the build folder"
    try:
        with Pil.open(path) as opened:
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


def check_headers(issue: Issue) -> list[Finding]:
    """Header values that would forge headers (a Bcc, say), as written or once their encoded words decode."""
    from .message import header_problems

    return [
        Finding("error", "headers", f"the {what} {value!r} {problem}: rebuild with a plain one")
        for what, value, problem in header_problems(issue)
    ]


def check_subject(issue: Issue) -> list[Finding]:
    findings = []
    for name, value, (low, high) in (
        ("subject", issue.subject, SUBJECT_RANGE),
        ("preheader", issue.preheader, PREHEADER_RANGE),
    ):
        length = len(value.strip())
        if not length:
            findings.append(Finding("error", "subject", f"the {name} is empty: set {name} in issue.toml"))
        elif length < low:
            findings.append(
                Finding(
                    "warning",
                    "subject",
                    f"the {name} is {length} characters, under {low}: say more in issue.toml's {name}",
                )
            )
        elif length > high:
            findings.append(
                Finding(
                    "warning",
                    "subject",
                    f"the {name} is {length} characters, over {high}, and inboxes cut it: shorten issue.toml's {name}",
                )
            )
    return findings


def check_promises(issue: Issue, page: Page, html_name: str) -> list[Finding]:
    """The unsubscribe link and postal address the settings promise are in the email: a stage that lost the end
    of the email (a parser stopping at its limit) must not pass as safe to send."""
    from .render import issue_unsubscribe_url

    findings = []
    unsubscribe = issue_unsubscribe_url(issue)
    if all((link.href or "").strip() != unsubscribe for link in page.links):
        findings.append(
            Finding(
                "error",
                "unsubscribe",
                f"the email has no unsubscribe link ({unsubscribe}), which its settings promise: rebuild it",
                file=html_name,
            )
        )
    address = "".join(issue.brand.postal_address.split())
    if address and address not in "".join("".join(text.split()) for _, text in page.text):
        findings.append(
            Finding(
                "error",
                "address",
                "the email lacks the postal address its settings give "
                f"({shown(issue.brand.postal_address, 60)}): rebuild it",
                file=html_name,
            )
        )
    return findings


def check_compliance(issue: Issue) -> list[Finding]:
    """What the law and the big mailbox providers ask of a bulk sender, each gap its own warning."""
    brand = issue.brand
    findings = []
    if not one_click(brand.unsubscribe_url):
        has = f"only {brand.unsubscribe_url}" if brand.unsubscribe_url else "only unsubscribing by reply"
        findings.append(
            Finding(
                "warning",
                "unsubscribe",
                f"no one-click unsubscribe ({has}): Gmail and Yahoo require one from bulk "
                "senders (RFC 8058); set [brand] unsubscribe_url in newsletter.toml to an https address that "
                "unsubscribes on a POST",
            )
        )
    if not brand.postal_address.strip():
        findings.append(
            Finding(
                "warning",
                "address",
                "no postal address in the footer: anti-spam law (CAN-SPAM) asks for "
                "one; set [brand] postal_address in newsletter.toml",
            )
        )
    if brand.sender.email == Sender().email:
        # Replies and the unsubscribe fallback go nowhere.
        findings.append(
            Finding(
                "warning",
                "sender",
                f"the sender address is the placeholder {Sender().email}: set [brand.sender] "
                "email in newsletter.toml to an address you read",
            )
        )
    return findings


def check_leftovers(issue: Issue, page: Page, text: str, html_name: str, text_name: str) -> list[Finding]:
    """Placeholders ("TK") and merge tags nobody filled in: in the issue's fields, then in what the
    templates added to the email and the text version."""
    findings = []
    explained: set[str] = set()
    for where, value in (("subject", issue.subject), ("preheader", issue.preheader)):
        for found in leftovers(value):
            explained.add(found)
            findings.append(Finding("error", "leftovers", f"the {where} still holds {found!r}: fill it in"))
    for story in issue.stories:
        for name, value in story_texts(story):
            for found in leftovers(value):
                explained.add(found)
                findings.append(
                    story_finding("error", "leftovers", f"the {name} still holds {found!r}: fill it in", story)
                )
    # The email and the text version repeat the stories: report only what those did not already explain.
    rendered = [(html_name, "email", page.text), (text_name, "plain text", list(enumerate(text.split("\n"), 1)))]
    for file, what, lines in rendered:
        for number, line in lines:
            for found in leftovers(line):
                if found not in explained:
                    findings.append(
                        Finding(
                            "error",
                            "leftovers",
                            f"the {what} still holds {found!r}: fill it in or fix the template that wrote it",
                            file=file,
                            line=number,
                        )
                    )
    return findings


def leftovers(value: str) -> list[str]:
    return TK.findall(value) + TOKEN.findall(value)


def story_texts(story: Story) -> list[tuple[str, str]]:
    texts = [
        ("headline", story.headline),
        ("teaser", story.teaser),
        ("caption", story.caption),
        ("credit", story.credit),
        ("image alt text", story.image.alt),
        ("section", story.section),
    ]
    texts += [("body", block.text) for block in story.body]
    texts += [("pull quote", quote.text + " " + quote.attribution) for quote in story.pull_quotes]
    return [(name, value) for name, value in texts if value]


def check_plain_text(text: str, page: Page, stories: StoryIndex, text_name: str) -> list[Finding]:
    findings = []
    for number, line in enumerate(text.split("\n"), start=1):
        width = display_width(line)
        # A URL is never broken: a line long only because of one is fine.
        if width > TEXT_COLUMNS and display_width(URL.sub("", line).rstrip()) > TEXT_COLUMNS:
            findings.append(
                Finding(
                    "warning",
                    "plain text",
                    f"line is {width} columns, over {TEXT_COLUMNS}: some clients wrap it badly; wrap it",
                    file=text_name,
                    line=number,
                )
            )
    seen = set()
    for link in page.links:
        href = (link.href or "").strip()
        if href in seen or urlsplit(href).scheme.lower() not in ALLOWED_SCHEMES:
            continue
        seen.add(href)
        if href not in text and href.removeprefix("mailto:") not in text:
            message = f"the plain text lacks the link {shown(href, 80)}: readers of the text version cannot reach it"
            findings.append(stories.finding("warning", "plain text", message, href, text_name))
    return findings


def check_characters(issue: Issue) -> list[Finding]:
    findings = []
    brand = issue.brand
    for where, value in (
        ("subject", issue.subject),
        ("preheader", issue.preheader),
        ("sender name", brand.sender.name),
        ("brand name", brand.name),
        ("postal address", brand.postal_address),
    ):
        found = invisible(value)
        if found:
            findings.append(
                Finding("error", "characters", f"the {where} holds invisible characters ({found}): retype it")
            )
    for story in issue.stories:
        fields = story_texts(story) + [("link", story.url), ("image src", story.image.src)]
        for name, value in fields:
            found = invisible(value)
            if found:
                findings.append(
                    story_finding(
                        "error",
                        "characters",
                        f"the {name} holds invisible characters ({found}), pasted from a word processor: retype it",
                        story,
                    )
                )
    return findings


def invisible(value: str) -> str:
    """The invisible junk in `value`, named, or ""."""
    found = set(MORE_JUNK.findall(value))
    for match in JUNK.finditer(value):
        char, at = match.group(), match.start()
        # A joiner between two letters or symbols outside ASCII builds an emoji or a Persian or Indic word.
        if (
            char in JOINERS
            and 0 < at < len(value) - 1
            and all(
                not neighbour.isascii() and not neighbour.isspace() and not JUNK.match(neighbour)
                for neighbour in (value[at - 1], value[at + 1])
            )
        ):
            continue
        found.add(char)
    return ", ".join(f"U+{ord(char):04X} {char_name(char)}" for char in sorted(found))


def char_name(char: str) -> str:
    return unicodedata.name(char, "control character").lower()


# --- theme contrast -----------------------------------------------------------------------------------

# (level, foreground, background, what the pair is): the pairs the templates put on screen. Body text
# under 4.5:1 stops the send; small coloured text (links, dates, section labels, the footer) warns.
PAIRS: tuple[tuple[Level, str, str, str], ...] = (
    ("error", "text", "background", "body text and headlines"),
    ("warning", "link", "background", "links"),
    ("warning", "muted", "background", "captions and credits"),
    ("warning", "accent", "background", "section labels"),
    ("warning", "muted", "canvas", "the date line and footer"),
    ("warning", "link", "canvas", "the 'View in browser' link"),
)


def check_theme(colors: Colors) -> list[Finding]:
    findings = []
    for mode, prefix in (("light", ""), ("dark", "dark_")):
        for level, fore, back, what in PAIRS:
            fore_key, back_key = prefix + fore, prefix + back
            fore_value, back_value = getattr(colors, fore_key), getattr(colors, back_key)
            ratio = contrast(fore_value, back_value)
            if ratio < MIN_CONTRAST:
                findings.append(
                    Finding(
                        level,
                        "theme",
                        f"{mode} mode: {what}, {fore_key} {fore_value} on {back_key} "
                        f"{back_value}, have contrast {ratio:.2f}:1, under {MIN_CONTRAST}:1: darken or "
                        f"lighten [brand.colors] {fore_key} or {back_key} in newsletter.toml",
                    )
                )
    return findings
