"""send/subscribers.py: a subscribers CSV read by line, bad rows skipped and named, and a name or address that
would forge mail headers refusing the whole list."""

from __future__ import annotations

import pytest
import send_fixtures
from send_fixtures import (
    FORGERIES,
    headers,
    never_forged,
    send_list,
    subscribers,
    write_rows,
)

# The fixtures of send_fixtures.py: an editor's folder holding the build, a server named in its newsletter.toml.
smtp_parts, workdir, server = send_fixtures.smtp_parts, send_fixtures.workdir, send_fixtures.server


def test_bad_rows_are_reported_by_line_and_skipped(server, workdir):
    (workdir / "subscribers.csv").write_text(
        "Email,Name\n"
        "ana@example.org,Ana\n"
        "not-an-address,Nobody\n"
        "\n"
        "bob@,Bob\n"
        "ANA@Example.org,Ana again\n"
        "cy@example.org,Cy,extra\n"
        "dee@example.org\n"
    )
    result = send_list()
    assert result.exit_code == 0, result.output
    assert "skipped subscribers.csv:3: 'not-an-address' is not an email address: " in result.output
    assert "skipped subscribers.csv:5: 'bob@' is not an email address: " in result.output
    assert "skipped subscribers.csv:7: has 3 fields, the header names 2" in result.output
    assert "skipped subscribers.csv:6: ANA@example.org is also on line 2: sent once" in result.output
    assert "sent 2, skipped 4, failed 0, unknown 0" in result.output
    assert sorted(server.mailbox.addresses()) == ["ana@example.org", "dee@example.org"]


def test_dry_run_and_send_count_the_rows_they_skip(server, workdir):
    (workdir / "subscribers.csv").write_text(
        "email,name\nana@example.org,Ana\nbo@example.org,Bo\nnot-an-address,Nobody\nANA@example.org,Ana again\n"
    )
    plan = send_list("--dry-run")
    assert plan.exit_code == 0, plan.output
    assert "skipped subscribers.csv:4: 'not-an-address' is not an email address: " in plan.output
    assert "skipped subscribers.csv:5: ANA@example.org is also on line 2: sent once" in plan.output
    assert "Would send to 2 of 4 address(es); 2 skipped." in plan.output
    assert server.mailbox.greetings == 0
    sent = send_list()
    assert sent.exit_code == 0, sent.output
    assert "sent 2, skipped 2, failed 0, unknown 0" in sent.output
    assert sorted(server.mailbox.addresses()) == ["ana@example.org", "bo@example.org"]


def test_a_list_without_an_email_column_is_refused(server, workdir):
    (workdir / "subscribers.csv").write_text("mail,name\nana@example.org,Ana\n")
    result = send_list()
    assert result.exit_code == 1
    assert "error: subscribers.csv:1: has no email column" in result.output
    assert server.mailbox.greetings == 0


def test_a_list_that_is_not_utf8_names_the_line(server, workdir):
    (workdir / "subscribers.csv").write_bytes(b"email,name\nana@example.org,Ana\nbo@example.org,Jos\xe9\n")
    result = send_list()
    assert result.exit_code == 1
    assert result.output == (
        "error: subscribers.csv:3: is not UTF-8 text (byte 0xe9 at column 19); save it as CSV UTF-8\n"
    )
    assert server.mailbox.greetings == 0


def test_a_line_break_in_a_subscriber_name_refuses_the_whole_list(server, workdir):
    subscribers(workdir, 3, extra='evil@example.org,"Eve\r\nBcc: all@example.org"\n')
    result = send_list()
    assert result.exit_code == 1
    assert "subscribers.csv:5: the name 'Eve\\r\\nBcc: all@example.org' holds a line break" in result.output
    assert server.mailbox.greetings == 0


# --- forged headers: encoded words, folds and Unicode line separators -----------------------------


@pytest.mark.parametrize("name", FORGERIES.values(), ids=FORGERIES.keys())
def test_a_forged_subscriber_name_refuses_the_whole_list(server, workdir, name):
    write_rows(workdir, [["email", "name"], ["ana@example.org", "Ana"], ["eve@example.org", name]])
    result = send_list()
    assert result.exit_code == 1, result.output
    assert result.output.startswith(f"error: subscribers.csv:3: the name {name!r} holds ")
    assert result.output.endswith("which would forge mail headers; nothing was sent\n")
    never_forged(server.mailbox)


@pytest.mark.parametrize("column", ["email", "unsubscribe_url"])
def test_a_forged_address_or_unsubscribe_link_in_the_list_refuses_it(server, workdir, column):
    forged = {
        "email": "=?utf-8?q?a=0D=0ABcc=3A_x=40evil.example?=@example.org",
        "unsubscribe_url": "https://news.example.org/u?a==?utf-8?q?=0D=0ABcc:_x@evil.example?=",
    }[column]
    row = {"email": "eve@example.org", "unsubscribe_url": "", column: forged}
    write_rows(workdir, [["email", "unsubscribe_url"], ["ana@example.org", ""], [row["email"], row["unsubscribe_url"]]])
    result = send_list()
    assert result.exit_code == 1, result.output
    shown = "address" if column == "email" else "unsubscribe_url"
    assert result.output == (
        f"error: subscribers.csv:3: the {shown} {forged!r} holds an encoded word (=?...?=) "
        "that decodes to a line break, which would forge mail headers; nothing was sent\n"
    )
    never_forged(server.mailbox)


def test_a_harmless_encoded_word_in_a_name_is_sent_without_extra_headers(server, workdir):
    write_rows(workdir, [["email", "name"], ["zoe@example.org", "=?utf-8?q?Zo=C3=AB?="]])
    result = send_list()
    assert result.exit_code == 0, result.output
    [received] = server.mailbox.received
    names = [name.lower() for name in headers(received.content).keys()]
    assert "bcc" not in names and names.count("to") == 1
    assert received.rcpt_tos == ["zoe@example.org"]
