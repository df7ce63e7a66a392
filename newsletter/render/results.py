"""Results tables, as every output shows them, in the issue's words.

A bar's length is its share of 100% (the row is 100%; `scale: leader` draws the largest share across the
row instead), with a mark at 50% in a two-way contest; a table with a majority gets a parliament bar, one
row of cells in party colours with the majority marked. Everything a template needs about a table is worked
out here once: a template that asked each row about the whole table would cost time in the square of its rows.
"""

from __future__ import annotations

from typing import NamedTuple

from newsletter.colour import lighter_on, readable_on
from newsletter.models import Colors, Issue, ResultRow, Results
from newsletter.words import ENGLISH, Words, words_for

BAR_CONTRAST = 3.0  # WCAG 2.1 non-text contrast: a bar against the page it is drawn on
MINUS = "\u2212"


class Segment(NamedTuple):
    """A piece of a bar's row: `width` percent of it, in `colour` (None: the empty rest of the row)."""

    width: float
    colour: str | None = None
    mark: bool = False  # the 50% or majority mark stands at its left edge
    label: str = ""  # the party, for the parliament bar's cells

    @property
    def css(self) -> str:
        """The class that gives the colour its dark-mode shade (dark_bars)."""
        return colour_class(self.colour) if self.colour else ""


class ResultLine(NamedTuple):
    """One row of a results table as every output shows it."""

    name: str
    party: str
    share: str  # "42.5%", as counted or as the block gave it; "" in a table of seats alone
    votes: str  # "11,281,013", or "" when the table has no votes
    seats: str
    change: str  # "+3.2", "−1.1", "0.0" (points); "" when not given
    change_words: str  # "up 3.2 points": for screen readers
    change_short: str  # "up 3.2": for the plain text, whose column says what it counts
    seats_change: str  # "+3", "−2"
    seats_change_words: str  # "up 3 seats"
    seats_change_short: str  # "up 3"
    elected: bool
    bar: str  # the bar's colour
    figure: str  # the share's colour: the bar's, darkened where it would not read on the page
    width: float  # the bar's length in percent of the row
    segments: tuple[Segment, ...]  # the bar's row, cut where the 50% mark stands


class ResultTable(NamedTuple):
    """A results block as the outputs show it: its rows, which columns it has, its bars and its sentences."""

    results: Results
    name_label: str  # the first column's title: the block's own, else the issue's word for "Name"
    lines: list[ResultLine]
    party: bool
    share: bool
    votes: bool
    seats: bool
    change: bool
    seats_change: bool
    mark: float | None  # where the 50% mark stands, in percent of the row
    parliament: tuple[Segment, ...]  # the seats in one row, the majority marked; () without a majority
    majority_at: float | None  # where the majority mark stands on the parliament bar, in percent
    majority_line: str  # "PAS 55 of 101; majority 51"
    parliament_label: str  # the parliament bar in words, for screen readers
    footnote: list[str]

    @property
    def columns(self) -> int:
        return 1 + sum((self.party, self.share, self.votes, self.seats, self.change, self.seats_change))


def result_table(results: Results, colors: Colors, words: Words | None = None) -> ResultTable:
    """`results` as every output shows it, in `words` (the issue's; English unless given)."""
    words = words or words_for(ENGLISH)
    rows = results.rows
    share = any(row.share is not None for row in rows)
    if share:
        values = [min(row.share or 0.0, 100.0) for row in rows]
        top = 100.0 if results.scale == "full" else max(values, default=0.0) or 1.0
    else:  # a table of seats alone: each bar its part of the seats
        values = [float(row.seats or 0) for row in rows]
        top = float(results.seats_total or sum(row.seats or 0 for row in rows) or 1)
    two_way = len(rows) == 2 and share and results.scale == "full"
    mark = 50.0 if two_way else None
    lines = []
    for row, value in zip(rows, values, strict=True):
        bar = row.colour or colors.accent
        width = round(value / top * 100, 2)
        lines.append(
            ResultLine(
                name=row.name,
                party=row.party,
                share=f"{shown_share(row)}%" if row.share is not None else "",
                votes=f"{row.votes:,}" if row.votes is not None else "",
                seats=str(row.seats) if row.seats is not None else "",
                change=shown_change(row.change),
                change_words=change_words(row.change, "points", words),
                change_short=change_words(row.change, "", words),
                seats_change=shown_change(row.seats_change),
                seats_change_words=change_words(row.seats_change, "seats", words),
                seats_change_short=change_words(row.seats_change, "", words),
                elected=row.elected,
                bar=bar,
                figure=readable_on(bar, colors.background),
                width=width,
                segments=cut([Segment(width, bar), Segment(round(100 - width, 2))], mark),
            )
        )
    parliament, majority_at, majority_line, label = seat_bar(results, colors, words)
    default_name = results.name_label == Results.model_fields["name_label"].default
    return ResultTable(
        results=results,
        name_label=words.name_column if default_name else results.name_label,
        lines=lines,
        party=results.has("party"),
        share=share,
        votes=results.has("votes"),
        seats=results.has("seats"),
        change=results.has("change"),
        seats_change=results.has("seats_change"),
        mark=mark,
        parliament=parliament,
        majority_at=majority_at,
        majority_line=majority_line,
        parliament_label=label,
        footnote=results_footnote(results, words),
    )


