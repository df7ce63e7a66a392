"""Rendering: golden snapshots of every output, the email's structure, the plain text, the web page and the .eml."""

from __future__ import annotations

import email
import email.policy
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser

import lxml.html
import pytest
from golden import DATE, EXAMPLE, ROOT, SEEDS, SLUG, write_issue

from newsletter import render
from newsletter.build import Made, build, make_issue, render_files
from newsletter.compile import mjml_to_html
from newsletter.errors import InputError, RenderError

GOLDEN = {"seed": SEEDS, "markdown": EXAMPLE, "election": EXAMPLE.parent / "election-issue"}


@pytest.fixture(scope="module")
def outputs():
    """Every output of both golden issues, rendered once, as text. Built from the repository's root, as an
    editor names the folder: issue.json records the stories' files as given (seeds/...)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        return {
            name: {
                file: data.decode()
                for file, data in render_files(make_issue(source.relative_to(ROOT), date=DATE)).items()
            }
            for name, source in GOLDEN.items()
        }


# ---------------------------------------------------------------------------------------------
# Snapshots: read their diffs like code.


@pytest.mark.parametrize("issue", GOLDEN)
@pytest.mark.parametrize("file", ["issue.json", "email.mjml", "email.html", "email.txt", "web.html", "email.eml"])
def test_snapshot(outputs, file_regression, issue, file):
    name, extension = file.split(".")
    if file == "email.eml":  # CR LF line ends, as the file is written: compared byte for byte
        file_regression.check(outputs[issue][file].encode(), binary=True, basename=f"{issue}_{name}", extension=".eml")
    else:
        file_regression.check(outputs[issue][file], basename=f"{issue}_{name}", extension=f".{extension}")


class Used(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.classes: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.classes.update((dict(attrs).get("class") or "").split())


def test_every_template_part_is_exercised_by_a_golden_issue(outputs):
    """Like Ghost's golden post: a partial or style no golden issue shows would escape the snapshots."""
    used = Used()
    for files in outputs.values():
        used.feed(files["email.html"])
    styled = set(re.findall(r"^\.(nl-[\w-]+)", (ROOT / "templates/email/inline.css").read_text(), re.M))
    # Code blocks are the one kind of body no golden issue carries: tested in test_story_kinds_render.
    # A block quote that repeats the pull quote becomes it, so nl-quote is tested there too.
    assert styled - used.classes - {"nl-code", "nl-pre", "nl-quote"} == set()
    partials = {path.name for path in (ROOT / "templates/email").glob("_*.mjml")}
    mjml = "".join(files["email.mjml"] for files in outputs.values())
    markers = {
        "_header.mjml": "nl-meta",
        "_masthead.mjml": "nl-masthead",
        "_lead.mjml": "nl-h1",
        "_section.mjml": "nl-h2",
        "_card.mjml": "nl-card",
        "_footer.mjml": "nl-footer",
        "_blocks.mjml": "nl-pull",
        "_calendar.mjml": "nl-cal",
        "_results.mjml": "nl-parl",
        "_contents.mjml": "nl-contents-item",
        "_note.mjml": "nl-signoff",
    }
    assert set(markers) == partials, "a new partial needs a marker here and a golden input that shows it"
    for partial, marker in markers.items():
        assert marker in mjml, partial


# ---------------------------------------------------------------------------------------------
# The email HTML


