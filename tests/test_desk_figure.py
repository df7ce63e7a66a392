"""A stretch of a page copied in the browser and pasted into "Add a page", whose picture the saved-page reader does
not take as the story's (its address names no picture file: "/images/pier?width=600", as a site's image service
gives it): the desk takes the first <figure>'s picture with its alt text and caption. Since the 6 December reread
dropped an argument of `figure_of`, the desk passed it one too many and failed on every such copy (23 of the read
pools' 361 copied pages) instead of writing the story. And a picture's alt text is the story's on one line."""

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


def test_a_copied_pictures_alt_text_written_over_lines_is_one_line(issue):
    """A picture's alt text written over several lines in the page's HTML (a caption's two sentences): the story's
    alt text on one line, where the desk refused the page ("the image.alt holds a line break; keep it on one line",
    about a line the editor never wrote: 1 of the read pools' 273 copied pages)."""
    copied = COPIED.replace("The old pier at dawn", "The old pier at dawn.\nIt broke in two in February.")
    added = add_page(issue, html=copied.replace("?width=600", ".jpg"))
    story = (issue / added.written[0]).read_text("utf-8")
    assert "The old pier at dawn. It broke in two in February." in story


def test_a_copied_pages_figure_the_reader_would_set_aside_is_not_the_storys_picture(issue):
    """The desk takes a copied <figure>'s picture (over the headline, where the reader looks for none) as the
    saved-page reader takes an article's: a writer's portrait (its class says so) or a drawing is passed over for the
    photo after them; the portrait had been the story's."""
    portrait = '<figure><img class="author-avatar" src="https://news.example.org/people/jo?size=400"></figure>'
    drawing = '<figure><img src="https://news.example.org/theme/share.svg" alt="Share"></figure>'
    photo, headline = COPIED.split("</figure>")[0] + "</figure>", COPIED.split("<figure>")[0]
    paragraphs = "".join(f"<p>{SENTENCE}</p>" for _ in range(4))
    added = add_page(issue, html=portrait + drawing + photo + headline + paragraphs)
    story = (issue / added.written[0]).read_text("utf-8")
    assert "https://news.example.org/images/pier?width=600" in story
    assert "people/jo" not in story and "share.svg" not in story


def test_a_copied_pages_sidebar_portrait_is_not_the_storys_picture(issue):
    """A copied page whose side tray (a blogger's portrait under the page's only <h1>) comes before the article,
    its headline an <h2>: the portrait had been the story's picture; the article's own photo is, and the portrait
    is named as beside the article."""
    sidebar = (
        '<div class="sidetray-blocks"><h1>Hello, I am Jo</h1><p>I write about the river towns.</p>'
        '<img src="https://news.example.org/static/jo-portrait" alt="Jo, who writes this blog"></div>'
    )
    added = add_page(issue, html=sidebar + COPIED.replace("h1>", "h2>"))
    story = (issue / added.written[0]).read_text("utf-8")
    assert "https://news.example.org/images/pier?width=600" in story
    assert "jo-portrait" not in story
    assert any("beside the article (in a sidebar)" in notice.message for notice in added.notices), added.notices


SIZES = 'src="{0}-300.jpg" srcset="{0}-300.jpg 300w, {0}-1200.jpg 1200w"'.format("https://news.example.org/pier")
IN_ARTICLE = COPIED.replace('src="https://news.example.org/images/pier?width=600"', SIZES)
OVER_HEADLINE = (
    "<figure>" + IN_ARTICLE.split("<figure>")[1].split("</figure>")[0] + "</figure>" + IN_ARTICLE.split("<figure>")[0]
    + "".join(f"<p>{SENTENCE}</p>" for _ in range(4))
)  # fmt: skip


# ... its sizes at "//host/..." addresses, which a copied page gives no scheme: the src's
NO_SCHEME = IN_ARTICLE.replace("-300.jpg 300w, https:", "-300.jpg 300w, ").replace('srcset="https:', 'srcset="')


@pytest.mark.parametrize(
    "copied", [IN_ARTICLE, OVER_HEADLINE, NO_SCHEME], ids=["in-article", "over-headline", "sizes-without-scheme"]
)
def test_a_copied_pages_picture_is_the_storys_at_the_size_of_its_srcset_the_email_shows(issue, copied):
    """A copied page's photo, its src its smallest size, its srcset the others: the story had the 300 px one, in its
    article and in a <figure> over its headline (where the desk looks for one) alike."""
    added = add_page(issue, html=copied)
    story = (issue / added.written[0]).read_text("utf-8")
    assert "https://news.example.org/pier-1200.jpg" in story, story
