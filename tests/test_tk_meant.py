"""A TK that is meant (a name, a code), declared by its phrase under [tk] meant in issue.toml (or, for every issue, in
newsletter.toml): check, the build's count, a list send and publish let it go; every other TK is still a
placeholder."""

from __future__ import annotations

from pathlib import Path

import pytest

HINT = (
    "if it is meant (a name, a code), add its phrase to [tk] meant in issue.toml for this issue, or in newsletter.toml "
    "for every issue (a brand's own name)"
)
ISSUE = Path("issues/2026-12-01")
STORY = """\
---
headline: "Beiträge steigen: die TK erhöht den Zusatzbeitrag"
url: https://news.example.org/tk-beitrag
---

Zum Januar erhöhen viele Kassen die Beiträge, und auch die Techniker Krankenkasse (TK) zieht mit.

**TK**-Chef Jens Baas nennt die Kosten der Kliniken als Grund, und die TK sei nicht allein.
"""
MEANT = '[tk]\nmeant = ["Techniker Krankenkasse (TK)", "die TK", "TK-Chef"]\n'


def write_issue(story: str = STORY, settings: str = MEANT, brand: str = "") -> None:
    """A German issue about the health insurer TK, with a site to publish to; `brand`: newsletter.toml's first lines,
    before its [brand]."""
    Path("newsletter.toml").write_text(
        f'{brand}[brand]\nname = "Gesundheit Heute"\nlanguage = "de"\nweb_base_url = "https://news.example.org/issues"\n',
        encoding="utf-8",
    )
    ISSUE.mkdir(parents=True)
    (ISSUE / "issue.toml").write_text(f"number = 3\ndate = 2026-12-01\n{settings}", encoding="utf-8")
    (ISSUE / "01-lead.md").write_text(story, encoding="utf-8")


def test_a_story_about_die_tk_declared_meant_passes_check_and_publish(workdir, cli):
    """A story about the Techniker Krankenkasse could not go out: each "TK" was a placeholder to check, and send and
    publish refused the issue. Its phrases declared, it builds without a placeholder, checks with no error (the
    text version's line ends inside "Techniker Krankenkasse (TK)", the email sets "**TK**-Chef" in two tags) and
    publishes."""
    write_issue()
    built = cli("build", str(ISSUE))
    assert built.exit_code == 0, built.output
    assert "placeholder" not in built.output
    text = Path("build/2026-12-01-issue-3/email.txt").read_text("utf-8")
    assert "die Techniker\nKrankenkasse (TK) zieht mit." in text
    checked = cli("check")
    assert checked.exit_code == 0, checked.output
    assert "still holds" not in checked.output
    published = cli("publish")
    assert published.exit_code == 0, published.output
    page = Path("site/2026-12-01-issue-3/web.html").read_text("utf-8")
    assert "Techniker Krankenkasse (TK) zieht mit" in page


@pytest.mark.parametrize(
    "settings, brand",
    [
        (MEANT, ""),
        # The brand's phrase in newsletter.toml, the issue's own in issue.toml: both apply.
        ('[tk]\nmeant = ["die TK", "TK-Chef"]\n', '[tk]\nmeant = ["Techniker Krankenkasse (TK)"]\n\n'),
    ],
    ids=["issue.toml", "newsletter.toml and issue.toml"],
)
def test_another_bare_tk_in_the_same_story_still_fails_naming_that_one(workdir, cli, settings, brand):
    """Declaring the TK that is meant lets no other through: the one placeholder is counted by the build, named by
    check with the words around it (its paragraph holds a TK that is meant too), and publish refuses the issue."""
    write_issue(STORY + "\nMehr dazu sagt die TK in der nächsten Ausgabe, am TK.\n", settings=settings, brand=brand)
    built = cli("build", str(ISSUE))
    assert built.exit_code == 0, built.output
    assert "1 placeholder(s) left to fill in (TK, unfilled merge tags)" in built.output
    checked = cli("check")
    assert checked.exit_code == 1
    named = [line for line in checked.output.splitlines() if "still holds" in line]
    assert named == [
        f"error: {ISSUE}/01-lead.md:1: the body still holds 'TK' at \"nächsten Ausgabe, am TK.\": fill it in; "
        f"{HINT} (Beiträge steigen: die TK erhöht den Zusatzbeitrag)"
    ]
    refused = cli("publish")
    assert refused.exit_code == 1
    assert refused.output.startswith(
        "error: build/2026-12-01-issue-3: still holds 1 placeholder(s) (TK, unfilled merge tags), which check calls "
        f"not safe to send ({ISSUE}/01-lead.md:1: the body still holds 'TK' at \"nächsten Ausgabe, am TK.\""
    )
    assert not Path("site").exists()


def test_without_the_setting_the_error_names_it(workdir, cli):
    """An editor whose story names the TK met an error that said only "fill it in", with no way to say the TK is
    meant; now each error says where to declare it."""
    write_issue(settings="")
    assert cli("build", str(ISSUE)).exit_code == 0
    checked = cli("check")
    assert checked.exit_code == 1
    assert (
        f"error: {ISSUE}/01-lead.md:1: the headline still holds 'TK': fill it in; {HINT} (Beiträge steigen: die TK "
        "erhöht den Zusatzbeitrag)"
    ) in checked.output.splitlines()
    named = [line for line in checked.output.splitlines() if "still holds 'TK'" in line]
    assert named and all(HINT in line for line in named), named


