"""The text of a ```results block (`key: value` lines, then CSV pasted from a spreadsheet) -> Results.

    ```results
    title: Presidential runoff, first count
    source: Registraduría, 98.7% of polling stations
    turnout: 58.1%
    candidate,party,votes,elected
    Ana Pérez,Pacto Histórico,"11,281,013",yes
    Luis Gómez,Centro Democrático,10.580.412,
    ```

Figures are shown as the count reports them: a share computed from the votes is rounded on its own, half
up, to one decimal (or `decimals: N`), and the table says so when the shares shown do not add up to 100; a
share the block gives is shown exactly as given. Rows are sorted by share (or seats) unless `order: as
given`. `majority: N` or `seats_total: N` with a seats column draws the parliament with its majority.
Every step is linear in the block: a table of any length costs time in proportion.
"""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from typing import Any

from newsletter.colour import MIN_CONTRAST, contrast, readable_on
from newsletter.errors import InputError
from newsletter.models import Notice, ResultRow, Results, Story
from newsletter.patterns import regex

# The `key: value` lines above the table (an underscore or a space between words, any case)
KEYS = ("title", "source", "note", "order", "turnout", "majority", "seats total", "scale", "decimals")
KEY_ALIASES = {"total seats": "seats total", "seats": "seats total"}
NAME_COLUMNS = ("name", "candidate", "option", "party")  # the first one present names the row
ALIASES = {
    "color": "colour",
    "%": "share",
    "percent": "share",
    "pct": "share",
    "vote": "votes",
    "seat": "seats",
    "winner": "elected",
    "+/-": "change",
    "±": "change",
    "swing": "change",
    "last time": "previous",
    "previous %": "previous share",
    "seat change": "seats change",
    "+/- seats": "seats change",
    "± seats": "seats change",
}
COLUMNS = (
    "name",
    "candidate",
    "option",
    "party",
    "votes",
    "share",
    "seats",
    "colour",
    "elected",
    "change",
    "previous",
    "previous share",
    "previous seats",
    "seats change",
)
YES = {"yes", "y", "true", "✓", "✔", "x", "1", "elected", "won"}
NO = {"", "no", "n", "false", "0", "-", "–", "—"}
EMPTY = ("", "-", "–", "—")
MAX_TOTAL = 100.5  # shares rounded by the source may add up to a little over 100
SEPARATORS = regex(r"[\s\u00a0\u202f\u2009'’_]")
# Python's csv module refuses a field over 131,072 characters (with a traceback): a line of a results
# block is checked against a far smaller limit before the module sees it.
LINE_LIMIT = 10_000
VOTE_DIGITS = 12  # a trillion votes less one: more is a paste gone wrong (and int() refuses 4,300 digits)
SIGNED = regex(r"([+\-\u2212\u2013±]?)\s*([0-9]{1,9}(?:[.,][0-9]{1,6})?)\s*(?:pp|pts?|points?|%)?", re.I)


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
    for number, raw in lines:
        if len(raw) > LINE_LIMIT:
            raise InputError(
                f"this line of the results block is {len(raw):,} characters long, over the {LINE_LIMIT:,} a "
                "line may have: a results row is a name and a few figures",
                file=file,
                line=number,
            )

    # `key: value` lines come first; the first other line is the CSV's header row
    meta: dict[str, tuple[str, int]] = {}
    start = 0
    for number, raw in lines:
        key = meta_key(raw)
        if key is None:
            break
        if key in meta:
            raise InputError(
                f"{key.replace(' ', '_')}: is given twice (lines {meta[key][1]} and {number}): keep one",
                file=file,
                line=number,
            )
        meta[key] = (raw.partition(":")[2].strip(), number)
        start += 1
    lines = lines[start:]
    settings = read_settings(meta, file, line)
    if not lines:
        raise InputError(
            "the results block has no table: add a header row such as name,party,votes", file=file, line=line
        )

    header_line, header_raw = lines[0]
    delimiter = "\t" if "\t" in header_raw else (";" if ";" in header_raw and "," not in header_raw else ",")
    # Row by row: a stray quote mark spoils one row, not the rows after it
    table = [next(csv.reader([raw], delimiter=delimiter)) for _, raw in lines]
    header = read_header(table[0], file, header_line)
    name_column = next(name for name in NAME_COLUMNS if name in header)
    previous_column(header, file, header_line)
    if "votes" not in header and "share" not in header and "seats" not in header:
        raise InputError(
            "the results table needs a votes, share or seats column to draw its bars", file=file, line=header_line
        )

    rows = []
    for (number, raw), cells in zip(lines[1:], table[1:], strict=True):
        key = meta_key(raw) if len(cells) == 1 else None
        if key is not None:
            raise InputError(
                f"{key.replace(' ', '_')}: goes above the table: move the line over the header row",
                file=file,
                line=number,
            )
        if len(cells) != len(header):
            raise InputError(
                f"this row has {len(cells)} cells, the header has {len(header)}: "
                'put a comma between every two cells, and quote a cell that holds one ("1,234")',
                file=file,
                line=number,
            )
        cells_by_column = dict(zip(header, (cell.strip() for cell in cells), strict=True))
        rows.append(read_row(cells_by_column, name_column, file, number))
    if not rows:
        raise InputError("the results table has a header row but no rows under it", file=file, line=header_line)

    from_votes = "share" not in header and "votes" in header
    rounding_gap = False
    if from_votes:
        rounding_gap = shares_from_votes(rows, settings["decimals"], file)
    elif "share" in header:
        rounding_gap = check_shares(rows, file, header_line)
    for row in rows:
        if row["previous share"] is not None and row["shown"]:
            row["change"] = difference(Decimal(row["shown"]), row["previous share"])
        if row["previous seats"] is not None and row["seats"] is not None:
            row["seats change"] = difference(Decimal(row["seats"]), Decimal(row["previous seats"]))
    seats_total, majority = seat_counts(rows, header, settings, file, header_line)

    if settings["order"] == "share":
        if any(row["share"] is not None for row in rows):
            rows.sort(key=lambda row: -(row["share"] or 0))
        else:
            rows.sort(key=lambda row: -(row["seats"] or 0))
    return Results(
        title=settings["title"],
        source=settings["source"],
        note=settings["note"],
        turnout=settings["turnout"],
        name_label=table[0][header.index(name_column)].strip().capitalize() or "Name",
        shares_from_votes=from_votes,
        rounding_gap=rounding_gap,
        scale=settings["scale"],
        seats_total=seats_total,
        majority=majority,
        rows=[
            ResultRow(
                name=row["name"],
                party=row["party"],
                votes=row["votes"],
                share=row["share"],
                shown=row["shown"],
                change=row["change"],
                seats=row["seats"],
                seats_change=row["seats change"],
                colour=row["colour"],
                elected=row["elected"],
            )
            for row in rows
        ],
    )