class Outline(HTMLParser):
    """What a reader (and a screen reader) meets: headings, images, tables, links."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self.images: list[dict[str, str | None]] = []
        self.tables: list[dict[str, str | None]] = []
        self.links: list[str] = []
        self.html: dict[str, str | None] = {}
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(tag)
        elif tag == "img":
            self.images.append(values)
        elif tag == "table":
            self.tables.append(values)
        elif tag == "a":
            self.links.append(values.get("href") or "")
        elif tag == "html":
            self.html = values
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def outline(html: str) -> Outline:
    parsed = Outline()
    parsed.feed(html)
    return parsed


@pytest.mark.parametrize("issue", GOLDEN)
def test_email_document_is_accessible(outputs, issue):
    page = outline(outputs[issue]["email.html"])
    assert page.html.get("lang") == "en" and page.html.get("dir") == "ltr"
    assert page.title.strip()
    # Layout tables are presentation; a results table is data, with header cells and a caption.
    assert page.tables and all(
        table.get("role") == ("table" if table.get("class") == "nl-res" else "presentation") for table in page.tables
    )
    # Headings in order: one h1 (the lead), then h2 sections, h3 items; never a skipped level.
    assert page.headings[0] == "h1" and page.headings.count("h1") == 1
    levels = [int(tag[1]) for tag in page.headings]
    assert all(after - before <= 1 for before, after in zip(levels, levels[1:], strict=False))
    # A title made up from a teaser or caption is text, not a heading: the seed's items have none.
    assert page.headings.count("h3") == {"seed": 0, "markdown": 4, "election": 3}[issue]
    # The seed page names no image; the Markdown sample has its logo (light and dark), the lead's photo and
    # three cards'.
    assert len(page.images) == {"seed": 0, "markdown": 6, "election": 0}[issue]
    for image in page.images:
        assert image.get("alt"), image
        assert image.get("width"), image


def test_images_take_the_caption_as_alt_when_they_have_none(outputs):
    # 05-explainer.md gives an image with no alt: its caption describes it.
    page = outline(outputs["markdown"]["email.html"])
    alts = [image["alt"] for image in page.images]
    assert "Ballots are counted by hand at a polling station in Medellín." in alts
    heights = {image["alt"]: image.get("height") for image in page.images}
    # 1200×675 shown 552 wide keeps its shape: 552 × 675 / 1200 = 310.5
    assert heights["Supporters wave yellow flags at a rally in Bogotá’s Plaza de Bolívar"] == "310"


@pytest.mark.parametrize("issue", GOLDEN)
def test_email_head_keeps_dark_mode_and_phone_rules_small_and_flat(outputs, issue):
    html = outputs[issue]["email.html"]
    styles = re.findall(r"<style[^>]*>(.*?)</style>", html, re.S)
    assert sum(len(style.encode()) for style in styles) < 16 * 1024
    assert '<meta name="color-scheme" content="light dark">' in html
    css = "".join(styles)
    assert "@media (prefers-color-scheme: dark)" in css and "max-width:479px" in css
    for style in styles:
        depth = 0
        for token in re.findall(r"@[\w-]+|[{}]", style):
            if token.startswith("@"):
                assert depth == 0, f"nested at-rule {token}: Gmail drops the whole block"
            elif token == "{":
                depth += 1
            else:
                depth -= 1
    # Comments and web fonts are off; the hidden preheader is there.
    assert "<!-- " not in html.replace("<!--[if", "")
    assert "fonts.googleapis.com" not in html
    assert "display:none" in html.split("<body")[1][:400]


def padding_sides(value: str) -> tuple[float, float]:
    """The left and right of a CSS padding shorthand ("0px 24px", "16px 8px 8px"), in pixels."""
    sizes = [float(re.fullmatch(r"(\d+(?:\.\d+)?)(?:px)?", part).group(1)) for part in value.split()]
    top_right_bottom_left = {1: [0, 0, 0, 0], 2: [0, 1, 0, 1], 3: [0, 1, 2, 1], 4: [0, 1, 2, 3]}[len(sizes)]
    return sizes[top_right_bottom_left[1]], sizes[top_right_bottom_left[3]]


def mjml_widths(mjml: str) -> dict[str, list[int]]:
    """The Outlook widths MJML's own arithmetic gives: each section's box inside a wrapper, each column
    (the section's width less its padding, shared by its columns) and each divider (its column less its
    padding). What Node's mjml writes into the ghost tables for the same email.mjml."""
    tags = re.findall(r'<(/?)(mj-[\w-]+)((?:\s+[\w-]+="[^"]*")*)\s*/?>', mjml.split("</mj-head>")[-1])
    tags = [(closing, name, dict(re.findall(r'([\w-]+)="([^"]*)"', attrs))) for closing, name, attrs in tags]
    found: dict[str, list[int]] = {"wrapped": [], "columns": [], "dividers": []}
    outer: list[float] = []  # the width each open container gives what it holds
    columns: list[float] = []  # the widths of the open section's columns not yet reached
    for index, (closing, name, values) in enumerate(tags):
        left, right = padding_sides(values.get("padding", "0px"))
        if closing:
            if name in ("mj-body", "mj-wrapper", "mj-column"):
                outer.pop()
        elif name == "mj-body":
            outer.append(float(values["width"].removesuffix("px")))
        elif name == "mj-wrapper":
            outer.append(outer[-1] - left - right)
        elif name == "mj-section":
            if len(outer) > 1:
                found["wrapped"].append(int(outer[-1]))
            box = outer[-1] - left - right
            end = next(i for i in range(index, len(tags)) if tags[i][:2] == ("/", "mj-section"))
            given = [v.get("width", "") for c, n, v in tags[index:end] if n == "mj-column" and not c]
            columns = [
                box * float(w[:-1]) / 100 if w.endswith("%") else float(w[:-2]) if w else box / len(given)
                for w in given
            ]
            found["columns"] += [int(width) for width in columns]
        elif name == "mj-column":
            outer.append(columns.pop(0) - left - right)
        elif name == "mj-divider":
            found["dividers"].append(int(outer[-1] - left - right))
    return found


def ghost_widths(html: str) -> dict[str, list[int]]:
    """The widths Outlook for Windows lays out: those written in the markup only it reads."""
    ghost = "".join(re.findall(r"<!--\[if mso \| IE\]>.*?<!\[endif\]-->", html, re.S))
    return {
        "wrapped": [int(w) for w in re.findall(r'<td width="(\d+)px"', ghost)],
        "columns": [int(w) for w in re.findall(r'<td[^>]* style="vertical-align:top;width:(\d+)px;', ghost)],
        "dividers": [int(w) for w in re.findall(r'<table[^>]*width="(\d+)px" style="border-top', ghost)],
    }


@pytest.mark.parametrize("issue", GOLDEN)
def test_outlook_widths_equal_the_mjml_arithmetic(outputs, issue):
    """mjml-python once read a unitless `0` in padding as no padding at all: Outlook's tables came out 600 px
    where the sections are 552 and 300 where the cards are 284, and overflowed the paper."""
    expected = mjml_widths(outputs[issue]["email.mjml"])
    assert expected["columns"] and expected["dividers"] and expected["wrapped"]
    assert ghost_widths(outputs[issue]["email.html"]) == expected
    # Sections 552 px wide; cards 284; a card alone in its row (the seed's fifth, the sample's Japan story)
    # and a `layout: full` story (the sample's explainer) 568.
    assert (
        set(expected["columns"])
        == {"seed": {552, 284, 568}, "markdown": {552, 284, 568}, "election": {552, 568}}[issue]
    )


def test_the_width_arithmetic_reads_padding_as_mjml_does():
    mjml = """<mjml><mj-body width="600px"><mj-wrapper padding="0px 10px"><mj-section padding="0 20px">
    <mj-column width="50%"></mj-column><mj-column width="50%"><mj-divider padding="4px" /></mj-column>
    </mj-section></mj-wrapper><mj-section padding="8px 16px 0px"><mj-column></mj-column></mj-section>
    </mj-body></mjml>"""
    assert mjml_widths(mjml) == {"wrapped": [580], "columns": [270, 270, 568], "dividers": [262]}


def test_seed_email_is_under_40_kb(outputs):
    assert len(outputs["seed"]["email.html"].encode()) < 40 * 1024


