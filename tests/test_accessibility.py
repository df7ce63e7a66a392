"""What a screen reader finds in an issue: axe-core (from npm, `npm ci --prefix tests/editors`) run in a real
headless Chromium over the email, its web version and the published archive's index and issue pages, of the seed
page, the Markdown sample and the election sample (results tables, the elections calendar), in light and dark mode
and, for the email, as a Gmail that drops every <style> shows it. Images are off, as many readers keep them.

Each failure lists what axe found: the rule, its impact, the element and what a screen-reader user misses there.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import missing
from golden import DATE, EXAMPLE, ROOT, SEEDS

from newsletter.build import build
from newsletter.publish import publish

AXE = ROOT / "tests" / "editors" / "node_modules" / "axe-core" / "axe.min.js"
ELECTION = ROOT / "examples" / "election-issue"
# The election sample has no brand of its own: the archive needs its address (the feed's links are absolute).
SETTINGS = '[brand]\nname = "The Ballot Brief"\nweb_base_url = "https://news.example.org/issues"\n'

EMAILS = ["seed email", "markdown email", "election email"]
PAGES = [
    *EMAILS,
    "seed web",
    "markdown web",
    "election web",
    "archive index",
    "archive markdown issue",
    "archive election issue",
]

# Landmark rules do not apply inside an email, and are left out for the emails alone. A mail client shows the email
# inside its own page, which has its own main landmark and regions (Gmail's, Outlook's): a `main` of the email's own
# would be a second one in that page, and a region around its content would be one more stop in the client's list of
# landmarks. Email accessibility guides have the email's content marked as one article instead, named by its
# subject, with its language and direction (the wrapper Gmail keeps when it drops <html>): `article_of` checks that
# it is there, so these two rules are off only while the email names itself that way.
NOT_IN_AN_EMAIL = ("landmark-one-main", "region")


@pytest.fixture(scope="module")
def axe() -> str:
    if not AXE.exists():
        missing("axe-core from npm (npm ci --prefix tests/editors)")
    return AXE.read_text("utf-8")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, Path]:
    """Each page the tests read: the three samples built, the Markdown and election ones published as an archive."""
    work = tmp_path_factory.mktemp("accessibility")
    settings = work / "newsletter.toml"
    settings.write_text(SETTINGS, encoding="utf-8")
    seed = build(SEEDS, out=work / "seed", date=DATE).out
    markdown = build(EXAMPLE, out_root=work / "build", date=DATE, config=settings).out
    election = build(ELECTION, out_root=work / "build", date=DATE + dt.timedelta(days=7), config=settings).out
    site = publish(work / "build", work / "site").out
    return {
        "seed email": seed / "email.html",
        "markdown email": markdown / "email.html",
        "election email": election / "email.html",
        "seed web": seed / "web.html",
        "markdown web": markdown / "web.html",
        "election web": election / "web.html",
        "archive index": site / "index.html",
        "archive markdown issue": site / markdown.name / "web.html",
        "archive election issue": site / election.name / "web.html",
    }


def open_page(page, path: Path, *, scheme: str, styles: bool = True) -> None:
    page.emulate_media(color_scheme=scheme)
    # Images off: what a reader who blocks them gets is the alt text, and nothing from the internet decides the test.
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    page.goto(path.as_uri())
    if not styles:
        page.evaluate("document.querySelectorAll('style').forEach(style => style.remove())")


def article_of(page) -> dict[str, str | None]:
    return page.evaluate(
        "() => { const a = document.querySelector('body [role=article]');"
        " return a && {label: a.getAttribute('aria-label'), lang: a.getAttribute('lang'), dir: a.getAttribute('dir'),"
        " title: document.title}; }"
    )


def audit(page, axe: str, *, email: bool) -> list[dict]:
    """axe's violations on the open page, every rule it runs by default (WCAG A and AA, and best practices)."""
    options: dict[str, object] = {"resultTypes": ["violations"]}
    if email:
        article = article_of(page)
        assert article and article["label"] == article["title"] and article["lang"] and article["dir"], article
        options["rules"] = {rule: {"enabled": False} for rule in NOT_IN_AN_EMAIL}
    page.add_script_tag(content=axe)
    return page.evaluate("options => axe.run(document, options).then(results => results.violations)", options)


def described(violations: list[dict]) -> str:
    """Each violation as a screen-reader user meets it: the rule, its impact, where, and what is missing there."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            summary = " ".join(line.strip() for line in (node.get("failureSummary") or "").splitlines()[1:2])
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['html'][:160]} - {summary}")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_a_screen_reader_meets_no_barrier(page, axe, outputs, name, scheme):
    open_page(page, outputs[name], scheme=scheme)
    violations = audit(page, axe, email=name in EMAILS)
    assert not violations, f"{name}, {scheme} mode:\n{described(violations)}"


@pytest.mark.parametrize("name", EMAILS)
def test_an_email_whose_style_elements_gmail_drops_meets_no_barrier(page, axe, outputs, name):
    open_page(page, outputs[name], scheme="light", styles=False)
    violations = audit(page, axe, email=True)
    assert not violations, f"{name} without <style>:\n{described(violations)}"