def meta_key(raw: str) -> str | None:
    """The key of a `key: value` line ("seats total" for `Seats_Total:`), or None for any other line.
    Split at the first colon, never matched by a pattern: a value of many spaces costs one pass."""
    key, colon, _ = raw.partition(":")
    if not colon or len(key) > 20:
        return None
    key = " ".join(key.replace("_", " ").lower().split())
    key = KEY_ALIASES.get(key, key)
    return key if key in KEYS else None


def read_settings(meta: dict[str, tuple[str, int]], file: str, line: int) -> dict[str, Any]:
    def value(key: str) -> str:
        return meta.get(key, ("", line))[0]

    def where(key: str) -> int:
        return meta.get(key, ("", line))[1]

    order = value("order").lower() or "share"
    if order not in ("share", "as given"):
        raise InputError(
            f"order: {order!r} is not an order: write `order: as given` or leave the line out (sorted by share)",
            file=file,
            line=where("order"),
        )
    scale = value("scale").lower() or "full"
    if scale not in ("full", "leader"):
        raise InputError(
            f"scale: {shorten(scale)!r} is not a scale: write `scale: leader` to draw the largest share across the "
            "whole row, or leave the line out (each bar its share of 100%)",
            file=file,
            line=where("scale"),
        )
    decimals = value("decimals") or "1"
    if not re.fullmatch("[0-3]", decimals):
        raise InputError(
            f"decimals: {shorten(decimals)!r} is not 0, 1, 2 or 3: the decimals each computed share is rounded to",
            file=file,
            line=where("decimals"),
        )
    counts: dict[str, int | None] = {}
    for key in ("majority", "seats total"):
        cell = value(key)
        counts[key] = None
        if cell:
            digits = SEPARATORS.sub("", cell)
            if not re.fullmatch("[0-9]{1,6}", digits) or int(digits) == 0:
                raise InputError(
                    f"{key.replace(' ', '_')}: {shorten(cell)!r} is not a number of seats like 51",
                    file=file,
                    line=where(key),
                )
            counts[key] = int(digits)
    return {
        "title": value("title"),
        "source": value("source"),
        "note": value("note"),
        "turnout": value("turnout"),
        "order": order,
        "scale": scale,
        "decimals": int(decimals),
        "majority": counts["majority"],
        "seats total": counts["seats total"],
        "majority line": where("majority") if "majority" in meta else where("seats total"),
    }


