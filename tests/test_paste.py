"""Copy for pasting, into real editors: the preview's "Copy for pasting" puts the issue on Chromium's clipboard,
and ProseMirror (the editor Substack's and beehiiv's are built on) and Lexical (Ghost's) paste it, as an editor
would with Ctrl+V. What each editor keeps, read back from its own document model, must be the issue: every
headline a heading, every link, every photo at its absolute address with its alt text and caption, the results
tables' rows and figures, and no markup shown as text. "Copy HTML" copies the email with absolute photo
addresses and the chosen service's tags.

The editors come from npm (tests/editors/package.json, installed by .ci/run) and are bundled by esbuild into a
page served on 127.0.0.1; the browser may reach nothing else (the photos' addresses are refused, not fetched).
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import lxml.html
import pytest
from golden import DATE, EXAMPLE, ROOT, SEEDS

from newsletter.build import make_issue
from newsletter.errors import RenderError
from newsletter.render import prepare, render_paste, shown
from newsletter.words import ENGLISH, short_date, when, words_for

ELECTION = ROOT / "examples" / "election-issue"
WAIT_MS = 15_000


def copy_from_preview(page, preview, *, button: str = "#copy-paste", story: str = "") -> str:
    """Open the preview, pick the part to copy, click `button`: the status line it shows."""
    page.goto(preview.url)
    page.wait_for_function("() => document.querySelector('#copy-part').options.length > 1", timeout=WAIT_MS)
    page.select_option("#copy-part", story)
    page.click(button)
    page.wait_for_function("() => document.querySelector('#status').textContent !== ''", timeout=WAIT_MS)
    return page.text_content("#status")


def paste_into(page, editors: str, name: str) -> lxml.html.HtmlElement:
    """Ctrl+V into the editor `name` on a fresh editors page: its own serialisation of what it kept."""
    page.goto(editors)
    page.wait_for_function("() => document.documentElement.dataset.ready === 'yes'")
    page.click(f"#{name}")  # a caret in the editor, as an editor clicks before pasting
    page.keyboard.press("Control+V")
    page.wait_for_function("name => window.editors[name].html().length > 200", arg=name, timeout=WAIT_MS)
    assert page.evaluate("() => window.lexicalErrors") == []
    return lxml.html.fragment_fromstring(
        page.evaluate("name => window.editors[name].html()", name), create_parent="div"
    )


def words(element) -> str:
    return " ".join(element.text_content().split())


def assert_kept(doc, issue, stories) -> None:
    """What the editor kept is the issue: the assertions the issue asks for, against the issue's own data."""
    text = words(doc)
    headings = [words(h) for h in doc.xpath("//h1|//h2|//h3|//h4|//h5|//h6")]
    links = {a.get("href") for a in doc.xpath("//a")}
    images = {img.get("src"): img.get("alt") for img in doc.xpath("//img")}
    for story in stories:
        if story.headline and not story.headline_derived:
            assert story.headline in headings, f"{story.headline!r} is not a heading in {headings}"
        if story.url:
            assert story.url in links
        for block in story.body:
            for span in block.spans:
                if span.href:
                    assert span.href in links, f"the link {span.href} of {story.headline!r} was lost"
            if block.kind in ("p", "li", "quote") and block.text.strip():
                assert " ".join("".join(shown(span) for span in block.spans).split()) in text
            if block.results is not None:
                assert_table(doc, block.results)
        if story.image.src:
            assert story.image.src.startswith("https://"), story.image.src
            assert images.get(story.image.src) == (story.image.alt or story.caption or story.headline)
            if story.caption:
                assert " ".join(story.caption.split()) in text
    assert set(images) <= {story.image.src for story in stories}
    # No markup shown as text: tags and character references are the editor's nodes, not words.
    assert not re.search(r"</?[a-zA-Z][a-zA-Z0-9]*[\s/>]|&[a-z]+;|&#\d+;", text), text


