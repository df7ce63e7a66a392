"""The preview builds with the build's own recipe: the file its page shows first, then the rest of the same build;
and it reads again only the story files a save changed. Whatever the save, what it shows is what `newsletter build`
writes (how often it renders or parses is measured in bench/speed.py, not asserted)."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

from golden import DATE, ROOT, SEED
from test_preview import edit, wait_until

import newsletter.load
from newsletter.build import build, make_issue, render_files
from newsletter.check import Finding
from newsletter.preview import BuildEvent, Preview, server
from newsletter.preview.server import summarise


def test_whichever_file_the_page_shows_it_is_shown_first_and_then_every_file_as_build_writes_it(tmp_path, monkeypatch):
    # A save is shown in two steps: the file the page's frame shows (alone, at once), then the rest once the page says
    # its frame shows it. The first step is the very file the finished build holds, not a draft of it: the frame does
    # not change again when the rest arrives.
    monkeypatch.setattr(server, "FIRST_STEP_SECONDS", 30.0)  # the rest waits for the page's word, however long
    source = Path(shutil.copytree(ROOT / "examples" / "markdown-issue", tmp_path / "issue"))
    story = source / "01-colombia-runoff.md"
    preview = Preview(source, date=DATE)
    try:
        assert preview.rebuild().error is None  # type: ignore[union-attr]
        preview.listening(1)  # an open page
        for step, wanted in enumerate(("email.html", "email.txt", "web.html")):
            preview.wanted = wanted
            story.write_text(story.read_text("utf-8").replace("\n\n", f"\n\nSaved for {wanted}.\n\n", 1), "utf-8")
            number, events = preview.number + 1, []
            building = threading.Thread(target=lambda into=events: into.append(preview.rebuild()))
            building.start()
            first = wait_until(lambda n=number: preview.snapshot.number == n and preview.snapshot, "the first step")
            files, _ = as_built(source, tmp_path / f"build-{step}")
            assert not first.complete and first.files[wanted] == files[wanted], wanted
            preview.shown_on_page(number)  # the page's word: its frame shows the first step
            building.join()
            assert events[0] is not None and events[0].error is None, events
            assert preview.shown is not None and preview.shown.number == number and preview.shown.files == files
    finally:
        preview.close()


def as_built(source: Path, out: Path) -> tuple[dict[str, bytes], list[dict[str, object]]]:
    """What `newsletter build` writes for `source` (its record of hashes aside) and the findings the preview's panel
    would list for that build."""
    result = build(source, out=out, date=DATE)
    files = {path.relative_to(out).as_posix(): path.read_bytes() for path in sorted(out.rglob("*")) if path.is_file()}
    del files["build.json"]
    return files, summarise(result.issue, files, 0)["findings"]


PAGES = ROOT / "tests" / "pages"


def test_every_save_of_pasted_saved_and_markdown_stories_and_of_the_brand_shows_what_build_makes(tmp_path):
    # The preview reads again only the files a save changed; whatever the editor changes, and however (a pasted page,
    # a saved page, a Markdown story, the brand in issue.toml), the files it shows and the findings its panel lists
    # are those of `newsletter build` on the folder as it is.
    source = tmp_path / "issue"
    source.mkdir()
    shutil.copy(ROOT / "examples" / "markdown-issue" / "01-colombia-runoff.md", source / "01-lead.md")
    shutil.copy(SEED, source / "02-gzero.txt")
    shutil.copy(PAGES / "moscow-times.txt", source / "03-moscow.txt")
    shutil.copy(PAGES / "saved-article.html", source / "04-saved.html")
    issue, lead, pasted = source / "issue.toml", source / "01-lead.md", source / "02-gzero.txt"
    moscow, saved = source / "03-moscow.txt", source / "04-saved.html"
    original = moscow.read_text("utf-8")

    def brand(name: str) -> None:
        issue.write_text(f'lead = "01-lead.md"\n\n[brand]\nname = "{name}"\n', "utf-8")

    saves = [  # what the editor does, a text the email then shows, one it no longer shows
        ("the brand set in issue.toml", lambda: brand("The Ballot Brief"), "The Ballot Brief", None),
        ("the pasted page edited", lambda: edit(pasted, "Ukraine", "Ukraina"), "Ukraina", None),
        ("the saved page edited", lambda: edit(saved, "on Sunday", "this Sunday"), "runoff this Sunday", None),
        (
            "the Markdown story edited",
            lambda: edit(lead, "Caribbean coast", "Caribbean shore"),
            "Caribbean shore",
            None,
        ),
        ("the brand changed", lambda: brand("Runoff Weekly"), "Runoff Weekly", "The Ballot Brief"),
        ("the brand removed", lambda: issue.write_text('lead = "01-lead.md"\n', "utf-8"), None, "Runoff Weekly"),
        ("the brand restored", lambda: brand("Runoff Weekly"), "Runoff Weekly", None),
        ("a pasted story edited", lambda: edit(moscow, "Lean Budget Year", "Lean Year"), "Lean Year", "Lean Budget"),
        ("... and restored", lambda: moscow.write_text(original, "utf-8"), "Lean Budget Year", None),
        ("... and renamed", lambda: moscow.rename(source / "05-moscow.txt"), "Lean Budget Year", None),
        ("... and deleted", lambda: (source / "05-moscow.txt").unlink(), None, "Lean Budget Year"),
    ]
    preview = Preview(source, date=DATE)
    try:
        assert preview.rebuild().error is None  # type: ignore[union-attr]
        for step, (what, save, shown, gone) in enumerate(saves):
            save()
            event = preview.rebuild()
            assert event is not None and event.error is None, (what, event)
            assert preview.shown is not None and preview.shown.summary is not None
            files, findings = as_built(source, tmp_path / f"build-{step}")
            assert preview.shown.files == files, what
            assert preview.shown.summary["findings"] == findings, what
            email = files["email.html"].decode("utf-8")
            assert (shown is None or shown in email) and (gone is None or gone not in email), what
    finally:
        preview.close()


def test_a_story_rewritten_to_the_same_size_and_time_is_shown_new(tmp_path):
    source = Path(shutil.copytree(ROOT / "examples" / "markdown-issue", tmp_path / "issue"))
    story = source / "01-colombia-runoff.md"
    headline = "Colombia's runoff turns on turnout in the Caribbean coast"
    original = story.read_text("utf-8")
    preview = Preview(source, date=DATE)
    try:
        for number, shown in enumerate(("Caribbean coast", "Caribbean coasT", "Caribbean coast"), start=1):
            before = story.stat()
            story.write_text(original.replace(headline, headline.replace("Caribbean coast", shown)), "utf-8")
            os.utime(story, ns=(before.st_atime_ns, before.st_mtime_ns))  # a save within the clock's one tick
            assert story.stat().st_size == before.st_size
            event = preview.rebuild()
            assert event is not None and event.error is None, event
            assert preview.shown is not None
            assert preview.shown.issue.lead.headline.endswith(shown), number
            assert preview.shown.files == render_files(make_issue(source, date=DATE)), number
    finally:
        preview.close()


def test_a_story_broken_deleted_or_restored_is_read_again(tmp_path):
    source = Path(shutil.copytree(ROOT / "examples" / "markdown-issue", tmp_path / "issue"))
    story = source / "02-eu-enlargement.md"
    original = story.read_text("utf-8")
    preview = Preview(source, date=DATE)
    try:
        assert preview.rebuild().error is None  # type: ignore[union-attr]
        story.write_text(original.replace("headline: Brussels delays", "headline: [Brussels delays"), "utf-8")
        event = preview.rebuild()
        assert event is not None and event.error is not None and event.error["file"] == str(story)
        story.write_text(original, "utf-8")  # the bytes of its last good read
        assert preview.rebuild().error is None  # type: ignore[union-attr]
        assert preview.shown is not None and b"Brussels delays its verdict" in preview.shown.files["email.html"]
        story.unlink()
        assert preview.rebuild().error is None  # type: ignore[union-attr]
        assert b"Brussels delays its verdict" not in preview.shown.files["email.html"]
        assert preview.shown.files == render_files(make_issue(source, date=DATE))
    finally:
        preview.close()


def test_the_watch_sees_each_file_a_build_reads_and_no_editors_litter(tmp_path):
    source = Path(shutil.copytree(ROOT / "examples" / "markdown-issue", tmp_path / "issue"))
    (source / "photos" / "deep").mkdir(parents=True)
    photo, deep = source / "photos" / "a.jpg", source / "photos" / "deep" / "b.jpg"
    ignored = source / "node_modules" / "c.jpg"  # a folder the watcher's filter leaves out
    ignored.parent.mkdir()
    for path in (photo, deep, ignored):
        path.write_bytes(b"one")
    config = tmp_path / "newsletter.toml"
    preview = Preview(source, date=DATE, config=config)
    preview.images = [deep, ignored]  # a deeper photo, or one in such a folder, is watched when the last build used it
    changes = {
        "a story saved": lambda: (source / "02-eu-enlargement.md").write_text("changed", "utf-8"),
        "a story added": lambda: (source / "09-new.md").write_text("new", "utf-8"),
        "a story deleted": lambda: (source / "09-new.md").unlink(),
        "a photo in photos/ replaced": lambda: photo.write_bytes(b"two!"),
        "a deeper photo the build used": lambda: deep.write_bytes(b"two!"),
        "a photo the build used in a folder the filter leaves out": lambda: ignored.write_bytes(b"two!"),
        "the settings file written": lambda: config.write_text("[brand]\n", "utf-8"),
        "issue.toml edited": lambda: (source / "issue.toml").write_text("\n", "utf-8"),
    }
    litter = {
        "an editor's swap file": lambda: (source / ".01-colombia-runoff.md.swp").write_text("x", "utf-8"),
        "a backup": lambda: (source / "01-colombia-runoff.md~").write_text("x", "utf-8"),
        "a cache folder": lambda: (source / "__pycache__").mkdir(),
    }
    for what, change in [*changes.items(), *litter.items()]:
        before = preview.stamp()
        change()
        assert (preview.stamp() != before) == (what in changes), what
        assert preview.stamp() == preview.stamp(), what


def test_a_story_caught_half_saved_is_built_once_written_and_no_error_is_shown(tmp_path):
    source = Path(shutil.copytree(ROOT / "examples" / "markdown-issue", tmp_path / "issue"))
    story = source / "01-colombia-runoff.md"
    original = story.read_text("utf-8")
    events: list[BuildEvent] = []
    preview = Preview(source, date=DATE, report=events.append)
    try:
        assert preview.rebuild().error is None  # type: ignore[union-attr]
        preview.stamps = preview.stamp()
        story.write_text("", "utf-8")  # an editor saving in place has emptied the file...

        class Writing(threading.Event):
            def wait(self, timeout: float | None = None) -> bool:  # ...and writes it while the failed build waits
                story.write_text(original.replace("Caribbean coast", "Caribbean shore"), "utf-8")
                return False

        preview.stop = Writing()
        preview.rebuild_if_changed()
        assert [event.error for event in events[1:]] == [None]
        assert preview.error is None and preview.shown is not None
        assert preview.shown.issue.lead.headline.endswith("Caribbean shore")
    finally:
        preview.close()


def racing(real, story: Path, whole: bytes):  # type: ignore[no-untyped-def]
    """read_file, except that right after it has read `story` the editor's save starts: half of `whole` written."""

    def read_file(path, **options):  # type: ignore[no-untyped-def]
        data = real(path, **options)
        if path == story:
            story.write_bytes(whole[: len(whole) // 3])
        return data

    return read_file


def test_a_save_landing_while_a_story_is_read_never_sticks_in_the_preview(tmp_path, monkeypatch):
    # An editor's save lands between the preview hashing a story's bytes and parsing them (an editor writing in
    # place: truncate, then write). The bytes hashed are the ones parsed, so once the save completes with those
    # bytes the preview shows what `newsletter build` writes, not the half-written story.
    source = Path(shutil.copytree(ROOT / "examples" / "markdown-issue", tmp_path / "issue"))
    shutil.copy(SEED, source / "05-pasted.txt")  # a pasted page too: its reader takes the same path
    preview = Preview(source, date=DATE)
    try:
        assert preview.rebuild().error is None  # type: ignore[union-attr]
        for story in (source / "01-colombia-runoff.md", source / "05-pasted.txt"):
            whole = story.read_bytes().replace(b"\n\n", b"\n\nSaved once more.\n\n", 1)
            story.write_bytes(whole)
            monkeypatch.setattr(newsletter.load, "read_file", racing(newsletter.load.read_file, story, whole))
            preview.rebuild()
            monkeypatch.undo()
            story.write_bytes(whole)  # the save completes: the bytes the preview hashed
            event = preview.rebuild()
            assert event is None or event.error is None, event
            assert preview.shown is not None
            assert preview.shown.files == render_files(make_issue(source, date=DATE)), story.name
    finally:
        preview.close()


def test_the_preview_names_the_same_placeholders_as_check(workdir, cli):
    # Placeholders in the fields and in the bodies of two stories: "Before you send" lists the ones check lists,
    # in the same words and order (both are check's own finder over the same build).
    assert cli("init", env={"SOURCE_DATE_EPOCH": "1796083200"}).exit_code == 0
    folder = Path("issues") / "2026-12-01"
    (folder / "02-second.md").write_text(
        "---\nheadline: A second story\nurl: https://example.org/second\nteaser: TK a teaser\n---\n\n"
        "A first paragraph.\n\nTK a second paragraph, still to come.\n",
        "utf-8",
    )
    built = cli("build")
    assert built.exit_code == 0, built.output
    checked = [line for line in cli("check").output.splitlines() if "still holds" in line]
    assert f"\n{len(checked)} placeholder(s) left to fill in" in built.output, (built.output, checked)
    assert any("the body still holds 'TK'" in line and "(A second story)" in line for line in checked), checked
    preview = Preview(folder)
    try:
        assert preview.rebuild().error is None  # type: ignore[union-attr]
        assert preview.shown is not None and preview.shown.summary is not None
        listed = [finding for finding in preview.shown.summary["findings"] if "still holds" in finding["message"]]
    finally:
        preview.close()
    assert [str(Finding(**finding)) for finding in listed] == checked
