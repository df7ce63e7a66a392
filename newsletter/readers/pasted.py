"""A pasted page (.txt), optionally opened by YAML front matter -> its stories, the front matter setting the
article's fields (headline, url, image, byline, lead...) as it does in a Markdown story.

The page itself is read by readers/text.py; this module only takes the front matter off the top, so an editor
who follows "write the headline in the story" is never silently ignored. The front matter's lines are blanked,
not removed, so every line number the page reader reports is still the file's.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import ValidationError

from newsletter.models import Notice, Story
from newsletter.readers import Read
from newsletter.readers.markdown import front_matter_end, invalid, story_fields
from newsletter.readers.text import GUESS, parse_page
from newsletter.text import read_text

# What tells front matter from a page that happens to open with a rule: a `key:` line right under the `---`.
FRONT_KEY = re.compile(r"^\s*[A-Za-z_][\w\-]*\s*:")


def read(path: Path, notices: list[Notice]) -> Read:
    return parse_pasted(read_text(path), str(path), notices)


def parse_pasted(text: str, file: str, notices: list[Notice]) -> Read:
    lines = text.split("\n")
    if not opens_front_matter(lines):
        return parse_page(text, file, notices)
    end = front_matter_end(lines, file)
    fields, fail = story_fields(lines[1:end], file)
    page_notices: list[Notice] = []
    found = parse_page("\n" * end + "\n".join(lines[end:]), file, page_notices)
    if fields.get("headline"):  # the front matter gives the headline the page reader missed or guessed
        page_notices = [n for n in page_notices if not n.message.startswith(("no headline found above the article",
                                                                             GUESS))]  # fmt: skip
    notices.extend(page_notices)
    article = found.stories[0]
    try:
        merged = Story.model_validate({**article.model_dump(exclude_defaults=True), **fields})
    except ValidationError as error:
        raise invalid(error, fail) from None
    return Read(stories=[merged, *found.stories[1:]], brand=found.brand, related=found.related)


def opens_front_matter(lines: list[str]) -> bool:
    """The first line is `---` and the next one a `key:` line: front matter, which must then be closed."""
    return len(lines) > 1 and lines[0].strip() == "---" and FRONT_KEY.match(lines[1]) is not None
