"""Text helpers shared by the loaders and the sorter: reading files, cleaning pasted junk, sentences."""

from __future__ import annotations

import codecs
import difflib
import os
import re
import stat
import unicodedata
from pathlib import Path
from typing import Any

from .errors import InputError
from .models import Notice, Source
from .patterns import regex

# C1 controls, zero-width characters, bidi embeddings/overrides/isolates, soft hyphen and BOMs inside
# text: invisible in an editor, yet they break search, screen readers and some mail clients.
# C0 controls other than tab and line feed are invisible too, and MJML and lxml choke on them, as MJML does
# on Unicode's non-characters (U+FDD0-FDEF and the last two code points of every plane).
NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
# Private use characters (an icon font's glyphs pasted with a page's text, Word's Symbol-font bullets) show as a
# blank box in every other font; the Mongolian vowel separator, Hangul fillers and interlinear annotation marks render
# as nothing. `check` calls each an error ("retype it"). (Not U+FFFC, which readers/page.py puts for a picture.)
NO_GLYPH = "\u115f\u1160\u180e\u3164\uffa0\ufff9-\ufffb\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd"
JUNK_CHARACTERS = (
    "\x00-\x08\x0b-\x1f\x7f\u0080-\u009f\u00ad\u034f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
    + NONCHARACTERS
    + NO_GLYPH
)
# ... but the zero-width joiner and non-joiner between two letters or symbols outside ASCII are part of the word:
# Persian writes "I want" with a non-joiner inside it, Sinhala and Malayalam join a conjunct with a joiner, an emoji
# family is three emoji joined. Anywhere else they are junk. STRAY is what is removed (and named) of JUNK_CHARACTERS.
NOT_IN_WORDS = f"\x00-\x7f\\s\u2000-\u206f\u3000-\u303f{JUNK_CHARACTERS}"  # (nor punctuation: a dash, a quote)
WORD_JOINER = f"(?<=[^{NOT_IN_WORDS}])[\u200c\u200d](?=[^{NOT_IN_WORDS}])"
STRAY = regex(f"(?!{WORD_JOINER})[{JUNK_CHARACTERS}]")
SPACES = regex("[\t\u00a0\u2007\u202f]")
# The journalist's "TK" (to come), as a word of its own, once or more ("TKTK"): what is still to be written. A TK that
# is meant, a name or a code ("die TK", "TK 1980"), is declared by its phrase under [tk] meant in issue.toml (or, for
# every issue, in newsletter.toml).
TK = regex(r"\b(?:TK)+\b")
# Unicode's line and paragraph separators: a line break to mail headers and JavaScript, a space to the eye.
SEPARATORS = regex("[\u2028\u2029]")
# What no text value may hold where it enters: control characters (tab and line feed aside), the
# separators above, and lone surrogates (an escape such as "\\ud800"; no UTF-8 file holds one).
BAD_TEXT = regex("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff" + NONCHARACTERS + "]")
# The longest text each kind of value may be: past these a value is a mistake (a paragraph pasted as the
# headline) that would make the subject line, the inbox row or the layout absurd, and slow header folding.
TEXT_LIMITS = {
    "headline": 500,
    "subject": 500,
    "preheader": 500,
    "section": 200,
    "credit": 500,
    "caption": 2000,
    "teaser": 10_000,
    "url": 8000,
    "src": 8000,
    "alt": 2000,
    "tags": 200,
}
SETTINGS_TEXT_LIMIT = 10_000  # any text in newsletter.toml or issue.toml


def text_problem(value: str) -> str | None:
    """Why a text value cannot be used as given, in words ("holds a control character (U+0001)"), or None."""
    found = BAD_TEXT.search(value)
    if found is None:
        return None
    code = ord(found.group())
    kind = (
        "a lone surrogate"
        if 0xD800 <= code <= 0xDFFF
        else "a line separator"
        if code in (0x2028, 0x2029)
        else "a non-character"
        if code >= 0xFDD0
        else "a control character"
    )
    return f"holds {kind} (U+{code:04X}); remove it"


def length_problem(key: str, value: str, limit: int | None = None) -> str | None:
    """`value` is longer than its kind may be (TEXT_LIMITS, else `limit`): the problem in words, or None."""
    limit = TEXT_LIMITS.get(key.rsplit(".", 1)[-1], limit)
    if limit is None or len(value) <= limit:
        return None
    article = "an" if key[:1] in "aeio" else "a"  # "an alt", "an image.alt"; "a url", "a headline"
    return f"is {len(value):,} characters long, over the {limit:,} {article} {key} may have; shorten it"


