"""The package's patterns, compiled once per machine: each is the very pattern `re.compile` makes, whether compiled
in this run or read from the cache folder; a damaged or foreign file is compiled again, never trusted."""

from __future__ import annotations

import importlib
import os
import pkgutil
import re
import subprocess
import sys

import pytest
from golden import DATE, ROOT, SEED

import newsletter
from newsletter import patterns


def package_patterns() -> list[re.Pattern]:
    """Every pattern a module of the package holds at module level (alone, or in a list or tuple)."""
    found = []
    for module in pkgutil.walk_packages(newsletter.__path__, "newsletter."):
        if module.name.endswith("__main__"):
            continue
        for value in vars(importlib.import_module(module.name)).values():
            for item in value if isinstance(value, list | tuple) else [value]:
                if isinstance(item, re.Pattern):
                    found.append(item)
    return found


def flags_of(pattern: re.Pattern) -> int:
    """The flags the pattern was asked with (re adds UNICODE to every str pattern itself)."""
    return pattern.flags & ~(re.UNICODE if isinstance(pattern.pattern, str) else 0)


def same(ours: re.Pattern, theirs: re.Pattern) -> bool:
    """The same pattern: Pattern == compares the engine's code and flags, not the groups, so those too."""
    return ours == theirs and (ours.groups, dict(ours.groupindex)) == (theirs.groups, dict(theirs.groupindex))


def test_every_pattern_of_the_package_is_the_one_re_compile_makes_and_survives_the_file(tmp_path, monkeypatch):
    found = package_patterns()
    assert len(found) > 80  # the readers' word lists, dates, credits, links, the compiler's ...
    monkeypatch.setattr(patterns, "home", tmp_path / "compiled-patterns.bin")
    monkeypatch.setattr(patterns, "stored", {})
    monkeypatch.setattr(patterns, "made", {})
    for pattern in found:
        fresh = patterns.regex(pattern.pattern, flags_of(pattern))
        assert same(fresh, re.compile(pattern.pattern, flags_of(pattern)))
    patterns.save()
    table = patterns.read(tmp_path / "compiled-patterns.bin")
    assert len(table) == len({(p.pattern, flags_of(p)) for p in found})
    for pattern in found:
        monkeypatch.setattr(patterns, "stored", table)  # a later run: every pattern from the file
        stored = patterns.regex(pattern.pattern, flags_of(pattern))
        assert same(stored, re.compile(pattern.pattern, flags_of(pattern)))
    assert patterns.made == {}  # none compiled again


def test_a_damaged_entry_is_compiled_again_not_used(monkeypatch):
    pattern = r"(?P<word>\w+)\s+says"
    good = patterns.compiled(pattern, 0)
    damaged = (good[0], [99999, *good[1][1:]], *good[2:])  # code the engine refuses
    monkeypatch.setattr(patterns, "stored", {(pattern, 0): damaged})
    monkeypatch.setattr(patterns, "made", {})
    compiled = patterns.regex(pattern)
    assert compiled == re.compile(pattern)
    assert compiled.search("Ms Smith says").group("word") == "Smith"


def test_an_entry_whose_groups_disagree_is_compiled_again_and_dates_are_still_read(monkeypatch):
    from newsletter.readers import lines

    iso = lines.DATE_FORMS[2].pattern  # (?P<year>...)-(?P<month>...)-(?P<day>...)
    flags, code, groups, by_name, by_number = patterns.compiled(iso, 0)
    swapped = {**by_name, "month": by_name["day"], "day": by_name["month"]}  # valid code, names swapped
    for form in [(flags, code, groups, swapped, by_number), (flags, code, 1_000_000, by_name, by_number)]:
        monkeypatch.setattr(patterns, "stored", {(iso, 0): form})
        monkeypatch.setattr(patterns, "made", {})
        read_back = patterns.regex(iso)
        assert same(read_back, re.compile(iso))
        monkeypatch.setattr(lines, "DATE_FORMS", [*lines.DATE_FORMS[:2], read_back])
        assert str(lines.line_date("Published 2014-06-21")) == "2014-06-21"


