"""`newsletter check` and the published folder: a warning that the email loads from web_base_url, and
`check --online` asking a real web server on 127.0.0.1 (serving what `newsletter publish` wrote) for each
image and link, naming every one that is missing."""

from __future__ import annotations

import functools
import re
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from newsletter.cli import app

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "markdown-issue"
SLUG = "2026-11-24-issue-48"
runner = CliRunner()


class Quiet(SimpleHTTPRequestHandler):
    requests: list[tuple[str, str]] = []

    def log_message(self, format, *args):
        type(self).requests.append((self.command, self.path))


@contextmanager
def web_server(root: Path) -> Iterator[str]:
    """http.server on 127.0.0.1 serving `root`; yields its address."""
    Quiet.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def photo(path: Path, colour: tuple[int, int, int]) -> None:
    Image.new("RGB", (120, 80), colour).save(path, format="PNG")


def example_issue(folder: Path, web_base_url: str | None) -> None:
    """The example issue published at `web_base_url` (None: not published), its lead's and one item's photos
    files beside the stories."""
    shutil.copytree(EXAMPLE, folder)
    toml = (folder / "issue.toml").read_text()
    replacement = f'web_base_url = "{web_base_url}"\n' if web_base_url else ""
    (folder / "issue.toml").write_text(re.sub(r"(?m)^web_base_url = .*\n", replacement, toml))
    photo(folder / "rally.png", (200, 30, 30))
    photo(folder / "summit.png", (30, 30, 200))
    for story, name in (("01-colombia-runoff.md", "rally.png"), ("02-eu-enlargement.md", "summit.png")):
        path = folder / story
        text = re.sub(r"(?m)^  src: .*$", f"  src: {name}", path.read_text(), count=1)
        path.write_text(re.sub(r"(?m)^  (width|height): \d+\n", "", text))


@pytest.fixture
def served(tmp_path, monkeypatch) -> Iterator[tuple[Path, str]]:
    """An editor's folder whose web_base_url is a real server on 127.0.0.1, the issue built (not uploaded)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "www").mkdir()
    with web_server(tmp_path / "www") as address:
        (tmp_path / "newsletter.toml").write_text('[brand.sender]\nemail = "desk@news.example.org"\n')
        example_issue(tmp_path / "issue", f"{address}/issues")
        result = runner.invoke(app, ["build", "issue", "--date", "2026-11-24"])
        assert result.exit_code == 0, result.output
        yield tmp_path, address


def publish_and_upload(workdir: Path) -> Path:
    result = runner.invoke(app, ["publish", "build", "--out", "site"])
    assert result.exit_code == 0, result.output
    shutil.copytree(workdir / "site", workdir / "www" / "issues")
    return workdir / "www" / "issues" / SLUG


def test_check_warns_that_the_build_must_be_uploaded_first_naming_the_folder(served):
    workdir, address = served
    result = runner.invoke(app, ["check", f"build/{SLUG}"])
    assert result.exit_code == 0, result.output
    assert (
        f"warning: build/{SLUG}: the email loads 2 image(s) and 1 link(s) (View in browser) from "
        f"{address}/issues/{SLUG}/: publish and upload before you send or export (`newsletter publish`, then "
        f"upload site/ to {address}/issues, so that its {SLUG}/ folder is there), then run "
        "`newsletter check --online`"
    ) in result.output
    assert result.output.endswith("safe to send once it is uploaded (`newsletter check --online` says)\n")
    assert Quiet.requests == []  # without --online, nothing is asked of the server


def test_check_online_passes_when_the_published_site_is_served(served):
    workdir, address = served
    publish_and_upload(workdir)
    result = runner.invoke(app, ["check", f"build/{SLUG}", "--online"])
    assert result.exit_code == 0, result.output
    assert "online: 3 of 3 address(es) under web_base_url answered 200" in result.output
    assert "publish and upload" not in result.output
    assert result.output.endswith(": safe to send\n")
    asked = sorted(path for method, path in Quiet.requests)
    assert {method for method, _ in Quiet.requests} == {"HEAD"}
    assert asked[-1] == f"/issues/{SLUG}/web.html"
    assert all(path.startswith(f"/issues/{SLUG}/images/") for path in asked[:-1])


def test_check_online_fails_naming_each_missing_image(served):
    workdir, address = served
    folder = publish_and_upload(workdir)
    images = sorted(path.name for path in (folder / "images").iterdir())
    assert len(images) == 2
    shutil.rmtree(folder / "images")  # the pages were uploaded, the images were not
    result = runner.invoke(app, ["check", f"build/{SLUG}", "--online"])
    assert result.exit_code == 1
    for name in images:
        assert (
            f"image images/{name} is not online: {address}/issues/{SLUG}/images/{name} answered 404; upload the "
            f"issue's folder ({SLUG}/ of the published site) to {address}/issues before you send"
        ) in result.output
    # Each names its story, so the editor knows which photo it is.
    assert "(Colombia’s runoff turns on turnout in the Caribbean coast)" in result.output
    assert "online: 1 of 3 address(es) under web_base_url answered 200" in result.output
    assert re.search(r": 2 error\(s\), \d+ warning\(s\): not safe to send\n$", result.output)


def test_check_online_names_a_server_that_is_not_there(served):
    workdir, address = served
    shutil.rmtree(workdir / "build")
    shutil.rmtree(workdir / "issue")
    example_issue(workdir / "issue", "http://127.0.0.1:9/issues")  # the discard port: nothing listens
    assert runner.invoke(app, ["build", "issue", "--date", "2026-11-24"]).exit_code == 0
    result = runner.invoke(app, ["check", f"build/{SLUG}", "--online", "--format", "json"])
    assert result.exit_code == 1
    assert '"online": {\n    "asked": 3,\n    "missing": 3\n  }' in result.output
    assert "web.html is not online: http://127.0.0.1:9/issues/2026-11-24-issue-48/web.html cannot be fetched" in (
        result.output
    )


def test_an_issue_without_web_base_url_has_nothing_to_upload(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "newsletter.toml").write_text('[brand.sender]\nemail = "desk@news.example.org"\n')
    example_issue(tmp_path / "issue", None)
    assert runner.invoke(app, ["build", "issue", "--date", "2026-11-24"]).exit_code == 0
    result = runner.invoke(app, ["check", f"build/{SLUG}", "--online"])
    assert "publish and upload" not in result.output
    assert "online: 0 of 0 address(es)" in result.output
