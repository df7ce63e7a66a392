"""The desk's order of the stories: "Make lead" writes issue.toml's `lead`, and the arrows make a story trade places
with the one beside it in its section (their files' numbers and `priority:` lines); the preview rebuilds and shows the
new order. Writes are the desk's: only from the preview's own page, and only to the issue folder's own files.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from golden import EXAMPLE
from test_desk import WAIT_MS, post, post_form_from_elsewhere, token_of

from newsletter.errors import InputError
from newsletter.preview.order import with_lead, with_priority


@pytest.fixture
def issue(tmp_path) -> Path:
    return Path(shutil.copytree(EXAMPLE, tmp_path / "issue"))


def files(folder: Path) -> dict[str, bytes]:
    """Every file of the issue folder and beside it, by its path: what a refused write must leave as it was."""
    return {
        str(path.relative_to(folder.parent)): path.read_bytes() for path in folder.parent.rglob("*") if path.is_file()
    }


def open_order(page, preview):
    page.goto(preview.url)
    show_order(page)


def show_order(page):
    """Click "Order" once the desk offers it: the list of the stories."""
    page.wait_for_selector("#order-open:not([hidden])", timeout=WAIT_MS)
    page.click("#order-open")
    page.wait_for_selector("#order-list .order-story", state="visible")


# The email's headings as a reader meets them: the lead's headline, then each section's name and its stories.
HEADINGS = (
    "[...(document.querySelector('#email').contentDocument?.querySelectorAll('h1.nl-h1, h2.nl-h2, h3.nl-h3') || [])]"
    ".map(e => e.textContent.trim())"
)


def wait_for_email(page, first: list[str]) -> list[str]:
    """Until the email's headings start with `first`: the headings then."""
    page.wait_for_function(
        f"first => {{ const seen = {HEADINGS}; return first.every((text, i) => seen[i] === text); }}",
        arg=first,
        timeout=WAIT_MS,
    )
    return page.evaluate(f"() => {HEADINGS}")


def result(page) -> str:
    page.wait_for_function(
        "() => /order-(ok|error)/.test(document.querySelector('#order-result').className)", timeout=WAIT_MS
    )
    return page.text_content("#order-result")


def desk_list(page) -> list[tuple[str, list[str]]]:
    """The desk's list: each group's heading and its stories' files."""
    return page.evaluate(
        "() => [...document.querySelectorAll('.order-section')].map(s => [s.querySelector('h3').textContent,"
        " [...s.querySelectorAll('.order-story')].map(e => e.dataset.file)])"
    )


def story_row(file: str) -> str:
    return f".order-story[data-file='{file}']"


JAPAN = "Japan’s prime minister floats a snap election for February"
COLOMBIA = "Colombia’s runoff turns on turnout in the Caribbean coast"
BRUSSELS = "Brussels delays its verdict on the next enlargement round"
SAHEL = "Sahel talks: mediators try again in Lomé"


def test_the_order_is_offered_when_its_script_loads_after_the_first_build_is_heard(page, serve, issue):
    """The desk's two scripts load apart: when the page hears of the first build before order.js has arrived (a slow
    connection, a busy machine), the "Order" button still comes, once order.js is there."""
    held = []
    page.route("**/order.js", lambda route: held.append(route))  # order.js is held back ...
    page.goto(serve(issue).url, wait_until="commit")  # (the page's load waits for its scripts)
    page.wait_for_function("() => !!document.querySelector('#inbox-from')?.textContent", timeout=WAIT_MS)
    assert page.is_hidden("#order-open") and len(held) == 1
    held[0].continue_()  # ... until the page shows the first build
    show_order(page)
    assert desk_list(page)[0] == ["Lead", ["01-colombia-runoff.md"]]


def test_make_lead_in_the_desk_makes_the_story_lead_the_email(page, serve, issue):
    settings = (issue / "issue.toml").read_text("utf-8")
    preview = serve(issue)
    open_order(page, preview)
    assert wait_for_email(page, [COLOMBIA])
    page.click(f"{story_row('03-japan-snap-election.md')} .make-lead")
    said = result(page)
    assert said.startswith(f'“{JAPAN}” leads the issue now (issue.toml: lead = "03-japan-snap-election.md")'), said
    assert wait_for_email(page, [JAPAN])[1:3] == ["Geopolitics", BRUSSELS]
    # issue.toml: the lead's line alone changed; the old lead is a story of its section now
    assert (issue / "issue.toml").read_text("utf-8") == settings.replace(
        'lead = "01-colombia-runoff.md"', 'lead = "03-japan-snap-election.md"'
    )
    page.wait_for_function(
        "() => document.querySelector('.order-section h3').nextSibling.textContent.includes('Japan')"
    )
    assert desk_list(page)[0] == ["Lead", ["03-japan-snap-election.md"]]
    assert "01-colombia-runoff.md" in desk_list(page)[2][1]


