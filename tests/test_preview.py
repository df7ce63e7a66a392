"""`newsletter preview`: the page in a real headless Chromium, live reload, and the server's safety rules.

Every test starts its own server on a free port (127.0.0.1) over a copy of a golden issue, and stops it.
"""

from __future__ import annotations

import http.client
import json
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from golden import DATE, ROOT

from newsletter.build import make_issue
from newsletter.errors import InputError
from newsletter.preview import Preview, force_scheme

WAIT_MS = 10_000
FRAME = "#email"
WIDTHS = {"desktop": 600, "mobile": 375, "dark": 600, "text": 680}


@pytest.fixture
def seeds(tmp_path):
    return Path(shutil.copytree(ROOT / "seeds", tmp_path / "seeds"))


@pytest.fixture
def markdown(tmp_path):
    return Path(shutil.copytree(ROOT / "examples" / "markdown-issue", tmp_path / "markdown-issue"))


def built(preview: Preview, name: str) -> bytes:
    """A file as `newsletter build` writes it for the preview's source: what the page must show, byte for byte."""
    from newsletter.build import make_issue, render_files

    return render_files(make_issue(preview.source, date=preview.date, config=preview.config))[name]


def open_page(page, preview: Preview, query: str = ""):
    page.goto(preview.url + query)
    wait_for_frame(page)
    return page


def wait_for_frame(page) -> None:
    """Until the iframe holds the newest build the page knows of."""
    page.wait_for_function(
        "() => { const f = document.querySelector('#email'); const b = document.documentElement.dataset.build;"
        " return f.dataset.loadedBuild && b && f.dataset.loadedBuild !== '' && f.contentDocument"
        " && f.contentDocument.readyState === 'complete'; }",
        timeout=WAIT_MS,
    )


def frame_eval(page, script: str):
    """Run `script` (a function of the iframe's document and window) from the page: scripts can't run inside."""
    return page.evaluate(
        f"() => {{ const f = document.querySelector('{FRAME}');"
        f" return ({script})(f.contentDocument, f.contentWindow); }}"
    )


def frame_width(page) -> float:
    return page.eval_on_selector(FRAME, "f => f.getBoundingClientRect().width")


def wait_for_frame_text(page, text: str) -> None:
    page.wait_for_function(
        "text => { const d = document.querySelector('#email').contentDocument;"
        " return d && d.body && d.body.textContent.includes(text); }",
        arg=text,
        timeout=WAIT_MS,
    )


def watched(preview: Preview) -> Callable[[], int]:
    """Count the preview's rebuilds as its watcher runs them (from before any save, so none is missed); give a wait
    for the build number once the watcher is quiet: it has built from the files as they are (their stamps are the
    ones it last took) and no rebuild is running. A wait on that condition, never on a clock."""
    real, running, lock = preview.rebuild_if_changed, [0], threading.Lock()

    def counted() -> None:
        with lock:
            running[0] += 1
        try:
            real()
        finally:
            with lock:
                running[0] -= 1

    def settled() -> bool:  # stamps first: a rebuild that starts after them finds nothing to build
        return preview.stamp() == preview.stamps and running[0] == 0

    def quiet() -> int:
        wait_until(settled, "the watcher to build every change")
        return preview.number

    preview.rebuild_if_changed = counted  # type: ignore[method-assign]
    return quiet


def wait_for_build(page, number: int) -> None:
    """Until the frame holds build `number` (or a later one), loaded."""
    page.wait_for_function(
        "n => +document.querySelector('#email').dataset.loadedBuild >= n", arg=number, timeout=WAIT_MS
    )
    wait_for_frame(page)


def luminance(rgb: str) -> float:
    values = [int(v) / 255 for v in re.findall(r"\d+", rgb)[:3]]
    linear = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in values]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


# --- the page -----------------------------------------------------------------------------------------


def on_a_phone(note: str, label: str, value: str) -> str:
    """What the inbox row must show of `value`, by the count the page's note gives: the first N
    characters and "…", or all of it."""
    cut = re.search(rf"{label}: a phone shows (\d+) of its {len(value)} characters\.", note)
    if cut is None:
        assert f"{label}: all {len(value)} characters show on a phone." in note, note
        return value
    assert 0 < int(cut[1]) < len(value), note
    return value[: int(cut[1])] + "…"


