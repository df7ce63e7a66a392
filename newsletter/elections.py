"""calendar.csv (`date,country,election[,note]`) + the issue's date -> the elections ahead, soonest first.

The file sits in the issue folder or beside newsletter.toml (the issue's own wins). Past dates are left
out, and so are dates past the `[calendar] weeks` window when newsletter.toml sets one. It is read as a
story is: a regular file only (a broken symlink, a FIFO or a folder of that name is named, never skipped),
invisible and bidi characters removed and named, each line checked for length before the csv module sees it.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from pathlib import Path

from .errors import InputError
from .models import Election, Notice
from .text import SETTINGS_LIMIT, clean_lines, read_text

CALENDAR_NAME = "calendar.csv"
COLUMNS = ("date", "country", "election", "note")
LINE_LIMIT = 2_000  # characters: a date, a country, an election and a note


def find_calendar(source: Path, config: Path | None) -> Path | None:
    """The issue folder's calendar.csv, else the one beside the settings file (./newsletter.toml by default).
    Anything of that name counts, a broken symlink or a folder too: reading it says what is wrong."""
    from .settings import config_folder

    folders = [source if source.is_dir() else source.parent]
    folders.append(config_folder(config))
    for folder in folders:
        path = folder / CALENDAR_NAME
        if os.path.lexists(path):
            return path
    return None


def read_calendar(
    path: Path, today: dt.date, weeks: int | None = None, notices: list[Notice] | None = None
) -> list[Election]:
    """The elections from `today` on (within `weeks` when given), sorted by date, then country. What the
    cleaning removes is added to `notices`, by line."""
    lines = clean_lines(
        read_text(path, limit=SETTINGS_LIMIT, what="a calendar file"), str(path), notices if notices is not None else []
    )
    for number, line in enumerate(lines, start=1):
        if len(line) > LINE_LIMIT:
            raise InputError(
                f"this line is {len(line):,} characters long, over the {LINE_LIMIT:,} a calendar row may have",
                file=path,
                line=number,
            )
    elections = []
    for number, line in enumerate(lines, start=1):
        cells = [cell.strip() for cell in next(csv.reader([line]), [])]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if number == 1 and cells[0].lower() == "date":
            continue  # the header row
        if not 3 <= len(cells) <= 4:
            raise InputError(
                f"this row has {len(cells)} cells: write date,country,election and, if you like, a "
                "note (quote a cell that holds a comma)",
                file=path,
                line=number,
            )
        try:
            day = dt.date.fromisoformat(cells[0])
        except ValueError:
            raise InputError(
                f"{cells[0]!r} is not a date: write it as YYYY-MM-DD, e.g. 2026-12-06", file=path, line=number
            ) from None
        if not cells[1] or not cells[2]:
            raise InputError("this row needs a country and an election", file=path, line=number)
        days = (day - today).days
        if days < 0 or (weeks is not None and days > weeks * 7):
            continue
        elections.append(
            Election(date=day, country=cells[1], election=cells[2], note=cells[3] if len(cells) == 4 else "", days=days)
        )
    return sorted(elections, key=lambda election: (election.date, election.country.casefold()))
