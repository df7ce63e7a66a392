"""A paragraph -> a pull quote, only when its speaker is certain: a name (or title and name) and a speech verb
beside the quotation, in the same sentence. A pronoun, a clause or a later sentence is never an attribution.
"""

from __future__ import annotations

import re

from newsletter.models import PullQuote
from newsletter.patterns import regex
from newsletter.readers.scripts import Later  # these three take 7 ms to compile; most quotations need none

QUOTE = regex(r"[“\"](?P<text>[^“”\"]{20,}?)[”\"]")
VERB = r"(?:says|said|told|tells|adds|added|warns|warned|explains|explained|notes|noted|argues|argued|" \
       r"insists|insisted|" \
       r"writes|wrote|recalls|recalled|claims|claimed|stresses|stressed|declares|declared|according to)"  # fmt: skip
# A name, or a title and a name: capitalised words (Liz, Shuler, AFL-CIO, O’Neill, Jr.), with the lowercase words
# a title is made of in between ("Eurasia Group’s Russia expert Alex Brideau"); it ends on a capitalised word.
CAP = r"(?:[A-Z][\w’'\-.]*|[A-Z]{2,}[\w\-]*)"
TITLE_WORD = r"(?:of|the|for|at|and|on|de|van|von|al|bin|expert|analyst|spokesperson|spokesman|spokeswoman|" \
             r"president|minister|secretary|director|chief|head|leader|professor|senator|governor|mayor|" \
             r"adviser|advisor|economist|researcher|fellow|founder|chair|chairman|chairwoman|executive|" \
             r"officer|official|ambassador|envoy|general|commander|editor|correspondent|candidate|lawmaker|" \
             r"strategist|pollster|author|lawyer|attorney|deputy|former|senior|vice)"  # fmt: skip
NAME = rf"{CAP}(?:\s+(?:{CAP}|{TITLE_WORD}))*?\s+{CAP}|{CAP}"
NOT_NAMES = {
    "he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "this", "that", "these", "those", "there",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "the", "a", "an", "in", "on", "but", "and", "officials", "police", "reporters",
}  # fmt: skip
TITLE_WORDS = frozenset(TITLE_WORD[3:-1].split("|"))


# After the quotation: `,” NAME said` / `,” said NAME,` / `,” so that ..., says NAME.` (same sentence)
AFTER_NAME_VERB = Later(rf"^[\s,]*(?P<who>{NAME})\s+{VERB}\b")
AFTER_VERB_NAME = Later(rf"(?:^|,)\s*{VERB}\s+(?P<who>{NAME})\s*(?:[.,;]|$)")
# Before the quotation: `NAME said: “...` / `According to NAME, “...`
BEFORE = Later(rf"(?:^|[.!?]\s+|,\s+)(?:(?P<who>{NAME})\s+{VERB}|(?i:according to)\s+(?P<who2>{NAME})),?:?\s*$")
# Every attribution names a speech verb: a text without one of these in it matches none of the three.
VERB_WORDS = tuple(VERB[3:-1].split("|"))


def find_quote(paragraph: str) -> PullQuote | None:
    """The paragraph's first quotation whose speaker is certain, or None."""
    for quote in QUOTE.finditer(paragraph):
        if len(quote.group("text").split()) < 4:
            continue
        # A quotation that ends with a full stop ends its sentence: what follows is another sentence.
        after = "" if quote.group("text").rstrip().endswith(".") else sentence_after(paragraph[quote.end() :])
        if not quote.group("text").lstrip("…. ")[:1].isupper():
            after = ""  # a fragment quoted inside a sentence ("was “pulled into the enterprise,” Cook said")
        who = speaker(after, sentence_before(paragraph[: quote.start()]))
        if who:
            text = quote.group("text").strip().rstrip(",")
            if text[-1] not in ".!?…":
                text += "."
            return PullQuote(text=text, attribution=who)
    return None


# A full stop that ends a sentence: not the one of an initial or a title ("U.S. Attorney", "Dr. Ruiz")
SENTENCE_END = regex(
    r"(?<!\b[A-Z])(?<!Mr)(?<!Ms)(?<!Dr)(?<!St)(?<!Jr)(?<!Sr)(?<!Gen)(?<!Sen)(?<!Rep)(?<!Gov)"
    r"[.!?](?=\s+[A-Z“\"]|\s*$)"
)


def sentence_after(text: str) -> str:
    """The rest of the quotation's sentence: up to the first full stop that ends a sentence."""
    end = SENTENCE_END.search(text)
    return text[: end.start() + 1] if end else text


def sentence_before(text: str) -> str:
    starts = list(re.finditer(r"[.!?][”\"]?\s+(?=[A-Z“\"])", text))
    return text[starts[-1].end() :] if starts else text


def has_verb(text: str) -> bool:
    folded = text.lower()  # "According to" is matched in any case
    return any(verb in folded for verb in VERB_WORDS)


def speaker(after: str, before: str) -> str:
    for pattern, text in ((AFTER_NAME_VERB, after), (AFTER_VERB_NAME, after)):
        match = pattern.search(text) if has_verb(text) else None
        if match and certain(match.group("who")):
            return tidy(match.group("who"))
    match = BEFORE.search(before) if has_verb(before) else None
    if match:
        who = match.group("who") or match.group("who2")
        if who and certain(who):
            return tidy(who)
    return ""


def certain(who: str) -> bool:
    words = who.split()
    if not words or words[0].lower() in NOT_NAMES or words[-1].lower().strip(".") in NOT_NAMES:
        return False
    return all(word[0].isupper() or word in TITLE_WORDS for word in words)


def tidy(who: str) -> str:
    """The name without the full stop that ended its sentence ("Jr." keeps its own)."""
    who = who.strip()
    return who[:-1] if who.endswith(".") and not re.search(r"\b(?:Jr|Sr|[A-Z])\.$", who) else who
