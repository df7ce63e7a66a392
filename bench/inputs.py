"""Benchmark: build time of 100 KB and 1 MB stories of each hard shape -> the 1 MB / 100 KB ratio (linear: about 10).

Run from the repository:  python bench/inputs.py   (python bench/inputs.py --help)

Each shape is the kind of input that once made a build grow faster than its size (issue 18): a paragraph of
short emphasis runs, a paragraph of links, a long list, a paragraph of many short lines, very long lines (one-line
Markdown paragraphs), and an over-long headline (refused at the door: its row times the refusal); and pages from
other sites a fuzzer found quadratic: a paste of one-word lines, a paste of lines of short sentences, a saved page
of many paragraphs, a saved page's paragraph of many <span>s, a saved page's <h1> of many words for screen readers
only. Each build runs
in a fresh process and is timed by CPU time (the machine is shared and noisy), load + sort + render as `newsletter
build` does it; the figure is the ratio of the 1 MB build to the 100 KB build of the same shape, measured in the
same run.
The median of --runs is kept.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SIZES = (100_000, 1_000_000)
RATIO_GOAL = 15.0  # 10 is linear; above this the build grows faster than its input

FRONT = "---\nheadline: A long story\n---\n\n"


def story(shape: str, size: int) -> tuple[str, str]:
    """(file name, text) of a story of about `size` bytes in the given shape."""
    if shape == "emphasis":
        return "story.md", FRONT + "*a* _b_ **c** " * (size // 14) + "\n"
    if shape == "links":
        unit = "[word](https://example.org/page) "
        return "story.md", FRONT + unit * (size // len(unit)) + "\n"
    if shape == "list items":
        return "story.md", FRONT + "- an item\n" * (size // 10)
    if shape == "line breaks":
        return "story.md", FRONT + "a short line\n" * (size // 13)  # one paragraph of soft line breaks
    if shape == "long lines":
        line = "Words run on here. " * 5_000  # 95 KB paragraphs, each on one line
        return "story.md", FRONT + (line + "\n\n") * max(1, size // len(line))
    if shape == "long headline":
        return "story.md", f"---\nheadline: {'word ' * (size // 5)}\n---\n\nBody.\n"
    # ... and pages brought in from other sites, read by the readers: a paste of one-word lines under its article (a
    # tag cloud, a list of names), a paste whose lines are runs of short sentences ("a. a. a."), a saved page of many
    # paragraphs
    if shape == "pasted short lines":
        return "page.txt", PASTED + "".join(f"w{k:07d}\n" for k in range(size // 9))
    if shape == "pasted stops":
        line = "A. " * 6_000  # 18 KB lines: as long as a pasted paragraph may be
        return "page.txt", PASTED + (line + "\n") * max(1, size // len(line))
    if shape == "saved paragraphs":
        words = [f"w{k}x{k * 7 % 13}" for k in range(3_000)]  # a newspaper's variety of words, drawn the same each run
        paragraph = [" ".join(words[(k * 31 + n * 17) % len(words)] for n in range(30)) for k in range(size // 240)]
        body = "".join(f"<p>{text} ({k}).</p>" for k, text in enumerate(paragraph))
        return (
            "page.html",
            f"<html><head><title>T</title></head><body><article><h1>Headline</h1>{body}</article></body></html>",
        )
    if shape == "saved spans":  # one paragraph of one-word <span>s, as a page that marks up each word
        spans = "".join(f"<span>w{k % 997}</span> " for k in range(size // 18))
        return (
            "page.html",
            f"<html><head><title>T</title></head><body><article><h1>Headline</h1><p>{spans}</p></article></body></html>",
        )
    if shape == "saved hidden heading":  # an <h1> of many words for screen readers only (readers/headings.py)
        spans = "".join(f'<span class="sr-only">w{k % 997}</span>' for k in range(size // 34))
        return (
            "page.html",
            f"<html><head><title>T</title></head><body><article><h1>{spans}<span>Headline</span></h1>{SAVED}"
            "</article></body></html>",
        )
    raise ValueError(shape)


PASTED = (
    "Coalition loses upper house majority\nBy Anna Petrova\n"
    "The governing coalition lost its majority in the upper house on Sunday after two senators quit the party over "
    "the budget, leaving the government to seek the votes of independents on every bill it brings this year.\n"
    "Opposition leaders called for an early election and said the coalition had lost its mandate, while analysts "
    "said the budget would now need at least three of the chamber's independents to pass before the winter.\n"
    "The prime minister said she would meet the independents this week and that the budget's main measures, a tax "
    "cut for low earners and more money for hospitals, were not up for negotiation.\n"
)
SAVED = "".join(f"<p>{line}</p>" for line in PASTED.split("\n")[2:] if line)  # the article under it
SHAPES = ("emphasis", "links", "list items", "line breaks", "long lines", "long headline", "pasted short lines",
          "pasted stops", "saved paragraphs", "saved spans", "saved hidden heading")  # fmt: skip

# One build, in a fresh process, timed by CPU time: prints {"seconds": ..., "ok": ...}.
CHILD = """
import datetime as dt, json, sys, time
from pathlib import Path
from newsletter.build import make_issue, render_files
from newsletter.errors import NewsletterError
started = time.process_time()
try:
    render_files(make_issue(Path(sys.argv[1]), date=dt.date(2026, 11, 24)))
    ok = True
