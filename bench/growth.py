"""Benchmark: how the cost grows -> builds of 10, 100 and 1,000 stories; publishing 52 and 520 builds; a list send's
time and peak memory for 10,000 and 100,000 addresses (dry run) and 2,000 and 20,000 (a real send to a local
server). Each row is the larger case against the smaller one measured in the same run.

    python bench/growth.py          # --quick: small sizes, to try the bench itself
    python bench/growth.py --profile  # where a build's time goes at 100 and 1,000 stories, stage by stage

- builds: `newsletter.build.build()` in this process (after one warm-up build), of tests/golden.py's generated issue
  (a lead and N "More from" items with link, image and teaser); CPU time of this process, which a busy neighbour
  disturbs less than wall time; medians of 3 rounds, each building every size once (one run of the 1,000-story
  build made its row a matter of what a neighbour did in that second). Goal (issue 27): 10× the stories in at most
  11× the time.
  `--profile`: the same builds of 100 and 1,000 stories, each stage's CPU time (its functions wrapped with a timer
  for the run) and its ratio, marked where a stage grows faster than the stories do.
- publish: `newsletter.publish.publish()` in this process over bench/publish.py's year of builds, 52 and 520 of
  them; CPU time, medians of 3 and 1 runs. Goal: 520 builds in at most 10× the time of 52.
- sends: `newsletter send` as typed, each a process of its own, its peak memory (maximum resident set) read from
  the kernel when it ends. The real sends go to an aiosmtpd sink on 127.0.0.1 in a process of its own (as
  bench/send.py's), over one connection. Goal: a 100,000-address send within 150 MB.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

EXAMPLE = ROOT / "examples" / "markdown-issue"
DATE = dt.date(2026, 11, 24)
STORIES_GOAL = 11.0  # 10× the stories, at most this many times the time
PUBLISH_GOAL = 10.0  # 10× the builds
MEMORY_GOAL = 150  # MB, a 100,000-address send
ROUNDS = 3  # of builds at each size of stories


def cpu_seconds(action) -> float:  # type: ignore[no-untyped-def]
    start = time.process_time()
    action()
    return time.process_time() - start


def growth_row(measure: str, small: float, large: float, goal: float | None, unit: str = "s") -> dict[str, object]:
    ratio = large / small
    row: dict[str, object] = {
        "measure": measure,
        "ours": f"{large:.3f} {unit}" if unit == "s" else f"{large:,.0f} {unit}",
        "reference": f"{small:.3f} {unit}" if unit == "s" else f"{small:,.0f} {unit}",
        "ratio": f"{ratio:.2f}×",
    }
    if goal is not None:
        row["goal"] = f"<= {goal:g}×"
        row["met"] = ratio <= goal
    return row


def stories(work: Path, sizes: tuple[int, int, int]) -> list[dict[str, object]]:
    from golden import write_issue

    from newsletter.build import build

    sources = {n: write_issue(work / f"stories-{n}", items=n) for n in sizes}
    build(sources[sizes[0]], out=work / "built-warm", date=DATE)  # templates compiled, modules imported
    # Rounds that build each size once: a neighbour's burst falls on every size alike, not on one size's only run
    rounds = [
        {n: cpu_seconds(lambda n=n: build(sources[n], out=work / f"built-{n}", date=DATE)) for n in sizes}
        for _ in range(ROUNDS)
    ]
    times = {n: statistics.median(each[n] for each in rounds) for n in sizes}
    small, middle, large = sizes
    return [
        {"measure": f"build, {small:,} stories (CPU time, in process)", "ours": f"{times[small]:.3f} s"},
        growth_row(f"build, {middle:,} stories, against {small:,}", times[small], times[middle], STORIES_GOAL),
        growth_row(f"build, {large:,} stories, against {middle:,}", times[middle], times[large], STORIES_GOAL),
    ]


# A build's stages, as (depth, what, module, function): each function's time includes what it calls, so a stage's
# time includes the stages below it; "the rest" of a stage is what its listed parts leave.
STAGES = (
    (0, "build", "newsletter.build", "build"),
    (1, "read and sort the issue", "newsletter.build", "make_issue"),
    (2, "read the stories", "newsletter.load", "load_source"),
    (2, "sort", "newsletter.sort", "sort_issue"),
    (2, "images", "newsletter.images", "publish_images"),
    (1, "render every file", "newsletter.build", "render_files"),
    (2, "prepare the view", "newsletter.render.outputs", "prepare"),
    (2, "email.mjml (jinja2)", "newsletter.render.markup", "render_mjml"),
    (2, "inline.css (jinja2)", "newsletter.render.markup", "inline_css"),
    (2, "compile the email", "newsletter.compile", "compile_email"),
    (3, "MJML -> HTML (mjml-python)", "newsletter.compile", "mjml_to_html"),
    (3, "Outlook classes", "newsletter.compile", "drop_unused_outlook_classes"),
    (3, "inline the CSS (premailer)", "newsletter.compile", "inline"),
    (2, "email.txt", "newsletter.render.outputs", "render_text"),
    (2, "web.html", "newsletter.render.outputs", "render_web"),
    (2, "email.tokens.eml", "newsletter.render.outputs", "message_template"),
    (2, "links filled in, email.eml", "newsletter.render.outputs", "fill_outputs"),
    (2, "issue.json", "newsletter.build", "issue_json"),
    (1, "build.json", "newsletter.build", "make_record"),
    (1, "write the folder", "newsletter.build", "write_folder"),
)


@contextlib.contextmanager
def stage_timers(spent: dict[str, float]) -> Iterator[None]:
    """Each of STAGES' functions wrapped for the duration: its CPU time added to spent[what]."""
    originals = []
    for _, what, module_name, name in STAGES:
        module = importlib.import_module(module_name)
        function = getattr(module, name)

        def timed(*args: Any, _what: str = what, _function: Any = function, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return _function(*args, **kwargs)
            finally:
                spent[_what] = spent.get(_what, 0.0) + time.process_time() - start

        originals.append((module, name, function))
        setattr(module, name, timed)
    try:
        yield
    finally:
        for module, name, function in reversed(originals):
            setattr(module, name, function)


def stage_times(work: Path, sizes: tuple[int, int]) -> dict[int, dict[str, float]]:
    """Each stage's CPU time in builds of each size of stories (medians of 3, after a warm-up build). The stages
    are timed inside `build()` itself, so the build is the one the rows time; unlike bench/run.py's staged_render,
    which calls the render's stages one by one, this covers reading, images and writing too
    (tests/test_bench_growth.py fails if a stage is no longer called)."""
    from golden import write_issue

    import newsletter.build

    sources = {n: write_issue(work / f"profile-{n}", items=n) for n in dict.fromkeys((10, *sizes))}
    newsletter.build.build(sources[10], out=work / "profile-warm", date=DATE)
    times: dict[int, dict[str, float]] = {}
    for n in sizes:
        runs = []
        for _ in range(3):
            spent: dict[str, float] = {}
            with stage_timers(spent):  # newsletter.build.build is the timed one
                newsletter.build.build(sources[n], out=work / f"profiled-{n}", date=DATE)
            runs.append(spent)
        times[n] = {what: statistics.median(run.get(what, 0.0) for run in runs) for _, what, _, _ in STAGES}
    return times


def profile(times: dict[int, dict[str, float]], sizes: tuple[int, int]) -> list[str]:
    """Lines of a table: each stage's CPU time at both sizes and the ratio, marked where it grows faster than the
    stories do."""
    small, large = sizes
    lines = [f"{'stage (CPU seconds)':<34} {small:>9,} {large:>9,}   ratio"]

    def line(depth: int, what: str, one: float, other: float) -> str:
        if one <= 0.0001 or other <= 0:  # nothing to speak of (a rest is a difference of medians)
            return f"{'  ' * depth + what:<34} {one:>9.4f} {other:>9.4f}"
        ratio = other / one
        # faster than the stories: over the goal's margin on their growth, and enough time to matter
        mark = "  grows faster than the stories" if ratio > large / small * 1.1 and other >= 0.01 else ""
        return f"{'  ' * depth + what:<34} {one:>9.4f} {other:>9.4f} {ratio:>6.1f}×{mark}"

    for position, (depth, what, _, _) in enumerate(STAGES):
        lines.append(line(depth, what, times[small][what], times[large][what]))
        below = itertools.takewhile(lambda stage, depth=depth: stage[0] > depth, STAGES[position + 1 :])
        parts = [part for level, part, _, _ in below if level == depth + 1]
        if parts:
            rest = {n: times[n][what] - sum(times[n][part] for part in parts) for n in sizes}
            lines.append(line(depth + 1, "(the rest of it)", rest[small], rest[large]))
    return lines


def publishing(work: Path, sizes: tuple[int, int]) -> list[dict[str, object]]:
    from publish import year_of_builds

    from newsletter.publish import publish

    times = {}
    for n, runs in zip(sizes, (3, 1), strict=True):
        root = work / f"builds-{n}"
        root.mkdir()
        year_of_builds(root, n)
        publish(root, work / f"site-{n}")  # one unmeasured run: the site exists, as from last week's publish
        times[n] = statistics.median(
            cpu_seconds(lambda root=root, n=n: publish(root, work / f"site-{n}")) for _ in range(runs)
        )
    small, large = sizes
    return [
        {"measure": f"publish, {small} builds (CPU time, in process)", "ours": f"{times[small]:.3f} s"},
        growth_row(f"publish, {large} builds, against {small}", times[small], times[large], PUBLISH_GOAL),
    ]


# Runs `newsletter` in the child and notes its own peak memory when it exits: VmHWM, the high-water mark of this
# process's memory after exec. (wait4's ru_maxrss also counts the parent's image the child was forked from.)
PEAK = """
import atexit, os, runpy, sys
def note():
    with open("/proc/self/status") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    with open(os.environ["NEWSLETTER_BENCH_PEAK"], "w") as out:
        out.write(peak)
atexit.register(note)
sys.argv[0] = "newsletter"
runpy.run_module("newsletter", run_name="__main__", alter_sys=True)
"""


def run_measured(arguments: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, peak resident memory in MB) of `newsletter ARGUMENTS` in a process of its own."""
    peak = cwd / "peak-kb"
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", PEAK, *arguments],
        cwd=cwd,
        env={**env, "NEWSLETTER_BENCH_PEAK": str(peak)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    seconds = time.perf_counter() - start
    if done.returncode:
        raise RuntimeError(f"newsletter {' '.join(arguments[:1])} failed: {done.stderr.strip().splitlines()[-1:]}")
    return seconds, int(peak.read_text()) / 1024


def address_list(work: Path, count: int) -> Path:
    path = work / f"subscribers-{count}.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write("email,name\n")
        out.writelines(f"reader{n}@example.org,Reader {n}\n" for n in range(count))
    return path


def sends(work: Path, dry: tuple[int, int], real: tuple[int, int]) -> list[dict[str, object]]:
    from send import free_port, sink_process

    from newsletter.build import build

    folder = build(EXAMPLE, out=work / "send-build", date=DATE).out
    env = {key: value for key, value in os.environ.items() if not key.startswith("NEWSLETTER_SMTP_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    command = ["send", str(folder)]
    figures: dict[tuple[str, int], tuple[float, float]] = {}
    for count in dry:
        home = work / f"dry-{count}"
        home.mkdir()
        figures["dry", count] = run_measured(
            [*command, "--list", str(address_list(work, count)), "--dry-run"], home, env
        )
    port = free_port()
    smtp = {
        **env,
        "NEWSLETTER_SMTP_HOST": "127.0.0.1",
        "NEWSLETTER_SMTP_PORT": str(port),
        "NEWSLETTER_SMTP_SECURITY": "none",
    }
    with sink_process(port):
        for count in real:
            home = work / f"real-{count}"  # a send history of its own: nobody has the issue yet
            home.mkdir()
            figures["real", count] = run_measured([*command, "--list", str(address_list(work, count))], home, smtp)
    rows = []
    for kind, (small, large), what in (("dry", dry, "send --dry-run"), ("real", real, "send to 127.0.0.1")):
        label = f"{what}, {large:,} addresses, against {small:,}"
        if kind == "dry":
            rows.append(growth_row(f"{label}: seconds", figures[kind, small][0], figures[kind, large][0], None))
        else:
            rate = {count: count / figures[kind, count][0] for count in (small, large)}
            rows.append(growth_row(f"{label}: messages/s", rate[small], rate[large], None, "/s"))
        memory = growth_row(f"{label}: peak memory", figures[kind, small][1], figures[kind, large][1], None, "MB")
        rows.append({**memory, "goal": f"<= {MEMORY_GOAL} MB", "met": figures[kind, large][1] <= MEMORY_GOAL})
    return rows


def measure(quick: bool = False) -> list[dict[str, object]]:
    """Every growth row; `quick`: small sizes, to try the bench itself (its ratios mean little)."""
    with tempfile.TemporaryDirectory(prefix="newsletter-bench-growth-") as tmp:
        work = Path(tmp)
        if quick:
            return [
                *stories(work, (5, 10, 20)),
                *publishing(work, (5, 10)),
                *sends(work, (500, 1_000), (200, 400)),
            ]
        return [
            *stories(work, (10, 100, 1_000)),
            *publishing(work, (52, 520)),
            *sends(work, (10_000, 100_000), (2_000, 20_000)),
        ]


def rows() -> list[dict[str, object]]:
    """Rows for bench/run.py's table."""
    return measure()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, to try the bench itself")
    parser.add_argument("--profile", action="store_true", help="each stage of a build at 100 and 1,000 stories")
    args = parser.parse_args()
    if args.profile:
        with tempfile.TemporaryDirectory(prefix="newsletter-bench-growth-") as tmp:
            sizes = (5, 20) if args.quick else (100, 1_000)
            print("\n".join(profile(stage_times(Path(tmp), sizes), sizes)), flush=True)
        return
    for row in measure(args.quick):
        status = {True: "met", False: "MISSED", None: ""}[row.get("met")]  # type: ignore[index]
        reference = f" vs {row['reference']} ({row['ratio']})" if row.get("reference") else ""
        goal = f", goal {row['goal']}: {status}" if row.get("goal") else ""
        print(f"{row['measure']}: {row['ours']}{reference}{goal}", flush=True)


if __name__ == "__main__":
    main()