def read_header(cells: list[str], file: str, line: int) -> list[str]:
    """The header's columns by their keys; a column named twice, directly or through another of its names
    (`votes,votes`, `share,%`, `name,candidate`), is an error: only one of them could be shown."""
    header = [column(name, file, line) for name in cells]
    seen: dict[str, int] = {}
    for index, key in enumerate(header):
        # name, candidate and option all name the row; party does only when none of them is there
        same = "name" if key in ("name", "candidate", "option") else key
        if same in seen:
            first = seen[same]
            written = (cells[first].strip(), cells[index].strip())
            what = "the rows" if same == "name" else f"the {key} column"
            said = (
                f"the column {written[0]!r} is named twice"
                if written[0].lower() == written[1].lower()
                else f"{written[0]!r} and {written[1]!r} both name {what}"
            )
            raise InputError(
                f"{said} (columns {first + 1} and {index + 1}): keep one, or paste one round at a time",
                file=file,
                line=line,
            )
        seen[same] = index
    if not any(name in header for name in NAME_COLUMNS):
        raise InputError(
            "the results table has no name column: call the first column name, candidate, party or option",
            file=file,
            line=line,
        )
    return header


def previous_column(header: list[str], file: str, line: int) -> None:
    """Names a `previous` column in `header` by what it holds: last time's share, or last time's seats in a
    table of seats alone; checks that last time's figures have this time's to compare with."""
    if "previous" in header:
        shares = "share" in header or "votes" in header
        if shares and "seats" in header:
            raise InputError(
                "previous could be last time's share or last time's seats: call the column "
                "'previous share' or 'previous seats'",
                file=file,
                line=line,
            )
        kind = "previous seats" if "seats" in header else "previous share"
        if kind in header:
            raise InputError(f"'previous' and {kind!r} both name last time's figures: keep one", file=file, line=line)
        header[header.index("previous")] = kind
    for given, computed in (("change", "previous share"), ("seats change", "previous seats")):
        if given in header and computed in header:
            raise InputError(
                f"give either {given} or {computed}, not both: the change is computed from {computed}",
                file=file,
                line=line,
            )
    if ("previous seats" in header or "seats change" in header) and "seats" not in header:
        raise InputError("last time's seats need a seats column to compare with", file=file, line=line)
    if "previous share" in header and "share" not in header and "votes" not in header:
        raise InputError("last time's share needs a share or votes column to compare with", file=file, line=line)


