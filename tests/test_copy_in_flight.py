"""A copy made while the preview builds a save (about a second, after the editor saves a story): it copied the build
before, without a word. The copy waits for the build of the save, and says so when it copies another build: one that
failed, or one not done after a few seconds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from golden import ROOT
from test_paste import WAIT_MS, clipboard_text

ELECTION = ROOT / "examples" / "election-issue"
STORY = "04-swiss-referendum.md"
OLD, NEW = '"498,220"', '"498,230"'  # a figure of the results table, as the story writes it, and as it is fixed


@pytest.fixture
def opened(desk, serve, tmp_path):
    """The election issue in the preview, open in a page that may use the clipboard: (the page, the preview, the
    story file)."""
    folder = Path(shutil.copytree(ELECTION, tmp_path / "issue"))
    preview = serve(folder)
    page = desk.new_page()
    page.goto(preview.url)
    page.wait_for_function("() => document.querySelector('#copy-service').options.length > 1", timeout=WAIT_MS)
    return page, preview, folder / STORY


def copy_at_once(page, story: Path, text: str, button: str) -> str:
    """Save `text` as the story and press `button` at once (Enter on it, focused before), as the build of the save
    starts: the status it shows."""
    page.focus(button)
    story.write_text(text, "utf-8")
    page.keyboard.press("Enter")
    page.wait_for_function("() => /Copied/.test(document.querySelector('#status').textContent)", timeout=WAIT_MS)
    return page.text_content("#status")


@pytest.mark.parametrize("button", ["#copy-html", "#copy-paste"])
def test_a_copy_made_as_a_save_builds_holds_the_save(opened, button):
    page, _, story = opened
    status = copy_at_once(page, story, story.read_text("utf-8").replace(OLD, NEW), button)
    assert "This is build" not in status, status
    copied = clipboard_text(page)
    assert NEW.strip('"') in copied and OLD.strip('"') not in copied


def test_a_copy_made_as_a_save_breaks_the_build_says_it_is_the_last_good_one(opened):
    page, _, story = opened
    broken = story.read_text("utf-8").replace(OLD, NEW).replace("layout: full\n", "layout: full\nlayout: full\n")
    status = copy_at_once(page, story, broken, "#copy-html")
    assert "This is build 1, the last that built: build 2 failed (above)" in status, status
    assert OLD.strip('"') in clipboard_text(page)


def test_a_copy_whose_build_is_not_done_in_time_says_so(opened):
    """A build slower than the copy may wait (a big issue on a busy machine), here one that never comes: the watcher
    is stopped, and the copy waits half a second for the save it has not built."""
    page, preview, story = opened
    preview.stop.set()
    for thread in preview.threads:
        if thread.name == "preview-watcher":
            thread.join(timeout=5)
    preview.copy_wait = 0.5
    status = copy_at_once(page, story, story.read_text("utf-8").replace(OLD, NEW), "#copy-html")
    assert status.endswith(
        "This is build 1: the build of your last save was not done yet, so what you changed since is not in it. Copy"
        " again in a moment."
    ), status
    assert OLD.strip('"') in clipboard_text(page)
    assert page.eval_on_selector("#status", "s => s.classList.contains('status-error')")
