"""email.html in a real headless Chromium: widths, stacking, dark-mode contrast, and life without <style>.

Screenshots land in build/screenshots/ for a person to review.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from golden import DATE, ROOT, SEEDS

from newsletter.build import build

SHOTS = ROOT / "build" / "screenshots"
ISSUES = ("seed", "markdown")


@pytest.fixture(scope="module")
def built(tmp_path_factory, built_example):
    """Both golden issues' email.html: the Markdown sample as the run built it, the seed built for this module."""
    seed = build(SEEDS, out=tmp_path_factory.mktemp("built") / "seed", date=DATE).out
    return {"seed": seed / "email.html", "markdown": built_example / "email.html"}


def open_email(page, path: Path, width: int, *, dark: bool = False):
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme="dark" if dark else "light")
    # Block every request: images and fonts from the internet must not decide what the test sees.
    page.route("**/*", lambda route: route.abort() if not route.request.url.startswith("file:") else route.continue_())
    page.goto(path.as_uri())
    return page


def shoot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("issue", ISSUES)
@pytest.mark.parametrize("width", [320, 375, 600])
def test_email_has_no_horizontal_scroll(page, built, issue, width):
    open_email(page, built[issue], width)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width
    shoot(page, f"{issue}-{width}-light")


@pytest.mark.parametrize("issue", ISSUES)
def test_cards_sit_side_by_side_at_600_and_stack_at_375(page, built, issue):
    def card_boxes():
        boxes = page.eval_on_selector_all(
            ".nl-row",
            "rows => rows.map(row => Array.from(row.querySelectorAll('.nl-card')).map(card => {"
            " const box = card.getBoundingClientRect(); return [box.x, box.y, box.width]; }))",
        )
        return [row for row in boxes if len(row) == 2]

    open_email(page, built[issue], 600)
    wide = card_boxes()
    assert wide, "no row with two cards"
    for left, right in wide:
        assert left[1] == right[1] and right[0] > left[0]  # same line, next to each other
    open_email(page, built[issue], 375)
    narrow = card_boxes()
    assert len(narrow) == len(wide)
    for left, right in narrow:
        assert left[0] == right[0] and right[1] > left[1]  # same column, one below the other
        assert left[2] > 300  # full width, not squeezed


def luminance(rgb: str) -> float:
    values = [int(v) / 255 for v in re.findall(r"\d+", rgb)[:3]]
    linear = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in values]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


BACKGROUND_OF = """element => {
  for (let node = element; node; node = node.parentElement) {
    const colour = getComputedStyle(node).backgroundColor;
    if (colour && colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') return colour;
  }
  return 'rgb(255, 255, 255)';
}"""


@pytest.mark.parametrize("issue", ISSUES)
@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_lead_body_text_has_enough_contrast(page, built, issue, dark):
    open_email(page, built[issue], 375, dark=dark)
    paragraph = page.locator(".nl-p").first
    colour = paragraph.evaluate("element => getComputedStyle(element).color")
    background = paragraph.evaluate(BACKGROUND_OF)
    assert contrast(colour, background) >= 4.5, (colour, background)
    if dark:
        assert luminance(background) < 0.05, "dark mode should darken the page behind the text"
        for width in (375, 600):
            open_email(page, built[issue], width, dark=True)
            shoot(page, f"{issue}-{width}-dark")


@pytest.mark.parametrize("issue", ISSUES)
def test_inlined_styles_survive_without_style_elements(page, built, issue):
    """Some Gmail clients drop every <style>: the inlined look must not depend on them."""
    open_email(page, built[issue], 600)
    probe = """() => {
      const h1 = document.querySelector('h1');
      const link = document.querySelector('a.nl-link, a.nl-meta-link, a.nl-footer-link');
      return [getComputedStyle(h1).fontSize, getComputedStyle(h1).fontFamily, getComputedStyle(link).color];
    }"""
    before = page.evaluate(probe)
    page.evaluate("document.querySelectorAll('style').forEach(style => style.remove())")
    assert page.evaluate("document.querySelectorAll('style').length") == 0
    after = page.evaluate(probe)
    assert after == before
    assert before[0] == "30px"  # the headline really is styled, not the browser's default 2em


# What starts a line of text or a photo on the paper: every one of them should sit on one gutter.
LEFT_EDGES = """() => Array.from(document.querySelectorAll(
  '.nl-masthead, .nl-h1, .nl-p, .nl-h2, .nl-card img, .nl-card .nl-caption, .nl-h3, .nl-teaser'
)).map(element => [element.className || element.tagName, Math.round(element.getBoundingClientRect().left)])"""


