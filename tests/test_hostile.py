"""Bad and hostile input, third round: the net for exceptions nobody foresaw, an unreadable issue folder,
non-characters in a story, `new` at the end of the calendar and beside deeply nested files."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from pathlib import Path

import pytest
from golden import record_again

from newsletter.text import STRAY

ROOT = Path(__file__).parent.parent
STORY = "---\nheadline: Runoff week\n---\n\nThe count goes on.\n"


@pytest.fixture
def issue(workdir) -> Path:
    folder = workdir / "issue"
    folder.mkdir()
    (folder / "a.md").write_text(STORY)
    return folder


# --- the net: one line for a bug, naming the step and file ----------------------------------------------


def test_an_exception_nobody_foresaw_is_one_line_naming_the_step_and_the_file(cli, issue, monkeypatch):
    import newsletter.load

    def broken_reader(path, notices):
        return {}["a key no reader has"]  # a bug, as a reader might have one

    monkeypatch.setattr(newsletter.load, "read", broken_reader)
    result = cli("build", "issue", "--out", "out")
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        "error: internal error while reading issue/a.md: KeyError: 'a key no reader has'; please report it with "
        "newsletter -v"
    )
    assert "Traceback" not in result.output
    assert not (issue.parent / "out").exists()  # nothing half-written


def test_verbose_shows_the_traceback_of_a_bug(cli, issue, monkeypatch):
    import newsletter.load

    monkeypatch.setattr(newsletter.load, "read", lambda path, notices: 1 / 0)
    result = cli("-v", "build", "issue", "--out", "out")
    assert result.exit_code == 1
    assert "Traceback (most recent call last)" in result.output
    assert "ZeroDivisionError: division by zero" in result.output
    assert result.output.splitlines()[-1].startswith("error: internal error while reading issue/a.md: ZeroDivision")


def test_a_panic_from_a_native_library_is_one_line_too(cli, issue, monkeypatch):
    import newsletter.build

    class PanicException(BaseException):  # what a Rust panic in mjml-python reaches Python as
        pass

    def panic(*args, **kwargs):
        raise PanicException("called `Option::unwrap()` on a `None` value")

    monkeypatch.setattr(newsletter.build, "render_files", panic)
    result = cli("build", "issue", "--out", "out")
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        "error: internal error while rendering issue: PanicException: called `Option::unwrap()` on a `None` value; "
        "please report it with newsletter -v"
    )
    assert not (issue.parent / "out").exists()


# --- an unreadable issue folder ---------------------------------------------------------------------------


def drop_root_privileges() -> None:
    """In the child, before exec: drop the capabilities that let root read any file (CAP_DAC_OVERRIDE and
    CAP_DAC_READ_SEARCH) from the bounding set, so the program runs as root but meets file modes as anyone does."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


@pytest.mark.parametrize("command", ["build", "publish", "check"])
def test_an_unreadable_issue_folder_is_one_error_line_not_a_usage_error(issue, command):
    issue.chmod(0)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "newsletter", command, "issue"],
            cwd=issue.parent,
            env={**os.environ, "PYTHONPATH": str(ROOT), "NEWSLETTER_CACHE": ""},
            preexec_fn=drop_root_privileges if os.geteuid() == 0 else None,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        issue.chmod(0o755)
    assert result.returncode == 1, result.stderr
    last = result.stderr.splitlines()[-1]
    assert last.startswith("error: issue") and last.endswith("Permission denied)") or last.endswith("Permission denied")
    assert "Usage:" not in result.stderr and "Traceback" not in result.stderr


# --- characters no text holds, named in the story ------------------------------------------------------------


def test_non_characters_in_a_story_are_removed_and_named_at_their_line(cli, issue):
    (issue / "a.md").write_text("---\nheadline: Runoff week\n---\n\nThe count \ufffe goes \U0001ffff on.\n\nMore.\n")
    result = cli("build", "issue", "--out", "out")
    assert result.exit_code == 0, result.output
    assert "issue/a.md:5: removed 2 invisible character(s) (U+1FFFF, U+FFFE)" in result.output
    assert "The count goes on." in (issue.parent / "out" / "email.txt").read_text()


