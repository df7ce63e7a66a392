"""`import` without traps: one lead only when asked (--lead), and front matter at the top of a pasted .txt page
read like a Markdown story's, or refused at its line; never ignored."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from golden import SEED

PAGE = SEED.read_text("utf-8")


def test_importing_two_pages_into_one_issue_builds_with_one_lead(workdir, cli):
    (workdir / "one.txt").write_text(PAGE, "utf-8")
    (workdir / "two.txt").write_text(PAGE.replace("Zelensky asks the West", "Kyiv asks Berlin"), "utf-8")
    for page in ("one.txt", "two.txt"):
        result = cli("import", page, "--to", "issue")
        assert result.exit_code == 0, result.output
    stories = sorted((workdir / "issue").glob("*.md"))
    assert not [path.name for path in stories if "\nlead: true\n" in path.read_text("utf-8")]
    result = cli("build", "issue", "--out", "out", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    assert "two stories are marked lead" not in result.output


def test_import_lead_marks_the_pages_article_only(workdir, cli):
    (workdir / "page.txt").write_text(PAGE, "utf-8")
    result = cli("import", "page.txt", "--to", "issue", "--lead")
    assert result.exit_code == 0, result.output
    leads = [path.name for path in (workdir / "issue").glob("*.md") if "\nlead: true\n" in path.read_text("utf-8")]
    assert leads == ["01-zelensky-asks-the-west-again-for.md"]


def test_import_lead_into_an_issue_new_started_says_issue_toml_keeps_its_lead(workdir, cli):
    assert cli("new", "--date", "2026-12-01").exit_code == 0
    (workdir / "page.txt").write_text(PAGE, "utf-8")
    result = cli("import", "page.txt", "--to", "issues/2026-12-01", "--lead")
    assert result.exit_code == 0, result.output
    assert (
        "  issues/2026-12-01/issue.toml:4: names 01-lead.md as the lead, which a build keeps over "
        '02-zelensky-asks-the-west-again-for.md\'s `lead: true`: write lead = "02-zelensky-asks-the-west-again-for.md" '
        "there to make it the lead\n"
    ) in result.output


def test_front_matter_at_the_top_of_a_pasted_page_sets_the_article(workdir, cli):
    front = (
        '---\nheadline: "Zelensky presses the West"\nurl: https://www.gzeromedia.com/zelensky\nbyline: Ana Ruiz\n---\n'
    )
    (workdir / "page.txt").write_text(front + PAGE, "utf-8")
    result = cli("build", "page.txt", "--out", "out", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    assert "lead: Zelensky presses the West" in result.output
    lead = json.loads((workdir / "out" / "issue.json").read_text("utf-8"))["lead"]
    assert (lead["url"], lead["byline"]) == ("https://www.gzeromedia.com/zelensky", "Ana Ruiz")
    # The page's own lines keep their numbers: the article's headline line moved down by the five lines above it.
    assert lead["source"] == {"file": "page.txt", "line": 6}
    assert "More from GZERO Media: 5 item(s)" in result.output


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("---\nheadline: [oops\n---\n", "error: page.txt:2: front matter is not valid YAML"),
        ("---\nheadlin: Kyiv\n---\n", "error: page.txt:2: unknown key(s) 'headlin' (did you mean 'headline'?)"),
        ("---\nheadline: Kyiv\n", "error: page.txt:1: front matter opened on line 1 is never closed with '---'"),
        ("---\nurl: javascript:alert(1)\n---\n", "error: page.txt:2: url: link 'javascript:alert(1)' uses javascript:"),
    ],
)
def test_bad_front_matter_in_a_pasted_page_is_refused_at_its_line(workdir, cli, front, message):
    (workdir / "page.txt").write_text(front + PAGE, "utf-8")
    for command in (["build", "page.txt", "--out", "out"], ["import", "page.txt", "--to", "issue"]):
        result = cli(*command)
        assert result.exit_code == 1, result.output
        assert result.output.startswith(message), result.output
        assert not (workdir / "out").exists() and not (workdir / "issue").exists()


def test_a_broken_story_in_the_folder_does_not_stop_importing_another_page(workdir, cli):
    (workdir / "issue").mkdir()
    (workdir / "issue" / "01-note.md").write_text("---\nheadline: A note from the editor: three years\n---\n\nHi.\n")
    (workdir / "page.txt").write_text(PAGE, "utf-8")
    result = cli("import", "page.txt", "--to", "issue")
    assert result.exit_code == 0, result.output
    assert "wrote issue/02-zelensky-asks-the-west-again-for.md" in result.output
    assert (
        "  issue/01-note.md:2: could not be read, so it was not checked for this page's article: front matter is not "
        'valid YAML: mapping values are not allowed here; put the value in quotes: headline: "A note from the editor: '
        'three years"\n'
    ) in result.output
    again = cli("import", "page.txt", "--to", "issue")  # the files that can be read are still checked
    assert again.exit_code == 1
    assert "already holds this page's article: issue/02-zelensky-asks-the-west-again-for.md" in again.output
    build = cli("build", "issue", "--out", "out")
    assert build.exit_code == 1
    assert "error: issue/01-note.md:2: front matter is not valid YAML" in build.output
    assert not (workdir / "out").exists()


def test_a_page_that_opens_with_a_rule_is_still_a_page(workdir, cli):
    (workdir / "page.txt").write_text("---\n\n" + PAGE, "utf-8")
    result = cli("build", "page.txt", "--out", "out", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    assert "lead: Zelensky asks the West (again) for expanded weapon use" in result.output


# --- a guessed headline stays flagged in the Markdown import writes ----------------------------------------------

UNSURE = (
    "Weekend Edition\nA Note From the Desk\n"
    "Regional governments across Russia are preparing for a year of cuts after the Finance Ministry told them to "
    "expect smaller transfers from Moscow, according to budget documents reviewed by reporters.\n"
    "The documents show that at least 30 of the country's 89 regions plan to freeze public sector wages next year, "
    "while a dozen have postponed road and school construction.\n"
)


def test_a_guessed_headline_stays_flagged_in_the_markdown_until_the_editor_deletes_the_flag(workdir, cli):
    (workdir / "page.txt").write_text(UNSURE, "utf-8")
    result = cli("import", "page.txt", "--to", "issue")
    assert result.exit_code == 0, result.output
    assert "page.txt:2: the headline is a guess" in result.output
    [story] = (workdir / "issue").glob("*.md")
    front = story.read_text("utf-8").split("---\n")[1].splitlines()
    assert front[:4] == [
        "headline: A Note From the Desk",
        "# The reader was not sure this is the page's headline: every build warns until you check it",
        "# and delete the next line.",
        "headline_unsure: true",
    ]
    # Every later build warns, at the flag's line, and `check` of the build shows it
    for _ in range(2):
        result = cli("build", "issue", "--out", "out", "--date", "2026-11-24")
        assert result.exit_code == 0, result.output
        assert f"{story.relative_to(workdir)}:5: the headline is a guess" in result.output
    result = cli("check", "out")
    assert "the headline is a guess" in result.output
    assert "delete the line 'headline_unsure: true'" in result.output
    # The editor confirms the headline by deleting the line: no more warning
    story.write_text(story.read_text("utf-8").replace("headline_unsure: true\n", ""), "utf-8")
    result = cli("build", "issue", "--out", "out2", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    assert "headline is a guess" not in result.output


def test_a_headline_made_from_the_first_sentence_is_flagged_too(workdir, cli):
    (workdir / "page.txt").write_text(UNSURE.split("\n", 2)[2], "utf-8")
    result = cli("import", "page.txt", "--to", "issue")
    assert result.exit_code == 0, result.output
    [story] = (workdir / "issue").glob("*.md")
    assert "\nheadline_unsure: true\n" in story.read_text("utf-8")
    result = cli("build", "issue", "--out", "out", "--date", "2026-11-24")
    assert "the headline is a guess" in result.output


def test_a_headline_the_reader_is_sure_of_is_written_plain(workdir, cli):
    (workdir / "page.txt").write_text(PAGE, "utf-8")
    assert cli("import", "page.txt", "--to", "issue").exit_code == 0
    assert not any("headline_unsure" in path.read_text("utf-8") for path in (workdir / "issue").glob("*.md"))


def test_import_url_gives_a_pasted_page_its_link_and_the_headline_its_page_names(workdir, cli):
    """The desk's reading of the page's address, from the command line: the page at --url (served on 127.0.0.1)
    names "A Note From the Desk" in Open Graph, which settles the guess the text alone left; the story links there."""
    from http_server import page, serve

    html = b'<html><head><meta property="og:title" content="A Note From the Desk"></head><body><p>x</p></body></html>'
    (workdir / "page.txt").write_text(UNSURE, "utf-8")
    with serve({"/2026/11/note-81723": page(html)}) as site:
        result = cli("import", "page.txt", "--url", f"{site.url}/2026/11/note-81723", "--to", "issue")
    assert result.exit_code == 0, result.output
    assert "guess" not in result.output, result.output
    [story] = (workdir / "issue").glob("*.md")
    text = story.read_text("utf-8")
    assert text.startswith(f"---\nheadline: A Note From the Desk\nurl: {site.url}/2026/11/note-81723\n"), text
    assert "headline_unsure" not in text


@pytest.mark.parametrize(
    ("page", "url", "message"),
    [
        ("page.html", "https://news.example.org/story", "--url gives a pasted page (.txt) its address"),
        ("page.txt", "https://editor:secret@news.example.org/story", "the page's address must be the web address"),
        ("page.txt", "news.example.org/story", "the page's address must be the web address"),
    ],
)
def test_import_url_is_refused_for_a_saved_page_or_an_address_that_is_none(workdir, cli, page, url, message):
    (workdir / page).write_text(UNSURE if page.endswith(".txt") else "<html><body><p>x</p></body></html>", "utf-8")
    result = cli("import", page, "--url", url, "--to", "issue")
    assert result.exit_code == 1 and message in result.output, result.output
    assert "secret" not in result.output and "Traceback" not in result.output
    assert not (workdir / "issue").exists() or not list((workdir / "issue").iterdir())


# --- a related list is the issue's "More from" only on the brand's own page ----------------------------------

MOSCOW = Path(__file__).parent / "pages" / "moscow-times.txt"
MOSCOW_ITEMS = [
    "Kremlin Names New Central Bank Deputy as Inflation Stays High",
    "Wheat Exports Hit a Record as Ukraine Talks Stall Again",
    "Moscow's Metro Expansion Slows Amid Budget Squeeze",
]


def headlines(folder):
    return [path.read_text("utf-8").split("\n")[1].removeprefix("headline: ") for path in sorted(folder.glob("*.md"))]


def test_with_no_brand_named_a_page_s_read_more_list_is_left_out_and_named(workdir, cli):
    result = cli("import", str(MOSCOW), "--to", "issue")
    assert result.exit_code == 0, result.output
    assert (
        f"  {MOSCOW}:24: left out the 'Read more' list (3 stories): the page is The Moscow Times's, and no brand "
        "name is set for the issue ([brand] name in newsletter.toml)\n"
    ) in result.output
    assert len(headlines(workdir / "issue")) == 1
    assert not (workdir / "issue" / "issue.toml").exists()


@pytest.mark.parametrize("where", ["newsletter.toml", "issue/issue.toml"])
def test_on_the_brand_s_own_page_the_list_comes_in_as_more_from_stories(workdir, cli, where):
    (workdir / "issue").mkdir()
    (workdir / where).write_text('[brand]\nname = "The Moscow Times"\n', "utf-8")
    result = cli("import", str(MOSCOW), "--to", "issue")
    assert result.exit_code == 0, result.output
    assert "left out the 'Read more' list" not in result.output
    assert headlines(workdir / "issue")[1:] == MOSCOW_ITEMS


def test_another_site_s_more_from_list_does_not_rebrand_the_issue(workdir, cli):
    (workdir / "newsletter.toml").write_text('[brand]\nname = "The Ballot Brief"\n', "utf-8")
    (workdir / "page.txt").write_text(PAGE, "utf-8")
    result = cli("import", "page.txt", "--to", "issue")
    assert result.exit_code == 0, result.output
    assert (
        "left out the 'More from GZERO Media' list (5 stories): the page is GZERO Media's, not The Ballot Brief's"
    ) in result.output
    assert len(headlines(workdir / "issue")) == 1
    assert not (workdir / "issue" / "issue.toml").exists()


ARABIC = """\
مصر تصوت في الانتخابات الرئاسية

