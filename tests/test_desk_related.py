"""A related list copied with a page into "Add a page" becomes the issue's "More from" items only when the page is
the brand's own, as `newsletter import` takes a pasted page's: the brand the issue's settings name, the page's by its
"More from <brand>" heading or its copyright line. Another site's list (its writers' names, its hashtags) is left out
and named in the desk's answer in import's words, at the page (its address typed, else "the pasted page") where
import names a file's line: a copy has none. The desk wrote every such list as stories of the issue."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from golden import EXAMPLE
from test_desk import copy_and_paste, stories

from newsletter.preview.desk import add_page

HINT = "a related list becomes 'More from' items only on the brand's own pages"
MOSCOW = Path(__file__).parent / "pages" / "moscow-times.txt"


@pytest.fixture
def issue(tmp_path) -> Path:
    return Path(shutil.copytree(EXAMPLE, tmp_path / "issue"))  # The Ballot Brief's, as its issue.toml says


def test_another_sites_copied_page_leaves_its_related_list_out_and_names_it(desk, editors, serve, issue):
    """Named at the page ("the pasted page"), not at a line of it as import names a file's: a copy has no lines (the
    desk said "the pasted page:1")."""
    before = stories(issue)
    said = copy_and_paste(desk.new_page(), editors + "related-article.html", serve(issue))
    assert stories(issue) - before == {"06-moldova-s-pro-eu-bloc-holds-its-majority.md"}, said
    assert said.startswith("Added 06-moldova-s-pro-eu-bloc-holds-its-majority.md (“Moldova"), said
    assert "linked item" not in said
    assert (
        "the pasted page: left out the 'Read more' list (2 stories): the page is The Example Courier's, not The "
        f"Ballot Brief's; {HINT}"
    ) in said


def test_the_brands_own_copied_page_gives_its_list_as_items_and_another_sites_does_not(
    desk, editors, serve, issue, tmp_path
):
    """The brand named in newsletter.toml alone: its own page ("More from The Example Courier") gives two linked
    items; a page of the Riverside Gazette pasted next gives its article, and its sidebar of writers' names and a
    hashtag under "Related" is named, not written as three stories."""
    toml = issue / "issue.toml"
    toml.write_text(toml.read_text("utf-8").replace('name = "The Ballot Brief"\n', ""), "utf-8")
    config = tmp_path / "newsletter.toml"
    config.write_text('[brand]\nname = "The Example Courier"\n', "utf-8")
    preview = serve(issue, config=config)
    page = desk.new_page()
    before = stories(issue)
    said = copy_and_paste(page, editors + "courier-own-article.html", preview)
    assert said.startswith(
        "Added 06-chisinau-s-trams-run-again-after-the.md (“Chișinău's trams run again after the winter "
        "strike”) and 2 linked items: 07-moldova-s-wine-exports-double-in-a-year.md, "
        "08-a-new-bridge-over-the-dniester.md."
    ), said
    assert "left out the" not in said
    item = (issue / "07-moldova-s-wine-exports-double-in-a-year.md").read_text("utf-8")
    assert "url: https://courier.example.org/europe/moldova-wine-exports" in item
    said = copy_and_paste(page, editors + "gazette-article.html", preview)
    assert sorted(stories(issue) - before)[3:] == ["09-riverside-opens-its-first-night-market.md"], said
    assert (
        "the pasted page: left out the 'Related' list (3 stories): the page is The Riverside Gazette's, not The "
        f"Example Courier's; {HINT}"
    ) in said


@pytest.mark.parametrize("brand", ["The Moscow Times", "The Ballot Brief"])
def test_a_pasted_texts_related_list_follows_the_same_rule(issue, brand):
    """A page's plain text pasted (no HTML on the clipboard): its "Read more" list was dropped without a word. On
    the brand's own page its three stories are written after the article; on another's, the list is named."""
    toml = issue / "issue.toml"
    toml.write_text(toml.read_text("utf-8").replace("The Ballot Brief", brand), "utf-8")
    added = add_page(issue, text=MOSCOW.read_text("utf-8"))
    said = [notice.advised() for notice in added.notices]
    if brand == "The Moscow Times":
        assert len(added.written) == 4, added.written
        assert added.headlines[1:] == [
            "Kremlin Names New Central Bank Deputy as Inflation Stays High",
            "Wheat Exports Hit a Record as Ukraine Talks Stall Again",
            "Moscow's Metro Expansion Slows Amid Budget Squeeze",
        ]
        assert not any("left out the 'Read more' list" in line for line in said), said
    else:
        assert len(added.written) == 1, added.written
        assert (
            "the pasted text:24: left out the 'Read more' list (3 stories): the page is The Moscow Times's, not The "
            f"Ballot Brief's; {HINT}"
        ) in said


# A copied stretch that says nothing of whose page it is: no copyright line, no "More from <brand>" heading
UNSIGNED = (
    "<article><h1>Harbour works begin on the north quay</h1>"
    + "<p>The port authority began the works on the north quay on Monday, the first of three years of them.</p>" * 8
    + "</article><h2>Related</h2><ul><li><a href='https://example.com/ferries'>Ferries move to the south quay</a></li>"
    + "<li><a href='https://example.com/cranes'>New cranes arrive</a></li></ul>"
)


def test_the_address_typed_says_whose_page_a_copy_is(tmp_path):
    """The copy says nothing of its site; the address typed over it does: on ballotbrief.substack.com the page is The
    Ballot Brief's own and its list gives two items, on gazette.example.com it is the Gazette's and the list is
    named, at the page by that address (it was "the pasted page:1", a file's line for a copy that has none)."""
    own = add_page(
        Path(shutil.copytree(EXAMPLE, tmp_path / "own")),
        html=UNSIGNED,
        address="https://ballotbrief.substack.com/p/quay",
    )
    assert own.headlines[1:] == ["Ferries move to the south quay", "New cranes arrive"], own.notices
    other = add_page(
        Path(shutil.copytree(EXAMPLE, tmp_path / "other")), html=UNSIGNED, address="https://gazette.example.com/quay"
    )
    assert other.headlines == ["Harbour works begin on the north quay"]
    assert (
        "the page at https://gazette.example.com/quay: left out the 'Related' list (2 stories): the page is "
        f"gazette.example.com's, not The Ballot Brief's; {HINT}"
    ) in [notice.advised() for notice in other.notices]
