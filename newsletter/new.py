"""Past issues and builds + [schedule] -> next week's issue folder: issue.toml and an example lead story."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, OutputError

ISSUES_ROOT = Path("issues")
BUILD_ROOT = Path("build")
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
SCHEDULE_KEYS = {"weekday"}
LEAD_NAME = "01-lead.md"


@dataclass
class NewIssue:
    folder: Path
    date: dt.date
    number: int
    files: list[Path]
    scheduled: bool  # the date came from [schedule] weekday


def scheduled_weekday(config: Path | None) -> int | None:
    """[schedule] weekday from newsletter.toml as 0 (Monday) to 6, or None when it is not set."""
    from .settings import read_config

    settings = read_config(config)
    schedule = settings.data.get("schedule")
    if schedule is None:
        return None
    if not isinstance(schedule, dict):
        raise InputError("schedule must be a table: [schedule]", file=settings.path, line=settings.line("schedule"))
    # Same rule as every settings table: an unknown key is a typo to name, not to ignore.
    unknown = sorted(set(schedule) - SCHEDULE_KEYS)
    if unknown:
        raise InputError(f"[schedule] unknown key {unknown[0]!r}; known keys: weekday", file=settings.path,
                         line=settings.line(unknown[0]))
    if "weekday" not in schedule:
        return None
    value = schedule["weekday"]
    name = str(value).strip().lower()
    for number, day in enumerate(WEEKDAYS):
        if name in (day, day[:3]):
            return number
    raise InputError(f"[schedule] weekday {value!r} is not a day of the week such as \"tuesday\"",
                     file=settings.path, line=settings.line("weekday"))


def next_date(today: dt.date, weekday: int | None, issues: Path) -> dt.date:
    """The scheduled day on or after today whose issue folder does not exist yet; else today."""
    if weekday is None:
        return today
    day = today + dt.timedelta(days=(weekday - today.weekday()) % 7)
    # On the day itself, once that issue's folder exists, the next one is a week later.
    return day if not (issues / day.isoformat()).exists() else day + dt.timedelta(days=7)


def past_numbers(issues: Path, builds: Path) -> list[int]:
    """Issue numbers named by issues/*/issue.toml and build/*/issue.json; unreadable files are passed over."""
    numbers = []
    for path in sorted(issues.glob("*/issue.toml")) if issues.is_dir() else []:
        try:
            number = tomllib.loads(path.read_text("utf-8")).get("number")
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
        if isinstance(number, int) and not isinstance(number, bool):
            numbers.append(number)
    for path in sorted(builds.glob("*/issue.json")) if builds.is_dir() else []:
        try:
            number = json.loads(path.read_text("utf-8")).get("number")
        except (OSError, UnicodeDecodeError, ValueError, AttributeError):
            continue
        if isinstance(number, int) and not isinstance(number, bool):
            numbers.append(number)
    return numbers


def issue_toml(number: int, date: dt.date) -> str:
    return f"""\
# Settings for this issue only; brand-wide settings live in newsletter.toml.
number = {number}
date = {date.isoformat()}
lead = "{LEAD_NAME}"
# subject = "..."      (default: the lead's headline)
# preheader = "..."    (default: the lead's first sentence)
"""


def lead_story(date: dt.date) -> str:
    # "TK" marks what is still to come: `newsletter check` refuses to call the issue safe to send until
    # every one is replaced, so an example left in by mistake never reaches a reader.
    return f"""\
---
headline: TK Headline of this week's lead story
url: https://example.org/TK-link-to-the-full-story
date: {date.isoformat()}
image:
  src: https://example.org/TK-photo.jpg
  alt: TK What the photo shows, for readers who cannot see it
  width: 1200
  height: 675
caption: TK Who and what is in the photo, where and when.
credit: TK Photographer/Agency
section: TK Section
---

TK The lead story's first paragraph: what happened and why it matters this week. It also becomes the
preheader, the line inboxes show after the subject, unless issue.toml sets one.

TK A second paragraph with the context readers need, and a [link to a source](https://example.org/TK).

Add more stories beside this file: one `.md` file each, or a `.txt` page pasted from a news site.
"""


def new_issue(*, date: dt.date | None = None, config: Path | None = None, issues: Path = ISSUES_ROOT,
              builds: Path = BUILD_ROOT, today: dt.date | None = None) -> NewIssue:
    """Create issues/<date>/ with issue.toml (the next number) and an example lead story; never overwrite."""
    from .sort import today as current_day

    weekday = scheduled_weekday(config) if date is None else None
    day = date or next_date(today or current_day(), weekday, issues)
    folder = issues / day.isoformat()
    if folder.exists() or folder.is_symlink():
        raise OutputError("already exists; edit it, or give another --date", file=folder)
    number = max(past_numbers(issues, builds), default=0) + 1
    files = {"issue.toml": issue_toml(number, day), LEAD_NAME: lead_story(day)}
    write_new_folder(folder, files)
    return NewIssue(folder=folder, date=day, number=number, files=[folder / name for name in files],
                    scheduled=weekday is not None)


def write_new_folder(folder: Path, files: dict[str, str]) -> None:
    """Write the files into a temporary sibling, then rename it into place: all of the folder or none."""
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
        try:
            for name, text in files.items():
                (staging / name).write_text(text, "utf-8")
            # rename() onto an existing empty folder would succeed on POSIX: check right before, and
            # os.rename refuses a non-empty one, so nothing an editor wrote is ever replaced.
            if folder.exists():
                raise OutputError("already exists; edit it, or give another --date", file=folder)
            os.rename(staging, folder)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    except OSError as error:
        raise OutputError(f"cannot be written ({error.strerror or error})", file=folder) from None
