"""Front matter is plain YAML, read safely and bounded: every bad value is one line naming the file and line."""

import datetime as dt
import time
from pathlib import Path

import pytest

from newsletter.errors import InputError
from newsletter.load import load_source


def story(tmp_path: Path, front: str, name: str = "story.md") -> Path:
    path = tmp_path / name
    path.write_text(f"---\n{front}\n---\n\nBody.\n", encoding="utf-8")
    return path


def error_line(path: Path) -> str:
    with pytest.raises(InputError) as error:
        load_source(path)
    return str(error.value)


@pytest.mark.parametrize(
    ("front", "tag"),
    [
        ("priority: !!int abc", "!!int"),
        ("priority: !!int ''", "!!int"),
        ("priority: !!int 0x", "!!int"),
        ("priority: !!float abc", "!!float"),
        ("lead: !!bool maybe", "!!bool"),
        ("date: !!timestamp nope", "!!timestamp"),
        ("caption: !!str 2026", "!!str"),
        ("tags: !!set {a, b}", "!!set"),
        ("caption: !custom x", "!custom"),
    ],
)
def test_explicit_tags_are_refused_by_name(tmp_path, front, tag):
    path = story(tmp_path, "headline: H\n" + front)
    assert error_line(path) == (
        f"{path}:3: front matter uses the tag {tag}: tags are not allowed; remove it "
        "(put the value in quotes to keep it as text)"
    )


def test_bad_date_names_the_line_instead_of_a_traceback(tmp_path):
    path = story(tmp_path, "headline: H\ndate: 2026-13-45")
    assert error_line(path) == f"{path}:3: date: '2026-13-45' is not a date such as 2026-12-01 (month must be in 1..12)"


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("2026-13-45", "'2026-13-45' is not a date such as 2026-12-01 (month must be in 1..12)"),
        ('"2026-13-45"', "'2026-13-45' is not a date such as 2026-12-01 (month must be in 1..12)"),
        ("'2026-02-30'", "'2026-02-30' is not a date such as 2026-12-01 (day is out of range for month)"),
        ("next Tuesday", "'next Tuesday' is not a date such as 2026-12-01 (write it in digits as YYYY-MM-DD)"),
        ("20261201", "20261201 is not a date such as 2026-12-01 (write it in digits as YYYY-MM-DD)"),
        (
            "2026-12-01 10:30:00",
            "2026-12-01 10:30:00 is not a date such as 2026-12-01 (it holds a time of day; write the date alone)",
        ),
    ],
)
def test_every_bad_date_gets_one_plain_line_that_never_says_to_quote_it(workdir, cli, date, message):
    story(workdir, f"headline: H\ndate: {date}", "a.md")
    result = cli("build", "a.md", "--out", "out")
    assert result.exit_code == 1
    assert f"error: a.md:3: date: {message}\n" in result.output, result.output
    assert "quotes" not in result.output and "input should" not in result.output
    assert not (workdir / "out").exists()


def test_a_headline_that_only_looks_like_a_date_is_kept_as_written(tmp_path):
    assert load_source(story(tmp_path, "headline: 2026-13-45")).stories[0].headline == "2026-13-45"


def test_a_quoted_iso_date_is_a_date(tmp_path):
    assert load_source(story(tmp_path, 'headline: H\ndate: "2026-12-01"')).stories[0].date == dt.date(2026, 12, 1)


def test_a_number_too_long_for_python_names_the_line(tmp_path):
    path = story(tmp_path, "headline: H\npriority: " + "9" * 5000)
    assert error_line(path).startswith(f"{path}:3: '9999")
    assert error_line(path).endswith("correct it, or put it in quotes to keep it as text")


HUGE = "0x" + "f" * 5000  # YAML 1.1 reads hex, octal and base-60 ints past the 4,300 digits decimal may have


@pytest.mark.parametrize(
    ("front", "line", "message"),
    [
        (f"priority: {HUGE}", 3, "priority: input should be less than or equal to 1000000"),
        (f"priority: -{HUGE}", 3, "priority: input should be greater than or equal to -1000000"),
        ("priority: " + ":".join(["59"] * 3000), 3, "priority: input should be less than or equal to 1000000"),
        (f"image:\n  src: https://example.org/a.jpg\n  width: {HUGE}", 5, "image.width: input should be less than "),
        (f"image:\n  src: https://example.org/a.jpg\n  height: {HUGE}", 5, "image.height: input should be less "),
    ],
    ids=["hex priority", "negative hex priority", "base-60 priority", "hex width", "hex height"],
)
def test_a_number_past_its_bounds_in_another_base_names_the_line(tmp_path, front, line, message):
    """Such a number built, and wrote an issue.json that check, send, export and publish could not read back."""
    path = story(tmp_path, "headline: H\n" + front)
    assert error_line(path).startswith(f"{path}:{line}: {message}")


