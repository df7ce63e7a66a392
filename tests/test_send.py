"""`newsletter send` against real SMTP servers (aiosmtpd on 127.0.0.1): test sends, list sends that
resume after drops, kills and refusals, TLS and login, and everything refused before a byte is sent."""

from __future__ import annotations

import datetime as dt
import email
import functools
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from email.parser import BytesHeaderParser
from email.policy import default
from pathlib import Path

import pytest
from conftest import missing
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from newsletter.build import build, issue_json
from newsletter.buildfolder import RECORD_NAME, make_record
from newsletter.cli import app
from newsletter.headers import header_problem
from newsletter.models import Issue
from newsletter.send import run as sending
from newsletter.send.smtp_settings import load_settings
from newsletter.send.subscribers import Subscriber, read_subscribers

try:
    from smtp_server import TLS, Mailbox, smtp_server
except ImportError as error:  # aiosmtpd or trustme is not installed
    SMTP_MISSING: str | None = str(error)
else:
    SMTP_MISSING = None

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "markdown-issue"
DATE = dt.date(2026, 11, 24)
SLUG = "2026-11-24-issue-48"
SUBJECT = "Runoff week: Bogotá votes, Brussels waits"
SENDER_NAME = "Zoë Éditions"
PASSWORD = "pa55-w0rd-that-must-not-leak"
BRAND_TOML = f"""[brand]
reply_to = "desk@news.example.org"

[brand.sender]
name = "{SENDER_NAME}"
email = "newsletter@news.example.org"
"""
HISTORY = Path("newsletter-sends.sqlite3")  # next to newsletter.toml, in the editor's folder
runner = CliRunner()


@pytest.fixture(autouse=True)
def smtp_parts(no_smtp_variables):
    if SMTP_MISSING:
        missing(f"aiosmtpd and trustme (pip install -e '.[test]'): {SMTP_MISSING}")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The Markdown example, built once with a sender whose name is not ASCII."""
    root = tmp_path_factory.mktemp("built")
    (root / "newsletter.toml").write_text(BRAND_TOML)
    return build(EXAMPLE, out=root / SLUG, date=DATE, config=root / "newsletter.toml").out


@pytest.fixture
def workdir(tmp_path, monkeypatch, built) -> Path:
    """An editor's folder holding the build (with no send log yet); commands run from here."""
    shutil.copytree(built, tmp_path / "build" / SLUG)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def server(workdir):
    """A well-behaved server, named in ./newsletter.toml."""
    with smtp_server() as running:
        (workdir / "newsletter.toml").write_text(running.toml())
        yield running


def invoke(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), env=env)


def subscribers(folder: Path, count: int, *, extra: str = "", name: str = "csv") -> Path:
    path = folder / f"subscribers.{name}"
    rows = "".join(f"a{number}@example.org,Reader {number}\n" for number in range(count))
    path.write_text("email,name\n" + rows + extra, encoding="utf-8")
    return path


def addresses(count: int) -> list[str]:
    return [f"a{number}@example.org" for number in range(count)]


def send_list(*extra: str, env: dict[str, str] | None = None):
    return invoke("send", f"build/{SLUG}", "--list", "subscribers.csv", *extra, env=env)


def rewrite_issue(folder: Path, issue: Issue) -> None:
    """Edit a build's issue.json and its record, as a build by another version might have written them."""
    (folder / "issue.json").write_text(issue_json(issue))
    names = [path.name for path in folder.iterdir() if path.name != RECORD_NAME and path.is_file()]
    (folder / RECORD_NAME).write_bytes(make_record({name: (folder / name).read_bytes() for name in names}))


def headers(content: bytes) -> email.message.Message:
    return BytesHeaderParser(policy=default).parsebytes(content)


# --- a test send ---------------------------------------------------------------------------------


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


def test_a_line_that_starts_with_a_dot_arrives_intact(server, workdir):
    source = workdir / "issue"
    shutil.copytree(EXAMPLE, source)
    lead = source / "01-colombia-runoff.md"
    front, _, body = lead.read_text().partition("\n---\n")
    lead.write_text(f"{front}\n---\n.\n\n. and .. dots\n\n{body}")
    build(source, out=workdir / "build" / SLUG, date=DATE, config=workdir / "newsletter.toml")
    result = invoke("send", f"build/{SLUG}", "--to", "editor@example.org")
    assert result.exit_code == 0, result.output
    text = server.mailbox.received[0].message.get_body(("plain",)).get_content()
    assert "\n.\n\n. and .. dots\n" in text


def test_test_send_to_several_addresses_each_gets_one(server):
    result = invoke("send", f"build/{SLUG}", "--to", "one@example.org", "--to", "two@example.org")
    assert result.exit_code == 0, result.output
    assert sorted(server.mailbox.addresses()) == ["one@example.org", "two@example.org"]


# --- list sends ----------------------------------------------------------------------------------


def test_list_send_of_20_arrives_once_each_over_one_connection(server, workdir):
    subscribers(workdir, 20)
    result = send_list()
    assert result.exit_code == 0, result.output
    assert f"'{SUBJECT}': sent 20, skipped 0, failed 0, unknown 0" in result.output
    received = server.mailbox.received
    assert sorted(server.mailbox.addresses()) == sorted(addresses(20))
    assert len(server.mailbox.connections) == 1
    ids = set()
    for message in received:
        head = headers(message.content)
        [rcpt] = message.rcpt_tos
        number = rcpt.split("@")[0][1:]
        assert head["To"] == f"Reader {number} <{rcpt}>"
        assert head["Subject"] == SUBJECT
        assert (
            head["List-Unsubscribe"]
            .strip()
            .startswith(f"<https://news.example.org/unsubscribe?email=a{number}%40example.org>")
        )
        ids.add(head["Message-ID"])
    assert len(ids) == 20


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


