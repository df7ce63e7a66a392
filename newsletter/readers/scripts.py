"""The scripts a line is written in, and its words counted in any of them: Chinese and Japanese, and Thai, Lao,
Burmese and Khmer, written without spaces between words; the marks that join a letter (Hindi's vowel signs, Thai's
tones), which `\\w` does not take; and the wide character classes that find them, compiled only when a page needs
them."""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

from newsletter.patterns import regex

# A sentence's full stop in each script: Latin, Chinese and Japanese, the danda of Hindi and Bengali, Urdu's, Burmese's,
# Khmer's and Amharic's
FULL_STOPS = (".", "。", "।", "۔", "။", "។", "።")


class Later:
    """A pattern compiled the first time it is used (Python's `re` compiles in Python: a wide or long pattern
    takes milliseconds, which a page that never needs it should not pay)."""

    def __init__(self, source: str) -> None:
        self.source = source

    @functools.cached_property
    def compiled(self) -> re.Pattern[str]:
        return regex(self.source)

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled.search(text)


class Characters(Later):
    """A character class used only once a text holds one of its characters (its lowest is `lowest`): a class this
    wide takes 3 ms to compile, and most pages are in no such language. Has search, findall and sub."""

    def __init__(self, source: str, lowest: str) -> None:
        super().__init__(source)
        self.above = re.compile(f"[{lowest}-\U0010ffff]")  # a class of one range compiles at once, and `re` scans a
        # long text for it faster than max() walks it

    def could_be_in(self, text: str) -> bool:
        return self.above.search(text) is not None

    def search(self, text: str) -> re.Match[str] | None:
        return super().search(text) if self.could_be_in(text) else None

    def findall(self, text: str) -> list[str]:
        return self.compiled.findall(text) if self.could_be_in(text) else []

    def sub(self, replacement: str, text: str) -> str:
        return self.compiled.sub(replacement, text) if self.could_be_in(text) else text


CJK_RANGE = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Japanese, Chinese
CJK = Characters(f"[{CJK_RANGE}]", "\u3040")
# Thai, Lao, Burmese and Khmer are written without spaces between words too: a word is some three letters, once
# its marks are dropped ("การเลือกตั้ง", an election: nine letters, three words)
SPACELESS_RANGE = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
SPACELESS = Characters(f"[{SPACELESS_RANGE}]", "\u0e00")
LETTERS_A_WORD = 3


def words_of(line: str) -> int:
    """Words in a line; in a language written without spaces, two characters count as one (Japanese, Chinese) or
    three letters (Thai, Lao, Burmese, Khmer)."""
    if not MARKS.could_be_in(line):
        return len(re.findall(r"\w+", line))  # Latin letters, no mark, no such script: most lines, counted at once
    line = unmarked(line)
    cjk, spaceless = len(CJK.findall(line)), len(SPACELESS.findall(line))
    if not cjk and not spaceless:
        return len(re.findall(r"\w+", line))
    rest = SPACELESS.sub(" ", CJK.sub(" ", line))
    return len(re.findall(r"\w+", rest)) + (cjk + 1) // 2 + (spaceless + LETTERS_A_WORD - 1) // LETTERS_A_WORD


# Unicode's marks, which join the letter before them: Hindi's and Bengali's vowel signs, Thai's vowels and tones,
# Hebrew's and Arabic's points, a decomposed accent. Python's `\w` takes none of them: "भारत" would be three words
# (a class of their ranges, found and taken out by `re`: a table for str.translate looked up every character of
# every line with a curly quote, and took a third of the reader's time)
FIRST_MARK = "\u0300"
MARK_CODES = [
    code
    for start, end in ((0x300, 0x1D00), (0x1DC0, 0x1E00), (0x20D0, 0x2100), (0xFE20, 0xFE30))
    for code in range(start, end)
    if unicodedata.category(chr(code))[0] == "M"
]
MARKS = Characters(
    "["
    + "".join(
        f"{chr(run[0])}-{chr(run[-1])}"
        for run in (
            [code for _, code in group]
            for _, group in itertools.groupby(enumerate(MARK_CODES), key=lambda pair: pair[1] - pair[0])
        )
    )
    + "]",
    FIRST_MARK,
)


def spaceless(line: str) -> bool:
    """Half the line's letters at least are Thai, Lao, Burmese or Khmer."""
    found = len(SPACELESS.findall(line))
    return found > 0 and 2 * found >= len(re.sub(r"\s", "", unmarked(line)))


def unmarked(text: str) -> str:
    """The text without its marks, its words whole for the count ("भारत", "การเลือกตั้ง")."""
    return MARKS.sub("", text)
