"""A pasted page (.txt), a saved page (.html) or a URL -> Markdown story files an editor completes (`import`)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, OutputError
from .models import Block, Notice, Story, slugify
from .output import write_atomic
from .text import first_sentence

# Characters that would turn plain text into Markdown syntax.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>{}|~])")
LINE_START_SPECIAL = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])(?=\s|$)")
MARKS = {"strong": "**", "em": "*", "code": "`"}
PREFIX = {"p": "", "h": "## ", "li": "- ", "oli": "1. ", "quote": "> "}


@dataclass
class Imported:
    written: list[Path]
    notices: list[Notice] = field(default_factory=list)  # what the reader left out or was unsure of


def import_page(page: str | Path, to: Path) -> Imported:
    """Write one Markdown file per story of the page (a file, or an http/https URL) into `to`."""
    from .readers.fetch import fetch, is_url

    notices: list[Notice] = []
    if isinstance(page, str) and is_url(page):
        from .readers.html import parse_html

        data, final = fetch(page)
        read_stories, brand = [parse_html(data, page, notices, url=final)], ""
    else:
        read_stories, brand = read_file(Path(page), notices)
    files: dict[Path, str] = {}
    for number, story in enumerate(read_stories, start=1):
        name = slugify(story.headline or first_sentence(story.teaser or story.caption), limit=40)
        files[to / f"{number:02d}-{name}.md"] = story_markdown(story, lead=number == 1)
    if brand:
        files[to / "issue.toml"] = f"[brand]\nname = {json.dumps(brand, ensure_ascii=False)}\n"
    if to.exists() and not to.is_dir():
        raise OutputError("is a file, not a folder; choose another --to", file=to)
    existing = [path for path in files if path.exists()]
    if existing:
        raise InputError("already exists; import into an empty folder", file=existing[0])
    for path, text in files.items():
        write_atomic(path, text.encode())
    return Imported(written=list(files), notices=notices)


def read_file(path: Path, notices: list[Notice]) -> tuple[list[Story], str]:
    from .readers import read

    found = read(path, notices)
    return found.stories, found.brand


def story_markdown(story: Story, *, lead: bool) -> str:
    import yaml

    front: dict[str, object] = {
        "headline": story.headline,
        "url": story.url,
        "image": {"src": story.image.src, "alt": story.image.alt or story.caption},
        "caption": story.caption,
        "credit": story.credit,
    }
    if story.byline:
        front["byline"] = story.byline
    if story.date:
        front["date"] = story.date
    if story.teaser:
        front["teaser"] = story.teaser
    if lead and story.body:
        front["lead"] = True
    if story.pull_quotes:
        front["pull_quotes"] = [q.model_dump(exclude_defaults=True) for q in story.pull_quotes]
    header = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
    body = "\n\n".join(block_markdown(block) for block in story.body)
    return f"---\n{header}---\n\n{body}\n" if body else f"---\n{header}---\n"


def block_markdown(block: Block) -> str:
    """One block as Markdown that reads back as the same block: subheads, lists, quotes, marks and links kept."""
    parts = []
    for span in block.spans:
        text = MARKDOWN_SPECIAL.sub(r"\\\1", span.text)
        if span.code:
            text = f"`{span.text.replace('`', '')}`"
        for mark in ("strong", "em"):
            if getattr(span, mark) and text.strip():
                core = text.strip()
                text = (
                    text[: len(text) - len(text.lstrip())]
                    + MARKS[mark]
                    + core
                    + MARKS[mark]
                    + (text[len(text.rstrip()) :])
                )
        if span.href:
            href = span.href.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
            text = f"[{text}]({href})"
        parts.append(text)
    return PREFIX[block.kind] + LINE_START_SPECIAL.sub(r"\1\\\2", "".join(parts))
