"""Settings files are read safely and bounded: a wrong type or shape is one line naming the file and line."""

import datetime as dt
from pathlib import Path

import pytest

from newsletter.errors import InputError
from newsletter.send.smtp_settings import load_settings
from newsletter.settings import load_issue_settings, read_config

STORY = "---\nheadline: A headline\n---\n\nBody.\n"


def settings(tmp_path: Path, text: str, name: str = "newsletter.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(call, *args) -> str:
    with pytest.raises(InputError) as error:
        call(*args)
    return str(error.value)


@pytest.mark.parametrize("value", ['"x"', "5", "[1, 2]"])
def test_brand_that_is_not_a_table_is_named(tmp_path, value):
    path = settings(tmp_path, f"brand = {value}\n")
    assert error_of(read_config, path) == (
        f"{path}:1: brand must be a table: write [brand] on a line of its own, then its keys"
    )


def test_smtp_port_of_the_wrong_type_is_named(tmp_path):
    path = settings(tmp_path, '[smtp]\nhost = "127.0.0.1"\nport = {}\n')
    assert error_of(load_settings, path, {}) == f"{path}:3: [smtp] port: {{}} is not a port number"


@pytest.mark.parametrize(
    ("deep", "line"),
    [
        ("x = " + "[" * 1000 + "]" * 1000, 2),
        ("x = " + "{a = " * 1000 + "1" + "}" * 1000, 2),
        ("[" + ".".join(["a"] * 1000) + "]\nb = 1", 2),
    ],
)
def test_deep_toml_is_refused_with_its_line(tmp_path, deep, line):
    path = (
        settings(tmp_path, "[brand]\n" + deep + "\n", "issue.toml")
        if deep.startswith("x")
        else settings(tmp_path, "# deep\n" + deep + "\n", "issue.toml")
    )
    assert error_of(load_issue_settings, path) == (
        f"{path}:{line}: nests arrays or tables deeper than 16 levels; flatten them"
    )


def test_a_quoted_iso_date_in_issue_toml_is_a_date(tmp_path):
    path = settings(tmp_path, 'date = "2026-12-01"\n', "issue.toml")
    assert load_issue_settings(path).date == dt.date(2026, 12, 1)


def test_a_quoted_impossible_date_is_named(tmp_path):
    path = settings(tmp_path, 'subject = "s"\ndate = "2026-13-45"\n', "issue.toml")
    assert error_of(load_issue_settings, path) == (
        f"{path}:2: date '2026-13-45' is not a date (month must be in 1..12)"
    )


def test_a_subject_that_is_not_text_is_named_not_stringified(tmp_path):
    path = settings(tmp_path, "subject = [1, 2]\n", "issue.toml")
    assert error_of(load_issue_settings, path) == f'{path}:1: subject must be text in quotes: subject = "..."'


def test_a_number_too_long_to_read_is_named_with_its_line(tmp_path):
    path = settings(tmp_path, 'subject = "s"\nnumber = ' + "9" * 5000 + "\n", "issue.toml")
    assert error_of(load_issue_settings, path) == (
        f"{path}:2: holds a number too long to read (over 4,300 digits); shorten it"
    )


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        ("issue.toml", 'subject = "s"\nnumber = 0x' + "f" * 5000 + "\n", 2),
        ("newsletter.toml", '[brand.logo]\nsrc = "https://example.org/logo.png"\nwidth = 0o' + "7" * 30 + "\n", 3),
        ("newsletter.toml", "[calendar]\nweeks = 9_223_372_036_854_775_808\n", 2),
        ("newsletter.toml", "[calendar]\nweeks = -9_223_372_036_854_775_809\n", 2),
    ],
    ids=["hex issue number", "octal logo width", "decimal past 64 bits", "negative decimal"],
)
def test_an_integer_past_tomls_64_bits_is_named_with_its_line(tmp_path, name, text, line):
    """TOML's integers are 64-bit; Python reads hex ones of any length, which made rendering fail as an internal
    error ("Exceeds the limit (4300 digits) for integer string conversion")."""
    path = settings(tmp_path, text, name)
    load = load_issue_settings if name == "issue.toml" else read_config
    assert error_of(load, path) == (
        f"{path}:{line}: holds a number past TOML's 64-bit integers (over 9,223,372,036,854,775,807); shorten it"
    )
