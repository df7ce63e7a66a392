"""A pasted page (.txt) -> Markdown story files an editor completes (the `import` command)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from .errors import InputError, OutputError
from .load import parse_page
from .models import Block, slugify
from .output import write_atomic
from .text import first_sentence, read_text

# Characters that would turn plain text into Markdown syntax.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>{}|~])")
LINE_START_SPECIAL = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])(?=\s|$)")


def import_page(page: Path, to: Path) -> list[Path]:
    """Write one Markdown file per story of the page into `to`; return the paths written."""
    import yaml

    stories = parse_page(read_text(page), str(page), notices := [])
    del notices  # junk characters are removed either way; `build` reports them on the source
    files: dict[Path, str] = {}
    for number, story in enumerate(stories.stories, start=1):
        name = slugify(story.headline or first_sentence(story.teaser or story.caption), limit=40)
        front = {
            "headline": story.headline,
            "url": "",
            "image": {"src": "", "alt": story.image.alt or story.caption},
            "caption": story.caption,
            "credit": story.credit,
        }
        if story.teaser:
            front["teaser"] = story.teaser
        if number == 1 and story.body:
            front["lead"] = True
        if story.pull_quotes:
            front["pull_quotes"] = [q.model_dump(exclude_defaults=True) for q in story.pull_quotes]
        header = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
        body = "\n\n".join(escape_markdown(block) for block in story.body)
        files[to / f"{number:02d}-{name}.md"] = f"---\n{header}---\n\n{body}\n" if body else f"---\n{header}---\n"
    if stories.brand:
        files[to / "issue.toml"] = f"[brand]\nname = {json.dumps(stories.brand, ensure_ascii=False)}\n"
    if to.exists() and not to.is_dir():
        raise OutputError("is a file, not a folder; choose another --to", file=to)
    existing = [path for path in files if path.exists()]
    if existing:
        raise InputError("already exists; import into an empty folder", file=existing[0])
    for path, text in files.items():
        write_atomic(path, text.encode())
    return list(files)


def escape_markdown(block: Block) -> str:
    text = MARKDOWN_SPECIAL.sub(r"\\\1", block.text)
    return LINE_START_SPECIAL.sub(r"\1\\\2", text)


