"""Every TOML settings file: issue.toml -> IssueSettings; newsletter.toml (optional) + an issue's brand
overrides + the brand a pasted page names -> Brand. Other stages read their own tables (smtp) through
read_config."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .errors import InputError
from .models import Brand, Tracking
from .patterns import regex
from .text import (
    SETTINGS_LIMIT,
    SETTINGS_TEXT_LIMIT,
    TK,
    clean_value,
    key_line,
    length_problem,
    read_text,
    text_problem,
    unknown_keys,
)
from .tomlfile import parse_toml

CONFIG_NAME = "newsletter.toml"
# Sections other stages read from the same file (smtp for sending, schedule for `new`, tracking for links,
# calendar for the elections calendar, words for the issue's own words: words.py, tk for the phrases in which TK is
# meant in every issue).
CONFIG_SECTIONS = {"brand", "smtp", "schedule", "tracking", "calendar", "more_from", "issue", "words", "tk"}


def config_folder(config: Path | None) -> Path:
    """The folder of the settings file (`config`, else ./newsletter.toml), whether or not it exists: the files
    that live beside it (calendar.csv, the send history, the logo) are found there."""
    return (config or Path(CONFIG_NAME)).parent


class SettingsFile(NamedTuple):
    """A TOML settings file as read: its data, and its text to name the line a key is on."""

    path: Path
    text: str  # empty: the file is not there
    data: dict[str, Any]

    @property
    def folder(self) -> Path:
        """Where a relative path written in the file starts, and where the files beside it are."""
        return self.path.parent

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


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file's data, read as every settings file is (a regular file, under the size limit), keys
    unchecked: for a command that only looks something up in it (`new`, the number of a past issue)."""
    return parse_toml(read_text(path, limit=SETTINGS_LIMIT, what="a settings file"), path)


def read_settings_file(path: Path, known: set[str], *, optional: bool = True) -> SettingsFile:
    """Read and parse a TOML settings file, refusing keys not in `known`; an absent optional file is empty."""
    if optional and not path.exists() and not path.is_symlink():  # a broken symlink is named, not absent
        return SettingsFile(path, "", {})
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


class Table(BaseModel):
    """A TOML table (or a whole file) as a pydantic model: each key checked by its field, a key not in the
    model refused by name (see validated()). A validator raises Problem to say what is wrong in its own words."""

    model_config = ConfigDict(extra="forbid", defer_build=True)


class Problem(ValueError):
    """A validator's whole message, naming its key (`[table] ` goes before it); `item`: the item of a list at
    fault, whose line the error names."""

    def __init__(self, message: str, item: str | None = None):
        super().__init__(message)
        self.item = item


Model = TypeVar("Model", bound=BaseModel)


def validated(model: type[Model], data: dict[str, Any], file: SettingsFile, table: str = "") -> Model:
    """`data` (the table `table` of `file`, or the whole file) as `model`, or an error naming its line."""
    unknown_keys(data, set(model.model_fields) - {"file"}, file.path, file.text)
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise settings_error(error, file, table) from None


def settings_error(error: ValidationError, file: SettingsFile, table: str = "") -> InputError:
    """pydantic's first error as one line: the file, the line of the key, `[table] key: what is wrong`."""
    first = error.errors()[0]
    keys = [str(part) for part in first["loc"] if isinstance(part, str)]
    prefix = f"[{table}] " if table else ""
    cause = first.get("ctx", {}).get("error")
    if isinstance(cause, Problem):
        message = prefix + str(cause)
    else:
        # Our own validators say what is wrong in words; pydantic's other messages are short enough.
        said = str(cause) if first["type"] == "value_error" else first["msg"].lower()
        message = f"{prefix}{'.'.join(keys)}: {said}"
    if not keys:
        return InputError(message, file=file.path, line=file.line(table) if table else None)
    item = cause.item if isinstance(cause, Problem) else None
    line = file.value_line(keys[-1], item) if item is not None else file.line(keys[-1])
    return InputError(message, file=file.path, line=line)


def quoted_text(value: Any, key: str) -> str:
    if not isinstance(value, str):
        raise Problem(f'{key} must be text in quotes: {key} = "..."')
    return value


def true_or_false(value: Any, key: str) -> bool:
    if not isinstance(value, bool):
        raise Problem(f"{key} must be true or false: {key} = true")
    return value


def markdown_text(value: Any, key: str) -> str:
    if not isinstance(value, str):
        raise Problem(f'{key} must be Markdown text in quotes: {key} = """..."""')
    return value.strip()


MEANT_EXAMPLE = 'meant = ["Techniker Krankenkasse (TK)", "TK-Chef"]'