def test_make_lead_on_the_only_story_of_a_listed_section_leaves_no_heading_and_no_error(page, serve, issue):
    """issue.toml lists "More from The Ballot Brief", whose only story is made the lead: the email shows it as the
    lead and no heading for the section it left (the build used to stop: "sections names 'More from The Ballot
    Brief', which no story has"), and the desk's list has no group for it."""
    recount = "Bolivia orders a recount in two provinces"
    (issue / "06-recount.md").write_text(
        f"---\nheadline: {recount}\nurl: https://news.example.org/2026/11/recount\nimage: false\n---\n\n"
        "The electoral court ordered the recount on Monday.\n",
        encoding="utf-8",
    )
    settings = (issue / "issue.toml").read_text("utf-8")
    listed = 'sections = ["Elections", "Geopolitics", "More from The Ballot Brief"]\n'
    (issue / "issue.toml").write_text(settings.replace("contents = true\n", "contents = true\n" + listed, 1))
    preview = serve(issue)
    open_order(page, preview)
    assert "More from The Ballot Brief" in wait_for_email(page, [COLOMBIA])
    page.click(f"{story_row('06-recount.md')} .make-lead")
    assert result(page).startswith(f"“{recount}” leads the issue now"), result(page)
    headings = wait_for_email(page, [recount])
    assert "More from The Ballot Brief" not in headings, headings
    assert headings[1:3] == ["Elections", COLOMBIA]
    assert page.is_hidden("#error")
    page.wait_for_function(
        "() => document.querySelector('.order-section h3').nextSibling.textContent.includes('Bolivia')"
    )
    assert [heading for heading, _ in desk_list(page)] == ["Lead", "Elections", "Geopolitics"]


def test_a_story_made_lead_outranks_another_s_lead_true_and_the_desk_says_so(page, serve, issue):
    """issue.toml without a `lead`, a story saying `lead: true`: "Make lead" adds the key, which has the last word, and
    the story that says `lead: true` is named under "Before you send"."""
    toml = (issue / "issue.toml").read_text("utf-8").replace('lead = "01-colombia-runoff.md"\n', "")
    (issue / "issue.toml").write_text(toml, encoding="utf-8")
    sahel = issue / "04-sahel-mediation.md"
    sahel.write_text(sahel.read_text("utf-8").replace("---\n", "---\nlead: true\n", 1), encoding="utf-8")
    preview = serve(issue)
    open_order(page, preview)
    assert wait_for_email(page, [SAHEL])
    page.click(f"{story_row('03-japan-snap-election.md')} .make-lead")
    assert result(page).startswith(f"“{JAPAN}” leads the issue now"), result(page)
    assert wait_for_email(page, [JAPAN])
    # The key goes after the file's opening comment; every other line as it was
    assert (issue / "issue.toml").read_text("utf-8") == toml.replace(
        "newsletter.toml.\n", 'newsletter.toml.\nlead = "03-japan-snap-election.md"\n', 1
    )
    page.wait_for_function(
        "() => [...document.querySelectorAll('.finding-message')].some(e => e.textContent.includes("
        "'says `lead: true`, but') && e.textContent.includes('names 03-japan-snap-election.md as the lead'))",
        timeout=WAIT_MS,
    )