def test_a_dropped_connection_then_a_rerun_delivers_each_address_exactly_once(workdir):
    subscribers(workdir, 250)
    with smtp_server(Mailbox(drop_after=100)) as server:
        (workdir / "newsletter.toml").write_text(server.toml(retries=2))
        first = send_list()
        assert first.exit_code == 1, first.output
        assert "sent 100, skipped 0, failed 0, unknown 0, not tried 150" in first.output
        assert "error: stopped: gave up after 3 failed connections in a row: " in first.output
        assert "Run the same command again to carry on where it stopped." in first.output
        assert server.mailbox.count() == 100

        server.mailbox.heal()
        second = send_list()
        assert second.exit_code == 0, second.output
        assert "sent 150, skipped 100, failed 0, unknown 0" in second.output
        delivered = Counter(server.mailbox.addresses())
        assert set(delivered) == set(addresses(250))
        assert set(delivered.values()) == {1}


def test_a_connection_dropped_once_is_reopened_and_the_run_finishes(workdir):
    subscribers(workdir, 30)
    with smtp_server(Mailbox(drop_after=10, stay_down=False)) as server:
        (workdir / "newsletter.toml").write_text(server.toml())
        result = send_list()
        assert result.exit_code == 0, result.output
        assert "sent 30, skipped 0, failed 0, unknown 0" in result.output
        assert sorted(server.mailbox.addresses()) == sorted(addresses(30))
        assert len(server.mailbox.connections) == 2