def test_page_shows_the_email_inbox_row_and_size(page, serve, seeds):
    preview = serve(seeds)
    issue = make_issue(seeds, date=DATE).issue
    open_page(page, preview)
    assert frame_eval(page, "d => d.querySelector('h1').textContent.trim()") == issue.lead.headline
    assert page.locator("#inbox-from").text_content() == issue.brand.name
    subject = page.locator("#inbox-subject")
    assert subject.get_attribute("title") == issue.subject
    note = page.locator("#inbox-note").text_content()
    assert subject.text_content() == on_a_phone(note, "Subject", issue.subject)
    assert page.locator("#inbox-preheader").text_content() == on_a_phone(note, "Preheader", issue.preheader)
    kb = len(built(preview, "email.html")) / 1024
    assert f"email.html is {kb:.1f} KB" in page.locator("#size-text").text_content()
    assert "102 KB" in page.locator("#size-text").text_content()


def test_each_mode_shows_its_view_at_its_width_and_survives_a_reload(page, serve, seeds):
    preview = serve(seeds)
    html = built(preview, "email.html").decode()
    text = built(preview, "email.txt").decode()
    headline = make_issue(seeds, date=DATE).issue.lead.headline
    open_page(page, preview)
    assert page.get_attribute("[data-mode=desktop]", "aria-pressed") == "true"
    for mode in ("mobile", "dark", "text", "web", "source", "desktop"):
        page.click(f"[data-mode={mode}]")
        for reloaded in (False, True):
            if reloaded:
                page.reload()
            wait_for_frame(page)
            assert f"mode={mode}" in page.url
            assert page.get_attribute(f"[data-mode={mode}]", "aria-pressed") == "true", (mode, reloaded)
            width = frame_width(page)
            if mode in WIDTHS:
                assert width == WIDTHS[mode], (mode, reloaded)
            else:
                # The web version fills the stage beside the panel.
                assert abs(width - page.eval_on_selector("#device", "d => d.clientWidth")) < 1, mode
                assert width > 600, mode
            body = frame_eval(page, "d => d.body.textContent")
            if mode == "text":
                assert frame_eval(page, "d => d.contentType") == "text/plain"
                assert body == text
            elif mode == "source":
                assert frame_eval(page, "d => d.contentType") == "text/plain"
                assert body == html
            elif mode == "web":
                assert frame_eval(page, "d => !!d.querySelector('meta[property=\"og:title\"]')")
            else:
                assert frame_eval(page, "d => d.querySelector('h1').textContent.trim()") == headline
                # The email's own viewport is the mode's width: its phone rules apply at 375 only.
                assert frame_eval(page, "(d, w) => w.innerWidth") == WIDTHS[mode]


def test_dark_mode_darkens_the_email_whatever_the_browser_prefers(page, serve, seeds):
    preview = serve(seeds)
    body_background = "(d, w) => w.getComputedStyle(d.body).backgroundColor"
    for preferred in ("light", "dark"):
        page.emulate_media(color_scheme=preferred)
        open_page(page, preview, "?mode=desktop")
        light = frame_eval(page, body_background)
        page.click("[data-mode=dark]")
        wait_for_frame(page)
        dark = frame_eval(page, body_background)
        assert dark != light
        assert luminance(dark) < 0.05 < luminance(light), (preferred, light, dark)


def test_warnings_panel_lists_each_item_without_a_headline_with_its_story(page, serve, seeds):
    preview = serve(seeds)
    issue = make_issue(seeds, date=DATE).issue
    no_headline = [notice for notice in issue.warnings if notice.message.startswith("no headline")]
    assert len(no_headline) == 5
    open_page(page, preview)
    for notice in no_headline:
        group = page.locator(".finding-group").filter(has=page.locator(".finding-story", has_text=notice.story))
        assert group.count() == 1, notice.story
        item = group.locator(".finding").filter(has_text="no headline")
        assert item.count() == 1
        assert f"{notice.source.file}:{notice.source.line}" in item.text_content()
    assert page.locator(".finding").filter(has_text="no headline").count() == 5
    assert "warnings" in page.locator("#warnings-count").text_content()


