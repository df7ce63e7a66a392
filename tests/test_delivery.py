"""send/delivery.py against real SMTP servers that misbehave on purpose: a list send settles each address once
(sent, failed or unknown) over one or more connections, and resumes after drops, kills, signals and refusals."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import send_fixtures
from golden import SLUG
from send_fixtures import (
    HISTORY,
    SUBJECT,
    Mailbox,
    addresses,
    headers,
    send_list,
    smtp_server,
    subscribers,
)

from newsletter.send import run as sending
from newsletter.send.smtp_settings import load_settings
from newsletter.send.subscribers import read_subscribers

# The fixtures of send_fixtures.py: an editor's folder holding the build, a server named in its newsletter.toml.
smtp_parts, workdir, server = send_fixtures.smtp_parts, send_fixtures.workdir, send_fixtures.server


# --- list sends -----------------------------------------------------------------------------------


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


def test_several_connections_keep_each_address_to_one_message(workdir):
    """--connections 3: three messages in flight at once, each on its own connection, and never more than three
    connections open. The server holds its first replies until three messages wait for one together (the run
    cannot finish on fewer connections first, however busy the machine), and counts what is open at once."""
    subscribers(workdir, 30)
    with smtp_server(Mailbox(vanish={"a7@example.org"}, defer_once={"a3@example.org"}, together=3)) as server:
        # The client outwaits the server's hold (WAIT, 20 s): with fewer connections the count below says so.
        settings = server.toml().replace("timeout = 5", "timeout = 60")
        assert "timeout = 60" in settings
        (workdir / "newsletter.toml").write_text(settings)
        result = send_list("--connections", "3")
        assert result.exit_code == 1, result.output
        assert "sent 29, skipped 0, failed 0, unknown 1" in result.output
        assert len(set(server.mailbox.together_peers)) == 3
        assert server.mailbox.most_open == 3
        again = send_list("--connections", "3")
        assert "sent 0, skipped 29, failed 0, unknown 1" in again.output
        assert Counter(server.mailbox.addresses()) == Counter(addresses(30))


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


def test_a_refused_address_says_what_to_do_and_a_rerun_says_it_was_not_tried_again(workdir):
    """One subscriber's address is refused every week (550), another's server is busy (450): the editor is told
    which is tried again and what to do; a re-run (after a kill, say) says the refused one was not tried again,
    rather than naming the server's refusal as if it had just happened."""
    subscribers(workdir, 4)
    refusals = {"a1@example.org": "550 5.1.1 No such user", "a2@example.org": "450 4.2.1 Mailbox busy"}
    with smtp_server(Mailbox(refuse=refusals)) as server:
        (workdir / "newsletter.toml").write_text(server.toml())
        refused = f"{server.host}:{server.port} refused a1@example.org: 550 5.1.1 No such user"
        for_good = (
            "Failed for good: the server refused 1 address(es) outright (5xx), and they are not tried again for "
            "this issue: correct or remove them in subscribers.csv (--force tries them once more)."
        )
        for_now = (
            "Failed for now: 1 address(es) not delivered this time (see above): run the same command again later "
            "to try them again."
        )
        first = send_list()
        assert first.exit_code == 1
        assert f"failed  a1@example.org: {refused}" in first.output.splitlines()
        assert first.output.splitlines()[-2:] == [for_good, for_now]

        server.mailbox.refuse.pop("a2@example.org")  # the busy server takes mail again
        again = send_list()
        assert again.exit_code == 1
        lines = again.output.splitlines()
        assert f"failed  a1@example.org: not tried again, refused for good in an earlier run: {refused}" in lines
        assert lines[-2:] == [f"'{SUBJECT}': sent 1, skipped 2, failed 1, unknown 0 (history: {HISTORY})", for_good]
        assert Counter(server.mailbox.addresses()) == Counter(["a0@example.org", "a2@example.org", "a3@example.org"])


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


# --- the rate limit, with a clock that only moves when the sender waits ---------------------------


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


# --- signals and a full disk ----------------------------------------------------------------------


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
            # The server has message 5 whole, so the client committed its `sending` mark before sending it:
            # wherever the signal finds the client now (still sending, or waiting for the reply), it went out.
            server.mailbox.wait_for(5)
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
    setup = 4  # recover, the row, the list's rows, the run: then one commit per message

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
