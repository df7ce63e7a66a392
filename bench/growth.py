"""Benchmark: how the cost grows -> builds of 10, 100 and 1,000 stories; publishing 52 and 520 builds; a list send's
time and peak memory for 10,000 and 100,000 addresses (dry run) and 2,000 and 20,000 (a real send to a local
server). Each row is the larger case against the smaller one measured in the same run.

    python bench/growth.py          # --quick: small sizes, to try the bench itself

- builds: `newsletter.build.build()` in this process (after one warm-up build), of tests/golden.py's generated issue
  (a lead and N "More from" items with link, image and teaser); CPU time of this process, which a busy neighbour
  disturbs less than wall time; medians of 5, 3 and 1 runs. Goal (issue 27): 10× the stories in at most 11× the time.
- publish: `newsletter.publish.publish()` in this process over bench/publish.py's year of builds, 52 and 520 of
  them; CPU time, medians of 3 and 1 runs. Goal: 520 builds in at most 10× the time of 52.
- sends: `newsletter send` as typed, each a process of its own, its peak memory (maximum resident set) read from
  the kernel when it ends. The real sends go to an aiosmtpd sink on 127.0.0.1 in a process of its own (as
  bench/send.py's), over one connection. Goal: a 100,000-address send within 150 MB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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
    times = {}
    for n, runs in zip(sizes, (5, 3, 1), strict=True):
        times[n] = statistics.median(
            cpu_seconds(lambda n=n: build(sources[n], out=work / f"built-{n}", date=DATE)) for _ in range(runs)
        )
    small, middle, large = sizes
    return [
        {"measure": f"build, {small:,} stories (CPU time, in process)", "ours": f"{times[small]:.3f} s"},
        growth_row(f"build, {middle:,} stories, against {small:,}", times[small], times[middle], STORIES_GOAL),
        growth_row(f"build, {large:,} stories, against {middle:,}", times[middle], times[large], STORIES_GOAL),
    ]


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
    args = parser.parse_args()
    for row in measure(args.quick):
        status = {True: "met", False: "MISSED", None: ""}[row.get("met")]  # type: ignore[index]
        reference = f" vs {row['reference']} ({row['ratio']})" if row.get("reference") else ""
        goal = f", goal {row['goal']}: {status}" if row.get("goal") else ""
        print(f"{row['measure']}: {row['ours']}{reference}{goal}", flush=True)


if __name__ == "__main__":
    main()
