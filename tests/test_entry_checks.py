"""Every text value is checked where it enters, and the message names that file and line, never a file
the build makes (email.mjml) or a stage further down (the subject line)."""

from pathlib import Path

import pytest
from golden import SEED
from typer.testing import CliRunner

from newsletter.cli import app

STORY = "---\nheadline: A headline\n---\n\nBody.\n"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "issue").mkdir()
    return tmp_path / "issue"


def build(*args: str):
    return CliRunner().invoke(app, ["build", "issue", "--out", "out", "--date", "2026-11-24", *args])


def fails_with(result, line: str) -> None:
    assert (result.exit_code, result.output) == (1, f"error: {line}\n")
    assert not Path("out").exists()


@pytest.mark.parametrize("escape", ["\\x01", "\\ud800", "\\u2028", "\\x85"])
def test_an_escape_in_front_matter_is_named_in_the_story(folder, escape):
    (folder / "a.md").write_text(f'---\ncaption: c\nheadline: "A {escape} headline"\n---\n\nBody.\n')
    code = escape[2:].upper().rjust(4, "0")
    kind = {"\\ud800": "a lone surrogate", "\\u2028": "a line separator"}.get(escape, "a control character")
    fails_with(build(), f"issue/a.md:3: front matter value holds {kind} (U+{code}); remove it")


def test_a_control_character_in_a_story_is_named_in_the_story_not_email_mjml(folder):
    (folder / "a.md").write_text("---\nheadline: A headline\n---\n\nFirst.\n\nSecond \x01 paragraph.\n")
    result = build()
    assert result.exit_code == 0, result.output
    assert "  issue/a.md:7: removed 1 invisible character(s) (U+0001)\n" in result.output
    assert "Second paragraph." in " ".join(Path("out/email.txt").read_text().split())


def test_a_line_separator_in_a_pasted_headline_becomes_a_space_and_is_named(folder):
    text = SEED.read_text(encoding="utf-8").replace("Zelensky asks", "Zelensky\u2028asks", 1)
    (folder / "page.txt").write_text(text, encoding="utf-8")
    result = build()
    assert result.exit_code == 0, result.output
    assert "  issue/page.txt:1: replaced 1 line separator(s) (U+2028) with spaces\n" in result.output
    assert "lead: Zelensky asks the West" in result.output


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        ("issue/issue.toml", 'subject = "One\\u2028two"\n', "issue/issue.toml:1: subject"),
        ("newsletter.toml", '[brand]\nname = "News\\u2028letter"\n', "newsletter.toml:2: brand.name"),
        (
            "newsletter.toml",
            '[brand]\npostal_address = "1 Main St\\u0001"\n',
            "newsletter.toml:2: brand.postal_address",
        ),
    ],
)
def test_a_bad_character_in_settings_is_named_in_the_settings_file(folder, name, text, line):
    (folder / "a.md").write_text(STORY)
    Path(name).write_text(text)
    code = "0001" if "0001" in text else "2028"
    kind = "a control character" if code == "0001" else "a line separator"
    fails_with(build(), f"{line}: holds {kind} (U+{code}); remove it")


def test_an_over_long_subject_in_issue_toml_is_refused_by_name(folder):
    (folder / "a.md").write_text(STORY)
    (folder / "issue.toml").write_text('number = 3\nsubject = "' + "word " * 20_000 + '"\n')
    fails_with(
        build(), "issue/issue.toml:2: subject: is 100,000 characters long, over the 500 a subject may have; shorten it"
    )


def test_an_over_long_headline_in_front_matter_is_refused_by_name(folder):
    (folder / "a.md").write_text("---\ncaption: c\nheadline: " + "word " * 200 + "\n---\n\nBody.\n")
    fails_with(build(), "issue/a.md:3: headline: is 999 characters long, over the 500 a headline may have; shorten it")


def test_an_over_long_first_line_of_a_pasted_page_is_refused_by_name(folder):
    (folder / "page.txt").write_text("word " * 200_000 + "\n\nA paragraph.\n")
    fails_with(
        build(),
        "issue/page.txt:1: the line is 999,999 characters long, over the 20,000 a paragraph may "
        "have; shorten it, or paste the page with its line breaks",
    )


def test_a_line_break_in_a_headline_is_named(folder):
    (folder / "a.md").write_text('---\nheadline: "One\\ntwo"\n---\n\nBody.\n')
    fails_with(build(), "issue/a.md:2: headline: holds a line break; keep it on one line")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[brand.logo]\nsrc = "javascript:alert(1)"\n',
            "newsletter.toml:2: [brand] logo.src: link 'javascript:alert(1)' "
            "uses javascript:, only http, https and mailto links are allowed",
        ),
        (
            '[brand.logo]\nsrc = "http://[::1"\n',
            "newsletter.toml:2: [brand] logo.src: link 'http://[::1' is not a valid URL (Invalid IPv6 URL); correct it",
        ),
        (
            '[brand]\nname = "B"\nweb_base_url = "https://news.example.org/issues?ref=mail"\n',
            "newsletter.toml:3: [brand] web_base_url: 'https://news.example.org/issues?ref=mail' has a query (?...); "
            "give the folder's address alone, every page and image goes under it",
        ),
        (
            '[brand]\nweb_base_url = "https://news.example.org/issues#top"\n',
            "newsletter.toml:2: [brand] web_base_url: 'https://news.example.org/issues#top' has a fragment (#...); "
            "give the folder's address alone, every page and image goes under it",
        ),
        (
            '[brand]\nweb_base_url = "news.example.org/issues"\n',
            "newsletter.toml:2: [brand] web_base_url: 'news.example.org/issues' is not an http or https address "
            "such as https://news.example.org/issues",
        ),
        (
            '[brand.sender]\nemail = "news@"\n',
            "newsletter.toml:2: [brand] sender.email: 'news@' is not an email address: "
            "There must be something after the @-sign.",
        ),
        (
            '[brand.sender]\nemail = "news@exämple.org"\n',
            "newsletter.toml:2: [brand] sender.email: 'news@exämple.org': "
            "write the domain in its ASCII form, news@xn--exmple-cua.org",
        ),
    ],
)
def test_brand_links_and_addresses_are_named_in_newsletter_toml(folder, text, message):
    (folder / "a.md").write_text(STORY)
    Path("newsletter.toml").write_text(text, encoding="utf-8")
    fails_with(build(), message)


def test_an_invalid_ipv6_link_is_named_in_the_story_not_a_traceback_in_check(folder):
    (folder / "a.md").write_text('---\nheadline: H\nurl: "http://[::1"\n---\n\nBody.\n')
    fails_with(build(), "issue/a.md:3: url: link 'http://[::1' is not a valid URL (Invalid IPv6 URL); correct it")


def test_a_forged_brand_name_in_a_pasted_page_is_named_at_its_line(folder):
    text = SEED.read_text(encoding="utf-8").replace("More from GZERO Media", "More from =?utf-8?q?News=0D=0ABcc:_x?=")
    (folder / "page.txt").write_text(text, encoding="utf-8")
    line = text.split("\n").index("More from =?utf-8?q?News=0D=0ABcc:_x?=") + 1
    result = build()
    assert result.exit_code == 1
    assert result.output.startswith(
        f"error: issue/page.txt:{line}: the brand name '=?utf-8?q?News=0D=0ABcc:_x?=' in 'More from' "
    )
    assert result.output.endswith(", which would forge mail headers; retype the line\n")
