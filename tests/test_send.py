"""`newsletter send` as the editor types it (send/run.py), against a real SMTP server (aiosmtpd on
127.0.0.1): test sends, a dry run, the newest build by default, and builds refused before a byte is sent.
How the list goes out is in test_delivery, test_connection and test_history; who is on it in test_subscribers.
"""

from __future__ import annotations

import contextlib
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import send_fixtures
from golden import EXAMPLE, SLUG
from send_fixtures import (
    HISTORY,
    SENDER_NAME,
    SUBJECT,
    addresses,
    headers,
    invoke,
    rewrite_issue,
    send_list,
    subscribers,
)

from newsletter.build import issue_json
from newsletter.models import Issue

# The fixtures of send_fixtures.py: an editor's folder holding the build, a server named in its newsletter.toml.
smtp_parts, workdir, server = send_fixtures.smtp_parts, send_fixtures.workdir, send_fixtures.server


# --- a test send ----------------------------------------------------------------------------------


def test_an_address_given_twice_gets_one_test(server):
    result = invoke("send", f"build/{SLUG}", "--to", "editor@example.org", "--to", "Editor@Example.org")
    assert result.exit_code == 0, result.output
    assert f"'[TEST] {SUBJECT}': sent 1, skipped 0, failed 0, unknown 0" in result.output
    assert server.mailbox.addresses() == ["editor@example.org"]


def test_test_send_arrives_with_test_subject_both_parts_and_encoded_headers(server):
    result = invoke("send", f"build/{SLUG}", "--to", "editor@example.org")
    assert result.exit_code == 0, result.output
    assert f"'[TEST] {SUBJECT}': sent 1, skipped 0, failed 0, unknown 0" in result.output
    [received] = server.mailbox.received
    assert received.rcpt_tos == ["editor@example.org"]
    assert received.mail_from == "newsletter@news.example.org"
    raw_headers = received.content.split(b"\r\n\r\n", 1)[0]
    raw_headers.decode("ascii")  # non-ASCII names and subject travel as encoded words
    assert b"=?utf-8?" in raw_headers
    message = received.message
    assert message["Subject"] == f"[TEST] {SUBJECT}"
    assert message["From"].addresses[0].display_name == SENDER_NAME
    assert message["From"].addresses[0].addr_spec == "newsletter@news.example.org"
    assert message["Reply-To"].addresses[0].addr_spec == "desk@news.example.org"
    assert message["To"].addresses[0].addr_spec == "editor@example.org"
    assert [part.get_content_type() for part in message.iter_parts()] == ["text/plain", "text/html"]
    text = message.get_body(("plain",)).get_content()
    page = message.get_body(("html",)).get_content()
    link = "https://news.example.org/unsubscribe?email=editor%40example.org"
    built_text = Path("build", SLUG, "email.txt").read_text()
    assert text == built_text.replace("Unsubscribe: https://news.example.org/unsubscribe", f"Unsubscribe: {link}")
    assert f'href="{link}"' in page
    assert "%%{" not in text + page
    assert message["List-Unsubscribe"].strip() == f"<{link}>, <mailto:newsletter@news.example.org?subject=unsubscribe>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["Message-ID"].endswith(".test@news.example.org>")  # not the list's: no client hides the issue
    assert not Path("newsletter-sends.sqlite3").exists()  # test sends are not logged


def test_test_send_to_several_addresses_each_gets_one(server):
    result = invoke("send", f"build/{SLUG}", "--to", "one@example.org", "--to", "two@example.org")
    assert result.exit_code == 0, result.output
    assert sorted(server.mailbox.addresses()) == ["one@example.org", "two@example.org"]


# --- the command ----------------------------------------------------------------------------------


def test_send_needs_to_or_list(server):
    result = invoke("send", f"build/{SLUG}")
    assert result.exit_code == 2
    assert "say who: --to ADDRESS for a test, --list CSV for the list" in result.output


def test_send_defaults_to_the_newest_build(server, workdir):
    older = workdir / "build" / "2026-11-17-issue-47"
    shutil.copytree(workdir / "build" / SLUG, older)
    issue = Issue.model_validate_json((older / "issue.json").read_text())
    (older / "issue.json").write_text(issue_json(issue.model_copy(update={"subject": "Last week's issue"})))
    result = invoke("send", "--to", "editor@example.org")
    assert result.exit_code == 0, result.output
    [received] = server.mailbox.received
    assert headers(received.content)["Subject"] == f"[TEST] {SUBJECT}"


