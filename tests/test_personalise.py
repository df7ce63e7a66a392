"""send/personalise.py: each recipient's message is the built one with their To, Message-ID, unsubscribe link
and the Date it is sent filled in; the quick To line is the email package's byte for byte; no line over 998."""

from __future__ import annotations

import datetime as dt
import email
import functools
import re
import shutil
from email.policy import default

import pytest
import send_fixtures
from golden import DATE, EXAMPLE, SLUG
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from send_fixtures import (
    BRAND_TOML,
    HISTORY,
    addresses,
    headers,
    invoke,
    send_list,
    subscribers,
)

from newsletter.build import build
from newsletter.headers import header_problem
from newsletter.models import Issue
from newsletter.send import run as sending
from newsletter.send.smtp_settings import load_settings
from newsletter.send.subscribers import Subscriber, read_subscribers

# The fixtures of send_fixtures.py: an editor's folder holding the build, a server named in its newsletter.toml.
smtp_parts, workdir, server = send_fixtures.smtp_parts, send_fixtures.workdir, send_fixtures.server


def test_each_subscriber_gets_their_own_unsubscribe_link_in_both_parts(server, workdir):
    (workdir / "subscribers.csv").write_text(
        "email,name,unsubscribe_url\n"
        "ana@example.org,Ana,\n"
        "ben@example.org,Ben,https://lists.example.org/u/8f3a?sig=1&x=2\n"
    )
    result = send_list()
    assert result.exit_code == 0, result.output
    by_address = {message.rcpt_tos[0]: message.message for message in server.mailbox.received}
    ana, ben = by_address["ana@example.org"], by_address["ben@example.org"]
    assert "https://news.example.org/unsubscribe?email=ana%40example.org" in ana.get_body(("plain",)).get_content()
    assert 'href="https://lists.example.org/u/8f3a?sig=1&amp;x=2"' in ben.get_body(("html",)).get_content()
    assert "Unsubscribe: https://lists.example.org/u/8f3a?sig=1&x=2" in ben.get_body(("plain",)).get_content()
    assert ben["List-Unsubscribe"].strip().startswith("<https://lists.example.org/u/8f3a?sig=1&x=2>")


# --- sent exactly as built ------------------------------------------------------------------------


def test_the_bytes_sent_are_the_built_message_with_the_recipient_filled_in(server, workdir):
    from newsletter.send.personalise import Recipient, Template

    folder = workdir / "build" / SLUG
    (workdir / "subscribers.csv").write_text("email,name\nana@example.org,Ana Lima\nzoe@example.org,Zoë\n")
    result = send_list()
    assert result.exit_code == 0, result.output
    template = (folder / "email.tokens.eml").read_bytes()
    issue = Issue.model_validate_json((folder / "issue.json").read_text())
    for received in server.mailbox.received:
        [address] = received.rcpt_tos
        head = headers(received.content)
        link = f"https://news.example.org/unsubscribe?email={address.replace('@', '%40')}"
        name = {"ana@example.org": "Ana Lima", "zoe@example.org": "Zoë"}[address]
        recipient = Recipient(address, name, head["Message-ID"], link)
        filled = Template(issue, template).fill(recipient, date=head["Date"].datetime)
        assert received.content == filled
        # The same, read as a reader's client reads it: the built parts with only the link changed.
        body = received.content.split(b"\r\n\r\n", 1)[1]
        assert body.replace(b"=\r\n", b"").count(b"%%{") == 0
        built = email.message_from_bytes(template, policy=default)
        sent = received.message
        for kind, token, value in (
            ("plain", "%%{unsubscribe_url_text}%%", link),
            ("html", "%%{unsubscribe_url}%%", link),
        ):
            expected = built.get_body((kind,)).get_content().replace(token, value)
            assert sent.get_body((kind,)).get_content() == expected.replace("\r\n", "\n")
        # The issue's header fields as built, but for the Date: when it was sent.
        built_date = b"Date: Tue, 24 Nov 2026 06:00:00 +0000"
        sent_date = f"Date: {head['Date']}".encode()
        issue_fields = template.split(b"\r\n\r\n", 1)[0].split(
            b"List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"
        )[1]
        assert built_date in issue_fields
        assert issue_fields.replace(built_date, sent_date) in received.content
        assert sent["To"].addresses[0].display_name == name


SENT_AT = dt.datetime(2026, 12, 3, 9, 30, 5, tzinfo=dt.UTC)  # nine days after the issue's date