KEEP_TABS = regex("[\u00a0\u2007\u202f]")


# The byte order marks a text may open with, and the encoding each says, as browsers read them (WHATWG's Encoding)
BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
NUL_SNIFF = 4096  # bytes at a file's start that tell text from a binary file, by a NUL among them
BINARY = "it holds NUL bytes, as a binary file does (a picture, a PDF, a .docx), or text saved as UTF-16 without a BOM"
STORY_LIMIT = 5 * 1024 * 1024  # bytes: pasted article pages are under 150 KB; past this a build would take minutes
SETTINGS_LIMIT = 1024 * 1024  # bytes: issue.toml, newsletter.toml
LIST_LIMIT = 100 * 1024 * 1024  # bytes: a subscriber list (a million addresses)
BUILD_FILE_LIMIT = 100 * 1024 * 1024  # bytes: a build's issue.json (every story's whole text) or email
FILE_KINDS = {
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a folder",
}


def human_size(size: int) -> str:
    """A size in bytes as people read it: `512 B`, `102.3 KB`, `5.0 MB` (1 KB = 1,024 bytes, as Gmail counts)."""
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{size / 1024:.1f} KB" if size >= 1024 else f"{size} B"


def read_file(path: Path, *, limit: int = STORY_LIMIT, what: str = "a story file") -> bytes:
    """A regular file's bytes (a symlink only to a regular file), at most `limit` of them.

    Opened without blocking and checked before reading: a FIFO would wait forever for a writer, and a
    symlink to /dev/zero would be read until memory runs out.
    """
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        if path.is_symlink():
            raise InputError(
                f"is a broken symlink (to {os.readlink(path)}, which does not exist); fix or remove it", file=path
            ) from None
        raise InputError("no such file", file=path) from None
    except OSError as error:
        raise InputError(f"cannot be read ({error.strerror or error})", file=path) from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            kind = FILE_KINDS.get(stat.S_IFMT(info.st_mode), "not a regular file")
            raise InputError(f"is {kind}, not {what}", file=path)
        if info.st_size > limit:
            raise InputError(f"is {human_size(info.st_size)}, over the {human_size(limit)} limit for {what}", file=path)
        chunks, size = [], 0
        # The whole file in one read where it can (one chunk: no copy joining them; an 8 MB photo is read
        # every build), then in 1 MB steps if it grew since fstat.
        step = info.st_size + 1
        while chunk := os.read(handle, min(step, limit + 1 - size)):
            step = 1 << 20
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # it grew while we read
                raise InputError(f"is over the {human_size(limit)} limit for {what}", file=path)
        return b"".join(chunks)
    except OSError as error:
        raise InputError(f"cannot be read ({error.strerror or error})", file=path) from None
    finally:
        os.close(handle)


def spelled_as(name: str, names: list[str]) -> str:
    """`name` as one of `names` spells it when the two differ only in how Unicode writes its accents: `é` typed as
    one character (NFC, as keyboards and issue.toml give it) and saved as `e` and a combining accent (NFD, as older
    Macs' disks, and zips and copies made there, keep names); `name` itself otherwise."""
    wanted = unicodedata.normalize("NFC", name)
    same = [other for other in names if unicodedata.normalize("NFC", other) == wanted]
    return name if name in same or len(same) != 1 else same[0]


def as_saved(path: Path) -> Path:
    """`path` with its file's name as the folder spells it (spelled_as): `photos/bogotá.jpg` written in a story finds
    the photo saved decomposed; `path` itself when it is there, or no other spelling is."""
    try:
        if path.name.isascii() or path.exists() or path.is_symlink():
            return path
        return path.with_name(spelled_as(path.name, os.listdir(path.parent)))
    except (OSError, ValueError):  # a name too long, a folder that is not there: the reader names it
        return path


def leads_outside(path: Path, folder: Path) -> bool:
    """Whether `path`, its symlinks followed, is outside `folder`. A symlink loop is not: it leads nowhere, and
    reading it says what it is (Python 3.11's resolve() raises RuntimeError on one)."""
    try:
        return not path.resolve().is_relative_to(folder.resolve())
    except (RuntimeError, OSError):
        return False