def test_joiners_inside_persian_and_sinhala_words_and_an_emoji_stay_and_a_stray_one_is_named(cli, issue):
    """The zero-width non-joiner inside Persian's "I want", the joiner of a Sinhala conjunct and of an emoji family
    are the words' own: kept in the email and not named. After a Latin word the joiner is junk, removed and named."""
    persian, sinhala, family = (
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
        "\u0db4\u0dca\u200d\u0dbb",
        "\U0001f468\u200d\U0001f469\u200d\U0001f467",
    )
    (issue / "a.md").write_text(
        f"---\nheadline: Runoff week {family}\n---\n\nVoters said {persian} and {sinhala} as the count went on.\n\n"
        "Ballot\u200d papers were counted again.\n",
        encoding="utf-8",
    )
    result = cli("build", "issue", "--out", "out")
    assert result.exit_code == 0, result.output
    assert "issue/a.md:7: removed 1 invisible character(s) (U+200D)" in result.output
    assert result.output.count("invisible character") == 1
    text = (issue.parent / "out" / "email.txt").read_text(encoding="utf-8")
    assert f"Voters said {persian} and {sinhala} as the count went on." in text and family in text
    assert "Ballot papers were counted again." in text
    assert STRAY.sub("", "\u2014\u200d\u201c") == "\u2014\u201c"  # between a dash and a quote: no word's


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('---\nheadline: "Runoff \\uFFFE week"\n---\n\nBody.\n', "issue/a.md:2: front matter value holds a non-char"),
        ("Runoff \ufdd0 week\n\nThe count goes on and on in the capital, where the vote is close.\n", ""),
    ],
    ids=["front-matter-escape", "pasted-page"],
)
def test_a_non_character_is_blamed_on_the_story_never_on_email_mjml(cli, issue, text, message):
    (issue / "a.md").unlink()
    (issue / ("a.md" if text.startswith("---") else "a.txt")).write_text(text)
    result = cli("build", "issue", "--out", "out")
    assert "error: email.mjml" not in result.output
    if message:
        assert result.exit_code == 1
        assert result.output.splitlines()[-1].startswith(f"error: {message}")
    else:
        assert result.exit_code == 0, result.output
        assert "issue/a.txt:1: removed 1 invisible character(s) (U+FDD0)" in result.output


# --- new: the end of the calendar, and files nested past Python's stack ------------------------------------


def test_new_at_the_end_of_the_calendar_is_one_line(cli, workdir):
    (workdir / "newsletter.toml").write_text('[schedule]\nweekday = "tuesday"\n')
    result = cli("new", env={"SOURCE_DATE_EPOCH": "253402214400"})  # 9999-12-31, a Friday
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        "error: the next [schedule] weekday after 9999-12-31 is past the last date there is (9999-12-31); give --date"
    )
    assert not (workdir / "issues").exists()


def test_new_passes_over_an_old_issue_nested_past_pythons_stack(cli, workdir):
    (workdir / "issues" / "2026-01-06").mkdir(parents=True)
    (workdir / "issues" / "2026-01-06" / "issue.toml").write_text("number = 7\na = " + "[" * 50_000 + "]" * 50_000)
    (workdir / "build" / "old").mkdir(parents=True)
    (workdir / "build" / "old" / "issue.json").write_text("[" * 50_000 + "]" * 50_000)
    result = cli("new", "--date", "2026-12-01")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Started issue 1 for 2026-12-01 in issues/2026-12-01/")


# --- send tokens in a story: shown as written, never filled in ----------------------------------------------


