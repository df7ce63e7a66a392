"""`newsletter export`: each email service's tags sit exactly in the unsubscribe and "View in browser"
links, and nothing from a story reaches the service as one of its tags."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser

import pytest
from golden import DATE, EXAMPLE, SLUG

from newsletter.build import build, issue_json
from newsletter.errors import RenderError
from newsletter.export import DIALECTS, neutralise
from newsletter.models import Issue

# Every dialect's two links as a reader's HTML parser sees them: the tag as the link's address, or (for an
# element tag such as Campaign Monitor's <unsubscribe>) no link at all; None: the service brings its own.
WEB = f"https://news.example.org/issues/{SLUG}/web.html"
SERVICES = [
    ("mailchimp", "*|UNSUB|*", "*|ARCHIVE|*"),
    ("buttondown", "{{ unsubscribe_url }}", "{{ email_url }}"),
    ("listmonk", "{{ UnsubscribeURL }}", "{{ MessageURL }}"),
    ("kit", "{{ unsubscribe_url }}", WEB),
    ("brevo", "{{ unsubscribe }}", "{{ mirror }}"),
    ("mailerlite", "{$unsubscribe}", "{$url}"),
    ("campaignmonitor", "<unsubscribe>", "<webversion>"),
    ("sendy", "[unsubscribe]", "[webversion]"),
    ("ghost", "%%{unsubscribe_url}%%", WEB),
    ("generic", "%%{unsubscribe_url}%%", "%%{web_url}%%"),
]


class Page(HTMLParser):
    """Every link (href and text) and all the text a reader sees."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self.text: list[str] = []
        self.href: str | None = None
        self.skip = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag in ("a", "unsubscribe", "webversion"):  # Campaign Monitor's tags stand for a link
            self.href = f"<{tag}>" if tag != "a" else dict(attrs).get("href") or ""
            self.links.append((self.href, ""))
        if tag in ("style", "script"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("a", "unsubscribe", "webversion"):
            self.href = None
        if tag in ("style", "script"):
            self.skip -= 1

    def handle_data(self, data):
        if self.skip:
            return
        self.text.append(data)
        if self.href is not None:
            href, text = self.links[-1]
            self.links[-1] = (href, text + data)

    def hrefs(self, text: str) -> list[str]:
        return [href for href, words in self.links if " ".join(words.split()) == text]


def count(html: str, tag: str) -> int:
    """How often a tag stands in the page: an element tag by its opening (it takes the link's attributes)."""
    return html.count(tag.rstrip(">")) if tag.startswith("<") else html.count(tag)


def test_every_dialect_is_tested_for_its_links():
    assert {esp for esp, _, _ in SERVICES} | {"beehiiv"} == set(DIALECTS)


@pytest.mark.parametrize("esp", DIALECTS)
def test_each_dialect_holds_its_unsubscribe_tag_once_and_no_other_services_tag(built_workdir, esp, cli):
    result = cli("export", f"build/{SLUG}", "--esp", esp)
    assert result.exit_code == 0, result.output
    html = (built_workdir / "build" / SLUG / f"export-{esp}.html").read_text()
    own = DIALECTS[esp]
    if own.unsubscribe is None:  # beehiiv: its own footer carries the unsubscribe link, ours is left out
        assert Page(html).hrefs("Unsubscribe") == []
        assert "its own unsubscribe footer" in result.output
    else:
        assert count(html, own.unsubscribe) == 1
    others = {tag for other in DIALECTS.values() for tag in (other.unsubscribe, other.web) if tag}
    for tag in sorted(others - {own.unsubscribe, own.web}):
        assert count(html, tag) == 0, f"{esp} export holds {tag}"
    assert ("<body" in html) == (own.shape == "document")


@pytest.mark.parametrize("esp", DIALECTS)
def test_export_snapshot(built_workdir, esp, cli, file_regression):
    result = cli("export", f"build/{SLUG}", "--esp", esp)
    assert result.exit_code == 0, result.output
    exported = (built_workdir / "build" / SLUG / f"export-{esp}.html").read_text()
    file_regression.check(exported, basename=f"export_{esp}", extension=".html")


@pytest.mark.parametrize(("esp", "unsubscribe", "web"), SERVICES)
def test_export_puts_the_service_tags_in_the_unsubscribe_and_web_links(built_workdir, esp, unsubscribe, web, cli):
    result = cli("export", f"build/{SLUG}", "--esp", esp)
    assert result.exit_code == 0, result.output
    assert f"Wrote build/{SLUG}/export-{esp}.html (" in result.output
    html = (built_workdir / "build" / SLUG / f"export-{esp}.html").read_text()
    page = Page(html)
    assert page.hrefs("Unsubscribe") == [unsubscribe]
    web_links = page.hrefs("View in browser")
    assert web_links == [web, web]  # at the top, and again in the footer
    # The tags are in those links and nowhere else.
    assert count(html, unsubscribe) == 1
    assert count(html, web) == len(web_links)
    if esp not in ("generic", "ghost"):  # Ghost's tag is ours
        assert "%%{" not in html
    # Everything else is the email as built, links included.
    story_links = [href for href, _ in page.links if href not in (unsubscribe, web)]
    assert "https://news.example.org/2026/11/colombia-runoff" in story_links


@pytest.mark.parametrize(
    ("esp", "quoted"),
    [
        ("mailchimp", "*|FNAME|*"),
        ("listmonk", "{{ .Subscriber.Attribs.city }}"),
        ("buttondown", "{% if subscriber.tags %}"),
        ("buttondown", "{{ subscriber.email }}"),
        ("kit", "{{ subscriber.first_name }}"),
        ("brevo", "{{ contact.FIRSTNAME }}"),
        ("mailerlite", "{$email}"),
        ("campaignmonitor", "[firstname,fallback=reader]"),
        ("sendy", "[Name,fallback=reader]"),
        ("ghost", "%%{email}%%"),
    ],
)
def test_a_story_quoting_a_service_tag_shows_it_as_text_and_never_runs_it(built_workdir, esp, quoted, cli):
    source = built_workdir / "issue"
    shutil.copytree(EXAMPLE, source)
    lead = source / "01-colombia-runoff.md"
    front, _, body = lead.read_text().partition("\n---\n")
    escaped = quoted.replace("*", "\\*")  # as Markdown text, not emphasis
    lead.write_text(f"{front}\n---\nThe template said {escaped} to every reader.\n\n{body}")
    build(source, out=built_workdir / "build" / SLUG, date=DATE)
    result = cli("export", f"build/{SLUG}", "--esp", esp)
    assert result.exit_code == 0, result.output
    html = (built_workdir / "build" / SLUG / f"export-{esp}.html").read_text()
    assert quoted not in html
    # Our own token style is escaped where the story enters, for every output (send would fill it in):
    # the brace is a full-width one, and the build names it.
    shown = quoted.replace("%%{", "%%\uff5b")
    assert f"The template said {shown} to every reader." in " ".join("".join(Page(html).text).split())


@pytest.mark.parametrize(("esp", "unsubscribe", "web"), SERVICES)
def test_a_card_whose_whole_text_is_on_the_web_version_links_there_in_every_dialect(
    built_workdir, esp, unsubscribe, web, cli
):
    """The service's tag stands for its own copy of the email, which shows the card and not the story's whole
    text, nor its place on our page: the card links to our web version's place for it."""
    source = built_workdir / "issue"
    shutil.copytree(EXAMPLE, source)
    explainer = source / "05-explainer.md"
    explainer.write_text(explainer.read_text().replace("url: https://news.example.org/2026/11/runoff-explainer\n", ""))
    build(source, out=built_workdir / "build" / SLUG, date=DATE)
    result = cli("export", f"build/{SLUG}", "--esp", esp)
    assert result.exit_code == 0, result.output
    page = Page((built_workdir / "build" / SLUG / f"export-{esp}.html").read_text())
    card = page.hrefs("Explainer: how a runoff count works, step by step")
    assert card == [f"{WEB}#explainer-how-a-runoff-count-works-step"]
    assert page.hrefs("View in browser") == [web, web]


def test_export_refuses_a_service_it_does_not_know(built_workdir, cli):
    result = cli("export", f"build/{SLUG}", "--esp", "sendgrid")
    assert result.exit_code == 1
    assert (
        "error: 'sendgrid' is not a service this exports to; choose one of mailchimp, buttondown, listmonk, "
        "kit, brevo, mailerlite, campaignmonitor, sendy, beehiiv, ghost, generic" in result.output
    )


def test_export_writes_where_asked_and_defaults_to_the_newest_build(built_workdir, cli):
    older = built_workdir / "build" / "2026-11-17-issue-47"
    shutil.copytree(built_workdir / "build" / SLUG, older)
    issue = Issue.model_validate_json((older / "issue.json").read_text())
    (older / "issue.json").write_text(issue_json(issue.model_copy(update={"subject": "Last week's issue"})))
    result = cli("export", "--esp", "Mailchimp", "--out", "paste/me.html")
    assert result.exit_code == 0, result.output
    assert "Wrote paste/me.html (" in result.output
    assert "for Mailchimp: unsubscribe link *|UNSUB|*, web version *|ARCHIVE|*" in result.output
    html = (built_workdir / "paste" / "me.html").read_text()
    assert Page(html).hrefs("Unsubscribe") == ["*|UNSUB|*"]
    assert "<title>Runoff week: Bogotá votes, Brussels waits</title>" in html


def test_css_holding_a_service_tag_is_refused_rather_than_broken():
    assert (
        neutralise("<p>{{ x }}</p><style>a { b: c }</style>", ("{{",)) == "<p>&#123;{ x }}</p><style>a { b: c }</style>"
    )
    with pytest.raises(RenderError, match="the email's CSS holds '{#'"):
        neutralise("<style>@media print{#x{color:red}}</style>", ("{#",))


def test_export_refuses_a_build_whose_email_was_edited_after_build(built_workdir, cli):
    page = built_workdir / "build" / SLUG / "email.tokens.html"
    page.write_text(page.read_text().replace("Colombia", "Colombia (edited)"))
    result = cli("export", f"build/{SLUG}", "--esp", "mailchimp")
    assert result.exit_code == 1
    assert result.output == (
        f"error: build/{SLUG}/email.tokens.html: was changed after `newsletter build` wrote it; "
        "nothing goes out that was not built and checked: build the issue again instead of "
        "editing its files\n"
    )
    assert not (built_workdir / "build" / SLUG / "export-mailchimp.html").exists()


def test_export_is_the_built_email_with_the_service_tags_where_the_links_were(built_workdir, cli):
    folder = built_workdir / "build" / SLUG
    result = cli("export", f"build/{SLUG}", "--esp", "generic")
    assert result.exit_code == 0, result.output
    built = (folder / "email.html").read_text()
    exported = (folder / "export-generic.html").read_text()
    brand = Issue.model_validate_json((folder / "issue.json").read_text()).brand
    assert (
        exported.replace("%%{unsubscribe_url}%%", brand.unsubscribe_url).replace(
            "%%{web_url}%%", f"{brand.web_base_url}/{SLUG}/web.html"
        )
        == built
    )


def test_export_reminds_to_upload_what_the_email_loads_from_the_web_base_url(built_workdir, cli):
    result = cli("export", f"build/{SLUG}", "--esp", "kit")  # its "View in browser" is our web.html
    assert result.exit_code == 0, result.output
    assert (
        f"note: the email loads its photos or its web version from https://news.example.org/issues/{SLUG}/: "
        "publish and upload before you paste it; then `newsletter check --online` says whether every one is there"
    ) in result.output


@pytest.mark.parametrize("esp", ["mailchimp", "ghost"])
def test_export_of_an_issue_without_a_web_version_says_it_has_none(seed_workdir, esp, cli):
    """No web_base_url: the email has no "View in browser" link, and export does not claim the service's tag (or
    our web.html) stands in one."""
    assert cli("build").exit_code == 0
    result = cli("export", "--esp", esp)
    assert result.exit_code == 0, result.output
    name = DIALECTS[esp].name
    assert f'for {name}: unsubscribe link {DIALECTS[esp].unsubscribe}, no "View in browser" link ' in result.output
    assert "web version" not in result.output
    exported = next((seed_workdir / "build").glob(f"*/export-{esp}.html")).read_text()
    assert "View in browser" not in exported and "*|ARCHIVE|*" not in exported


def test_a_build_again_takes_away_the_exports_of_the_build_it_replaces(workdir, cli):
    """An editor exported for Ghost, took a story out, built again, and found export-ghost.html still in the build
    folder, holding the story taken out: pasted, it would have sent last build's issue. An export is made from one
    build; the next build of the folder leaves none of the old one's (an editor's own files stay)."""
    shutil.copytree(EXAMPLE, workdir / "issue")
    assert cli("build", "issue", "--date", DATE).exit_code == 0
    folder = workdir / "build" / SLUG
    for esp in ("ghost", "mailchimp"):
        assert cli("export", "--esp", esp).exit_code == 0
    (folder / "notes.txt").write_text("mine")
    assert "Sahel" in (folder / "export-ghost.html").read_text()

    (workdir / "issue" / "04-sahel-mediation.md").unlink()
    rebuilt = cli("build", "issue", "--date", DATE)
    assert rebuilt.exit_code == 0, rebuilt.output
    assert not (folder / "export-ghost.html").exists()
    assert not (folder / "export-mailchimp.html").exists()
    assert (folder / "notes.txt").read_text() == "mine"
    assert cli("export", "--esp", "ghost").exit_code == 0
    assert "Sahel" not in (folder / "export-ghost.html").read_text()
