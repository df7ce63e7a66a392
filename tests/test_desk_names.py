"""What the desk says of a page it cannot add, or of a story it will not change, named as the editor knows it: a
saved page as its file's name, a story as its name in the issue folder, a related item left out by its place and its
words; and a saved page that opens with an XML declaration (an XHTML page) read whole, as `newsletter import` reads
it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from golden import EXAMPLE
from test_desk import drop_file, open_desk, stories, wait_for_result

# An XHTML page as a content system saves it: an XML declaration, then its doctype; its link, picture and author
# are only in its <head>
XHTML_PAGE = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="fr" xml:lang="fr"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>Roumanie : le second tour reporté | Le Monde Exemple</title>
<meta property="og:title" content="Roumanie : le second tour reporté" />
<meta property="og:url" content="https://lemonde.example.com/roumanie" />
<meta property="og:image" content="https://lemonde.example.com/img/bucarest.jpg" />
<meta name="author" content="Ion Popescu" />
</head><body><div id="page"><h1>Roumanie : le second tour reporté</h1>
<p class="byline">Par Ion Popescu, publié le 5 décembre 2026</p>
<p>La Cour constitutionnelle roumaine a ordonné jeudi le report du second tour de l'élection présidentielle, invoquant
des irrégularités dans la campagne en ligne d'un des candidats.</p>
<p>La décision, sans précédent dans l'histoire du pays, a été saluée par une partie de l'opposition et dénoncée par les
soutiens du candidat arrivé en tête au premier tour.</p>
</div></body></html>
"""
NAME = "06-roumanie-le-second-tour-reporte.md"


@pytest.fixture
def issue(tmp_path) -> Path:
    return Path(shutil.copytree(EXAMPLE, tmp_path / "issue"))


def hand_over(page, event: str, html: str) -> str:
    """The editor pastes (`event` "paste") or drags (`event` "drop") a page's HTML as it is (the source a text editor
    copies, a selection dragged from another program: a copy made by this browser would be its own serialisation)
    onto the open "Add a page": what the desk says."""
    page.evaluate("() => { document.querySelector('#add-result').className = 'add-result'; }")
    page.evaluate(
        """([event, html]) => {
        const data = new DataTransfer();
        data.setData('text/html', html);
        data.setData('text/plain', 'The page');
        const init = {bubbles: true, cancelable: true};
        document.querySelector('#paste-box').dispatchEvent(event === 'paste'
            ? new ClipboardEvent('paste', {...init, clipboardData: data})
            : new DragEvent('drop', {...init, dataTransfer: data}));
    }""",
        [event, html],
    )
    return wait_for_result(page)


@pytest.mark.parametrize("how", ["file", "paste", "drop"])
def test_an_xhtml_page_dropped_or_pasted_is_read_whole_as_import_reads_it(desk, serve, issue, workdir, cli, how):
    """A page opening with `<?xml version="1.0" encoding="utf-8"?>` was "Not added: the preview failed: ValueError(
    'Unicode strings with encoding declaration are not supported...')", dropped or pasted: now its story is the one
    `newsletter import` writes of the file, its head's link, picture and author with it."""
    (workdir / "roumanie.html").write_text(XHTML_PAGE, encoding="utf-8")
    assert cli("import", "roumanie.html", "--to", "imported").exit_code == 0
    [imported] = (workdir / "imported").glob("*.md")
    page = desk.new_page()
    open_desk(page, serve(issue))
    if how == "file":  # the saved file dropped
        said = drop_file(page, "roumanie.html", "application/xhtml+xml", XHTML_PAGE.encode("utf-8"))
    else:
        said = hand_over(page, how, XHTML_PAGE)
    assert said.startswith(f"Added {NAME}"), said
    added = (issue / NAME).read_text("utf-8")
    head = added.split("\n---\n", 1)[0]
    assert "\nurl: https://lemonde.example.com/roumanie\n" in head, head
    assert "\n  src: https://lemonde.example.com/img/bucarest.jpg\n" in head, head
    assert "\nbyline: Ion Popescu\n" in head, head
    assert added == imported.read_text("utf-8")