def assert_table(doc, results) -> None:
    """Each result row is a row of a real table, with its name and figures in their own cells."""
    rows = [[words(cell) for cell in tr.xpath("./th|./td")] for tr in doc.xpath("//table//tr")]
    for row in results.rows:
        figures = [f"{row.shown}%"] if row.shown else []
        figures += [f"{row.votes:,}"] if row.votes is not None else []
        figures += [str(row.seats)] if row.seats is not None else []
        match = [cells for cells in rows if cells and cells[0].startswith(row.name)]
        assert match, f"no table row for {row.name} in {rows}"
        assert any(all(figure in cells for figure in figures) for cells in match), (figures, match)


@pytest.mark.parametrize("source", [ROOT / "seeds", ELECTION, EXAMPLE], ids=["seed", "election", "markdown"])
@pytest.mark.parametrize("editor", ["prosemirror", "lexical"])
def test_copy_for_pasting_survives_a_real_editor(desk, editors, serve, tmp_path, source, editor):
    folder = Path(shutil.copytree(source, tmp_path / source.name))
    preview = serve(folder)
    page = desk.new_page()
    status = copy_from_preview(page, preview)
    assert status.startswith("Copied the whole issue"), status
    doc = paste_into(page, editors, editor)
    issue = prepare(make_issue(folder, date=DATE).issue).email.issue
    assert_kept(doc, issue, issue.stories)
    headings = [words(h) for h in doc.xpath("//h2|//h3")]
    assert [section.heading for section in issue.sections] == [
        h for h in headings if h in {section.heading for section in issue.sections}
    ]
    tables = [block for story in issue.stories for block in story.body if block.kind == "results"]
    assert len(doc.xpath("//table")) == len(tables) and (source != ELECTION or tables)
    # The elections calendar: a list item per election, its date, how soon, country, election and note in one line
    items = [words(li) for li in doc.xpath("//li")]
    for election in issue.elections:
        line = [item for item in items if f"{election.country}, {election.election}" in item]
        day = f"{short_date(election.date, issue.date, ENGLISH)} ({when(election.days, words_for(ENGLISH))})"
        assert line and line[0].startswith(day) and election.note in line[0], (election, items)
    assert source != ELECTION or issue.elections


def test_copy_for_pasting_one_story(desk, editors, serve, tmp_path):
    folder = Path(shutil.copytree(EXAMPLE, tmp_path / "issue"))
    issue = prepare(make_issue(folder, date=DATE).issue).email.issue
    story = issue.sections[0].stories[0]
    page = desk.new_page()
    status = copy_from_preview(page, serve(folder), story=story.anchor)
    assert story.headline in status
    doc = paste_into(page, editors, "prosemirror")
    assert_kept(doc, issue, [story])
    assert [words(h) for h in doc.xpath("//h2")] == [story.headline]
    assert issue.lead.headline not in words(doc)


def photo_issue(tmp_path: Path, *, web: bool) -> Path:
    """The Markdown sample with a photo from the editor's disk as its lead's picture."""
    from PIL import Image

    folder = Path(shutil.copytree(EXAMPLE, tmp_path / "issue"))
    (folder / "photos").mkdir()
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(buffer, "JPEG")
    (folder / "photos" / "rally.jpg").write_bytes(buffer.getvalue())
    lead = folder / "01-colombia-runoff.md"
    text = lead.read_text("utf-8")
    lead.write_text(re.sub(r"src: .*", "src: photos/rally.jpg", text, count=1), "utf-8")
    if not web:
        toml = folder / "issue.toml"
        toml.write_text(re.sub(r"web_base_url = .*\n", "", toml.read_text("utf-8")), "utf-8")
    return folder


def clipboard_text(page) -> str:
    return page.evaluate("() => navigator.clipboard.readText()")


