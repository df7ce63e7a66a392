"""The desk from the keyboard: a choice offered for a story (the photo dropped, a headline the reader doubted) goes
when it is taken, and the focus with it; the focus lands on what took its place, as the Order list keeps it on its
story's buttons (test_order.py), so the next key does something."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from golden import EXAMPLE
from test_desk import MOLDOVA, MOLDOVA_REST, WAIT_MS, drop_file, open_desk, paste_text, wait_for_result

FOCUSED = "() => [document.activeElement.tagName, document.activeElement.className, document.activeElement.textContent]"


@pytest.fixture
def issue(tmp_path) -> Path:
    return Path(shutil.copytree(EXAMPLE, tmp_path / "issue"))


def drop_photo(page) -> None:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 200)).save(buffer, "PNG")
    assert "photos/rally.png" in drop_file(page, "rally.png", "image/png", buffer.getvalue())
    page.evaluate("() => { document.querySelector('#add-result').className = 'add-result'; }")


def test_use_for_this_story_from_the_keyboard_leaves_the_focus_on_what_it_did(desk, serve, issue):
    """Enter on "Use for this story": the offer made way for "… shows its new picture", and the focus fell to the page
    (the next Tab started again at the toolbar). The line that says what it did has it now."""
    preview = serve(issue)
    page = desk.new_page()
    open_desk(page, preview)
    drop_photo(page)
    page.focus(".photo-use")
    page.keyboard.press("Enter")
    said = wait_for_result(page)
    assert said == "04-sahel-mediation.md shows its new picture as soon as it is built.", said
    assert page.evaluate(FOCUSED) == ["P", "", said]


def test_a_photo_the_story_refuses_keeps_its_offer_and_the_focus(desk, serve, issue):
    """The story was given `image: false` by hand since the photo was dropped: the desk says why it is refused, and
    the offer stays with the focus on its button, to choose again (it went, focus and all)."""
    preview = serve(issue)
    page = desk.new_page()
    open_desk(page, preview)
    drop_photo(page)
    story = issue / "04-sahel-mediation.md"
    story.write_text(story.read_text("utf-8").replace("---\n", "---\nimage: false\n", 1), "utf-8")
    page.focus(".photo-use")
    page.keyboard.press("Enter")
    said = wait_for_result(page)
    assert said.startswith("Not changed: ") and "04-sahel-mediation.md: has a picture already" in said, said
    assert page.evaluate(FOCUSED) == ["BUTTON", "photo-use", "Use for this story"]


def test_a_headline_taken_from_the_keyboard_leaves_the_focus_on_what_it_did(desk, serve, issue):
    headline, deck, opening = MOLDOVA
    preview = serve(issue)
    page = desk.new_page()
    open_desk(page, preview)
    paste_text(page, f"World\n{headline}\n{deck}\nSept. 29, 2026\n{opening}\n{MOLDOVA_REST}\n")
    page.evaluate("() => { document.querySelector('#add-result').className = 'add-result'; }")
    page.focus(f'.headline-take:has-text("{headline}")')
    page.keyboard.press("Enter")
    said = wait_for_result(page)
    assert said == f"06-moldova-s-ruling-party-keeps-its.md is now headed “{headline}”.", said
    assert page.evaluate(FOCUSED) == ["P", "", said]


def next_build(page, action) -> None:
    """Do `action`, then wait until the page shows the build after it, checked."""
    build = page.evaluate("() => document.documentElement.dataset.build")
    action()
    page.wait_for_function(
        "build => document.documentElement.dataset.build !== build"
        " && / · \\d/.test(document.querySelector('#build').textContent)",
        arg=build,
        timeout=WAIT_MS,
    )


def test_the_warnings_made_anew_leave_the_focus_with_the_story(desk, serve, issue):
    """The warnings are made anew with each build, and a button of theirs that had the focus went with them: a save
    elsewhere, or Enter on a warning's Keep, and the focus fell to the page. The button keeps it when it stays; when
    it goes, its story's heading takes it, or, with the story's last warning, the panel's heading."""
    from newsletter.storyfile import GUESSED_COMMENT

    for name in ("04-sahel-mediation.md", "03-japan-snap-election.md"):
        text = (issue / name).read_text("utf-8")
        (issue / name).write_text(text.replace("---\n", f"---\n{GUESSED_COMMENT}headline_unsure: true\n", 1), "utf-8")
    page = desk.new_page()
    page.goto(serve(issue).url)
    page.wait_for_selector(".finding .headline-keep >> nth=1", timeout=WAIT_MS)
    sahel = ".finding-group:has-text('Sahel') .headline-keep"
    page.focus(sahel)
    lead = issue / "01-colombia-runoff.md"
    next_build(page, lambda: lead.write_text(lead.read_text("utf-8") + "\nMore to come.\n", "utf-8"))
    assert page.evaluate(FOCUSED) == ["BUTTON", "headline-keep", "Keep “Sahel talks: mediators try again in Lomé”"]
    next_build(page, lambda: page.keyboard.press("Enter"))  # Sahel keeps its warning of a missing photo
    assert page.evaluate(FOCUSED) == ["H3", "finding-story", "Sahel talks: mediators try again in Lomé"]
    page.focus(".finding-group:has-text('Japan') .headline-keep")
    next_build(page, lambda: page.keyboard.press("Enter"))  # Japan had no other warning
    assert page.evaluate("() => document.activeElement.id") == "warnings-title"
