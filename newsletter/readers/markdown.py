"""A Markdown story (.md): YAML front matter, then a Markdown body -> one story."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

from newsletter.errors import InputError
from newsletter.links import check_link
from newsletter.models import Block, Look, Notice, Source, Span, Story, joined_runs, span_of
from newsletter.readers import Read
from newsletter.readers.frontmatter import as_date, parse_front_matter
from newsletter.text import clean_lines, clean_value, key_line, length_problem, listed, read_text, shorten, unknown_keys


def read(path: Path, notices: list[Notice], data: bytes | None = None) -> Read:
    return Read(stories=[parse_markdown(read_text(path, data=data), str(path), notices)])


FRONT_MATTER_KEYS = {
    "headline", "url", "date", "byline", "image", "caption", "credit", "teaser",
    "section", "lead", "priority", "layout", "tags", "pull_quotes", "full", "headline_unsure",
}  # fmt: skip
IMAGE_KEYS = {"src", "alt", "width", "height"}


def parse_markdown(text: str, file: str, notices: list[Notice]) -> Story:
    """A Markdown story: YAML front matter between `---` lines, then a Markdown body."""
    lines = clean_lines(text, file, notices, keep_tabs=True)
    if not lines or lines[0].strip() != "---":
        raise InputError("has no front matter: start the file with a line '---'", file=file, line=1)
    end = front_matter_end(lines, file)
    fields, fail = story_fields(lines[1:end], file)
    body_offset = end + 1  # 0-based index of the first body line
    left: list[Notice] = []  # what the body's Markdown holds that a story does not show
    body = parse_body("\n".join(lines[body_offset:]), file, body_offset, left)
    try:
        story = Story(**fields, body=body, source=Source(file=file, line=1))
    except ValidationError as error:
        raise invalid(error, fail) from None
    notices.extend(notice.model_copy(update={"story": story.headline}) for notice in left)
    warn_unsure(story, lines[1:end], notices)
    return story


def warn_unsure(story: Story, front_lines: list[str], notices: list[Notice]) -> None:
    """`headline_unsure: true` (as `import` writes a headline a reader was not sure of): a warning on every build,
    so the preview and `check` show it, until the editor checks the headline and deletes the line."""
    from newsletter.readers import GUESS

    if story.headline_unsure:
        line = key_line("\n".join(front_lines), "headline_unsure")
        notices.append(
            Notice(
                message=f"{GUESS}: the page it came from did not make it clear (headline_unsure: true)",
                source=Source(file=story.source.file, line=line + 1 if line else 1),
                story=story.headline,
                hint="check the headline, then delete the line 'headline_unsure: true'",
            )
        )


def front_matter_end(lines: list[str], file: str) -> int:
    """The index of the `---` (or `...`) line that closes the front matter opened on the first line."""
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        raise InputError("front matter opened on line 1 is never closed with '---'", file=file, line=1)
    return end


def invalid(error: ValidationError, fail: Callable[..., InputError]) -> InputError:
    """A story pydantic refused -> the error at the front matter key that caused it."""
    first = error.errors()[0]
    key, *nested = [str(part) for part in first["loc"] if isinstance(part, str)]
    return fail(key, first["msg"].lower(), nested[-1] if nested else "")


def story_fields(front_lines: list[str], file: str) -> tuple[dict[str, Any], Callable[..., InputError]]:
    """The front matter's lines (those between the `---` lines, the first being the file's line 2) -> the
    Story fields they set, every value checked where it stands; and how to name a key's line in an error."""
    front_text = "\n".join(front_lines).replace("\t", " ")
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
            fields[key] = check_link(str(data[key]).strip(), functools.partial(fail, key))
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
    if quotes:
        fields["pull_quotes"] = [{"text": q} if isinstance(q, str) else q for q in quotes]
    if data.get("date") is not None:
        try:
            fields["date"] = as_date(data["date"])
        except ValueError as error:
            raise fail("date", f"{shown(data['date'])} is not a date such as 2026-12-01 ({error})") from None
    for key in ("lead", "priority", "layout", "tags", "full", "headline_unsure"):
        if data.get(key) is not None:
            fields[key] = data[key]
    if isinstance(fields.get("tags"), str):
        fields["tags"] = [fields["tags"]]
    return fields, fail


def shown(value: object) -> str:
    """A front matter value as an error quotes it: text in quotes, a list or mapping by its kind."""
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, bool):
        return str(value).lower()
    return "a list" if isinstance(value, list) else "a mapping" if isinstance(value, dict) else str(value)


ONE_LINE_KEYS = {"headline", "url", "caption", "credit", "section", "src", "alt", "tags"}


