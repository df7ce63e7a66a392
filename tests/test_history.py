"""send/history.py: the send history next to newsletter.toml keeps each address to one copy of an issue,
whatever the build; --force sends a second copy, and a second send at once is refused."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter

import pytest
import send_fixtures
from conftest import missing
from golden import DATE, EXAMPLE, SLUG
from send_fixtures import (
    BRAND_TOML,
    Mailbox,
    addresses,
    headers,
    invoke,
    send_list,
    smtp_server,
    subscribers,
)

from newsletter.build import build

# The fixtures of send_fixtures.py: an editor's folder holding the build, a server named in its newsletter.toml.
smtp_parts, workdir, server = send_fixtures.smtp_parts, send_fixtures.workdir, send_fixtures.server


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


# --- one issue, one send, whatever the build ------------------------------------------------------


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


def test_a_newsletter_folder_committed_to_git_holds_no_subscriber_address(server, workdir):
    """`git add -A` in the folder init made must not take the list or the send history to a public repository."""
    if shutil.which("git") is None:
        missing("git")
    assert invoke("init").exit_code == 0
    subscribers(workdir, 3)
    assert send_list().exit_code == 0
    git = ["git", "-c", "init.defaultBranch=main", "-c", "core.excludesFile=/dev/null"]
    subprocess.run([*git, "init", "-q"], cwd=workdir, check=True)
    listed = subprocess.run(
        [*git, "ls-files", "--others", "--exclude-standard"], cwd=workdir, check=True, capture_output=True, text=True
    ).stdout.split()
    assert ".gitignore" in listed and "newsletter.toml" in listed
    for name in listed:
        assert not any(address.encode() in (workdir / name).read_bytes() for address in addresses(3)), name
    # What SQLite and the send lock write beside the history while a send runs, or after one was killed.
    beside = [f"newsletter-sends.sqlite3{end}" for end in ("-wal", "-shm", "-journal", ".lock")]
    ignored = subprocess.run([*git, "check-ignore", *beside], cwd=workdir, capture_output=True, text=True)
    assert ignored.stdout.split() == beside