def test_inline_styles_are_written_into_the_elements(outputs):
    html = outputs["markdown"]["email.html"]
    h1 = re.search(r"<h1 [^>]*>", html).group(0)
    assert "font-size:30px" in h1.replace(" ", "")
    assert "data-premailer" not in html


def test_links_are_absolute_against_the_web_base_url(tmp_path):
    story = tmp_path / "01-story.md"
    story.write_text("---\nheadline: Relative links\nurl: /2026/story\nlead: true\n---\n\nSee [the map](maps/one).\n")
    (tmp_path / "issue.toml").write_text('[brand]\nweb_base_url = "https://news.example.org/issues/"\n')
    files = render_files(make_issue(tmp_path, date=DATE))
    html, text = files["email.html"].decode(), files["email.txt"].decode()
    assert 'href="https://news.example.org/issues/2026/story"' not in html  # urljoin keeps the root path
    assert 'href="https://news.example.org/2026/story"' in html
    assert 'href="https://news.example.org/issues/maps/one"' in html
    assert "https://news.example.org/issues/maps/one" in text
    assert 'href="https://news.example.org/issues/2026-11-24-relative-links/web.html"' in html


def test_a_story_in_a_script_written_right_to_left_is_set_right_to_left_in_an_english_issue(tmp_path):
    hebrew = '---\nheadline: "הכנסת מתפזרת: בחירות במרץ"\n{}---\n\nהבחירות ייערכו ב-17 במרץ 2027.\n'
    (tmp_path / "01-lead.md").write_text(hebrew.format("lead: true\n"))
    (tmp_path / "02-card.md").write_text(hebrew.format("").replace("מתפזרת", "מתכנסת").replace("17", "24"))
    (tmp_path / "03-card.md").write_text("---\nheadline: Turnout rose\n---\n\nMore voters came.\n")
    files = render_files(make_issue(tmp_path, date=DATE))
    html, web = files["email.html"].decode(), files["web.html"].decode()
    turned = re.findall(r'<div dir="rtl" style="text-align:right;">\s*<(h1|h3)[^>]*>([^<]*)', html)
    assert turned == [("h1", "הכנסת מתפזרת: בחירות במרץ"), ("h3", "הכנסת מתכנסת: בחירות במרץ")]
    assert re.findall(r'<article class="(\w+)[^"]*" id="[^"]*" dir="rtl">', web) == ["lead", "card"]
    # the lead's headline and body (it has no photo), the Hebrew card; never the English card
    assert html.count('dir="rtl"') == 3 and web.count('dir="rtl"') == 2


# ---------------------------------------------------------------------------------------------
# Plain text


def test_plain_text_is_designed_as_text(outputs):
    text = outputs["markdown"]["email.txt"]
    lines = text.splitlines()
    for line in lines:
        assert len(line) <= 72 or re.search(r"https?://\S+|mailto:\S+", line), line
    # Headings underlined, the same length as the heading.
    at = lines.index("Colombia’s runoff turns on turnout in the Caribbean coast")
    assert lines[at + 1] == "=" * len(lines[at])
    at = lines.index("Geopolitics")
    assert lines[at + 1] == "-" * len("Geopolitics")
    # Links as numbered references under the story that holds them.
    assert "Read our full guide to the runoff [1]" in text
    assert "[1] https://news.example.org/2026/11/runoff-guide" in text
    assert "  [3] https://news.example.org/2026/11/eu-enlargement" in text
    # An autolinked address reads as itself, with no reference and no "mailto:".
    assert "desk@news.example.org." in text and "mailto:desk" not in text
    # No markup or entities left; typographic punctuation kept.
    assert not re.search(r"<[a-z/][^>]*>|&[a-z]+;|&#\d+;", text)
    assert "“Whoever wins the coast" in text and "— Ana Example" in text
    assert " 1. Polls close at 4 p.m." in text


def test_plain_text_never_breaks_a_url(tmp_path):
    url = "https://news.example.org/" + "very-long-path-segment/" * 6 + "story"
    (tmp_path / "lead.md").write_text(f"---\nheadline: Long link\nurl: {url}\n---\n\nWords [here]({url}) and more.\n")
    text = render_files(make_issue(tmp_path, date=DATE))["email.txt"].decode()
    assert f"[1] {url}" in text


def test_a_link_written_in_runs_is_one_reference_after_its_last_word(tmp_path):
    """A saved page's link with an italic title in it (`[published in *Oxford Open Climate Change*](url)`) read in
    the plain text "published in [3]Oxford Open Climate Change [4]": two references to one address, the first glued
    to the next word. It is one link, its reference after its last word; so is a link whose text ends in a space."""
    (tmp_path / "lead.md").write_text(
        "---\nheadline: Runs\n---\n\nA paper [published in *Oxford Open Climate Change*](https://example.org/p),"
        " then [a link ](https://example.org/q)and more.\n"
    )
    text = " ".join(render_files(make_issue(tmp_path, date=DATE))["email.txt"].decode().split())
    assert "A paper published in Oxford Open Climate Change [1], then a link [2] and more." in text
    assert "[1] https://example.org/p [2] https://example.org/q" in text


def test_an_autolinked_address_with_a_subject_reads_as_the_address_and_keeps_its_subject_in_the_text(tmp_path):
    """Markdown shows `<mailto:...?subject=Runoff%20tip>` with its escapes decoded: the email shows the address
    alone, and the plain text the address with a numbered reference to the whole link, subject and all (which
    `check` looks for in the text)."""
    (tmp_path / "lead.md").write_text(
        "---\nheadline: Tips\n---\n\nWrite to <mailto:desk@news.example.org?subject=Runoff%20tip>.\n"
    )
    files = render_files(make_issue(tmp_path, date=DATE))
    href = "mailto:desk@news.example.org?subject=Runoff%20tip"
    link = next(a for a in lxml.html.fromstring(files["email.html"].decode()).iter("a") if a.get("href") == href)
    assert link.text == "desk@news.example.org"
    text = files["email.txt"].decode()
    assert "Write to desk@news.example.org [1]." in text and f"[1] {href}" in text
    assert "Runoff tip" not in text


