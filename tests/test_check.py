"""`newsletter check`: each check trips on a bad input and stays quiet on a good one."""

import json
from pathlib import Path

import pytest
from golden import DATE, EXAMPLE, ROOT, SEED, SEEDS, SLUG

from newsletter.build import build, issue_json, make_issue
from newsletter.buildfolder import RECORD_NAME, make_record
from newsletter.check import check_files, check_issue, contrast
from newsletter.models import Sender

STORY = "https://news.example.org/2026/11/colombia-runoff"
PHOTO = "https://images.example.org/2026/11/bogota-rally.jpg"

GOOD_HTML = f"""<!doctype html>
<html><head><title>Runoff week</title><style>.x {{ color: #1a1a1a; }}</style></head>
<body>
<img src="{PHOTO}" alt="Supporters wave yellow flags at a rally" width="600">
<h1><a href="{STORY}">Colombia's runoff turns on turnout in the Caribbean coast</a></h1>
<p>Write to <a href="mailto:desk@news.example.org">the desk</a>.</p>
<p>The Ballot Brief, 12 Example Street, Springfield 00000 · <a href="https://news.example.org/unsubscribe">Unsubscribe</a></p>
</body></html>
"""
GOOD_TEXT = f"""Colombia's runoff turns on turnout in the Caribbean coast
{STORY}

Write to the desk: desk@news.example.org

The Ballot Brief, 12 Example Street, Springfield 00000
Unsubscribe: https://news.example.org/unsubscribe
"""


@pytest.fixture(scope="module")
def issue():
    """The Markdown sample with a real sender, so only what a test changes is found."""
    sample = make_issue(EXAMPLE, date=DATE).issue
    brand = sample.brand.model_copy(update={"sender": Sender(name="The Ballot Brief", email="desk@news.example.org")})
    return sample.model_copy(update={"brand": brand})


def run(issue, html=GOOD_HTML, text=GOOD_TEXT, check=None):
    findings = check_files(issue, html, text)
    return [finding for finding in findings if check is None or finding.check == check]


def html_with(body: str) -> str:
    return GOOD_HTML.replace("</body>", body + "\n</body>")


def with_lead(issue, **update):
    return issue.model_copy(update={"lead": issue.lead.model_copy(update=update)})


def test_good_email_has_no_findings_but_the_builds_own_warnings(issue):
    [finding] = run(issue)
    assert (finding.level, finding.check) == ("warning", "build")
    assert finding.message == (
        "no image src: the story shows as text only; add its image, or write `image: false` "
        "in its front matter to keep it text only"
    )
    assert finding.file.endswith("04-sahel-mediation.md")
    assert finding.story == "Sahel talks: mediators try again in Lomé"


def test_seed_items_without_headline_or_link_are_warnings_not_errors():
    seed = make_issue(SEED, date=DATE).issue
    build_findings = run(seed, check="build")
    assert {finding.level for finding in build_findings} == {"warning"}
    assert ("seeds/000_d493ddfd58091a34.txt", 19, "no link: add its url") in [
        (Path(finding.file).relative_to(ROOT).as_posix(), finding.line, finding.message) for finding in build_findings
    ]
    assert sum(finding.message.startswith("no headline") for finding in build_findings) == 5
    assert all(
        finding.message.endswith("give it a headline")
        for finding in build_findings
        if finding.message.startswith("no headline")
    )


# --- the golden builds ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def golden(tmp_path_factory, built_example):
    seed = build(SEEDS, out=tmp_path_factory.mktemp("golden") / "seed", date=DATE).out
    return {"seed": check_issue(seed), "markdown": check_issue(built_example)}


def test_markdown_sample_build_has_no_errors_and_our_templates_trip_nothing(golden):
    findings = golden["markdown"]
    assert [finding.level for finding in findings] == ["warning", "warning", "warning"]
    # The sample has a web_base_url: its "View in browser" link works once the build is uploaded.
    assert [finding.check for finding in findings] == ["build", "sender", "upload"]


