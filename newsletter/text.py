"""Text helpers shared by the loaders and the sorter: reading files, cleaning pasted junk, sentences."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .errors import InputError
from .models import Notice, Source

# C1 controls, zero-width characters, bidi embeddings/overrides/isolates, soft hyphen and BOMs inside
# text: invisible in an editor, yet they break search, screen readers and some mail clients.
JUNK = re.compile("[\u0080-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
SPACES = re.compile("[\t\u00a0\u2007\u202f]")


def read_text(path: Path) -> str:
    """Read a story file as UTF-8 with Unix line ends; a BOM is dropped."""
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError("is a folder, not a story file", file=path) from None
    except FileNotFoundError:
        raise InputError("no such file", file=path) from None
    except OSError as error:
        raise InputError(f"cannot be read ({error.strerror})", file=path) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            f"is not UTF-8: byte 0x{data[error.start]:02x} at byte offset {error.start}; "
            "save the file as UTF-8",
            file=path,
            line=line,
        ) from None
    if not text.strip():
        raise InputError("is empty", file=path)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def clean_lines(text: str, file: str, notices: list[Notice]) -> list[str]:
    """Lines with pasted junk removed (and reported), odd spaces made plain, ends trimmed."""
    lines = []
    for number, line in enumerate(text.split("\n"), start=1):
        found = JUNK.findall(line)
        if found:
            names = sorted({f"U+{ord(char):04X}" for char in found})
            notices.append(
                Notice(
                    message=f"removed {len(found)} invisible character(s) ({', '.join(names)})",
                    source=Source(file=file, line=number),
                )
            )
            line = JUNK.sub("", line)
        lines.append(SPACES.sub(" ", line).rstrip())
    return lines


def clean_value(value: str) -> str:
    return SPACES.sub(" ", JUNK.sub("", value)).strip()


ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "col", "lt", "prof", "jr",
                 "sr", "no", "vs", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec"}


def first_sentence(text: str) -> str:
    """The text up to the first full stop, question or exclamation mark that ends a sentence."""
    text = " ".join(text.split())
    for match in re.finditer(r"[.!?][’”\"')]*(?=\s+[A-Z“‘\"'(]|$)", text):
        word = re.search(r"(\S+)$", text[: match.start()])
        before = word.group(1) if word else ""
        # "U.S. President" and "Sen. Warren" do not end a sentence.
        if before.lower() in ABBREVIATIONS or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", before):
            continue
        return text[: match.end()]
    return text


def shorten(text: str, limit: int) -> str:
    """Cut at a word boundary so the result, with its ellipsis, is under `limit` characters."""
    text = " ".join(text.split())
    if len(text) < limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:–—-") + "…"


def fold(text: str) -> str:
    """A key under which two spellings of the same headline compare equal."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())