def test_plain_text_in_japanese_wraps_at_72_columns_each_character_two_and_never_before_its_stop(tmp_path):
    """Japanese has no spaces to break at: the text email's lines were whole paragraphs (300 characters, 600
    columns). They break between characters now, a character two columns wide, never before "、" or "。" nor after
    "（"; the paragraph reads the same with the lines joined, and a URL in it stays whole."""
    from newsletter.text import display_width

    paragraph = (
        "東京（ロイター） - 日本銀行は、金融政策決定会合で、短期金利の誘導目標を据え置くことを決めた。"
        "植田和男総裁は会合後の記者会見で、賃金と物価の好循環が続いていると述べ、次の利上げの時期については"
        "データ次第だと繰り返した。市場では年明けの利上げを予想する声が多い。"
    )
    url = "https://news.example.org/" + "very-long-path-segment/" * 3 + "story"
    (tmp_path / "lead.md").write_text(
        f"---\nheadline: 日銀、金利据え置き\n---\n\n{paragraph}\n\n詳しくは {url} を参照。\n", encoding="utf-8"
    )
    lines = render_files(make_issue(tmp_path, date=DATE))["email.txt"].decode().splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("東京"))
    end = next(n for n in range(start, len(lines)) if not lines[n])
    assert "".join(lines[start:end]) == paragraph
    assert end - start == 4
    assert all(display_width(line) <= 72 for line in lines[start:end])
    assert not any(line.startswith(("、", "。", "）")) or line.endswith("（") for line in lines[start:end])
    assert any(url in line for line in lines)
    assert lines[lines.index("日銀、金利据え置き") + 1] == "=" * display_width("日銀、金利据え置き")


def test_plain_text_follows_the_email_order(outputs):
    text = outputs["seed"]["email.txt"]
    order = [
        "GZERO MEDIA",
        "Zelensky asks the West",
        "“Ukraine will keep trying",
        "More from GZERO Media",
        "Elon Musk, the world’s wealthiest person",
        "Ever since 1,200 Israelis",
        "Acting Director",
        "In August, the brutal rape",
        "About 4 million people",
        "Unsubscribe: ",
    ]
    positions = [text.index(marker) for marker in order]
    assert positions == sorted(positions)


# ---------------------------------------------------------------------------------------------
# Web version


@pytest.mark.parametrize("issue", GOLDEN)
def test_web_version_is_valid_html5_with_open_graph(outputs, issue):
    import html5lib

    page = outputs[issue]["web.html"]
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    parser.parse(page)  # raises on any parse error
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert '<meta property="og:title"' in page and '<meta property="og:description"' in page


def test_web_version_carries_the_lead_image_and_its_address(outputs):
    page = outputs["markdown"]["web.html"]
    assert '<meta property="og:image" content="https://images.example.org/2026/11/bogota-rally.jpg">' in page
    url = "https://news.example.org/issues/2026-11-24-issue-48/web.html"
    assert f'<meta property="og:url" content="{url}">' in page
    assert re.search(rf'<a [^>]*href="{re.escape(url)}"[^>]*>View in browser</a>', outputs["markdown"]["email.html"])


def test_no_view_in_browser_link_without_a_web_base_url(outputs):
    assert "View in browser" not in outputs["seed"]["email.html"]


# ---------------------------------------------------------------------------------------------
# .eml


@pytest.mark.parametrize(
    "subject",
    [
        # Folded before its encoded word, the email package left a space at the line's end: "Donald  Trump’s"
        "Rudy Giuliani Is No Longer In The Running To Become Donald Trump’s Secretary Of State",
        # Folded between two encoded words, the space between them was lost: "theé"
        "Zicke Zicke 新华社 é 新华社 Donald the é é 新华社 “quoted” Trump’s “quoted” über é Donald Zicke",
    ],
)
def test_a_long_subject_reads_in_the_inbox_as_written_built_and_sent_as_a_test(workdir, cli, subject):
    from newsletter.models import Issue
    from newsletter.send.personalise import Recipient, Template

    (workdir / "issue").mkdir()
    (workdir / "issue" / "01-lead.md").write_text(f"---\nheadline: {subject}\n---\n\nThe lead's text.\n", "utf-8")
    built = cli("build", "issue", "--out", "out", "--date", "2026-12-08")
    assert built.exit_code == 0, built.output
    message = email.message_from_bytes((workdir / "out" / "email.eml").read_bytes(), policy=email.policy.default)
    assert message["Subject"] == subject
    issue = Issue.model_validate_json((workdir / "out" / "issue.json").read_text("utf-8"))
    template = Template(issue, (workdir / "out" / "email.tokens.eml").read_bytes())
    recipient = Recipient("ana@example.org", "Ana", "<1@example.org>", "https://news.example.org/u")
    test = email.message_from_bytes(template.fill(recipient, subject=f"[TEST] {subject}"), policy=email.policy.default)
    assert test["Subject"] == f"[TEST] {subject}"