def column(name: str, file: str, line: int) -> str:
    key = " ".join(name.strip().lower().replace("_", " ").split())
    key = ALIASES.get(key, key)
    if key not in COLUMNS:
        raise InputError(
            f"unknown column {name.strip()!r}: the columns are name (or candidate, party, option), "
            "party, votes, share, seats, change, previous, colour and elected",
            file=file,
            line=line,
        )
    return key


def read_row(cells: dict[str, str], name_column: str, file: str, line: int) -> dict[str, Any]:
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
    shown = percentage(cells.get("share", ""), file, line)
    previous_share = percentage(cells.get("previous share", ""), file, line, what="previous share")
    previous_seats = number(cells.get("previous seats", ""), "previous seats", file, line)
    return {
        "line": line,
        "name": name,
        "party": cells.get("party", "") if name_column != "party" else "",
        "votes": number(cells.get("votes", ""), "votes", file, line),
        "shown": shown,
        "share": float(shown) if shown else None,
        "seats": number(cells.get("seats", ""), "seats", file, line),
        "change": signed(cells.get("change", ""), "change", file, line),
        "seats change": signed(cells.get("seats change", ""), "seats change", file, line, whole=True),
        "previous share": Decimal(previous_share) if previous_share else None,
        "previous seats": previous_seats,
        "colour": ("#" + colour.lstrip("#")).lower() if colour else None,
        "elected": elected in YES,
    }


def number(cell: str, what: str, file: str, line: int) -> int | None:
    """A whole number in plain digits, with any thousands separator: 1,234,567 · 1.234.567 · 1 234 567 ·
    1'234'567. Nothing else: no superscript or other Unicode digits, at most VOTE_DIGITS digits."""
    if cell in EMPTY:
        return None
    digits = SEPARATORS.sub("", cell)
    if re.fullmatch(r"[0-9]{1,3}(?:([.,])[0-9]{3})(?:\1[0-9]{3})*", digits):
        digits = re.sub(r"[.,]", "", digits)
    if not re.fullmatch(r"[0-9]+", digits):
        hint = "" if digits.isascii() else " in plain digits 0-9 (a footnote mark goes in the note: line)"
        raise InputError(f"{what} {shorten(cell)!r} is not a whole number{hint}", file=file, line=line)
    if len(digits.lstrip("0")) > VOTE_DIGITS:
        raise InputError(
            f"{what} {shorten(cell)!r} has {len(digits):,} digits, more than any count ({VOTE_DIGITS}): check the cell",
            file=file,
            line=line,
        )
    return int(digits)


def percentage(cell: str, file: str, line: int, *, what: str = "share") -> str:
    """A percentage as written, in plain digits with a decimal point ("42.46"); "" for an empty cell."""
    if cell in EMPTY:
        return ""
    value = SEPARATORS.sub("", cell).removesuffix("%").replace(",", ".")
    if not re.fullmatch(r"[0-9]{1,3}(?:\.[0-9]{1,6})?", value):
        raise InputError(f"{what} {shorten(cell)!r} is not a percentage like 45.2 or 45.2%", file=file, line=line)
    if float(value) > MAX_TOTAL:
        raise InputError(f"{what} {shorten(cell)!r} is not between 0 and 100%", file=file, line=line)
    return value


def signed(cell: str, what: str, file: str, line: int, *, whole: bool = False) -> str:
    """A change since last time, as "+3.2", "-1.1" or "0.0" (a number with its sign; "±0" is no change)."""
    if cell in ("", "—"):
        return ""
    match = SIGNED.fullmatch(cell.strip())
    if match is None or (whole and not re.fullmatch("[0-9]+", match.group(2))):
        example = "+3 or −2" if whole else "+3.2 or −1.1"
        raise InputError(f"{what} {shorten(cell)!r} is not a signed number like {example}", file=file, line=line)
    value = Decimal(match.group(2).replace(",", "."))
    return difference(-value if match.group(1) in ("-", "\u2212", "\u2013") else value, Decimal(0))


def difference(now: Decimal, before: Decimal) -> str:
    change = now - before
    return f"+{change}" if change > 0 else str(change) if change < 0 else str(abs(change))


