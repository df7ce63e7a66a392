"""A value for a mail header (a name, an address, a subject, a link) -> why it cannot go into one, if it
cannot: one rule for build, check, send and export."""

from __future__ import annotations

import re
import unicodedata

from .patterns import regex

# What str.splitlines() breaks on, and so what the email package may read as the end of a header line.
LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
# An RFC 2047 encoded word: =?charset?B or Q?text?=. Python 3.11/3.12's email package decodes these in
# names, addresses and unstructured headers, and writes a decoded CR LF as a header of its own.
# Loose on purpose (whitespace inside, any charset): the parser accepts such words with a mere "defect".
ENCODED_WORD = regex(r"=\?([^?]*)\?([bBqQ])\?(.*?)\?=", re.DOTALL)
DECODE_DEPTH = 4  # an encoded word may decode to another; nobody nests them honestly even twice


class HeaderProblem:
    """Why a value cannot go into a mail header: a line break or control character, as written or inside
    an encoded word. str() is the phrase after the value: "holds a line break"."""

    def __init__(self, char: str, *, encoded: bool):
        self.char = char
        self.encoded = encoded

    @property
    def forges(self) -> bool:
        """A line break: the rest of the value would become a header of its own (a Bcc, say)."""
        return self.char in LINE_BREAKS

    def __str__(self) -> str:
        what = "a line break" if self.forges else f"the control character U+{ord(self.char):04X}"
        if self.encoded:
            return f"holds an encoded word (=?...?=) that decodes to {what}"
        return f"holds {what}"


def header_problem(value: str) -> HeaderProblem | None:
    """The first reason `value` cannot be written into a mail header, checked as written and after
    decoding every RFC 2047 encoded word in it (on every Python, whatever its email package decodes)."""
    found = bad_char(value)
    if found:
        return HeaderProblem(found, encoded=False)
    texts = [value]
    for _ in range(DECODE_DEPTH):
        decoded = []
        for text in texts:
            for match in ENCODED_WORD.finditer(text):
                raw, word = decode_word(match)
                # Bytes first: a charset Python does not know is read as ASCII with the bytes kept.
                found = next((chr(byte) for byte in raw if (byte < 0x20 and byte != 0x09) or byte == 0x7F), None)
                found = found or bad_char(word)
                if found:
                    return HeaderProblem(found, encoded=True)
                decoded.append(word)
        if not decoded:
            return None
        texts = decoded
    return HeaderProblem("\n", encoded=True)  # nested deeper than anyone writes honestly: refuse as a forgery


def bad_char(text: str) -> str | None:
    for char in text:
        if char in LINE_BREAKS or (char != "\t" and unicodedata.category(char) in ("Cc", "Zl", "Zp")):
            return char
    return None


def decode_word(match: re.Match[str]) -> tuple[bytes, str]:
    """An encoded word's bytes and text, decoded leniently: whatever a mail parser might make of it."""
    import base64
    import binascii

    charset, kind, payload = match.group(1).partition("*")[0], match.group(2).lower(), match.group(3)
    if kind == "q":
        data = re.sub(
            rb"=([0-9A-Fa-f]{2})",
            lambda hexa: bytes([int(hexa.group(1), 16)]),
            payload.replace("_", " ").encode("utf-8", "surrogateescape"),
        )
    else:
        letters = re.sub(r"[^A-Za-z0-9+/]", "", payload)
        try:
            data = base64.b64decode(letters + "=" * (-len(letters) % 4))
        except (binascii.Error, ValueError):
            data = base64.b64decode(letters[: len(letters) // 4 * 4]) if len(letters) >= 4 else b""
    try:
        text = data.decode(charset or "ascii", "replace")
    except LookupError:
        text = data.decode("latin-1")
    return data, text
