"""A file dropped on the desk's "Add a page" over what the build takes (a saved page over a story file's 5 MB, a photo
over an image file's 100 MB) is refused with its size, as the README says, whatever its size: the page knows it
before it reads the file, and sends nothing. The server refuses a request over its write's limit unread, so it can
name the limit but not the size."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from golden import EXAMPLE
from test_desk import open_desk, wait_for_result


@pytest.fixture
def issue(tmp_path) -> Path:
    return Path(shutil.copytree(EXAMPLE, tmp_path / "issue"))


def drop_blank_file(page, name: str, kind: str, size: int) -> str:
    """The editor drops a file of `size` bytes (made in the page: too big to send from here) on "Add a page"."""
    page.evaluate("() => { document.querySelector('#add-result').className = 'add-result'; }")
    page.evaluate(
        """([name, type, size]) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(size).fill(32)], name, {type}));
        document.querySelector('#paste-box').dispatchEvent(
            new DragEvent('drop', {dataTransfer: transfer, bubbles: true, cancelable: true}));
    }""",
        [name, kind, size],
    )
    return wait_for_result(page)


@pytest.mark.parametrize(
    "name, kind, size, message",
    [
        ("storm.html", "text/html", 12 * 1024 * 1024, "the page is 12.0 MB, over the 5.0 MB limit for a story file"),
        (
            "panorama.tif",
            "image/tiff",
            150 * 1024 * 1024,
            "'panorama.tif' is 150.0 MB, over the 100.0 MB limit for an image file",
        ),
    ],
    ids=["page", "photo"],
)
def test_a_file_far_over_its_limit_is_refused_with_its_size(desk, serve, issue, name, kind, size, message):
    before = {path: path.read_bytes() for path in issue.rglob("*") if path.is_file()}
    page = desk.new_page()
    open_desk(page, serve(issue))
    assert drop_blank_file(page, name, kind, size) == f"Not added: {message}"
    assert {path: path.read_bytes() for path in issue.rglob("*") if path.is_file()} == before
