"""The line an inbox shows after the subject, taken from the lead's first paragraph: a dateline a saved page sets
apart as a paragraph of its own ("KYIV, Ukraine (AP) —") was the whole of it; now the dateline leads the paragraph
after it, as agencies print the two, and the article keeps its dateline as the page has it."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

OPENING = (
    "The Senate passed a $12 billion storm relief bill on Thursday, sending money to the coastal counties flooded in "
    "October after weeks of talks between the two parties."
)
PAGE = """\
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Senate passes the storm relief bill | The Example Courier</title>
<meta property="og:url" content="https://courier.example.org/2026/11/20/storm-relief"></head>
<body><header><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav></header>
<article><h1>Senate passes the storm relief bill</h1>
<p class="dateline">{dateline}</p>
<p>{opening}</p>
<p>The bill now goes to the House, where leaders said they would bring it to a vote before the Thanksgiving recess,
and the president has said he would sign it.</p>
<p>Most of the money goes to rebuilding roads, bridges and water plants, with a smaller share for families whose
homes were damaged and who have no flood insurance.</p>
</article><footer>© 2026 The Example Courier</footer></body></html>
"""


def inbox_line(email: Path) -> str:
    """What an inbox shows of the email after its subject: the text its HTML opens with, the hidden preview text,
    up to the characters that show as nothing."""
    hidden = lxml.html.fromstring(email.read_bytes()).xpath("//body//div[starts-with(@style, 'display:none')]")[0]
    return hidden.text_content().split("\u034f")[0].strip()


@pytest.mark.parametrize(
    "dateline, shown",
    [
        (
            "KYIV, Ukraine (AP) —",
            "KYIV, Ukraine (AP) — The Senate passed a $12 billion storm relief bill on Thursday, ",
        ),
        ("LONDON, Nov 20 (Reuters) -", "LONDON, Nov 20 (Reuters) - The Senate passed a $12 billion storm relief bill "),
        ("BAAR, SWITZERLAND —", "BAAR, SWITZERLAND — The Senate passed a $12 billion storm relief bill on "),
        # A dateline without its dash is given one, as AP sets it
        ("BAAR, SWITZERLAND", "BAAR, SWITZERLAND — The Senate passed a $12 billion storm relief bill on "),
    ],
    ids=["AP", "Reuters", "place and dash", "place alone"],
)
def test_a_dateline_alone_on_a_saved_page_leads_the_preheader_and_is_not_all_of_it(workdir, cli, dateline, shown):
    (workdir / "issue").mkdir()
    (workdir / "issue" / "01-storm.html").write_text(PAGE.format(dateline=dateline, opening=OPENING), "utf-8")
    built = cli("build", "issue", "--out", "out", "--date", "2026-12-06")
    assert built.exit_code == 0, built.output
    line = inbox_line(workdir / "out" / "email.html")
    assert line.startswith(shown) and line.endswith("…"), line
    text = (workdir / "out" / "email.txt").read_text("utf-8")
    assert f"{dateline}\n\nThe Senate passed" in text, text  # the article as the page has it


def test_a_story_after_the_lead_shows_its_dateline_with_its_first_paragraph_in_its_card(workdir, cli):
    """The card of a story after the lead showed its teaser, the dateline alone, and nothing of the story."""
    (workdir / "issue").mkdir()
    (workdir / "issue" / "01-lead.md").write_text("---\nheadline: The lead\n---\n\nThe lead's own paragraph.\n")
    page = PAGE.format(dateline="KYIV, Ukraine (AP) —", opening=OPENING)
    (workdir / "issue" / "02-storm.html").write_text(page, "utf-8")
    assert cli("build", "issue", "--out", "out", "--date", "2026-12-06").exit_code == 0
    text = (workdir / "out" / "email.txt").read_text("utf-8")
    assert (
        "* Senate passes the storm relief bill [1]\n  KYIV, Ukraine (AP) — The Senate passed a $12 billion" in text
    ), text


def test_a_short_first_paragraph_that_is_no_dateline_is_still_the_preheader(workdir, cli):
    """A page's first paragraph of a few words that names no place ("Updated:", a label) is not joined to the next."""
    (workdir / "issue").mkdir()
    page = PAGE.format(dateline="A correction was appended to this story.", opening=OPENING)
    (workdir / "issue" / "01-storm.html").write_text(page, "utf-8")
    assert cli("build", "issue", "--out", "out", "--date", "2026-12-06").exit_code == 0
    assert inbox_line(workdir / "out" / "email.html") == "A correction was appended to this story."