def shorten(cell: str) -> str:
    return cell if len(cell) <= 40 else cell[:37] + "..."


def shares_from_votes(rows: list[dict[str, Any]], decimals: int, file: str) -> bool:
    """Each row's share of the votes, rounded on its own, half up (as electoral commissions do): 656,852
    of 1,547,052 is 42.4584...% and shows as 42.5. True when the shares shown do not add up to 100."""
    missing = next((row for row in rows if row["votes"] is None), None)
    if missing is not None:
        raise InputError(
            "this row has no votes, so no share can be computed: give its votes, or add a share column",
            file=file,
            line=missing["line"],
        )
    total = sum(row["votes"] for row in rows)
    unit = 10**decimals
    shown_total = 0
    for row in rows:
        # integers throughout: half up is exact, with no float to land on the wrong side of a half
        scaled = (2 * row["votes"] * 100 * unit + total) // (2 * total) if total else 0
        shown_total += scaled
        whole, part = divmod(scaled, unit)
        row["shown"] = f"{whole}.{part:0{decimals}d}" if decimals else str(whole)
        row["share"] = scaled / unit
    return bool(total > 0 and shown_total != 100 * unit)


def check_shares(rows: list[dict[str, Any]], file: str, line: int) -> bool:
    """Shares given by the block: every row needs one and they may not add up to much over 100. True when
    they miss 100 by no more than rounding each could explain (half a unit of each row's last decimal)."""
    missing = next((row for row in rows if not row["shown"]), None)
    if missing is not None:
        raise InputError("this row has no share: give every row its percentage", file=file, line=missing["line"])
    total = sum((Decimal(row["shown"]) for row in rows), Decimal(0))
    if total > Decimal(str(MAX_TOTAL)):
        raise InputError(f"the shares add up to {total:.1f}%, over 100%: check the share column", file=file, line=line)
    # half a unit of each row's last decimal: 0.05 for 42.5, 0.005 for 42.46
    slack = sum((Decimal(5).scaleb(int(Decimal(row["shown"]).as_tuple().exponent) - 1) for row in rows), Decimal(0))
    return total != 100 and abs(total - 100) <= slack


def seat_counts(
    rows: list[dict[str, Any]], header: list[str], settings: dict[str, Any], file: str, line: int
) -> tuple[int | None, int | None]:
    """seats_total and majority as the block gives them (majority: more than half of seats_total), checked
    against the seats column; (None, None) when the block names neither."""
    total, majority = settings["seats total"], settings["majority"]
    if total is None and majority is None:
        return None, None
    where = settings["majority line"]
    if "seats" not in header:
        raise InputError(
            "majority: and seats_total: need a seats column: add the seats each party won", file=file, line=where
        )
    seats = 0
    for row in rows:
        seats += row["seats"] or 0
        if total is not None and seats > total:
            raise InputError(
                f"the seats add up to {seats:,} by this row, over seats_total: {total:,}: check the seats column",
                file=file,
                line=row["line"],
            )
    if total is None:
        total = seats
        if majority is not None and majority > total:
            raise InputError(
                f"majority: {majority} is more than the {total} seats in the table: give seats_total: N when "
                "some seats are not in it",
                file=file,
                line=where,
            )
    if majority is None:
        majority = total // 2 + 1
    if not total / 2 < majority <= total:
        raise InputError(
            f"majority: {majority} is not more than half of the {total} seats: check the number", file=file, line=where
        )
    return total, majority


def colour_notices(story: Story, background: str) -> list[Notice]:
    """A party colour too light to read as text on the page: its figure is shown darker, its bar as given."""
    rows: dict[str, dict[str, None]] = {}
    for block in story.body:
        for row in block.results.rows if block.results else []:
            if row.colour and (row.colour in rows or contrast(row.colour, background) < MIN_CONTRAST):
                rows.setdefault(row.colour, {})[row.name] = None
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