def inside_issue(path: Path, folder: Path) -> Path:
    """`path`, a file of the issue folder `folder` that the build reads into its outputs (a story, issue.toml,
    calendar.csv); an InputError when it is a symlink leading outside the folder: a story linked to
    /proc/self/environ or ~/.ssh/id_rsa would be sent to every subscriber. A link to anything but a regular file
    (broken, a device, a FIFO) is the reader's to name, as it names one inside the folder."""
    if path.is_file() and leads_outside(path, folder):
        raise InputError(
            f"is a symlink that leads outside the issue folder (to {os.path.realpath(path)!r}): nothing outside the "
            "issue is published with it; copy the file into the issue folder",
            file=path,
        )
    return path


def read_text(path: Path, *, limit: int = STORY_LIMIT, what: str = "a story file", data: bytes | None = None) -> str:
    """Read a file as UTF-8 (or as the UTF-16 its byte order mark says: Windows Notepad's "Unicode") with Unix line
    ends; the mark is dropped. `data`: its bytes, when they were read already (the preview reads a story's bytes once,
    to know whether they changed, and parses those very bytes)."""
    if data is None:
        data = read_file(path, limit=limit, what=what)
    bom, name = next(((bom, name) for bom, name in BOMS if data.startswith(bom)), (b"", "utf-8"))
    try:
        text = data[len(bom) :].decode(name)
    except UnicodeDecodeError as error:
        # (a stray NUL in UTF-8 text that decodes is read, and named: clean_lines)
        if name == "utf-8" and b"\x00" in data[:NUL_SNIFF]:
            raise InputError(f"is not text: {BINARY}; save it as UTF-8 text", file=path) from None
        at = len(bom) + error.start
        line = data[len(bom) : at].decode(name).count("\n") + 1
        said = "UTF-8" if name == "utf-8" else "UTF-16, as its byte order mark says"
        raise InputError(
            f"is not {said}: byte 0x{data[at]:02x} at byte offset {at}; save the file as UTF-8", file=path, line=line
        ) from None
    if not text.strip():
        raise InputError("is empty", file=path)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def clean_lines(text: str, file: str, notices: list[Notice], *, keep_tabs: bool = False) -> list[str]:
    """Lines with pasted junk removed (and reported), odd spaces made plain, ends trimmed. Markdown keeps its
    tabs: they indent code, and separate the cells of a table pasted from a spreadsheet."""
    spaces = KEEP_TABS if keep_tabs else SPACES
    lines = []
    for number, line in enumerate(text.split("\n"), start=1):
        found = STRAY.findall(line)
        if found:
            names = sorted({f"U+{ord(char):04X}" for char in found})
            notices.append(
                Notice(
                    message=f"removed {len(found)} invisible character(s) ({', '.join(names)})",
                    source=Source(file=file, line=number),
                    hint="read the line again: those characters are gone from the email",
                )
            )
            line = STRAY.sub("", line)
        separators = SEPARATORS.findall(line)
        if separators:
            names = sorted({f"U+{ord(char):04X}" for char in separators})
            notices.append(
                Notice(
                    message=f"replaced {len(separators)} line separator(s) ({', '.join(names)}) with spaces",
                    source=Source(file=file, line=number),
                    hint="break the line with Enter if you meant a new paragraph",
                )
            )
            line = SEPARATORS.sub(" ", line)
        lines.append(spaces.sub(" ", line).rstrip())
    return lines


def clean_value(value: str) -> str:
    return SPACES.sub(" ", STRAY.sub("", value)).strip()


ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "sen",
    "rep",
    "gov",
    "gen",
    "col",
    "lt",
    "prof",
    "jr",
    "sr",
    "no",
    "vs",
    "jan",
    "feb",
    "mar",
    "apr",
    "aug",
    "sept",
    "sep",
    "oct",
    "nov",
    "dec",
}


# The states as AP's datelines abbreviate them, after the city and a comma: "HAYWARD, Calif. (AP) — ..."
STATES = set("Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev "
             "Okla Ore Pa Tenn Vt Va Wash Wis Wyo".split())  # fmt: skip
# A day's number before a month is a date in German ("bis zum 15. November"), the month capitalised as a sentence's
# first word would be; other languages write theirs in lower case ("15. listopadu"), which ends no sentence here.
MONTHS = set("Januar Jänner Februar März April Mai Juni Juli August September Oktober November Dezember".split())
# A quotation still open this far on never closes: the sentence ends at its first stop (and a paragraph of a
# million characters is not read to its end for the few words a preheader takes)
QUOTED_SENTENCE = 1000


