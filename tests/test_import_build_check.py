"""The editor's hand-off, end to end: a page brought in with `import`, then `build`, then `check`. What the import
wrote builds, and what the build kept `check` does not refuse: a character the email cannot show is removed and
named when the page is read, not found only by `check` after the build."""

from __future__ import annotations

import json

import pytest
from golden import SEED

PAGE = SEED.read_text("utf-8")
OPENING = "President Volodymyr Zelensky is urging"


@pytest.mark.parametrize(
    "glyph",
    [
        "\ue621",  # an icon font's glyph (a Chinese site's share icon), pasted with the text
        "\uf8ff",  # Apple's logo, in the private use area: a blank box on other systems
        "\U000f0001",  # the private use planes past the BMP
    ],
)
def test_an_icon_glyph_pasted_into_the_article_is_removed_and_named_by_the_build(workdir, cli, glyph):
    (workdir / "page.txt").write_text(PAGE.replace(OPENING, f"{glyph} {OPENING}"), "utf-8")
    imported = cli("import", "page.txt", "--to", "issue", "--lead")
    assert imported.exit_code == 0, imported.output
    assert f"removed 1 invisible character(s) (U+{ord(glyph):04X})" in imported.output
    built = cli("build", "issue", "--out", "out", "--date", "2026-12-06")
    assert built.exit_code == 0, built.output
    checked = cli("check", "out", "--format", "json")
    errors = [finding for finding in json.loads(checked.stdout)["findings"] if finding["level"] == "error"]
    assert (checked.exit_code, errors) == (0, [])
    assert glyph not in (workdir / "out" / "email.html").read_text("utf-8")


def test_a_lead_of_a_headline_alone_is_named_by_the_build_for_the_preheader_check_refuses(workdir, cli):
    # What `import` writes of a page whose article it could not find (a photo gallery: 0 words kept)
    (workdir / "issue").mkdir()
    (workdir / "issue" / "01-gallery.md").write_text("---\nheadline: The old mine's machines go on the wall\n---\n")
    built = cli("build", "issue", "--out", "out", "--date", "2026-12-06", "--verbose")
    assert built.exit_code == 0, built.output
    assert (
        "issue/01-gallery.md:1: no preheader: the lead has no text to take the inbox's line after the subject from"
    ) in built.output
    checked = cli("check", "out")
    assert "the preheader is empty" in checked.output