@pytest.mark.parametrize("content", [b"", b"\x00garbage", b"\xe3\x01\x02", patterns.HEAD + b"\x00" * 32 + b"{}"])
def test_a_damaged_file_is_read_as_empty(tmp_path, content):
    (tmp_path / "compiled-patterns.bin").write_bytes(content)
    assert patterns.read(tmp_path / "compiled-patterns.bin") == {}


def test_a_fifo_or_a_folder_where_the_file_goes_is_not_waited_for(tmp_path):
    os.mkfifo(tmp_path / "fifo.bin")
    (tmp_path / "folder.bin").mkdir()
    assert patterns.read(tmp_path / "fifo.bin") == {}  # returns at once: a FIFO is never read
    assert patterns.read(tmp_path / "folder.bin") == {}


def test_a_file_changed_after_it_was_written_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setattr(patterns, "home", tmp_path / "patterns" / "it.bin")
    monkeypatch.setattr(patterns, "stored", {})
    monkeypatch.setattr(patterns, "made", {(r"\d+", 0): patterns.compiled(r"\d+", 0)})
    patterns.save()
    written = (tmp_path / "patterns" / "it.bin").read_bytes()
    assert patterns.read(tmp_path / "patterns" / "it.bin") == {(r"\d+", 0): patterns.compiled(r"\d+", 0)}
    (tmp_path / "patterns" / "it.bin").write_bytes(written[:-1] + bytes([written[-1] ^ 1]))  # one bit
    assert patterns.read(tmp_path / "patterns" / "it.bin") == {}


def test_the_file_is_named_by_the_python_that_compiled_it(monkeypatch, tmp_path):
    import _sre

    monkeypatch.setenv("NEWSLETTER_CACHE", str(tmp_path))
    name = patterns.place().name
    assert sys.implementation.cache_tag in name and str(_sre.MAGIC) in name  # another Python never reads it
    monkeypatch.setattr(sys, "version", sys.version + " (another build)")
    assert patterns.place().name != name  # nor another build or patch release of the same Python
    monkeypatch.setenv("NEWSLETTER_CACHE", "")
    assert patterns.place() is None  # an empty NEWSLETTER_CACHE keeps nothing


def build(folder, cache, out):  # type: ignore[no-untyped-def]
    env = {**os.environ, "NEWSLETTER_CACHE": str(cache), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "newsletter", "build", str(folder), "--date", str(DATE), "--out", str(out)],
        env=env,
        capture_output=True,
        text=True,
    )


def test_a_second_build_reads_the_patterns_the_first_wrote_and_makes_the_same_issue(tmp_path):
    cache = tmp_path / "cache"
    first = build(SEED.parent, cache, tmp_path / "first")
    assert first.returncode == 0, first.stderr
    written = list((cache / "patterns").glob("*.bin"))
    assert len(written) == 1
    table = patterns.read(written[0])
    assert any("says" in str(key[0]) for key in table)  # the pasted-text reader's patterns are in it
    before = written[0].read_bytes()
    second = build(SEED.parent, cache, tmp_path / "second")
    assert second.returncode == 0, second.stderr
    assert written[0].read_bytes() == before  # nothing new to compile: the file is left alone
    for path in sorted((tmp_path / "first").rglob("*")):
        if path.is_file():
            assert (tmp_path / "second" / path.relative_to(tmp_path / "first")).read_bytes() == path.read_bytes()
    (written[0]).write_bytes(b"\x00 damaged")  # a damaged file: the build is the same
    third = build(SEED.parent, cache, tmp_path / "third")
    assert third.returncode == 0, third.stderr
    assert (tmp_path / "third" / "email.html").read_bytes() == (tmp_path / "first" / "email.html").read_bytes()
    assert patterns.read(written[0])  # and written whole again


