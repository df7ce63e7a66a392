"""Generated bad input never crashes, hangs or blames no file: loaders and the CLI on hypothesis' inputs.

Bounded in examples and without deadlines so the suite stays fast on a shared machine; a failure prints
the smallest input that breaks the promise (one line naming the file, exit 0 or 1, no traceback).
"""

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from newsletter.cli import app
from newsletter.errors import NewsletterError
from newsletter.load import load_source
from newsletter.settings import load_brand, read_config

FRONT_PIECES = [
    "headline: ",
    "caption: ",
    "credit: ",
    "teaser: ",
    "section: ",
    "date: ",
    "url: ",
    "tags: ",
    "lead: ",
    "priority: ",
    "pull_quotes: ",
    "image:\n  src: ",
    "image:\n  width: ",
    "unknown: ",
    "\n",
    "\n  ",
    ": ",
    "- ",
    '"',
    "'",
    "!!int ",
    "!!float ",
    "!!bool ",
    "!!timestamp ",
    "!!python/object:os.system ",
    "!x ",
    "&a ",
    "*a ",
    "<<: ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "#",
    "|\n  ",
    ">\n  ",
    "%",
    "@",
    "`",
    "?",
    "2026-13-45",
    "2026-12-01",
    "0x",
    "1e999",
    "9" * 30,
    "true",
    "null",
    "~",
    '"\\ud800"',
    '"\\x01"',
    '"\\u2028"',
    "\\",
    "\x01",
    "\u2028",
    "\u200b",
    "é",
    "🙂",
    "javascript:alert(1)",
    "http://[::1",
    "https://example.org/a",
    "mailto:a@b",
    "word ",
    "A headline",
    "...",
    "---",
]
BODY_PIECES = [
    "word ",
    "*a* ",
    "_b_ ",
    "**c** ",
    "[link](https://example.org/x) ",
    "[bad](javascript:x) ",
    "<b>x</b> ",
    "`code` ",
    "\n",
    "\n\n",
    "- item\n",
    "1. item\n",
    "> quote\n",
    "# Heading\n",
    "```\ncode\n```\n",
    "\x01",
    "\u2028",
    "\u00ad",
    "More from GZERO Media\n",
    "REUTERS/Someone\n",
    "“A quotation of some length here,” says Someone.\n",
    "http://[::1 ",
    "![img](https://example.org/i.jpg) ",
    "&amp; ",
    "%%{unsubscribe_url}%% ",
    "{{ x }} ",
    "*|UNSUB|* ",
    "[v6](http://[::1) ",
    "<http://[::1> ",
    "[rel](/a/b) ",
    "More from =?utf-8?q?News=0D=0ABcc:_x@example.org?=\n",
    "Photo by Someone\n",
]
TOML_PIECES = [
    "subject = ",
    "preheader = ",
    "date = ",
    "number = ",
    "lead = ",
    "brand = ",
    "[brand]\n",
    "[brand.logo]\n",
    "[brand.colors]\n",
    "[smtp]\n",
    "name = ",
    "postal_address = ",
    "unsubscribe_url = ",
    "src = ",
    "text = ",
    "port = ",
    "\n",
    '"x"',
    '"2026-12-01"',
    "2026-12-01",
    '"2026-13-45"',
    "5",
    "{}",
    "[]",
    "[[",
    "]]",
    "{a = 1}",
    '"\\u2028"',
    '"\\u0001"',
    '"javascript:x"',
    '"http://[::1"',
    '"#zzz"',
    "true",
    "=",
    '"',
    "'",
    "é",
    '"news@"',
    '"news@exämple.org"',
    '"desk@example.org"',
    '"https://example.org/u"',
    '"x" # c',
    "1e400",
    "9" * 4400,
]


def joined(pieces: list[str], size: int = 30) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=size).map("".join)


