"""Stories and settings are opened as files: no FIFO, device or broken symlink hangs, crashes or is skipped."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from golden import ROOT

from newsletter.errors import InputError
from newsletter.load import load_source

STORY = "---\nheadline: A headline\n---\n\nBody.\n"


def issue(tmp_path: Path) -> Path:
    folder = tmp_path / "issue"
    folder.mkdir()
    (folder / "a.md").write_text(STORY, encoding="utf-8")
    return folder


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The CLI in its own process: a FIFO that blocks fails the test by its timeout instead of hanging it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "newsletter", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60
    )


def error_of(source: Path) -> str:
    with pytest.raises(InputError) as error:
        load_source(source)
    return str(error.value)


@pytest.mark.parametrize("name", ["b.md", "b.html", "issue.toml"])
def test_a_fifo_as_a_story_or_settings_is_refused_without_waiting(tmp_path, name):
    folder = issue(tmp_path)
    os.mkfifo(folder / name)
    result = run("build", "issue", "--out", "out", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    what = {"issue.toml": "a settings file", "b.html": "a saved page"}.get(name, "a story file")
    assert result.stderr == f"error: issue/{name}: is a named pipe (FIFO), not {what}\n"
    assert not (tmp_path / "out").exists()


def test_settings_linked_to_dev_zero_are_refused_not_read_whole(tmp_path):
    folder = issue(tmp_path)
    (folder / "issue.toml").symlink_to("/dev/zero")
    assert error_of(folder) == f"{folder}/issue.toml: is a device, not a settings file"


def test_a_story_linked_to_a_regular_file_in_the_issue_folder_is_read(tmp_path):
    folder = issue(tmp_path)
    (folder / "drafts").mkdir()
    (folder / "drafts" / "elsewhere.md").write_text(STORY.replace("A headline", "Linked"), encoding="utf-8")
    (folder / "b.md").symlink_to("drafts/elsewhere.md")
    assert [story.headline for story in load_source(folder).stories] == ["A headline", "Linked"]


@pytest.mark.parametrize(
    "name, content",
    [
        ("b.txt", "SECRET=hunter2 in the page that a build would publish\n"),  # as /proc/self/environ would be
        ("b.md", STORY.replace("A headline", "SECRET=hunter2")),
        ("issue.toml", 'subject = "SECRET=hunter2"\n'),
        ("calendar.csv", "date,country,election\n2026-12-01,SECRET=hunter2,Vote\n"),
    ],
    ids=["pasted page", "Markdown story", "issue.toml", "calendar.csv"],
)
def test_a_file_of_the_issue_linked_outside_the_issue_folder_is_refused_not_published(tmp_path, name, content):
    folder = issue(tmp_path)
    (tmp_path / "secret").write_text(content, encoding="utf-8")
    (folder / name).symlink_to(tmp_path / "secret")
    result = run("build", "issue", "--out", "out", "--date", "2026-11-24", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"error: issue/{name}: is a symlink that leads outside the issue folder (to {str(tmp_path / 'secret')!r}): "
        "nothing outside the issue is published with it; copy the file into the issue folder\n"
    )
    assert not (tmp_path / "out").exists()


def test_a_broken_symlink_story_is_named_not_skipped(tmp_path):
    folder = issue(tmp_path)
    (folder / "b.md").symlink_to(tmp_path / "gone.md")
    assert error_of(folder) == (
        f"{folder}/b.md: is a broken symlink (to {tmp_path}/gone.md, which does not exist); fix or remove it"
    )


def test_a_broken_symlink_issue_toml_is_named_not_taken_for_absent(tmp_path):
    folder = issue(tmp_path)
    (folder / "issue.toml").symlink_to("nowhere.toml")
    assert error_of(folder) == (
        f"{folder}/issue.toml: is a broken symlink (to nowhere.toml, which does not exist); fix or remove it"
    )


def test_a_story_over_the_size_limit_is_refused_by_name(tmp_path):
    folder = issue(tmp_path)
    with open(folder / "big.txt", "wb") as stream:
        stream.truncate(5 * 1024 * 1024 + 1)  # sparse: the size is refused before any byte is read
    assert error_of(folder) == f"{folder}/big.txt: is 5.0 MB, over the 5.0 MB limit for a story file"


def test_settings_over_their_size_limit_are_refused(tmp_path):
    folder = issue(tmp_path)
    (folder / "issue.toml").write_text('subject = "x"\n' + "#" * (1024 * 1024) + "\n", encoding="utf-8")
    assert error_of(folder) == f"{folder}/issue.toml: is 1.0 MB, over the 1.0 MB limit for a settings file"


def test_a_file_name_that_is_not_utf8_is_refused_shown_escaped(tmp_path):
    folder = issue(tmp_path)
    (Path(os.fsdecode(bytes(folder) + b"/caf\xe9.md"))).write_text(STORY, encoding="utf-8")
    result = run("build", "issue", "--out", "out", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == "error: issue/caf\\xe9.md: the name is not valid UTF-8; rename the file or folder\n"


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("a\nb.md", "a\\nb.md"),
        ("a\rb.txt", "a\\rb.txt"),
        ("\u202edm.txt", "\\u202edm.txt"),
        ("a\u2028b.md", "a\\u2028b.md"),
    ],
    ids=["line feed", "carriage return", "right-to-left override", "line separator"],
)
def test_a_file_name_no_line_can_show_as_written_is_refused_shown_escaped(tmp_path, name, shown):
    folder = issue(tmp_path)
    (folder / name).write_text(STORY, encoding="utf-8")
    result = run("build", "issue", "--out", "out", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"error: issue/{shown}: the name holds a line break or an invisible control character, which no message can "
        "show as written; rename the file or folder\n"
    )
    assert not (tmp_path / "out").exists()


def test_an_unreadable_story_is_one_line(tmp_path, monkeypatch):
    folder = issue(tmp_path)
    real_open = os.open

    def refuse(path, *args, **kwargs):  # root reads every file: make this one unreadable as for an editor
        if str(path).endswith("a.md"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    assert error_of(folder) == f"{folder}/a.md: cannot be read (Permission denied)"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a folder whatever its permissions")
def test_an_unreadable_folder_is_one_line_and_exit_1(tmp_path):
    folder = issue(tmp_path)
    folder.chmod(0)
    try:
        result = run("build", "issue", "--out", "out", cwd=tmp_path)
    finally:
        folder.chmod(0o755)
    assert (result.returncode, result.stderr) == (1, "error: issue: cannot be read (Permission denied)\n")


def test_an_out_name_too_long_is_one_line(workdir, cli):
    issue(workdir)
    name = "x" * 300
    result = cli("build", "issue", "--out", name)
    assert result.exit_code == 1
    assert result.output == f"error: {name}: cannot be written (File name too long); choose a shorter name\n"


def test_a_fifo_as_the_subscriber_list_is_refused_without_waiting(tmp_path):
    os.mkfifo(tmp_path / "list.csv")
    code = (
        "from pathlib import Path\nfrom newsletter.send.subscribers import read_subscribers\n"
        "try:\n    read_subscribers(Path('list.csv'))\nexcept Exception as error:\n    print(error)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout == "list.csv: is a named pipe (FIFO), not a subscriber list\n"


def test_out_as_the_issue_folder_itself_is_refused(tmp_path, monkeypatch, cli):
    monkeypatch.chdir(tmp_path)
    issue(tmp_path)
    result = cli("build", "issue", "--out", "issue")
    assert (result.exit_code, result.output) == (
        1,
        "error: issue: is the issue folder itself: the build's email.txt "
        "would be read back as a story next time; choose another --out "
        "(a folder inside it is fine)\n",
    )
    assert sorted(path.name for path in (tmp_path / "issue").iterdir()) == ["a.md"]


def test_a_build_inside_the_issue_folder_is_not_read_back_as_a_story(tmp_path, monkeypatch, cli):
    monkeypatch.chdir(tmp_path)
    issue(tmp_path)
    assert cli("build", "issue", "--out", "issue/build").exit_code == 0
    again = cli("build", "issue", "--out", "issue/build")
    assert again.exit_code == 0, again.output
    assert "lead: A headline\n" in again.output and "item(s)" not in again.output


def test_the_files_of_a_build_elsewhere_are_named_not_read_as_a_page(tmp_path):
    folder = issue(tmp_path)
    (folder / "issue.json").write_text("{}", encoding="utf-8")
    (folder / "email.txt").write_text("NEWSLETTER\n\nA headline\n", encoding="utf-8")
    assert error_of(folder) == (
        f"{folder}/email.txt: is the plain text of a build (issue.json is beside it), not a "
        "story: build the issue folder, or move the build out of it"
    )


def test_build_folders_and_exports_get_the_modes_of_any_new_file(tmp_path, monkeypatch, cli):
    from newsletter.output import UMASK

    monkeypatch.chdir(tmp_path)
    issue(tmp_path)
    assert cli("build", "issue", "--out", "out").exit_code == 0
    assert cli("export", "out", "--esp", "generic").exit_code == 0
    assert oct((tmp_path / "out").stat().st_mode & 0o777) == oct(0o777 & ~UMASK)
    for path in (tmp_path / "out").iterdir():
        assert oct(path.stat().st_mode & 0o777) == oct(0o666 & ~UMASK), path.name
    if UMASK == 0o022:  # the usual umask: a web server may read what a copy that keeps modes puts there
        assert (tmp_path / "out").stat().st_mode & 0o777 == 0o755


@pytest.mark.parametrize("out", [".", "..", ""])
def test_out_as_the_working_folder_or_above_is_refused(tmp_path, monkeypatch, cli, out):
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    issue(tmp_path / "work")
    result = cli("build", "issue", "--out", out)
    shown = out or "."
    assert (result.exit_code, result.output) == (
        1,
        f"error: {shown}: is the working folder or one above it; give --out a folder of its own\n",
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["work"]


def test_a_folder_without_stories_names_every_story_format(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    assert error_of(tmp_path) == (
        f"{tmp_path}: holds no stories: add .txt (pasted page text), .md (Markdown) or .html (a page saved from "
        "the browser) files"
    )
