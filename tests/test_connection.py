"""send/connection.py, the one module that talks SMTP: dot-stuffing, SMTPUTF8 only where offered, TLS and
login with a self-signed certificate, and a password that never shows."""

from __future__ import annotations

import os
import shutil

import pytest
import send_fixtures
from golden import DATE, EXAMPLE, SLUG
from send_fixtures import (
    HISTORY,
    PASSWORD,
    TLS,
    Mailbox,
    addresses,
    invoke,
    send_list,
    smtp_server,
    subscribers,
)

from newsletter.build import build
from newsletter.send import run as sending
from newsletter.send.smtp_settings import load_settings
from newsletter.send.subscribers import read_subscribers

# The fixtures of send_fixtures.py: an editor's folder holding the build, a server named in its newsletter.toml.
smtp_parts, workdir, server = send_fixtures.smtp_parts, send_fixtures.workdir, send_fixtures.server


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


# --- TLS, login and the password ------------------------------------------------------------------


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
