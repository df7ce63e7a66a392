"""A srcset attribute's value -> its image candidates (address, width or density), as the HTML standard parses it;
and the largest of them."""

from __future__ import annotations

from dataclasses import dataclass

from newsletter.patterns import regex


@dataclass
class Candidate:
    """One image candidate of a srcset: its address, and its width ("640w") or pixel density ("2x") if given."""

    url: str
    width: int | None = None
    density: float | None = None
    height: int | None = None  # ("480h": the standard reads it beside a width, and uses it for nothing yet)


SPACES = " \t\n\f\r"  # ASCII whitespace, as the HTML standard splits a srcset on
DESCRIPTOR_NUMBER = regex(r"(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?")  # a valid floating-point number, unsigned


def srcset(value: str) -> list[Candidate]:
    """The candidates of a srcset attribute, parsed as the HTML standard's "parse a srcset attribute" does: an address
    is a run of characters other than whitespace (commas inside it belong to it: "q_80,w_640/photo.jpg"; only those at
    its end separate), its descriptors follow up to a comma outside brackets; a candidate with a descriptor in error
    is dropped."""
    candidates: list[Candidate] = []
    at, end = 0, len(value)
    while True:
        while at < end and (value[at] in SPACES or value[at] == ","):
            at += 1
        if at >= end:
            return candidates
        start = at
        while at < end and value[at] not in SPACES:
            at += 1
        url, descriptors = value[start:at], list[str]()
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            descriptors, at = descriptor_tokens(value, at)
        candidate = described(url, descriptors)
        if candidate is not None:
            candidates.append(candidate)


def descriptor_tokens(value: str, at: int) -> tuple[list[str], int]:
    """The descriptors after a candidate's address (from `at`), up to the comma that ends it outside brackets, and
    where the next candidate starts."""
    tokens: list[str] = []
    current, brackets = "", False
    while at < len(value) and value[at] in SPACES:
        at += 1
    while at < len(value):
        char = value[at]
        at += 1
        if brackets:
            current += char
            brackets = char != ")"
        elif char in SPACES or char == ",":
            if current:
                tokens.append(current)
            current = ""
            if char == ",":
                return tokens, at
        else:
            current += char
            brackets = char == "("
    return tokens + ([current] if current else []), at


def described(url: str, descriptors: list[str]) -> Candidate | None:
    """A candidate from its address and descriptors; None when they are in error (two widths, a width and a density,
    a width of 0, a height without a width, a word the standard does not know)."""
    candidate = Candidate(url)
    for descriptor in descriptors:
        number, kind = descriptor[:-1], descriptor[-1:]
        whole = number.isascii() and number.isdigit() and int(number) > 0
        if kind == "w" and whole and candidate.width is None and candidate.density is None:
            candidate.width = int(number)
        elif kind == "x" and DESCRIPTOR_NUMBER.fullmatch(number) and candidate == Candidate(url):
            candidate.density = float(number)
        elif kind == "h" and whole and candidate.height is None and candidate.density is None:
            candidate.height = int(number)
        else:
            return None
    return None if candidate.height is not None and candidate.width is None else candidate


def largest(candidates: list[Candidate]) -> str:
    """The address of the largest candidate: by its width, else by its density (none given: 1x); the first of
    equals; "" when there is none."""
    if any(candidate.width is not None for candidate in candidates):
        return max(candidates, key=lambda candidate: candidate.width or 0).url
    return max(candidates, key=lambda candidate: candidate.density or 1.0).url if candidates else ""


def fitting(candidates: list[Candidate], width: int, src: str = "") -> str:
    """The address of the candidate a browser shows a picture `width` pixels wide from (its slot's CSS pixels on a
    screen of twice their density, as an email's 600 px column is): the narrowest at least that wide, else the
    widest; by pixel density, the lowest of 2x or more, else the highest. `src`, the <img>'s own, when it is none of
    them and its width is unknown (no candidate that wide; densities, which are the page's slot's: "photo-1080.jpg"
    beside "photo-280.jpg 1x, photo-560.jpg 2x" is the largest). "" when there is none."""
    unknown = src and all(candidate.url != src for candidate in candidates)
    if any(candidate.width is not None for candidate in candidates):
        wide = [candidate for candidate in candidates if (candidate.width or 0) >= width]
        if wide:
            return min(wide, key=lambda candidate: candidate.width or 0).url
        return src if unknown else largest(candidates)
    if unknown:
        return src
    dense = [candidate for candidate in candidates if (candidate.density or 1.0) >= 2]
    return min(dense, key=lambda candidate: candidate.density or 1.0).url if dense else largest(candidates)
