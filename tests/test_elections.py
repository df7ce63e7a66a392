"""The elections calendar (elections.py): upcoming elections soonest first from calendar.csv, in the issue
folder or beside newsletter.toml, within the window [calendar] sets; a bad row, a file that is not a file and
characters that do not belong named by line. Results tables are in test_read_results and test_render_results."""

from __future__ import annotations

import os

import pytest
from election_stories import run_build, story
from golden import DATE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsletter.build import make_issue, render_files
from newsletter.errors import InputError

CALENDAR = """date,country,election,note
2026-11-20,Chile,Presidential runoff,
2026-12-06,Romania,Parliamentary election,Polls open abroad on 5 and 6 December
2026-11-24,Haiti,General election,
2027-03-01,Estonia,Parliamentary election,
"""


def test_the_calendar_shows_upcoming_elections_soonest_first(tmp_path):
    made = make_issue(story(tmp_path, "Body.\n", calendar=CALENDAR), date=DATE)
    issue = made.issue
    assert [(e.country, e.days) for e in issue.elections] == [("Haiti", 0), ("Romania", 12), ("Estonia", 97)]
    text = render_files(made)["email.txt"].decode()
    assert (
        "Elections ahead\n---------------\n\n"
        "* Tue 24 Nov (today): Haiti, General election\n"
        "* Sun 6 Dec (in 12 days): Romania, Parliamentary election. Polls open\n"
        "  abroad on 5 and 6 December\n"
        "* Mon 1 Mar 2027 (in 97 days): Estonia, Parliamentary election\n"
    ) in text


def test_the_calendar_window_comes_from_newsletter_toml(tmp_path):
    folder = story(tmp_path, "Body.\n", calendar=CALENDAR)
    config = tmp_path / "newsletter.toml"
    config.write_text("[calendar]\nweeks = 8\n")
    issue = make_issue(folder, date=DATE, config=config).issue
    assert [e.country for e in issue.elections] == ["Haiti", "Romania"]


def test_a_calendar_beside_newsletter_toml_serves_every_issue(tmp_path):
    folder = story(tmp_path, "Body.\n")
    (tmp_path / "calendar.csv").write_text(CALENDAR)
    (tmp_path / "newsletter.toml").write_text('[brand]\nname = "The Ballot Brief"\n')
    issue = make_issue(folder, date=DATE, config=tmp_path / "newsletter.toml").issue
    assert [e.country for e in issue.elections] == ["Haiti", "Romania", "Estonia"]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("2026-13-01,France,Legislative", "'2026-13-01' is not a date: write it as YYYY-MM-DD, e.g. 2026-12-06"),
        ("6 December,France,Legislative", "'6 December' is not a date: write it as YYYY-MM-DD, e.g. 2026-12-06"),
        (
            "2026-12-06,France",
            "this row has 2 cells: write date,country,election and, if you like, a note (quote a "
            "cell that holds a comma)",
        ),
    ],
)
def test_a_bad_calendar_row_names_its_line(cli, tmp_path, row, message):
    folder = story(tmp_path, "Body.\n", calendar=f"date,country,election\n2026-12-01,Peru,Senate\n{row}\n")
    result = run_build(cli, folder, tmp_path)
    assert result.exit_code == 1
    assert result.output == f"error: {folder / 'calendar.csv'}:3: {message}\n"


@pytest.mark.parametrize("kind", ["broken symlink", "FIFO", "folder"])
@pytest.mark.parametrize("where", ["issue folder", "beside newsletter.toml"])
def test_a_calendar_that_is_not_a_file_is_named_not_skipped(cli, tmp_path, kind, where):
    folder = story(tmp_path, "Body.\n")
    (tmp_path / "newsletter.toml").write_text('[brand]\nname = "The Ballot Brief"\n')
    path = (folder if where == "issue folder" else tmp_path) / "calendar.csv"
    if kind == "broken symlink":
        path.symlink_to(tmp_path / "gone.csv")
        problem = f"is a broken symlink (to {tmp_path / 'gone.csv'}, which does not exist); fix or remove it"
    elif kind == "FIFO":
        os.mkfifo(path)  # reading it would wait for a writer forever
        problem = "is a named pipe (FIFO), not a calendar file"
    else:
        path.mkdir()
        problem = "is a folder, not a calendar file"
    result = cli(
        "build",
        str(folder),
        "--date",
        "2026-11-24",
        "--out",
        str(tmp_path / "out"),
        "--config",
        str(tmp_path / "newsletter.toml"),
    )
    assert (result.exit_code, result.output) == (1, f"error: {path}: {problem}\n")
    assert not (tmp_path / "out").exists()


