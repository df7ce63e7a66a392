"""bench/table.py: the runs' rows gathered into the README's one table, form by form, the pools in order."""

import importlib.util
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).parent.parent / "bench"


def load_table():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_table", BENCH / "table.py")
    table = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(table)
    return table


PAGES = """pages                  n  precision  recall     F1  refused  headline  exact  wrong  unflagged  right flagged
text dev                43      0.932   0.950  0.941        0      0.93     40      3          0           0.20
                       the paste holds the headline as a line on 43 of 43
html dev                43      0.971   0.974  0.973        0      1.00     43      0          0           0.00
"""
UNSEEN = """23 pages from newspaper4k-0.9.6.tar.gz
pages                    n  precision  recall     F1  refused  headline  exact  wrong  unflagged  right flagged
text all                23      0.954   0.951  0.952        0      0.91     20      2          0           0.33
                       20 call themselves articles (og:type, JSON-LD): headline 0.90, 2 wrong, 0 unflagged
html all                23      0.892   0.992  0.939        0      1.00     22      0          0           0.00
copied+fetched all      23      0.899   0.992  0.943        0      1.00     22      0          0           0.04
"""


def test_the_runs_rows_are_one_table_form_by_form_each_pool_named():
    bench = load_table()
    lines = bench.table([(PAGES, ""), (UNSEEN, "newspaper4k")]).splitlines()
    assert lines[0] == bench.HEADER
    # each pool's row under its form, named by the pool; the figures as the runs gave them, under the header's columns
    assert [line[:27].rstrip() for line in lines[1:]] == [
        "text dev",
        "text newspaper4k",
        "html dev",
        "html newspaper4k",
        "copied+fetched newspaper4k",
    ]
    assert lines[2].split()[2:] == "23 0.954 0.951 0.952 0 0.91 20 2 0 0.33".split()
    assert {len(line) for line in lines} == {len(bench.HEADER)}
    assert [line.index(" 0.941 ") for line in lines if "0.941" in line] == [bench.HEADER.index("   F1") - 1]


def test_missing_sources_are_named_and_nothing_runs(tmp_path):
    (tmp_path / "newspaper4k-0.9.6.tar.gz").write_bytes(b"")
    done = subprocess.run([sys.executable, str(BENCH / "table.py"), str(tmp_path)], capture_output=True, text=True,
                          check=False)  # fmt: skip
    assert done.returncode == 1
    assert "no trafilatura-1.0.0.tar.gz, htmldate-1.2.0.tar.gz" in done.stderr
    assert "newspaper4k-0.9.6.tar.gz," not in done.stderr
    assert done.stdout == ""


HELD = """pages                  n  precision  recall     F1  refused  headline  exact  wrong  unflagged  right flagged
text all                {n}      -   -      -        {refused}      0.50     1      1          1           0.50
                       sums {{"pages": {n}, "judged": {judged}, "precision": {p}, "recall": {r}, "refused": {refused}, \
"with_headline": {heads}, "right": {right}, "exact": 1, "unflagged": {unflagged}, "right_flagged": 1, "articles": 2, \
"articles_right": 1, "articles_unflagged": 0}}
"""


def test_the_held_back_pools_are_added_up_page_by_page_not_averaged_pool_by_pool():
    """The goals are about the held-back pages: their rows are added up as counts (a pool of 4 pages weighs less than
    one of 80), and a read pool is never among them."""
    bench = load_table()
    small = HELD.format(n=4, judged=4, p=4.0, r=2.0, refused=0, heads=4, right=4, unflagged=0)
    big = HELD.format(n=80, judged=0, p=0, r=0, refused=2, heads=80, right=40, unflagged=3)
    read = HELD.format(n=10, judged=10, p=1.0, r=1.0, refused=5, heads=10, right=0, unflagged=9)
    lines = bench.table([(small, "small"), (big, "big"), (read, "read")], held=("small", "big")).splitlines()
    assert "The held-back pools together (small, big):" in lines
    row = next(line for line in lines if line.startswith("text held back"))
    # 84 pages, the body's means over the 4 judged pages, 2 refused, 44 of 84 headlines right, 40 wrong, 3 unflagged
    assert row.split()[3:] == "84 1.000 0.500 0.667 2 0.52 2 40 3 0.05".split()
    assert len(row) == len(bench.HEADER)
    assert "of which 4 call themselves articles: headline 0.50, 0 unflagged" in " ".join(lines)
