"""Past issues and builds + [schedule] -> next week's issue folder: issue.toml and an example lead story."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, OutputError
from .output import UMASK

ISSUES_ROOT = Path("issues")
BUILD_ROOT = Path("build")
LEAD_NAME = "01-lead.md"


@dataclass
class NewIssue:
    folder: Path
    date: dt.date
    number: int
    files: list[Path]
    scheduled: bool  # the date came from [schedule] weekday
    unread: list[str] = field(default_factory=list)  # past issues' files that could not be read, and why


def latest_issue(issues: Path = ISSUES_ROOT) -> Path | None:
    """The newest issue folder under issues/ (named by date, as `new` makes them), or None."""
    from .buildfolder import latest_dated

    return latest_dated(issues)


def next_date(today: dt.date, weekday: int | None, issues: Path) -> dt.date:
    """The scheduled day on or after today whose issue folder does not exist yet; else today."""
    if weekday is None:
        return today
    try:
        day = today + dt.timedelta(days=(weekday - today.weekday()) % 7)
        # On the day itself, once that issue's folder exists, the next one is a week later.
        return day if not (issues / day.isoformat()).exists() else day + dt.timedelta(days=7)
    except OverflowError:  # past 9999-12-31, where Python's calendar ends
        raise InputError(
            f"the next [schedule] weekday after {today.isoformat()} is past the last date there is (9999-12-31); "
            "give --date"
        ) from None


def past_numbers(issues: Path, builds: Path) -> tuple[list[int], list[str]]:
    """Issue numbers named by issues/*/issue.toml and build/*/issue.json, and the files among them that
    could not be read, each with its problem (passed over: never waited on, as a FIFO would make us). A build
    is read as every command reads one: an edited build is refused, here too."""
    from .buildfolder import EditedBuild, read_built
    from .settings import read_toml

    numbers, unread = [], []
    for path in sorted(issues.glob("*/issue.toml")) if issues.is_dir() else []:
        try:
            number = read_toml(path).get("number")
        except InputError as error:
            unread.append(str(error))
            continue
        if isinstance(number, int) and not isinstance(number, bool):
            numbers.append(number)
    for path in sorted(builds.glob("*/issue.json")) if builds.is_dir() else []:
        try:
            number = json.loads(read_built(path.parent, ("issue.json",))["issue.json"]).get("number")
        except EditedBuild:
            raise
        except InputError as error:
            unread.append(str(error))
            continue
        except (ValueError, AttributeError, RecursionError):  # RecursionError: nested past Python's stack
            unread.append(f"{path}: is not an issue.json")
            continue
        if isinstance(number, int) and not isinstance(number, bool):
            numbers.append(number)
    return numbers, unread


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


def new_issue(
    *,
    date: dt.date | None = None,
    config: Path | None = None,
    issues: Path = ISSUES_ROOT,
    builds: Path = BUILD_ROOT,
    today: dt.date | None = None,
) -> NewIssue:
    """Create issues/<date>/ with issue.toml (the next number) and an example lead story; never overwrite."""
    from .settings import load_weekday

    weekday = load_weekday(config) if date is None else None
    day = date or next_date(today or dt.date.today(), weekday, issues)
    folder = issues / day.isoformat()
    if folder.exists() or folder.is_symlink():
        raise OutputError("already exists; edit it, or give another --date", file=folder)
    numbers, unread = past_numbers(issues, builds)
    number = max(numbers, default=0) + 1
    files = {"issue.toml": issue_toml(number, day), LEAD_NAME: lead_story(day)}
    write_new_folder(folder, files)
    return NewIssue(
        folder=folder,
        date=day,
        number=number,
        files=[folder / name for name in files],
        scheduled=weekday is not None,
        unread=unread,
    )


def write_new_folder(folder: Path, files: dict[str, str]) -> None:
    """Write the files into a temporary sibling, then rename it into place: all of the folder or none."""
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
        try:
            # The modes of any new folder, not mkdtemp's 0700: the rename would keep it, and a teammate sharing the
            # newsletter could not open the issue.
            staging.chmod(0o777 & ~UMASK)
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