def test_editing_a_headline_updates_the_open_page_and_keeps_its_mode(page, serve, seeds):
    preview = serve(seeds)
    story = next(seeds.glob("*.txt"))
    old = make_issue(seeds, date=DATE).issue.lead.headline
    open_page(page, preview, "?mode=mobile")
    new = "Kyiv gets its answer on long-range strikes"
    edit(story, old, new)
    wait_for_frame_text(page, new)
    wait_for_frame(page)
    assert frame_eval(page, "d => d.querySelector('h1').textContent.trim()") == new
    page.wait_for_function(
        "() => document.querySelector('#inbox-subject').title.startsWith('Kyiv gets')", timeout=WAIT_MS
    )
    assert "mode=mobile" in page.url
    assert frame_width(page) == 375


LEAD_HEADLINE = "Colombia's runoff turns on turnout in the Caribbean coast"


def test_a_burst_of_quick_saves_ends_with_the_last_save_on_screen(page, serve, markdown):
    preview = serve(markdown)
    quiet = watched(preview)
    story = markdown / "01-colombia-runoff.md"
    original = story.read_text("utf-8")
    open_page(page, preview)
    for number in range(1, 21):
        story.write_text(original.replace(LEAD_HEADLINE, f"Burst save {number} of 20"), "utf-8")
        time.sleep(0.015)  # an editor saving as fast as keys repeat
    wait_for_build(page, quiet())  # every build the burst started is done: nothing newer comes along
    state = json.loads(request(preview, "/state.json").body)
    assert state["error"] is None and state["frame"] == state["build"] == state["shown"]["build"]
    assert frame_eval(page, "d => d.querySelector('h1').textContent.trim()") == "Burst save 20 of 20"
    assert page.get_attribute(FRAME, "data-loaded-build") == str(state["build"])
    assert page.locator("#build").text_content().startswith(f"Build {state['build']} · ")


def test_a_rebuild_changes_the_frame_in_place_keeping_the_scroll_position(page, serve, markdown):
    preview = serve(markdown)
    story = markdown / "01-colombia-runoff.md"
    for mode, old, new in (
        ("desktop", LEAD_HEADLINE, "Colombia votes again"),
        ("text", "Colombia votes again", "Colombia votes once more"),
    ):
        open_page(page, preview, f"?mode={mode}")
        page.set_viewport_size({"width": 1280, "height": 500})
        page.evaluate("() => window.scrollTo(0, 400)")
        # A mark on the frame's window: a reload would make a new window without it.
        page.eval_on_selector(FRAME, "f => { f.contentWindow.marked = true; }")
        edit(story, old, new)
        wait_for_frame_text(page, new)
        assert page.eval_on_selector(FRAME, "f => f.contentWindow.marked === true"), mode
        assert page.evaluate("() => window.scrollY") == 400, mode
        body = frame_eval(page, "d => d.body.textContent")
        if mode == "text":
            assert body == built(preview, "email.txt").decode()
        else:
            assert frame_eval(page, "d => d.querySelector('h1').textContent.trim()") == new
            assert frame_eval(page, "(d, w) => w.innerWidth") == WIDTHS[mode]
        assert request(preview, "/email.html").body == built(preview, "email.html")