def text_values(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Each text in the front matter as (key, nested key or "", text): `tags` items, `image.src`."""
    found = []
    for key, value in data.items():
        values = (
            value.items()
            if isinstance(value, dict)
            else [("", item) for item in value]
            if isinstance(value, list)
            else [("", value)]
        )
        for sub, item in values:
            if isinstance(item, str):
                found.append((str(key), str(sub), item))
    return found


@functools.cache
def markdown_parser() -> MarkdownIt:
    """One parser for every story of a run: making one (its rule chains compiled) cost half a millisecond a story,
    a quarter of a 1,000-story build; parse() keeps no state between documents."""
    from markdown_it import MarkdownIt

    # The commonmark preset passes raw HTML through: story text must never become markup.
    md = MarkdownIt("commonmark", {"html": False}).enable("table")  # a table is read to be named (parse_body)
    # Let every link through the parser so we can reject bad schemes with a message instead of
    # markdown-it quietly turning them into text.
    md.validateLink = lambda url: True  # type: ignore[method-assign]  # markdown-it-py's documented way
    return md


@functools.cache
def markup_finder() -> MarkdownIt:
    """A parser that reads raw HTML as HTML, only to name it: the story's text is read by markdown_parser."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True})


def name_markup(text: str, file: str, offset: int, notices: list[Notice]) -> None:
    """Raw HTML in the story's Markdown ("<b>", "<iframe ...>", "<br>") is shown as the text it is, never as markup:
    named, line by line, so that the editor sees what readers will see."""
    found: dict[int, list[str]] = {}
    for token in markup_finder().parse(text):
        line = offset + (token.map[0] if token.map else 0) + 1
        tags = [token.content] if token.type == "html_block" else []
        tags += [child.content for child in token.children or [] if child.type == "html_inline"]
        found.setdefault(line, []).extend(" ".join(tag.split()) for tag in tags)
    for line, tags in found.items():
        if tags:
            shown = listed([repr(shorten(tag, 40)) for tag in tags])
            notices.append(Notice(message=f"raw HTML is shown as text, tags and all, not as markup: {shown}",
                                  source=Source(file=file, line=line),
                                  hint="write it in Markdown (**bold**, *italic*, [text](https://...)) or take "
                                       "the tags out"))  # fmt: skip


def parse_body(text: str, file: str, offset: int, notices: list[Notice]) -> list[Block]:
    """The blocks of a story's Markdown (its first line the file's line `offset` + 1). A picture in the text is left
    out and named (a story shows one, its front matter's), a table set as text, a paragraph a row, named, and raw
    HTML kept as text, named."""
    if "<" in text:
        name_markup(text, file, offset, notices)
    tokens = markdown_parser().parse(text)
    blocks_: list[Block] = []
    kind = "p"
    lists: list[str] = []
    in_quote = 0
    row: list[list[Span]] | None = None  # a table's row: its cells' spans
    rows = table_line = 0
    for token in tokens:
        line = offset + (token.map[0] if token.map else 0) + 1
        if token.type == "table_open":
            rows, table_line = 0, line
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            blocks_.append(Block(spans=[span for n, cell in enumerate(row) for span in [Span(text=" · ")][:n] + cell]))
            row, rows = None, rows + 1
        elif token.type == "table_close":
            notices.append(Notice(message=f"a table of {rows} rows is set as text, a paragraph a row: an email "
                                          "shows a table only as election results",
                                  source=Source(file=file, line=table_line),
                                  hint="write results in a ```results block, or the table as a list"))  # fmt: skip
        elif token.type == "bullet_list_open":
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
            from newsletter.readers.results import parse_results  # a results table: most stories have none

            blocks_.append(Block(kind="results", spans=[], results=parse_results(token.content, file, first)))
        elif token.type in ("code_block", "fence"):
            blocks_.append(Block(spans=[Span(text=token.content.rstrip("\n"), code=True)]))
        elif token.type == "inline":
            pictures: list[tuple[str, str]] = []
            spans = inline_spans(token.children or [], file, line, pictures)
            for alt, src in pictures:
                notices.append(Notice(message=f"a picture in the text is left out: {alt or src!r} ({src}): "
                                              "a story shows one picture, its front matter's image",
                                      source=Source(file=file, line=line),
                                      hint=f"make it the story's picture with `image: {src}`"))  # fmt: skip
            if row is not None:
                row.append(spans)  # a table's cell
            elif spans:
                blocks_.append(Block(kind=kind, spans=spans))
            kind = "p"
    return blocks_


def inline_spans(
    children: list[Any], file: str, line: int, pictures: list[tuple[str, str]] | None = None
) -> list[Span]:
    """Markdown-it's inline tokens -> spans, neighbours that look the same joined into one (`joined_runs`); a picture
    is no span (its alt text and address go into `pictures`)."""
    pieces: list[tuple[Look, str]] = []
    strong = em = 0
    href = ""
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
            pieces.append((("", False, False, False), " "))  # a line break inside a link or emphasis is a plain space
        elif kind == "image":
            if pictures is not None:
                pictures.append((child.content, str(child.attrs.get("src", ""))))
        elif kind in ("text", "code_inline", "html_inline") and child.content:
            pieces.append(((href, strong > 0, em > 0, kind == "code_inline"), child.content))
    return [span_of(seen, text) for seen, text in joined_runs(pieces)]