def test_invisible_and_bidi_characters_in_the_calendar_are_removed_and_named(tmp_path):
    calendar = "date,country,election\n2026-12-06,Roma\u200bnia,Parliamentary\u202e election\n2026-12-07,Peru,Senate\n"
    made = make_issue(story(tmp_path, "Body.\n", calendar=calendar), date=DATE)
    issue = made.issue
    assert [(e.country, e.election) for e in issue.elections] == [
        ("Romania", "Parliamentary election"),
        ("Peru", "Senate"),
    ]
    named = [str(notice) for notice in issue.warnings if "calendar.csv" in str(notice)]
    assert named == [f"{tmp_path / 'issue' / 'calendar.csv'}:2: removed 2 invisible character(s) (U+200B, U+202E)"]
    email = render_files(made)["email.html"].decode()
    assert "\u200b" not in email and "\u202e" not in email and "Romania" in email


def test_non_characters_in_the_calendar_and_a_results_cell_are_removed_and_named_not_blamed_on_mjml(tmp_path):
    """U+FFFE, U+FDD0 and friends stopped MJML, and the build blamed email.mjml."""
    calendar = "date,country,election\n2026-12-06,Peru\ufffe\ufdd0,Senate\U0010ffff\n"
    folder = story(tmp_path, "```results\nname,share\nA\uffff,30\n```\n", calendar=calendar)
    made = make_issue(folder, date=DATE)
    issue = made.issue
    assert [(e.country, e.election) for e in issue.elections] == [("Peru", "Senate")]
    named = sorted(str(notice) for notice in issue.warnings if "invisible" in str(notice))
    assert named == [
        f"{folder / 'calendar.csv'}:2: removed 3 invisible character(s) (U+10FFFF, U+FDD0, U+FFFE)",
        f"{folder / 'lead.md'}:7: removed 1 invisible character(s) (U+FFFF)",
    ]
    assert "Peru" in render_files(made)["email.html"].decode()


def test_a_calendar_line_too_long_for_the_csv_module_is_one_line(cli, tmp_path):
    folder = story(tmp_path, "Body.\n", calendar='date,country,election\n2026-12-06,Peru,"' + "x" * 140_000 + '"\n')
    result = run_build(cli, folder, tmp_path)
    assert (result.exit_code, result.output) == (
        1,
        f"error: {folder / 'calendar.csv'}:2: this line is 140,018 characters long, over the 2,000 a calendar row "
        "may have\n",
    )


def test_a_bad_calendar_window_names_newsletter_toml(tmp_path):
    folder = story(tmp_path, "Body.\n", calendar=CALENDAR)
    (tmp_path / "newsletter.toml").write_text('[calendar]\nweeks = "eight"\n')
    with pytest.raises(InputError) as error:
        make_issue(folder, date=DATE, config=tmp_path / "newsletter.toml")
    assert str(error.value) == (
        f"{tmp_path / 'newsletter.toml'}:2: [calendar] weeks: 'eight' is not a whole number of weeks like 8"
    )


def test_the_preview_rebuilds_when_the_shared_calendar_changes(tmp_path):
    """The calendar beside newsletter.toml serves every issue: saving it shows in the open preview."""
    import time
    import urllib.request

    from newsletter.preview import Preview

    folder = story(tmp_path, "Body.\n")
    config = tmp_path / "newsletter.toml"
    config.write_text('[brand]\nname = "The Ballot Brief"\n')
    (tmp_path / "calendar.csv").write_text("date,country,election\n2026-12-06,Romania,Parliamentary election\n")
    preview = Preview(folder, config=config, date=DATE)
    preview.open()
    preview.serve_in_background()
    try:

        def email() -> str:
            port = preview.server.server_address[1]
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/email.html", timeout=10) as response:
                return response.read().decode()

        assert "Romania" in email() and "Estonia" not in email()
        (tmp_path / "calendar.csv").write_text("date,country,election\n2027-03-01,Estonia,Parliamentary election\n")
        deadline = time.monotonic() + 20
        while "Estonia" not in email() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "Estonia" in email() and "Romania" not in email()
    finally:
        preview.close()


# ---------------------------------------------------------------------------------------------
# Generated calendars: elections or one line naming the file, never a traceback


CALENDAR_PIECES = [
    "date,country,election,note",
    "2026-12-06",
    "2027-02-30",
    "6 December",
    ",",
    '"',
    "\n",
    "\r\n",
    "Peru",
    "Senate",
    "#",
    "\u200b",
    "\u202e",
    "\x00",
    "\ufeff",
    " ",
    "x" * 3000,
]


@given(st.lists(st.sampled_from(CALENDAR_PIECES), max_size=30))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_calendar_is_elections_or_one_error_naming_the_file(tmp_path, pieces):
    from newsletter.elections import read_calendar

    path = tmp_path / "calendar.csv"
    path.write_text("".join(pieces), encoding="utf-8")
    try:
        elections = read_calendar(path, DATE)
    except InputError as error:
        assert error.file == str(path) and "\n" not in str(error)
        return
    assert all(election.days >= 0 for election in elections)