def test_seed_build_warns_only_about_what_the_page_lacks(golden):
    findings = golden["seed"]
    assert {finding.level for finding in findings} == {"warning"}
    # The "Read the full story →" and "Read →" links carry aria-labels: no vague-link warning. The seed has
    # no newsletter.toml: no one-click unsubscribe, no postal address, the placeholder sender.
    assert {finding.check for finding in findings} == {"build", "unsubscribe", "address", "sender"}


# --- size -----------------------------------------------------------------------------------------------


def test_email_over_102_kb_is_an_error(issue):
    html = html_with("<p>" + "x" * (103 * 1024) + "</p>")
    [finding] = run(issue, html=html, check="size")
    assert finding.level == "error"
    assert "Gmail clips it above 102 KB" in finding.message


def test_email_between_100_and_102_kb_is_a_warning(issue):
    html = html_with("<p>" + "x" * (101 * 1024) + "</p>")
    [finding] = run(issue, html=html, check="size")
    assert finding.level == "warning"
    assert "close to Gmail's 102 KB clip" in finding.message


def test_style_blocks_over_16_kb_are_a_warning(issue):
    rules = "".join(f".c{n} {{ color: #123456; }}\n" for n in range(800))
    html = GOOD_HTML.replace("</head>", f"<style>{rules}</style></head>")
    [finding] = run(issue, html=html, check="size")
    assert finding.level == "warning"
    assert "Gmail drops style blocks over 16 KB" in finding.message


# --- links ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "href, says",
    [
        ("javascript:alert(1)", "is not http, https or mailto"),
        ("ftp://files.example.org/a.pdf", "is not http, https or mailto"),
        ("/2026/11/story", "is relative"),
        ("story.html", "is relative"),
        ("", "goes nowhere"),
        ("#", "goes nowhere"),
        ("https://", "has no host"),
        ("mailto:", "a mailto: with no address"),
    ],
)
def test_bad_link_is_an_error(issue, href, says):
    [finding] = run(issue, html=html_with(f'<a href="{href}">The full report</a>'), check="links")
    assert finding.level == "error"
    assert says in finding.message


def test_link_without_href_is_an_error(issue):
    [finding] = run(issue, html=html_with("<a>The full report</a>"), check="links")
    assert (finding.level, finding.message) == (
        "error",
        "link 'The full report' goes nowhere: give it a full https:// address",
    )


def test_bad_link_names_the_story_it_comes_from_once(issue):
    bad = with_lead(issue, url="javascript:alert(1)")
    html = html_with('<p><a href="javascript:alert(1)" aria-label="Read: Colombia">Read →</a></p>').replace(
        STORY, "javascript:alert(1)"
    )
    [finding] = run(bad, html=html, check="links")  # the headline link and "Read →": one thing to fix
    assert finding.file.endswith("01-colombia-runoff.md") and finding.line == 1
    assert finding.story == "Colombia’s runoff turns on turnout in the Caribbean coast"


def test_link_made_absolute_by_the_build_still_names_its_story(issue):
    # issue.json keeps the story's own relative link; the email holds it joined to the web base URL.
    relative = with_lead(issue, url="/2026/11/colombia-runoff")
    html = html_with('<a href="https://news.example.org/2026/11/colombia-runoff">here</a>')
    [finding] = run(relative, html=html, check="links")
    assert "says nothing out of context" in finding.message
    assert finding.file.endswith("01-colombia-runoff.md")


@pytest.mark.parametrize("text", ["click here", "Read more", "here", "Read more →", "Learn more.", "Read →"])
def test_vague_link_text_is_a_warning(issue, text):
    [finding] = run(issue, html=html_with(f'<a href="{STORY}">{text}</a>'), check="links")
    assert finding.level == "warning"
    assert "says nothing out of context" in finding.message


@pytest.mark.parametrize("attribute", ['aria-label="Read: Colombia\'s runoff"', 'title="Colombia\'s runoff, in full"'])
def test_vague_link_text_with_an_aria_label_or_title_passes(issue, attribute):
    assert run(issue, html=html_with(f'<a href="{STORY}" {attribute}>Read more</a>'), check="links") == []