@pytest.mark.parametrize("mode", ["desktop", "web"])
def test_a_frame_changed_in_place_shows_what_a_fresh_load_of_the_same_build_shows(page, serve, markdown, mode):
    preview = serve(markdown)
    quiet = watched(preview)
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text) if "Security Policy" in message.text else None)
    open_page(page, preview, f"?mode={mode}")
    looks = (
        "(d, w) => [d.documentElement.outerHTML, d.title, [...d.images].map((i) => i.src),"
        " ...['h1', 'h2', 'a', 'td', 'p', 'img'].map((tag) => [...d.querySelectorAll(tag)].map((e) => {"
        " const s = w.getComputedStyle(e); const r = e.getBoundingClientRect();"
        " return [s.fontSize, s.fontFamily, s.color, s.backgroundColor, s.padding, r.x, r.y, r.width, r.height]"
        ".join(' '); }).join('|'))]"
    )
    japan = markdown / "03-japan-snap-election.md"
    japan_text = japan.read_text("utf-8")
    saves = [  # each changes the email another way: a headline, a story gone, one more, a section's cards, the title
        lambda: edit(markdown / "01-colombia-runoff.md", LEAD_HEADLINE, "Colombia votes again"),
        lambda: japan.unlink(),
        lambda: (markdown / "07-japan-again.md").write_text(japan_text.replace("prime minister", "premier"), "utf-8"),
        lambda: (markdown / "03-japan.md").write_text(japan_text.replace("section: Elections", "section: Geopolitics")),
        lambda: edit(markdown / "issue.toml", 'subject = "Runoff', 'subject = "New: Runoff'),
    ]
    for number, save in enumerate(saves, start=1):
        seen = preview.number
        save()
        last = quiet()  # every build the save started (a second event of the same save too) is done
        assert last > seen, number
        wait_for_build(page, last)
        assert page.get_attribute(FRAME, "data-loaded-build") == str(last), number
        in_place = frame_eval(page, looks)
        page.reload()
        wait_for_frame(page)
        assert in_place == frame_eval(page, looks), number
    assert "Colombia votes again" in in_place[0] and LEAD_HEADLINE not in in_place[0]
    # The email's style attributes are parsed under the frame's policy, never the page's, which refuses them
    assert refused == []


# The page's own in-place update (preview.js's morph) from one document to the next, run in Chromium on the page: the
# frame's markup afterwards, whether a subtree stayed (marked before), and the markup a fresh load of the new one has.
MORPH = """([before, after]) => {
  const parse = (html) => new DOMParser().parseFromString(html, 'text/html');
  const [into, from] = [parse(before), parse(after)];
  for (const element of into.querySelectorAll('[id]')) element.stayed = true;
  const fresh = from.documentElement.outerHTML;
  morph(into.documentElement, from.documentElement);
  const stayed = [...into.querySelectorAll('[id]')].filter((element) => element.stayed).map((element) => element.id);
  return [into.documentElement.outerHTML, fresh, stayed];
}"""


@pytest.mark.parametrize(
    "before, after",
    [  # each an unchanged part beside a subtree the browser's isEqualNode calls equal to the new one, but isn't
        (
            '<div id="kept"><p>Same</p></div><table><tr><td><template><b>Old</b></template></td></tr></table>',
            '<div id="kept"><p>Same</p></div><table><tr><td><template><b>New</b></template></td></tr></table>',
        ),
        (
            '<div id="kept"><p>Same</p></div><div><p><a href="#a" title="A" class="x">A</a></p></div>',
            '<div id="kept"><p>Same</p></div><div><p><a class="x" title="A" href="#a">A</a></p></div>',
        ),
        (
            '<div id="kept"><p>Same</p></div><p><a href="#a" class="x">A</a> and a change</p>',
            '<div id="kept"><p>Same</p></div><p><a class="x" href="#a">A</a> and another</p>',
        ),
    ],
    ids=["a template's content", "attribute order in an equal subtree", "attribute order in a changed one"],
)
def test_a_frame_changed_in_place_holds_the_new_markup_and_keeps_what_did_not_change(page, serve, seeds, before, after):
    open_page(page, serve(seeds))
    changed, fresh, stayed = page.evaluate(MORPH, [before, after])
    assert changed == fresh
    assert stayed == ["kept"]


def test_a_broken_front_matter_shows_the_error_and_fixing_it_brings_the_preview_back(page, serve, markdown):
    preview = serve(markdown)
    story = markdown / "02-eu-enlargement.md"
    original = story.read_text("utf-8")
    open_page(page, preview)
    banner = page.locator("#error")
    assert banner.is_hidden()

    edit(story, "headline: Brussels delays", "headline: [Brussels delays")
    banner.wait_for(state="visible", timeout=WAIT_MS)
    assert str(story) in banner.text_content()
    assert re.search(r"line \d+", page.locator("#error-where").text_content())
    assert "front matter" in page.locator("#error-message").text_content()
    # The last good build stays on screen.
    assert "Brussels delays its verdict" in frame_eval(page, "d => d.body.textContent")

    story.write_text(original.replace("Brussels delays its verdict", "Brussels settles its verdict"), "utf-8")
    banner.wait_for(state="hidden", timeout=WAIT_MS)
    wait_for_frame_text(page, "Brussels settles its verdict")


