"""Every TOML settings file: issue.toml -> IssueSettings; newsletter.toml (optional) + an issue's brand
overrides + the brand a pasted page names -> Brand. Other stages read their own tables (smtp) through
read_config."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import InputError
from .models import Brand, Tracking
from .text import (
    SETTINGS_LIMIT,
    SETTINGS_TEXT_LIMIT,
    clean_value,
    key_line,
    length_problem,
    read_text,
    text_problem,
    unknown_keys,
)

CONFIG_NAME = "newsletter.toml"
# Sections other stages read from the same file (smtp for sending, schedule for `new`, tracking for links,
# calendar for the elections calendar).
CONFIG_SECTIONS = {"brand", "smtp", "schedule", "tracking", "calendar"}


@dataclass
class SettingsFile:
    """A TOML settings file as read: its data, and its text to name the line a key is on."""

    path: Path
    text: str = ""  # empty: the file is not there
    data: dict[str, Any] = field(default_factory=dict)

    def line(self, key: str) -> int | None:
        return key_line(self.text, key) if self.text else None

    def value_line(self, key: str, value: str) -> int | None:
        """The line holding the string `value` of `key`, which may be a list written over several lines."""
        start = self.line(key)
        if start is None:
            return None
        for number, line in enumerate(self.text.split("\n")[start - 1 :], start=start):
            if f'"{value}"' in line or f"'{value}'" in line:
                return number
        return start


def read_settings_file(path: Path, known: set[str], *, optional: bool = True) -> SettingsFile:
    """Read and parse a TOML settings file, refusing keys not in `known`; an absent optional file is empty."""
    if optional and not path.exists() and not path.is_symlink():  # a broken symlink is named, not absent
        return SettingsFile(path)
    text = read_text(path, limit=SETTINGS_LIMIT, what="a settings file")
    data = parse_toml(text, path)
    unknown_keys(data, known, path, text)
    file = SettingsFile(path, text, data)
    # Every text is checked here, where it enters, so a later stage never blames another file for it.
    stack: list[tuple[list[str], Any]] = [([str(key)], value) for key, value in data.items()]
    while stack:
        keys, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((keys + [str(key)], item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((keys, item) for item in value)
        elif isinstance(value, str):
            problem = text_problem(value) or length_problem(keys[-1], value, SETTINGS_TEXT_LIMIT)
            if problem:
                raise InputError(f"{'.'.join(keys)}: {problem}", file=path, line=file.line(keys[-1]))
    return file


@dataclass
class IssueSettings:
    """What `issue.toml` may say about one issue."""

    subject: str = ""
    preheader: str = ""
    date: dt.date | None = None
    number: int | None = None
    lead: str = ""  # file name of the story that leads
    sections: list[str] = field(default_factory=list)  # section headings in the order the editor wants
    brand: dict[str, Any] = field(default_factory=dict)
    file: SettingsFile | None = None  # where these came from, to name the line of a bad value


ISSUE_KEYS = {"subject", "preheader", "date", "number", "lead", "sections", "brand"}


TOML_WHERE = re.compile(r"\s*\(at line (\d+), column \d+\)$")


def parse_toml(text: str, path: Path) -> dict[str, Any]:
    """A TOML file's data, or an error naming its line (Python before 3.14 has it only in the message)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        where = TOML_WHERE.search(str(error))
        line = getattr(error, "lineno", None) or (int(where.group(1)) if where else None)
        message = TOML_WHERE.sub("", str(error))
        raise InputError(f"is not valid TOML: {message}", file=path, line=line) from None
    except RecursionError:  # tomllib recurses into nested arrays and inline tables
        data = None
    except ValueError:  # a number past Python's 4,300-digit limit for reading integers
        line = next(
            (number for number, text in enumerate(text.split("\n"), start=1) if re.search(r"[\d_]{4300}", text)), None
        )
        raise InputError(
            "holds a number too long to read (over 4,300 digits); shorten it", file=path, line=line
        ) from None
    if data is None or too_deep(data):
        raise InputError(
            f"nests arrays or tables deeper than {MAX_DEPTH} levels; flatten them", file=path, line=deepest_line(text)
        ) from None
    return data


MAX_DEPTH = 16  # settings need three levels ([brand.colors] text); deeper is a mistake or an attack


