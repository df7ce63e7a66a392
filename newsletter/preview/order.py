"""The desk's order of the stories: the list of them as the email orders them, and "Make lead" -> issue.toml's
`lead = "<file>"`, changed on its line alone, written whole, then renamed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsletter.errors import InputError
from newsletter.patterns import regex

from .desk import Added

if TYPE_CHECKING:
    from newsletter.models import Issue, Story

SETTINGS = "issue.toml"
LEAD_LINE = regex(r"""^(?P<key>[ \t]*(?:lead|"lead"|'lead')[ \t]*=[ \t]*)(?P<value>.*)$""")


def order_of(issue: Issue) -> list[dict[str, Any]]:
    """The desk's list of the stories as the email orders them: the lead (heading ""), then each section; each story
    with its file and line, and whether it can lead (issue.toml's `lead` names a file: the first story of one)."""
    from newsletter.readers import STORY_SUFFIXES
    from newsletter.render import card_text

    if issue.story_file:  # a look at one story file: no issue folder to order
        return []
    stories = issue.stories
    first: dict[str, int] = {}
    for story in stories:
        name = Path(story.source.file).name
        first[name] = min(first.get(name, story.source.line), story.source.line)

    def entry(story: Story) -> dict[str, Any]:
        name = Path(story.source.file).name
        ours = name.lower().endswith(STORY_SUFFIXES)
        return {
            "file": name if ours else "",
            "line": story.source.line,
            "headline": card_text(story)[0],
            "lead": ours and story.source.line == first[name],
        }

    return [{"heading": "", "stories": [entry(issue.lead)]}] + [
        {"heading": section.heading, "stories": [entry(story) for story in section.stories]}
        for section in issue.sections
    ]


def make_lead(folder: Path, story: str) -> Added:
    """issue.toml's `lead` names `story` (a story file of the issue folder, by its name): the key's value replaced, or
    the key added after the file's opening comments; every other line stays as it was, byte for byte. issue.toml has
    the last word over a story's `lead: true` (the build names that story)."""
    from newsletter.load import story_files
    from newsletter.output import write_atomic
    from newsletter.text import SETTINGS_LIMIT, read_file

    root = folder.resolve()
    try:
        names = {path.name for path in story_files(root)}
    except OSError as error:
        raise InputError(f"cannot be read ({error.strerror or error})", file=root) from None
    if story not in names:  # a name from the page is only ever matched against the folder's own
        raise InputError(f"{story!r} is not a story file of this issue folder (was it renamed or deleted?)")
    path = root / SETTINGS
    data = read_file(path, limit=SETTINGS_LIMIT, what="a settings file") if path.exists() or path.is_symlink() else b""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("is not UTF-8: save it as UTF-8 first; nothing was written", file=path) from None
    changed = with_lead(text, story, path)
    if changed != text:
        write_atomic(path, changed.encode("utf-8"))
    return Added([SETTINGS])


def with_lead(text: str, name: str, path: Path) -> str:
    """`text` (an issue.toml) with its top-level `lead` set to `name`, changed on one line, and checked: the file must
    read as before but for `lead`, or nothing is written."""
    from newsletter.settings import parse_toml

    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text.removeprefix(bom)
    before = parse_toml(body, path)  # an issue.toml that does not read stops here, named at its line
    wanted = {**before, "lead": name}
    value = json.dumps(name, ensure_ascii=False)  # a TOML basic string: JSON's escapes are TOML's
    lines = body.split("\n")
    candidates = []
    for number, line in enumerate(lines):
        found = LEAD_LINE.match(line)
        if found:
            end = string_end(found["value"])
            rest = found["value"][end:] if end else ("\r" if line.endswith("\r") else "")
            candidates.append([*lines[:number], found["key"] + value + rest, *lines[number + 1 :]])
    if "lead" not in before:  # the key goes first, after the file's opening comments: a place no table or string holds
        at = next((n for n, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")), len(lines))
        newline = "\r" if lines[0].endswith("\r") else ""
        candidates.append([*lines[:at], f"lead = {value}{newline}", *lines[at:]] if body else [f"lead = {value}", ""])
    for candidate in candidates:
        changed = "\n".join(candidate)
        try:
            if parse_toml(changed, path) == wanted:
                return bom + changed
        except InputError:
            continue
    raise InputError(f"its lead could not be changed on one line: write lead = {value} there by hand", file=path)


def string_end(value: str) -> int | None:
    """Where the one-line TOML string that `value` starts with ends (the index after its closing quote), or None."""
    if value.startswith(('"""', "'''")):
        return None
    if value.startswith("'"):
        end = value.find("'", 1)
        return end + 1 if end > 0 else None
    if value.startswith('"'):
        at = 1
        while at < len(value):
            if value[at] == "\\":
                at += 2
                continue
            if value[at] == '"':
                return at + 1
            at += 1
    return None