def test_vague_aria_label_is_a_warning(issue):
    [finding] = run(issue, html=html_with(f'<a href="{STORY}" aria-label="Read more">Read more</a>'), check="links")
    assert (finding.level, finding.message) == (
        "warning",
        "link text 'Read more' says nothing out of context (screen readers list links alone): name what "
        "it opens, e.g. the story's headline",
    )


def test_link_with_no_text_is_a_warning_and_an_image_alt_gives_it_one(issue):
    html = html_with(f'<a href="{STORY}"><img src="{PHOTO}" alt="" width="600"></a>')
    [finding] = run(issue, html=html, check="links")
    assert finding.level == "warning" and "has no text" in finding.message
    html = html_with(f'<a href="{STORY}"><img src="{PHOTO}" alt="Bogotá rally" width="600"></a>')
    assert run(issue, html=html, check="links") == []


def test_http_https_and_mailto_links_pass(issue):
    html = html_with('<a href="http://example.org/a">The archive</a> <a href="mailto:a@example.org">Write to us</a>')
    assert run(issue, html=html, check="links") == []


def test_outlook_only_markup_is_not_read(issue):
    html = html_with('<!--[if mso | IE]><a href="#">here</a><![endif]-->')
    assert run(issue, html=html, check="links") == []


# --- images ---------------------------------------------------------------------------------------------


def test_image_without_alt_is_an_error(issue):
    [finding] = run(issue, html=html_with(f'<img src="{PHOTO}" width="600">'), check="images")
    assert finding.level == "error"
    assert "has no alt text" in finding.message
    assert finding.file.endswith("01-colombia-runoff.md")


@pytest.mark.parametrize("alt", ["image", "Photo", "IMG_2041.JPG", "bogota-rally.jpg", "DSC-0042", "bogota-rally"])
def test_meaningless_alt_is_a_warning(issue, alt):
    [finding] = run(issue, html=html_with(f'<img src="{PHOTO}" alt="{alt}" width="600">'), check="images")
    assert finding.level == "warning"
    assert "which says nothing" in finding.message


def test_empty_alt_on_a_decorative_image_passes(issue):
    assert run(issue, html=html_with(f'<img src="{PHOTO}" alt="" width="20">'), check="images") == []


def test_image_without_width_is_a_warning(issue):
    [finding] = run(issue, html=html_with(f'<img src="{PHOTO}" alt="A rally in Bogotá">'), check="images")
    assert finding.level == "warning"
    assert "has no width" in finding.message


def test_http_image_is_a_warning_and_a_relative_one_an_error(issue):
    html = html_with(
        '<img src="http://images.example.org/a.jpg" alt="A rally" width="600">'
        '<img src="pictures/b.jpg" alt="A count" width="600">'
    )
    first, second = sorted(run(issue, html=html, check="images"), key=lambda finding: finding.level == "error")
    assert (first.level, second.level) == ("warning", "error")
    assert "a.jpg is not https" in first.message
    assert "b.jpg is not an https:// address" in second.message


# --- subject, preheader and leftovers ---------------------------------------------------------------------


def test_short_subject_and_long_preheader_are_warnings(issue):
    bad = issue.model_copy(update={"subject": "Runoff", "preheader": "word " * 30})
    findings = run(bad, check="subject")
    assert [(f.level, f.message.split(",")[0]) for f in findings] == [
        ("warning", "the subject is 6 characters"),
        ("warning", "the preheader is 149 characters"),
    ]


def test_empty_subject_is_an_error(issue):
    [finding] = run(issue.model_copy(update={"subject": " "}), check="subject")
    assert (finding.level, finding.message) == ("error", "the subject is empty: set subject in issue.toml")


def test_subject_and_preheader_in_range_pass(issue):
    assert run(issue, check="subject") == []