def test_copy_html_puts_exactly_email_html_on_the_clipboard(page, serve, seeds):
    preview = serve(seeds)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=preview.url.rstrip("/"))
    open_page(page, preview)
    page.click("#copy-html")
    page.locator("#status").filter(has_text="Copied email.html").wait_for(timeout=WAIT_MS)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.encode("utf-8") == built(preview, "email.html")


def test_download_eml_serves_the_builds_email_eml(page, serve, seeds):
    preview = serve(seeds)
    open_page(page, preview)
    with page.expect_download(timeout=WAIT_MS) as download:
        page.click("#download-eml")
    assert Path(download.value.path()).read_bytes() == built(preview, "email.eml")
    assert download.value.suggested_filename == f"{make_issue(seeds, date=DATE).issue.slug}.eml"


def test_nothing_runs_inside_the_email_frame(page, serve, seeds):
    preview = serve(seeds)
    open_page(page, preview)
    assert page.get_attribute(FRAME, "sandbox") == "allow-same-origin"
    # A script that story content might smuggle in: the sandbox must not run it.
    frame_eval(
        page,
        "d => { const s = d.createElement('script');"
        " s.textContent = 'parent.document.title = \"ran\"'; d.body.append(s); }",
    )
    assert page.title() != "ran"
    response = request(preview, "/email.html?scheme=dark")
    assert "script-src 'none'" in response.getheader("Content-Security-Policy")


# --- the server ---------------------------------------------------------------------------------------


def request(preview: Preview, path: str, host: str | None = None) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", preview.server.server_address[1], timeout=10)
    connection.putrequest("GET", path, skip_host=host is not None, skip_accept_encoding=True)
    if host is not None:
        connection.putheader("Host", host)
    connection.endheaders()
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def raw_get(preview: Preview, target: str) -> tuple[int, bytes]:
    """Send the request line exactly as written: no client tidies the path first."""
    port = preview.server.server_address[1]
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := connection.recv(65536):
            data += chunk
    status = int(data.split(b" ", 2)[1])
    return status, data.partition(b"\r\n\r\n")[2]


ESCAPES = [
    "/../pyproject.toml",
    "/%2e%2e/pyproject.toml",
    "/..%2fpyproject.toml",
    "/%2e%2e%2fpyproject.toml",
    "/%252e%252e%252fpyproject.toml",
    "/%252E%252E/pyproject.toml",
    "/..%5cpyproject.toml",
    "/..\\pyproject.toml",
    "//../pyproject.toml",
    "/email.html/../../pyproject.toml",
    "/../../../../../../etc/passwd",
    "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/preview.html",
    "/issue/email.html",
    "http://127.0.0.1/../pyproject.toml",
]


def test_only_the_builds_own_files_are_served(serve, seeds):
    preview = serve(seeds)
    status, body = raw_get(preview, "/email.html")
    assert status == 200 and body == built(preview, "email.html")
    for target in ESCAPES:
        status, body = raw_get(preview, target)
        assert status == 404, target
        assert b"[project]" not in body and b"root:" not in body


def test_serves_each_build_file_with_its_type_and_the_source_untouched(serve, seeds):
    preview = serve(seeds)
    for name, kind in (
        ("email.html", "text/html"),
        ("email.txt", "text/plain"),
        ("web.html", "text/html"),
        ("email.eml", "message/rfc822"),
        ("issue.json", "application/json"),
    ):
        response = request(preview, f"/{name}")
        assert response.status == 200, name
        assert response.getheader("Content-Type").startswith(kind)
        assert response.body == built(preview, name)
    dark = request(preview, "/email.html?scheme=dark").body.decode()
    assert dark == force_scheme(built(preview, "email.html").decode(), "dark") != built(preview, "email.html").decode()
    assert "prefers-color-scheme" not in dark


def test_a_first_build_that_fails_still_serves_and_recovers(serve, markdown):
    story = markdown / "01-colombia-runoff.md"
    original = story.read_text("utf-8")
    story.write_text(original.replace("---\n", "", 1), "utf-8")
    preview = serve(markdown)
    state = json.loads(request(preview, "/state.json").body)
    assert state["shown"] is None
    assert state["error"]["file"] == str(story) and state["error"]["line"] == 1
    assert request(preview, "/email.html").status == 404
    story.write_text(original, "utf-8")
    wait_until(lambda: shown(preview), "the fixed build")
    assert request(preview, "/email.html").status == 200