def result_lines(results: Results, colors: Colors) -> list[ResultLine]:
    return result_table(results, colors).lines


def cut(segments: list[Segment], mark: float | None) -> tuple[Segment, ...]:
    """`segments` with none of zero width, the one that crosses `mark` cut in two there, and the piece that
    starts at `mark` marked."""
    out: list[Segment] = []
    start = 0.0
    for segment in segments:
        end = start + segment.width
        if mark is not None and start < mark < end:
            out += [
                Segment(round(mark - start, 2), segment.colour, False, segment.label),
                Segment(round(end - mark, 2), segment.colour, True, segment.label),
            ]
        elif segment.width > 0:
            marked = mark is not None and abs(start - mark) < 1e-9
            out.append(Segment(segment.width, segment.colour, marked, segment.label))
        start = end
    return tuple(out)


def seat_bar(results: Results, colors: Colors, words: Words) -> tuple[tuple[Segment, ...], float | None, str, str]:
    """The parliament: each party's seats as a cell of its colour, the seats not in the table as the rest,
    the majority marked; and the sentence saying who reaches the majority, alone or together."""
    if results.majority is None or results.seats_total is None:
        return (), None, "", ""
    total, majority = results.seats_total, results.majority
    seated = [row for row in results.rows if row.seats]
    pieces = [
        Segment(round((row.seats or 0) / total * 100, 2), row.colour or colors.accent, label=row.name) for row in seated
    ]
    rest = total - sum(row.seats or 0 for row in seated)
    if rest:
        pieces.append(Segment(round(rest / total * 100, 2)))
    at = round(majority / total * 100, 2)
    ranked = sorted(seated, key=lambda row: -(row.seats or 0))
    parties = ", ".join(f"{row.name} {row.seats}" for row in ranked)
    label = words.say("parliament", parties=parties, total=total, majority=majority)
    return cut(pieces, at), at, majority_sentence(ranked, total, majority, words), label


def majority_sentence(ranked: list[ResultRow], total: int, majority: int, words: Words) -> str:
    """ "PAS 55 of 101; majority 51", or the fewest parties, largest first, that reach it together."""
    if ranked and (ranked[0].seats or 0) >= majority:
        return words.say("majority_alone", party=ranked[0].name, seats=ranked[0].seats, total=total, majority=majority)
    together, held = [], 0
    for row in ranked:
        together.append(row.name)
        held += row.seats or 0
        if held >= majority:
            names = ", ".join(together[:-1]) + f" {words.list_and} " + together[-1]
            return words.say("majority_together", parties=names, seats=held, total=total, majority=majority)
    return words.say("no_majority", seats=held, total=total, majority=majority)


def shown_share(row: ResultRow) -> str:
    """The share as the block gave it or the count rounded it; an issue.json written before `shown` was
    kept (an older build that publish renders again) has its share to one decimal, as it was shown then."""
    return row.shown or f"{row.share or 0:.1f}"


def shown_change(change: str) -> str:
    return change.replace("-", MINUS)


def change_words(change: str, unit: str, words: Words) -> str:
    """ "+3.2" -> "up 3.2 points", "-2" -> "down 2 seats", "0.0" -> "no change"; `unit` "points", "seats" or ""
    for the short form, "up 3.2"."""
    if not change:
        return ""
    if change[0] not in "+-":
        return words.no_change
    amount, up = change[1:], change[0] == "+"
    if not unit:
        return words.say("up_short" if up else "down_short", amount=amount)
    units = {"points": (words.unit_point, words.unit_points), "seats": (words.unit_seat, words.unit_seats)}
    return words.say("up" if up else "down", amount=amount, unit=units[unit][amount != "1"])


def colour_class(colour: str) -> str:
    return "nl-c-" + colour.lstrip("#").lower()


def dark_bars(issue: Issue) -> list[tuple[str, str]]:
    """(class, shade) for each bar colour in the issue: the shade it takes on the dark page, the colour
    itself or, where it would show at under 3:1 there, the darkest lighter shade of its hue that does."""
    colors = issue.brand.colors
    found: dict[str, str] = {}
    for story in issue.stories:
        for block in story.body:
            for row in block.results.rows if block.results else []:
                colour = row.colour or colors.accent
                if colour not in found:
                    found[colour] = lighter_on(colour, colors.dark_background, BAR_CONTRAST)
    return [(colour_class(colour), shade) for colour, shade in sorted(found.items())]


def results_footnote(results: Results, words: Words | None = None) -> list[str]:
    """Where the figures come from, and what the table's marks mean: one sentence each."""
    words = words or words_for(ENGLISH)
    parts = [
        f"{words.source}{words.colon}{results.source}" if results.source else "",
        results.note,
        words.shares_from_votes if results.shares_from_votes else "",
        words.rounding if results.rounding_gap else "",
        f"✓ {words.elected}" if any(row.elected for row in results.rows) else "",
    ]
    return [part if part.endswith((".", "!", "?")) else part + "." for part in parts if part]
