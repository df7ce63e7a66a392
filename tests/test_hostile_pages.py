"""Broken and hostile pages through the editor's hand-off (`import`, then `build`): each becomes a story, with what
was wrong named, or one line naming the page; never a traceback, a hang or a refusal for the wrong reason."""

from __future__ import annotations

import pytest

ARTICLE = "".join(
    f"<p>{sentence} The council met on Tuesday to vote on the budget for the coming year, and it passed.</p>"
    for sentence in (
        "The vote came late in the evening.",
        "Two members asked for more time to read the plan.",
        "The mayor said the roads would come first.",
        "Schools get a larger share than last year.",
        "The library keeps its Sunday hours.",
        "A public hearing is set for next month.",
    )
)


def saved_page(head: str = "", body: str = "") -> str:
    return (
        "<!doctype html><html><head><title>Council passes the budget | Riverside Gazette</title>"
        f"{head}</head><body><article><h1>Council passes the budget</h1>{ARTICLE}{body}</article></body></html>"
    )


def test_a_lone_surrogate_escape_in_json_ld_is_a_broken_character_flagged_not_a_refused_page(workdir, cli):
    # A site that cut its headline inside an emoji: JSON's "\ud83d" without the half after it
    json_ld = '{"@type": "NewsArticle", "headline": "Council passes the budget \\ud83d"}'
    script = f'<script type="application/ld+json">{json_ld}</script>'
    (workdir / "page.html").write_text(saved_page(script), "utf-8")
    imported = cli("import", "page.html", "--to", "issue", "--lead")
    assert imported.exit_code == 0, imported.output
    assert (
        "page.html:1: the headline is a guess: it holds characters the page's charset could not read (�) "
        "(Council passes the budget �)"
    ) in imported.output
    story = (workdir / "issue" / "01-council-passes-the-budget.md").read_text()
    assert "headline: Council passes the budget �\n" in story
    built = cli("build", "issue", "--out", "out", "--date", "2026-12-06")
    assert built.exit_code == 0, built.output


@pytest.mark.parametrize("kind", ["5", '{"@id": "#article"}', "null"])
def test_json_ld_whose_type_is_no_name_is_passed_over(workdir, cli, kind):
    script = f'<script type="application/ld+json">{{"@type": {kind}, "headline": "Not this"}}</script>'
    (workdir / "page.html").write_text(saved_page(script), "utf-8")
    imported = cli("import", "page.html", "--to", "issue", "--lead")
    assert imported.exit_code == 0, imported.output
    assert "wrote issue/01-council-passes-the-budget.md" in imported.output