def too_deep(data: Any) -> bool:
    """Whether lists and tables nest past MAX_DEPTH (walked without recursion)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
        for child in children:
            if isinstance(child, (dict, list)):
                if depth >= MAX_DEPTH:
                    return True
                stack.append((child, depth + 1))
    return False


def deepest_line(text: str) -> int:
    """The line on which brackets and braces (or a table header's dotted keys) first nest past MAX_DEPTH."""
    depth = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line.lstrip().startswith("[") and line.count(".") >= MAX_DEPTH:
            return number
        for char in line:
            depth += 1 if char in "[{" else -1 if char in "]}" else 0
            if depth > MAX_DEPTH:
                return number
    return 1


def load_issue_settings(path: Path) -> IssueSettings:
    file = read_settings_file(path, ISSUE_KEYS)
    data = file.data
    for key in ("subject", "preheader", "lead"):
        if not isinstance(data.get(key, ""), str):
            raise InputError(f'{key} must be text in quotes: {key} = "..."', file=path, line=file.line(key))
    settings = IssueSettings(
        subject=clean_value(data.get("subject", "")),
        preheader=clean_value(data.get("preheader", "")),
        lead=data.get("lead", ""),
        brand=data.get("brand", {}),
        file=file,
    )
    if "date" in data:
        value = data["date"]
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            try:  # a quoted ISO date means the same as a bare one
                value = dt.date.fromisoformat(value.strip())
            except ValueError as error:
                raise InputError(f"date {value!r} is not a date ({error})", file=path, line=file.line("date")) from None
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise InputError("date must be a date such as 2026-11-24", file=path, line=file.line("date"))
        settings.date = value
    if "number" in data:
        if not isinstance(data["number"], int) or isinstance(data["number"], bool):
            raise InputError("number must be a whole number", file=path, line=file.line("number"))
        settings.number = data["number"]
    if "sections" in data:
        settings.sections = section_names(data["sections"], file)
    if not isinstance(settings.brand, dict):
        raise InputError("brand must be a table: [brand]", file=path, line=file.line("brand"))
    return settings


def section_names(value: Any, file: SettingsFile) -> list[str]:
    """`sections = ["Elections", "Geopolitics"]`: section headings, each once."""
    example = 'sections must be a list of section headings, such as sections = ["Elections", "Geopolitics"]'
    if not isinstance(value, list) or not all(isinstance(name, str) and name.strip() for name in value):
        raise InputError(example, file=file.path, line=file.line("sections"))
    names = [clean_value(name) for name in value]
    for name in names:
        if names.count(name) > 1:
            raise InputError(
                f"sections names {name!r} twice: keep one", file=file.path, line=file.value_line("sections", name)
            )
    return names


def read_config(path: Path | None) -> SettingsFile:
    """The settings file: `path`, else ./newsletter.toml (empty when there is none)."""
    file = read_settings_file(path or Path(CONFIG_NAME), CONFIG_SECTIONS, optional=path is None)
    for section, value in file.data.items():
        if not isinstance(value, dict):
            raise InputError(
                f"{section} must be a table: write [{section}] on a line of its own, then its keys",
                file=file.path,
                line=file.line(section),
            )
    return file


def load_brand(
    config_file: SettingsFile,
    *,
    overrides: dict[str, Any] | None = None,
    overrides_file: SettingsFile | None = None,
    page_brand: str = "",
) -> Brand:
    """Brand settings: newsletter.toml's [brand] (`config_file`, as read_config read it), then issue.toml's
    [brand] (`overrides`, read from `overrides_file`), then the page's name. A bad value is named in the
    file it came from."""
    merged = merge(config_file.data.get("brand", {}), overrides or {})
    if page_brand and "name" not in merged:
        merged["name"] = page_brand
    try:
        brand = Brand.model_validate(merged)
    except ValidationError as error:
        first = error.errors()[0]
        keys = [str(part) for part in first["loc"]]
        where = overrides_file if overrides_file is not None and holds(overrides or {}, keys) else config_file
        # Our own validators say what is wrong in words; pydantic's other messages are short enough.
        message = str(first["ctx"]["error"]) if first["type"] == "value_error" else first["msg"].lower()
        raise InputError(f"[brand] {'.'.join(keys)}: {message}", file=where.path, line=where.line(keys[-1])) from None
    # Names and addresses that go into mail headers: refused here, with their line, rather than at send time.
    from .headers import header_problem

    for keys in (["name"], ["sender", "name"], ["sender", "email"], ["reply_to"]):
        value = merged.get(keys[0], {}).get(keys[1], "") if len(keys) == 2 else merged.get(keys[0], "")
        problem = header_problem(value) if isinstance(value, str) else None
        if problem:
            where = overrides_file if overrides_file is not None and holds(overrides or {}, keys) else config_file
            if not holds(where.data.get("brand", {}), keys):  # the brand a pasted page names
                raise InputError(
                    f"the brand name the pasted page gives, {value!r}, {problem}, which would forge "
                    "mail headers; set [brand] name in newsletter.toml"
                )
            raise InputError(
                f"[brand] {'.'.join(keys)}: {value!r} {problem}, which would forge mail headers",
                file=where.path,
                line=where.line(keys[-1]),
            )
    check_brand_links(merged, overrides or {}, overrides_file, config_file)
    return brand


def check_brand_links(
    merged: dict[str, Any], overrides: dict[str, Any], overrides_file: SettingsFile | None, config_file: SettingsFile
) -> None:
    """The brand's links and addresses, checked where they enter and named in the file they came from (a later
    stage can only say that a link is bad, not where it was written)."""
    from email_validator import EmailNotValidError, validate_email

    from .links import check_link

    for keys in (
        ["logo", "src"],
        ["logo", "dark_src"],
        ["unsubscribe_url"],
        ["web_base_url"],
        ["sender", "email"],
        ["reply_to"],
    ):
        value = merged.get(keys[0], {}).get(keys[1], "") if len(keys) == 2 else merged.get(keys[0], "")
        if not isinstance(value, str) or not value.strip():
            continue
        where = overrides_file if overrides_file is not None and holds(overrides, keys) else config_file

        def fail(message: str, keys: list[str] = keys, where: SettingsFile = where) -> InputError:
            return InputError(f"[brand] {'.'.join(keys)}: {message}", file=where.path, line=where.line(keys[-1]))

        if keys[-1] not in ("email", "reply_to"):
            check_link(value.strip(), fail)
            continue
        try:
            valid = validate_email(value.strip(), check_deliverability=False)
        except EmailNotValidError as error:
            raise fail(f"{value!r} is not an email address: {error}") from None
        if valid.ascii_email is None:
            raise fail(f"{value!r} needs a mail server that takes non-ASCII addresses (SMTPUTF8); use an ASCII address")
        if valid.ascii_email != valid.normalized:
            raise fail(f"{value!r}: write the domain in its ASCII form, {valid.ascii_email}")


TRACKING_KEYS = {"utm_source", "utm_medium", "utm_campaign", "exclude"}
DOMAIN = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}")