def test_an_alias_bomb_is_refused_at_once(tmp_path):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, 9):
        lines.append(f"{chr(97 + n)}: &{chr(97 + n)} [" + ",".join([f"*{chr(96 + n)}"] * 9) + "]")
    path = story(tmp_path, "headline: H\n" + "\n".join(lines))
    started = time.process_time()
    assert error_line(path) == (
        f"{path}:4: front matter uses the alias *a: aliases (& and *) are not allowed; write the value out in full"
    )
    assert time.process_time() - started < 5  # not minutes: nothing is expanded


@pytest.mark.parametrize("opening", ["[", "{a: "])
def test_deep_nesting_is_refused_with_its_line(tmp_path, opening):
    path = story(tmp_path, "headline: H\ntags: " + opening * 1000 + "x" + ("]" if opening == "[" else "}") * 1000)
    assert error_line(path) == f"{path}:3: front matter nests deeper than 16 levels; flatten it"


def test_deep_block_nesting_is_refused(tmp_path):
    front = "headline: H\nimage:\n" + "".join("  " * depth + "k:\n" for depth in range(1, 40))
    path = story(tmp_path, front)
    assert error_line(path) == f"{path}:19: front matter nests deeper than 16 levels; flatten it"


def test_a_key_given_twice_is_named(tmp_path):
    path = story(tmp_path, "headline: First\ncaption: c\nheadline: Second")
    assert error_line(path) == f"{path}:4: headline is given twice (first on line 2); keep one"


@pytest.mark.parametrize(
    ("line", "quoted"),
    [
        ("headline: Trump: the return", 'headline: "Trump: the return"'),
        ('headline: "Bread & Borders" at the frontier', """headline: '"Bread & Borders" at the frontier'"""),
        ("headline: 'Sunday's vote'", 'headline: "Sunday\'s vote"'),
    ],
)
def test_a_yaml_error_on_a_line_with_colon_or_quotes_says_how_to_quote_it(tmp_path, line, quoted):
    path = story(tmp_path, "caption: c\n" + line)
    message = error_line(path)
    assert message.startswith(f"{path}:3: front matter is not valid YAML: ")
    assert message.endswith(f"; put the value in quotes: {quoted}")


def test_the_suggested_quoting_reads_back_as_the_text(tmp_path):
    path = story(tmp_path, "caption: c\nheadline: 'Sunday's \"big\" vote: what next'")
    fixed = error_line(path).split("; put the value in quotes: ")[1]
    assert load_source(story(tmp_path, fixed, "fixed.md")).stories[0].headline == 'Sunday\'s "big" vote: what next'


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("pull_quotes: 5", "pull_quotes: must be a list of quotes"),
        ("headline: H\npull_quotes: [5]", "pull_quotes: input should be a valid dictionary or instance of pullquote"),
        ("headline: [a, b]", "headline: must be text, not a list or mapping; put it in quotes"),
        ("headline: H\ntags: {a: 1}", "tags: input should be a valid list"),
    ],
)
def test_wrong_types_name_the_key(tmp_path, front, message):
    path = story(tmp_path, front)
    assert error_line(path).split(": ", 1)[1] == message


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ('headline: "\\U00110000"', "story.md:2: \\U00110000 is past the last Unicode character (\\U0010FFFF)"),
        ('headline: "\\Uffffffff"', "story.md:2: \\Uffffffff is past the last Unicode character (\\U0010FFFF)"),
        ("priority: " + "9" * 5000, "is not a whole number (a number of 5000 characters)"),
    ],
)
def test_an_escape_past_unicode_or_a_number_of_thousands_of_digits_is_one_short_line(tmp_path, front, message):
    line = error_line(story(tmp_path, f"headline: A\n{front}" if front.startswith("priority") else front))
    assert message in line and len(line) < 400


@pytest.mark.parametrize(
    ("front", "said"),
    [
        (
            "image:\n  src: https://example.org/a.jpg\n  alt: " + "x" * 2001,
            "image.alt: is 2,001 characters long, over the 2,000 an alt may have",
        ),
        ("caption: " + "x" * 2001, "over the 2,000 a caption may have"),
    ],
)
def test_a_value_too_long_is_named_in_plain_words(tmp_path, front, said):
    """The message reads as English: "an alt", "a caption"."""
    assert said in error_line(story(tmp_path, "headline: H\n" + front))


def test_a_flood_of_unknown_keys_is_named_by_its_first_few_in_one_short_line(tmp_path):
    front = "".join(f"k{number}: v\n" for number in range(20_000))
    line = error_line(story(tmp_path, front.rstrip("\n")))
    assert line.startswith(f"{tmp_path / 'story.md'}:2: unknown key(s) 'k0', 'k1', 'k2', 'k3', 'k4' (+19,995 more); ")
    assert len(line) < 500