def test_a_story_that_refuses_a_change_is_named_as_the_editor_knows_it(desk, serve, issue):
    """The story was given a picture by hand since the photo was dropped: "Use for this story" said "Not changed:
    /tmp/.../issue/04-sahel-mediation.md: has a picture already ...", the path the preview reached it by. The desk
    names it as it names what it wrote, by its name in the issue folder; and so every write the desk refuses."""
    from test_desk import post, token_of
    from test_desk_focus import drop_photo

    preview = serve(issue)
    page = desk.new_page()
    open_desk(page, preview)
    drop_photo(page)
    story = issue / "04-sahel-mediation.md"
    story.write_text(story.read_text("utf-8").replace("---\n", "---\nimage: photos/rally.png\n", 1), "utf-8")
    page.click(".photo-use")
    wait_for_result(page)  # the refusal, above the offer (which stays, to choose again)
    assert page.text_content("#add-result > p:first-child") == (
        "Not changed: 04-sahel-mediation.md: has a picture already (or `image: false`): change its image: line by hand"
    )
    # A headline given to a story whose headline runs over several lines; an order that would overwrite a file
    story.write_text(story.read_text("utf-8").replace("headline: ", "headline: >-\n  ", 1), "utf-8")
    (issue / "02-sahel-mediation.md").mkdir()
    for path, fields, said in [
        ("/use-headline", {"story": story.name, "headline": "Talks resume"}, "04-sahel-mediation.md: has a headline"),
        ("/move-story", {"story": "02-eu-enlargement.md", "line": "1", "step": "down"}, "02-sahel-mediation.md: "),
    ]:
        status, answer = post(preview, json.dumps({"token": token_of(preview), **fields}).encode(), path=path)
        assert status == 422 and answer["error"].startswith(said), answer
        assert str(issue) not in answer["error"], answer


@pytest.mark.parametrize("data", [b"", b" \r\n\t\n"], ids=["no-bytes", "blank"])
def test_an_empty_file_dropped_is_named_as_empty(desk, serve, issue, data):
    """An empty saved page dropped on "Add a page" said "the paste is empty: copy the article's page in the browser
    (Ctrl+A, Ctrl+C), then paste it", though nothing was pasted: the desk names the file dropped and says what to do."""
    page = desk.new_page()
    open_desk(page, serve(issue))
    before = stories(issue)
    said = drop_file(page, "harbour.html", "text/html", data)
    assert said == (
        "Not added: 'harbour.html' is empty: save the article's page from the browser again (Ctrl+S), then drop it here"
    ), said
    assert stories(issue) == before


@pytest.mark.parametrize("first", [True, False], ids=["first-item", "second-item"])
def test_a_related_item_no_story_file_holds_is_left_out_named_by_its_place_and_words(desk, serve, issue, first):
    """A copied page whose related list holds a link around a whole teaser (a headline of 702 characters): the page
    was refused whole, naming the item ("Not added: the pasted page: linked item 1 of 2 (“Ferries move to ...”): the
    headline is 702 characters long, over the 500 a headline may have; shorten it"), though its article is fine and
    the editor cannot shorten a page's link. Now the article and the list's other item are added, and that item is
    left out, named by its place in the list and its first words, at the page (a copy has no line)."""
    from test_desk import TEASER_LINK

    long_item = TEASER_LINK[TEASER_LINK.index("<li>") : TEASER_LINK.index("</li>") + 5]
    data = TEASER_LINK if first else TEASER_LINK.replace(long_item, "").replace("</ul>", long_item + "</ul>")
    page = desk.new_page()
    open_desk(page, serve(issue))
    before = stories(issue)
    said = hand_over(page, "paste", data)
    assert said.startswith(
        "Added 06-harbour-works-begin-on-the-north-quay.md (“Harbour works begin on the north quay”) and 1 linked "
        "item: 07-new-cranes-arrive.md."
    ), said
    assert (
        f"the pasted page: left out linked item {1 if first else 2} of 2 (“Ferries move to the south quay while the "
        "works last, and…”): the headline is 702 characters long, over the 500 a headline may have"
    ) in said, said
    assert "shorten it" not in said, said
    assert stories(issue) - before == {"06-harbour-works-begin-on-the-north-quay.md", "07-new-cranes-arrive.md"}
    assert "Ferries" not in (issue / "07-new-cranes-arrive.md").read_text("utf-8")