@pytest.mark.parametrize("issue", ISSUES)
def test_one_gutter_everywhere_on_a_phone(page, built, issue):
    open_email(page, built[issue], 375)
    edges = page.evaluate(LEFT_EDGES)
    assert any("nl-teaser" in name or "nl-h3" in name for name, _ in edges), "no card text measured"
    assert {left for _, left in edges} == {16}, edges
    shoot(page, f"{issue}-375-gutter")


def test_card_photos_fill_their_column_on_a_phone(page, built):
    open_email(page, built["markdown"], 375)
    photos = page.eval_on_selector_all(
        ".nl-card img",
        "images => images.map(image => [image.getBoundingClientRect().width,"
        " image.closest('.nl-card').getBoundingClientRect().width])",
    )
    assert len(photos) == 3  # the Markdown sample's three cards with a photo
    for width, column in photos:
        assert width == 375 - 2 * 16  # the phone's width less one gutter either side
        assert column - width == 2 * 8  # the column is wider by the card's own padding (card_gap)


def test_card_caption_and_credit_sit_under_the_photo_and_above_the_title(page, built):
    open_email(page, built["markdown"], 375)
    order = page.eval_on_selector_all(
        ".nl-card",
        "cards => cards.filter(card => card.querySelector('img')).map(card =>"
        " ['img', '.nl-caption', '.nl-credit', '.nl-h3'].map(s => card.querySelector(s).getBoundingClientRect().top))",
    )
    assert len(order) == 3
    for tops in order:
        assert tops == sorted(tops) and len(set(tops)) == 4, tops


def test_pull_quote_bar_and_section_rule_take_the_dark_accent(page, built):
    open_email(page, built["seed"], 600, dark=True)
    colours = page.eval_on_selector_all(
        ".nl-pull-bar, .nl-h2-rule", "cells => cells.map(cell => getComputedStyle(cell).backgroundColor)"
    )
    assert colours == ["rgb(235, 142, 136)"] * 2  # the dark accent (#eb8e88), not the paper's dark background


def test_an_odd_last_card_and_a_lone_card_take_the_whole_row(page, built, tmp_path):
    def widths(path):
        open_email(page, path, 600)
        return page.eval_on_selector_all(
            ".nl-row",
            "rows => rows.map(row => Array.from(row.querySelectorAll('.nl-card')).map(card =>"
            " [Math.round(card.getBoundingClientRect().width), (card.querySelector('img') || {}).width || 0]))",
        )

    # The seed's five items: two rows of two cards (284 px each), then the fifth across the row (568 px).
    assert widths(built["seed"]) == [[[284, 0], [284, 0]], [[284, 0], [284, 0]], [[568, 0]]]
    # A section with one story: its photo is as wide as the lead's.
    folder = tmp_path / "issue"
    folder.mkdir()
    (folder / "a.md").write_text("---\nheadline: The lead\n---\n\nBody.\n")
    (folder / "b.md").write_text(
        "---\nheadline: Alone\nsection: Solo\nimage:\n  src: https://example.org/a.jpg\n"
        "  alt: A photo\n  width: 1200\n  height: 600\n---\n\nAnother story.\n"
    )
    email = build(folder, out=tmp_path / "out", date=None).out / "email.html"
    assert widths(email) == [[[568, 552]]]


LONG_WORDS = """---
headline: Parliament publishes https://www.parliament.example.org/documents/2026/very-long-document-identifier
url: https://news.example.org/story
---

The text is at https://www.parliament.example.org/documents/2026/very-long-document-identifier-and-version.pdf today.

Der Ausschuss für Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenverordnungsänderungen tagte.
"""


@pytest.mark.parametrize("width", [320, 375])
def test_the_web_version_has_no_horizontal_scroll_even_with_long_addresses_and_words(page, tmp_path, width):
    """A long address or word in a headline or paragraph breaks to fit a phone, in the web version as in the email;
    a results table's four columns fit 320 pixels with its names whole."""
    (tmp_path / "long" / "lead.md").parent.mkdir()
    (tmp_path / "long" / "lead.md").write_text(LONG_WORDS, encoding="utf-8")
    for issue in (tmp_path / "long", ROOT / "examples" / "election-issue"):
        web = build(issue, out=tmp_path / "out" / issue.name, date=DATE).out / "web.html"
        open_email(page, web, width)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, issue.name
    # ... and the table's words whole: "Histórico" on one line, not "Históric" over "o"
    lines = page.evaluate(
        """() => { const cell = [...document.querySelectorAll('td')].find(td => td.textContent === 'Pacto Histórico');
        const text = cell.firstChild, range = document.createRange(), at = text.data.indexOf('Histórico');
        range.setStart(text, at); range.setEnd(text, at + 'Histórico'.length);
        return new Set([...range.getClientRects()].map(rect => rect.top)).size; }"""
    )
    assert lines == 1