KEYS = [
    "headline",
    "caption",
    "credit",
    "teaser",
    "section",
    "date",
    "url",
    "tags",
    "lead",
    "priority",
    "pull_quotes",
    "image",
    "layout",
]
# Mostly well-formed `key: value` lines with odd values, sometimes raw pieces: most stories get past the
# YAML parser to the checks behind it, and some break the parser itself.
front_matter = st.lists(
    st.one_of(
        st.tuples(st.sampled_from(KEYS), joined(FRONT_PIECES, 6)).map(lambda kv: f"{kv[0]}: {kv[1]}"),
        joined(FRONT_PIECES, 8),
    ),
    max_size=8,
).map("\n".join)
stories = st.one_of(
    st.tuples(front_matter, joined(BODY_PIECES)).map(
        lambda parts: ("story.md", f"---\nheadline: A headline\n{parts[0]}\n---\n\n{parts[1]}")
    ),
    st.tuples(st.just("page.txt"), joined(BODY_PIECES, 60)).map(lambda parts: (parts[0], "A headline\n\n" + parts[1])),
    st.tuples(st.sampled_from(["story.md", "page.txt"]), joined(FRONT_PIECES + BODY_PIECES, 60)),
)
TOML_KEYS = [
    "subject",
    "preheader",
    "date",
    "number",
    "lead",
    "name",
    "postal_address",
    "unsubscribe_url",
    "src",
    "dark_src",
    "text",
    "port",
    "tagline",
    "web_base_url",
    "email",
    "reply_to",
    "width",
]
settings_text = st.lists(
    st.one_of(
        st.sampled_from(["[brand]", "[brand.logo]", "[brand.colors]", "[brand.sender]", "[smtp]"]),
        st.tuples(st.sampled_from(TOML_KEYS), joined(TOML_PIECES, 3)).map(lambda kv: f"{kv[0]} = {kv[1]}"),
        joined(TOML_PIECES, 6),
    ),
    max_size=8,
).map("\n".join)
FUZZ = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def names_a_file(message: str, root: Path) -> bool:
    """The message starts with a path under the issue's folder (or the folder itself), then ':'."""
    return re.match(rf"{re.escape(str(root))}(/[^:]+)?:( |\d+: )", message) is not None


@FUZZ
@given(story=stories, toml=st.one_of(st.none(), settings_text))
def test_loaders_return_or_raise_one_line_naming_the_file(story, toml):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        name, text = story
        (root / name).write_text(text, encoding="utf-8")
        if toml is not None:
            (root / "issue.toml").write_text(toml, encoding="utf-8")
        try:
            loaded = load_source(root)
            load_brand(
                read_config(None),
                overrides=loaded.brand_overrides,
                overrides_file=loaded.settings.file,
                page_brand=loaded.page_brand,
            )
        except NewsletterError as error:
            assert "\n" not in str(error)
            assert names_a_file(str(error), root), str(error)


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(story=stories, config=st.one_of(st.none(), settings_text))
def test_build_and_check_exit_0_or_1_with_one_line_naming_a_file(story, config):
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "issue").mkdir()
        name, text = story
        (root / "issue" / name).write_text(text, encoding="utf-8")
        args = ["build", str(root / "issue"), "--out", str(root / "out"), "--date", "2026-11-24"]
        if config is not None:
            (root / "newsletter.toml").write_text(config, encoding="utf-8")
            args += ["--config", str(root / "newsletter.toml")]
        result = runner.invoke(app, args)
        assert result.exit_code in (0, 1), result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        if result.exit_code == 1:
            [line] = [line for line in result.output.splitlines() if line.startswith("error: ")]
            assert names_a_file(line.removeprefix("error: "), root), line
            assert not (root / "out").exists()
            return
        # The commands that read the build, and import for a pasted page: exit 0 or 1, never a traceback.
        commands = [
            ["check", str(root / "out")],
            ["export", str(root / "out"), "--esp", "mailchimp"],
            ["send", str(root / "out"), "--to", "editor@example.org", "--dry-run"],
        ]
        if name.endswith(".txt"):
            commands.append(["import", str(root / "issue" / name), "--to", str(root / "imported")])
        for command in commands:
            result = runner.invoke(app, command)
            assert result.exit_code in (0, 1), (command, result.output)
            assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
            # check's findings may concern the whole issue (an empty preheader); other errors name a file.
            errors = (
                [line for line in result.output.splitlines() if line.startswith("error: ")]
                if command[0] != "check"
                else []
            )
            assert all(names_a_file(line.removeprefix("error: "), root) for line in errors), (command, errors)
