"""A blog's page as pasted: the blog's name, its description (a sentence), then the post's date over the post's
title, then the post (Blogger's layout, and many themes' of its years). The description is no paragraph of the post,
though it reads like one and stands just over it; the blog's name is the site's, and the post's title under its date
is the headline."""

from __future__ import annotations

from newsletter.readers.lines import Line, ends_sentence, is_title_like
from newsletter.readers.scripts import words_of
from newsletter.readers.words import share, terms

DESCRIPTION_MOST = 25  # words: a blog's description is a sentence ("Gardening, weather, and the odd rant ...")
POST_UNDER = 3  # lines at most from the post's title to its first paragraph (a photo and its caption between)
OPENING = 5  # the post's first paragraphs, read for the words the description shares with it
ABOUT_POST = 0.5  # ... under this share of its words: the blog's, not the post's (a standfirst holds the post's)


def post_title(lines: list[Line], roles: list[str], start: int) -> int | None:
    """The post's title when the prose found first (at `start`) is the blog's description under the blog's name:
    one sentence, then a date alone on its line, then a title, then the post's paragraphs. Not a standfirst under
    its headline over the date and a photo's caption: a standfirst holds the article's words."""
    title = start + 2
    if not (0 < start and title + 1 < len(lines) and roles[start - 1] == "other" and roles[start] == "prose"):
        return None
    if words_of(lines[start].text) > DESCRIPTION_MOST or roles[start + 1] != "date" or roles[title] != "other":
        return None
    text = lines[title].text
    if not is_title_like(text) or ends_sentence(text) or "prose" not in roles[title + 1 : title + 1 + POST_UNDER]:
        return None
    post = [lines[j].text for j in range(title + 1, len(lines)) if roles[j] == "prose"][:OPENING]
    return title if share(lines[start].text, terms(" ".join(post))) < ABOUT_POST else None