def test_copy_html_has_absolute_photos_and_the_services_tags(desk, serve, tmp_path):
    folder = photo_issue(tmp_path, web=True)
    preview = serve(folder)
    page = desk.new_page()
    page.goto(preview.url)
    page.wait_for_function("() => document.querySelector('#copy-service').options.length > 1", timeout=WAIT_MS)
    page.select_option("#copy-service", "mailchimp")
    page.click("#copy-html")
    page.wait_for_function("() => /Copied/.test(document.querySelector('#status').textContent)", timeout=WAIT_MS)
    assert "Mailchimp" in page.text_content("#status")
    copied = clipboard_text(page)
    slug = make_issue(folder, date=DATE).issue.slug
    photos = re.findall(r'<img[^>]* src="([^"]+)"', copied)
    assert f"https://news.example.org/issues/{slug}/images/" in " ".join(photos)
    assert all(src.startswith("https://") for src in photos), photos
    assert "*|UNSUB|*" in copied and "*|ARCHIVE|*" in copied
    # The choice is remembered: a reload (or the next session) copies for Mailchimp again.
    page.reload()
    page.wait_for_function("() => document.querySelector('#copy-service').options.length > 1", timeout=WAIT_MS)
    assert page.eval_on_selector("#copy-service", "select => select.value") == "mailchimp"


@pytest.mark.parametrize("api", [True, False], ids=["clipboard-api", "copy-command"])
def test_copy_html_copies_the_services_source_as_text_for_its_code_editor(desk, serve, tmp_path, api):
    """What a service's HTML editor takes is the source as text: over plain http to another machine (--host, no
    Clipboard API) that copied the email's visible words instead, without its unsubscribe tag; with the API, the
    browser parsed the whole email as HTML under the page's policy, and the console filled with its refusals."""
    folder = Path(shutil.copytree(ELECTION, tmp_path / "issue"))
    preview = serve(folder)
    page = desk.new_page()
    if not api:
        page.add_init_script("delete window.ClipboardItem;")
    console = []
    page.on("console", lambda message: console.append(message.text) if message.type == "error" else None)
    page.goto(preview.url)
    page.wait_for_function("() => document.querySelector('#copy-service').options.length > 1", timeout=WAIT_MS)
    page.select_option("#copy-service", "mailchimp")
    page.focus("#copy-html")
    page.keyboard.press("Enter")
    page.wait_for_function("() => /Copied/.test(document.querySelector('#status').textContent)", timeout=WAIT_MS)
    copied = clipboard_text(page)
    assert copied == preview.for_service("mailchimp")["html"]  # what `export --esp mailchimp` writes
    assert copied.lower().startswith("<!doctype html") and "*|UNSUB|*" in copied
    assert [text for text in console if "Content Security Policy" in text] == []
    assert page.evaluate("() => document.activeElement.id") == "copy-html"  # the next key goes where it went


def test_a_copy_while_the_newest_build_fails_says_it_is_the_last_good_one(desk, serve, tmp_path):
    """A results row fixed and saved with a mistake elsewhere in the file: the build fails, and "Copy for pasting"
    copied the last good build, saying only "Copied the whole issue for pasting", so the paste held the old figure.
    The status says which build it copied and that the newest failed; once the file is fixed, the copy is the new one,
    and says nothing more."""
    folder = Path(shutil.copytree(ELECTION, tmp_path / "issue"))
    story = folder / "04-swiss-referendum.md"
    original = story.read_text("utf-8")
    page = desk.new_page()
    preview = serve(folder)
    copy_from_preview(page, preview)
    fixed = original.replace('"498,220"', '"498,230"')
    story.write_text(fixed.replace("layout: full\n", "layout: full\nlayout: full\n"), "utf-8")
    page.wait_for_function("() => document.documentElement.dataset.state === 'error'", timeout=WAIT_MS)
    page.evaluate("() => { document.querySelector('#status').textContent = ''; }")
    page.click("#copy-paste")
    page.wait_for_function("() => document.querySelector('#status').textContent !== ''", timeout=WAIT_MS)
    status = page.text_content("#status")
    assert status.startswith("Copied the whole issue for pasting"), status
    assert "This is build 1, the last that built: build 2 failed (above)" in status, status
    assert "498,220" in page.evaluate("() => navigator.clipboard.readText()")
    story.write_text(fixed, "utf-8")
    page.wait_for_function("() => document.documentElement.dataset.state === 'ok'", timeout=WAIT_MS)
    page.wait_for_function("() => /Build 3 · /.test(document.querySelector('#build').textContent)", timeout=WAIT_MS)
    page.evaluate("() => { document.querySelector('#status').textContent = ''; }")
    page.click("#copy-paste")
    page.wait_for_function("() => document.querySelector('#status').textContent !== ''", timeout=WAIT_MS)
    assert "This is build" not in page.text_content("#status")
    assert "498,230" in page.evaluate("() => navigator.clipboard.readText()")