def write_beside(folder, monkeypatch):  # type: ignore[no-untyped-def]
    """This run writes its patterns file into `folder`'s patterns/ (a new pattern to keep): its name."""
    monkeypatch.setenv("NEWSLETTER_CACHE", str(folder))
    monkeypatch.setattr(patterns, "home", patterns.place())
    monkeypatch.setattr(patterns, "stored", {})
    monkeypatch.setattr(patterns, "made", {(r"\d+", 0): patterns.compiled(r"\d+", 0)})
    patterns.save()
    return patterns.home.name


def aged(path, seconds: float):  # type: ignore[no-untyped-def]
    path.write_bytes(b"x")
    os.utime(path, (path.stat().st_mtime - seconds,) * 2)
    return path


def test_writing_the_file_removes_this_pythons_stale_files_and_nothing_another_python_may_use(tmp_path, monkeypatch):
    import _sre

    folder = tmp_path / "patterns"
    folder.mkdir()
    tag, mine = sys.implementation.cache_tag, patterns.installed()
    outside = tmp_path / "outside.bin"
    outside.write_bytes(b"not the cache's")
    stale = {
        f"{mine}{_sre.MAGIC}-000000000000.bin",  # an earlier build of this very Python (upgraded in place)
        f"{mine}1-111111111111.bin",  # ... with another engine
        f"{tag}-{_sre.MAGIC}-{patterns.maker()}.bin",  # this Python's file under its earlier name
        "tmpk1ll3d_x.tmp",  # left by a run killed while writing, two minutes ago
    }
    kept = {
        f"{tag}-{'0' * 8}-{_sre.MAGIC}-000000000000.bin",  # the same kind of Python installed elsewhere
        f"cpython-399-{mine.split('-')[2]}-1-000000000000.bin",  # another kind of Python
        f"{tag}-{_sre.MAGIC}.bin",  # the first name, which any Python of this kind may still read
        "tmpwriting.tmp",  # a run writing now
        "notes.txt",  # not the cache's
    }
    for name in stale | kept:
        aged(folder / name, 120 if name != "tmpwriting.tmp" else 1)
    (folder / f"{mine}{_sre.MAGIC}-222222222222.bin").symlink_to(outside)  # a link, never followed
    (folder / f"{mine}{_sre.MAGIC}-333333333333.bin").mkdir()  # nor a folder
    ours = write_beside(tmp_path, monkeypatch)
    assert ours.startswith(mine)
    left = {path.name for path in folder.iterdir()}
    assert left == kept | {ours, f"{mine}{_sre.MAGIC}-222222222222.bin", f"{mine}{_sre.MAGIC}-333333333333.bin"}
    assert outside.read_bytes() == b"not the cache's"
    assert patterns.read(folder / ours) == {(r"\d+", 0): patterns.compiled(r"\d+", 0)}


def test_two_pythons_of_one_kind_installed_apart_name_their_files_apart(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLETTER_CACHE", str(tmp_path))
    here = patterns.place().name
    monkeypatch.setattr(patterns._compiler, "__file__", "/opt/another-python/lib/python3/re/_compiler.py")
    assert not here.startswith(patterns.installed())  # neither removes the other's file


def test_a_patterns_folder_that_links_elsewhere_is_not_tidied(tmp_path, monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    left = aged(elsewhere / "tmpsomeone.tmp", 120)
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "patterns").symlink_to(elsewhere)
    write_beside(tmp_path / "cache", monkeypatch)
    assert left.exists()


def test_a_stale_file_that_cannot_be_removed_fails_nothing(tmp_path, monkeypatch):
    folder = tmp_path / "patterns"
    folder.mkdir()
    stale = aged(folder / "tmpk1ll3d_x.tmp", 120)

    def refuse(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "unlink", refuse)
    ours = write_beside(tmp_path, monkeypatch)  # no error
    monkeypatch.undo()
    assert stale.exists() and patterns.read(folder / ours)
