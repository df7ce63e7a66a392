"""Front matter text (plain YAML) -> a dict of plain values, or an InputError naming the file and line.

Only plain YAML is read: no explicit tags (`!!int abc`, `!!python/object`), no anchors and aliases (a
400-byte alias bomb expands to gigabytes), at most MAX_DEPTH levels of nesting. The values are built from
PyYAML's event stream, one event at a time and without recursion, so every value is checked where it
stands and a bad one is named with its line instead of escaping from a constructor as a traceback.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from newsletter.errors import InputError
from newsletter.patterns import regex
from newsletter.text import shorten, text_problem

MAX_DEPTH = 16  # a story's front matter needs three (image.width); deeper nesting is a mistake or an attack
YAML_TAGS = "tag:yaml.org,2002:"
EXPECTED = {"int": "a whole number", "float": "a number", "bool": "true or false"}


def parse_front_matter(text: str, file: object, first_line: int = 2) -> dict[str, Any]:
    """The front matter's mapping; `first_line` is the file's line number of the text's first line."""
    import yaml

    try:
        # libyaml's parser when PyYAML has it: ten times faster.
        return read_events(text, file, first_line, getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        # The pure-Python parser names the problem and its line more exactly than libyaml, and reads escapes
        # libyaml refuses ("\ud800"), which are then refused by name. Iterative too: no recursion.
        try:
            return read_events(text, file, first_line, yaml.SafeLoader)
        except yaml.YAMLError as error:
            raise syntax_error(text, error, file, first_line) from None
        except (ValueError, OverflowError):  # PyYAML's scanner on an escape past Unicode's last: "\U00110000"
            raise beyond_unicode(text, file, first_line) from None


def beyond_unicode(text: str, file: object, first_line: int) -> InputError:
    """The error for an escape past Unicode's last character (U+10FFFF), at the first line that holds one."""
    for n, line in enumerate(text.split("\n")):
        for escape in re.findall(r"\\U([0-9A-Fa-f]{8})", line):
            if int(escape, 16) > 0x10FFFF:
                return InputError(
                    f"\\U{escape} is past the last Unicode character (\\U0010FFFF): write the character itself",
                    file=file,
                    line=n + first_line,
                )
    return InputError("holds an escape past the last Unicode character (\\U0010FFFF)", file=file, line=first_line)


def read_events(text: str, file: object, first_line: int, loader: Any) -> dict[str, Any]:
    import yaml

    def where(mark: Any) -> int:
        return (mark.line if mark is not None else 0) + first_line

    def fail(message: str, mark: Any = None, line: int | None = None) -> InputError:
        return InputError(message, file=file, line=line if line is not None else where(mark))

    stack: list[tuple[Any, Any]] = []  # open collections: (the list or dict, the key awaiting its value)
    key_lines: list[dict[Any, int]] = []  # per open mapping: the line of each key, to name duplicates
    result: Any = None
    documents = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise fail(
                    "front matter holds a second YAML document; keep one set of 'key: value' lines", event.start_mark
                )
            continue
        if isinstance(event, yaml.AliasEvent):
            raise fail(
                f"front matter uses the alias *{event.anchor}: aliases (& and *) are not allowed; "
                "write the value out in full",
                event.start_mark,
            )
        if (
            isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent))
            and event.tag is not None
            and not (isinstance(event, yaml.CollectionStartEvent) and event.implicit)
        ):
            raise fail(
                f"front matter uses the tag {short_tag(event.tag)}: tags are not allowed; remove it "
                "(put the value in quotes to keep it as text)",
                event.start_mark,
            )
        if isinstance(event, yaml.ScalarEvent):
            value = scalar(event, fail)
        elif isinstance(event, yaml.CollectionStartEvent):
            if len(stack) >= MAX_DEPTH:
                raise fail(f"front matter nests deeper than {MAX_DEPTH} levels; flatten it", event.start_mark)
            container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
            stack.append((container, NO_KEY))
            key_lines.append({})
            continue
        elif isinstance(event, yaml.CollectionEndEvent):
            value, _ = stack.pop()
            key_lines.pop()
        else:
            continue
        if not stack:
            result = value
            continue
        container, pending = stack[-1]
        if isinstance(container, list):
            container.append(value)
        elif pending is NO_KEY:
            if isinstance(value, (dict, list)):
                raise fail("front matter keys must be plain words, not lists or mappings", event.start_mark)
            seen = key_lines[-1]
            if value in seen:
                raise fail(f"{value} is given twice (first on line {seen[value]}); keep one", event.start_mark)
            seen[value] = where(event.start_mark)
            stack[-1] = (container, value)
        else:
            container[pending] = value
            stack[-1] = (container, NO_KEY)
    if result is None:
        return {}
    if not isinstance(result, dict):
        raise fail("front matter must be 'key: value' lines", line=first_line)
    return result


