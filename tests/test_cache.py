"""The build cache: a folder the caller names, keyed by content, safe to delete."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from golden import EXAMPLE


def build(tmp_path: Path, out: str, cache: str) -> bytes:
    """A build as an editor runs it, in its own process: nothing kept in memory from an earlier build."""
    env = {**os.environ, "NEWSLETTER_CACHE": cache, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "newsletter",
            "build",
            str(EXAMPLE),
            "--out",
            str(tmp_path / out),
            "--date",
            "2026-11-24",
        ],
        env=env,
        check=True,
        capture_output=True,
    )
    return (tmp_path / out / "email.html").read_bytes()


def test_a_build_keeps_its_cache_where_told_and_builds_the_same_from_it(tmp_path):
    cache = tmp_path / "cache"
    first = build(tmp_path, "first", str(cache))
    assert sorted(path.name for path in cache.iterdir()) == ["css", "patterns", "templates"]
    entries = list((cache / "css").iterdir())
    assert entries and any((cache / "templates").iterdir())
    assert build(tmp_path, "cached", str(cache)) == first
    # An unreadable entry (a crash mid-write, a stray edit) is parsed again, not trusted, and rewritten.
    for entry in entries:
        entry.write_text("{not json", encoding="utf-8")
    assert build(tmp_path, "damaged", str(cache)) == first
    assert all(entry.read_text(encoding="utf-8").startswith('{"rules"') for entry in entries)
    assert not (tmp_path / "xdg").exists()


def test_an_empty_cache_setting_keeps_nothing(tmp_path):
    build(tmp_path, "out", "")
    assert not (tmp_path / "xdg").exists()