القاهرة — توجه الناخبون المصريون إلى صناديق الاقتراع يوم الأحد لاختيار رئيس جديد للبلاد، في انتخابات تستمر ثلاثة \
أيام وسط إجراءات أمنية مشددة.

وقالت الهيئة الوطنية للانتخابات إن نسبة المشاركة في اليوم الأول بلغت نحو عشرين في المئة، وهي نسبة أعلى مما كان متوقعا.

ويتنافس في الانتخابات أربعة مرشحين، بينهم الرئيس الحالي الذي يسعى لولاية ثالثة.
"""


def test_story_files_are_named_in_latin_letters_and_a_headline_of_symbols_by_the_opening(workdir, cli):
    """An Arabic headline names its file in Latin letters; a headline of symbols alone leaves nothing to name it, so
    the story's opening does, not a word that says nothing ('issue') twice."""
    (workdir / "arabic.txt").write_text(ARABIC, "utf-8")
    (workdir / "stars.txt").write_text('---\nheadline: "★ ★ ★"\n---\n' + ARABIC, "utf-8")
    beirut = ARABIC.replace("القاهرة — توجه الناخبون المصريون", "بيروت — قال مسؤولون لبنانيون")
    (workdir / "ballots.txt").write_text('---\nheadline: "🗳️🗳️"\n---\n' + beirut, "utf-8")
    for page in ("arabic.txt", "stars.txt", "ballots.txt"):
        result = cli("import", page, "--to", "issue")
        assert result.exit_code == 0, result.output
    assert sorted(path.name for path in (workdir / "issue").glob("*.md")) == [
        "01-msr-tswt-fy-lntkhbt-lrisyh.md",
        "02-lqhrh-twjh-lnkhbwn-lmsrywn-la-sndyq-lqtr.md",
        "03-byrwt-ql-msuwlwn-lbnnywn-la-sndyq-lqtr.md",
    ]


LONG_ALT = Path(__file__).parent / "pages" / "long-alt.html"  # its photo's alt text is 2,639 characters


def test_a_saved_page_whose_photo_text_no_story_file_holds_is_imported_without_it_named(workdir, cli):
    """A saved page whose photo's alt text is 2,639 characters builds as it is, but `import` wrote a story whose front
    matter holds it, and the next build refused the story it wrote ('image.alt: is 2,639 characters long, over the
    2,000 a alt may have; shorten it'); the import then refused the page, which the editor cannot shorten. Now the
    alt text is left out and named, and the story the import writes builds."""
    shutil.copy(LONG_ALT, workdir / "harbour.html")
    assert cli("build", "harbour.html", "--out", "out", "--date", "2026-11-24").exit_code == 0
    result = cli("import", "harbour.html", "--to", "issue")
    assert result.exit_code == 0, result.output
    assert (
        "harbour.html:1: left out the lead image's alt text, 2,639 characters long, longer than an alt text may be"
    ) in result.output
    built = cli("build", "issue", "--out", "again", "--date", "2026-11-24")
    assert built.exit_code == 0, built.output
    assert "lead: Harbour works begin on the north quay" in built.output
