"""The issue's shape around its stories: "In this issue" (contents), the editor's intro and sign-off, bylines
under headlines; set in issue.toml or, for every issue, newsletter.toml's [issue]; bad values named at their line.
The Markdown sample shows them all (its snapshots in tests/test_render/); a browser test follows the contents
links of the web version to their stories."""

from __future__ import annotations

import re

import pytest
from golden import DATE, EXAMPLE

from newsletter.build import build


def story(folder, name: str, headline: str, extra: str = "") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(
        f"---\nheadline: {headline}\nurl: https://news.example.org/{name}\nimage: false\n{extra}---\n\n"
        f"On {headline}.\n",
        "utf-8",
    )


def test_the_sample_shows_contents_intro_signoff_and_bylines(built_example):
    web = (built_example / "web.html").read_text("utf-8")
    text = (built_example / "email.txt").read_text("utf-8")
    email = (built_example / "email.html").read_text("utf-8")
    for page in (web, text, email):
        assert "In this issue" in page
        assert "Good morning. Colombia picks a president on Sunday" in page
        assert "— Ana Ruiz, editor" in page
        assert "By Ana Ruiz in Bogotá" in page and "By Tomás Novak" in page
    # Contents: the lead, then each section's heading and stories, in the issue's order.
    items = re.findall(r'<li class="nl-contents-(?:item|section)">(?:<a [^>]*>)?([^<]+)', web)
    assert items == [
        "Colombia’s runoff turns on turnout in the Caribbean coast",
        "Geopolitics",
        "Brussels delays its verdict on the next enlargement round",
        "Sahel talks: mediators try again in Lomé",
        "Elections",
        "Japan’s prime minister floats a snap election for February",
        "Explainer: how a runoff count works, step by step",
    ]
    # In the email each entry links to the story's own page (links within a message are not followed everywhere).
    links = [re.search(r'href="([^"]+)"', tag).group(1) for tag in re.findall(r"<a [^>]*nl-contents-link[^>]*>", email)]
    assert links == [
        f"https://news.example.org/2026/11/{name}"
        for name in ("colombia-runoff", "eu-enlargement", "sahel-talks", "japan-snap-election", "runoff-explainer")
    ]
    # The intro comes after the contents and before the lead; the sign-off after the last section.
    assert web.index("In this issue") < web.index("Good morning") < web.index('class="lead"')
    assert web.index("Explainer: how a runoff count works") < web.rindex("— Ana Ruiz, editor")
    assert '<img src="https://news.example.org/brand/logo.png" alt="The Ballot Brief"' in web


def test_the_contents_links_of_the_web_version_reach_their_stories(built_example, page):
    page.goto((built_example / "web.html").as_uri())
    links = page.locator("a.nl-contents-link")
    assert links.count() == 5
    for index in range(links.count()):
        link = links.nth(index)
        title, anchor = link.inner_text(), link.get_attribute("href")
        link.click()
        page.wait_for_function("hash => location.hash === hash", arg=anchor)
        target = page.locator(anchor)
        assert target.count() == 1, anchor
        # The story is scrolled to the top of the window, and its headline is the entry's title.
        top = target.evaluate("element => element.getBoundingClientRect().top")
        assert abs(top) < 2, (anchor, top)
        assert title in target.inner_text()


def test_newsletter_toml_gives_every_issue_contents_and_a_signoff_which_issue_toml_overrides(workdir, cli):
    (workdir / "newsletter.toml").write_text(
        '[issue]\ncontents = true\nsignoff = "Until next week. — *The desk*"\n', "utf-8"
    )
    story(workdir / "a", "01-lead.md", "A lead", "byline: Ana Ruiz\n")
    story(workdir / "a", "02-more.md", "More news")
    result = cli("build", "a", "--out", "out-a", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    text = (workdir / "out-a" / "email.txt").read_text("utf-8")
    assert "In this issue" in text and "Until next week. — The desk" in text and "By Ana Ruiz" in text
    (workdir / "a" / "issue.toml").write_text('contents = false\nsignoff = "See you Friday."\n', "utf-8")
    result = cli("build", "a", "--out", "out-b", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    text = (workdir / "out-b" / "email.txt").read_text("utf-8")
    assert "In this issue" not in text and "See you Friday." in text and "Until next week" not in text


@pytest.mark.parametrize(
    ("file", "content", "message"),
    [
        ("a/issue.toml", 'subject = "S"\ncontents = "yes"\n', "error: a/issue.toml:2: contents must be true or false"),
        (
            "a/issue.toml",
            "intro = 3\n",
            'error: a/issue.toml:1: intro must be Markdown text in quotes: intro = """..."""',
        ),
        (
            "a/issue.toml",
            'subject = "S"\nintro = """\nHello [there](javascript:alert(1))\n"""\n',
            "error: a/issue.toml:3: link 'javascript:alert(1)' uses javascript:",
        ),
        ("newsletter.toml", "[issue]\ncontent = true\n", "error: newsletter.toml:2: unknown key(s) 'content'"),
    ],
)
def test_a_bad_shape_setting_is_named_at_its_line(workdir, cli, file, content, message):
    story(workdir / "a", "01-lead.md", "A lead")
    (workdir / file).write_text(content, "utf-8")
    result = cli("build", "a", "--out", "out")
    assert result.exit_code == 1, result.output
    assert result.output.startswith(message), result.output
    assert not (workdir / "out").exists()


def test_no_byline_under_a_title_made_up_from_a_teaser(tmp_path):
    folder = tmp_path / "issue"
    story(folder, "01-lead.md", "A lead")
    (folder / "02-item.md").write_text(
        "---\nteaser: Something happened. More followed.\nbyline: Ana Ruiz\nimage: false\n---\n", "utf-8"
    )
    out = build(folder, out=tmp_path / "out", date=DATE).out
    assert "By Ana Ruiz" not in (out / "web.html").read_text("utf-8")


def test_the_sample_issue_settings_name_every_shape_key():
    settings = (EXAMPLE / "issue.toml").read_text("utf-8")
    assert all(f"\n{key} = " in settings for key in ("contents", "intro", "signoff"))


def test_a_picture_in_the_intro_is_left_out_and_named_at_its_line(workdir, cli):
    story(workdir / "a", "01-lead.md", "A lead")
    intro = 'subject = "S"\nintro = """\nWelcome back.\n\n![The desk](https://news.example.org/desk.jpg)\n"""\n'
    (workdir / "a" / "issue.toml").write_text(intro, "utf-8")
    result = cli("build", "a", "--out", "out", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    assert "a/issue.toml:5: a picture in the text is left out: 'The desk'" in result.output
    assert "The desk" not in (workdir / "out" / "email.txt").read_text("utf-8")