def test_the_error_names_both_places_a_tk_can_be_declared_meant(workdir, cli):
    """The error named only issue.toml, though a brand's own name, meant in every issue, goes in newsletter.toml:
    the one line names both, each with what it is for."""
    write_issue(settings="")
    assert cli("build", str(ISSUE)).exit_code == 0
    checked = cli("check")
    assert (
        "error: the subject still holds 'TK': fill it in; if it is meant (a name, a code), add its phrase to [tk] "
        "meant in issue.toml for this issue, or in newsletter.toml for every issue (a brand's own name)"
    ) in checked.output.splitlines()


def test_tk_alone_means_every_tk_of_the_issue(workdir, cli):
    """`meant = ["TK"]`: the editor's word that every TK of this issue is meant."""
    write_issue(STORY + "\nTK und TKTK.\n", settings='[tk]\nmeant = ["TK"]\n')
    assert cli("build", str(ISSUE)).exit_code == 0
    checked = cli("check")
    assert checked.exit_code == 0, checked.output


def test_a_declared_phrase_leaves_the_new_issue_template_s_tks_placeholders(workdir, cli):
    """`newsletter new`'s example lead holds "TK Headline", "TK-link-to-the-full-story" and "TK-photo.jpg": a phrase
    that is meant ("TK-Chef") excuses none of them."""
    assert cli("new", "--date", "2026-12-01").exit_code == 0
    before = cli("build", str(ISSUE)).output
    assert "11 placeholder(s) left to fill in" in before
    with (ISSUE / "issue.toml").open("a", encoding="utf-8") as settings:
        settings.write('[tk]\nmeant = ["TK-Chef", "die TK"]\n')
    built = cli("build", str(ISSUE))
    assert built.exit_code == 0, built.output
    assert "11 placeholder(s) left to fill in" in built.output


@pytest.mark.parametrize(
    "settings, line, message",
    [
        (
            '[tk]\nmeant = "die TK"\n',
            4,
            '[tk] meant must be a list of the phrases in which TK is meant, such as meant = ["Techniker Krankenkasse '
            '(TK)", "TK-Chef"]',
        ),
        (
            '[tk]\nmeant = ["die TK", 3]\n',
            4,
            '[tk] meant must be a list of the phrases in which TK is meant, such as meant = ["Techniker Krankenkasse '
            '(TK)", "TK-Chef"]',
        ),
        (
            '[tk]\nmeant = [\n  "die TK",\n  "Techniker Krankenkasse",\n]\n',
            6,
            "[tk] meant: 'Techniker Krankenkasse' holds no TK; write the phrase as the story has it, its TK included",
        ),
        (
            'tk = ["die TK"]\n',
            3,
            'tk must be a table: write [tk] on a line of its own, then meant = ["Techniker Krankenkasse (TK)", '
            '"TK-Chef"]',
        ),
        (
            '[tk]\nphrases = ["die TK"]\n',
            3,
            "[tk] has no key 'phrases'; it takes the phrases in which TK is meant: meant = [\"Techniker Krankenkasse "
            '(TK)", "TK-Chef"]',
        ),
    ],
)
def test_a_bad_tk_setting_is_one_line_naming_the_file(workdir, cli, settings, line, message):
    write_issue(settings=settings)
    result = cli("build", str(ISSUE))
    assert result.exit_code == 1
    assert result.output == f"error: {ISSUE}/issue.toml:{line}: {message}\n"
    assert not Path("build").exists()


def test_a_tk_meant_in_every_issue_declared_in_newsletter_toml_passes_check_and_publish(workdir, cli):
    """A brand whose own name holds TK had to declare it in every issue's issue.toml: newsletter.toml refused a [tk]
    table as an unknown key. Declared there once, an issue without a [tk] of its own builds without a placeholder,
    checks with no error and publishes."""
    write_issue(settings="", brand=MEANT + "\n")
    built = cli("build", str(ISSUE))
    assert built.exit_code == 0, built.output
    assert "placeholder" not in built.output
    checked = cli("check")
    assert checked.exit_code == 0, checked.output
    assert "still holds" not in checked.output
    published = cli("publish")
    assert published.exit_code == 0, published.output
    assert "Techniker Krankenkasse (TK) zieht mit" in Path("site/2026-12-01-issue-3/web.html").read_text("utf-8")


@pytest.mark.parametrize(
    "brand, line, message",
    [
        (
            '[tk]\nmeant = "die TK"\n',
            2,
            '[tk] meant must be a list of the phrases in which TK is meant, such as meant = ["Techniker Krankenkasse '
            '(TK)", "TK-Chef"]',
        ),
        (
            '[tk]\nmeant = [\n  "die TK",\n  "Techniker Krankenkasse",\n]\n',
            4,
            "[tk] meant: 'Techniker Krankenkasse' holds no TK; write the phrase as the story has it, its TK included",
        ),
        (
            '[tk]\nphrases = ["die TK"]\n',
            1,
            "[tk] has no key 'phrases'; it takes the phrases in which TK is meant: meant = [\"Techniker Krankenkasse "
            '(TK)", "TK-Chef"]',
        ),
        ('tk = ["die TK"]\n', 1, "tk must be a table: write [tk] on a line of its own, then its keys"),
    ],
)
def test_a_bad_tk_setting_in_newsletter_toml_is_one_line_naming_it(workdir, cli, brand, line, message):
    write_issue(settings="", brand=brand)
    result = cli("build", str(ISSUE))
    assert result.exit_code == 1
    assert result.output == f"error: newsletter.toml:{line}: {message}\n"
    assert not Path("build").exists()