def test_moving_a_story_down_changes_the_email_and_the_files(page, serve, issue):
    """Brussels (02-, priority 1) leads Geopolitics over Sahel (04-): moved down, the two trade their numbers and their
    priorities; the other stories, and the order of the sections, stay as they were."""
    brussels = (issue / "02-eu-enlargement.md").read_text("utf-8")
    sahel = (issue / "04-sahel-mediation.md").read_text("utf-8")
    preview = serve(issue)
    open_order(page, preview)
    before = wait_for_email(page, [COLOMBIA, "Geopolitics", BRUSSELS, SAHEL])
    page.click(f"{story_row('02-eu-enlargement.md')} .move-down")
    said = result(page)
    assert said.startswith(f"“{BRUSSELS}” now comes after “{SAHEL}” (04-eu-enlargement.md, 02-sahel-mediation.md)")
    after = wait_for_email(page, [COLOMBIA, "Geopolitics", SAHEL, BRUSSELS])
    assert after[4:] == before[4:]  # Elections and its stories: as they were
    assert sorted(path.name for path in issue.glob("*.md")) == [
        "01-colombia-runoff.md",
        "02-sahel-mediation.md",
        "03-japan-snap-election.md",
        "04-eu-enlargement.md",
        "05-explainer.md",
    ]
    assert (issue / "04-eu-enlargement.md").read_text("utf-8") == brussels.replace("priority: 1\n", "priority: 0\n")
    assert (issue / "02-sahel-mediation.md").read_text("utf-8") == sahel.replace("\n---\n", "\npriority: 1\n---\n", 1)
    page.wait_for_function(
        "() => document.querySelector('.order-section:nth-child(2) .order-story').dataset.file.startsWith('02-sahel')",
        timeout=WAIT_MS,
    )
    assert desk_list(page)[1] == ["Geopolitics", ["02-sahel-mediation.md", "04-eu-enlargement.md"]]
    # The first of a section has no way up, the last none down, the lead neither
    assert page.is_disabled(f"{story_row('02-sahel-mediation.md')} .move-up")
    assert page.is_disabled(f"{story_row('04-eu-enlargement.md')} .move-down")
    assert page.locator(f"{story_row('01-colombia-runoff.md')} button").count() == 0


FOCUSED = "document.activeElement.getAttribute('aria-label')"  # the button the next key goes to


def test_the_order_is_changed_from_the_keyboard_and_the_focus_stays_with_the_story(page, serve, issue):
    """Enter on Brussels' ↓, then Enter again: the list is made anew after each change, and the focus fell to the page
    (the next key did nothing; the editor tabbed through the toolbar again). It stays with the story: on its ↓, or,
    now that it is last in its section, on its ↑, and the second Enter moves it back (the focus then on its ↓)."""
    preview = serve(issue)
    open_order(page, preview)
    page.focus(f"{story_row('02-eu-enlargement.md')} .move-down")
    page.keyboard.press("Enter")
    assert result(page).startswith(f"“{BRUSSELS}” now comes after “{SAHEL}”")
    wait_for_email(page, [COLOMBIA, "Geopolitics", SAHEL, BRUSSELS])
    page.wait_for_function(f"() => {FOCUSED} === 'Move “{BRUSSELS}” up'", timeout=WAIT_MS)
    assert page.evaluate("() => document.activeElement.closest('.order-story').dataset.file") == "04-eu-enlargement.md"
    page.evaluate("() => { document.querySelector('#order-result').className = 'order-result'; }")
    page.keyboard.press("Enter")
    assert result(page).startswith(f"“{BRUSSELS}” now comes before “{SAHEL}”")
    wait_for_email(page, [COLOMBIA, "Geopolitics", BRUSSELS, SAHEL])
    page.wait_for_function(f"() => {FOCUSED} === 'Move “{BRUSSELS}” down'", timeout=WAIT_MS)
    # Made lead, the story has no buttons: the list's first one takes the focus
    page.focus(f"{story_row('03-japan-snap-election.md')} .make-lead")
    page.keyboard.press("Enter")
    wait_for_email(page, [JAPAN])
    page.wait_for_function(f"() => {FOCUSED} === 'Make “{BRUSSELS}” the lead'", timeout=WAIT_MS)


def test_an_order_the_folder_refuses_is_one_line_in_the_desk_and_writes_nothing(page, serve, issue):
    """issue.toml broken since the page showed the order (the build fails, the page keeps the last good one): the desk
    says why in one line, and nothing is written."""
    preview = serve(issue)
    open_order(page, preview)
    (issue / "issue.toml").write_text('number = 48\nlead = "01-colombia-runoff.md\n', encoding="utf-8")
    page.wait_for_selector("#error:not([hidden])", timeout=WAIT_MS)
    before = files(issue)
    page.click(f"{story_row('03-japan-snap-election.md')} .make-lead")
    said = result(page)
    assert said.startswith("Not changed: ") and "issue.toml:2: is not valid TOML" in said and "\n" not in said, said
    page.evaluate("() => { document.querySelector('#order-result').className = 'order-result'; }")
    page.click(f"{story_row('03-japan-snap-election.md')} .move-down")
    said = result(page)
    assert said.startswith("Not changed: ") and "issue.toml:2: is not valid TOML" in said and "\n" not in said, said
    assert files(issue) == before