def first_sentence(text: str) -> str:
    """The text up to the first full stop, question or exclamation mark that ends a sentence, outside quotation
    marks ("She said: “No. Never.”" is one sentence), else (a quotation never closed) up to the first."""
    text = " ".join(text.split())
    first, read, quotes = "", 0, [0, 0, 0]  # quotation marks counted on from the last stop
    for match in re.finditer(r"[.!?][’”\"')]*(?=\s+([A-Z“‘\"'(]\w*)|$)", text):
        start = match.start()
        before = text[text.rfind(" ", max(0, start - 40), start) + 1 : start]  # no abbreviation is longer
        # "U.S. President", "Sen. Warren", "HAYWARD, Calif. (AP)" and "am 15. Mai" do not end a sentence.
        if before.lower() in ABBREVIATIONS or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", before):
            continue
        if before in STATES and text[start - len(before) - 2 : start - len(before)] == ", ":
            continue
        if re.fullmatch(r"[0-3]?[0-9]", before) and match.group(1) in MONTHS:
            continue
        first = first or text[: match.end()]
        if start > QUOTED_SENTENCE:
            break
        quotes = [was + now for was, now in zip(quotes, quote_marks(text[read : match.end()]), strict=True)]
        read = match.end()
        if quotes[0] <= 0 and quotes[1] <= 0 and quotes[2] % 2 == 0:
            return text[: match.end()]
    return first or text


def quote_marks(text: str) -> list[int]:
    """How many quotations the text opens and leaves open: “ without its ”, ‘ without its ’ (an apostrophe, ’
    before a letter, closes nothing), and straight double quotes, open while their count is odd."""
    return [
        text.count("“") - text.count("”"),
        text.count("‘") - len(re.findall(r"’(?!\w)", text)),
        text.count('"'),
    ]


def shorten(text: str, limit: int) -> str:
    """Cut at a word boundary so the result, with its ellipsis, is under `limit` characters."""
    text = " ".join(text.split())
    if len(text) < limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:–—-") + "…"


def listed(texts: list[str]) -> str:
    """The first three of `texts` joined by commas, and how many more: "a", "b", "c" (+2 more)."""
    return ", ".join(texts[:3]) + (f" (+{len(texts) - 3} more)" if len(texts) > 3 else "")


def direction(text: str) -> str:
    """ "rtl" or "ltr" as the text's first strongly directional letter says (Unicode's rule for `dir="auto"`), ""
    when it has none (digits, punctuation)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return ""


def fold(text: str) -> str:
    """A key under which two spellings of the same headline compare equal."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


# ---------------------------------------------------------------------------------------------
# Keys in a settings file or front matter (TOML `key =`, YAML `key:`, a `[table]`), to name their line.
UNKNOWN_SHOWN = 5


def unknown_keys(data: dict[str, Any], known: set[str], path: Path | str, text: str, offset: int = 0) -> None:
    """Reject keys we do not know, suggesting the closest known one."""
    unknown = [key for key in data if key not in known]
    if not unknown:
        return
    hints = []
    for key in unknown[:UNKNOWN_SHOWN]:  # (the first few: 100,000 made a line of a megabyte)
        close = difflib.get_close_matches(str(key), sorted(known), n=1)
        hints.append(f"{key!r} (did you mean {close[0]!r}?)" if close else repr(key))
    more = f" (+{len(unknown) - UNKNOWN_SHOWN:,} more)" if len(unknown) > UNKNOWN_SHOWN else ""
    known_list = ", ".join(sorted(known))
    line = key_line(text, str(unknown[0]))
    raise InputError(
        f"unknown key(s) {', '.join(hints)}{more}; known keys: {known_list}",
        file=path,
        line=line + offset if line else None,
    )


def key_line(text: str, key: str) -> int | None:
    """The line `key` is set on (1-based), or None."""
    for number, line in enumerate(text.split("\n"), start=1):
        if re.match(rf"\s*\[?{re.escape(key)}\]?\s*[:=\]]", line):
            return number
    return None


def display_width(line: str) -> int:
    """Width in a monospaced terminal: wide East Asian characters take two columns, combining marks none."""
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line
    )
