"""Results tables and the elections calendar, as every output shows them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from newsletter.models import Colors, Results

from .environment import DAYS, MONTHS

ELECTIONS_HEADING = "Elections ahead"


@dataclass(frozen=True)
class ResultLine:
    """One row of a results table as every output shows it."""

    name: str
    party: str
    share: str  # "51.6%"
    votes: str  # "11,281,013", or "" when the table has no votes
    seats: str
    elected: bool
    bar: str  # the bar's colour
    figure: str  # the share's colour: the bar's, darkened where it would not read on the page
    width: float  # the bar's length in percent of the longest bar


def result_lines(results: Results, colors: Colors) -> list[ResultLine]:
    """Bars are proportional to the shares, the largest share drawing the full width."""
    from newsletter.colour import readable_on

    top = max((row.share for row in results.rows), default=0) or 1
    lines = []
    for row in results.rows:
        bar = row.colour or colors.accent
        lines.append(
            ResultLine(
                name=row.name,
                party=row.party,
                share=f"{row.share:.1f}%",
                votes=f"{row.votes:,}" if row.votes is not None else "",
                seats=str(row.seats) if row.seats is not None else "",
                elected=row.elected,
                bar=bar,
                figure=readable_on(bar, colors.background),
                width=round(row.share / top * 100, 1),
            )
        )
    return lines


def results_footnote(results: Results) -> list[str]:
    """Where the figures come from, and what the table's marks mean: one sentence each."""
    parts = [
        f"Source: {results.source}" if results.source else "",
        results.note,
        "Shares computed from the votes shown" if results.shares_from_votes else "",
        "✓ elected" if any(row.elected for row in results.rows) else "",
    ]
    return [part if part.endswith((".", "!", "?")) else part + "." for part in parts if part]


def short_date(day: dt.date, today: dt.date) -> str:
    """`Sun 6 Dec`, with the year when it is not the issue's."""
    year = f" {day.year}" if day.year != today.year else ""
    return f"{DAYS[day.weekday()][:3]} {day.day} {MONTHS[day.month - 1][:3]}{year}"
