"""The plain-text email, designed as text: 72 columns, links as numbered references."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from newsletter.models import Block, Colors, Issue, Results
from newsletter.text import display_width
from newsletter.words import ENGLISH, Words, long_date, short_date, when, words_for

from .body import Group, body_groups, byline, card_text, is_bare, shown, standfirst, story_link
from .results import ResultLine, ResultTable, result_table
from .view import Prepared, context, prepare

TEXT_WIDTH = 72


def text_results(results: Results, words: Words | None = None) -> list[str]:
    """The table in columns: names and parties padded, figures right-aligned, changes in words ("up 3.2"),
    and a bar of blocks whose room is 100% (a │ at 50% in a two-way contest); then the parliament as
    aligned blocks with the majority marked, and the sentence saying who reaches it."""
    words = words or words_for(ENGLISH)
    table = result_table(results, Colors(), words)
    columns: list[tuple[str, bool, Callable[[ResultLine], str]]] = [
        (table.name_label, False, lambda line: line.name + (" ✓" if line.elected else "")),
    ]
    columns += [
        (title, right, cell)
        for title, right, cell, shown in (
            (words.party, False, lambda line: line.party, table.party),
            (words.share, True, lambda line: line.share, table.share),
            (words.change, True, lambda line: line.change_short, table.change),
            (words.votes, True, lambda line: line.votes, table.votes),
            (words.seats, True, lambda line: line.seats, table.seats),
            (words.seat_change, True, lambda line: line.seats_change_short, table.seats_change),
        )
        if shown
    ]
    rows = [[title for title, _, _ in columns]] + [[cell(line) for _, _, cell in columns] for line in table.lines]
    widths = [max(display_width(row[column]) for row in rows) for column in range(len(columns))]
    room = TEXT_WIDTH - sum(widths) - 2 * len(widths) - (table.mark is not None)  # the mark takes a column
    # Too little room beside the columns (long names, many columns): each bar goes on a line of its own
    beside = room >= 12
    bar_room = min(room if beside else TEXT_WIDTH - 3, 40)
    bar_room -= bar_room % 2 if table.mark is not None else 0  # 50% falls between two columns
    out = underline(results.title, "·") if results.title else []
    if results.turnout:
        out += wrap(f"{words.turnout}{words.colon}{results.turnout}")
    for number, row in enumerate(rows):
        padded = [
            pad(cell, width, right=right) for cell, width, (_, right, _) in zip(row, widths, columns, strict=True)
        ]
        bar = "" if number == 0 else text_bar(table.lines[number - 1].width, bar_room, table.mark)
        if beside:
            out.append(("  ".join(padded) + "  " + bar).rstrip())
        else:
            out += ["  ".join(padded).rstrip()] + (["  " + bar] if bar else [])
    if table.parliament:
        out += [""] + text_parliament(table, words)
    for sentence in table.footnote:
        out += wrap(sentence)
    return out + [""]


def text_bar(width: float, room: int, mark: float | None) -> str:
    """Blocks for `width` percent of `room` columns (to half a column: ▌), and a │ at `mark` percent, set
    between the columns so that every bar keeps its length."""
    halves = round(width / 100 * room * 2)
    blocks = "█" * (halves // 2) + "▌" * (halves % 2)
    if mark is None:
        return blocks
    at = round(mark / 100 * room)
    return (blocks[:at].ljust(at) + "│" + blocks[at:]).rstrip()


def text_parliament(table: ResultTable, words: Words) -> list[str]:
    """Each party's seats as blocks on one shared line of the chamber, one party a line, set where the
    party before it ends, so the lines read as one bar; a │ marks the majority on every line."""
    results = table.results
    total, majority = results.seats_total or 1, results.majority or 1
    seated = [line for line in table.lines if line.seats and line.seats != "0"]
    names = max(display_width(line.name) for line in seated) if seated else 0
    room = max(min(TEXT_WIDTH - names - 3, 48), 20)
    at = round(majority / total * room)
    out = wrap(words.say("seats_majority", total=total, majority=majority))
    held = 0
    for line in seated:
        start = round(held / total * room)
        held += int(line.seats)
        blocks = " " * start + "█" * (round(held / total * room) - start)
        out.append((pad(line.name, names, right=False) + "  " + blocks[:at].ljust(at) + "│" + blocks[at:]).rstrip())
    return out + wrap(table.majority_line + ".")


def pad(cell: str, width: int, *, right: bool) -> str:
    space = " " * (width - display_width(cell))
    return space + cell if right else cell + space


def text_calendar(issue: Issue, words: Words) -> list[str]:
    out = [""] + underline(words.elections_ahead, "-") + [""]
    for election in issue.elections:
        day = f"{short_date(election.date, issue.date, issue.brand.language)} ({when(election.days, words)})"
        note = f". {election.note}" if election.note else ""
        out += wrap(f"{day}{words.colon}{election.country}, {election.election}{note}", indent="  ", first="* ")
    return out + [""]


class References:
    """Numbered links, listed under the story that holds them."""

    def __init__(self) -> None:
        self.count = 0
        self.pending: list[tuple[int, str]] = []

    def add(self, url: str) -> int:
        self.count += 1
        self.pending.append((self.count, url))
        return self.count

    def flush(self) -> list[str]:
        lines = [f"[{number}] {url}" for number, url in self.pending]
        self.pending = []
        return lines


def wrap(text: str, indent: str = "", first: str | None = None) -> list[str]:
    # URLs and other long words are never broken, only moved to the next line.
    text = " ".join(text.split())
    if display_width(text) > len(text):  # Chinese or Japanese: no spaces to break at, and two columns a character
        return wide_wrap(text, indent, indent if first is None else first)
    return textwrap.wrap(
        text,
        width=TEXT_WIDTH,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [""]


def wide_wrap(text: str, indent: str, first: str) -> list[str]:
    """`text` in lines of TEXT_WIDTH columns at most, a wide character counted as two: words apart as textwrap puts
    them, and a word of wide characters broken where Unicode's line breaking allows (never before "，" or "。", never
    after "「"); a word of narrow ones (a URL) never broken."""
    from uniseg.linebreak import line_break_units

    lines: list[str] = []
    line = first
    bare = True  # nothing of the text on the line yet
    for word in text.split(" "):
        pieces = list(line_break_units(word)) if display_width(word) > len(word) else [word]
        for k, piece in enumerate(pieces):
            joined = piece if bare or k else f" {piece}"  # (a word's pieces go on without a space)
            if not bare and display_width(line) + display_width(joined) > TEXT_WIDTH:
                lines.append(line)
                line, joined = indent, piece
            line += joined
            bare = False
    return [*lines, line]


def underline(text: str, char: str) -> list[str]:
    lines = wrap(text)
    return lines + [char * max(display_width(line) for line in lines)]


def span_text(block: Block, refs: References) -> str:
    """The block's text, each link followed by its reference: one link written in runs (`[in *Nature*](url)`, a
    plain run then an italic one) is one link with one reference, after its last word ("in Nature [3]", not
    "in [3]Nature [4]")."""
    parts: list[str] = []
    link, words = "", ""  # the link being gathered, and its text so far

    def close() -> None:
        nonlocal link, words
        if link:
            text = words.rstrip()
            parts.append(f"{text} [{refs.add(link)}]{words[len(text) :]}")
        link, words = "", ""

    for span in block.spans:
        if span.href and not is_bare(span):
            if span.href != link:
                close()
                link = span.href
            words += shown(span)
            continue
        close()
        parts.append(shown(span) if span.href else span.text)
    close()
    return "".join(parts)


def text_body(groups: list[Group], refs: References, words: Words) -> list[str]:
    lines: list[str] = []
    for group in groups:
        if group.kind == "pull" and group.quote is not None:
            lines += wrap(f"“{group.quote.text}”", indent="    ")
            if group.quote.attribution:
                lines += wrap(f"— {group.quote.attribution}", indent="    ")
            lines.append("")
            continue
        for number, block in enumerate(group.blocks, start=1):
            text = span_text(block, refs)
            if group.kind == "li":
                lines += wrap(text, indent="   ", first=" * ")
            elif group.kind == "oli":
                lines += wrap(text, indent="    ", first=f"{number:>2}. ")
            elif block.kind == "h":
                lines += underline(text, "-")
            elif block.kind == "quote":
                lines += wrap(text, indent="  > ")
            elif block.kind == "results" and block.results is not None:
                lines += text_results(block.results, words)
                continue
            elif len(block.spans) == 1 and block.spans[0].code:
                lines += ["    " + line for line in block.spans[0].text.splitlines()]
            else:
                lines += wrap(text)
            if group.kind == "p":
                lines.append("")
        if group.kind in ("li", "oli"):
            lines.append("")
    return lines


def render_text(issue: Issue | Prepared, *, unsubscribe: str | None = None, web: str | None = None) -> str:
    """The plain-text email: same content, same order, 72 columns, links as numbered references."""
    ready = prepare(issue).email
    issue = ready.issue
    values = context(ready, unsubscribe=unsubscribe, web=web)
    links, brand, lead, words = values["links"], issue.brand, issue.lead, values["words"]
    refs = References()
    number = f"{words.say('issue_number', number=issue.number)} · " if issue.number is not None else ""
    out = [brand.name.upper(), number + long_date(issue.date, brand.language)]
    if links["web"]:
        out.append(f"{words.view_in_browser}{words.colon}{links['web']}")
    out += ["", "=" * TEXT_WIDTH, ""]
    if values["contents"]:
        out += underline(words.in_this_issue, "-") + [""]
        for entry in values["contents"]:
            out += [f"  {entry.title.upper()}"] if entry.heading else wrap(entry.title, indent="    ", first="  * ")
        out.append("")
    if values["intro"]:
        out += text_body(values["intro"], refs, words)
        out += refs.flush() + [""] if refs.pending else []

    if lead.section:
        out.append(lead.section.upper())
    out += underline(lead.headline, "=")
    if byline(lead, words):
        out.append(byline(lead, words))
    out.append("")
    if lead.image.src and (lead.caption or lead.credit):
        out += wrap(words.photo + words.colon + " — ".join(part for part in (lead.caption, lead.credit) if part))
        out.append("")
    if lead.excerpt_from:
        out += wrap(lead.teaser) + ["", f"{words.say('read_at', site=lead.excerpt_from)} [{refs.add(lead.url)}]", ""]
    else:
        if standfirst(lead):
            out += wrap(standfirst(lead)) + [""]
        out += text_body(ready.lead_body, refs, words)
        if lead.url:
            out += [f"{words.read_full_story} [{refs.add(lead.url)}]", ""]
    if refs.pending:
        out += refs.flush() + [""]
    if issue.elections:
        out += text_calendar(issue, words)

    for section in issue.sections:
        out += [""]
        out += underline(section.heading, "-")
        out.append("")
        for story in section.stories:
            title, teaser = card_text(story)
            link = story_link(story, links["web"])
            if story.layout == "full":
                out += underline(f"{title} [{refs.add(link)}]" if link else title, "~")
                out += [byline(story, words)] if byline(story, words) else []
                out.append("")
                if standfirst(story):
                    out += wrap(standfirst(story)) + [""]
                out += text_body(body_groups(story), refs, words)
                out += refs.flush() + [""] if refs.pending else []
                continue
            title = f"{title} [{refs.add(link)}]" if link else title
            out += wrap(title, indent="  ", first="* ")
            if byline(story, words):
                out += wrap(byline(story, words), indent="  ")
            if teaser:
                out += wrap(teaser, indent="  ")
            if story.excerpt_from:
                out += wrap(words.say("read_at", site=story.excerpt_from), indent="  ")
            out += ["  " + line for line in refs.flush()]
            out.append("")

    if values["signoff"]:
        out += text_body(values["signoff"], refs, words)
        out += refs.flush() + [""] if refs.pending else []
    out += ["-" * TEXT_WIDTH, ""]
    out += wrap(words.say("subscribed", brand=brand.name) + (f" {words.reply}" if brand.sender.email else ""))
    out.append(f"{words.unsubscribe}{words.colon}{links['unsubscribe']}")
    if brand.postal_address:
        out += wrap(brand.postal_address)
    return "\n".join(line.rstrip() for line in out).rstrip() + "\n"