def test_eml_parses_back_into_text_then_html(outputs):
    raw = outputs["markdown"]["email.eml"].encode()
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message.get_content_type() == "multipart/alternative"
    text, html = message.get_payload()
    assert text.get_content_type() == "text/plain" and html.get_content_type() == "text/html"
    assert text.get_content().replace("\r\n", "\n") == outputs["markdown"]["email.txt"]
    assert "<h1" in html.get_content()
    assert message["Subject"] == "Runoff week: Bogotá votes, Brussels waits"
    assert "=?utf-8?" in raw.decode().split("\r\n\r\n")[0]  # the non-ASCII subject is encoded
    assert message["From"].addresses[0].display_name == "The Ballot Brief"
    assert message["Date"] == "Tue, 24 Nov 2026 06:00:00 +0000"
    assert message["List-Unsubscribe"].startswith("<https://news.example.org/unsubscribe>")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert re.fullmatch(r"<2026-11-24-issue-48\.[0-9a-f]{20}@example\.com>", message["Message-ID"])
    assert max(len(line) for line in raw.split(b"\r\n")) <= 998


def field_lines(raw: bytes, name: str) -> list[str]:
    """A header field's lines as written, its name first."""
    head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")
    found = re.search(rf"^{name}:[^\r\n]*(?:\r\n[ \t][^\r\n]*)*", head, re.MULTILINE)
    assert found, name
    return found.group().split("\r\n")


def test_eml_folds_list_unsubscribe_after_a_comma_to_lines_of_78(outputs):
    raw = outputs["markdown"]["email.eml"].encode()
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert max(len(line) for line in head.split(b"\r\n")) <= 78
    links = "<https://news.example.org/unsubscribe>, <mailto:newsletter@example.com?subject=unsubscribe>"
    assert field_lines(raw, "List-Unsubscribe") == [
        "List-Unsubscribe: <https://news.example.org/unsubscribe>,",
        " <mailto:newsletter@example.com?subject=unsubscribe>",
    ]
    assert email.message_from_bytes(raw, policy=email.policy.default)["List-Unsubscribe"] == links


def test_a_mailto_unsubscribe_link_longer_than_a_line_is_written_whole_on_its_own(tmp_path):
    link = "mailto:unsubscribe-the-weekly-digest@lists.news.example.org?subject=unsubscribe%20me%20please"
    (tmp_path / "a.md").write_text("---\nheadline: One\n---\n\nBody.\n")
    (tmp_path / "issue.toml").write_text(f'[brand]\nunsubscribe_url = "{link}"\n')
    raw = render_files(make_issue(tmp_path, date=DATE))["email.eml"]
    assert field_lines(raw, "List-Unsubscribe") == [f"List-Unsubscribe: <{link}>"]  # never =?utf-8?q?=3Cmailto...


def test_a_build_in_another_process_writes_the_same_bytes(tmp_path):
    """A build in a fresh process (its own hash seed, nothing in memory) and one in this process, side by side:
    no set or dict order, no clock, no random boundary and no cache may make them differ."""
    command = [
        sys.executable,
        "-m",
        "newsletter",
        "build",
        str(EXAMPLE),
        "--out",
        str(tmp_path / "there"),
        "--date",
        DATE.isoformat(),
    ]
    with subprocess.Popen(
        command, env={**os.environ, "PYTHONHASHSEED": "0"}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    ) as there:
        build(EXAMPLE, out=tmp_path / "here", date=DATE)
        output, _ = there.communicate(timeout=120)
    assert there.returncode == 0, output
    names = sorted(
        str(path.relative_to(tmp_path / "here")) for path in (tmp_path / "here").rglob("*") if path.is_file()
    )
    there_names = [str(path.relative_to(tmp_path / "there")) for path in (tmp_path / "there").rglob("*")]
    assert "email.eml" in names and names == sorted(name for name in there_names if "." in name)
    for name in names:
        assert (tmp_path / "here" / name).read_bytes() == (tmp_path / "there" / name).read_bytes(), name


def test_non_ascii_sender_name_is_encoded(tmp_path):
    shutil.copytree(GOLDEN["markdown"], tmp_path / "issue")
    toml = tmp_path / "issue" / "issue.toml"
    toml.write_text(toml.read_text() + '\n[brand.sender]\nname = "La Brújula Électorale"\nemail = "hola@example.org"\n')
    raw = render_files(make_issue(tmp_path / "issue", date=DATE))["email.eml"]
    headers = raw.split(b"\r\n\r\n")[0].decode("ascii")  # every header byte is ASCII
    assert re.search(r"^From: .*=\?utf-8\?", headers, re.M)
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["From"].addresses[0].display_name == "La Brújula Électorale"


# ---------------------------------------------------------------------------------------------
# Story text is data, never markup or template code


HOSTILE = "<script>alert(1)</script> </mj-column> {{ x }} {% if 1 %}"


def test_hostile_story_text_appears_literally_in_every_output(tmp_path):
    (tmp_path / "01-lead.md").write_text(
        "---\n"
        f"headline: 'Lead {HOSTILE}'\n"
        "url: https://news.example.org/lead\n"
        f"caption: 'Caption {HOSTILE}'\n"
        "image: {src: https://images.example.org/a.jpg, width: 1200, height: 800}\n"
        "lead: true\n"
        "---\n\n"
        f"Body {HOSTILE}\n"
    )
    (tmp_path / "02-item.md").write_text(f"---\nheadline: 'Item {HOSTILE}'\nteaser: 'Teaser {HOSTILE}'\n---\n")
    files = {name: data.decode() for name, data in render_files(make_issue(tmp_path, date=DATE)).items()}
    for name in ("email.html", "web.html"):
        html = files[name]
        assert "<script" not in html and "</mj-column> {{" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;/mj-column&gt; {{ x }} {% if 1 %}" in html, name
        assert html.count("&lt;script&gt;") >= 4, name  # headline, caption, body, item
    assert files["email.txt"].count(HOSTILE) >= 3
    assert "&lt;script&gt;" in files["email.mjml"] and "<script>" not in files["email.mjml"]
    assert "&lt;/mj-column&gt;" in files["email.mjml"]


