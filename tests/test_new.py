"""`newsletter new`: next week's issue folder, numbered after the last issue, never over an existing one."""

import datetime as dt
import json
import os
import subprocess
import sys
import tomllib

import pytest
from golden import ROOT, record_again

MONDAY = "1795996800"  # 2026-11-30 00:00 UTC, a Monday


@pytest.fixture
def editor(tmp_path, monkeypatch):
    """An editor's working folder on Monday 2026-11-30."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", MONDAY)
    return tmp_path


def test_new_starts_an_issue_that_builds_and_check_holds_back_until_the_examples_are_replaced(editor, cli):
    result = cli("new", "--date", "2026-12-01")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [  # stdout: without a settings file, a note on stderr says so
        "Started issue 1 for 2026-12-01 in issues/2026-12-01/",
        "  wrote issues/2026-12-01/issue.toml",
        "  wrote issues/2026-12-01/01-lead.md",
        "Replace every TK in 01-lead.md, add stories beside it, then `newsletter preview issues/2026-12-01`",
    ]
    settings = tomllib.loads((editor / "issues/2026-12-01/issue.toml").read_text())
    assert settings == {"number": 1, "date": dt.date(2026, 12, 1), "lead": "01-lead.md"}

    built = cli("build", "issues/2026-12-01")
    assert built.exit_code == 0, built.output
    assert "into build/2026-12-01-issue-1/" in built.output
    checked = cli("check")
    assert checked.exit_code == 1
    assert "error: issues/2026-12-01/01-lead.md:1: the headline still holds 'TK': fill it in" in checked.output


def test_new_numbers_one_after_the_highest_past_issue_or_build(editor, cli):
    (editor / "issues/2026-11-17").mkdir(parents=True)
    (editor / "issues/2026-11-17/issue.toml").write_text("number = 47\n")
    (editor / "issues/notes").mkdir()  # not an issue: no issue.toml
    (editor / "build/2026-11-24-issue-48").mkdir(parents=True)
    (editor / "build/2026-11-24-issue-48/issue.json").write_text(json.dumps({"number": 48, "subject": "x"}))
    record_again(editor / "build/2026-11-24-issue-48")  # a build has its record; builds/broken has none
    (editor / "build/broken").mkdir()
    (editor / "build/broken/issue.json").write_text("{not json")

    result = cli("new", "--date", "2026-12-01")
    assert result.exit_code == 0, result.output
    assert "Started issue 49 for 2026-12-01" in result.output
    assert "number = 49\n" in (editor / "issues/2026-12-01/issue.toml").read_text()


def test_new_dates_the_issue_on_the_next_scheduled_weekday(editor, cli):
    (editor / "newsletter.toml").write_text('[schedule]\nweekday = "Tuesday"\n')
    result = cli("new")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        "Started issue 1 for 2026-12-01 (the next [schedule] weekday) in issues/2026-12-01/"
    )


def test_new_on_the_scheduled_day_moves_on_a_week_once_that_issue_exists(editor, cli):
    (editor / "newsletter.toml").write_text('[schedule]\nweekday = "mon"\n')
    first = cli("new")
    second = cli("new")
    assert "Started issue 1 for 2026-11-30" in first.output
    assert "Started issue 2 for 2026-12-07" in second.output


def test_new_without_a_schedule_uses_today(editor, cli):
    result = cli("new")
    assert result.exit_code == 0, result.output
    assert (editor / "issues/2026-11-30/01-lead.md").is_file()


def test_new_refuses_to_overwrite_an_existing_issue_folder(editor, cli):
    folder = editor / "issues/2026-12-01"
    folder.mkdir(parents=True)
    (folder / "01-lead.md").write_text("my story")
    result = cli("new", "--date", "2026-12-01")
    assert result.exit_code == 1
    assert result.output == "error: issues/2026-12-01: already exists; edit it, or give another --date\n"
    assert sorted(path.name for path in folder.iterdir()) == ["01-lead.md"]
    assert (folder / "01-lead.md").read_text() == "my story"


def test_new_names_the_line_of_a_bad_weekday(editor, cli):
    (editor / "newsletter.toml").write_text('[brand]\nname = "X"\n\n[schedule]\nweekday = "Funday"\n')
    result = cli("new")
    assert result.exit_code == 1
    assert result.output == (
        "error: newsletter.toml:5: [schedule] weekday 'Funday' is not a day of the week such as \"tuesday\"\n"
    )
    assert not (editor / "issues").exists()


def test_new_passes_over_a_fifo_named_issue_toml_without_waiting_and_says_so(editor):
    """A FIFO opened for reading waits for a writer forever: `new` must not open one. In its own process, so
    a hang fails the test by its timeout instead of hanging the suite."""
    (editor / "issues/2026-11-17").mkdir(parents=True)
    (editor / "issues/2026-11-17/issue.toml").write_text("number = 47\n")
    (editor / "issues/2026-11-24").mkdir()
    os.mkfifo(editor / "issues/2026-11-24/issue.toml")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "newsletter", "new", "--date", "2026-12-01"],
        cwd=editor,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Started issue 48 for 2026-12-01 in issues/2026-12-01/\n")
    assert (
        "note: passed over issues/2026-11-24/issue.toml: is a named pipe (FIFO), not a settings file; "
        "its issue number is not counted\n"
    ) in result.stderr


def test_new_and_init_make_the_issue_folder_with_the_modes_of_any_new_folder(editor, cli):
    """An editor saw `drwx------` on issues/<date>/ beside drwxr-xr-x folders: the folder was made in a
    temporary sibling (mkdtemp's 0700) and renamed, so a teammate sharing the newsletter could not open it."""
    from newsletter.output import UMASK

    assert cli("new", "--date", "2026-12-01").exit_code == 0
    assert cli("init", "brief", "--name", "The Brief").exit_code == 0
    for folder in (editor / "issues/2026-12-01", *(editor / "brief/issues").iterdir()):
        assert oct(folder.stat().st_mode & 0o777) == oct(0o777 & ~UMASK), folder
        for path in folder.iterdir():
            assert oct(path.stat().st_mode & 0o777) == oct(0o666 & ~UMASK), path