SCHEDULE_KEYS = {"weekday"}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def config_table(file: SettingsFile, name: str, known: set[str]) -> dict[str, Any] | None:
    """One table of newsletter.toml, its keys checked; None when the file does not have it."""
    data = file.data.get(name)
    if data is None:
        return None
    if not isinstance(data, dict):
        raise InputError(f"{name} must be a table: [{name}]", file=file.path, line=file.line(name))
    unknown_keys(data, known, file.path, file.text)
    return data


def load_weekday(config: Path | None) -> int | None:
    """[schedule] weekday from newsletter.toml as 0 (Monday) to 6, or None when it is not set."""
    file = read_config(config)
    data = config_table(file, "schedule", SCHEDULE_KEYS)
    if data is None or "weekday" not in data:
        return None
    name = str(data["weekday"]).strip().lower()
    for number, day in enumerate(WEEKDAYS):
        if name in (day, day[:3]):
            return number
    raise InputError(
        f'[schedule] weekday {data["weekday"]!r} is not a day of the week such as "tuesday"',
        file=file.path,
        line=file.line("weekday"),
    )


def load_tracking(file: SettingsFile) -> Tracking | None:
    """[tracking] from newsletter.toml: the campaign tags for story links, or None (no tagging) without it."""
    data = config_table(file, "tracking", TRACKING_KEYS)
    if data is None:
        return None
    if "utm_source" not in data:
        raise InputError(
            "[tracking] needs utm_source, the name your analytics shows for the newsletter, such as "
            'utm_source = "ballot-brief"',
            file=file.path,
            line=file.line("tracking"),
        )
    for key in ("utm_source", "utm_medium", "utm_campaign"):
        value = data.get(key, "x")
        if not isinstance(value, str) or not value.strip() or clean_value(value) != value.strip():
            raise InputError(
                f'[tracking] {key} must be a word or phrase in quotes, such as {key} = "newsletter"',
                file=file.path,
                line=file.line(key),
            )
    exclude = data.get("exclude", [])
    if not isinstance(exclude, list):
        exclude = [exclude]
    domains = []
    for domain in exclude:
        name = str(domain).strip().lower().removeprefix("www.") if isinstance(domain, str) else ""
        if not DOMAIN.fullmatch(name):
            raise InputError(
                f'[tracking] exclude: {domain!r} is not a domain such as "example.org"',
                file=file.path,
                line=file.line("exclude"),
            )
        domains.append(name)
    values = {key: data[key].strip() for key in ("utm_source", "utm_medium", "utm_campaign") if key in data}
    return Tracking(**values, exclude=domains)


def holds(data: dict[str, Any], keys: list[str]) -> bool:
    """Whether the nested tables of `data` hold the key path `keys`."""
    for key in keys:
        if not isinstance(data, dict) or key not in data:
            return False
        data = data[key]
    return True


def merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    result = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merge(result[key], value)
        else:
            result[key] = value
    return result


def calendar_weeks(file: SettingsFile) -> int | None:
    """`[calendar] weeks = 8` in newsletter.toml: how far ahead the elections calendar looks (no limit unset)."""
    data = config_table(file, "calendar", {"weeks"})
    weeks = data.get("weeks") if data else None
    if weeks is None:
        return None
    if isinstance(weeks, bool) or not isinstance(weeks, int) or weeks < 1:
        raise InputError(
            f"[calendar] weeks: {weeks!r} is not a whole number of weeks like 8",
            file=file.path,
            line=file.line("weeks"),
        )
    return weeks