def test_javascript_link_fails_the_build_with_a_clear_error(tmp_path, monkeypatch, cli):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "lead.md").write_text(
        "---\nheadline: A lead\n---\n\nFirst paragraph.\n\nClick [this](javascript:alert(1)) now.\n"
    )
    result = cli("build", "--date", "2026-11-24")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "error: seeds/lead.md:7: link 'javascript:alert(1)' uses javascript:, only http, https and mailto "
        "links are allowed"
    ]
    assert not (tmp_path / "build").exists()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "java\x01script:alert(1)", " JavaScript:alert(1)"])
def test_javascript_link_edited_into_issue_json_is_refused_at_render(url):
    issue = make_issue(GOLDEN["markdown"], date=DATE).issue
    bad = issue.model_copy(update={"lead": issue.lead.model_copy(update={"url": url})})
    with pytest.raises(RenderError, match="only http, https and mailto"):
        render_files(Made(bad, {}))


def test_story_kinds_render(tmp_path):
    (tmp_path / "lead.md").write_text(
        "---\nheadline: Kinds\n---\n\nText with `code`.\n\n    indented code\n\n> A block quote.\n"
    )
    html = render_files(make_issue(tmp_path, date=DATE))["email.html"].decode()
    assert '<code class="nl-code"' in html and '<pre class="nl-pre"' in html and "indented code" in html
    assert re.search(r'<blockquote class="nl-quote"[^>]*>A block quote.</blockquote>', html)


# ---------------------------------------------------------------------------------------------
# Errors of the engine and the templates


def test_mjml_engine_error_is_a_render_error():
    with pytest.raises(RenderError, match="the MJML engine could not compile the email"):
        mjml_to_html("<mjml><mj-body><mj-section><mj-column>")


