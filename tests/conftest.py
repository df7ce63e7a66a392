"""Shared fixtures: the command line as an editor types it (`cli`), the Markdown sample built once
(`built_example`), working folders holding what a test needs (`workdir`, `seed_workdir`,
`golden_workdir`, `built_workdir`), a real headless Chromium (Debian's), driven by Playwright, a preview server
(`serve`), and real rich-text editors from npm on a local page (`editors`, with `desk`: a browser context that
may use the clipboard and reach nothing but 127.0.0.1).

When Chromium or Playwright is missing the browser tests skip on a developer's machine and fail
under CI=true: CI must never pass by not running them. The inputs themselves are in golden.py.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re
import shutil
import subprocess
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from golden import DATE, EXAMPLE, ROOT, SEED, SLUG

# The package keeps compiled patterns in its cache folder from its first import on, before any fixture runs: the
# whole run (and every command it starts) uses a folder of its own, never the user's. Removed at the end.
CACHE = Path(tempfile.mkdtemp(prefix="newsletter-cache-"))
os.environ["NEWSLETTER_CACHE"] = str(CACHE)

# The benches' list (bench/chromium.py): Chromium's own traffic off (background networking, updates, sync, QUIC)
_spec = importlib.util.spec_from_file_location("bench_chromium", ROOT / "bench" / "chromium.py")
_chromium = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_chromium)
CHROMIUM_ARGS = _chromium.CHROMIUM_ARGS


@pytest.fixture
def no_smtp_variables(monkeypatch):
    """No NEWSLETTER_SMTP_* from the shell running the tests: each test's settings are its own."""
    for name in list(os.environ):
        if name.startswith("NEWSLETTER_SMTP_"):
            monkeypatch.delenv(name)


@pytest.fixture
def cli():
    """Run a command as the editor types it: `cli("build", "--date", "2026-11-24")` -> the result."""
    from typer.testing import CliRunner

    from newsletter.cli import app

    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
        return runner.invoke(app, list(args), env=env)

    return invoke


@pytest.fixture(scope="session")
def built_example(tmp_path_factory) -> Path:
    """The Markdown sample issue built once for the whole run (build/<SLUG>): read it, never change it;
    a test that changes a build copies it first (`built_workdir`)."""
    from newsletter.build import build

    return build(EXAMPLE, out=tmp_path_factory.mktemp("built") / SLUG, date=DATE).out


@pytest.fixture(scope="session")
def built_to_send(tmp_path_factory) -> Path:
    """The Markdown sample built once with a sender whose name is not ASCII (send_fixtures.BRAND_TOML), for the tests
    of `newsletter send`: read it, never change it (send_fixtures.workdir copies it)."""
    from send_fixtures import BRAND_TOML

    from newsletter.build import build

    root = tmp_path_factory.mktemp("built")
    (root / "newsletter.toml").write_text(BRAND_TOML)
    return build(EXAMPLE, out=root / SLUG, date=DATE, config=root / "newsletter.toml").out


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    """An empty working folder; commands run from it."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def seed_workdir(workdir) -> Path:
    """An editor's working folder with the seed page in seeds/ (the `build` command's default source)."""
    (workdir / "seeds").mkdir()
    shutil.copy(SEED, workdir / "seeds")
    return workdir


@pytest.fixture
def golden_workdir(seed_workdir) -> Path:
    """The seed page in seeds/ and the Markdown sample in example/."""
    shutil.copytree(EXAMPLE, seed_workdir / "example")
    return seed_workdir


@pytest.fixture
def built_workdir(workdir, built_example) -> Path:
    """A working folder holding a copy of the Markdown sample's build in build/<SLUG>, as `build` leaves it."""
    shutil.copytree(built_example, workdir / "build" / SLUG)
    return workdir


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def missing(part: str) -> None:
    """A test's real part is not here: fail in CI, skip elsewhere."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{part} is missing and CI=true: install it (see .ci/run)")
    pytest.skip(f"{part} is missing")


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run."""
    executable = chromium_path()
    if executable is None:
        missing("Debian's chromium (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Playwright for Python (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


# Every network address but the servers the tests start on 127.0.0.1: refused, never fetched (the examples' logos
# and photos are https addresses on example domains). Files the tests open (file://) load as they are.
ELSEWHERE = re.compile(r"^(?:https?|wss?|ftp)://(?!127\.0\.0\.1[:/])")


@pytest.fixture
def page(browser):
    """A fresh page in its own context, which reaches nothing but 127.0.0.1; closed after the test."""
    context = browser.new_context()
    context.route(ELSEWHERE, lambda route: route.abort())
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session", autouse=True)
def cache_folder():
    """Builds keep their cache (compiled templates and patterns, parsed CSS) in a folder of the test run, never
    in the user's own cache folder; commands run in a subprocess inherit it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSLETTER_CACHE", str(CACHE))
        yield CACHE
    shutil.rmtree(CACHE, ignore_errors=True)


@pytest.fixture
def serve():
    """Start a preview server in this process; every one started is stopped after the test."""
    from newsletter.preview import Preview

    started = []

    def start(source: Path, **options):  # type: ignore[no-untyped-def]
        options.setdefault("date", DATE)
        preview = Preview(source, **options)
        started.append(preview)
        preview.open()
        preview.serve_in_background()
        return preview

    yield start
    for preview in started:
        preview.close()


EDITORS = ROOT / "tests" / "editors"


class QuietFiles(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # the stdlib's name
        pass


@pytest.fixture(scope="session")
def editors(tmp_path_factory):
    """The URL of a page on 127.0.0.1 holding ProseMirror and Lexical (tests/editors), bundled by esbuild from
    the npm packages `npm ci --prefix tests/editors` installs; the fixture pages of tests/pages beside it."""
    esbuild = EDITORS / "node_modules" / ".bin" / "esbuild"
    if not esbuild.exists():
        missing("the test editors' npm packages (npm ci --prefix tests/editors)")
    folder = tmp_path_factory.mktemp("editors")
    bundle = [str(esbuild), str(EDITORS / "editors.js"), "--bundle", "--format=iife", "--log-level=warning"]
    subprocess.run([*bundle, f"--outfile={folder / 'editors.bundle.js'}"], check=True, timeout=120)
    shutil.copy(EDITORS / "index.html", folder)
    for page in (ROOT / "tests" / "pages").glob("*.html"):
        shutil.copy(page, folder)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietFiles, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def desk(browser):
    """A browser context that may read and write the clipboard, as an editor's browser lets a page it trusts; it
    reaches nothing but 127.0.0.1 (a photo's address elsewhere is refused, not fetched)."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    context.route(ELSEWHERE, lambda route: route.abort())
    yield context
    context.close()