def send_with_stderr(workdir: Path, stderr: int) -> None:
    """`newsletter send --list` in a process of its own, its stderr on `stderr` (a log file, a terminal)."""
    command = [sys.executable, "-m", "newsletter", "send", f"build/{SLUG}", "--list", "subscribers.csv"]
    env = {name: value for name, value in os.environ.items() if not name.startswith("NEWSLETTER_SMTP_")}
    subprocess.run(command, cwd=workdir, env=env, stdout=subprocess.DEVNULL, stderr=stderr, check=True, timeout=120)


def test_a_send_from_cron_leaves_no_progress_label_in_its_log(server, workdir):
    """Cron sends stderr to a file: the progress bar is a terminal's, and what it writes elsewhere is the
    progress library's choice (its label, "Sending", with or without a line end): nothing of it in the log.
    On a terminal the bar is still drawn."""
    subscribers(workdir, 3)
    with open(workdir / "cron.log", "wb") as log:
        send_with_stderr(workdir, log.fileno())
    assert sorted(server.mailbox.addresses()) == addresses(3)
    assert (workdir / "cron.log").read_bytes() == b""

    HISTORY.unlink()  # everyone again, on a terminal this time
    terminal, side = pty.openpty()
    try:
        send_with_stderr(workdir, side)
        os.close(side)
        drawn = b""
        with contextlib.suppress(OSError):  # EIO once the terminal's other side is closed and read
            while chunk := os.read(terminal, 4096):
                drawn += chunk
    finally:
        os.close(terminal)
    assert b"Sending" in drawn and b"3/3" in drawn


def test_dry_run_shows_who_would_receive_what_and_sends_nothing(server, workdir):
    subscribers(workdir, 3)
    result = send_list("--dry-run")
    assert result.exit_code == 0, result.output
    assert "Dry run: nothing is sent." in result.output
    assert f"from:    {SENDER_NAME} <newsletter@news.example.org>" in result.output
    assert (
        "send     a1@example.org  unsubscribe: https://news.example.org/unsubscribe?email=a1%40example.org"
        in result.output
    )
    assert "Would send to 3 of 3 address(es); 0 skipped." in result.output
    assert server.mailbox.greetings == 0
    assert not (workdir / "newsletter-sends.sqlite3").exists()


# --- refused before anything is sent --------------------------------------------------------------


def test_send_refuses_a_build_whose_email_html_was_edited_after_build(server, workdir):
    page = workdir / "build" / SLUG / "email.html"
    page.write_text(page.read_text().replace("Colombia", "Colombia (edited)"))
    subscribers(workdir, 3)
    for result in (send_list(), invoke("send", f"build/{SLUG}", "--to", "editor@example.org")):
        assert result.exit_code == 1
        assert result.output == (
            f"error: build/{SLUG}/email.html: was changed after `newsletter build` wrote it; "
            "nothing goes out that was not built and checked: build the issue again instead of "
            "editing its files\n"
        )
    assert server.mailbox.greetings == 0


def test_send_refuses_a_build_whose_story_was_edited_after_build(server, workdir):
    shutil.copytree(EXAMPLE, workdir / "issues" / "2026-11-24")
    built = invoke("build", "issues/2026-11-24", "--date", "2026-11-24", "--out", f"build/{SLUG}")
    assert built.exit_code == 0, built.output
    story = workdir / "issues" / "2026-11-24" / "07-typo.md"
    shutil.copy(EXAMPLE / "05-explainer.md", story)  # a story added after the build...
    assert invoke("build", "issues/2026-11-24", "--date", "2026-11-24", "--out", f"build/{SLUG}").exit_code == 0
    story.write_text(story.read_text().replace("the", "teh", 1))  # ...then its typo fixed, and no build again
    subscribers(workdir, 3)
    for result in (
        send_list(),
        send_list("--dry-run"),
        invoke("send", f"build/{SLUG}", "--to", "editor@example.org"),
    ):
        assert result.exit_code == 1
        assert result.output == (
            f"error: issues/2026-11-24/07-typo.md: changed after this build (build/{SLUG}); build again so that "
            "what goes out is what it says now\n"
        )
    assert server.mailbox.greetings == 0
    assert not (workdir / "newsletter-sends.sqlite3").exists()