class MeantTk(Table):
    """[tk] of issue.toml (this issue) or newsletter.toml (every issue): `meant`, the phrases in which "TK" is meant
    (a name, a code), as they stand in the stories; any other TK in the issue is still a placeholder. "TK" alone:
    every TK of the issue is meant."""

    meant: list[str] = []

    @model_validator(mode="before")
    @classmethod
    def table(cls, value: Any) -> Any:
        if not isinstance(value, dict):
            raise Problem(f"tk must be a table: write [tk] on a line of its own, then {MEANT_EXAMPLE}")
        for key in value:
            if key != "meant":
                raise Problem(f"[tk] has no key {key!r}; it takes the phrases in which TK is meant: {MEANT_EXAMPLE}")
        return value

    @field_validator("meant", mode="before")
    @classmethod
    def phrases(cls, value: Any) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(phrase, str) and phrase.strip() for phrase in value):
            raise Problem(f"[tk] meant must be a list of the phrases in which TK is meant, such as {MEANT_EXAMPLE}")
        for phrase in value:
            if not TK.search(phrase):
                raise Problem(
                    f"[tk] meant: {phrase!r} holds no TK; write the phrase as the story has it, its TK included",
                    item=phrase,
                )
        return [clean_value(phrase) for phrase in value]


class IssueSettings(Table):
    """What `issue.toml` may say about one issue."""

    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True, defer_build=True)

    subject: str = ""
    preheader: str = ""
    lead: str = ""  # file name of the story that leads
    date: dt.date | None = None
    number: int | None = None
    sections: list[str] = []  # section headings in the order the editor wants
    contents: bool | None = None  # "In this issue" under the masthead (None: newsletter.toml's [issue] says)
    intro: str = ""  # Markdown: the editor's note above the lead
    signoff: str = ""  # Markdown: the closing line(s) after the last section
    brand: dict[str, Any] = {}
    tk: MeantTk = MeantTk()  # [tk] meant: the phrases in which TK is no placeholder
    file: SettingsFile | None = Field(default=None, exclude=True)  # where these came from, to name a line

    @field_validator("contents", mode="before")
    @classmethod
    def yes_or_no(cls, value: Any) -> bool:
        return true_or_false(value, "contents")

    @field_validator("intro", "signoff", mode="before")
    @classmethod
    def markdown_text(cls, value: Any, info: Any) -> str:
        return markdown_text(value, info.field_name)

    @field_validator("subject", "preheader", mode="before")
    @classmethod
    def cleaned_text(cls, value: Any, info: Any) -> str:
        return clean_value(quoted_text(value, info.field_name))

    @field_validator("lead", mode="before")
    @classmethod
    def lead_text(cls, value: Any) -> str:
        return quoted_text(value, "lead")

    @field_validator("date", mode="before")
    @classmethod
    def plain_date(cls, value: Any) -> dt.date:
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            try:  # a quoted ISO date means the same as a bare one
                value = dt.date.fromisoformat(value.strip())
            except ValueError as error:
                raise Problem(f"date {value!r} is not a date ({error})") from None
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise Problem("date must be a date such as 2026-11-24")
        return value

    @field_validator("number", mode="before")
    @classmethod
    def whole_number(cls, value: Any) -> int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise Problem("number must be a whole number")
        return value

    @field_validator("sections", mode="before")
    @classmethod
    def section_names(cls, value: Any) -> list[str]:
        """`sections = ["Elections", "Geopolitics"]`: section headings, each once."""
        example = 'sections must be a list of section headings, such as sections = ["Elections", "Geopolitics"]'
        if not isinstance(value, list) or not all(isinstance(name, str) and name.strip() for name in value):
            raise Problem(example)
        names = [clean_value(name) for name in value]
        for name in names:
            if names.count(name) > 1:
                raise Problem(f"sections names {name!r} twice: keep one", item=name)
        return names

    @field_validator("brand", mode="before")
    @classmethod
    def brand_table(cls, value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise Problem("brand must be a table: [brand]")
        return value


class BrandTk(Table):
    """newsletter.toml's [tk], checked as issue.toml's is (its messages name their table themselves)."""

    tk: MeantTk = MeantTk()


def load_tk_meant(file: SettingsFile) -> list[str]:
    """newsletter.toml's [tk] meant: the phrases in which TK is meant in every issue, such as the brand's own name."""
    return validated(BrandTk, {"tk": file.data["tk"]}, file).tk.meant if "tk" in file.data else []


def load_issue_settings(path: Path) -> IssueSettings:
    file = read_settings_file(path, set(IssueSettings.model_fields) - {"file"})
    settings = validated(IssueSettings, file.data, file)
    settings.file = file
    return settings


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
        keys = [str(part) for part in error.errors()[0]["loc"] if isinstance(part, str)]
        where = overrides_file if overrides_file is not None and holds(overrides or {}, keys) else config_file
        raise settings_error(error, where, "brand") from None
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
    from .links import base_url_problem, check_link

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

        if keys == ["web_base_url"]:
            problem = base_url_problem(value.strip())
            if problem:
                raise fail(problem)
            continue
        if keys[-1] not in ("email", "reply_to"):
            check_link(value.strip(), fail)
            continue
        from email_validator import EmailNotValidError, validate_email  # 20 ms: only when an address is set

        try:
            valid = validate_email(value.strip(), check_deliverability=False)
        except EmailNotValidError as error:
            raise fail(f"{value!r} is not an email address: {error}") from None
        if valid.ascii_email is None:
            raise fail(f"{value!r} needs a mail server that takes non-ASCII addresses (SMTPUTF8); use an ASCII address")
        if valid.ascii_email != valid.normalized:
            raise fail(f"{value!r}: write the domain in its ASCII form, {valid.ascii_email}")


DOMAIN = regex(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}")
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def read_table(file: SettingsFile, name: str, model: type[Model]) -> Model | None:
    """One table of newsletter.toml as `model`; None when the file does not have it (read_config has made
    sure that what it has is a table)."""
    data = file.data.get(name)
    return None if data is None else validated(model, data, file, name)


class Schedule(Table):
    """[schedule]: the day `newsletter new` dates an issue for."""

    weekday: int | None = None  # 0 (Monday) to 6

    @field_validator("weekday", mode="before")
    @classmethod
    def day_number(cls, value: Any) -> int:
        name = str(value).strip().lower()
        for number, day in enumerate(WEEKDAYS):
            if name in (day, day[:3]):
                return number
        raise Problem(f'weekday {value!r} is not a day of the week such as "tuesday"')


def load_weekday(config: Path | None) -> int | None:
    """[schedule] weekday from newsletter.toml as 0 (Monday) to 6, or None when it is not set."""
    schedule = read_table(read_config(config), "schedule", Schedule)
    return schedule.weekday if schedule else None


class TrackingTable(Tracking):
    """[tracking] as written: the campaign tags, each a word or phrase, and the domains left alone."""

    @model_validator(mode="before")
    @classmethod
    def has_source(cls, data: Any) -> Any:
        if isinstance(data, dict) and "utm_source" not in data:
            raise Problem(
                "needs utm_source, the name your analytics shows for the newsletter, such as "
                'utm_source = "ballot-brief"'
            )
        return data

    @field_validator("utm_source", "utm_medium", "utm_campaign", mode="before")
    @classmethod
    def phrase(cls, value: Any, info: Any) -> str:
        if not isinstance(value, str) or not value.strip() or clean_value(value) != value.strip():
            key = info.field_name
            raise Problem(f'{key} must be a word or phrase in quotes, such as {key} = "newsletter"')
        return value.strip()

    @field_validator("exclude", mode="before")
    @classmethod
    def domains(cls, value: Any) -> list[str]:
        domains = []
        for domain in value if isinstance(value, list) else [value]:
            name = str(domain).strip().lower().removeprefix("www.") if isinstance(domain, str) else ""
            if not DOMAIN.fullmatch(name):
                raise Problem(f'exclude: {domain!r} is not a domain such as "example.org"')
            domains.append(name)
        return domains


def load_tracking(file: SettingsFile) -> Tracking | None:
    """[tracking] from newsletter.toml: the campaign tags for story links, or None (no tagging) without it."""
    table = read_table(file, "tracking", TrackingTable)
    return Tracking.model_validate(table.model_dump()) if table else None


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


class Calendar(Table):
    """[calendar]: how far ahead the elections calendar looks."""

    weeks: int | None = None  # no limit unset

    @field_validator("weeks", mode="before")
    @classmethod
    def whole_weeks(cls, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise Problem(f"weeks: {value!r} is not a whole number of weeks like 8")
        return value


def calendar_weeks(file: SettingsFile) -> int | None:
    """`[calendar] weeks = 8` in newsletter.toml: how far ahead the elections calendar looks (no limit unset)."""
    calendar = read_table(file, "calendar", Calendar)
    return calendar.weeks if calendar else None


class MoreFrom(Table):
    """[more_from]: the brand's own feed, which `import` turns into "More from" stories, and how many posts."""

    feed: str = ""  # an http(s) URL of an RSS or Atom feed
    count: int = 5  # at most this many posts an issue

    @field_validator("feed", mode="before")
    @classmethod
    def feed_address(cls, value: Any) -> str:
        if not isinstance(value, str) or (value.strip() and not re.match(r"(?i)https?://\S", value.strip())):
            raise Problem(
                f"feed: {value!r} is not the http or https address of a feed, "
                'such as feed = "https://example.org/feed.xml"'
            )
        return value.strip()

    @field_validator("count", mode="before")
    @classmethod
    def posts(cls, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 50:
            raise Problem(f"count: {value!r} is not a whole number of posts from 1 to 50")
        return value


def load_more_from(file: SettingsFile) -> MoreFrom:
    """`[more_from] feed = "https://…/feed.xml"` and `count = 5`: where `import` finds the brand's own posts."""
    return read_table(file, "more_from", MoreFrom) or MoreFrom()


class IssueDefaults(Table):
    """newsletter.toml's [issue]: what every issue has unless its issue.toml says otherwise."""

    contents: bool = False  # "In this issue" under the masthead
    signoff: str = ""  # Markdown: the closing words of every issue

    @field_validator("contents", mode="before")
    @classmethod
    def yes_or_no(cls, value: Any) -> bool:
        return true_or_false(value, "contents")

    @field_validator("signoff", mode="before")
    @classmethod
    def markdown_text(cls, value: Any) -> str:
        return markdown_text(value, "signoff")


def load_issue_defaults(file: SettingsFile) -> IssueDefaults:
    return read_table(file, "issue", IssueDefaults) or IssueDefaults()