def test_placeholder_sender_address_is_a_warning_and_a_real_one_passes(issue):
    unset = issue.model_copy(update={"brand": issue.brand.model_copy(update={"sender": Sender()})})
    [finding] = run(unset, check="sender")
    assert finding.level == "warning"
    assert finding.message.startswith("the sender address is the placeholder newsletter@example.com")
    assert run(issue, check="sender") == []


@pytest.mark.parametrize(
    "field, value",
    [
        ("subject", "Runoff week: TK votes, Brussels waits"),
        ("preheader", "Hi {{ first_name }}, " + "x" * 40),
        ("preheader", "Hello *|FNAME|*, this week the runoff and Brussels waits"),
    ],
)
def test_leftover_placeholder_in_subject_or_preheader_is_an_error(issue, field, value):
    findings = run(issue.model_copy(update={field: value}), check="leftovers")
    assert [finding.level for finding in findings] == ["error"]
    assert findings[0].message.startswith(f"the {field} still holds")


def test_leftover_tk_in_a_story_names_the_story_once(issue):
    bad = with_lead(issue, teaser="Turnout was TKTK percent in the first round.")
    text = GOOD_TEXT + "\nTurnout was TKTK percent in the first round.\n"
    html = html_with("<p>Turnout was TKTK percent in the first round.</p>")
    findings = run(bad, html=html, text=text, check="leftovers")
    assert len(findings) == 1
    assert findings[0].message == (
        "the teaser still holds 'TKTK': fill it in; if it is meant (a name, a code), add its phrase to [tk] meant in "
        "issue.toml for this issue, or in newsletter.toml for every issue (a brand's own name)"
    )
    assert findings[0].file.endswith("01-colombia-runoff.md")


def test_template_token_in_the_plain_text_is_an_error(issue):
    [finding] = run(issue, text=GOOD_TEXT + "{{ story.url }}\n", check="leftovers")
    assert (finding.level, finding.file, finding.line) == ("error", "email.txt", 8)


def test_merge_tag_only_the_email_holds_is_an_error(issue):
    [finding] = run(issue, html=html_with("<p>Dear %%{first_name}%%,</p>"), check="leftovers")
    assert finding.message.startswith("the email still holds '%%{first_name}%%'")
    assert finding.file == "email.html"


def test_words_containing_tk_pass(issue):
    bad = with_lead(issue, teaser="Tokelau's TKO and the Atkins diet: TKs aside.")
    assert run(bad, check="leftovers") == []


# --- plain text -----------------------------------------------------------------------------------------


def test_plain_text_line_over_78_columns_is_a_warning(issue):
    text = GOOD_TEXT + " ".join(["word"] * 20) + "\n"
    [finding] = run(issue, text=text, check="plain text")
    assert (finding.level, finding.line) == ("warning", 8)
    assert "99 columns" in finding.message


def test_plain_text_line_long_only_because_of_a_url_passes(issue):
    text = GOOD_TEXT + "Read: https://news.example.org/" + "a" * 90 + "\n"
    assert run(issue, text=text, check="plain text") == []


def test_wide_characters_count_two_columns_and_combining_marks_none(issue):
    [finding] = run(issue, text=GOOD_TEXT + "選" * 40 + "\n", check="plain text")
    assert "80 columns" in finding.message
    assert run(issue, text=GOOD_TEXT + "e\u0301" * 78 + "\n", check="plain text") == []


def test_plain_text_missing_a_link_of_the_html_names_its_story(issue):
    [finding] = run(issue, text=GOOD_TEXT.replace(STORY, ""), check="plain text")
    assert finding.level == "warning"
    assert f"lacks the link {STORY}" in finding.message
    assert finding.file.endswith("01-colombia-runoff.md")