NO_KEY = object()


def short_tag(tag: str) -> str:
    return "!!" + tag[len(YAML_TAGS) :] if tag.startswith(YAML_TAGS) else tag


def scalar(event: Any, fail: Any) -> Any:
    """A scalar's value as YAML 1.1 resolves it (plain `5` is an int, `2026-11-20` a date); quoted is text."""
    import yaml

    if not event.implicit[0]:  # quoted or a block scalar: always text
        problem = text_problem(event.value)  # an escape such as "\x01", "\ud800" or "\u2028"
        if problem:
            raise fail(f"front matter value {problem}", event.start_mark)
        return event.value
    node = yaml.ScalarNode(None, event.value, event.start_mark, event.end_mark)
    resolver, constructor = helpers()
    node.tag = resolver.resolve(yaml.ScalarNode, event.value, (True, False))
    kind = node.tag[len(YAML_TAGS) :] if node.tag.startswith(YAML_TAGS) else ""
    if kind not in ("null", "bool", "int", "float", "timestamp"):
        return event.value  # text, and `<<` or `=`, which only mean something with aliases and tags
    try:
        value = constructor.yaml_constructors[node.tag](constructor, node)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError) as error:
        if kind == "timestamp":
            # Text that only looks like a date (2026-13-45): a text field keeps it, as it keeps a real date's text,
            # and the date field says what is wrong with it (as_date), as it does when it is quoted.
            return event.value
        detail = str(error).split("\n")[0] or type(error).__name__
        if re.search(r"\d{4301}", event.value):  # past int()'s 4,300 digits: Python's own words say nothing useful
            detail = f"a number of {len(event.value)} characters"
        raise fail(
            f"{shorten(event.value, 60)!r} is not {EXPECTED.get(kind, 'a value')} ({shorten(detail, 120)}); correct "
            "it, or put it in quotes to keep it as text",
            event.start_mark,
        ) from None
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        value = value.replace(tzinfo=None)
    return value


def as_date(value: object) -> dt.date:
    """A front matter date: one YAML read as a date, or text YAML would read as one ("2026-12-01" in quotes).
    ValueError saying in plain words why anything else is not one: a time of day, a month 13, other words."""
    if isinstance(value, str):
        import yaml

        resolver, constructor = helpers()
        tag = resolver.resolve(yaml.ScalarNode, value.strip(), (True, False))
        if tag != YAML_TAGS + "timestamp":
            raise ValueError(IN_DIGITS)
        node = yaml.ScalarNode(tag, value.strip())
        try:
            value = constructor.yaml_constructors[tag](constructor, node)
        except (ValueError, OverflowError) as error:
            raise ValueError(str(error).split("\n")[0]) from None
    if isinstance(value, dt.datetime):
        if value.time() != dt.time():
            raise ValueError("it holds a time of day; write the date alone")
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise ValueError(IN_DIGITS)


IN_DIGITS = "write it in digits as YYYY-MM-DD"


@functools.cache
def helpers() -> tuple[Any, Any]:
    """PyYAML's resolver and safe constructor, made once."""
    import yaml

    return yaml.resolver.Resolver(), yaml.constructor.SafeConstructor()


KEY_VALUE = regex(r"^(?P<indent>\s*(?:-\s+)?)(?P<key>[\w\-]+):\s+(?P<value>.*\S)\s*$")


def syntax_error(text: str, error: Any, file: object, first_line: int) -> InputError:
    """Bad YAML: the problem, its line and, for a value holding `: ` or quotes, how to quote it."""
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or "cannot be parsed"
    lines = text.split("\n")
    hint = ""
    for index in [mark.line, mark.line - 1] if mark is not None else []:
        match = KEY_VALUE.match(lines[index]) if 0 <= index < len(lines) else None
        if match and (": " in match["value"] or re.search(r"[\"'#&*!|>%@`]", match["value"])):
            hint = f"; put the value in quotes: {match['key']}: {quote(match['value'])}"
            return InputError(f"front matter is not valid YAML: {problem}{hint}", file=file, line=index + first_line)
    line = (mark.line if mark is not None else 0) + first_line
    return InputError(f"front matter is not valid YAML: {problem}", file=file, line=line)


def quote(value: str) -> str:
    """`value` as a YAML string: in double quotes, or in single quotes when it holds double quotes."""
    if len(value) > 1 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]  # the editor meant to quote it, and the text holds the same quote
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"
