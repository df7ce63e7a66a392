"""Benchmark: publishing a year of issues (52 builds) -> seconds and bytes, against building one issue in the same run.

Run from the repository:  python bench/publish.py   (python bench/publish.py --help)

The year is the Markdown example built once, then copied into 52 build folders with its number and date changed
(publish reads only issue.json and images/; each copy has the build.json record a build writes). Both measures
run in this process, alternating, after one unmeasured round each; the table shows medians. The ratio is the
figure to compare between machines.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))

from newsletter.build import build  # noqa: E402
from newsletter.buildfolder import RECORD_NAME, make_record  # noqa: E402
from newsletter.publish import publish  # noqa: E402

EXAMPLE = ROOT / "examples" / "markdown-issue"
DATE = dt.date(2026, 11, 24)


def year_of_builds(root: Path, count: int) -> None:
    """`count` builds under `root`, each issue.json with the build.json record that `newsletter build` writes
    beside it (publish refuses a build folder without one, or with a file changed since)."""
    template = build(EXAMPLE, out=root.parent / f"{root.name}-template", date=DATE).out
    record = json.loads((template / "issue.json").read_text("utf-8"))
    root.mkdir(parents=True, exist_ok=True)
    for week in range(count):
        day = DATE - dt.timedelta(weeks=week)
        folder = root / f"{day.isoformat()}-issue-{48 - week}"
        folder.mkdir()
        data = json.dumps(dict(record, number=48 - week, date=day.isoformat())).encode()
        (folder / "issue.json").write_bytes(data)
        (folder / RECORD_NAME).write_bytes(make_record({"issue.json": data}))


def timed(action) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="measured rounds; medians are shown (default 5)")
    parser.add_argument("--issues", type=int, default=52, help="builds in the archive (default 52)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsletter-bench-publish-") as tmp:
        work = Path(tmp)
        year_of_builds(work / "build", args.issues)
        one, site = [], []
        for run in range(args.runs + 1):
            build_time = timed(lambda: build(EXAMPLE, out=work / "one", date=DATE))
            publish_time = timed(lambda: publish(work / "build", work / "site"))
            if run:  # the first round warms caches, as a second command on an editor's machine finds them
                one.append(build_time)
                site.append(publish_time)
        files = [path for path in (work / "site").rglob("*") if path.is_file()]
        size = sum(path.stat().st_size for path in files)
        feed = (work / "site" / "feed.xml").stat().st_size
    build_median, publish_median = statistics.median(one), statistics.median(site)
    print(f"{'measure':<44}{'value':>12}  {'ratio':>8}")
    print(f"{'build one issue (in process)':<44}{build_median:>10.3f} s  {'1.00×':>8}")
    print(
        f"{f'publish {args.issues} issues (in process)':<44}{publish_median:>10.3f} s  "
        f"{publish_median / build_median:>7.2f}×"
    )
    print(
        f"{'  per issue':<44}{publish_median / args.issues * 1000:>9.1f} ms  "
        f"{publish_median / args.issues / build_median:>7.2f}×"
    )
    print(f"{'site size':<44}{size:>12,}  ({len(files)} files; feed.xml {feed:,} bytes)")
    print(f"medians of {args.runs} rounds after one unmeasured round; ratio = against building one issue in this run")


if __name__ == "__main__":
    main()
