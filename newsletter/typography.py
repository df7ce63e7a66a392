"""Story text -> the same words set as a typographer would: curly quotes and apostrophes, dashes and
ellipses (smartypants), never inside code or a URL."""

from __future__ import annotations

import html
import re

from .models import Block, PullQuote, Story
from .patterns import regex

# What smartypants must not touch: addresses (a `--` or `'` in a URL is part of it) and email addresses.
# Punctuation that ends a sentence or closes a quote after an address is not part of it.
ADDRESS = regex(r"(?:https?://|mailto:|www\.)[^\s<>\"]*[^\s<>\".,;:!?'’”)\]]|[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
# smartypants opens a quote before a year cut short ('90s, '26); it is an apostrophe.
YEAR = regex(r"‘(?=\d\d(?:s\b|\b))")
SPAN_MARK = "<x-span>"  # joins a block's spans, so quotes across a bold or linked word pair up
# What smartypants changes with attributes() below: quotes, "--" and "...". Text without any is left as it is.
SMARTENED = regex(r"['\"]|--|\.\.\.|\. \. \.")
# A straight quote standing alone beside another quote mark, a space between them: smartypants sees only the space
# and closes `" 'There` while opening `brain.' "`. Before an opening mark it opens; after a closing one it closes.
BEFORE_OPENING = regex(r"(?<!\S)[\"'](?=\s[\"'“‘]\S)")
AFTER_CLOSING = regex(r"(?<=\S[\"'”’]\s)[\"'](?!\S)")
# Arabic joins a one-letter prefix (bi-, wa-, li-, ka-, fa-; two of them: wa-bi-) to the quoted word, often by a
# tatweel: `بـ"الجيش الحر"`, `و"الدولة"`. The quote after it opens, though a letter comes before it.
ARABIC_PREFIXED = regex(r'(?<![^\s(\[«])[وفبلك]{1,2}\u0640?(")(?=\w)')
OPENING = {'"': "“", "'": "‘"}
CLOSING = {'"': "”", "'": "’"}


def attributes() -> int:
    import smartypants

    attr = smartypants.Attr
    # Quotes, "--" as an em dash, "..." as an ellipsis, written as characters (not entities); no backticks.
    return int(attr.q | attr.d | attr.e | attr.u)


def smarten(text: str) -> str:
    """Plain text with typographer's punctuation."""
    return smarten_pieces([(text, False)])[0]


def smarten_pieces(pieces: list[tuple[str, bool]]) -> list[str]:
    """Runs of one paragraph, (text, is_code), set together so a quote opened in one run closes in the next;
    code runs come back as they went in."""
    import smartypants

    if not SMARTENED.search("".join(text for text, _ in pieces)):
        return [text for text, _ in pieces]  # nothing smartypants would change (it costs a tokenising per run)
    marked = []
    for text, code in facing(pieces):
        escaped = html.escape(text, quote=False)
        # Inside <code>, smartypants changes nothing: code and addresses go there.
        marked.append(f"<code>{escaped}</code>" if code else ADDRESS.sub(r"<code>\g<0></code>", escaped))
    result = smartypants.smartypants(paired(SPAN_MARK + SPAN_MARK.join(marked)), attributes())
    parts = result.split(SPAN_MARK)[1:]
    return [
        text if code else html.unescape(YEAR.sub("’", part.replace("<code>", "").replace("</code>", "")))
        for part, (text, code) in zip(parts, pieces, strict=True)
    ]


def facing(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Runs of one paragraph with each straight quote that stands beside another quote mark, a space between them,
    turned the way that mark goes: `" 'There is` opens both and `into his brain.' "` closes both, and each quote after
    an Arabic prefix opens. A quote that could go either way (after a closing mark and before an opening one) is left
    to smartypants, and so is code."""
    seen = "".join("x" * len(text) if code else text for text, code in pieces)  # code: neither a space nor a quote
    opening = {match.start() for match in BEFORE_OPENING.finditer(seen)}
    opening |= {match.start(1) for match in ARABIC_PREFIXED.finditer(seen)}
    closing = {match.start() for match in AFTER_CLOSING.finditer(seen)}
    turns = {k: OPENING[seen[k]] for k in opening - closing} | {k: CLOSING[seen[k]] for k in closing - opening}
    if not turns:
        return pieces
    turned = "".join(turns.get(k, char) for k, char in enumerate(seen))
    result, start = [], 0
    for text, code in pieces:
        result.append((text if code else turned[start : start + len(text)], code))
        start += len(text)
    return result


# Chinese and Japanese characters, their punctuation and full-width forms: written with no spaces between words
WIDE = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
# ... nor before an opening quote, so smartypants would close every straight quote there
CJK_QUOTE = regex(f'(?<=[{WIDE}])"|"(?=[{WIDE}])')
CODE = regex(r"(<code>.*?</code>)", re.S)


def paired(marked: str) -> str:
    """A paragraph whose straight double quotes stand against Chinese or Japanese characters, with each pair of them
    set as opening and closing in turn ('元！"中国诺贝尔奖"首位' -> '元！“中国诺贝尔奖”首位'); an odd count, or none
    against such a character, is left to smartypants. Never inside code."""
    parts = CODE.split(marked)
    prose = [part for k, part in enumerate(parts) if k % 2 == 0]
    quotes = sum(part.count('"') for part in prose)
    inches = any(re.search(r'\d"', part) for part in prose)  # 6.1" and 6.7": inch marks, not quotes
    if not quotes or quotes % 2 or inches or not any(CJK_QUOTE.search(part) for part in prose):
        return marked
    opened = False

    def turn(_: re.Match[str]) -> str:
        nonlocal opened
        opened = not opened
        return "“" if opened else "”"

    return "".join(part if k % 2 else re.sub('"', turn, part) for k, part in enumerate(parts))


def smarten_block(block: Block) -> Block:
    texts = smarten_pieces([(span.text, span.code) for span in block.spans])
    spans = [
        span if span.text == text else span.model_copy(update={"text": text})
        for span, text in zip(block.spans, texts, strict=True)
    ]
    return block.model_copy(update={"spans": spans}) if spans != block.spans else block


def typeset(story: Story) -> Story:
    """The story with typographer's punctuation in everything a reader sees as prose."""
    update: dict[str, object] = {
        key: smarten(getattr(story, key)) for key in ("headline", "teaser", "caption", "section", "byline")
    }
    update["body"] = [smarten_block(block) for block in story.body]
    update["pull_quotes"] = [
        PullQuote(text=smarten(quote.text), attribution=smarten(quote.attribution)) for quote in story.pull_quotes
    ]
    if story.image.alt:
        update["image"] = story.image.model_copy(update={"alt": smarten(story.image.alt)})
    return story.model_copy(update=update)
