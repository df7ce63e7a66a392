"""The desk's order of the stories: "Make lead" -> issue.toml's `lead = "<file>"`; "Move up", "Move down" -> the story
and the one beside it in its section trade places in the issue folder.

Below the lead, a section's stories follow their `priority` (higher first), then their file's name (sort.py's
group_sections). Two stories trade the whole of that: the number their file names start with (03-, 05-) and their
`priority:` lines, so each takes the other's exact place and every other story, and the order of the sections, stays
where it was. The files keep the numbers `import` gives them, traded; a `priority:` line is written only when the
two differ. Nothing is ever overwritten or half-written: each new name is
made whole (a hard link, or a full new file) before the old one goes, and issue.toml is written whole, then renamed.
"""

from __future__ import annotations

import json
import os
import secrets
import tempfile
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsletter.errors import InputError, OutputError
from newsletter.patterns import regex

from .desk import Added, quoted

if TYPE_CHECKING:
    from newsletter.models import Issue, Story

SETTINGS = "issue.toml"
LEAD_LINE = regex(r"""^(?P<key>[ \t]*(?:lead|"lead"|'lead')[ \t]*=[ \t]*)(?P<value>.*)$""")
PRIORITY_LINE = regex(r"^(?P<key>priority[ \t]*:[ \t]*)(?P<value>[^#]*?)(?P<rest>[ \t]*(?:#.*)?)$")
NUMBER = regex(r"^\d{1,4}-")  # a story file's number, as import and "Add a page" write it (importer.STORY_NUMBER)


def order_of(issue: Issue) -> list[dict[str, Any]]:
    """The desk's list of the stories as the email orders them: the lead (heading ""), then each section; each story
    with its file and line, whether it can lead (issue.toml's `lead` names a file: the first story of one) and whether
    it can move (its file holds it alone)."""
    from newsletter.readers import STORY_SUFFIXES
    from newsletter.render import card_text

    if issue.story_file:  # a look at one story file: no issue folder to order
        return []
    stories = issue.stories
    count = Counter(Path(story.source.file).name for story in stories)
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
            "move": ours and count[name] == 1,
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
        raise InputError(f"{quoted(story)} is not a story file of this issue folder (was it renamed or deleted?)")
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
    from newsletter.tomlfile import parse_toml

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


def move_story(folder: Path, issue: Issue, story: str, line: int, step: int) -> Added:
    """The story `story` (its file's name) at `line` trades places with the one above it (`step` -1) or below it (+1)
    in its section of `issue` (the folder as it is now): their files trade the numbers their names start with, and
    their `priority:` lines when the two differ. The two must each be the only story of their file, and numbered
    (as import names files) with a number no other story below the lead has."""
    root = folder.resolve()
    place = next(
        (
            (section, at)
            for section in issue.sections
            for at, s in enumerate(section.stories)
            if is_story(s, story, line)
        ),
        None,
    )
    if place is None:
        if is_story(issue.lead, story, line):
            raise InputError(f"{story} is the lead: make another story the lead, and this one takes its place below")
        raise InputError(f"{quoted(story)} is no story below the lead in this issue (was it renamed or deleted?)")
    section, at = place
    if not 0 <= at + step < len(section.stories):
        where = "first" if step < 0 else "last"
        raise InputError(f"{story} is {where} in {section.heading!r} already: a story moves within its section")
    mover, other = section.stories[at], section.stories[at + step]
    count = Counter(Path(s.source.file).name for s in issue.stories)
    below = [Path(s.source.file).name for s in issue.stories if s is not issue.lead]
    numbers = Counter(found[0] for name in set(below) if (found := NUMBER.match(name)))
    trades = []
    for one, two in ((mover, other), (other, mover)):
        name, theirs = Path(one.source.file).name, Path(two.source.file).name
        number, taken = NUMBER.match(name), NUMBER.match(theirs)
        if count[name] > 1:
            raise InputError(
                f"holds {count[name]} stories: order them within the file, or move this one by hand", file=name
            )
        if number is None or taken is None:
            plain = name if number is None else theirs
            raise InputError(f"{plain} has no number to trade: name it as import does (05-{plain}) to move it here")
        if numbers[number[0]] > 1:
            raise InputError(f"{number[0]} starts more than one story's name: give {name} a number of its own first")
        priority = None if one.priority == two.priority else two.priority
        trades.append((name, taken[0] + name[number.end() :], priority))
    written = trade(root, trades)
    return Added(written, headlines=[card_headline(mover), card_headline(other)])


STEPS = {"up": -1, "down": 1}


