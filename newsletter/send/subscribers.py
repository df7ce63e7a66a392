"""A subscribers CSV (a header row naming at least `email`) -> validated, de-duplicated Subscribers.

Rows that cannot be sent to are reported with their line number and skipped; a line break in a name or
address (which would forge mail headers) refuses the whole list, so nothing is sent from a tampered file.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from newsletter.errors import InputError, place
from newsletter.headers import header_problem
from newsletter.links import ALLOWED_SCHEMES
from newsletter.text import LIST_LIMIT, read_file

EMAIL_COLUMNS = ("email", "email address", "e-mail")
NAME_COLUMNS = ("name", "full name")
URL_COLUMN = "unsubscribe_url"


@dataclass(frozen=True)
class Subscriber:
    email: str  # as written in the To header (ASCII domain unless the address needs SMTPUTF8)
    name: str = ""
    line: int = 0
    smtputf8: bool = False  # the local part is not ASCII: only a server offering SMTPUTF8 can take it
    unsubscribe_url: str = ""  # a link from the list itself (e.g. signed by the list's owner); else the brand's

    @property
    def key(self) -> str:
        """Addresses that differ only in case are one subscriber."""
        return self.email.casefold()


@dataclass
class Problem:
    """A row that is not sent to, with the reason and where it is."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{place(self.file, self.line)}{self.message}"


@dataclass
class SubscriberList:
    path: Path
    subscribers: list[Subscriber] = field(default_factory=list)
    bad: list[Problem] = field(default_factory=list)  # skipped: not an address
    duplicates: list[Problem] = field(default_factory=list)  # skipped: already on the list


class HeaderInjection(InputError):
    """A name or address with a line break: refuses the whole send, never just the row."""


def check_address(value: str, *, file: object = None, line: int | None = None, name: str = "") -> Subscriber:
    """One address (and display name) -> a Subscriber, or InputError saying what is wrong.

    Used for --to addresses as is; the CSV reader turns the error of a bad row into a Problem.
    """
    from email_validator import EmailNotValidError, validate_email

    for what, text in (("address", value), ("name", name)):
        problem = header_problem(text)
        if problem and problem.forges:
            raise HeaderInjection(
                f"the {what} {text!r} {problem}, which would forge mail headers; nothing was sent", file=file, line=line
            )
        if problem:
            raise InputError(f"the {what} {text!r} {problem}", file=file, line=line)
    value = value.strip()
    if not value:
        raise InputError("no email address", file=file, line=line)
    try:
        # No DNS: the relay finds out about dead domains; a CSV of 10,000 rows must not take 10,000 lookups.
        valid = validate_email(value, check_deliverability=False)
    except EmailNotValidError as error:
        raise InputError(f"{value!r} is not an email address: {error}", file=file, line=line) from None
    return Subscriber(
        email=valid.ascii_email or valid.normalized,
        name=" ".join(name.split()),
        line=line or 0,
        smtputf8=bool(valid.smtputf8),
    )


def check_addresses(values: list[str], *, file: object = None) -> list[Subscriber]:
    """Addresses given one by one (--to) -> Subscribers, each address once, as first given."""
    unique: dict[str, Subscriber] = {}
    for value in values:
        subscriber = check_address(value, file=file)
        unique.setdefault(subscriber.key, subscriber)
    return list(unique.values())


def read_subscribers(path: Path) -> SubscriberList:
    """Read a subscribers CSV: columns email (required), name and unsubscribe_url (optional)."""
    try:
        # A regular file only (a FIFO would block), up to the size limit; Excel writes a byte-order mark.
        data = read_file(path, limit=LIST_LIMIT, what="a subscriber list")
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - data.rfind(b"\n", 0, error.start)
        raise InputError(
            f"is not UTF-8 text (byte 0x{data[error.start]:02x} at column {column}); save it as CSV UTF-8",
            file=path,
            line=line,
        ) from None
    except OSError as error:
        raise InputError(f"cannot be read: {error.strerror}", file=path) from None

    first = text.split("\n", 1)[0]
    # Spreadsheets in many locales save CSV with semicolons.
    delimiter = ";" if ";" in first and "," not in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    result = SubscriberList(path=path)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError("is empty; the first row must name the columns, e.g. email,name", file=path, line=1) from None
    except csv.Error as error:
        raise InputError(f"is not a readable CSV file: {error}", file=path, line=1) from None
    columns = [cell.strip().lower() for cell in header]
    email_at = next((columns.index(name) for name in EMAIL_COLUMNS if name in columns), None)
    if email_at is None:
        raise InputError(
            f"has no email column (the first row reads {','.join(header)!r}); "
            "the first row must name the columns, e.g. email,name",
            file=path,
            line=1,
        )
    name_at = next((columns.index(name) for name in NAME_COLUMNS if name in columns), None)
    url_at = columns.index(URL_COLUMN) if URL_COLUMN in columns else None

    seen: dict[str, int] = {}
    while True:
        start = reader.line_num + 1  # a quoted cell may span lines: report where the row starts
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise InputError(f"is not a readable CSV file: {error}", file=path, line=start) from None
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(columns):
            result.bad.append(Problem(str(path), start, f"has {len(row)} fields, the header names {len(columns)}"))
            continue

        def cell(index: int | None, row: list[str] = row) -> str:
            return row[index] if index is not None and index < len(row) else ""

        try:
            subscriber = check_address(cell(email_at), file=path, line=start, name=cell(name_at))
        except HeaderInjection:
            raise
        except InputError as error:
            result.bad.append(Problem(str(path), start, error.message))
            continue
        url = cell(url_at).strip()
        forged = header_problem(url)
        if forged and forged.forges:
            raise HeaderInjection(
                f"the unsubscribe_url {url!r} {forged}, which would forge mail headers; nothing was sent",
                file=path,
                line=start,
            )
        if url:
            problem = unsubscribe_problem(url)
            if problem:
                result.bad.append(Problem(str(path), start, f"unsubscribe_url {url!r} {problem}"))
                continue
            subscriber = replace(subscriber, unsubscribe_url=url)
        if subscriber.key in seen:
            result.duplicates.append(
                Problem(str(path), start, f"{subscriber.email} is also on line {seen[subscriber.key]}: sent once")
            )
            continue
        seen[subscriber.key] = start
        result.subscribers.append(subscriber)
    return result


def unsubscribe_problem(url: str) -> str | None:
    """Why `url` cannot be an unsubscribe link (in the body and inside <...> in List-Unsubscribe), or None."""
    problem = header_problem(url)
    if problem:
        return str(problem)
    if any(char.isspace() or char in '<>"' for char in url):  # header_problem refused other controls
        return 'holds spaces, line breaks or <>" characters'
    parts = urlsplit(url)
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        return "must be an http, https or mailto link"
    if parts.scheme.lower() != "mailto" and not parts.netloc:
        return "has no host"
    return None
