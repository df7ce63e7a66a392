"""Link tagging: [tracking] adds UTM parameters to the email's story links (HTML, text, .eml, sends and
exports), keeping what a link already says, and never touching unsubscribe, "View in browser", mailto,
excluded domains or the web version."""

from __future__ import annotations

import email
import re
from email.policy import default
from pathlib import Path

import pytest
from conftest import missing

from newsletter.build import build
from newsletter.links import tag_link

try:
    from smtp_server import smtp_server
except ImportError as error:  # aiosmtpd or trustme is not installed
    SMTP_MISSING: str | None = str(error)
else:
    SMTP_MISSING = None

SLUG = "2026-11-24-issue-48"
TAGS = "utm_source=ballot-brief&utm_medium=email&utm_campaign=2026-11-24-issue-48"
BRAND = """[brand]
name = "The Ballot Brief"
web_base_url = "https://news.example.org/issues"
unsubscribe_url = "https://news.example.org/unsubscribe"
postal_address = "The Ballot Brief, 12 Example Street, Springfield 00000"

[brand.sender]
email = "newsletter@news.example.org"
"""
TRACKING = """
[tracking]
utm_source = "ballot-brief"
exclude = ["partner.org"]
"""
LEAD = """---
headline: Colombia's runoff turns on turnout
url: https://news.example.org/2026/11/runoff?id=7&lang=es#results
section: Elections
---

Polls close at four. Read the [explainer](https://news.example.org/explainer#how-it-works), our
[partner's map](https://www.partner.org/maps/colombia), the [poll we shared](https://news.example.org/poll?utm_source=twitter),
or write to <mailto:desk@news.example.org>.
"""
ITEM = """---
headline: Brussels waits on enlargement
url: https://news.example.org/2026/11/eu
teaser: Ministers meet on Tuesday.
---
"""


@pytest.fixture
def editor(tmp_path, monkeypatch) -> Path:
    """An issue folder with every kind of link, and brand settings; [tracking] is added by the tests."""
    issue = tmp_path / "issue"
    issue.mkdir()
    (issue / "01-lead.md").write_text(LEAD)
    (issue / "02-eu.md").write_text(ITEM)
    (issue / "issue.toml").write_text('number = 48\ndate = 2026-11-24\nlead = "01-lead.md"\n')
    (tmp_path / "newsletter.toml").write_text(BRAND + TRACKING)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def built(editor: Path) -> Path:
    return build(editor / "issue", config=editor / "newsletter.toml").out


def hrefs(html: str) -> list[str]:
    return [href.replace("&amp;", "&") for href in re.findall(r'href="([^"]+)"', html)]


# --- the rule ---------------------------------------------------------------------------------------


PARAMS = {"utm_source": "ballot-brief", "utm_medium": "email", "utm_campaign": "issue-48"}


@pytest.mark.parametrize(
    ("url", "tagged"),
    [
        (
            "https://example.org/a",
            "https://example.org/a?utm_source=ballot-brief&utm_medium=email&utm_campaign=issue-48",
        ),
        # An existing query is kept as written, the tags go after it.
        (
            "https://example.org/a?id=7&q=a%20b",
            "https://example.org/a?id=7&q=a%20b&utm_source=ballot-brief&utm_medium=email&utm_campaign=issue-48",
        ),
        # The fragment stays last, where browsers read it.
        (
            "https://example.org/a?id=7#part-2",
            "https://example.org/a?id=7&utm_source=ballot-brief&utm_medium=email&utm_campaign=issue-48#part-2",
        ),
        (
            "https://example.org/#top",
            "https://example.org/?utm_source=ballot-brief&utm_medium=email&utm_campaign=issue-48#top",
        ),
        # A tag the link already has keeps its value; only the missing ones are added.
        (
            "https://example.org/a?utm_source=partner",
            "https://example.org/a?utm_source=partner&utm_medium=email&utm_campaign=issue-48",
        ),
        # Excluded domains and their subdomains, mailto and anything not on the web stay as written.
        ("https://partner.org/a", "https://partner.org/a"),
        ("https://www.Partner.org/a?x=1", "https://www.Partner.org/a?x=1"),
        ("mailto:desk@example.org?subject=hi", "mailto:desk@example.org?subject=hi"),
        (
            "https://notpartner.org/a",
            "https://notpartner.org/a?utm_source=ballot-brief&utm_medium=email&utm_campaign=issue-48",
        ),
    ],
)
def test_tag_link(url, tagged):
    assert tag_link(url, PARAMS, ["partner.org"]) == tagged


def test_campaign_values_are_encoded():
    params = {"utm_source": "ballot brief", "utm_medium": "email", "utm_campaign": "runoff & more"}
    assert tag_link("https://example.org/", params, []) == (
        "https://example.org/?utm_source=ballot%20brief&utm_medium=email&utm_campaign=runoff%20%26%20more"
    )


# --- in what the build writes -------------------------------------------------------------------------


def test_the_email_tags_story_links_and_leaves_the_rest_as_written(editor):
    links = hrefs((built(editor) / "email.html").read_text())
    assert sorted(set(links)) == sorted(
        {
            f"https://news.example.org/2026/11/runoff?id=7&lang=es&{TAGS}#results",
            f"https://news.example.org/explainer?{TAGS}#how-it-works",
            "https://www.partner.org/maps/colombia",
            "https://news.example.org/poll?utm_source=twitter&utm_medium=email&utm_campaign=2026-11-24-issue-48",
            "mailto:desk@news.example.org",
            f"https://news.example.org/2026/11/eu?{TAGS}",
            "https://news.example.org/issues",  # the masthead
            f"https://news.example.org/issues/{SLUG}/web.html",  # View in browser
            "https://news.example.org/unsubscribe",
        }
    )