def test_refuses_to_serve_beyond_loopback_unless_told_to(seeds):
    for host in ("0.0.0.0", "::", "192.0.2.10"):
        with pytest.raises(InputError, match="--host"):
            Preview(seeds, host=host)
    Preview(seeds, host="localhost")  # loopback is fine (nothing is bound until open())


def test_answers_only_to_its_own_host_name(serve, seeds):
    preview = serve(seeds)
    port = preview.server.server_address[1]
    assert request(preview, "/email.html", host=f"localhost:{port}").status == 200
    assert request(preview, "/email.html", host=f"evil.example:{port}").status == 403


def wait_until(check, what: str, timeout: float = 10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.05)
    pytest.fail(f"gave up waiting for {what}")


def shown(preview: Preview) -> dict:
    return json.loads(request(preview, "/state.json").body)["shown"]


def test_changing_newsletter_toml_rebuilds(serve, seeds, tmp_path):
    config = tmp_path / "newsletter.toml"
    config.write_text('[brand]\nname = "Alpha Weekly"\n', "utf-8")
    preview = serve(seeds, config=config)
    assert shown(preview)["sender"] == "Alpha Weekly"
    config.write_text('[brand]\nname = "Beta Weekly"\n', "utf-8")
    wait_until(lambda: shown(preview)["sender"] == "Beta Weekly", "the new brand name")
    assert b"Beta Weekly" in request(preview, "/email.html").body


def test_changing_a_template_rebuilds(serve, seeds, tmp_path, monkeypatch):
    # An editor's ./templates overrides the packaged ones file by file: edit an override.
    override = tmp_path / "site" / "templates" / "email" / "_footer.mjml"
    override.parent.mkdir(parents=True)
    shutil.copy(ROOT / "templates" / "email" / "_footer.mjml", override)
    monkeypatch.chdir(tmp_path / "site")
    preview = serve(seeds)
    edit(override, "{{ words.unsubscribe }}", "Thanks for reading. {{ words.unsubscribe }}")
    wait_until(lambda: b"Thanks for reading." in request(preview, "/email.html").body, "the edited footer")


# --- the command --------------------------------------------------------------------------------------


# `newsletter` as a terminal starts it, Ctrl-C delivered: a suite started in the background (a CI job, `cmd &`) has
# SIGINT ignored, which its children inherit, and Python then leaves it ignored
AS_IN_A_TERMINAL = (
    "import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); sys.argv[0] = 'newsletter'; "
    "from newsletter.cli import app; app(prog_name='newsletter')"
)


def test_ctrl_c_stops_the_command_with_exit_130_and_no_traceback(seeds):
    command = [sys.executable, "-c", AS_IN_A_TERMINAL, "preview", str(seeds), "--date", "2026-11-24"]
    with subprocess.Popen(
        command,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    ) as process:
        lines: queue.Queue[str] = queue.Queue()
        errors: list[str] = []
        readers = [
            threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True),
            threading.Thread(target=lambda: errors.extend(process.stderr), daemon=True),
        ]
        for reader in readers:
            reader.start()
        try:
            url = None
            deadline = time.monotonic() + 20
            while url is None and time.monotonic() < deadline:
                try:
                    found = re.search(r"http://127\.0\.0\.1:(\d+)/", lines.get(timeout=0.2))
                except queue.Empty:
                    if process.poll() is not None:
                        break
                    continue
                url = found and found[0]
            assert url, f"no URL printed: {''.join(errors)}"
            connection = http.client.HTTPConnection("127.0.0.1", int(url.rsplit(":", 1)[1].strip("/")), timeout=10)
            connection.request("GET", "/state.json")
            assert json.loads(connection.getresponse().read())["shown"]["date"] == "2026-11-24"
            connection.close()
            process.send_signal(signal.SIGINT)
            process.wait(timeout=15)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=5)
            for reader in readers:
                reader.join(timeout=5)
    stderr = "".join(errors)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert "KeyboardInterrupt" not in stderr
