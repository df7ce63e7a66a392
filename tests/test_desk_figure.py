"""A stretch of a page copied in the browser and pasted into "Add a page", whose picture the saved-page reader does
not take as the story's (its address names no picture file: "/images/pier?width=600", as a site's image service
gives it): the desk takes the first <figure>'s picture with its alt text and caption. Since the 6 December reread
dropped an argument of `figure_of`, the desk passed it one too many and failed on every such copy (23 of the read
pools' 361 copied pages) instead of writing the story."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from golden import EXAMPLE

from newsletter.preview.desk import add_page

SENTENCE = (
    "The council voted on Tuesday to rebuild the old pier, which the storms of last winter broke in two places, "
    "and the work will start in the spring once the ferry has moved to its summer berth."
)
COPIED = (
    "<h1>The old pier will be rebuilt by next summer</h1>"
    '<figure><img src="https://news.example.org/images/pier?width=600" alt="The old pier at dawn">'
    "<figcaption>The old pier after the February storm</figcaption></figure>"
    + "".join(f"<p>{SENTENCE}</p>" for _ in range(4))
)


@pytest.fixture
def issue(tmp_path) -> Path:
    return Path(shutil.copytree(EXAMPLE, tmp_path / "issue"))


def test_a_copied_pages_figure_is_the_storys_picture(issue):
    added = add_page(issue, html=COPIED)
    assert len(added.written) == 1, added.written
    story = (issue / added.written[0]).read_text("utf-8")
    assert "https://news.example.org/images/pier?width=600" in story
    assert "The old pier after the February storm" in story