def test_copy_without_published_photos_says_so_and_copies_nothing(desk, serve, tmp_path):
    preview = serve(photo_issue(tmp_path, web=False))
    page = desk.new_page()
    page.goto(preview.url)
    page.evaluate("() => navigator.clipboard.writeText('before')")
    for button in ("#copy-paste", "#copy-html"):
        page.evaluate("() => { document.querySelector('#status').textContent = ''; }")
        status = copy_from_preview(page, preview, button=button)
        assert "no web address" in status and "web_base_url" in status, status
        assert page.eval_on_selector("#status", "s => s.classList.contains('status-error')")
        assert clipboard_text(page) == "before"


# --- the rendering alone ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name, source", [("seed", SEEDS), ("markdown", EXAMPLE), ("election", ELECTION)])
def test_paste_snapshot(file_regression, monkeypatch, name, source):
    """What "Copy for pasting" copies, for each golden issue: read its diff like code."""
    monkeypatch.chdir(ROOT)
    paste = render_paste(make_issue(source.relative_to(ROOT), date=DATE).issue)
    file_regression.check(paste, basename=f"{name}_paste", extension=".html")


def test_paste_refuses_photos_without_a_web_address(tmp_path):
    folder = photo_issue(tmp_path, web=False)
    with pytest.raises(RenderError) as refused:
        render_paste(make_issue(folder, date=DATE).issue)
    assert "1 photo(s) have no web address yet (images/" in str(refused.value)
    assert str(refused.value).startswith(f"{folder / '01-colombia-runoff.md'}: ")
    # A story without a photo of its own can still be copied on its own.
    issue = make_issue(folder, date=DATE).issue
    assert "<h2>" in render_paste(issue, story=issue.sections[0].stories[0].anchor)
    with pytest.raises(RenderError, match="no story 'gone'"):
        render_paste(issue, story="gone")


def test_paste_with_published_photos_names_them_absolutely(tmp_path):
    issue = make_issue(photo_issue(tmp_path, web=True), date=DATE).issue
    paste = render_paste(issue)
    assert f'<img src="https://news.example.org/issues/{issue.slug}/images/' in paste


def test_hostile_story_text_is_text_in_the_paste(tmp_path):
    hostile = "<script>alert(1)</script> <img src=x onerror=alert(2)> {{ x }}"
    (tmp_path / "01-lead.md").write_text(
        f"---\nheadline: '{hostile}'\ncaption: '{hostile}'\nimage: {{src: https://images.example.org/a.jpg}}\n"
        f"lead: true\n---\n\nBody {hostile}\n",
        encoding="utf-8",
    )
    paste = render_paste(make_issue(tmp_path, date=DATE).issue)
    assert "<script" not in paste and "<img src=x" not in paste
    assert paste.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 4  # headline, alt (the caption), caption, body


