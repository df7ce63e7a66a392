"""TOML text -> its data, read as every settings file is: tomllib, with the line of an error named on every Python,
and refused past what any setting needs (nesting deeper than MAX_DEPTH, integers past 64 bits, numbers too long to
read)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import InputError
from .patterns import regex

TOML_WHERE = regex(r"\s*\(at line (\d+), column \d+\)$")


def parse_toml(text: str, path: Path) -> dict[str, Any]:
    """A TOML file's data, or an error naming its line (Python before 3.14 has it only in the message)."""
    import tomllib  # only where a settings file is read: an issue without one does not load the parser

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
    if any(not INT64[0] <= number <= INT64[1] for number in integers(data)):
        raise InputError(
            "holds a number past TOML's 64-bit integers (over 9,223,372,036,854,775,807); shorten it",
            file=path,
            line=past_64_bits_line(text),
        )
    return data


# TOML's integers are 64-bit; Python's reader takes hex, octal and binary ones of any length (0xfff... past the
# 4,300 digits Python will write out), which rendering the issue then failed on.
INT64 = (-(2**63), 2**63 - 1)
INTEGER = regex(r"(?<![\w.])[+-]?(?:0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|\d[\d_]*)(?![\w.:-])")


def integers(data: Any) -> Iterator[int]:
    """Every integer in the data, however deep (walked without recursion)."""
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, int) and not isinstance(value, bool):
            yield value
        elif isinstance(value, dict | list):
            stack.extend(value.values() if isinstance(value, dict) else value)


def past_64_bits_line(text: str) -> int | None:
    """The first line holding an integer past 64 bits, as written (hex, octal, binary or decimal)."""
    for number, line in enumerate(text.split("\n"), start=1):
        for found in INTEGER.findall(line):
            try:
                if not INT64[0] <= int(found.replace("_", ""), 0) <= INT64[1]:
                    return number
            except ValueError:  # 0755 and the like: not an integer TOML reads
                continue
    return None


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
