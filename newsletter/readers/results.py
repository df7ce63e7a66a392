"""The text of a ```results block (`key: value` lines, then CSV pasted from a spreadsheet) -> Results.

    ```results
    title: Presidential runoff, first count
    source: Registraduría, 98.7% of polling stations
    candidate,party,votes,elected
    Ana Pérez,Pacto Histórico,"11,281,013",yes
    Luis Gómez,Centro Democrático,10.580.412,
    ```

Shares are computed from the votes when the block gives none (one decimal, by largest remainders, so
they add up to 100.0); rows are sorted by share unless `order: as given`.
"""

from __future__ import annotations

import csv
import math
import re

from newsletter.colour import MIN_CONTRAST, contrast, readable_on
from newsletter.errors import InputError
from newsletter.models import Notice, ResultRow, Results, Story

KEYS = ("title", "source", "note", "order")
NAME_COLUMNS = ("name", "candidate", "option", "party")  # the first one present names the row
ALIASES = {
    "color": "colour",
    "%": "share",
    "percent": "share",
    "pct": "share",
    "vote": "votes",
    "seat": "seats",
    "winner": "elected",
}
COLUMNS = ("name", "candidate", "option", "party", "votes", "share", "seats", "colour", "elected")
YES = {"yes", "y", "true", "✓", "✔", "x", "1", "elected", "won"}
NO = {"", "no", "n", "false", "0", "-", "–", "—"}
MAX_TOTAL = 100.5  # shares rounded by the source may add up to a little over 100
SEPARATORS = re.compile(r"[\s\u00a0\u202f\u2009'’_]")


def parse_results(text: str, file: str, line: int) -> Results:
    """`line` is the line of the file where the block's text starts."""
    lines = [(line + number, raw) for number, raw in enumerate(text.splitlines())]
    lines = [(number, raw) for number, raw in lines if raw.strip()]
    if not lines:
        raise InputError(
            "the results block is empty: add a header row such as name,party,votes and one row per candidate",
            file=file,
            line=max(line - 1, 1),
        )

    # `key: value` lines come first; the first other line is the CSV's header row
    meta: dict[str, str] = {}
    while lines:
        number, raw = lines[0]
        match = re.fullmatch(r"\s*([A-Za-z]+)\s*:\s*(.*?)\s*", raw)
        if not match or match.group(1).lower() not in KEYS:
            break
        meta[match.group(1).lower()] = match.group(2)
        lines.pop(0)
    order = meta.pop("order", "share").lower()
    if order not in ("share", "as given"):
        raise InputError(
            f"order: {order!r} is not an order: write `order: as given` or leave the line out (sorted by share)",
            file=file,
            line=line,
        )
    if not lines:
        raise InputError(
            "the results block has no table: add a header row such as name,party,votes", file=file, line=line
        )

    header_line, header_raw = lines[0]
    delimiter = "\t" if "\t" in header_raw else (";" if ";" in header_raw and "," not in header_raw else ",")
    # Row by row: a stray quote mark spoils one row, not the rows after it
    table = [next(csv.reader([raw], delimiter=delimiter)) for _, raw in lines]
    header = [column(name, file, header_line) for name in table[0]]
    name_column = next((name for name in NAME_COLUMNS if name in header), None)
    if name_column is None:
        raise InputError(
            "the results table has no name column: call the first column name, candidate, party or option",
            file=file,
            line=header_line,
        )
    if "votes" not in header and "share" not in header:
        raise InputError(
            "the results table needs a votes or a share column to draw its bars", file=file, line=header_line
        )

    rows = []
    for (number, _), cells in zip(lines[1:], table[1:], strict=True):
        if len(cells) != len(header):
            raise InputError(
                f"this row has {len(cells)} cells, the header has {len(header)}: "
                'put a comma between every two cells, and quote a cell that holds one ("1,234")',
                file=file,
                line=number,
            )
        rows.append(
            read_row(dict(zip(header, (cell.strip() for cell in cells), strict=True)), name_column, file, number)
        )
    if not rows:
        raise InputError("the results table has a header row but no rows under it", file=file, line=header_line)

    from_votes = "share" not in header
    if from_votes:
        if any(row["votes"] is None for row in rows):
            number = next(row["line"] for row in rows if row["votes"] is None)
            raise InputError(
                "this row has no votes, so no share can be computed: give its votes, or add a share column",
                file=file,
                line=number,
            )
        for row, share in zip(rows, largest_remainders([row["votes"] for row in rows]), strict=True):
            row["share"] = share
    else:
        missing = next((row for row in rows if row["share"] is None), None)
        if missing is not None:
            raise InputError("this row has no share: give every row its percentage", file=file, line=missing["line"])
        total = sum(row["share"] for row in rows)
        if total > MAX_TOTAL:
            raise InputError(
                f"the shares add up to {total:.1f}%, over 100%: check the share column", file=file, line=header_line
            )

    if order == "share":
        rows.sort(key=lambda row: -row["share"])
    return Results(
        title=meta.get("title", ""),
        source=meta.get("source", ""),
        note=meta.get("note", ""),
        name_label=table[0][header.index(name_column)].strip().capitalize() or "Name",
        shares_from_votes=from_votes,
        rows=[ResultRow(**{key: value for key, value in row.items() if key != "line"}) for row in rows],
    )


