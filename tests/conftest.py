"""Shared fixtures: a real headless Chromium (Debian's), driven by Playwright for Python.

When Chromium or Playwright is missing the browser tests skip on a developer's machine and fail
under CI=true: CI must never pass by not running them.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


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


@pytest.fixture
def page(browser):
    """A fresh page in its own context; closed after the test."""
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session", autouse=True)
def cache_folder(tmp_path_factory):
    """Builds keep their cache (compiled templates, parsed CSS) in a folder of the test run, never in the
    user's own cache folder; commands run in a subprocess inherit it."""
    folder = tmp_path_factory.mktemp("newsletter-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSLETTER_CACHE", str(folder))
        yield folder