def write(preview, path: str, fields: dict[str, str], **headers) -> tuple[int, dict]:
    return post(preview, json.dumps({"token": token_of(preview), **fields}).encode(), path=path, **headers)


@pytest.mark.parametrize(
    "path, fields",
    [
        ("/make-lead", {"story": "03-japan-snap-election.md"}),
        ("/move-story", {"story": "02-eu-enlargement.md", "line": "1", "step": "down"}),
    ],
)
@pytest.mark.parametrize("origin", ["http://evil.example", ""])
def test_an_order_from_another_origin_is_refused(serve, issue, path, fields, origin):
    before = files(issue)
    preview = serve(issue)
    status, answer = write(preview, path, fields, origin=origin)
    assert (status, answer["error"]) == (403, "Refused: the preview takes writes only from the preview's own page")
    status, answer = post(preview, json.dumps({"token": "0" * 43, **fields}).encode(), path=path)
    assert status == 403 and "token" in answer["error"]
    assert files(issue) == before


def test_a_cross_origin_form_in_a_real_browser_changes_no_order(desk, editors, serve, issue):
    before = files(issue)
    preview = serve(issue)
    for action, fields in [
        ("make-lead", {"story": "03-japan-snap-election.md"}),
        ("move-story", {"story": "02-eu-enlargement.md", "line": "1", "step": "down"}),
    ]:
        answer = post_form_from_elsewhere(desk.new_page(), editors, preview.url + action, fields)
        assert "only from the preview's own page" in answer
    assert files(issue) == before


@pytest.mark.parametrize(
    "path, fields, message",
    [
        ("/make-lead", {"story": "../outside.md"}, "'../outside.md' is not a story file of this issue folder"),
        ("/make-lead", {"story": "/etc/passwd"}, "is not a story file of this issue folder"),
        ("/make-lead", {"story": "issue.toml"}, "is not a story file of this issue folder"),
        ("/make-lead", {"story": "photos"}, "is not a story file of this issue folder"),
        (
            "/make-lead",
            {"story": "09-gone.md"},
            "'09-gone.md' is not a story file of this issue folder (was it renamed",
        ),
        ("/move-story", {"story": "../outside.md", "line": "1", "step": "down"}, "is no story below the lead"),
        ("/move-story", {"story": "02-eu-enlargement.md", "line": "1", "step": "sideways"}, "up or down"),
        ("/move-story", {"story": "02-eu-enlargement.md", "line": "x", "step": "up"}, "a number"),
        ("/move-story", {"story": "02-eu-enlargement.md", "line": "1", "step": "up"}, "is first in 'Geopolitics'"),
        ("/move-story", {"story": "05-explainer.md", "line": "1", "step": "down"}, "is last in 'Elections' already"),
        ("/move-story", {"story": "01-colombia-runoff.md", "line": "1", "step": "down"}, "is the lead"),
    ],
)
def test_an_order_names_only_the_folder_s_own_stories(serve, issue, path, fields, message):
    (issue.parent / "outside.md").write_text("---\nheadline: Outside\n---\n", encoding="utf-8")
    (issue / "photos").mkdir()
    before = files(issue)
    preview = serve(issue)
    status, answer = write(preview, path, fields)
    assert status == 422 and message in answer["error"], answer
    assert files(issue) == before


def test_a_move_that_would_overwrite_moves_nothing(serve, issue):
    """Sahel's new name is taken (by a folder, which is no story): neither file is renamed nor changed."""
    (issue / "02-sahel-mediation.md").mkdir()
    before = files(issue)
    status, answer = write(serve(issue), "/move-story", {"story": "02-eu-enlargement.md", "line": "1", "step": "down"})
    assert status == 422 and "02-sahel-mediation.md: exists already: nothing was moved" in answer["error"], answer
    assert files(issue) == before
    assert not [path for path in issue.iterdir() if path.name.startswith(".")]