def test_the_web_version_keeps_clean_links(editor):
    links = hrefs((built(editor) / "web.html").read_text())
    assert "https://news.example.org/2026/11/runoff?id=7&lang=es#results" in links
    assert "https://news.example.org/2026/11/eu" in links
    assert not [link for link in links if "utm_" in link and "twitter" not in link]


def test_the_plain_text_and_the_eml_carry_the_same_tags(editor):
    out = built(editor)
    text = (out / "email.txt").read_text()
    assert f"https://news.example.org/2026/11/runoff?id=7&lang=es&{TAGS}#results" in text
    assert f"View in browser: https://news.example.org/issues/{SLUG}/web.html\n" in text
    assert "Unsubscribe: https://news.example.org/unsubscribe\n" in text
    message = email.message_from_bytes((out / "email.eml").read_bytes(), policy=default)
    html = message.get_body(("html",)).get_content()
    plain = message.get_body(("plain",)).get_content()
    assert f"https://news.example.org/2026/11/eu?{TAGS.replace('&', '&amp;')}" in html
    assert f"https://news.example.org/2026/11/eu?{TAGS}" in plain
    assert "utm_" not in message["List-Unsubscribe"]


def test_a_set_campaign_and_medium_replace_the_defaults(editor):
    (editor / "newsletter.toml").write_text(
        BRAND
        + TRACKING.replace(
            'utm_source = "ballot-brief"',
            'utm_source = "ballot-brief"\nutm_medium = "newsletter"\nutm_campaign = "weekly"',
        )
    )
    links = hrefs((built(editor) / "email.html").read_text())
    assert (
        "https://news.example.org/2026/11/eu?utm_source=ballot-brief&utm_medium=newsletter&utm_campaign=weekly" in links
    )


def test_without_a_tracking_table_no_link_is_tagged(editor, cli):
    (editor / "newsletter.toml").write_text(BRAND)
    out = built(editor)
    for name in ("email.html", "email.txt", "email.eml", "web.html"):
        assert "utm_medium" not in (out / name).read_text(), name
    result = cli("check", f"build/{SLUG}")
    assert "tracking:" not in result.output


def test_check_says_how_many_links_were_tagged(editor, cli):
    built(editor)
    result = cli("check", f"build/{SLUG}")
    assert result.exit_code == 0, result.output
    assert (
        "tracking: 5 of 10 web link(s) tagged with utm_source=ballot-brief, utm_medium=email, "
        "utm_campaign=2026-11-24-issue-48 (unsubscribe, View in browser, mailto and excluded domains stay "
        "as written)"
    ) in result.output.splitlines()
    as_json = cli("check", f"build/{SLUG}", "--format", "json")
    assert '"tagged": 5,\n    "links": 10,' in as_json.output


def test_an_export_carries_the_tags(editor, cli):
    built(editor)
    result = cli("export", f"build/{SLUG}", "--esp", "mailchimp")
    assert result.exit_code == 0, result.output
    links = hrefs((editor / "build" / SLUG / "export-mailchimp.html").read_text())
    assert f"https://news.example.org/2026/11/eu?{TAGS}" in links
    assert "*|UNSUB|*" in links and "*|ARCHIVE|*" in links


def test_a_sent_message_carries_the_tags(editor, cli):
    if SMTP_MISSING:
        missing(f"aiosmtpd and trustme (pip install -e '.[test]'): {SMTP_MISSING}")
    built(editor)
    with smtp_server() as server:
        (editor / "newsletter.toml").write_text(BRAND + TRACKING + "\n" + server.toml())
        result = cli("send", f"build/{SLUG}", "--to", "editor@example.org")
        assert result.exit_code == 0, result.output
        [received] = server.mailbox.received
    message = received.message
    assert f"https://news.example.org/2026/11/eu?{TAGS}" in message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert f"https://news.example.org/2026/11/runoff?id=7&amp;lang=es&amp;{TAGS.replace('&', '&amp;')}#results" in html


# --- bad settings ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (
            '[tracking]\nutm_medium = "email"\n',
            "newsletter.toml:10: [tracking] needs utm_source, the name your analytics shows for the newsletter, "
            'such as utm_source = "ballot-brief"',
        ),
        (
            '[tracking]\nutm_source = "x"\nexclude = ["https://partner.org/"]\n',
            "newsletter.toml:12: [tracking] exclude: 'https://partner.org/' is not a domain such as \"example.org\"",
        ),
        (
            '[tracking]\nutm_source = "x"\nutm_campain = "y"\n',
            "newsletter.toml:12: unknown key(s) 'utm_campain' (did you mean 'utm_campaign'?); known keys: exclude, "
            "utm_campaign, utm_medium, utm_source",
        ),
        (
            '[tracking]\nutm_source = ""\n',
            "newsletter.toml:11: [tracking] utm_source must be a word or phrase in quotes, "
            'such as utm_source = "newsletter"',
        ),
    ],
)
def test_a_bad_tracking_table_is_one_line_naming_its_line(editor, table, message, cli):
    (editor / "newsletter.toml").write_text(BRAND + "\n" + table)
    result = cli("build", "issue")
    assert result.exit_code == 1
    assert result.output == f"error: {message}\n"
    assert not (editor / "build").exists()