def test_the_contents_link_of_a_story_the_plain_text_holds_whole_is_not_missing_from_it(workdir, cli):
    """An editor's own lead has no url: "In this issue" links it to its place on the web version, and check warned
    that the plain text lacks that link, "readers of the text version cannot reach it", though the text holds the
    lead whole (and so a `layout: full` story). A card's place on the web version is still a link the text needs."""
    import re
    import shutil

    shutil.copytree(EXAMPLE, workdir / "issue")
    for name in ("01-colombia-runoff.md", "05-explainer.md", "04-sahel-mediation.md"):
        story = workdir / "issue" / name
        story.write_text("".join(line for line in story.read_text().splitlines(True) if not line.startswith("url:")))
    assert cli("build", "issue", "--date", DATE, "--out", "out").exit_code == 0
    web = f"https://news.example.org/issues/{SLUG}/web.html"
    html = (workdir / "out" / "email.html").read_text()
    assert f'href="{web}#colombias-runoff-turns-on-turnout' in html  # the lead's contents entry
    assert f'href="{web}#explainer-how-a-runoff-count' in html

    checked = cli("check", "out")
    assert "lacks the link" not in checked.output
    text = workdir / "out" / "email.txt"
    [card] = {href for href in re.findall(r'href="([^"]+)"', html) if href.startswith(f"{web}#sahel-talks")}
    assert card in text.read_text()
    found = check_files(
        make_issue(workdir / "issue", date=DATE).issue, html, text.read_text().replace(card, ""), text_name="email.txt"
    )
    assert [finding.message for finding in found if finding.check == "plain text"] == [
        f"the plain text lacks the link {card[:77]}...: readers of the text version cannot reach it"
    ]


# --- characters -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "junk, name",
    [
        ("\u0085", "U+0085"),
        ("\u200b", "U+200B ZERO WIDTH SPACE"),
        ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("\ufeff", "U+FEFF"),
        ("\uf0b7", "U+F0B7 private use character"),
        ("\u2028", "U+2028 LINE SEPARATOR"),
        ("\ufffc", "U+FFFC"),
        ("\u00ad", "U+00AD SOFT HYPHEN"),
    ],
)
def test_invisible_characters_in_a_story_are_an_error(issue, junk, name):
    [finding] = run(with_lead(issue, headline=f"Colombia's{junk} runoff"), check="characters")
    assert finding.level == "error"
    assert name.lower() in finding.message.lower()
    assert finding.file.endswith("01-colombia-runoff.md")


def test_invisible_characters_in_subject_and_sender_name_are_errors(issue):
    brand = issue.brand.model_copy(update={"sender": issue.brand.sender.model_copy(update={"name": "Ballot\u200d"})})
    bad = issue.model_copy(update={"subject": "Runoff\u0092s week in Bogotá", "brand": brand})
    findings = run(bad, check="characters")
    assert [finding.message.split(" holds")[0] for finding in findings] == ["the subject", "the sender name"]


def test_accents_dashes_quotes_emoji_and_joined_words_pass(issue):
    # A family emoji is joined by U+200D; Persian writes می‌خواهم with U+200C.
    headline = "Bogotá’s “runoff” — día 1 🗳️ ¿qué? 👨\u200d👩\u200d👧 می\u200cخواهم"
    assert run(with_lead(issue, headline=headline), check="characters") == []


# --- theme ----------------------------------------------------------------------------------------------


def test_contrast_matches_wcag():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#fff") == pytest.approx(4.48, abs=0.01)


def with_colors(issue, **colors):
    palette = issue.brand.colors.model_copy(update=colors)
    return issue.model_copy(update={"brand": issue.brand.model_copy(update={"colors": palette})})


def test_low_contrast_text_in_dark_mode_is_an_error(issue):
    [finding] = run(with_colors(issue, dark_text="#444444"), check="theme")
    assert finding.level == "error"
    assert finding.message.startswith(
        "dark mode: body text and headlines, dark_text #444444 on dark_background #1c1c1e, have contrast 1."
    )


def test_low_contrast_link_is_a_warning_on_the_paper_and_on_the_canvas(issue):
    findings = run(with_colors(issue, link="#8ab4f8"), check="theme")
    assert [(finding.level, finding.message.split(",")[0]) for finding in findings] == [
        ("warning", "light mode: links"),
        ("warning", "light mode: the 'View in browser' link"),
    ]
    assert "link #8ab4f8 on background #ffffff, have contrast 2." in findings[0].message