def column(name: str, file: str, line: int) -> str:
    key = " ".join(name.strip().lower().split())
    key = ALIASES.get(key, key)
    if key not in COLUMNS:
        raise InputError(
            f"unknown column {name.strip()!r}: the columns are name (or candidate, party, option), "
            "party, votes, share, seats, colour and elected",
            file=file,
            line=line,
        )
    return key


def read_row(cells: dict[str, str], name_column: str, file: str, line: int) -> dict:
    name = cells[name_column]
    if not name:
        raise InputError(f"this row has no {name_column}", file=file, line=line)
    colour = cells.get("colour", "")
    if colour and not re.fullmatch(r"#?(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})", colour):
        raise InputError(f"colour {colour!r} is not a colour like #1a1a1a", file=file, line=line)
    elected = cells.get("elected", "").lower()
    if elected not in YES | NO:
        raise InputError(
            f"elected {cells['elected']!r} is neither yes nor no: write yes, true or ✓ for an elected "
            "row and leave the cell empty otherwise",
            file=file,
            line=line,
        )
    return {
        "line": line,
        "name": name,
        "party": cells.get("party", "") if name_column != "party" else "",
        "votes": number(cells.get("votes", ""), "votes", file, line),
        "share": percentage(cells.get("share", ""), file, line),
        "seats": number(cells.get("seats", ""), "seats", file, line),
        "colour": ("#" + colour.lstrip("#")).lower() if colour else None,
        "elected": elected in YES,
    }


def number(cell: str, what: str, file: str, line: int) -> int | None:
    """A whole number written with any thousands separator: 1,234,567 · 1.234.567 · 1 234 567 · 1'234'567."""
    if cell in ("", "-", "–", "—"):
        return None
    digits = SEPARATORS.sub("", cell)
    if re.fullmatch(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*", digits):
        digits = re.sub(r"[.,]", "", digits)
    if not digits.isdigit():
        raise InputError(f"{what} {cell!r} is not a whole number", file=file, line=line)
    return int(digits)


def percentage(cell: str, file: str, line: int) -> float | None:
    if cell in ("", "-", "–", "—"):
        return None
    value = SEPARATORS.sub("", cell).removesuffix("%").replace(",", ".")
    try:
        share = float(value)
    except ValueError:
        raise InputError(f"share {cell!r} is not a percentage like 45.2 or 45.2%", file=file, line=line) from None
    if not math.isfinite(share) or share < 0 or share > MAX_TOTAL:
        raise InputError(f"share {cell!r} is not between 0 and 100%", file=file, line=line)
    return share


def largest_remainders(votes: list[int]) -> list[float]:
    """Percentages to one decimal that add up to exactly 100.0 (Hamilton's method over tenths)."""
    total = sum(votes)
    if total == 0:
        return [0.0 for _ in votes]
    exact = [vote * 1000 / total for vote in votes]
    tenths = [math.floor(value) for value in exact]
    # The rows with the largest remainders get the tenths still missing; ties go to the earlier row.
    by_remainder = sorted(range(len(votes)), key=lambda index: (-(exact[index] - tenths[index]), index))
    for index in by_remainder[: 1000 - sum(tenths)]:
        tenths[index] += 1
    return [value / 10 for value in tenths]


def colour_notices(story: Story, background: str) -> list[Notice]:
    """A party colour too light to read as text on the page: its figure is shown darker, its bar as given."""
    rows: dict[str, list[str]] = {}
    for block in story.body:
        for row in block.results.rows if block.results else []:
            light = row.colour and contrast(row.colour, background) < MIN_CONTRAST
            if light and row.name not in rows.get(row.colour, []):
                rows.setdefault(row.colour, []).append(row.name)
    return [
        Notice(
            source=story.source,
            story=story.headline,
            message=f"results: the colour {colour} of {', '.join(names)} has contrast "
            f"{contrast(colour, background):.2f}:1 on the page ({background}), under {MIN_CONTRAST}:1: "
            f"the share is shown in {readable_on(colour, background)} and the bar in {colour}; give a "
            "darker colour to use one shade for both",
        )
        for colour, names in rows.items()
    ]