def test_test_and_list_sends_are_dated_when_sent_and_the_build_keeps_its_date(server, workdir):
    folder = workdir / "build" / SLUG
    built_eml = (folder / "email.eml").read_bytes()
    clock = iter([SENT_AT + dt.timedelta(seconds=second) for second in range(100)])
    prepared = sending.prepare(folder, now=lambda: next(clock))
    report = sending.send_test(prepared, [Subscriber(email="editor@example.org")], load_settings(None))
    assert report.sent == ["editor@example.org"]
    report = sending.send_list(
        prepared, read_subscribers(subscribers(workdir, 3)), load_settings(None), history=HISTORY
    )
    assert report.sent == addresses(3)
    received = [headers(message.content) for message in server.mailbox.received]
    # Each message is dated by the clock as it is filled in, a tick apart, never the issue's 24 November.
    dates = [head["Date"].datetime for head in received]
    assert all(SENT_AT < date < SENT_AT + dt.timedelta(seconds=100) for date in dates)
    assert dates == sorted(set(dates))
    assert received[0]["Date"].startswith("Thu, 03 Dec 2026 09:30:")
    ids = [head["Message-ID"] for head in received]
    assert len(set(ids)) == len(ids) == 4
    # The build's message keeps the issue's date: unchanged, and what a fresh build writes byte for byte.
    assert (folder / "email.eml").read_bytes() == built_eml
    assert b"Date: Tue, 24 Nov 2026 06:00:00 +0000\r\n" in built_eml
    (workdir / "brand.toml").write_text(BRAND_TOML)
    again = build(EXAMPLE, out=workdir / "again", date=DATE, config=workdir / "brand.toml").out
    assert (again / "email.eml").read_bytes() == built_eml


def test_a_send_from_the_command_line_is_dated_today(server, workdir):
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    result = invoke("send", f"build/{SLUG}", "--to", "editor@example.org")
    assert result.exit_code == 0, result.output
    after = dt.datetime.now(dt.UTC)
    [message] = server.mailbox.received
    sent = headers(message.content)["Date"].datetime
    assert before <= sent <= after
    assert sent.date() != DATE  # the issue's day is not today's: the test would pass for the wrong reason


def test_no_header_line_goes_over_998_characters(server, workdir):
    long_words = " ".join(["Bartholomew"] * 120)  # folded onto lines of its own
    one_word = "B" * 5000  # cannot be folded: the address is refused, by its line
    (workdir / "subscribers.csv").write_text(f"email,name\nana@example.org,{long_words}\nbo@example.org,{one_word}\n")
    plan = send_list("--dry-run")
    assert re.search(
        r"skipped subscribers.csv:3: To for bo@example.org would be a line of \d{4} characters, over "
        "the 998 mail servers take: shorten the name or the link",
        plan.output,
    ), plan.output
    assert "Would send to 1 of 2 address(es); 1 skipped." in plan.output
    result = send_list()
    assert result.exit_code == 0, result.output
    [received] = server.mailbox.received
    assert max(len(line) for line in received.content.split(b"\r\n")) <= 998
    assert received.message["To"].addresses[0].display_name == long_words


def test_list_unsubscribe_goes_out_folded_between_its_links_never_inside_one(server, workdir):
    short = "https://lists.example.org/u/8f3a0b1c2d3e?sig=91ab"  # both links fit on lines of 78
    long = "https://lists.example.org/unsubscribe/8f3a0b1c2d3e4f5a6b7c8d9e0f1a2b3c?sig=91ab22cd33ef44ab55cd66ef"
    (workdir / "subscribers.csv").write_text(
        f"email,name,unsubscribe_url\nana@example.org,Ana,{short}\nzoe@example.org,Zoë,{long}\n", encoding="utf-8"
    )
    result = send_list()
    assert result.exit_code == 0, result.output
    mailto = "<mailto:newsletter@news.example.org?subject=unsubscribe>"
    for received in server.mailbox.received:
        link = {"ana@example.org": short, "zoe@example.org": long}[received.rcpt_tos[0]]
        head = received.content.split(b"\r\n\r\n", 1)[0]
        field = re.search(rb"^List-Unsubscribe:[^\r\n]*(?:\r\n[ \t][^\r\n]*)*", head, re.MULTILINE).group()
        assert field.split(b"\r\n") == [f"List-Unsubscribe: <{link}>,".encode(), f" {mailto}".encode()]
        assert received.message["List-Unsubscribe"] == f"<{link}>, {mailto}"
        if link == short:
            assert max(len(line) for line in head.split(b"\r\n")) <= 78


# --- the quick To line ----------------------------------------------------------------------------