def test_broken_template_override_fails_with_one_line(tmp_path, monkeypatch, cli):
    """An editor's templates/ folder overrides ours; a mistake in it is one line naming the file."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "templates" / "email").mkdir(parents=True)
    (tmp_path / "templates" / "email" / "_footer.mjml").write_text("<mj-section>{% if %}</mj-section>\n")
    result = cli("build", "--date", "2026-11-24")
    assert result.exit_code == 1
    assert result.output == (
        "error: templates/email/_footer.mjml:1: template error: Expected an expression, got 'end of statement block'\n"
    )
    assert not (tmp_path / "build").exists()


def test_template_override_changes_the_email(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "templates" / "email").mkdir(parents=True)
    footer = (ROOT / "templates/email/_footer.mjml").read_text()
    (tmp_path / "templates/email/_footer.mjml").write_text(
        footer.replace(">{{ words.unsubscribe }}<", ">Thanks for reading<")
    )
    html = render_files(make_issue(GOLDEN["seed"], date=DATE))["email.html"].decode()
    assert "Thanks for reading" in html


def test_build_prints_each_file_size_and_says_gmail_clips_a_long_email(workdir, cli):
    write_issue(workdir / "issue", items=60)
    result = cli("build", "issue", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    for name in ("issue.json", "email.mjml", "email.html", "email.txt", "web.html", "email.eml"):
        assert re.search(rf"^  {re.escape(name)} +\d+(\.\d)? K?B$", result.output, re.M), name
    # The same line `newsletter check` gives (Gmail's clip is one rule, in check.py).
    size = (workdir / "build" / SLUG / "email.html").stat().st_size
    assert size > 102 * 1024
    assert (
        f"error: build/{SLUG}/email.html: email.html is {size / 1024:.1f} KB; Gmail clips it above "
        "102 KB and hides the rest, unsubscribe link included: move items to the web version\n"
    ) in result.output


def test_rtl_language_sets_dir(tmp_path):
    (tmp_path / "lead.md").write_text("---\nheadline: כותרת\n---\n\nגוף.\n")
    (tmp_path / "issue.toml").write_text('[brand]\nlanguage = "he"\n')
    html = render_files(make_issue(tmp_path, date=DATE))["email.html"].decode()
    assert '<html lang="he" dir="rtl"' in html


def test_theme_colours_come_from_the_brand(tmp_path):
    (tmp_path / "lead.md").write_text("---\nheadline: Colours\nurl: https://example.org/a\n---\n\nBody.\n")
    (tmp_path / "issue.toml").write_text('[brand.colors]\nlink = "#005a9c"\n')
    html = render_files(make_issue(tmp_path, date=DATE))["email.html"].decode()
    assert re.search(r'<a class="nl-button"[^>]*style=[^>]*color:#005a9c', html)
    assert "#1d4f91" not in html  # the default link colour is gone everywhere


def test_theme_colour_that_is_not_a_colour_is_refused(tmp_path):
    from newsletter.errors import InputError

    (tmp_path / "lead.md").write_text("---\nheadline: Colours\n---\n\nBody.\n")
    (tmp_path / "issue.toml").write_text('[brand.colors]\naccent = "red}</style><script>"\n')
    with pytest.raises(InputError) as error:
        make_issue(tmp_path, date=DATE)
    # Named in the file and on the line it came from, in words (not the validation pattern).
    assert str(error.value) == (
        f"{tmp_path / 'issue.toml'}:2: [brand] colors.accent: 'red}}</style><script>' is not a colour like #1a1a1a"
    )


def test_personalisation_tokens_survive_rendering():
    files = render_files(
        make_issue(GOLDEN["markdown"], date=DATE), unsubscribe_url=render.UNSUBSCRIBE_TOKEN, web_url=render.WEB_TOKEN
    )
    html, text = files["email.html"].decode(), files["email.txt"].decode()
    assert re.search(rf'href="{re.escape(render.UNSUBSCRIBE_TOKEN)}"[^>]*>Unsubscribe</a>', html)
    assert re.search(rf'href="{re.escape(render.WEB_TOKEN)}"[^>]*>View in browser</a>', html)
    assert f"Unsubscribe: {render.UNSUBSCRIBE_TOKEN}" in text


def test_premailer_reaches_requests_and_urllib_when_it_needs_them(tmp_path):
    """premailer is imported with `requests` and cssutils' `urllib.request` (and so OpenSSL) put off;
    their uses (fetching a stylesheet, naming a file by URL) still reach the real modules."""
    script = (
        "import sys; from newsletter.compile import import_premailer; import_premailer()\n"
        "for name in ('requests', 'urllib.request', 'ssl'):\n"
        "    assert name not in sys.modules, f'{name} was imported eagerly'\n"
        "import premailer.premailer as p, requests\n"
        "assert p.requests.get is requests.get and p.requests.Session is requests.Session\n"
        "import cssutils.helper\n"
        "assert cssutils.helper.path2url('/a b') == 'file:/a%20b'\n"
        "import urllib.request\n"
        "assert cssutils.helper.urllib.request.urlopen is urllib.request.urlopen\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("issue", GOLDEN)
def test_pull_quote_bar_and_section_rule_are_table_cells_outlook_draws(outputs, issue):
    """Outlook for Windows ignores a border on a <div> and may drop one on a heading; it paints a cell."""
    html = outputs[issue]["email.html"]
    sections = len(re.findall(r"<h2 class=\"nl-h2\"", html))
    rules = re.findall(r'<td class="nl-h2-rule"[^>]*>', html)
    assert sections and len(rules) == sections
    assert all('bgcolor="#b3261e"' in rule and 'height="2"' in rule for rule in rules)
    assert not re.search(r'<h2 class="nl-h2"[^>]*border', html)
    bars = re.findall(r'<td class="nl-pull-bar"[^>]*>', html)
    assert len(bars) == len(re.findall(r'class="nl-pull-text"', html)) == 1
    assert 'bgcolor="#b3261e"' in bars[0] and 'width="4"' in bars[0]
    assert 'class="nl-pull"' not in html.replace('<table class="nl-pull"', "")


def test_preheader_is_padded_in_the_hidden_preview_and_nowhere_else(outputs):
    """Inboxes show the preheader and then whatever text follows: the filler ends the row there."""
    html = outputs["markdown"]["email.html"]
    hidden = re.search(r'<div style="display:none;[^"]*">(.*?)</div>', html, re.S).group(1)
    preheader = "Colombians return to the polls on Sunday for a runoff that pollsters call too close to call."
    assert hidden == preheader + "\u034f\u200c\u00a0" * 90
    assert html.count("\u034f") == 90
    message = email.message_from_string(outputs["markdown"]["email.eml"], policy=email.policy.default)
    plain = message.get_body(("plain",)).get_content()
    for text in (outputs["markdown"]["email.txt"], plain, outputs["markdown"]["web.html"]):
        assert not set(text) & set("\u034f\u200c"), "the filler belongs to the inbox row only"


WHOLE = {
    "01-lead.md": "---\nheadline: The lead\nurl: https://news.example.org/lead\n---\n\nLead body.\n",
    "02-long.md": "---\nheadline: A long read with no link\nsection: Features\n---\n\nFirst paragraph of the long read."
    "\n\nSecond paragraph, only on the web version.\n",
    "03-full.md": "---\nheadline: The whole story in the email\nsection: Features\nlayout: full\n---\n\n"
    "Opening paragraph.\n\n- first point\n- second point\n\nClosing paragraph.\n",
}


def whole_stories(tmp_path, web_base_url: str = "https://news.example.org/issues"):
    for name, text in WHOLE.items():
        (tmp_path / name).write_text(text)
    if web_base_url:
        (tmp_path / "issue.toml").write_text(f'[brand]\nweb_base_url = "{web_base_url}"\n')
    return {name: data.decode() for name, data in render_files(make_issue(tmp_path, date=DATE)).items()}


def test_a_card_without_a_url_links_to_its_whole_text_on_the_web_version(tmp_path):
    files = whole_stories(tmp_path)
    anchor = "https://news.example.org/issues/2026-11-24-the-lead/web.html#a-long-read-with-no-link"
    assert re.search(
        rf'<a class="nl-h3-link" href="{re.escape(anchor)}"[^>]*>A long read with no link</a>', files["email.html"]
    )
    assert "Second paragraph" not in files["email.html"]  # the email shows the card
    assert "* A long read with no link [2]" in files["email.txt"] and f"[2] {anchor}" in files["email.txt"]
    web = files["web.html"]
    story = web[web.index('id="a-long-read-with-no-link"') :]
    assert story.index("First paragraph") < story.index("Second paragraph, only on the web version.")
    assert 'id="the-lead"' in web and 'id="the-whole-story-in-the-email"' in web


def test_without_a_web_version_such_a_card_links_nowhere(tmp_path):
    files = whole_stories(tmp_path, web_base_url="")
    assert "#a-long-read" not in files["email.html"] + files["email.txt"]
    assert re.search(r'<h3 class="nl-h3"[^>]*>A long read with no link</h3>', files["email.html"])


def test_an_issue_in_cyrillic_and_chinese_builds_into_a_folder_and_anchors_spelled_in_latin_letters(tmp_path):
    issue = tmp_path / "issue"
    issue.mkdir()
    (issue / "issue.toml").write_text(
        'subject = "Выборы в Москве"\n[brand]\nweb_base_url = "https://news.example.org/issues"\n'
    )
    (issue / "01-lead.md").write_text("---\nheadline: Выборы в Москве\nlead: true\n---\n\nЯвка выросла.\n")
    (issue / "02-china.md").write_text("---\nheadline: 北京发布新规\n---\n\n第一段。\n\n第二段。\n")
    made = build(issue, out_root=tmp_path / "build", date=DATE)
    assert made.out == tmp_path / "build" / "2026-11-24-vybory-v-moskve"
    html, web = (made.out / "email.html").read_text(), (made.out / "web.html").read_text()
    page = "https://news.example.org/issues/2026-11-24-vybory-v-moskve/web.html"
    assert f'href="{page}#bei-jing-fa-bu-xin-gui"' in html
    assert re.findall(r'<article class="\w+[^"]*" id="([^"]*)"', web) == ["vybory-v-moskve", "bei-jing-fa-bu-xin-gui"]


def test_stories_whose_headlines_spell_alike_get_anchors_of_their_own_that_their_links_name(tmp_path):
    (tmp_path / "issue.toml").write_text('contents = true\n[brand]\nweb_base_url = "https://news.example.org/i"\n')
    (tmp_path / "01-lead.md").write_text("---\nheadline: Итоги недели\nlead: true\n---\n\nПервый.\n")
    (tmp_path / "02-card.md").write_text("---\nheadline: Итоги недели!\n---\n\nВторой.\n\nЕщё.\n")
    (tmp_path / "03-card.md").write_text("---\nheadline: Contents heading\n---\n\nThird.\n\nMore.\n")
    files = render_files(make_issue(tmp_path, date=DATE))
    html, web = files["email.html"].decode(), files["web.html"].decode()
    ids = re.findall(r' id="([^"]*)"', web)
    assert ids == ["contents-heading", "itogi-nedeli", "itogi-nedeli-2", "contents-heading-2"]
    assert re.findall(r'href="#([^"]*)"', web) == ids[1:]  # "In this issue" on the web page
    page = "https://news.example.org/i/2026-11-24-itogi-nedeli/web.html"
    assert re.findall(rf'<a class="nl-h3-link" href="{re.escape(page)}#([^"]*)"', html) == ids[2:]


def test_layout_full_puts_the_whole_story_in_the_email(tmp_path):
    files = whole_stories(tmp_path)
    html = files["email.html"]
    story = html[html.index("The whole story in the email") :]
    for part in ("Opening paragraph.", '<li class="nl-li"', "second point", "Closing paragraph."):
        assert part in story
    assert re.search(
        r'<mj-column width="100%" css-class="nl-card">\s*<mj-text[^>]*>\s*<h3 class="nl-h3">The whole',
        files["email.mjml"],
    )
    text = files["email.txt"]
    assert "The whole story in the email\n~~~~" in text
    assert text.index("Opening paragraph.") < text.index(" * second point") < text.index("Closing paragraph.")


def test_an_unknown_layout_is_an_error_naming_its_line(tmp_path):
    (tmp_path / "a.md").write_text("---\nheadline: One\nlayout: wide\n---\n\nBody.\n")
    with pytest.raises(InputError) as error:
        make_issue(tmp_path, date=DATE)
    assert str(error.value) == f"{tmp_path}/a.md:3: layout: input should be 'card' or 'full'"


def test_a_caption_never_stands_in_for_a_title_when_there_is_a_teaser(tmp_path):
    (tmp_path / "a.md").write_text("---\nheadline: The lead\n---\n\nLead body.\n")
    (tmp_path / "b.md").write_text(
        "---\ncaption: Crowds at the closing rally in Lomé.\nteaser: Talks resume on Thursday. No date is set.\n"
        "image:\n  src: https://example.org/rally.jpg\n  alt: Crowds\n---\n"
    )
    made = make_issue(tmp_path, date=DATE)
    item = made.issue.sections[0].stories[0]
    assert (item.headline, item.headline_derived) == ("Talks resume on Thursday.", True)
    html = render_files(made)["email.html"].decode()
    card = html[html.index("rally.jpg") :]
    # The caption sits under the photo, once; the teaser is text, not a heading.
    assert card.count("Crowds at the closing rally in Lomé.") == 1
    assert re.search(r'<p class="nl-caption"[^>]*>Crowds at the closing rally in Lomé.</p>', card)
    assert re.search(r'<p class="nl-teaser"[^>]*>Talks resume on Thursday. No date is set.</p>', card)
    assert "<h3" not in card


def test_the_emails_label_for_screen_readers_is_its_subject_as_written(tmp_path):
    """MRML writes the body's aria-label in Rust's debug form; a screen reader must hear the subject, not
    "backslash u fe0f"."""
    subject = "Runoff week 🗳️: Bogotá\u00a0votes, “Brussels” & e\u0301lu waits"
    (tmp_path / "lead.md").write_text("---\nheadline: Runoff\nurl: https://example.org/a\n---\n\nBody.\n")
    (tmp_path / "issue.toml").write_text(f'subject = "{subject}"\n', encoding="utf-8")
    made = make_issue(tmp_path, date=DATE)
    assert "\ufe0f" in made.issue.subject and "\u0301" in made.issue.subject
    html = render_files(made)["email.html"].decode()
    article = lxml.html.fromstring(html).xpath("//div[@role='article']")[0]
    assert article.get("aria-label") == made.issue.subject
    assert "\\u{" not in html


def test_screen_readers_hear_a_headline_and_a_photos_alt_text_as_written(tmp_path):
    """MRML writes every attribute in Rust's debug form: the lead's "Read the full story: <headline>" label and its
    photo's alt text keep their emoji and backslash, never "backslash u fe0f" or a backslash said twice."""
    (tmp_path / "lead.md").write_text(
        '---\nheadline: "Runoff week 🗳️ in Bogotá"\nurl: https://example.org/a\n'
        'image:\n  src: https://example.org/a.jpg\n  alt: "The tally sheet, C:\\\\polls"\n---\n\nBody.\n',
        encoding="utf-8",
    )
    page = lxml.html.fromstring(render_files(make_issue(tmp_path, date=DATE))["email.html"].decode())
    assert page.xpath("//a[@class='nl-button']/@aria-label") == ["Read the full story: Runoff week 🗳️ in Bogotá"]
    assert page.xpath("//img/@alt") == ["The tally sheet, C:\\polls"]
