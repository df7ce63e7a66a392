"""The headline the page at a pasted page's address names, read there as a link's card is read: the page is fetched
(readers/fetch.py: only the address the editor typed, every redirect checked) and read as a saved page is
(readers/html.py). It settles the pasted text's headline:

- a line of the paste that is the page's headline is the headline, and sure (the text reader's choice among the
  lines above the article; else any line of the paste); the page's own where the line shows a kicker before it;
- with no such line (the paste starts at the article's first paragraph), the page's own is, when it speaks of
  what the pasted article does; a notice says where it came from;
- a headline that shares few of the pasted article's words and no line of the paste is another page's: the choice
  is flagged, and the page's headline named, as the address may be another story's.

What the page names plainly counts so (its JSON-LD or Open Graph headline, its article's own <h1>, one its address
spells); what stands in for a headline there (its <title> without the site's name, an <h1> away from the article)
only when a line of the paste is it, three words or more (the page shows its title as a line: a headline), or in
place of the text's own guess when it speaks of the article (flagged still: on the read pools' pages, such a
stand-in was right wherever the text's guess was, and on three pages more). A stand-in that speaks of the article
but says something other than the text's sure choice makes that choice a guess (the title named beside it).

Only "Add a page" (the address typed beside a paste) and `import --url` ask for it: a build never fetches (the story
file they write holds the headline). A page that cannot be read leaves the text's own evidence, and says why; a
headline longer than a headline may be is none.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from newsletter.errors import InputError
from newsletter.models import Notice, Source, Story
from newsletter.patterns import regex
from newsletter.readers import GUESS, Read, fold
from newsletter.readers.headers import about_the_article
from newsletter.readers.lines import shown
from newsletter.readers.words import UNITS, same_words, share, terms

ADDRESS_LIMIT = 2_000  # characters: the longest address taken (browsers' own limits run about so)
UNSEEN = regex(r"[\x00-\x20\x7f]")  # a space or a control character: no part of an address as typed
DEADLINE = 10.0  # seconds for the whole exchange: the editor waits at the desk
OPENING_BLOCKS = 3  # the article's first paragraphs, whose words the page's headline must speak of
AGREES = 0.5  # share of the chosen line's words a page's title holds, for the two to say the same
STANDING_IN = 3  # words at least of a headline the page does not name plainly, for a line of the paste to be it
STOP_CHECK = 0.05  # seconds between looks at whether the editor stopped the wait
T = TypeVar("T")


@dataclass(frozen=True)
class Named:
    """The headline the page names ("" for none), and whether it names it plainly."""

    text: str = ""
    plainly: bool = False

    def given(self) -> str:
        """What the text reader may take a line for: a plain headline, or a stand-in of a few words at least."""
        return self.text if self.plainly or len(re.findall(UNITS, self.text)) >= STANDING_IN else ""


def web_address(address: str) -> str:
    """The address the editor typed beside a paste, checked: an http or https address of a host, with no space, no
    control character and no user name or password in it ("" when none was typed)."""
    from newsletter.readers.page import split

    address = address.strip()
    if not address:
        return ""
    parts = split(address)  # (no URL at all: the parts of "", refused below)
    if (
        len(address) > ADDRESS_LIMIT
        or UNSEEN.search(address)
        or parts.scheme.lower() not in ("http", "https")
        or not parts.hostname
        or "@" in parts.netloc
    ):
        raise InputError(
            "the page's address must be the web address in the browser's address bar, such as "
            "https://news.example.org/2026/11/story (http or https, no spaces, no user name or password)"
        )
    return address


def named_headline(address: str, file: str, notices: list[Notice], stop: threading.Event | None = None) -> Named:
    """The headline the page at `address` names; none when it cannot be read, or the editor stops reading it (`stop`
    set: the desk's "Stop reading"): a notice says why, and the headline is then the pasted text's own choice."""
    from newsletter.readers.fetch import FetchError, fetch

    try:
        fetched = until(lambda: fetch(address, typed=True, deadline=DEADLINE), stop)
    except (FetchError, Stopped) as error:
        stopped = "was not read (you stopped it)"
        why = f"could not be read ({error.message})" if isinstance(error, FetchError) else stopped
        notices.append(Notice(message=f"the page at its address {why}: its headline is chosen from the pasted text "
                                      "alone",
                              source=Source(file=file, line=1)))  # fmt: skip
        return Named()
    return headline_of(fetched.data, fetched.url, fetched.charset)


class Stopped(Exception):
    """The editor stopped the wait."""


def until(call: Callable[[], T], stop: threading.Event | None) -> T:
    """What `call` returns, unless `stop` is set first (Stopped): the call goes on in a thread of its own, its answer
    dropped (a fetch ends within its deadline)."""
    if stop is None:
        return call()
    answer: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            answer.append(call())
        except BaseException as error:  # handed to the caller below, as the call would have raised it
            failure.append(error)

    worker = threading.Thread(target=run, name="reading a page", daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(STOP_CHECK)
        if stop.is_set() and worker.is_alive():
            raise Stopped
    if failure:
        raise failure[0]
    return answer[0]


def headline_of(data: bytes, url: str, charset: str = "") -> Named:
    """The headline of a fetched page as the saved-page reader reads it; for a page too short for an article (a
    paywall's, as a fetch sees it), its JSON-LD or Open Graph headline alone."""
    from newsletter.readers.html import parse_html

    try:
        story = parse_html(data, url, [], url=url, charset=charset)
    except InputError:
        return metadata_headline(data, url, charset)
    return Named(story.headline, not story.headline_unsure) if fits(story.headline) else Named()


def metadata_headline(data: bytes, url: str, charset: str) -> Named:
    """The headline a page's JSON-LD or Open Graph names (the site's name cut off), without its article."""
    from newsletter.readers.fetch import decode_html
    from newsletter.readers.html import load_page, page_headline
    from newsletter.readers.metadata import page_metadata
    from newsletter.readers.page import PageText

    tree = load_page(decode_html(data, charset)[0])
    if tree is None:
        return Named()
    headline = page_headline(tree, page_metadata(tree, url), [], PageText.of(tree), url)
    if not fits(headline.text):
        return Named()
    return Named(headline.text, not headline.why)  # (an <h1> or <title> with no article by it stands in)


def fits(headline: str) -> bool:
    """No longer than a story's headline may be (a page's absurd one would make a story no build takes)."""
    from newsletter.text import length_problem

    return length_problem("headline", headline) is None


def settle(story: Story, named: Named, notices: list[Notice], lines: Sequence[str] = ()) -> Story:
    """The story's headline against the one its page names (`notices`: the story's reader's, whose warning that the
    headline is a guess goes when the page settles it; `lines`: the paste's, whole)."""
    from newsletter.readers.pasted import GUESSES, without_guesses

    if not named.text:
        return story
    source = story.source or Source(file="", line=1)
    if same_words(story.headline, named.text) and named.given():
        notices[:] = without_guesses(notices)
        # the page's headline after a kicker its line shows (its heading's label, and what a screen reader hears,
        # pasted as one line with it: "Topic Transport Council votes ..."): the page's, as a saved page's <h1> reads
        line, page = fold(story.headline), fold(named.text)
        kicked = line != page and f" {line}".endswith(f" {page}")
        return story.model_copy(update={"headline_unsure": False, **({"headline": named.text} if kicked else {})})
    if not named.plainly:
        if not speaks_of(named.text, story):
            return story  # a stand-in with none of the article's words (a section's title, the site's): no evidence
        if story.headline_unsure:
            return standing_in(story, named, notices)
        if share(story.headline, terms(named.text)) >= AGREES:
            return story  # the page's title says what the chosen line says (at more length, or less)
        return doubted(story, named, notices)
    shown_at = next((n for n, line in enumerate(lines, start=1) if same_words(line, named.text)), 0)
    if shown_at or speaks_of(named.text, story):  # the page's own stands
        notices[:] = without_guesses(notices)
        headline = lines[shown_at - 1] if shown_at else named.text
        where = f"line {shown_at}, away from the text read as the article" if shown_at else "no line of the paste"
        notices.append(Notice(message=f"the headline is the one the page at its address names "
                                      f"({shown(named.text, 80)}): {where}",
                              source=Source(file=source.file, line=shown_at or source.line), story=headline,
                              hint="check that the story's text is that article's" if shown_at else ""))  # fmt: skip
        return story.model_copy(update={"headline": headline, "headline_unsure": False})
    why = f"the page at its address is headed {shown(named.text, 80)}, which shares few words with the pasted article"
    if not any(notice.message.startswith(GUESSES) for notice in notices):
        notices.append(Notice(message=f"{GUESS}: {why}", source=source, story=story.headline, choices=[named.text],
                              hint="check the address and the headline, or take the page's"))  # fmt: skip
    else:
        notices.append(Notice(message=f"{why}: the address may be another story's", source=source,
                              story=story.headline, hint="check the address"))  # fmt: skip
    return story.model_copy(update={"headline_unsure": True})


def standing_in(story: Story, named: Named, notices: list[Notice]) -> Story:
    """The page's stand-in for a headline (its <title> without the site's name, an <h1> away from the article) in
    place of the pasted text's guess: it speaks of the article, and the text's own choice was no better than a guess.
    Still a guess, named as one, with the text's choice beside it."""
    from newsletter.readers.pasted import without_guesses

    source = story.source or Source(file="", line=1)
    notices[:] = without_guesses(notices)
    notices.append(Notice(message=f"{GUESS}: the page at its address names no headline plainly, and its title "
                                  f"({shown(named.text, 80)}) stands in for the pasted text's likeliest line",
                          source=source, story=named.text, choices=[story.headline],
                          hint="check the headline, or take the pasted text's line"))  # fmt: skip
    return story.model_copy(update={"headline": named.text, "headline_unsure": True})


def doubted(story: Story, named: Named, notices: list[Notice]) -> Story:
    """The pasted text's sure choice, flagged: the page's title speaks of the article too but says something else (the
    line may be a deck, or another story's title), and the warning names it beside the line."""
    source = story.source or Source(file="", line=1)
    notices.append(Notice(message=f"{GUESS}: the page at its address is titled {shown(named.text, 80)}, which speaks "
                                  "of the pasted article too but says something else",
                          source=source, story=story.headline, choices=[named.text],
                          hint="check the headline, or take the page's title"))  # fmt: skip
    return story.model_copy(update={"headline_unsure": True})


def speaks_of(headline: str, story: Story) -> bool:
    """The headline holds enough of the words of the story's first paragraphs to be about it."""
    opening = terms(" ".join(block.text for block in story.body[:OPENING_BLOCKS]))
    return about_the_article(headline, share(headline, opening))


def read_page(text: str, file: str, notices: list[Notice], address: str, named: Named) -> Read:
    """A pasted page (readers/text.py: its `address` is evidence of the headline), the article's headline settled by
    the one the page at that address `named`."""
    from newsletter.readers.text import parse_page

    before = len(notices)
    found = parse_page(text, file, notices, address, named.given())
    if named.given() and not named.plainly and not speaks_of(named.text, found.stories[0]):
        named = Named()  # a stand-in with none of the article's words (a section's title, the site's): no evidence
        del notices[before:]  # (the page is read again without it, and says so again)
        found = parse_page(text, file, notices, address)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    found.stories[0] = settle(found.stories[0], named, notices, lines)
    return found
