"""buildfolder: the one reader of a build folder, and the one rule for "the latest dated folder"."""

import datetime as dt
import os
import re

import pytest
from golden import SLUG, record_again

from newsletter.buildfolder import latest_build, latest_dated
from newsletter.errors import InputError
from newsletter.importer import previous_issue
from newsletter.new import latest_issue

# Names that sort after any date, or look like one, and are not a folder named by a date.
NOT_DATED = ["drafts", "zz-notes", "2026-13-45", "20261231", "2027-01-01x", "notes-2027-01-01", ".2027-01-01.tmp"]


@pytest.mark.parametrize("name", NOT_DATED)
def test_a_folder_not_named_by_a_date_never_wins(tmp_path, name):
    (tmp_path / "2026-11-17").mkdir()
    (tmp_path / "2026-11-24-issue-48").mkdir()
    (tmp_path / name).mkdir()
    (tmp_path / "2027-02-01").write_text("a file, not a folder")
    assert latest_dated(tmp_path) == tmp_path / "2026-11-24-issue-48"
    assert latest_issue(tmp_path) == tmp_path / "2026-11-24-issue-48"
    assert latest_build(tmp_path) == tmp_path / "2026-11-24-issue-48"
    assert previous_issue(tmp_path / "2026-12-01", dt.date(2026, 12, 1)) == dt.date(2026, 11, 24)
    assert previous_issue(tmp_path / "2026-11-24", dt.date(2026, 11, 24)) == dt.date(2026, 11, 17)


def test_with_no_dated_folder_there_is_no_latest(tmp_path):
    (tmp_path / "drafts").mkdir()
    assert latest_issue(tmp_path) is None
    assert previous_issue(tmp_path / "2026-12-01", dt.date(2026, 12, 1)) is None
    with pytest.raises(InputError, match="holds no built issue"):
        latest_build(tmp_path)
    assert latest_issue(tmp_path / "missing") is None


def test_of_two_folders_of_one_date_the_one_written_last_wins(tmp_path):
    for name, stamp in (("2026-11-24-b", 1_700_000_000), ("2026-11-24-a", 1_700_000_100)):
        (tmp_path / name).mkdir()
        os.utime(tmp_path / name, (stamp, stamp))
    assert latest_build(tmp_path) == tmp_path / "2026-11-24-a"


# ---------------------------------------------------------------------------------------------
# One policy on edited builds: every command that reads a build refuses one whose files were changed after
# `newsletter build` wrote them, with the same line naming the edited file, and writes nothing.

COMMANDS = {
    "check": ("check",),
    "send --dry-run": ("send", "--to", "editor@example.org", "--dry-run"),
    "export": ("export", "--esp", "mailchimp"),
    "publish": ("publish", "--out", "site"),
    "new": ("new", "--date", "2026-12-01"),
}
EDITS = ["issue.json", "email.html", "email.txt", "email.tokens.eml", "web.html", "email.mjml"]


@pytest.mark.parametrize("edited", EDITS)
def test_an_edited_build_is_refused_alike_by_every_command_that_reads_it(built_workdir, cli, edited):
    folder = built_workdir / "build" / SLUG
    path = folder / edited
    path.write_bytes(path.read_bytes().replace(b"Colombia", b"Colombia (edited)") + b"\n")
    refusal = (
        f"error: build/{SLUG}/{edited}: was changed after `newsletter build` wrote it; "
        "nothing goes out that was not built and checked: build the issue again instead of editing its files"
    )
    before = sorted(str(path) for path in built_workdir.rglob("*"))
    for command, args in COMMANDS.items():
        result = cli(*args)
        assert result.exit_code == 1, (command, result.output)
        assert [line for line in result.output.splitlines() if not line.startswith("note:")] == [refusal], command
        assert sorted(str(path) for path in built_workdir.rglob("*")) == before, command  # nothing written


def test_the_same_build_as_built_is_read_by_every_command(built_workdir, cli):
    record_again(built_workdir / "build" / SLUG)  # the record as build writes it: nothing to refuse
    for command, args in COMMANDS.items():
        result = cli(*args)
        assert "was changed after" not in result.output, command
        if command == "check":  # its findings on the example decide its exit code: it reads the build and says them
            assert re.search(r"\d+ error\(s\), \d+ warning\(s\)", result.output), result.output
            assert not re.search(r"^error: ", result.output, flags=re.M), result.output
        else:
            assert result.exit_code == 0, (command, result.output)
