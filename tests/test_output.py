"""Outputs are written whole or not at all, and a path that cannot take them is one clear line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsletter import output
from newsletter.errors import OutputError

STORY = b"---\nheadline: A headline that is long enough\n---\nBody.\n"


@pytest.fixture
def story_workdir(workdir):
    """A working folder with one story in in/."""
    (workdir / "in").mkdir()
    (workdir / "in" / "a.md").write_bytes(STORY)
    return workdir


def test_build_into_a_file_is_one_line_and_leaves_the_file(story_workdir, cli):
    (story_workdir / "taken").write_text("mine")
    result = cli("build", "in", "--out", "taken")
    assert result.exit_code == 1
    assert result.output == "error: taken: is a file, not a folder; choose another --out\n"
    assert (story_workdir / "taken").read_text() == "mine"
    assert sorted(path.name for path in story_workdir.iterdir()) == ["in", "taken"]


def test_import_into_a_file_is_one_line(story_workdir, cli):
    (story_workdir / "taken").write_text("mine")
    (story_workdir / "page.txt").write_text("A headline\n\nA paragraph of the story.\n")
    result = cli("import", "page.txt", "--to", "taken")
    assert result.exit_code == 1
    assert result.output == "error: taken: is a file, not a folder; choose another --to\n"


def test_export_onto_a_folder_is_one_line(story_workdir, cli):
    assert cli("build", "in", "--out", "out").exit_code == 0
    result = cli("export", "out", "--esp", "mailchimp", "--out", "out")
    assert result.exit_code == 1
    assert result.output == "error: out: is a folder, not a file; choose another path\n"


@pytest.mark.parametrize("link", [False, True], ids=["a FIFO", "a symlink to a FIFO, as /dev/stdout is"])
def test_export_onto_a_fifo_or_device_is_one_line_and_leaves_it_as_it_was(story_workdir, cli, link):
    """`--out /dev/stdout` (or /dev/null) replaced the device's node with a regular file: as root, /dev's own."""
    assert cli("build", "in", "--out", "out").exit_code == 0
    os.mkfifo(story_workdir / "pipe")
    if link:
        (story_workdir / "stdout").symlink_to("pipe")
    target = "stdout" if link else "pipe"
    result = cli("export", "out", "--esp", "mailchimp", "--out", target)
    assert result.exit_code == 1
    assert result.output == f"error: {target}: is a named pipe (FIFO), not a file; choose another path\n"
    assert (story_workdir / "pipe").is_fifo()
    assert (story_workdir / target).is_symlink() == link


def test_a_failed_swap_keeps_the_old_build_and_the_editors_own_files(story_workdir, monkeypatch):
    target = story_workdir / "out"
    target.mkdir()
    (target / "email.html").write_text("old build")
    (target / "notes.txt").write_text("the editor's notes")
    real_replace = os.replace

    def replace(source, destination):  # type: ignore[no-untyped-def]
        if Path(destination) == target and Path(source).name not in (".out.old", "out"):
            raise OSError(28, "No space left on device")  # the new folder cannot take the old one's place
        return real_replace(source, destination)

    monkeypatch.setattr(output.os, "replace", replace)
    with pytest.raises(OutputError, match=r"out: cannot be written \(No space left on device\)"):
        output.write_folder(target, {"email.html": b"new build"})
    assert (target / "email.html").read_text() == "old build"
    assert (target / "notes.txt").read_text() == "the editor's notes"
    assert sorted(path.name for path in story_workdir.iterdir()) == ["in", "out"]  # no staging folder left


def test_a_rebuild_keeps_the_editors_own_files(story_workdir, cli):
    (story_workdir / "out").mkdir()
    (story_workdir / "out" / "notes.txt").write_text("the editor's notes")
    assert cli("build", "in", "--out", "out").exit_code == 0
    assert (story_workdir / "out" / "notes.txt").read_text() == "the editor's notes"
    assert (story_workdir / "out" / "email.html").exists()


def test_a_rebuild_keeps_the_editors_folders_and_symlinks_as_they_are(workdir):
    target = workdir / "out"
    (target / "shots" / "week").mkdir(parents=True)
    (target / "shots" / "week" / "a.png").write_bytes(b"png")
    (target / "shots" / "latest").symlink_to("week")
    (target / "photo.jpg").symlink_to("/etc/hostname")  # the editor's link, kept as a link (never read)
    (target / "images").mkdir()
    (target / "images" / "old.jpg").write_bytes(b"an earlier build's photo")
    output.write_folder(target, {"email.html": b"new build"}, owned=("images",))
    assert (target / "email.html").read_text() == "new build"
    assert (target / "shots" / "week" / "a.png").read_bytes() == b"png"
    assert os.readlink(target / "shots" / "latest") == "week"
    assert os.readlink(target / "photo.jpg") == "/etc/hostname"
    assert not (target / "images").exists()  # a folder the build owns goes when it makes none
    assert sorted(path.name for path in workdir.iterdir()) == ["out"]  # no temporary folder left