except NewsletterError:
    ok = False
print(json.dumps({"seconds": time.process_time() - started, "ok": ok}))
"""


def build_seconds(folder: Path) -> tuple[float, bool]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder)], capture_output=True, text=True, env=env, check=True, timeout=900
    )
    found = json.loads(result.stdout)
    return found["seconds"], found["ok"]


def measure(shape: str, runs: int, work: Path) -> dict[int, tuple[float, bool]]:
    result = {}
    for size in SIZES:
        folder = work / f"{shape.replace(' ', '-')}-{size}"
        folder.mkdir()
        name, text = story(shape, size)
        (folder / name).write_text(text, encoding="utf-8")
        times = [build_seconds(folder) for _ in range(runs)]
        result[size] = (statistics.median(seconds for seconds, _ in times), times[0][1])
    return result


def rows(runs: int = 1, shapes: tuple[str, ...] = SHAPES) -> list[dict[str, object]]:
    """Rows for bench/run.py's table: per shape, the 1 MB / 100 KB build-time ratio against the linear goal."""
    result = []
    with tempfile.TemporaryDirectory(prefix="newsletter-inputs-") as tmp:
        for shape in shapes:
            found = measure(shape, runs, Path(tmp))
            (small, _), (large, large_ok) = found[SIZES[0]], found[SIZES[1]]
            outcome = "built" if large_ok else "refused"
            result.append(
                {
                    "measure": f"{shape}: 1 MB / 100 KB build CPU time ({small:.2f} s, {large:.2f} s, {outcome})",
                    "ours": f"{large / small:.1f}",
                    "goal": f"<= {RATIO_GOAL:g}",
                    "met": large / small <= RATIO_GOAL,
                }
            )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="builds per story; the median is shown (default 3)")
    parser.add_argument("--shape", choices=SHAPES, action="append", help="only this shape (repeatable)")
    args = parser.parse_args()
    print(f"{'shape':<14} {'100 KB':>8} {'1 MB':>8} {'ratio':>6}  1 MB build")
    with tempfile.TemporaryDirectory(prefix="newsletter-inputs-") as tmp:
        for shape in args.shape or SHAPES:
            found = measure(shape, args.runs, Path(tmp))
            (small, _), (large, ok) = found[SIZES[0]], found[SIZES[1]]
            print(
                f"{shape:<14} {small:>7.2f}s {large:>7.2f}s {large / small:>6.1f}  {'built' if ok else 'refused'}",
                flush=True,
            )


if __name__ == "__main__":
    main()