def test_a_list_send_of_an_issue_still_holding_tk_is_refused_and_a_test_goes_out(server, workdir):
    """`newsletter new`'s example lead left in by mistake: check calls the issue not safe to send, yet a list send
    mailed every subscriber 'TK Headline of this week's lead story' without a word. A list send (and its dry run)
    is refused, with nothing sent; a test send goes out, to look at the draft."""
    assert invoke("new", "--date", "2026-12-01").exit_code == 0  # issue 49, after the build of 48 here
    assert invoke("build", "issues/2026-12-01").exit_code == 0
    subscribers(workdir, 3)
    for result in (
        invoke("send", "--list", "subscribers.csv"),
        invoke("send", "--list", "subscribers.csv", "--dry-run"),
    ):
        assert result.exit_code == 1
        assert result.output == (
            "error: build/2026-12-01-issue-49: still holds 11 placeholder(s) (TK, unfilled merge tags), which check "
            "calls not safe to send (issues/2026-12-01/01-lead.md:1: the headline still holds 'TK': fill it in; if it "
            "is meant (a name, a code), add its phrase to [tk] meant in issue.toml for this issue, or in "
            "newsletter.toml for every issue (a brand's own name) (TK Headline of this week’s lead story)); nothing "
            "was sent: fill them in and "
            "build again, `newsletter check build/2026-12-01-issue-49` names each one (a test send with --to goes out "
            "as it is)\n"
        )
    assert server.mailbox.greetings == 0
    assert not (workdir / "newsletter-sends.sqlite3").exists()
    test = invoke("send", "--to", "editor@example.org")
    assert test.exit_code == 0, test.output
    assert server.mailbox.addresses() == ["editor@example.org"]


def test_a_build_without_a_record_is_refused(server, workdir):
    (workdir / "build" / SLUG / "build.json").unlink()
    result = invoke("send", f"build/{SLUG}", "--to", "editor@example.org")
    assert result.exit_code == 1
    assert result.output == (
        f"error: build/{SLUG}: has no build.json (built by an older version, or not a build); build the issue again\n"
    )


def test_check_calls_an_edited_build_unsafe_as_send_refuses_it(server, workdir):
    page = workdir / "build" / SLUG / "email.txt"
    page.write_text(page.read_text() + "\nP.S. edited by hand\n")
    result = invoke("check", f"build/{SLUG}")
    assert result.exit_code == 1
    assert (
        f"error: build/{SLUG}/email.txt: was changed after `newsletter build` wrote it; nothing goes out that was "
        "not built and checked: build the issue again instead of editing its files"
    ) in result.output


def test_a_line_break_in_the_subject_is_refused_with_nothing_sent(server, workdir):
    folder = workdir / "build" / SLUG
    issue = Issue.model_validate_json((folder / "issue.json").read_text())
    rewrite_issue(folder, issue.model_copy(update={"subject": "Hello\r\nBcc: everyone@example.org"}))
    subscribers(workdir, 3)
    result = send_list()
    assert result.exit_code == 1
    # Refused where issue.json is read back (its CR is a control character), before any header is made.
    assert result.output == (
        f"error: build/{SLUG}/issue.json: subject holds a control character (U+000D); rebuild it rather than edit it\n"
    )
    assert server.mailbox.greetings == 0
    assert not (workdir / "newsletter-sends.sqlite3").exists()


def test_a_line_break_in_a_test_address_is_refused_with_nothing_sent(server):
    forged = "a@example.org\r\nBcc: b@example.org"
    result = invoke("send", f"build/{SLUG}", "--to", "editor@example.org", "--to", forged)
    assert result.exit_code == 1
    assert result.output == (
        "error: --to: the address 'a@example.org\\r\\nBcc: b@example.org' holds a line break, "
        "which would forge mail headers; nothing was sent\n"
    )
    assert server.mailbox.greetings == 0