def test_a_killed_send_then_a_rerun_delivers_each_address_exactly_once(workdir):
    """SIGKILL while the server holds its reply to message 15: that row stays `sending` in the log.

    The server has message 15, so the re-run must not send it again: the row becomes unknown, the
    other 25 go out, and every address has exactly one message.
    """
    subscribers(workdir, 40)
    with smtp_server(Mailbox(hold_at=15)) as server:
        (workdir / "newsletter.toml").write_text(server.toml())
        env = {name: value for name, value in os.environ.items() if not name.startswith("NEWSLETTER_SMTP_")}
        with open(workdir / "first-run.log", "wb") as output:
            process = subprocess.Popen(
                [sys.executable, "-m", "newsletter", "send", f"build/{SLUG}", "--list", "subscribers.csv"],
                cwd=workdir,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
            try:
                server.mailbox.wait_for(15)
                os.kill(process.pid, signal.SIGKILL)
                assert process.wait(timeout=20) == -signal.SIGKILL
            finally:
                if process.poll() is None:
                    process.kill()
                    process.wait(timeout=20)
        server.mailbox.release()
        assert server.mailbox.count() == 15

        result = send_list()
        assert result.exit_code == 1, result.output
        assert (
            "unknown a14@example.org: the sending process stopped after the message went out, "
            "before the server confirmed it"
        ) in result.output
        assert "sent 25, skipped 14, failed 0, unknown 1" in result.output
        assert "--resend-unknown" in result.output
        delivered = Counter(server.mailbox.addresses())
        assert set(delivered) == set(addresses(40))
        assert set(delivered.values()) == {1}

        plan = send_list("--dry-run")
        assert "skip     a14@example.org  unknown: the sending process stopped" in plan.output
        assert "Would send to 0 of 40 address(es); 40 skipped." in plan.output


def test_a_drop_between_the_message_and_its_reply_leaves_the_address_unknown(workdir):
    subscribers(workdir, 6)
    with smtp_server(Mailbox(vanish={"a3@example.org"})) as server:
        (workdir / "newsletter.toml").write_text(server.toml())
        first = send_list()
        assert first.exit_code == 1, first.output
        assert "unknown a3@example.org: the message went out but" in first.output
        assert "sent 5, skipped 0, failed 0, unknown 1" in first.output
        assert sorted(server.mailbox.addresses()) == sorted(addresses(6))

        again = send_list()
        assert again.exit_code == 1, again.output  # still unknown: the editor has to decide
        assert "sent 0, skipped 5, failed 0, unknown 1" in again.output
        assert server.mailbox.count() == 6  # not resent blindly

        server.mailbox.vanish.clear()
        resend = send_list("--resend-unknown")
        assert resend.exit_code == 0, resend.output
        assert "sent 1, skipped 5, failed 0, unknown 0" in resend.output
        first_try, second_try = [
            headers(message.content) for message in server.mailbox.received if message.rcpt_tos == ["a3@example.org"]
        ]
        assert first_try["Message-ID"] == second_try["Message-ID"]


def test_a_rebuild_with_a_new_sender_keeps_the_send_log_and_each_message_id(workdir):
    """Fixing the sender and building again must not send the issue to the list a second time."""
    subscribers(workdir, 4)
    with smtp_server(Mailbox(vanish={"a1@example.org"})) as server:
        (workdir / "newsletter.toml").write_text(server.toml())
        first = send_list()
        assert "sent 3, skipped 0, failed 0, unknown 1" in first.output
        (workdir / "brand.toml").write_text(BRAND_TOML.replace("@news.example.org", "@mail.example.org"))
        build(EXAMPLE, out=workdir / "build" / SLUG, date=DATE, config=workdir / "brand.toml")

        server.mailbox.vanish.clear()
        again = send_list("--resend-unknown")
        assert again.exit_code == 0, again.output
        assert "sent 1, skipped 3, failed 0, unknown 0" in again.output
        assert Counter(server.mailbox.addresses()) == Counter(addresses(4) + ["a1@example.org"])
        first_try, second_try = [
            headers(message.content) for message in server.mailbox.received if message.rcpt_tos == ["a1@example.org"]
        ]
        assert first_try["Message-ID"] == second_try["Message-ID"]
        assert second_try["From"].addresses[0].addr_spec == "newsletter@mail.example.org"


def test_a_temporary_refusal_is_retried(workdir):
    subscribers(workdir, 5)
    with smtp_server(Mailbox(defer_once={"a2@example.org"})) as server:
        (workdir / "newsletter.toml").write_text(server.toml())
        result = send_list()
        assert result.exit_code == 0, result.output
        assert "sent 5, skipped 0, failed 0, unknown 0" in result.output
        assert server.mailbox.deferred == ["a2@example.org"]
        assert Counter(server.mailbox.addresses()) == Counter(addresses(5))


def test_a_permanent_refusal_is_logged_and_the_others_arrive(workdir):
    subscribers(workdir, 5)
    with smtp_server(Mailbox(refuse={"a2@example.org": "550 5.1.1 No such user"})) as server:
        (workdir / "newsletter.toml").write_text(server.toml())
        result = send_list()
        assert result.exit_code == 1, result.output
        assert (
            f"failed  a2@example.org: {server.host}:{server.port} refused a2@example.org: 550 5.1.1 No such user"
            in result.output
        )
        assert "sent 4, skipped 0, failed 1, unknown 0" in result.output
        assert sorted(server.mailbox.addresses()) == sorted(set(addresses(5)) - {"a2@example.org"})
        plan = send_list("--dry-run")
        assert "skip     a2@example.org  failed for good: " in plan.output
        forced = send_list("--dry-run", "--force")
        assert "send     a2@example.org  unsubscribe: " in forced.output


def test_a_refused_sender_stops_the_run_instead_of_failing_every_address(workdir):
    subscribers(workdir, 3)
    with smtp_server(Mailbox(refuse_sender="550 5.7.1 Not allowed to send as this address")) as server:
        (workdir / "newsletter.toml").write_text(server.toml())
        result = send_list()
        assert result.exit_code == 1
        assert "sent 0, skipped 0, failed 0, unknown 0, not tried 3" in result.output
        assert "refused the sender newsletter@news.example.org: 550 5.7.1 Not allowed" in result.output
        server.mailbox.refuse_sender = None
        result = send_list()  # the run stopped early, so it resumes without --force
        assert result.exit_code == 0, result.output
        assert Counter(server.mailbox.addresses()) == Counter(addresses(3))


def test_a_second_send_skips_who_has_the_issue_and_only_force_sends_a_second_copy(server, workdir):
    subscribers(workdir, 3)
    assert send_list().exit_code == 0
    again = send_list()
    assert again.exit_code == 0, again.output
    assert again.output.startswith(
        f"Skipping 3 address(es) that already have issue 48 (from build/{SLUG}); history: newsletter-sends.sqlite3\n"
    ), again.output
    assert "sent 0, skipped 3, failed 0, unknown 0" in again.output
    subscribers(workdir, 4)  # one more reader signed up
    newcomer = send_list()
    assert "sent 1, skipped 3, failed 0, unknown 0" in newcomer.output
    assert Counter(server.mailbox.addresses()) == Counter(addresses(4))
    plan = send_list("--dry-run", "--force")
    assert "4 address(es) may already have this issue and would get a second copy." in plan.output
    forced = send_list("--force")
    assert forced.exit_code == 0, forced.output
    assert "--force: 4 address(es) that already have issue 48 get a second copy." in forced.output
    assert "sent 4, skipped 0, failed 0, unknown 0" in forced.output
    assert Counter(server.mailbox.addresses()) == Counter(addresses(4) * 2)
    # The second copy carries a Message-ID of its own, or a mailbox that has the first would drop it.
    ids = [received.message["Message-ID"] for received in server.mailbox.received]
    assert len(set(ids)) == len(ids) == 8


def test_a_second_send_while_one_is_running_is_refused(server, workdir):
    import fcntl

    subscribers(workdir, 3)
    with open(workdir / "newsletter-sends.sqlite3.lock", "a") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = send_list()
    assert result.exit_code == 1
    assert result.output == (
        "error: newsletter-sends.sqlite3: another `newsletter send` is running from this "
        "folder; wait for it to finish\n"
    )
    assert server.mailbox.count() == 0


def test_an_address_that_needs_smtputf8_goes_only_to_a_server_that_offers_it(workdir):
    (workdir / "subscribers.csv").write_text("email,name\njosé@example.org,José\nana@example.org,Ana\n")
    with smtp_server() as plain:
        (workdir / "newsletter.toml").write_text(plain.toml())
        result = send_list()
        assert result.exit_code == 1, result.output
        assert "failed  josé@example.org: josé@example.org needs SMTPUTF8, which" in result.output
        assert plain.mailbox.addresses() == ["ana@example.org"]
    with smtp_server(smtputf8=True) as modern:
        (workdir / "newsletter.toml").write_text(modern.toml())
        result = send_list()
        assert result.exit_code == 0, result.output
        assert "sent 1, skipped 1, failed 0, unknown 0" in result.output
        [received] = modern.mailbox.received
        assert received.rcpt_tos == ["josé@example.org"]
        assert "SMTPUTF8" in received.mail_options
        assert received.message["To"].addresses[0].addr_spec == "josé@example.org"


# --- TLS, login and the password -----------------------------------------------------------------


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_tls_and_login_work_with_a_self_signed_certificate(workdir, security):
    tls = TLS(workdir)
    with smtp_server(tls=tls, implicit_tls=security == "tls", login=("editor", PASSWORD)) as server:
        (workdir / "newsletter.toml").write_text(server.toml(security, user="editor"))
        subscribers(workdir, 3)
        env = {"NEWSLETTER_SMTP_PASSWORD": PASSWORD}
        test = invoke("send", f"build/{SLUG}", "--to", "editor@example.org", env=env)
        assert test.exit_code == 0, test.output
        result = send_list(env=env)
        assert result.exit_code == 0, result.output
        assert "sent 3, skipped 0, failed 0, unknown 0" in result.output
        assert sorted(server.mailbox.addresses()) == sorted(["editor@example.org", *addresses(3)])
        assert server.mailbox.logins == ["editor", "editor"]
        for output in (test.output, result.output):
            assert PASSWORD not in output
        for file in (workdir / "build" / SLUG).iterdir():
            assert PASSWORD.encode() not in file.read_bytes(), file


def test_a_wrong_password_stops_the_send_without_showing_it(workdir):
    tls = TLS(workdir)
    with smtp_server(tls=tls, login=("editor", PASSWORD)) as server:
        (workdir / "newsletter.toml").write_text(server.toml("starttls", user="editor"))
        subscribers(workdir, 3)
        wrong = "not-the-pa55word"
        result = invoke(
            "--verbose", "send", f"build/{SLUG}", "--list", "subscribers.csv", env={"NEWSLETTER_SMTP_PASSWORD": wrong}
        )
        assert result.exit_code == 1
        assert f"error: stopped: {server.host}:{server.port} refused the login for editor: 535" in result.output
        assert "sent 0, skipped 0, failed 0, unknown 0, not tried 3" in result.output
        assert wrong not in result.output
        log = workdir / "newsletter-sends.sqlite3"
        assert wrong.encode() not in log.read_bytes()
        assert server.mailbox.count() == 0


def test_an_untrusted_certificate_is_refused_not_ignored(workdir):
    tls = TLS(workdir)
    with smtp_server(tls=tls) as server:
        server.cafile = None  # the client is not told about the test's certificate authority
        (workdir / "newsletter.toml").write_text(server.toml("starttls"))
        result = invoke("send", f"build/{SLUG}", "--to", "editor@example.org")
        assert result.exit_code == 1
        assert "certificate is not trusted" in result.output
        assert server.mailbox.count() == 0


def test_a_password_in_the_settings_file_is_refused(workdir):
    (workdir / "newsletter.toml").write_text('[smtp]\nhost = "127.0.0.1"\npassword = "hunter22"\n')
    result = invoke("send", f"build/{SLUG}", "--to", "editor@example.org")
    assert result.exit_code == 1
    assert (
        "newsletter.toml:3: [smtp] password: keep the password out of files; set NEWSLETTER_SMTP_PASSWORD"
        in result.output
    )
    assert "hunter22" not in result.output


def test_settings_come_from_the_environment_over_the_file(workdir):
    (workdir / "newsletter.toml").write_text('[smtp]\nhost = "smtp.example.org"\nport = 2525\nuser = "a"\n')
    settings = load_settings(
        None,
        env={
            "NEWSLETTER_SMTP_HOST": "relay.example.org",
            "NEWSLETTER_SMTP_SECURITY": "tls",
            "NEWSLETTER_SMTP_PASSWORD": PASSWORD,
        },
    )
    assert (settings.host, settings.port, settings.security, settings.user) == ("relay.example.org", 2525, "tls", "a")
    assert settings.password.reveal() == PASSWORD
    assert PASSWORD not in repr(settings) + str(settings.password) + f"{settings.password}"


def test_a_bad_security_setting_says_where(workdir):
    (workdir / "newsletter.toml").write_text('[smtp]\nhost = "127.0.0.1"\nsecurity = "ssl"\n')
    result = invoke("send", f"build/{SLUG}", "--to", "editor@example.org")
    assert result.exit_code == 1
    assert "error: newsletter.toml:3: [smtp] security: 'ssl' is not one of starttls, tls, none" in result.output


# --- one issue, one send, whatever the build ----------------------------------------------------


def build_folder(*args: str) -> str:
    result = invoke("build", *args)
    assert result.exit_code == 0, result.output
    return re.search(r" into (\S+)/\n", result.output).group(1)


@pytest.mark.parametrize("change", ["another date", "another folder", "an edited subject and no number"])
def test_a_rebuild_of_a_sent_issue_skips_everyone_who_has_it(server, workdir, change):
    source = workdir / "issue"
    shutil.copytree(EXAMPLE, source)
    toml = source / "issue.toml"
    if change == "an edited subject and no number":
        toml.write_text(toml.read_text().replace("number = 48\n", ""))
    subscribers(workdir, 5)
    first = build_folder("issue", "--date", "2026-11-24")
    sent = invoke("send", first, "--list", "subscribers.csv")
    assert "sent 5, skipped 0, failed 0, unknown 0" in sent.output, sent.output

    if change == "another date":  # built again the next day: the date defaults to today
        again = build_folder("issue", "--date", "2026-11-25")
    elif change == "another folder":
        again = build_folder("issue", "--date", "2026-11-24", "--out", "elsewhere/issue")
    else:
        toml.write_text(toml.read_text().replace("Runoff week:", "Runoff week, revised:"))
        again = build_folder("issue", "--date", "2026-11-24")
    assert again != first
    result = invoke("send", again, "--list", "subscribers.csv")
    assert result.exit_code == 0, result.output
    assert "Skipping 5 address(es) that already have " in result.output
    assert f"(from {first}); history: newsletter-sends.sqlite3" in result.output
    assert "sent 0, skipped 5, failed 0, unknown 0" in result.output
    assert Counter(server.mailbox.addresses()) == Counter(addresses(5))
    plan = invoke("send", again, "--list", "subscribers.csv", "--dry-run")
    assert "skip     a0@example.org  already has this issue (sent " in plan.output
    assert "Would send to 0 of 5 address(es); 5 skipped." in plan.output


def test_the_history_is_kept_next_to_the_settings_file_it_names(server, workdir):
    subscribers(workdir, 2)
    settings = workdir / "office" / "newsletter.toml"
    settings.parent.mkdir()
    settings.write_text(server.toml())
    result = invoke("send", f"build/{SLUG}", "--list", "subscribers.csv", "--config", str(settings))
    assert result.exit_code == 0, result.output
    assert f"(history: {settings.parent / 'newsletter-sends.sqlite3'})" in result.output
    assert not (workdir / "newsletter-sends.sqlite3").exists()


# --- sent exactly as built -----------------------------------------------------------------------


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


def test_a_build_without_a_record_is_refused(server, workdir):
    (workdir / "build" / SLUG / "build.json").unlink()
    result = invoke("send", f"build/{SLUG}", "--to", "editor@example.org")
    assert result.exit_code == 1
    assert result.output == (
        f"error: build/{SLUG}: has no build.json (built by an older version, or not a build); build the issue again\n"
    )


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


# --- forged headers: encoded words, folds and Unicode line separators ----------------------------

# Each would put a Bcc header into the message on Python 3.11/3.12 if it reached the email package.
FORGERIES = {
    "q-encoded CR LF": "=?utf-8?q?Eve=0D=0ABcc:_x@evil.example?=",
    "b-encoded CR LF": "=?UTF-8?B?RXZlDQpCY2M6IHhAZXZpbC5leGFtcGxl?=",
    "encoded LF in Latin-1": "=?iso-8859-1?Q?Eve=0ABcc:_x@evil.example?=",
    "unknown charset": "=?x-unknown?q?Eve=0D=0ABcc:_x@evil.example?=",
    "space inside the word": "=?utf-8?q?Eve =0D=0ABcc:_x@evil.example?=",
    "encoded U+2028": "=?utf-8?q?Eve=E2=80=A8Bcc:_x@evil.example?=",
    "raw U+2028": "Eve\u2028Bcc: x@evil.example",
    "raw U+2029": "Eve\u2029Bcc: x@evil.example",
    "folded": "Eve\r\n Bcc: x@evil.example",
    "nested encoded word": "=?utf-8?q?=3D=3Futf-8=3Fq=3FEve=3D0D=3D0ABcc:_x@evil.example=3F=3D?=",
}


def write_rows(folder: Path, rows: list[list[str]]) -> Path:
    import csv

    path = folder / "subscribers.csv"
    with path.open("w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows(rows)
    return path


def never_forged(mailbox) -> None:
    """Nothing reached the server, so no Bcc was ever written."""
    assert mailbox.greetings == 0
    assert mailbox.received == []


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


@pytest.mark.parametrize("what", ["subject", "sender name", "brand name", "sender address"])
@pytest.mark.parametrize("value", [FORGERIES["q-encoded CR LF"], FORGERIES["raw U+2028"]], ids=["encoded", "U+2028"])
def test_a_forged_header_in_the_build_is_refused_by_send_check_and_export(server, workdir, what, value):
    """A build made by hand or by an older version: send, check and export apply the same rule."""
    if what == "sender address":
        value = "=?utf-8?q?a=0D=0ABcc=3A_x=40evil.example?=@example.org"
    folder = workdir / "build" / SLUG
    issue = Issue.model_validate_json((folder / "issue.json").read_text())
    brand = issue.brand
    changed = {
        "subject": lambda: issue.model_copy(update={"subject": value}),
        "sender name": lambda: issue.model_copy(
            update={"brand": brand.model_copy(update={"sender": brand.sender.model_copy(update={"name": value})})}
        ),
        "brand name": lambda: issue.model_copy(
            update={
                "brand": brand.model_copy(
                    update={"name": value, "sender": brand.sender.model_copy(update={"name": ""})}
                )
            }
        ),
        "sender address": lambda: issue.model_copy(
            update={"brand": brand.model_copy(update={"sender": brand.sender.model_copy(update={"email": value})})}
        ),
    }[what]()
    rewrite_issue(folder, changed)
    subscribers(workdir, 3)
    shown = "sender name" if what == "brand name" else what  # the brand name is the name inboxes show
    # A raw U+2028 is refused where issue.json is read back (any text value, before a header is made); an
    # encoded word only decodes to a line break in a header, where the header rule refuses it.
    read_back = "holds a line separator (U+2028); rebuild it rather than edit it" if "\u2028" in value else ""
    result = send_list()
    assert result.exit_code == 1, result.output
    if read_back:
        assert result.output.startswith(f"error: build/{SLUG}/issue.json: ") and read_back in result.output
    else:
        assert result.output.startswith(f"error: build/{SLUG}/issue.json: the {shown} {value!r} holds "), result.output
        assert "which would forge mail headers; nothing was sent\n" in result.output
    never_forged(server.mailbox)
    test = invoke("send", f"build/{SLUG}", "--to", "editor@example.org")
    assert test.exit_code == 1 and (read_back or "which would forge mail headers; nothing was sent") in test.output
    never_forged(server.mailbox)
    check = invoke("check", f"build/{SLUG}")
    assert check.exit_code == 1
    assert (read_back or f"the {shown} {value!r} holds ") in check.output
    export = invoke("export", f"build/{SLUG}", "--esp", "mailchimp")
    assert export.exit_code == 1
    assert (read_back or "which would forge mail headers; nothing was exported") in export.output
    assert not (folder / "export-mailchimp.html").exists()


@pytest.mark.parametrize("key", ["name", "sender.name", "sender.email", "reply_to"])
def test_a_forged_brand_or_sender_setting_is_refused_by_build_with_its_line(tmp_path, key):
    value = (
        FORGERIES["b-encoded CR LF"]
        if key != "sender.email" and key != "reply_to"
        else "=?utf-8?q?a=0D=0ABcc=3A_x=40evil.example?=@example.org"
    )
    source = tmp_path / "issue"
    shutil.copytree(EXAMPLE, source)
    config = tmp_path / "newsletter.toml"
    config.write_text('[brand]\ntagline = "Weekly"\n')
    if key == "name":  # the issue's own brand name wins: forge it there
        config = source / "issue.toml"
        lines = config.read_text().splitlines()
        line = next(number for number, text in enumerate(lines, 1) if text.startswith("name = "))
        lines[line - 1] = f'name = "{value}"'
        config.write_text("\n".join(lines) + "\n")
    else:
        table, _, field_name = key.rpartition(".")
        config.write_text(f'{"[brand.sender]" if table else "[brand]"}\n{field_name} = "{value}"\n')
        line = 2
    result = invoke(
        "build",
        str(source),
        "--out",
        str(tmp_path / "out"),
        "--date",
        "2026-11-24",
        "--config",
        str(tmp_path / "newsletter.toml"),
    )
    assert result.exit_code == 1
    assert result.output == (
        f"error: {config}:{line}: [brand] {key}: {value!r} holds an encoded word (=?...?=) "
        "that decodes to a line break, which would forge mail headers\n"
    )
    assert not (tmp_path / "out").exists()


def test_a_forged_subject_in_issue_toml_is_refused_by_build(tmp_path):
    source = tmp_path / "issue"
    shutil.copytree(EXAMPLE, source)
    toml = source / "issue.toml"
    toml.write_text(toml.read_text().replace(f'subject = "{SUBJECT}"', f'subject = "{FORGERIES["q-encoded CR LF"]}"'))
    result = invoke("build", str(source), "--out", str(tmp_path / "out"), "--date", "2026-11-24")
    assert result.exit_code == 1
    assert "which would forge mail headers" in result.output and result.output.count("\n") == 1
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("key", ["host", "user"])
@pytest.mark.parametrize("where", ["file", "environment"])
def test_a_forged_smtp_setting_is_refused_by_name(server, workdir, key, where):
    value = FORGERIES["encoded U+2028"]
    env = None
    if where == "file":
        (workdir / "newsletter.toml").write_text(
            server.toml(**{key: value}).replace(f'host = "{server.host}"\n', "")
            if key == "host"
            else server.toml(**{key: value})
        )
        name = "newsletter.toml:"
    else:
        env = {f"NEWSLETTER_SMTP_{key.upper()}": value}
        name = f"NEWSLETTER_SMTP_{key.upper()}: "
    result = invoke("send", f"build/{SLUG}", "--to", "editor@example.org", env=env)
    assert result.exit_code == 1, result.output
    assert name in result.output
    assert f"[smtp] {key}: holds an encoded word (=?...?=) that decodes to a line break" in result.output
    never_forged(server.mailbox)


# --- refused before anything is sent -------------------------------------------------------------


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


def test_a_line_break_in_a_subscriber_name_refuses_the_whole_list(server, workdir):
    subscribers(workdir, 3, extra='evil@example.org,"Eve\r\nBcc: all@example.org"\n')
    result = send_list()
    assert result.exit_code == 1
    assert "subscribers.csv:5: the name 'Eve\\r\\nBcc: all@example.org' holds a line break" in result.output
    assert server.mailbox.greetings == 0


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
    assert "sent 2, skipped 0, failed 0, unknown 0" in result.output
    assert sorted(server.mailbox.addresses()) == ["ana@example.org", "dee@example.org"]


def test_a_list_without_an_email_column_is_refused(server, workdir):
    (workdir / "subscribers.csv").write_text("mail,name\nana@example.org,Ana\n")
    result = send_list()
    assert result.exit_code == 1
    assert "error: subscribers.csv:1: has no email column" in result.output
    assert server.mailbox.greetings == 0


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


def test_send_needs_to_or_list(server):
    result = invoke("send", f"build/{SLUG}")
    assert result.exit_code == 2
    assert "say who: --to ADDRESS for a test, --list CSV for the list" in result.output


# --- the rate limit, with a clock that only moves when the sender waits --------------------------


def test_the_rate_limit_spaces_messages_out(server, workdir):
    now = [0.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(round(seconds, 6))
        now[0] += seconds

    report = sending.send_list(
        sending.prepare(workdir / "build" / SLUG),
        read_subscribers(subscribers(workdir, 4)),
        load_settings(None),
        history=HISTORY,
        rate=2,
        sleep=sleep,
        clock=lambda: now[0],
    )
    assert report.sent == addresses(4)
    assert waits == [0.5, 0.5, 0.5]


def test_a_send_interrupted_before_a_message_went_out_leaves_it_for_the_next_run(server, workdir):
    def stop(event) -> None:
        if event.done == 2:
            raise KeyboardInterrupt

    report = sending.send_list(
        sending.prepare(workdir / "build" / SLUG),
        read_subscribers(subscribers(workdir, 5)),
        load_settings(None),
        history=HISTORY,
        progress=stop,
    )
    assert report.stopped == "interrupted (Ctrl-C)"
    assert report.sent == addresses(2)
    assert report.left == addresses(5)[2:]
    result = send_list()
    assert "sent 3, skipped 2, failed 0, unknown 0" in result.output
    assert Counter(server.mailbox.addresses()) == Counter(addresses(5))


def test_send_defaults_to_the_newest_build(server, workdir):
    older = workdir / "build" / "2026-11-17-issue-47"
    shutil.copytree(workdir / "build" / SLUG, older)
    issue = Issue.model_validate_json((older / "issue.json").read_text())
    (older / "issue.json").write_text(issue_json(issue.model_copy(update={"subject": "Last week's issue"})))
    result = invoke("send", "--to", "editor@example.org")
    assert result.exit_code == 0, result.output
    [received] = server.mailbox.received
    assert headers(received.content)["Subject"] == f"[TEST] {SUBJECT}"


# --- signals, secrets, limits --------------------------------------------------------------------


def run_send(workdir: Path, *extra: str) -> subprocess.Popen:
    env = {name: value for name, value in os.environ.items() if not name.startswith("NEWSLETTER_SMTP_")}
    return subprocess.Popen(
        [sys.executable, "-m", "newsletter", "send", f"build/{SLUG}", "--list", "subscribers.csv", *extra],
        cwd=workdir,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


@pytest.mark.parametrize(
    ("signum", "name"), [(signal.SIGINT, "Ctrl-C"), (signal.SIGTERM, "SIGTERM"), (signal.SIGHUP, "SIGHUP")]
)
def test_sigterm_and_sighup_end_a_send_like_ctrl_c(workdir, signum, name):
    """The signal comes while the server holds its reply to message 5: a summary, the exit code, the history
    settled (message 5 unknown, never resent blindly), and a re-run finishes with each address once."""
    subscribers(workdir, 12)
    with smtp_server(Mailbox(hold_at=5)) as server:
        (workdir / "newsletter.toml").write_text(server.toml())
        process = run_send(workdir)
        try:
            server.mailbox.wait_for(5)
            time.sleep(0.2)  # the client is waiting for the reply
            process.send_signal(signum)
            output, _ = process.communicate(timeout=20)
        finally:
            if process.poll() is None:
                process.kill()
        server.mailbox.release()
        text = output.decode()
        assert process.returncode == 128 + signum, text
        assert "sent 4, skipped 0, failed 0, unknown 1, not tried 7" in text
        assert (
            f"unknown a4@example.org: interrupted ({name}) after the message went out, before the server confirmed it"
        ) in text
        assert f"error: stopped: interrupted ({name})" in text
        again = send_list()
        assert "sent 7, skipped 4, failed 0, unknown 1" in again.output, again.output
        assert Counter(server.mailbox.addresses()) == Counter(addresses(12))


@pytest.mark.parametrize("message", [1, 3])
def test_ctrl_c_inside_a_log_write_neither_loses_nor_double_counts(server, workdir, monkeypatch, message):
    """A real SIGINT arrives while the history commits message N's `sending` mark (with the outcome of the
    message before it): the report, the history and the server agree, and a re-run sends the rest once."""
    import sqlite3

    connect = sqlite3.connect
    commits = [0]
    setup = 4  # recover, the issue's row, the list's rows, the run: then one commit per message

    def hooked(*args, **kwargs):
        db = connect(*args, **kwargs)

        def trace(statement: str) -> None:
            if statement == "COMMIT":
                commits[0] += 1
                if commits[0] == setup + message:
                    signal.raise_signal(signal.SIGINT)

        db.set_trace_callback(trace)
        return db

    monkeypatch.setattr(sqlite3, "connect", hooked)
    report = sending.send_list(
        sending.prepare(workdir / "build" / SLUG),
        read_subscribers(subscribers(workdir, 6)),
        load_settings(None),
        history=HISTORY,
    )
    monkeypatch.setattr(sqlite3, "connect", connect)
    assert report.stopped == "interrupted (Ctrl-C)"
    assert report.sent == addresses(message - 1)
    assert [address for address, _ in report.unknown] == [f"a{message - 1}@example.org"]
    assert report.left == addresses(6)[message:]
    with sqlite3.connect(HISTORY) as db:
        rows = dict(db.execute("SELECT address, status FROM deliveries").fetchall())
    assert [address for address, status in rows.items() if status == "sent"] == report.sent
    assert [address for address, status in rows.items() if status == "unknown"] == [f"a{message - 1}@example.org"]
    assert sorted(server.mailbox.addresses()) == sorted(report.sent)  # the marked message never went out
    result = send_list("--resend-unknown")
    assert f"sent {7 - message}, skipped {message - 1}, failed 0, unknown 0" in result.output, result.output
    assert Counter(server.mailbox.addresses()) == Counter(addresses(6))


def test_a_reply_that_echoes_the_password_is_stored_redacted(workdir):
    """The server's 4xx reply repeats the password, and the run stops during the wait before the retry."""
    import sqlite3

    tls = TLS(workdir)
    reply = f"451 4.3.0 try later (AUTH editor {PASSWORD})"
    with smtp_server(
        Mailbox(defer_once={"a1@example.org"}, defer_reply=reply), tls=tls, login=("editor", PASSWORD)
    ) as server:
        # A retry delay no busy machine outruns: the other addresses are sent before a1 is due again, so
        # the run always waits (with the suite's 0.01 s, a slow machine could skip the wait and retry at once).
        settings = server.toml("starttls", user="editor").replace("retry_delay = 0.01", "retry_delay = 60")
        assert "retry_delay = 60" in settings
        (workdir / "newsletter.toml").write_text(settings)
        os.environ["NEWSLETTER_SMTP_PASSWORD"] = PASSWORD
        try:

            def sleep(seconds: float) -> None:
                raise KeyboardInterrupt  # Ctrl-C while waiting to try a1 again

            report = sending.send_list(
                sending.prepare(workdir / "build" / SLUG),
                read_subscribers(subscribers(workdir, 3)),
                load_settings(None),
                history=HISTORY,
                sleep=sleep,
            )
        finally:
            del os.environ["NEWSLETTER_SMTP_PASSWORD"]
        assert report.stopped == "interrupted (Ctrl-C)"
        with sqlite3.connect(HISTORY) as db:
            [error] = db.execute("SELECT error FROM deliveries WHERE address = 'a1@example.org'").fetchone()
        assert error.startswith("interrupted (Ctrl-C); last try: ") and error.endswith(
            "451 4.3.0 try later (AUTH editor ********)"
        ), error
        for path in workdir.iterdir():
            if path.is_file():
                assert PASSWORD.encode() not in path.read_bytes(), path


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
    assert "Would send to 1 of 1 address(es); 0 skipped." in plan.output
    result = send_list()
    assert result.exit_code == 0, result.output
    [received] = server.mailbox.received
    assert max(len(line) for line in received.content.split(b"\r\n")) <= 998
    assert received.message["To"].addresses[0].display_name == long_words


@pytest.mark.parametrize(
    ("toml", "env", "message"),
    [
        ("port = 25.7", {}, "newsletter.toml:2: [smtp] port: 25.7 is not a port number"),
        ('port = "25"', {}, "newsletter.toml:2: [smtp] port: '25' is not a port number"),
        ("retries = 2.5", {}, "newsletter.toml:2: [smtp] retries: 2.5 must be a whole number, 0 or more"),
        ("timeout = nan", {}, "newsletter.toml:2: [smtp] timeout: nan must be a number of at least 0.001"),
        ("", {"NEWSLETTER_SMTP_PORT": "25.7"}, "NEWSLETTER_SMTP_PORT: [smtp] port: '25.7' is not a port number"),
        ("", {"NEWSLETTER_SMTP_TIMEOUT": "soon"}, "NEWSLETTER_SMTP_TIMEOUT: [smtp] timeout: 'soon' must be a number"),
        ("", {"NEWSLETTER_SMTP_RATE": "-1"}, "NEWSLETTER_SMTP_RATE: [smtp] rate: '-1' must be a number of at least 0"),
        ("", {"NEWSLETTER_SMTP_RETRIES": "three"}, "NEWSLETTER_SMTP_RETRIES: [smtp] retries: 'three' must be a whole"),
        (
            "",
            {"NEWSLETTER_SMTP_TIMOUT": "5"},
            "NEWSLETTER_SMTP_TIMOUT: is not a setting; did you mean NEWSLETTER_SMTP_TIMEOUT?",
        ),
    ],
)
def test_every_setting_is_validated_where_it_is_given(workdir, toml, env, message):
    (workdir / "newsletter.toml").write_text(f'[smtp]\n{toml}\nhost = "127.0.0.1"\n')
    result = invoke("send", f"build/{SLUG}", "--to", "editor@example.org", env=env)
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {message}"), result.output


def test_every_documented_variable_is_read(workdir):
    env = {
        "NEWSLETTER_SMTP_HOST": "relay.example.org",
        "NEWSLETTER_SMTP_PORT": "2525",
        "NEWSLETTER_SMTP_SECURITY": "tls",
        "NEWSLETTER_SMTP_USER": "ed",
        "NEWSLETTER_SMTP_CAFILE": "/ca.pem",
        "NEWSLETTER_SMTP_TIMEOUT": "7.5",
        "NEWSLETTER_SMTP_RATE": "3",
        "NEWSLETTER_SMTP_RETRIES": "2",
        "NEWSLETTER_SMTP_RETRY_DELAY": "0.5",
        "NEWSLETTER_SMTP_CONNECTIONS": "3",
    }
    settings = load_settings(None, env=env)
    assert (
        settings.host,
        settings.port,
        settings.security,
        settings.user,
        settings.cafile,
        settings.timeout,
        settings.rate,
        settings.retries,
        settings.retry_delay,
        settings.connections,
    ) == ("relay.example.org", 2525, "tls", "ed", "/ca.pem", 7.5, 3.0, 2, 0.5, 3)


def test_a_list_that_is_not_utf8_names_the_line(server, workdir):
    (workdir / "subscribers.csv").write_bytes(b"email,name\nana@example.org,Ana\nbo@example.org,Jos\xe9\n")
    result = send_list()
    assert result.exit_code == 1
    assert result.output == (
        "error: subscribers.csv:3: is not UTF-8 text (byte 0xe9 at column 19); save it as CSV UTF-8\n"
    )
    assert server.mailbox.greetings == 0


def test_several_connections_keep_each_address_to_one_message(workdir):
    subscribers(workdir, 30)
    with smtp_server(Mailbox(vanish={"a7@example.org"}, defer_once={"a3@example.org"})) as server:
        (workdir / "newsletter.toml").write_text(server.toml())
        result = send_list("--connections", "3")
        assert result.exit_code == 1, result.output
        assert "sent 29, skipped 0, failed 0, unknown 1" in result.output
        assert len({peer for message in server.mailbox.received for peer in [message.peer]}) >= 3
        again = send_list("--connections", "3")
        assert "sent 0, skipped 29, failed 0, unknown 1" in again.output
        assert Counter(server.mailbox.addresses()) == Counter(addresses(30))


def test_check_calls_an_edited_build_unsafe_as_send_refuses_it(server, workdir):
    page = workdir / "build" / SLUG / "email.txt"
    page.write_text(page.read_text() + "\nP.S. edited by hand\n")
    result = invoke("check", f"build/{SLUG}")
    assert result.exit_code == 1
    assert (
        f"error: build/{SLUG}/email.txt: was changed after `newsletter build` wrote it; nothing goes out that was "
        "not built and checked: build the issue again instead of editing its files"
    ) in result.output


def test_a_send_log_that_cannot_be_written_reports_each_delivered_address_once_as_unknown(workdir, monkeypatch):
    """The disk fills up for the run's last write, which records the last message's outcome: that message is
    unknown, named by its address as given (not the log's case-folded key), and no longer counted as sent."""
    from newsletter.errors import OutputError
    from newsletter.send.history import SendLog

    path = workdir / "subscribers.csv"
    path.write_text("email,name\n" + "".join(f"Reader{n}@Example.org,Reader {n}\n" for n in range(6)), "utf-8")
    write = SendLog.write

    def full_disk(self, marks, folder=""):  # type: ignore[no-untyped-def]
        marks = list(marks)
        last = not any(mark.status == "sending" for mark in marks) and any(mark.status == "sent" for mark in marks)
        if last:  # the final write, after the queue is empty: no next message's `sending` mark with it
            raise OutputError("database or disk is full", file=HISTORY)
        return write(self, marks, folder)

    monkeypatch.setattr(SendLog, "write", full_disk)
    with smtp_server(Mailbox()) as server:
        (workdir / "newsletter.toml").write_text(server.toml())
        report = sending.send_list(
            sending.prepare(workdir / "build" / SLUG), read_subscribers(path), load_settings(None), history=HISTORY
        )
        delivered = set(server.mailbox.addresses())
    unknown = [address for address, _ in report.unknown]
    assert not set(report.sent) & set(unknown)
    # Every delivered address once, as sent or as unknown; the unknown ones as given ("Reader3@…"), not keys.
    assert sorted(report.sent + unknown) == sorted(delivered)
    assert unknown and all(address.startswith("Reader") for address in unknown)