def test_two_files_named_alike_but_for_their_numbers_trade_their_contents(serve, issue):
    """Two pages added without a headline are both named `story`: trading their numbers is trading what they hold."""
    six = "---\nheadline: Six\nsection: Geopolitics\npriority: -5\n---\n\nSix.\n"
    seven = "---\nheadline: Seven\nsection: Geopolitics\npriority: -5\n---\n\nSeven.\n"
    (issue / "06-story.md").write_text(six, encoding="utf-8")
    (issue / "07-story.md").write_text(seven, encoding="utf-8")
    preview = serve(issue)
    status, answer = write(preview, "/move-story", {"story": "06-story.md", "line": "1", "step": "down"})
    assert (status, answer["written"], answer["headlines"]) == (200, ["07-story.md", "06-story.md"], ["Six", "Seven"])
    assert (issue / "06-story.md").read_text("utf-8") == seven
    assert (issue / "07-story.md").read_text("utf-8") == six
    assert not [path for path in issue.iterdir() if path.name.startswith(".")]


@pytest.mark.parametrize(
    "rename, message",
    [
        ({"04-sahel-mediation.md": "sahel-mediation.md"}, "sahel-mediation.md has no number to trade"),
        ({"04-sahel-mediation.md": "02-sahel-mediation.md"}, "02- starts more than one story's name"),
    ],
)
def test_a_move_needs_the_numbers_the_files_trade(serve, issue, rename, message):
    for old, new in rename.items():
        (issue / old).rename(issue / new)
    before = files(issue)
    status, answer = write(serve(issue), "/move-story", {"story": "02-eu-enlargement.md", "line": "1", "step": "down"})
    assert status == 422 and message in answer["error"], answer
    assert files(issue) == before


def test_a_pasted_page_without_front_matter_is_given_some_for_its_priority():
    from newsletter.readers import read

    page = (Path(__file__).parent / "pages" / "moscow-times.txt").read_text("utf-8")
    path = Path("06-moscow.txt")
    given = with_priority(page, 1, path)
    assert given == "---\npriority: 1\n---\n" + page
    (before,), (after,) = read(path, [], page.encode()).stories[:1], read(path, [], given.encode()).stories[:1]
    assert (after.priority, after.headline, after.body) == (1, before.headline, before.body)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "---\r\nheadline: A\r\npriority: 2   # above the rest\r\n---\r\nBody.\r\n",
            "---\r\nheadline: A\r\npriority: -1   # above the rest\r\n---\r\nBody.\r\n",
        ),
        ("\ufeff---\nheadline: A\n---\nBody.\n", "\ufeff---\nheadline: A\npriority: -1\n---\nBody.\n"),
    ],
    ids=["crlf-and-comment", "bom"],
)
def test_a_priority_is_written_on_its_own_line_and_the_rest_is_kept(text, expected):
    assert with_priority(text, -1, Path("03-a.md")) == expected


SETTINGS = """\
# Settings for this issue only.
# lead = "01-old.md"      (a comment: left alone)
number = 49
lead = 'old.md'   # the week's lead
intro = \"\"\"
lead = "not-a-key.md"
\"\"\"

[brand]
name = "The Ballot Brief"
"""


@pytest.mark.parametrize(
    "text, expected",
    [
        (SETTINGS, SETTINGS.replace("lead = 'old.md'   #", 'lead = "03-new.md"   #')),
        (
            SETTINGS.replace("lead = 'old.md'   # the week's lead\n", ""),
            SETTINGS.replace("lead = 'old.md'   # the week's lead\n", "").replace(
                "number = 49", 'lead = "03-new.md"\nnumber = 49'
            ),
        ),
        ("", 'lead = "03-new.md"\n'),
        ("[brand]\r\nname = 'x'\r\n", "lead = \"03-new.md\"\r\n[brand]\r\nname = 'x'\r\n"),
        ('lead="a\\"b.md"#x\n', 'lead="03-new.md"#x\n'),
    ],
    ids=["replaced", "added-after-comments", "empty", "crlf-table-first", "escaped-quote"],
)
def test_issue_toml_s_lead_is_changed_on_its_line_alone(text, expected):
    assert with_lead(text, "03-new.md", Path("issue.toml")) == expected


def test_a_lead_line_that_cannot_be_changed_safely_is_refused():
    text = 'lead = """\n01-x.md"""\n'
    with pytest.raises(InputError, match='write lead = "03-new.md" there by hand'):
        with_lead(text, "03-new.md", Path("issue.toml"))
