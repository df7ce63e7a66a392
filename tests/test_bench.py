"""bench/run.py: its stage timings run the recipe's own stages, and it gathers every bench module's rows
into one table."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest
from golden import DATE, EXAMPLE, ROOT, SEEDS

from newsletter.build import make_issue, render_files

spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
bench = sys.modules["bench_run"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


@pytest.mark.parametrize("source", [SEEDS, EXAMPLE], ids=["seed", "markdown"])
def test_the_staged_render_is_the_recipe_byte_for_byte(source):
    """If the recipe gains, loses or reorders a stage, the bench's timings would time something else: fail."""
    made = make_issue(source, date=DATE)
    files, times = bench.staged_render(made)
    assert files == render_files(made)
    assert list(times) == [
        "issue.json", "prepare (links checked, templates found)", "email.mjml (jinja2)", "inline.css (jinja2)",
        "email.html (MRML + inlining)", "email.txt", "web.html (jinja2)",
        "email.tokens.eml: encoded once (stdlib email)", "links filled in (every file, email.eml too)",
    ]  # fmt: skip
    assert all(seconds > 0 for seconds in times.values())


def test_a_bench_modules_rows_join_the_table_under_its_name(tmp_path):
    module = tmp_path / "sizes.py"
    module.write_text(
        "def rows():\n"
        "    return [{'measure': 'photo bytes', 'ours': '41,200', 'node': '90,100', 'ratio': '0.46×',\n"
        "             'goal': '<= 0.8×', 'met': True},\n"
        "            {'measure': 'feed entries', 'ours': 12}]\n"
    )
    rows, problem = bench.collect(module)
    assert problem == ""
    assert bench.table([("bench/sizes.py", rows)]).splitlines() == [
        "measure       figure  reference  ratio     goal  met/missed",
        "------------  ------  ---------  -----  -------  ----------",
        "bench/sizes.py",
        "photo bytes   41,200     90,100  0.46×  <= 0.8×  met",
        "feed entries      12",
    ]


def test_a_bench_module_that_fails_is_named_not_skipped(tmp_path):
    module = tmp_path / "broken.py"
    module.write_text("def rows():\n    raise FileNotFoundError('no pages folder')\n")
    assert bench.collect(module) == ([], "bench/broken.py: FileNotFoundError: no pages folder (rows() failed)")


def test_the_table_gathers_the_modules_that_give_rows():
    assert {"pages", "images"} <= set(bench.modules())
    assert "run" not in bench.modules()


def test_the_year_of_builds_the_publish_benches_make_is_published_whole(tmp_path):
    """bench/publish.py and bench/growth.py time `publish` over copies of one build: each copy must be a build
    publish takes (with the record `newsletter build` writes), or the bench times a refusal."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from publish import year_of_builds
    finally:
        sys.path.remove(str(ROOT / "bench"))
    from newsletter.publish import publish

    year_of_builds(tmp_path / "builds", 3)
    publish(tmp_path / "builds", tmp_path / "site")
    assert sorted(path.name for path in (tmp_path / "site").iterdir() if path.is_dir() and "issue" in path.name) == [
        "2026-11-10-issue-46",
        "2026-11-17-issue-47",
        "2026-11-24-issue-48",
    ]


def test_the_stack_floor_imports_none_of_our_code_but_premailers_import():
    """The cold row's floor is the required stack, imported as a build imports it: none of our modules (their
    patterns, models or cache) may hide in it, or our cost above it looks smaller than it is."""
    shown = "import sys; print(sorted(name for name in sys.modules if name.split('.')[0] == 'newsletter'))"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", f"{bench.STACK_IMPORTS}; {shown}"], env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "['newsletter', 'newsletter.offline']"


def test_the_reading_bench_times_each_reader_over_every_page_and_names_the_slowest(tmp_path):
    """bench/reading.py: our two readers and trafilatura each read every page (the text reader its paste, the others
    its HTML), and the slowest pasted page is one of them; a page the reader refuses is timed, not a failure."""
    import gzip

    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from reading import measure
    finally:
        sys.path.remove(str(ROOT / "bench"))
    pages = tmp_path / "pages"
    pages.mkdir()
    paragraph = "The commission certified the count on Monday after a recount in three districts. " * 4
    for key, text in (("aaaa", f"Recount confirms the result\n{paragraph}\n{paragraph}"), ("bbbb", "Menu")):
        (pages / f"{key}.txt").write_text(text, encoding="utf-8")
        html = f"<html><head><title>{key}</title></head><body><h1>{key}</h1><p>{paragraph}</p></body></html>"
        (pages / f"{key}.html.gz").write_bytes(gzip.compress(html.encode()))
    per_page, slowest, n = measure(rounds=1, pages=tmp_path)
    assert n == 2
    assert set(per_page) == {"text", "html", "trafilatura"}
    assert all(seconds > 0 for seconds in per_page.values())
    assert set(slowest) <= {"aaaa", "bbbb"} and len(slowest) == 1
