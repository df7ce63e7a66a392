"""An article's address as evidence of its headline: most news sites write the headline's words into the address
("/2026/11/03/zelensky-asks-the-west-again-for-expanded-weapon-use"), so the line of a pasted page that holds most of
them is likely its headline. An address that is a number or an id names no line, and is no evidence."""

from __future__ import annotations

import re
from urllib.parse import unquote

from newsletter.readers.lines import ends_sentence
from newsletter.readers.page import split
from newsletter.readers.words import terms

ADDRESS_SURE = 0.6  # a title holding this share of the address's words, and more by ADDRESS_LEAD than any other
ADDRESS_LEAD = 0.3  # line, is the headline the address spells
SLUG_TERMS = 3  # an address naming fewer of a headline's words says too little ("/news/world-europe-12345678")
# A piece of an address that is an id, not a word: a hash ("e52ab9515573"), a number with letters ("a1b2c3", "p12")
ID = re.compile(r"(?=.*\d)[0-9a-z]{5,}|\d+|[a-z]\d+", re.IGNORECASE)
ADDRESS = re.compile(r"\S+://\S*|www\.\S+")
# The full stops of Armenian, Urdu and Arabic, Devanagari, Burmese and Amharic: a line ending in one is a sentence
FULL_STOPS = ("։", "۔", "।", "။", "።")
# German letters as addresses spell them ("kuenstliche" for "künstliche")
SPELLED = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def slug_terms(url: str) -> frozenset[str]:
    """The words an address spells out: those of its path's part that holds most (words joined by "-", "_" or
    "+"), as the readers' `terms` counts them; none when it holds fewer than SLUG_TERMS (an id, a section's name)."""
    best: frozenset[str] = frozenset()
    for part in unquote(split(url).path).split("/"):
        part = re.sub(r"\.[a-z]{2,5}$", "", part, flags=re.IGNORECASE)  # ".html", ".php"
        pieces = [piece for piece in re.split(r"[-_+]+", part) if piece and not ID.fullmatch(piece)]
        found = frozenset(terms(" ".join(pieces))) if len(pieces) > 1 else frozenset()
        if len(found) > len(best):
            best = found
    return best if len(best) >= SLUG_TERMS else frozenset()


def address_share(text: str, slug: frozenset[str]) -> float:
    """The share of the address's words a line holds (0.0 when the address spells none)."""
    if not slug:
        return 0.0
    from anyascii import anyascii  # (imported only when an address is given: a build without one never pays for it)

    text = ADDRESS.sub(" ", text)  # a link to the page is not its title ("[…] https://example.net/blog/its-slug/")
    # ... in Latin letters, as sites spell addresses ("Выборы" vybory, "künstliche" kunstliche, "What's" whats)
    latin = anyascii(text).replace("'", "")
    return len((terms(text) | terms(text.translate(SPELLED)) | terms(latin)) & slug) / len(slug)


def spells(text: str, url: str) -> bool:
    """The address spells the line: most of its words are the line's (a saved page's own address confirms the
    headline it stood in for)."""
    return address_share(text, slug_terms(url)) >= ADDRESS_SURE


def sentence(text: str) -> bool:
    """The line is written as a sentence (a standfirst, a lede), in any script: the address never makes it sure."""
    return ends_sentence(text) or text.rstrip("\"”’»'").endswith(FULL_STOPS)
