"""What the tests of election blocks share (test_read_results, test_render_results, test_elections): the
election sample issue, an issue folder of one lead story around a body (and a calendar), and its build."""

from __future__ import annotations

from pathlib import Path

from golden import ROOT

EXAMPLE = ROOT / "examples" / "election-issue"


def story(tmp_path: Path, body: str, *, calendar: str | None = None) -> Path:
    """An issue folder with one lead story whose body is `body`, from line 5 on."""
    folder = tmp_path / "issue"
    folder.mkdir()
    (folder / "lead.md").write_text(f"---\nheadline: Results night in Bogotá\nurl: https://example.org/a\n---\n{body}")
    if calendar is not None:
        (folder / "calendar.csv").write_text(calendar)
    return folder


def run_build(cli, folder: Path, tmp_path: Path):
    return cli("build", str(folder), "--date", "2026-11-24", "--out", str(tmp_path / "out"))