def test_muted_text_on_the_canvas_is_checked_too(issue):
    findings = run(with_colors(issue, canvas="#8a8a8a", link="#000000"), check="theme")
    assert [finding.message.split(",")[0] for finding in findings] == ["light mode: the date line and footer"]
    assert "muted #595959 on canvas #8a8a8a" in findings[0].message


def test_default_theme_passes(issue):
    assert run(issue, check="theme") == []


# --- the command ----------------------------------------------------------------------------------------


def test_check_on_the_seed_issue_reports_missing_headlines_and_links_as_warnings(golden_workdir, cli):
    assert cli("build", "--date", "2026-11-24").exit_code == 0
    result = cli("check")
    assert result.exit_code == 0, result.output
    assert "warning: seeds/000_d493ddfd58091a34.txt:19: no headline: the first sentence of its teaser" in result.output
    assert "warning: seeds/000_d493ddfd58091a34.txt:36: no link: add its url" in result.output
    assert "error:" not in result.output
    assert result.output.strip().endswith("0 error(s), 20 warning(s): safe to send")


def test_check_json_lists_findings(golden_workdir, cli):
    cli("build", "--date", "2026-11-24")
    result = cli("check", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["ok"] is True and report["errors"] == 0 and report["warnings"] == len(report["findings"])
    assert {
        "level": "warning",
        "check": "build",
        "message": "no link: add its url",
        "file": "seeds/000_d493ddfd58091a34.txt",
        "line": 19,
        "story": "Elon Musk, the world’s wealthiest person, has thrown his full weight behind former President "
        "Donald Trump’s…",
    } in report["findings"]


def write_build(folder: Path, issue, html=GOOD_HTML, text=GOOD_TEXT) -> Path:
    """A build folder made by hand, so these tests read only what `check` reads."""
    folder.mkdir(parents=True)
    (folder / "issue.json").write_text(issue_json(issue), encoding="utf-8")
    (folder / "email.html").write_text(html, encoding="utf-8")
    (folder / "email.txt").write_text(text, encoding="utf-8")
    # ...with the record a build writes (build.json), so check does not call it edited
    files = {name: (folder / name).read_bytes() for name in ("issue.json", "email.html", "email.txt")}
    (folder / RECORD_NAME).write_bytes(make_record(files))
    return folder


def test_check_exits_1_on_an_issue_with_errors(golden_workdir, issue, cli):
    story = issue.sections[0].stories[0].model_copy(update={"teaser": "The report was TK due."})
    section = issue.sections[0].model_copy(update={"stories": [story]})
    write_build(golden_workdir / "build" / "2026-11-25-bad", issue.model_copy(update={"sections": [section]}))
    result = cli("check", "build/2026-11-25-bad")
    assert result.exit_code == 1, result.output
    first = result.output.splitlines()[0]
    assert first == (
        f"error: {story.source}: the teaser still holds 'TK': fill it in; if it is meant (a name, a code), add its "
        "phrase to [tk] meant in issue.toml for this issue, or in newsletter.toml for every issue (a brand's own "
        f"name) ({story.headline})"
    )
    assert result.output.strip().endswith("1 error(s), 1 warning(s): not safe to send")


def test_check_fails_an_email_cut_before_the_footer_its_settings_promise(golden_workdir, issue, cli):
    cut = GOOD_HTML.split("<p>The Ballot Brief")[0] + "</body></html>\n"  # as lxml left it past its limit
    write_build(golden_workdir / "build" / "2026-11-25-cut", issue, html=cut)
    result = cli("check", "build/2026-11-25-cut")
    assert result.exit_code == 1, result.output
    html = Path("build/2026-11-25-cut/email.html")
    assert result.output.splitlines()[:2] == [
        f"error: {html}: the email has no unsubscribe link (https://news.example.org/unsubscribe), which its "
        "settings promise: rebuild it",
        f"error: {html}: the email lacks the postal address its settings give (The Ballot Brief, 12 Example "
        "Street, Springfield 00000): rebuild it",
    ]


def test_check_json_on_an_issue_with_errors_exits_1(golden_workdir, issue, cli):
    bad = html_with('<a href="javascript:x">The map</a>')
    write_build(golden_workdir / "build" / "2026-11-25-bad", issue, html=bad)
    result = cli("check", "build/2026-11-25-bad", "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["ok"] is False and report["errors"] == 1
    assert report["findings"][0]["check"] == "links"


def test_check_defaults_to_the_newest_build(golden_workdir, issue, cli):
    write_build(golden_workdir / "build" / "2026-11-17-old", issue, html="<a href='javascript:x'>x</a>")
    write_build(golden_workdir / "build" / "2026-11-24-new", issue)
    result = cli("check")
    assert result.exit_code == 0, result.output
    assert "build/2026-11-24-new: 0 error(s), 1 warning(s): safe to send" in result.output


def test_check_takes_the_folder_built_last_when_two_share_a_date(golden_workdir, issue, cli):
    import os

    write_build(golden_workdir / "build" / "2026-11-24-a", issue)
    write_build(golden_workdir / "build" / "2026-11-24-b", issue)
    os.utime(golden_workdir / "build" / "2026-11-24-b", (1_700_000_000, 1_700_000_000))  # b was built first
    result = cli("check")
    assert result.exit_code == 0, result.output
    assert "build/2026-11-24-a: 0 error(s), 1 warning(s): safe to send" in result.output


def test_check_says_what_a_folder_lacks(golden_workdir, issue, cli):
    folder = write_build(golden_workdir / "build" / "2026-11-24-new", issue)
    (folder / "email.txt").unlink()
    result = cli("check", "build/2026-11-24-new")
    assert result.exit_code == 1
    assert result.output.strip() == "error: build/2026-11-24-new: has no email.txt; rebuild it with `newsletter build`"


def test_check_on_a_story_folder_says_to_build_it_first(golden_workdir, cli):
    result = cli("check", "example")
    assert result.exit_code == 1
    assert result.output.strip() == (
        "error: example: holds stories, not a build: run `newsletter build example`, then check the folder it names"
    )


def test_check_without_a_build_says_to_build_first(golden_workdir, cli):
    result = cli("check")
    assert result.exit_code == 1
    assert result.output.strip() == "error: build: holds no built issue; run `newsletter build` first"


def test_check_rejects_an_unknown_format(golden_workdir, cli):
    result = cli("check", "--format", "xml")
    assert result.exit_code == 2
    assert "'xml' is not text or json" in result.output


def test_each_compliance_gap_is_its_own_warning(issue):
    bare = issue.model_copy(
        update={
            "brand": issue.brand.model_copy(update={"sender": Sender(), "unsubscribe_url": "", "postal_address": ""})
        }
    )
    findings = [finding for finding in run(bare) if finding.check in ("unsubscribe", "address", "sender")]
    assert [(finding.level, finding.check) for finding in findings] == [
        ("warning", "unsubscribe"),
        ("warning", "address"),
        ("warning", "sender"),
    ]
    assert findings[0].message == (
        "no one-click unsubscribe (only unsubscribing by reply): Gmail and Yahoo require one from bulk senders "
        "(RFC 8058); set [brand] unsubscribe_url in newsletter.toml to an https address that unsubscribes on a POST"
    )
    assert findings[1].message.startswith("no postal address in the footer")
    assert run(issue, check="unsubscribe") == run(issue, check="address") == []


@pytest.mark.parametrize("url", ["http://news.example.org/unsubscribe", "mailto:leave@news.example.org"])
def test_unsubscribe_link_that_is_not_https_is_not_one_click(issue, url):
    plain = issue.model_copy(update={"brand": issue.brand.model_copy(update={"unsubscribe_url": url})})
    [finding] = run(plain, check="unsubscribe")
    assert finding.message.startswith(f"no one-click unsubscribe (only {url}): ")
