"""A save shows in two steps: the file the page's frame shows first, then the rest of the build (the other files
and the summary), which waits until the page says its frame shows the first step, so that the browser laying out
the email and Python making the rest do not share the machine's cores."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from pathlib import Path

from golden import ROOT
from test_preview import watched

import newsletter.build
from newsletter.preview import server

WAIT_MS = 20_000


def test_the_rest_of_a_build_is_made_once_the_page_shows_its_first_step(serve, page, tmp_path, monkeypatch):
    # Long enough that the rest could only start before the page's word by waiting it out (and then fail below).
    monkeypatch.setattr(server, "FIRST_STEP_SECONDS", 30.0)
    source = Path(shutil.copytree(ROOT / "examples" / "markdown-issue", tmp_path / "issue"))
    events: list[str] = []
    lock = threading.Lock()
    shown_on_page, render_files = server.Preview.shown_on_page, newsletter.build.render_files

    def noting_shown(self, number):  # type: ignore[no-untyped-def]
        with lock:
            events.append(f"shown {number}")
        return shown_on_page(self, number)

    def noting_rest(issue, **options):  # type: ignore[no-untyped-def]
        with lock:
            events.append("rest")
        return render_files(issue, **options)

    monkeypatch.setattr(server.Preview, "shown_on_page", noting_shown)
    monkeypatch.setattr(newsletter.build, "render_files", noting_rest)
    preview = serve(source)
    quiet = watched(preview)
    page.goto(preview.url)
    page.wait_for_function("() => document.querySelector('#email').dataset.loadedBuild", timeout=WAIT_MS)
    before = preview.number
    lead = next(iter(sorted(source.glob("*.md"))))
    lead.write_text(lead.read_text("utf-8").replace("headline: ", "headline: Saved and ", 1), "utf-8")
    page.wait_for_function(
        "() => { const d = document.querySelector('#email').contentDocument;"
        " return d && d.querySelector('h1') && d.querySelector('h1').textContent.includes('Saved and'); }",
        timeout=WAIT_MS,
    )
    number = quiet()  # the save's last build (a second event of the same save may start one more)
    assert number > before
    # The build's summary (its findings) reaches the page once the rest is made.
    page.wait_for_function(
        f"() => /^Build {number} · [0-9]/.test(document.getElementById('build').textContent)", timeout=WAIT_MS
    )
    with lock:
        seen = list(events)
    assert f"shown {number}" in seen, seen
    # The page's word on this build came before its rest was made; the summary then reached the page.
    rests = [index for index, event in enumerate(seen) if event == "rest"]
    assert rests and seen.index(f"shown {number}") < rests[-1], seen
    assert preview.shown is not None and preview.shown.number == number and preview.shown.summary is not None


def test_every_model_is_built_before_the_preview_starts_its_threads(tmp_path):
    """The models build their validators on first use (a cold build wants that), and pydantic's first build of
    a model is not safe from two threads at once: the preview builds them all before it starts its own. In a
    process of its own, as `newsletter preview` starts: this test process has built most of them already."""
    source = Path(shutil.copytree(ROOT / "examples" / "markdown-issue", tmp_path / "issue"))
    script = f"""
import datetime as dt
from pathlib import Path
from newsletter.models import Model
from newsletter.preview import Preview
from newsletter.settings import Table

def subclasses(base):
    return [model for sub in base.__subclasses__() for model in (sub, *subclasses(sub))]

preview = Preview(Path({str(source)!r}), date=dt.date(2026, 11, 24))
preview.open()
try:
    print(sorted(model.__name__ for model in subclasses(Model) + subclasses(Table) if not model.__pydantic_complete__))
finally:
    preview.close()
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