def test_the_plain_text_beside_the_html_reads_as_text(desk, serve, tmp_path):
    """Editors that take only text get the issue as paragraphs, list items and table rows, links spelled out."""
    folder = Path(shutil.copytree(ELECTION, tmp_path / "issue"))
    page = desk.new_page()
    copy_from_preview(page, serve(folder))
    text = clipboard_text(page)
    issue = prepare(make_issue(folder, date=DATE).issue).email.issue
    assert f"{issue.lead.headline} ({issue.lead.url})" in text
    assert not re.search(r"</?[a-zA-Z][a-zA-Z0-9]*[\s/>]", text), text
    row = issue.lead.body[[b.kind for b in issue.lead.body].index("results")].results.rows[0]
    assert re.search(rf"^{re.escape(row.name)}.*\t.*{re.escape(row.shown)}%", text, re.M), text


def test_the_plain_text_keeps_a_numbered_list_s_numbers(desk, serve, tmp_path):
    """The lead's steps ("How the night will unfold"), numbered in the email and in email.txt, were dashes in the text
    an editor that takes only text pastes: they keep their numbers, and the list of points its dashes."""
    folder = Path(shutil.copytree(EXAMPLE, tmp_path / "issue"))
    page = desk.new_page()
    copy_from_preview(page, serve(folder))
    lines = clipboard_text(page).splitlines()
    lead = prepare(make_issue(folder, date=DATE).issue).email.issue.lead
    items = [(block.kind, "".join(shown(span) for span in block.spans)) for block in lead.body]
    steps = [text for kind, text in items if kind == "oli"]
    points = [text for kind, text in items if kind == "li"]
    assert steps and points
    assert [f"{number}. {text}" for number, text in enumerate(steps, 1)] == [
        line for line in lines if any(line.endswith(text) for text in steps)
    ]
    assert [f"- {text}" for text in points] == [line for line in lines if any(line.endswith(text) for text in points)]


def test_without_the_clipboard_api_a_selection_copy_pastes_the_same(desk, editors, serve, tmp_path):
    """Over plain http to another machine (--host) the async Clipboard API is off: the copy command copies a
    selection of the same HTML, and the editor gets the same headings, links and tables."""
    folder = Path(shutil.copytree(ELECTION, tmp_path / "issue"))
    page = desk.new_page()
    page.add_init_script("delete window.ClipboardItem;")
    status = copy_from_preview(page, serve(folder))
    assert status.startswith("Copied the whole issue"), status
    doc = paste_into(page, editors, "prosemirror")
    issue = prepare(make_issue(folder, date=DATE).issue).email.issue
    assert_kept(doc, issue, issue.stories)


def test_without_the_clipboard_api_the_plain_text_is_the_same_as_with_it(desk, serve, tmp_path):
    """Over plain http to another machine (--host) the copy command copied the selection, and the browser made its
    text/plain: each photo's alt text a line of its own (a keyword list, or the headline again), and the links' words
    without their addresses. An editor that takes only text now gets what the Clipboard API gives it: paragraphs,
    links spelled out, no alt text."""
    folder = tmp_path / "issue"
    folder.mkdir()
    (folder / "issue.toml").write_text('[brand]\nweb_base_url = "https://news.example.org/issues"\n', "utf-8")
    (folder / "01-lead.md").write_text(
        "---\nheadline: Emirates orders 30 jets\nurl: https://news.example.org/2026/jets\nlead: true\n"
        "image: {src: 'https://images.example.org/jet.jpg', alt: 'stock 2416896949 jet airliner sky travel'}\n---\n\n"
        "The carrier [announced the order](https://news.example.org/2026/order) on Monday.\n\n- First item\n",
        "utf-8",
    )
    preview = serve(folder)
    texts = []
    for api in (True, False):
        page = desk.new_page()
        if not api:
            page.add_init_script("delete window.ClipboardItem;")
        assert copy_from_preview(page, preview).startswith("Copied the whole issue"), api
        texts.append(clipboard_text(page))
        page.close()
    with_api, without = texts
    assert "The carrier announced the order (https://news.example.org/2026/order) on Monday." in without
    assert "stock 2416896949" not in without and "- First item" in without
    assert without == with_api
