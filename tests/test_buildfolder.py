"""buildfolder: the one reader of a build folder, and the one rule for "the latest dated folder"."""

import datetime as dt
import os
import re
import shutil

import pytest
from golden import EXAMPLE, SLUG, record_again

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


# ---------------------------------------------------------------------------------------------
# A stale build: a story, issue.toml or newsletter.toml changed (or a story came or went) after the build.
# check names each such file and calls the build unsafe; send and publish refuse it, writing nothing.

STALE_COMMANDS = {command: COMMANDS[command] for command in ("send --dry-run", "export", "publish")}
ISSUE = "issues/2026-11-24"


def stale(path: str, what: str = "changed after") -> str:
    tail = "what it says now" if what == "changed after" else "what the issue holds now"
    return f"error: {path}: {what} this build (build/{SLUG}); build again so that what goes out is {tail}"


@pytest.fixture
def issue_built(workdir, cli):
    """An editor's folder: the Markdown sample in issues/2026-11-24 with a newsletter.toml, built into build/."""
    shutil.copytree(EXAMPLE, workdir / ISSUE)
    (workdir / "newsletter.toml").write_text('[brand]\nname = "The Ballot Brief"\n')
    result = cli("build", ISSUE, "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    return workdir


def test_a_story_edited_after_the_build_is_named_by_check_and_refused_by_send_export_and_publish(issue_built, cli):
    story = issue_built / ISSUE / "05-explainer.md"
    story.write_text(story.read_text() + "\nA typo fixed.\n")
    check = cli("check")
    assert check.exit_code == 1, check.output
    assert stale(f"{ISSUE}/05-explainer.md") in check.output.splitlines()
    assert "not safe to send" in check.output.splitlines()[-1]
    before = sorted(str(path) for path in issue_built.rglob("*"))
    for command, args in STALE_COMMANDS.items():
        result = cli(*args)
        assert result.exit_code == 1, (command, result.output)
        assert result.output.splitlines() == [stale(f"{ISSUE}/05-explainer.md")], command
        assert sorted(str(path) for path in issue_built.rglob("*")) == before, command  # nothing written


def test_check_names_each_source_changed_gone_or_new_since_the_build(issue_built, cli):
    (issue_built / ISSUE / "02-eu-enlargement.md").unlink()
    (issue_built / ISSUE / "06-late.md").write_text("---\nheadline: A late story\n---\n\nIt came in late.\n")
    (issue_built / ISSUE / "notes.csv").write_text("not a story\n")
    with (issue_built / ISSUE / "issue.toml").open("a") as settings:
        settings.write("\n# edited\n")
    with (issue_built / "newsletter.toml").open("a") as settings:
        settings.write('tagline = "Edited"\n')
    check = cli("check")
    assert check.exit_code == 1, check.output
    said = [line for line in check.output.splitlines() if "this build" in line]
    assert said == [
        stale(f"{ISSUE}/02-eu-enlargement.md", "gone since"),
        stale(f"{ISSUE}/issue.toml"),
        stale("newsletter.toml"),
        stale(f"{ISSUE}/06-late.md", "new since"),
    ]


def test_settings_the_build_does_not_read_may_change_after_it(issue_built, cli):
    with (issue_built / "newsletter.toml").open("a") as settings:  # a comment, then the server to send through
        settings.write('\n# the server\n[smtp]\nhost = "smtp.example.org"\n')
    assert "this build" not in cli("check").output
    for command, args in STALE_COMMANDS.items():
        assert cli(*args).exit_code == 0, command


def test_a_build_again_after_the_edit_is_safe_to_send_again(issue_built, cli):
    story = issue_built / ISSUE / "05-explainer.md"
    story.write_text(story.read_text() + "\nA typo fixed.\n")
    assert cli("build", ISSUE, "--date", "2026-11-24").exit_code == 0
    assert "this build" not in cli("check").output
    for command, args in STALE_COMMANDS.items():
        assert cli(*args).exit_code == 0, command


# The local files a build reads into its outputs beside the stories: a story's photo, the logo beside
# newsletter.toml, calendar.csv. Replaced after the build, each makes it stale as a story does.

LOGO_TOML = (
    '[brand]\nname = "The Ballot Brief"\n\n[brand.logo]\nsrc = "logo.png"\nalt = "The Ballot Brief"\nwidth = 240\n'
)
CALENDAR = "date,country,election\n2026-12-06,Romania,Parliamentary election\n"


def picture(path, colour: tuple[int, int, int]) -> None:
    from PIL import Image

    Image.new("RGB", (800, 450), colour).save(path)


@pytest.fixture
def files_built(workdir, cli):
    """The Markdown sample in issues/2026-11-24, its lead's photo a file of the issue folder (photos/rally.jpg), the
    logo (logo.png) and calendar.csv beside newsletter.toml; built into build/."""
    shutil.copytree(EXAMPLE, workdir / ISSUE)
    settings = workdir / ISSUE / "issue.toml"  # the issue's own logo left out: newsletter.toml's is the one
    settings.write_text(settings.read_text().split("[brand.logo]")[0])
    lead = workdir / ISSUE / "01-colombia-runoff.md"
    lead.write_text(lead.read_text().replace("https://images.example.org/2026/11/bogota-rally.jpg", "photos/rally.jpg"))
    (workdir / ISSUE / "photos").mkdir()
    picture(workdir / ISSUE / "photos" / "rally.jpg", (200, 30, 30))
    picture(workdir / "logo.png", (20, 20, 120))
    (workdir / "calendar.csv").write_text(CALENDAR)
    (workdir / "newsletter.toml").write_text(LOGO_TOML)
    result = cli("build", ISSUE, "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    assert "this build" not in cli("check").output  # as built: nothing to name
    return workdir


@pytest.mark.parametrize("replaced", [f"{ISSUE}/photos/rally.jpg", "logo.png", "calendar.csv"])
def test_a_photo_logo_or_calendar_replaced_after_the_build_is_named_and_refused_as_a_story_is(
    files_built, cli, replaced
):
    if replaced.endswith("calendar.csv"):
        (files_built / replaced).write_text(CALENDAR + "2026-12-13,Chile,Presidential runoff\n")
    else:
        picture(files_built / replaced, (30, 160, 30))
    check = cli("check")
    assert check.exit_code == 1, check.output
    assert [line for line in check.output.splitlines() if "this build" in line] == [stale(replaced)]
    assert "not safe to send" in check.output.splitlines()[-1]
    before = sorted(str(path) for path in files_built.rglob("*"))
    for command, args in STALE_COMMANDS.items():
        result = cli(*args)
        assert result.exit_code == 1, (command, result.output)
        assert result.output.splitlines() == [stale(replaced)], command
        assert sorted(str(path) for path in files_built.rglob("*")) == before, command  # nothing written


def test_a_photo_gone_or_a_calendar_new_in_the_issue_folder_since_the_build_is_named(files_built, cli):
    (files_built / ISSUE / "photos" / "rally.jpg").unlink()
    (files_built / ISSUE / "calendar.csv").write_text(CALENDAR)  # the issue's own: the build would take it instead
    check = cli("check")
    assert [line for line in check.output.splitlines() if "this build" in line] == [
        stale(f"{ISSUE}/photos/rally.jpg", "gone since"),
        stale(f"{ISSUE}/calendar.csv", "new since"),
    ]


def test_a_calendar_new_since_a_build_without_one_is_named(issue_built, cli):
    (issue_built / "calendar.csv").write_text(CALENDAR)
    check = cli("check")
    assert [line for line in check.output.splitlines() if "this build" in line] == [stale("calendar.csv", "new since")]


def test_publish_keeps_older_issues_as_sent_when_what_every_issue_shares_changes_for_the_next(files_built, cli):
    (files_built / "calendar.csv").write_text(CALENDAR + "2026-12-13,Chile,Presidential runoff\n")  # the week's news
    picture(files_built / "logo.png", (30, 160, 30))
    next_issue = files_built / "issues/2026-12-01"
    shutil.copytree(EXAMPLE, next_issue)
    (next_issue / "issue.toml").write_text(
        (next_issue / "issue.toml").read_text().replace("number = 48", "number = 49")
    )
    assert cli("build", "issues/2026-12-01", "--date", "2026-12-01").exit_code == 0
    published = cli("publish", "--out", "site")
    assert published.exit_code == 0, published.output
    assert "Published 2 issue(s)" in published.output
    # An older issue's own story edited since: published as built, as it was sent, and named
    story = files_built / ISSUE / "05-explainer.md"
    story.write_text(story.read_text() + "\nA typo fixed.\n")
    published = cli("publish", "--out", "site")
    assert published.exit_code == 0, published.output
    assert f"{ISSUE}/05-explainer.md changed since this build; an older issue is published as built" in published.output
    # ... and the newest issue's shared files still count
    assert cli("build", ISSUE, "--date", "2026-11-24").exit_code == 0
    (files_built / "calendar.csv").write_text(CALENDAR)
    refused = cli("publish", "--out", "site")
    newest = "error: calendar.csv: changed after this build (build/2026-12-01-issue-49); build again so that what goes"
    assert refused.exit_code == 1 and refused.output.startswith(newest), refused.output


# The editor's own templates (templates/ in the working folder, overriding the tool's file by file) are read into
# the email and the web page: an override changed, added or removed since the build makes it stale too.

FOOTER = "templates/email/_footer.mjml"


def override_footer(workdir, words: str) -> None:
    from newsletter.render import SOURCE_TEMPLATES

    (workdir / "templates" / "email").mkdir(parents=True, exist_ok=True)
    footer = (SOURCE_TEMPLATES / "email" / "_footer.mjml").read_text()
    (workdir / FOOTER).write_text(footer.replace('{{ words.say("subscribed", brand=brand.name) }}', words))


def test_a_template_override_changed_after_the_build_is_named_and_refused(workdir, cli):
    shutil.copytree(EXAMPLE, workdir / ISSUE)
    override_footer(workdir, "Thanks for reading: you get this")
    assert cli("build", ISSUE, "--date", "2026-11-24").exit_code == 0
    assert "Thanks for reading: you get this" in (workdir / "build" / SLUG / "email.html").read_text()
    (workdir / f"{FOOTER}~").write_text("an editor's backup, which no template includes\n")
    (workdir / "templates" / "site").mkdir()
    (workdir / "templates" / "site" / "index.html").write_text("the archive's page: publish reads it, not build\n")
    assert "this build" not in cli("check").output
    override_footer(workdir, "Thanks for reading, as ever: you get this")
    check = cli("check")
    assert [line for line in check.output.splitlines() if "this build" in line] == [stale(FOOTER)]
    for command, args in STALE_COMMANDS.items():
        result = cli(*args)
        assert result.exit_code == 1, (command, result.output)
        assert result.output.splitlines() == [stale(FOOTER)], command


def test_a_template_override_added_or_removed_since_the_build_is_named(issue_built, cli):
    override_footer(issue_built, "Thanks for reading: you get this")
    assert [line for line in cli("check").output.splitlines() if "this build" in line] == [stale(FOOTER, "new since")]
    assert cli("build", ISSUE, "--date", "2026-11-24").exit_code == 0
    (issue_built / FOOTER).unlink()  # the tool's own footer again
    assert [line for line in cli("check").output.splitlines() if "this build" in line] == [stale(FOOTER, "gone since")]


def test_a_build_whose_sources_cannot_be_found_says_nothing_of_them(issue_built, cli, tmp_path_factory, monkeypatch):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    shutil.copytree(issue_built / "build", elsewhere / "build")
    monkeypatch.chdir(elsewhere)  # the build folder copied to another machine: its issue folder is not there
    check = cli("check")
    assert "this build" not in check.output
    for command, args in STALE_COMMANDS.items():
        result = cli(*args)
        assert result.exit_code == 0, (command, result.output)


def test_a_build_recorded_without_its_sources_is_read_as_before(issue_built, cli):
    record_again(issue_built / "build" / SLUG)  # build.json as an older version wrote it: files only
    story = issue_built / ISSUE / "05-explainer.md"
    story.write_text(story.read_text() + "\nA typo fixed.\n")
    assert "this build" not in cli("check").output
    for command, args in STALE_COMMANDS.items():
        assert cli(*args).exit_code == 0, command


def test_the_record_of_sources_is_the_same_for_the_same_input(issue_built, cli):
    assert cli("build", ISSUE, "--date", "2026-11-24", "--out", "other").exit_code == 0
    record = (issue_built / "build" / SLUG / "build.json").read_bytes()
    assert (issue_built / "other" / "build.json").read_bytes() == record
    assert f'"{ISSUE}/05-explainer.md"'.encode() in record and b'"newsletter.toml"' in record
    assert str(issue_built).encode() not in record