def test_send_tokens_in_a_story_are_never_filled_in_at_send_time(cli, issue):
    from smtp_server import smtp_server

    (issue / "a.md").write_text(
        "---\nheadline: Runoff week\n---\n\n"
        "Paste %%{unsubscribe_url}%% and %%{message_id}%% here; "
        "[a link](https://tracker.example/?u=%%{unsubscribe_url}%%).\n"
    )
    with smtp_server() as server:
        (issue.parent / "newsletter.toml").write_text(
            '[brand]\nunsubscribe_url = "https://news.example.org/unsubscribe"\n\n' + server.toml()
        )
        built = cli("build", "issue", "--out", "out")
        assert built.exit_code == 0, built.output
        assert (
            "issue/a.md:1: %%{message_id}%%, %%{unsubscribe_url}%% would be filled in by `newsletter send` for each "
            "reader: written with a full-width brace (in a link, percent-encoded) so it shows as written"
        ) in built.output
        sent = cli("send", "out", "--to", "ana@example.org")
        assert sent.exit_code == 0, sent.output
        [received] = server.mailbox.received
    html = received.message.get_body(("html",)).get_content()
    text = received.message.get_body(("plain",)).get_content()
    for part in (html, text):
        assert "Paste %%\uff5bunsubscribe_url}%% and %%\uff5bmessage_id}%% here" in part
        assert "https://tracker.example/?u=%25%25%7Bunsubscribe_url}%25%25" in part or (
            "https://tracker.example/?u=%25%25%7Bunsubscribe_url%7D%25%25" in part
        )
        assert "tracker.example/?u=https" not in part  # the reader's own link never went to that site
    assert html.count("email=ana%40example.org") == text.count("email=ana%40example.org") == 1  # the footer's


def test_check_finds_a_send_token_in_a_link_or_byline_of_a_build_from_elsewhere(cli, workdir, built_example):
    import json
    import shutil

    shutil.copytree(built_example, workdir / "build")
    data = json.loads((workdir / "build" / "issue.json").read_text())
    data["lead"]["url"] = "https://tracker.example/?u=%%{unsubscribe_url}%%"
    data["lead"]["byline"] = "By *|FNAME|*"
    (workdir / "build" / "issue.json").write_text(json.dumps(data))
    record_again(workdir / "build")  # built elsewhere, with its record: not refused as edited
    result = cli("check", "build")
    assert result.exit_code == 1
    lead = f"({data['lead']['headline']})"
    assert f"the link still holds '%%{{unsubscribe_url}}%%': fill it in {lead}" in result.output
    assert f"the byline still holds '*|FNAME|*': fill it in {lead}" in result.output


def test_check_is_linear_in_a_story_of_120_kb_of_braces(cli, issue):
    # `{{.*?}}` rescanned the rest of the line from each of the 60,000 openers: minutes, where this takes
    # about a second; the timeout only catches that, it times nothing.
    (issue / "a.md").write_text("---\nheadline: Braces\n---\n\n" + "{{" * 60_000 + "\n")
    assert cli("build", "issue", "--out", "out").exit_code == 0
    result = subprocess.run(
        [sys.executable, "-m", "newsletter", "check", "out"],
        cwd=issue.parent,
        env={**os.environ, "PYTHONPATH": str(ROOT), "NEWSLETTER_CACHE": ""},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.splitlines()[-1].startswith("out: 1 error(s)"), result.stdout + result.stderr
    assert "{{" not in result.stdout  # a run of braces is not a merge tag


# --- a story of emphasis runs: no typesetting pass where there is nothing to set --------------------------------


def test_text_with_nothing_to_typeset_never_goes_through_smartypants(issue, monkeypatch):
    import datetime as dt

    import smartypants

    from newsletter.build import make_issue

    calls: list[str] = []
    real = smartypants.smartypants
    monkeypatch.setattr(smartypants, "smartypants", lambda text, attrs=None: calls.append(text) or real(text, attrs))
    (issue / "a.md").write_text(
        "---\nheadline: Emphasis runs\n---\n\n" + "*a* _b_ **c** " * 2_000 + '\n\nIt\'s "quoted" -- and so...\n'
    )
    made = make_issue(issue, date=dt.date(2026, 11, 24)).issue
    # One paragraph has quotes, a dash and dots: it alone is set (smartypants tokenises every run of a
    # paragraph it is given: 6,000 runs here, 200,000 in a 1 MB story of emphasis).
    assert len(calls) == 1
    assert made.lead.body[-1].text == "It’s “quoted” — and so…"
    assert made.lead.body[0].spans[0].text == "a" and made.lead.body[0].spans[0].em
