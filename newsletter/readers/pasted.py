"""A pasted page (.txt), optionally opened by YAML front matter -> its stories, the front matter setting the
article's fields (headline, url, image, byline, lead...) as it does in a Markdown story.

The page itself is read by readers/text.py; this module only takes the front matter off the top, so an editor
who follows "write the headline in the story" is never silently ignored. The front matter's lines are blanked,
not removed, so every line number the page reader reports is still the file's.
"""

from __future__ import annotations

from pathlib import Path
from threading import Event
from typing import Any

from pydantic import ValidationError

from newsletter.models import Notice, Story
from newsletter.patterns import regex
from newsletter.readers import GUESS, Read
from newsletter.readers.markdown import front_matter_end, invalid, story_fields, warn_unsure
from newsletter.text import read_text

# What tells front matter from a page that happens to open with a rule: a `key:` line right under the `---`.
FRONT_KEY = regex(r"^\s*[A-Za-z_][\w\-]*\s*:")


def read(path: Path, notices: list[Notice], data: bytes | None = None) -> Read:
    return parse_pasted(read_text(path, data=data), str(path), notices)


def parse_pasted(
    text: str, file: str, notices: list[Notice], *, address: str = "", look: bool = False, stop: Event | None = None
) -> Read:
    """The page's stories; `address`: the page's, as the editor gives it beside the paste (else its front matter's
    url), and `look`: the page there is read for the headline it names (readers/named.py: only "Add a page" and
    `import --url` ask, never a build), unless `stop` is set while it is read."""
    from newsletter.readers.named import Named, named_headline, read_page

    lines = text.split("\n")
    page_notices: list[Notice] = []
    front = opens_front_matter(lines)
    end = front_matter_end(lines, file) if front else -1
    fields: dict[str, Any] = {}
    if front:
        fields, fail = story_fields(lines[1:end], file)
    address = address or str(fields.get("url") or "")
    named = named_headline(address, file, page_notices, stop) if address and look else Named()
    page = "\n" * (end + 1) + "\n".join(lines[end + 1 :]) if front else text  # (its lines keep their numbers)
    found = read_page(page, file, page_notices, address, named)
    article = found.stories[0]
    if fields.get("headline"):  # the front matter gives the headline the page reader missed or guessed
        page_notices = without_guesses(page_notices)
        article = article.model_copy(update={"headline_unsure": False})
    else:
        article = flag_unsure(article, page_notices)
    if address and not article.url:  # the address typed beside the paste (checked: readers/named.web_address)
        article = article.model_copy(update={"url": address})
    notices.extend(page_notices)
    if not front:
        return Read(stories=[article, *found.stories[1:]], brand=found.brand, related=found.related)
    try:
        merged = Story.model_validate({**article.model_dump(exclude_defaults=True), **fields})
    except ValidationError as error:
        raise invalid(error, fail) from None
    if fields.get("headline_unsure"):
        warn_unsure(merged, lines[1:end], notices)
    return Read(stories=[merged, *found.stories[1:]], brand=found.brand, related=found.related)


# The page reader's words when it was not sure of the headline, or made one up from the first sentence.
NO_HEADLINE = "no headline found above the article"
GUESSES = (GUESS, NO_HEADLINE)


def without_guesses(notices: list[Notice]) -> list[Notice]:
    """The notices but the reader's warnings that the headline is a guess (settled: by front matter, by the page)."""
    return [notice for notice in notices if not notice.message.startswith(GUESSES)]


def flag_unsure(article: Story, page_notices: list[Notice]) -> Story:
    """The article marked `headline_unsure` when the page reader warned that its headline is a guess, or made it
    from the first sentence: the flag goes with the story (into the Markdown `import` writes), so the warning is
    not lost with the page."""
    if any(notice.message.startswith(GUESSES) for notice in page_notices):
        return article.model_copy(update={"headline_unsure": True})
    return article


def opens_front_matter(lines: list[str]) -> bool:
    """The first line is `---` and the next one a `key:` line: front matter, which must then be closed."""
    return len(lines) > 1 and lines[0].strip() == "---" and FRONT_KEY.match(lines[1]) is not None
