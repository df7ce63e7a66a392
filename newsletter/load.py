"""A file or an issue folder -> stories (from pasted page text and Markdown), issue settings, notices."""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import InputError
from .frontmatter import parse_front_matter
from .links import check_link
from .models import Block, Image, Notice, PullQuote, Source, Span, Story
from .results import parse_results
from .settings import IssueSettings, load_issue_settings
from .text import clean_lines, clean_value, header_problem, key_line, length_problem, read_text, unknown_keys

STORY_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


@dataclass
class Loaded:
    stories: list[Story]
    notices: list[Notice]
    settings: IssueSettings
    page_brand: str = ""  # the brand named by a pasted page's "More from <brand>" line
    root: Path = Path(".")

    @property
    def brand_overrides(self) -> dict[str, Any]:
        return self.settings.brand


def load_source(source: Path) -> Loaded:
    """Load one story file, or every story file directly inside an issue folder."""
    check_name(source)
    try:
        source.stat()
    except FileNotFoundError:
        broken = f"a broken symlink (to {os.readlink(source)})" if source.is_symlink() else ""
        raise InputError(f"is {broken}: no such file or folder" if broken else "no such file or folder",
                         file=source) from None
    except OSError as error:
        raise InputError(f"cannot be read ({error.strerror})", file=source) from None
    if source.is_dir():
        try:
            entries = sorted(source.iterdir(), key=lambda path: path.name)
            # Anything named like a story is read, so a broken symlink, a FIFO or an unreadable file is
            # named in an error instead of being left out silently; folders are not stories.
            files = [path for path in entries if path.suffix.lower() in STORY_SUFFIXES and not path.is_dir()]
        except OSError as error:
            raise InputError(f"cannot be read ({error.strerror})", file=source) from None
        for path in files:
            check_name(path)
        if (source / "issue.json").is_file() and any(path.name == "email.txt" for path in files):
            raise InputError("is the plain text of a build (issue.json is beside it), not a story: build the "
                             "issue folder, or move the build out of it", file=source / "email.txt")
        if not files:
            raise InputError(
                "holds no stories: add .txt (pasted page text) or .md (Markdown) files", file=source
            )
        settings = load_issue_settings(source / "issue.toml")
    else:
        files = [source]
        settings = IssueSettings()
    loaded = Loaded(stories=[], notices=[], settings=settings, root=source)
    for path in files:
        if path.suffix.lower() == ".txt":
            page = parse_page(read_text(path), str(path), loaded.notices)
            loaded.stories.extend(page.stories)
            loaded.page_brand = loaded.page_brand or page.brand
        elif path.suffix.lower() in (".html", ".htm"):
            from .readers import read

            loaded.stories.extend(read(path, loaded.notices).stories)
        else:
            loaded.stories.append(parse_markdown(read_text(path), str(path), loaded.notices))
    names = sorted({Path(story.source.file).name for story in loaded.stories}) if settings.lead else []
    if settings.lead and settings.lead not in names:
        close = difflib.get_close_matches(settings.lead, names, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise InputError(f"lead = {settings.lead!r} names no story file in the folder{hint}",
                         file=source / "issue.toml", line=settings.file.line("lead") if settings.file else None)
    return loaded


def check_name(path: Path) -> None:
    """A file name that is not UTF-8 cannot be written into issue.json or a message: refuse it, shown escaped."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        shown = os.fsencode(path).decode("utf-8", "backslashreplace")
        raise InputError("the name is not valid UTF-8; rename the file or folder", file=shown) from None


# ---------------------------------------------------------------------------------------------
# Pasted page text

MORE_FROM = re.compile(r"^More from (?P<brand>\S.{0,60})$")
AGENCY = (
    r"(?:REUTERS|Reuters|AP|AP Photo|Associated Press|AFP|Getty Images|Getty|EPA|EPA-EFE|"
    r"Bloomberg|Kyodo|Xinhua|Sipa|Sipa USA|NurPhoto|Shutterstock|Alamy|ZUMA|ZUMA Press|"
    r"Imago|Pool|Handout|File Photo|Anadolu|SOPA Images|GZERO Media|Eurasia Group)"
)
CREDIT = re.compile(
    "|".join(
        [
            rf"{AGENCY}(?:/[^/]{{1,80}}){{0,3}}",  # Reuters, REUTERS/Name, REUTERS/Name/File Photo
            r"\(?(?:Photo|Photos|Photograph|Illustration|Image)s? (?:by|:) .{1,100}?\)?",  # (Photo by X/Y)
            rf".{{1,80}} via {AGENCY}",  # Kyodo via REUTERS, Name/Org via AP
            rf"[^/.]{{1,60}}/{AGENCY}(?:/[^/]{{1,60}})?",  # Jane Doe/Getty Images
            r"(?:Courtesy of|Credit:|Photo:|Source:) .{1,100}",
        ]
    )
)


def is_credit(line: str) -> bool:
    """A photo credit line, in any of the forms agencies and newsrooms print them."""
    line = line.strip()
    return len(line) <= 120 and CREDIT.fullmatch(line) is not None


@dataclass
class Page:
    stories: list[Story]
    brand: str = ""


def parse_page(text: str, file: str, notices: list[Notice]) -> Page:
    """Text copied from a newsletter page: a lead story, then a "More from <brand>" list."""
    lines = clean_lines(text, file, notices)
    numbered = list(enumerate(lines, start=1))
    split = next((i for i, (_, line) in enumerate(numbered) if MORE_FROM.match(line.strip())), None)
    head, tail = (numbered, []) if split is None else (numbered[:split], numbered[split + 1 :])
    brand = MORE_FROM.match(numbered[split][1].strip()).group("brand") if split is not None else ""
    problem = header_problem(brand) if brand else None
    if problem:  # the brand name goes into the From header: refused here, where the page names it
        raise InputError(f"the brand name {brand!r} in 'More from' {problem}, which would forge mail headers; "
                         "retype the line", file=file, line=numbered[split][0])

    stories = []
    lead = parse_lead(blocks(head), file)
    if lead is not None:
        stories.append(lead)
    stories.extend(parse_items(tail, file))
    if not stories:
        raise InputError("holds no story: expected a headline, then paragraphs", file=file)
    return Page(stories=stories, brand=brand)


Numbered = list[tuple[int, str]]


def blocks(lines: Numbered) -> list[Numbered]:
    """Split numbered lines into runs separated by blank lines."""
    result: list[Numbered] = []
    current: Numbered = []
    for number, line in lines:
        if line.strip():
            current.append((number, line.strip()))
        elif current:
            result.append(current)
            current = []
    if current:
        result.append(current)
    return result


def dedupe_adjacent(lines: list[str]) -> list[str]:
    """Copying a page doubles a photo caption (alt text, then the visible caption): keep one."""
    return [line for i, line in enumerate(lines) if i == 0 or line != lines[i - 1]]


def parse_lead(parts: list[Numbered], file: str) -> Story | None:
    if not parts:
        return None
    first = parts[0]
    headline_line, headline = first[0]
    problem = length_problem("headline", headline)
    if problem:
        raise InputError(f"the headline (the first line of the page) {problem}", file=file, line=headline_line)
    rest = [line for _, line in first[1:]]
    parts = parts[1:]
    # The photo block: caption line(s) ending in a credit, or a doubled caption with no credit.
    photo = rest
    if not photo and parts:
        candidate = [line for _, line in parts[0]]
        if is_credit(candidate[-1]) or len(candidate) != len(dedupe_adjacent(candidate)):
            photo = candidate
            parts = parts[1:]
    caption, credit = "", ""
    if photo:
        if is_credit(photo[-1]):
            credit = photo[-1]
            photo = photo[:-1]
        caption = " ".join(dedupe_adjacent(photo))
    body = [Block(spans=[Span(text=" ".join(line for _, line in part))]) for part in parts]
    return Story(
        headline=headline,
        caption=caption,
        credit=credit,
        image=Image(alt=caption),
        body=body,
        pull_quotes=[quote for block in body if (quote := find_quote(block.text))],
        source=Source(file=file, line=headline_line),
    )


QUOTE = re.compile(r"[“\"](?P<text>[^”\"]{20,}?)[,.]?[”\"]")
SAYS_AFTER = re.compile(r"\b(?:says|said|according to|explains|adds|notes|warns)\s+(?P<who>[^.,“”\"]{3,80})")
SAYS_BEFORE = re.compile(r"(?P<who>[A-Z][\w’'.\- ]{2,80}?)\s+(?:says|said|explains|adds|notes|warns)\b")


def find_quote(paragraph: str) -> PullQuote | None:
    """A quoted expert: a quotation of some length with a named speaker, kept as a pull quote candidate."""
    quote = QUOTE.search(paragraph)
    if quote is None:
        return None
    outside = paragraph[: quote.start()] + " " + paragraph[quote.end() :]
    speaker = SAYS_AFTER.search(outside) or SAYS_BEFORE.search(outside)
    if speaker is None:
        return None
    text = quote.group("text").strip()
    if text[-1] not in ".!?":
        text += "."
    return PullQuote(text=text, attribution=speaker.group("who").strip())


def parse_items(lines: Numbered, file: str) -> list[Story]:
    """The "More from" list: per item a caption, a credit and an optional teaser.

    Items may touch with no blank line between them, so the credit lines, not the blank lines,
    mark where an item is.
    """
    content = [(number, line.strip()) for number, line in lines if line.strip()]
    credits = [i for i, (_, line) in enumerate(content) if is_credit(line) and i > 0]
    if not credits:
        # A list with no photos: each paragraph is an item's teaser.
        return [
            Story(teaser=" ".join(line for _, line in part), source=Source(file=file, line=part[0][0]))
            for part in blocks(lines)
        ]
    # Each item starts at its caption: the line before its credit, or the first of a doubled caption.
    starts = []
    for n, at in enumerate(credits):
        start = at - 1
        previous_credit = credits[n - 1] if n else -1
        while start - 1 > previous_credit and content[start - 1][1] == content[at - 1][1]:
            start -= 1
        starts.append(start)
    stories = []
    for n, at in enumerate(credits):
        end = starts[n + 1] if n + 1 < len(credits) else len(content)
        caption = content[at - 1][1]
        stories.append(
            Story(
                caption=caption,
                credit=content[at][1],
                image=Image(alt=caption),
                teaser=" ".join(line for _, line in content[at + 1 : end]),
                source=Source(file=file, line=content[starts[n]][0]),
            )
        )
    return stories


# ---------------------------------------------------------------------------------------------
# Markdown stories

FRONT_MATTER_KEYS = {
    "headline", "url", "date", "byline", "image", "caption", "credit", "teaser",
    "section", "lead", "priority", "layout", "tags", "pull_quotes",
}  # fmt: skip
IMAGE_KEYS = {"src", "alt", "width", "height"}


def parse_markdown(text: str, file: str, notices: list[Notice]) -> Story:
    """A Markdown story: YAML front matter between `---` lines, then a Markdown body."""
    lines = clean_lines(text, file, notices, keep_tabs=True)
    if not lines or lines[0].strip() != "---":
        raise InputError("has no front matter: start the file with a line '---'", file=file, line=1)
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        raise InputError("front matter opened on line 1 is never closed with '---'", file=file, line=1)
    front_text = "\n".join(lines[1:end]).replace("\t", " ")
    data = parse_front_matter(front_text, file, first_line=2)
    unknown_keys(data, FRONT_MATTER_KEYS, file, front_text, offset=1)

    def fail(key: str, message: str, sub: str = "") -> InputError:
        """`key: message` (or `key.sub: message`, for a key nested under `key`) at the key's line."""
        line = key_line(front_text, key)
        if line and sub:
            below = key_line("\n".join(front_text.split("\n")[line:]), sub)
            line += below or 0
        name = f"{key}.{sub}" if sub else key
        return InputError(f"{name}: {message}", file=file, line=line + 1 if line else 1)

    for key, sub, value in text_values(data):
        problem = length_problem(sub or key, value)
        if problem is None and "\n" in value and (sub or key) in ONE_LINE_KEYS:
            problem = "holds a line break; keep it on one line"
        if problem:
            raise fail(key, problem, sub)

    fields: dict[str, Any] = {}
    for key in ("headline", "byline", "caption", "credit", "teaser", "section"):
        if isinstance(data.get(key), (list, dict)):
            raise fail(key, "must be text, not a list or mapping; put it in quotes")
        if data.get(key) is not None:
            fields[key] = clean_value(str(data[key]))
    for key in ("url",):
        if data.get(key):
            fields[key] = check_link(str(data[key]).strip(), lambda m, k=key: fail(k, m))
    image = data.get("image")
    if image is False:  # `image: false`: text only, on purpose
        fields["text_only"], image = True, None
    if isinstance(image, str):
        image = {"src": image}
    if image is not None:
        if not isinstance(image, dict):
            raise fail("image", "must be a URL or src/alt/width/height")
        unknown_keys(image, IMAGE_KEYS, file, front_text, offset=1)
        if image.get("src"):
            image["src"] = check_link(str(image["src"]).strip(), lambda m: fail("image", m))
        fields["image"] = image
    quotes = data.get("pull_quotes") or []
    if isinstance(quotes, str):
        quotes = [quotes]
    if not isinstance(quotes, list):
        raise fail("pull_quotes", "must be a list of quotes")
    fields["pull_quotes"] = [{"text": q} if isinstance(q, str) else q for q in quotes]
    for key in ("date", "lead", "priority", "layout", "tags"):
        if data.get(key) is not None:
            fields[key] = data[key]
    if isinstance(fields.get("tags"), str):
        fields["tags"] = [fields["tags"]]

    body_offset = end + 1  # 0-based index of the first body line
    body = parse_body("\n".join(lines[body_offset:]), file, body_offset)
    try:
        return Story(**fields, body=body, source=Source(file=file, line=1))
    except ValidationError as error:
        first = error.errors()[0]
        key, *nested = [str(part) for part in first["loc"] if isinstance(part, str)]
        raise fail(key, first["msg"].lower(), nested[-1] if nested else "") from None


ONE_LINE_KEYS = {"headline", "url", "caption", "credit", "section", "src", "alt", "tags"}


def text_values(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Each text in the front matter as (key, nested key or "", text): `tags` items, `image.src`."""
    found = []
    for key, value in data.items():
        values = value.items() if isinstance(value, dict) else [("", item) for item in value] \
            if isinstance(value, list) else [("", value)]
        for sub, item in values:
            if isinstance(item, str):
                found.append((str(key), str(sub), item))
    return found


def markdown_parser():  # type: ignore[no-untyped-def]
    from markdown_it import MarkdownIt

    # The commonmark preset passes raw HTML through: story text must never become markup.
    md = MarkdownIt("commonmark", {"html": False})
    # Let every link through the parser so we can reject bad schemes with a message instead of
    # markdown-it quietly turning them into text.
    md.validateLink = lambda url: True
    return md


def parse_body(text: str, file: str, offset: int) -> list[Block]:
    tokens = markdown_parser().parse(text)
    blocks_: list[Block] = []
    kind = "p"
    lists: list[str] = []
    in_quote = 0
    for token in tokens:
        if token.type == "bullet_list_open":
            lists.append("li")
        elif token.type == "ordered_list_open":
            lists.append("oli")
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif token.type == "blockquote_open":
            in_quote += 1
        elif token.type == "blockquote_close":
            in_quote -= 1
        elif token.type == "heading_open":
            kind = "h"
        elif token.type == "paragraph_open":
            kind = "quote" if in_quote else (lists[-1] if lists else "p")
        elif token.type == "fence" and token.info.strip().lower() == "results":
            first = offset + (token.map[0] if token.map else 0) + 2  # the line under the ```results fence
            blocks_.append(Block(kind="results", spans=[], results=parse_results(token.content, file, first)))
        elif token.type in ("code_block", "fence"):
            blocks_.append(Block(spans=[Span(text=token.content.rstrip("\n"), code=True)]))
        elif token.type == "inline":
            line = offset + (token.map[0] if token.map else 0) + 1
            spans = inline_spans(token.children or [], file, line)
            if spans:
                blocks_.append(Block(kind=kind, spans=spans))  # type: ignore[arg-type]
            kind = "p"
    return blocks_


def inline_spans(children: list[Any], file: str, line: int) -> list[Span]:
    """Markdown-it's inline tokens -> spans, neighbours that look the same joined into one.

    Runs are gathered as plain tuples and each becomes one Span at the end: a paragraph of a hundred
    thousand formatting runs or line breaks costs time in proportion, not a model and a string copy per join.
    """
    runs: list[tuple[tuple[str, bool, bool, bool], list[str]]] = []
    strong = em = 0
    href = ""

    def add(text: str, look: tuple[str, bool, bool, bool]) -> None:
        if runs and runs[-1][0] == look:
            runs[-1][1].append(text)
        else:
            runs.append((look, [text]))

    for child in children:
        kind = child.type
        if kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong -= 1
        elif kind == "em_open":
            em += 1
        elif kind == "em_close":
            em -= 1
        elif kind == "link_open":
            href = check_link(
                str(child.attrs.get("href", "")),
                lambda message: InputError(message, file=file, line=line),
            )
        elif kind == "link_close":
            href = ""
        elif kind in ("softbreak", "hardbreak"):
            add(" ", ("", False, False, False))  # a line break inside a link or emphasis is a plain space
        elif kind in ("text", "code_inline", "html_inline", "image") and child.content:
            add(child.content, (href, strong > 0, em > 0, kind == "code_inline"))
    return [Span(text="".join(texts), href=look[0], strong=look[1], em=look[2], code=look[3])
            for look, texts in runs]