def story_place(fields: dict[str, str]) -> tuple[str, int, int]:
    """A "Move up"/"Move down" request's story (its file's name), line and step."""
    line, step = fields.get("line", ""), fields.get("step", "")
    if not line.isascii() or not line.isdigit() or len(line) > 9 or step not in STEPS:
        raise InputError("a move names its story's line (a number) and its step (up or down)")
    return fields.get("story", ""), int(line), STEPS[step]


def is_story(story: Story, name: str, line: int) -> bool:
    return Path(story.source.file).name == name and story.source.line == line


def card_headline(story: Story) -> str:
    from newsletter.render import card_text

    return card_text(story)[0]


def trade(root: Path, trades: list[tuple[str, str, int | None]]) -> list[str]:
    """Each (name, new name, new priority or None) done. What each new name will hold is made first beside it, whole
    (a hard link to the same file, or a new file when its priority changes); then each new name is linked into place,
    never over a file, and the old names go. Two files whose names differ only in their numbers trade their contents
    under the same two names: each is replaced only once the other's is held by a name of its own. A failure before
    the old names go removes what was made: the folder is as it was."""
    from newsletter.readers import read
    from newsletter.text import read_file

    contents = {}
    for name, _, priority in trades:  # every change read and checked before any is made
        if priority is not None:
            path = root / name
            text = with_priority(read_file(path).decode("utf-8", "surrogateescape"), priority, path)
            data = text.encode("utf-8", "surrogateescape")
            if read(path, [], data).stories[0].priority != priority:
                raise InputError(f"would not read as priority {priority}: change its priority: line by hand", file=path)
            contents[name] = data
    olds = {name for name, _, _ in trades}
    staged: list[tuple[Path, Path, bool]] = []  # (what the new name will hold, the new name, is it an old name)
    placed: list[Path] = []
    try:
        for name, new, _ in trades:
            staged.append((stage(root, name, contents.get(name)), root / new, new in olds))
        for temp, target, traded in staged:
            if not traded:
                os.link(temp, target)  # refuses a name in use: never overwrites
                placed.append(target)
    except OSError as error:
        for path in placed + [temp for temp, _, _ in staged]:
            path.unlink(missing_ok=True)
        why = "exists already" if isinstance(error, FileExistsError) else f"cannot be written ({error.strerror})"
        raise OutputError(f"{why}: nothing was moved", file=error.filename2 or error.filename or root) from None
    for temp, target, traded in staged:
        if traded:
            os.replace(temp, target)  # a name of this very trade, whose file the other's temp holds
    for name in olds - {new for _, new, _ in trades}:
        (root / name).unlink(missing_ok=True)
    for temp, _, _ in staged:
        temp.unlink(missing_ok=True)
    return [new for _, new, _ in trades]


def stage(root: Path, name: str, data: bytes | None) -> Path:
    """A new hidden name in `root` (no story's suffix: the build reads it as no story) holding the file `name`, or
    `data` when given."""
    from newsletter.output import current_umask

    if data is None:
        temp = root / f".moving-{secrets.token_hex(8)}.tmp"
        os.link(root / name, temp, follow_symlinks=False)
        return temp
    handle, made = tempfile.mkstemp(prefix=".moving-", suffix=".tmp", dir=root)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(made, 0o666 & ~current_umask())
    except BaseException:
        os.unlink(made)
        raise
    return Path(made)


def with_priority(text: str, priority: int, path: Path) -> str:
    """A story file's text with `priority: <priority>` in its front matter: its line's value replaced, or the line added
    at the end of the front matter (a pasted page without any is given some); every other line as it was."""
    from newsletter.readers.markdown import front_matter_end
    from newsletter.readers.pasted import opens_front_matter

    bom = "\ufeff" if text.startswith("\ufeff") else ""
    lines = text.removeprefix(bom).split("\n")
    newline = "\r" if lines[0].endswith("\r") else ""
    bare = [line.removesuffix("\r") for line in lines]
    if path.suffix.lower() not in (".md", ".markdown", ".txt"):
        raise InputError("is a saved page, with no front matter to hold its priority: line; move it by hand", file=path)
    if path.suffix.lower() == ".txt" and not opens_front_matter(bare):
        return bom + "\n".join([f"---{newline}", f"priority: {priority}{newline}", f"---{newline}", *lines])
    if bare[0].strip() != "---":
        raise InputError("has no front matter to hold its priority: line", file=path)
    end = front_matter_end(bare, str(path))
    at = next((n for n in range(1, end) if PRIORITY_LINE.match(bare[n])), None)
    if at is None:
        lines.insert(end, f"priority: {priority}{newline}")
    else:
        found = PRIORITY_LINE.match(bare[at])
        assert found is not None
        lines[at] = f"{found['key']}{priority}{found['rest']}{newline}"
    return bom + "\n".join(lines)