@functools.cache
def example_issue() -> Issue:
    from newsletter.build import make_issue

    return make_issue(EXAMPLE, date=DATE).issue


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.one_of(st.just(""), st.text(st.characters(min_codepoint=32, max_codepoint=0x2FF), max_size=70)),
    local=st.from_regex(r"[A-Za-z0-9._%+'=-]{1,30}", fullmatch=True),
)
def test_the_to_line_is_what_the_email_package_writes(name, local):
    """The quick To line for plain names is byte for byte the email package's; other names go through it."""
    from newsletter.message import recipient_headers
    from newsletter.send.personalise import Recipient, plain_to

    issue = example_issue()
    name = " ".join(name.split())
    if header_problem(name) or local.startswith(".") or local.endswith(".") or ".." in local:
        return
    address = f"{local}@example.org"
    quick = plain_to(Recipient(address, name))
    exact = dict(
        recipient_headers(issue, to=address, to_name=name, message_id="<a@b>", unsubscribe_url="https://x.example/u")
    )["to"]
    assert quick in (None, exact)


def test_a_plain_name_takes_the_quick_to_line():
    """The property above passes if the quick path never answers: here it must, with the package's bytes."""
    from newsletter.message import recipient_headers
    from newsletter.send.personalise import Recipient, plain_to

    exact = dict(
        recipient_headers(
            example_issue(),
            to="ana@example.org",
            to_name="Ana Lima",
            message_id="<a@b>",
            unsubscribe_url="https://x.example/u",
        )
    )["to"]
    assert plain_to(Recipient("ana@example.org", "Ana Lima")) == exact == b"To: Ana Lima <ana@example.org>\r\n"


# --- an unsubscribe link written in another script ------------------------------------------------

RUSSIAN_LINKS = {
    # As the editor copies it from a browser's address bar -> as a browser sends it, and as a header must carry it.
    "https": (
        "https://пример.рф/отписка?список=новости",
        "https://xn--e1afmkfd.xn--p1ai/%D0%BE%D1%82%D0%BF%D0%B8%D1%81%D0%BA%D0%B0"
        "?%D1%81%D0%BF%D0%B8%D1%81%D0%BE%D0%BA=%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8",
    ),
    "mailto": (
        "mailto:unsubscribe@пример.рф?subject=отписаться",
        "mailto:unsubscribe@xn--e1afmkfd.xn--p1ai?subject=%D0%BE%D1%82%D0%BF%D0%B8%D1%81%D0%B0%D1%82%D1%8C%D1%81%D1%8F",
    ),
}


@pytest.mark.parametrize("kind", RUSSIAN_LINKS)
def test_an_unsubscribe_link_in_another_script_is_built_and_sent_as_a_browser_writes_it(server, workdir, kind):
    written, uri = RUSSIAN_LINKS[kind]
    shutil.copytree(EXAMPLE, workdir / "issue")
    toml = workdir / "issue" / "issue.toml"
    toml.write_text(
        toml.read_text("utf-8").replace(
            'unsubscribe_url = "https://news.example.org/unsubscribe"', f'unsubscribe_url = "{written}"'
        ),
        "utf-8",
    )
    built = invoke("build", "issue", "--out", "build/russian", "--date", "2026-11-24")
    assert built.exit_code == 0, built.output
    folder = workdir / "build" / "russian"
    assert headers((folder / "email.eml").read_bytes())["List-Unsubscribe"].startswith(f"<{uri}>")
    assert f'href="{uri}"' in (folder / "email.html").read_text("utf-8")
    assert f"Unsubscribe: {uri}\n" in (folder / "email.txt").read_text("utf-8")
    subscribers(workdir, 1)
    sent = invoke("send", "build/russian", "--list", "subscribers.csv")
    assert sent.exit_code == 0, sent.output
    (received,) = server.mailbox.received
    own = f"{uri}&email=a0%40example.org" if kind == "https" else uri  # who asked: the link already has a query
    assert received.message["List-Unsubscribe"].startswith(f"<{own}>")
    assert f'href="{own.replace("&", "&amp;")}"' in received.message.get_body(("html",)).get_content()


def test_a_mailto_unsubscribe_link_not_ascii_before_the_at_is_refused_with_its_line(workdir):
    shutil.copytree(EXAMPLE, workdir / "issue")
    toml = workdir / "issue" / "issue.toml"  # the brand's link from newsletter.toml, not the issue's own
    toml.write_text(toml.read_text("utf-8").replace('unsubscribe_url = "https://news.example.org/unsubscribe"', ""))
    (workdir / "newsletter.toml").write_text(
        '[brand]\nname = "Бюллетень"\nunsubscribe_url = "mailto:отписка@пример.рф"\n'
    )
    result = invoke("build", "issue", "--out", "out", "--date", "2026-11-24")
    assert result.exit_code == 1
    assert result.output == (
        "error: newsletter.toml:3: [brand] unsubscribe_url: 'mailto:отписка@пример.рф': отписка@пример.рф needs a "
        "mail server that takes non-ASCII addresses (SMTPUTF8); use an ASCII address\n"
    )
    assert not (workdir / "out").exists()
