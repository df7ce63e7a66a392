"""Benchmark: cold builds, warm renders and email size, beside the reference Node MJML compiler, then the rows
of every other bench module -> one table.

Run from the repository after `pip install -e .`:  python bench/run.py   (python bench/run.py --help)

Every other module here (bench/NAME.py) runs alone (`python bench/NAME.py`) and gives this table its
figures through one function, `rows() -> list[dict]`, each dict a row: `measure` (what is measured),
`ours` (the figure), and where there is one `reference` (the same measure of the reference, taken in the
same run), `ratio`, `goal` and `met` (True, False, or None for a row without a goal). Older modules call
the reference `node`.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import importlib.util
import json
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT / "tests"))  # the generated issue is the tests' own (tests/golden.py)

from golden import write_issue  # noqa: E402

from newsletter.check import CLIP_ERROR as CLIP  # noqa: E402 - the limit `newsletter check` uses

SEEDS = ROOT / "seeds"
DATE = "2026-11-24"

NODE_MJML = BENCH / "node_modules" / "mjml" / "bin" / "mjml"
ITEMS = 50  # "More from" items in the generated issue
# What every build imports, whatever its size: the stack DEVELOPERS.md chose (premailer as we import it).
# typer and pydantic load their parts lazily: name the parts a command uses, or the floor is too low.
STACK_IMPORTS = (
    "import typer.main, typer._adapters; from pydantic import BaseModel, TypeAdapter; "
    "from jinja2 import Environment; import mjml, lxml.etree, cssutils; "
    "from newsletter.offline import import_premailer; import_premailer()"
)

# The goals from issues 6, 15 and 27. Issue 27 restated the cold goal as our own cost above the floor the required
# stack sets (Python starting and importing it), against the Node CLI's cold compile of the same MJML, and retired
# the warm goal (eight outputs against Node's one): the warm rows stay, as figures.
COLD_GOAL = 0.15  # (our cold build of the sample - the stack's import floor) / the Node CLI's cold compile, at most
SIZE_GOAL = 0.8  # our email.html / the Node CLI's HTML for the same MJML, at most
ITEMS_GOAL = 40  # "More from" items before Gmail's clip, at least


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="cold runs per measure; the median is shown (default 7)")
    parser.add_argument("--seconds", type=float, default=3.0, help="seconds per warm measure (default 3)")
    parser.add_argument("--no-node", action="store_true", help="skip the Node MJML comparison")
    parser.add_argument("--profile", action="store_true", help="print where time and bytes go even if goals are met")
    parser.add_argument(
        "--only",
        metavar="NAME",
        action="append",
        help=f"only this part, repeatable: run (this file's measures) or one of {', '.join(modules())}",
    )
    args = parser.parse_args()
    wanted = set(args.only or ["run", *modules()])
    unknown = wanted - {"run", *modules()}
    if unknown:
        parser.error(f"no bench module {', '.join(sorted(unknown))}; choose run or one of {', '.join(modules())}")

    groups: list[tuple[str, list[Row]]] = []
    notes: list[str] = []
    missed_here = False
    with tempfile.TemporaryDirectory(prefix="newsletter-bench-") as tmp:
        work = Path(tmp)
        node = find_node(skip=args.no_node or "run" not in wanted)
        print(machine(node), flush=True)
        print(flush=True)
        if "run" in wanted:
            seed = work / "seed"
            shutil.copytree(SEEDS, seed)
            many = write_issue(work / f"items-{ITEMS}", items=ITEMS)
            rows, notes = measure(work, seed, many, node, args)
            groups.append(("bench/run.py", rows))
            missed_here = any(row.met is False for row in rows)
        for name in modules():
            if name in wanted:
                print(f"bench/{name}.py ...", file=sys.stderr, flush=True)
                rows, problem = collect(BENCH / f"{name}.py")
                groups.append((f"bench/{name}.py", rows))
                notes += [problem] if problem else []
        print(table(groups))
        for note in notes:
            print(note)
        if "run" in wanted and (missed_here or args.profile):
            print()
            print(profile(work, seed, many))
    if any(problem.endswith("(rows() failed)") for problem in notes):
        sys.exit(1)


# --- the other bench modules ---------------------------------------------------------------------------


def modules() -> list[str]:
    """The bench modules beside this one that give rows to the table, by name."""
    return sorted(
        path.stem
        for path in BENCH.glob("*.py")
        if path.name != "run.py" and "\ndef rows(" in path.read_text(encoding="utf-8")
    )


def collect(path: Path) -> tuple[list[Row], str]:
    """A bench module's rows, and a note when it could not give them (which fails the run: never a silent gap)."""
    try:
        spec = importlib.util.spec_from_file_location(f"bench_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        sys.modules[spec.name] = module  # type: ignore[union-attr]
        spec.loader.exec_module(module)  # type: ignore[union-attr]
        return [row_from(found) for found in module.rows()], ""
    except Exception as error:  # one module's failure is reported, the others still run
        return [], f"bench/{path.name}: {type(error).__name__}: {error} (rows() failed)"


def row_from(found: dict[str, object]) -> Row:
    values = dict(found)
    if "node" in values:  # the reference, as the first modules named it
        values["reference"] = values.pop("node")
    met = values.pop("met", None)
    return Row(**{key: str(value) for key, value in values.items()}, met=None if met is None else bool(met))


# --- measures ------------------------------------------------------------------------------------------


@dataclass
class Row:
    measure: str
    ours: str  # the figure
    reference: str = ""  # the same measure of the reference, taken in the same run
    ratio: str = ""
    goal: str = ""
    met: bool | None = None


def measure(work: Path, seed: Path, many: Path, node: list[str] | None, args: argparse.Namespace):
    from newsletter.build import make_issue, render_files
    from newsletter.compile import compile_email
    from newsletter.render import inline_css, render_mjml

    rows: list[Row] = []
    notes: list[str] = []
    day = dt.date.fromisoformat(DATE)
    cpu: list[str] = []

    # Cold: whole processes, as an editor runs them; ours, the floor under it and Node's runs take turns, so all
    # meet the same load. The floor: the interpreter starting, then importing what the chosen stack requires
    # (typer, pydantic, jinja2, mjml-python, premailer), before a single story is read.
    help_time, _ = median_times([[sys.executable, "-m", "newsletter", "--help"]], args.runs, cwd=work)[0]
    rows.append(Row("`newsletter --help`, cold", seconds(help_time)))
    floor_command = [sys.executable, "-c", STACK_IMPORTS]
    outputs = {}
    for name, source in (("seed issue", seed), (f"{ITEMS}-item issue", many)):
        out = work / "build" / name.replace(" ", "-")
        ours_command = [sys.executable, "-m", "newsletter", "build", str(source), "--out", str(out), "--date", DATE]
        outputs[name] = out
        sample = source == seed  # the goal is the sample's; the 50-item issue shows how it scales
        row = Row(f"cold build, {name}", "")
        commands = [ours_command, floor_command] if sample else [ours_command]
        if node:
            # Ours first: the Node CLI compiles the email.mjml our build writes.
            subprocess.run(ours_command, cwd=work, env=child_env(), check=True, capture_output=True)
            node_command = [*node, str(out / "email.mjml"), "-o", str(out / "node.html")]
            timed = median_times([*commands, node_command], args.runs, cwd=work)
            theirs, theirs_cpu = timed[-1]
            row.reference, row.ratio = seconds(theirs), f"{timed[0][0] / theirs:.2f}×"
            cpu.append(f"{name} {timed[0][1]:.3f} s vs node {theirs_cpu:.3f} s ({timed[0][1] / theirs_cpu:.2f}×)")
        else:
            timed = median_times(commands, args.runs, cwd=work)
            cpu.append(f"{name} {timed[0][1]:.3f} s")
        (ours, ours_cpu), floor = timed[0], (timed[1] if sample else None)
        row.ours = seconds(ours)
        rows.append(row)
        if floor is None:
            continue
        floor_row = Row("  floor: + importing the required stack", seconds(floor[0]))
        above = Row(
            "  ours above the floor (cold build - stack import)", seconds(ours - floor[0]), goal=f"<= {COLD_GOAL}× node"
        )
        if node:
            floor_row.reference, floor_row.ratio = seconds(theirs), f"{floor[0] / theirs:.2f}×"
            above.reference, above.ratio = seconds(theirs), f"{(ours - floor[0]) / theirs:.2f}×"
            above.met = (ours - floor[0]) / theirs <= COLD_GOAL
        cpu.append(
            f"above the floor {ours_cpu - floor[1]:.3f} s"
            + (f" ({(ours_cpu - floor[1]) / theirs_cpu:.2f}× node)" if node else "")
        )
        rows += [floor_row, above]
    start_row = Row("  floor: Python starting, nothing imported", "")
    ((start_row_time, _),) = median_times([[sys.executable, "-c", "pass"]], args.runs, cwd=work)
    start_row.ours = seconds(start_row_time)
    rows.insert(2, start_row)

    # Warm: every output of one issue, rendered again and again in this process. Ours and Node's take
    # turns in three rounds, so a busy moment on the machine does not land on one side only.
    made = make_issue(seed, date=day)
    issue = made.issue
    ours_rates, email_rates, node_rates = [], [], []
    for _ in range(3):
        ours_rates.append(rate(lambda: render_files(made), args.seconds / 3))
        # The part of a render that does what Node's compile does: MJML -> inlined email.html.
        email_rates.append(rate(lambda: compile_email(render_mjml(issue), inline_css(issue)), args.seconds / 3))
        if node:
            node_rates.append(node_warm(node, outputs["seed issue"] / "email.mjml", args.seconds / 3))

    def median(rates: list, index: int) -> float | None:  # type: ignore[type-arg]
        return statistics.median(r[index] for r in rates) if rates and None not in rates else None

    per_second, email_rate, theirs_rate = median(ours_rates, 0), median(email_rates, 0), median(node_rates, 0)
    if theirs_rate:
        cpu_ours, cpu_email, cpu_theirs = median(ours_rates, 1), median(email_rates, 1), median(node_rates, 1)
        notes.append(
            f"warm by CPU time (user+sys of each process, which a busy neighbour disturbs less): "
            f"all outputs {cpu_ours:.1f}/s vs node {cpu_theirs:.1f}/s ({cpu_ours / cpu_theirs:.2f}×); "
            f"email.html alone {cpu_email:.1f}/s ({cpu_email / cpu_theirs:.2f}×)."
        )
    row = Row("warm render, seed issue (all outputs; goal retired in issue 27)", f"{per_second:.1f}/s")
    if theirs_rate:
        row.reference, row.ratio = f"{theirs_rate:.1f}/s", f"{per_second / theirs_rate:.2f}×"
    rows.append(row)
    row = Row("  email.html alone (what node does)", f"{email_rate:.1f}/s")
    if theirs_rate:
        row.reference, row.ratio = f"{theirs_rate:.1f}/s", f"{email_rate / theirs_rate:.2f}×"
    rows.append(row)

    # Size: the same MJML, compiled by each.
    for name, out in outputs.items():
        ours_bytes = (out / "email.html").stat().st_size
        row = Row(f"email.html bytes, {name}", f"{ours_bytes:,}", goal=f"<= {SIZE_GOAL}× node")
        if node and (out / "node.html").exists():
            theirs_bytes = (out / "node.html").stat().st_size
            row.reference, row.ratio = f"{theirs_bytes:,}", f"{ours_bytes / theirs_bytes:.2f}×"
            row.met = ours_bytes / theirs_bytes <= SIZE_GOAL
        rows.append(row)

    # Bytes per "More from" item: the slope between a 10-item and a 50-item issue; then the count that
    # fits is checked by building it and one more.
    small, large = (email_size(write_issue(work / f"slope-{n}", items=n), day) for n in (10, 50))
    per_item = (large - small) / 40
    guess = int((CLIP - (small - 10 * per_item)) // per_item)
    fit = items_before_clip(work, day, guess)
    rows.append(Row('email.html bytes per "More from" item', f"{per_item:,.0f}"))
    rows.append(Row('"More from" items before Gmail\'s clip', str(fit), goal=f">= {ITEMS_GOAL}", met=fit >= ITEMS_GOAL))

    notes.append(
        f"cold = median wall time of {args.runs} whole processes after one unmeasured run; "
        f"CPU time (user+sys) medians: {'; '.join(cpu)}."
    )
    if not node:
        notes.append("Node comparison skipped: " + NODE_SKIPPED[0])
    else:
        notes.append(
            f"node = `node {NODE_MJML.relative_to(BENCH)}` (mjml {mjml_version()}, default options) on "
            "the same email.mjml our build wrote; warm = medians of 3 alternating "
            "rounds, node's by bench/warm.js (mjml2html() in a loop)."
        )
        notes.extend(size_context(work, many, outputs[f"{ITEMS}-item issue"], node))
    return rows, notes


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # .pyc files, as an installed package has them
    return env


def median_times(commands: list[list[str]], runs: int, *, cwd: Path) -> list[tuple[float, float]]:
    """(median wall seconds, median CPU seconds of the process) for each command, the commands taking turns."""
    env = child_env()
    for command in commands:  # one unmeasured run: it writes .pyc files and the template cache
        subprocess.run(command, cwd=cwd, env=env, check=True, capture_output=True)
    walls: list[list[float]] = [[] for _ in commands]
    cpus: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for index, command in enumerate(commands):
            before = os.times()
            start = time.perf_counter()
            subprocess.run(command, cwd=cwd, env=env, check=True, capture_output=True)
            walls[index].append(time.perf_counter() - start)
            after = os.times()
            cpus[index].append(
                after.children_user - before.children_user + after.children_system - before.children_system
            )
    return [(statistics.median(wall), statistics.median(cpu)) for wall, cpu in zip(walls, cpus, strict=True)]


def rate(work, seconds_budget: float) -> tuple[float, float]:
    """(calls per second of wall time, calls per second of this process's CPU time)."""
    for _ in range(3):
        work()
    count, start, cpu = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - start < seconds_budget:
        work()
        count += 1
    return count / (time.perf_counter() - start), count / (time.process_time() - cpu)


def email_size(source: Path, day: dt.date) -> int:
    from newsletter.build import make_issue, render_files

    return len(render_files(make_issue(source, date=day))["email.html"])


def items_before_clip(work: Path, day: dt.date, guess: int) -> int:
    """The most "More from" items whose email.html stays within the clip, found by building around `guess`."""
    sizes: dict[int, int] = {}

    def fits(items: int) -> bool:
        if items not in sizes:
            sizes[items] = email_size(write_issue(work / f"fit-{items}", items=items), day)
        return sizes[items] <= CLIP

    n = max(guess, 1)
    for _ in range(20):  # the slope is close: a step or two settles it
        if fits(n) and not fits(n + 1):
            return n
        n = n + 1 if fits(n) else n - 1
        if n < 1:
            return 0
    return n


# --- the reference Node compiler ---------------------------------------------------------------------------

NODE_SKIPPED = [""]


def find_node(*, skip: bool) -> list[str] | None:
    """The Node mjml CLI pinned in bench/package.json, installed with `npm ci` if missing; None to skip."""
    if skip:
        NODE_SKIPPED[0] = "--no-node given."
        return None
    node = shutil.which("node")
    if not node:
        NODE_SKIPPED[0] = "node is not installed."
        return None
    if not NODE_MJML.exists():
        npm = shutil.which("npm")
        if not npm:
            NODE_SKIPPED[0] = "npm is not installed, so the mjml CLI cannot be installed."
            return None
        print(f"installing the Node mjml CLI into {BENCH / 'node_modules'} (npm ci) ...", file=sys.stderr, flush=True)
        done = subprocess.run(
            [npm, "ci", "--prefix", str(BENCH), "--no-audit", "--no-fund"], capture_output=True, text=True
        )
        if done.returncode != 0 or not NODE_MJML.exists():
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            NODE_SKIPPED[0] = f"`npm ci --prefix bench` failed: {last}"
            return None
    return [node, str(NODE_MJML)]


def node_warm(node: list[str], mjml_file: Path, seconds_budget: float) -> tuple[float, float] | None:
    done = subprocess.run(
        [node[0], str(BENCH / "warm.js"), str(mjml_file), str(seconds_budget)],
        capture_output=True,
        text=True,
        cwd=BENCH,
    )
    if done.returncode != 0:
        print(f"node warm compile failed: {done.stderr.strip()}", file=sys.stderr)
        return None
    result = json.loads(done.stdout)
    return result["per_second"], result["cpu_per_second"]


def size_context(work: Path, source: Path, out: Path, node: list[str]) -> list[str]:
    """The same email through Node two more ways, so the size ratio can be read fairly."""
    from newsletter.build import make_issue
    from newsletter.render import inline_css

    ours = (out / "email.html").stat().st_size
    mjml = (out / "email.mjml").read_text(encoding="utf-8")
    # What an editor would do with Node to get the same inlined email: our inline CSS in <mj-style inline>.
    css = inline_css(make_issue(source, date=dt.date.fromisoformat(DATE)).issue)
    inlined = work / "node-inline.mjml"
    inlined.write_text(
        mjml.replace("</mj-head>", f'<mj-style inline="inline">{css}</mj-style></mj-head>', 1), encoding="utf-8"
    )
    sizes = {}
    for name, source, options in (
        ("without beautify", out / "email.mjml", ["--config.beautify", "false"]),
        ("inlining the same CSS", inlined, []),
    ):
        target = work / "node-context.html"
        subprocess.run([*node, str(source), "-o", str(target), *options], check=True, capture_output=True)
        sizes[name] = target.stat().st_size
    return [
        f"size, {ITEMS}-item issue: node {name} writes {size:,} bytes (ours {ours / size:.2f}×)"
        for name, size in sizes.items()
    ]


def mjml_version() -> str:
    package = BENCH / "node_modules" / "mjml" / "package.json"
    return json.loads(package.read_text())["version"] if package.exists() else "?"


# --- output --------------------------------------------------------------------------------------------


def seconds(value: float) -> str:
    return f"{value:.3f} s"


def table(groups: list[tuple[str, list[Row]]]) -> str:
    """One table: per bench module its name, then its rows (measure, figure, reference, ratio, goal, met)."""
    status = {True: "met", False: "MISSED", None: ""}
    header = ["measure", "figure", "reference", "ratio", "goal", "met/missed"]
    lines = [
        [row.measure, row.ours, row.reference, row.ratio, row.goal, status[row.met]]
        for _, rows in groups
        for row in rows
    ]
    widths = [max(len(line[column]) for line in [header, *lines]) for column in range(6)]

    def format_line(line: list[str]) -> str:
        cells = [line[0].ljust(widths[0])]
        cells += [cell.rjust(width) for cell, width in zip(line[1:5], widths[1:5], strict=True)]
        return "  ".join(cells + [line[5]]).rstrip()

    out = [format_line(header), "  ".join("-" * width for width in widths)]
    for name, rows in groups:
        out.append(name if rows else f"{name}: no rows")
        out += [
            format_line([row.measure, row.ours, row.reference, row.ratio, row.goal, status[row.met]]) for row in rows
        ]
    return "\n".join(out)


def machine(node: list[str] | None) -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    node_version = ""
    if node:
        node_version = ", node " + subprocess.run([node[0], "--version"], capture_output=True, text=True).stdout.strip()
    load = f"; load average {os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else ""
    return (
        f"machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}{node_version}{load}"
    )


# --- where the time and the bytes go -------------------------------------------------------------------------


def profile(work: Path, seed: Path, many: Path) -> str:
    from newsletter.build import make_issue, render_files

    lines = ["Where the time goes"]
    # Cold: what a fresh process spends importing, by top-level module, against its whole run.
    command = [
        sys.executable,
        "-X",
        "importtime",
        "-m",
        "newsletter",
        "build",
        str(seed),
        "--out",
        str(work / "profile-build"),
        "--date",
        DATE,
    ]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=work, env=child_env(), capture_output=True, text=True, check=True)
    whole = time.perf_counter() - start
    imports = []
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \| ( *)(\S+)", line)
        if match and len(match.group(2)) <= 1:
            imports.append((int(match.group(1)), match.group(3)))
    total = sum(micro for micro, _ in imports)
    lines.append(
        f"  cold build of the seed issue: {whole:.3f} s, of which imports {total / 1e6:.3f} s "
        "(-X importtime); the largest top-level imports:"
    )
    for micro, name in sorted(imports, reverse=True)[:8]:
        lines.append(f"    {micro / 1e6:7.3f} s  {name}")

    # Warm: one render of the seed issue, by output, then own time by package.
    made = make_issue(seed, date=dt.date.fromisoformat(DATE))
    render_files(made)
    lines.append("  warm render of the seed issue, by stage (median ms per render):")
    for name, milliseconds in stage_times(made).items():
        lines.append(f"    {milliseconds:7.2f} ms  {name}")
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(5):
        render_files(made)
    profiler.disable()
    stats = pstats.Stats(profiler)
    by_package: dict[str, float] = {}
    for (file, _, function), (_, _, own, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        key = package_of(file, function)
        by_package[key] = by_package.get(key, 0.0) + own
    spent = sum(by_package.values())
    lines.append("  warm render of the seed issue (cProfile, so slower than above), own time by package:")
    for name, own in sorted(by_package.items(), key=lambda item: -item[1])[:8]:
        lines.append(f"    {own / 5 * 1000:7.1f} ms  {own / spent:4.0%}  {name}")

    lines.append("")
    lines.append("Where the bytes go (email.html)")
    for name, source in (("seed issue", seed), (f"{ITEMS}-item issue", many)):
        html = render_files(make_issue(source, date=dt.date.fromisoformat(DATE)))["email.html"].decode()
        parts = byte_parts(html)
        lines.append(f"  {name}: " + ", ".join(f"{part} {size:,}" for part, size in parts.items()))
    return "\n".join(lines)


def staged_render(made, cache: Path | None = None) -> tuple[dict[str, bytes], dict[str, float]]:  # type: ignore[no-untyped-def]
    """What render_files() does, stage by stage as the recipe calls them, each timed: (the files, seconds per
    stage). No stage is patched; tests/test_bench.py checks the files equal render_files()'s, so a recipe that
    changes makes this fail instead of timing something else."""
    from newsletter.build import issue_json
    from newsletter.compile import compile_email
    from newsletter.render import (
        UNSUBSCRIBE_TOKEN,
        fill_outputs,
        inline_css,
        issue_links,
        message_template,
        prepare,
        render_mjml,
        render_text,
        render_web,
    )

    issue = made.issue
    times: dict[str, float] = {}

    def timed(name: str, step, *args, **kwargs):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        result = step(*args, **kwargs)
        times[name] = time.perf_counter() - start
        return result

    files = {"issue.json": timed("issue.json", issue_json, issue).encode()}
    ready = timed("prepare (links checked, templates found)", prepare, issue, cache=cache)
    links = issue_links(issue)
    mjml = timed("email.mjml (jinja2)", render_mjml, ready, unsubscribe=UNSUBSCRIBE_TOKEN, web=links.web_token)
    css = timed("inline.css (jinja2)", inline_css, ready)
    html = timed("email.html (MRML + inlining)", compile_email, mjml, css, cache=cache)
    text = timed("email.txt", render_text, ready, unsubscribe=UNSUBSCRIBE_TOKEN, web=links.web_token)
    web = timed("web.html (jinja2)", render_web, ready)
    template = timed(
        "email.tokens.eml: encoded once (stdlib email)", message_template, issue, html, text, links, made.images
    )
    files.update(
        timed(
            "links filled in (every file, email.eml too)", fill_outputs, issue, links, mjml, html, text, web, template
        )
    )
    files.update(sorted(made.images.items()))
    return files, times


def stage_times(made, repeat: int = 50) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Milliseconds per render spent in each stage (medians of `repeat` staged renders), and in all of
    render_files()."""
    from newsletter.build import render_files

    runs = [staged_render(made)[1] for _ in range(repeat)]
    times = {name: statistics.median(run[name] for run in runs) * 1000 for name in runs[0]}
    start = time.perf_counter()
    for _ in range(repeat):
        render_files(made)
    times["all of render_files()"] = (time.perf_counter() - start) / repeat * 1000
    return times


def package_of(file: str, function: str) -> str:
    if file == "~":
        return "builtins: " + re.sub(r"^<(?:built-in )?(?:method|function) ", "", function).split(" ")[0][:40]
    path = Path(file)
    parts = path.parts
    if "site-packages" in parts:
        return parts[parts.index("site-packages") + 1].split(".")[0]
    if "newsletter" in parts:
        return "newsletter/" + path.name
    if "<frozen" in file or "lib/python" in file:
        return "stdlib: " + path.stem
    return path.name


def byte_parts(html: str) -> dict[str, int]:
    """email.html split into style blocks, Outlook-only markup, inline style attributes, other markup, text."""
    styles = sum(len(block.encode()) for block in re.findall(r"<style[^>]*>.*?</style>", html, re.S))
    rest = re.sub(r"<style[^>]*>.*?</style>", "", html, flags=re.S)
    mso = sum(len(block.encode()) for block in re.findall(r"<!--\[if [^\]]*\]>.*?<!\[endif\]-->", rest, re.S))
    rest = re.sub(r"<!--\[if [^\]]*\]>.*?<!\[endif\]-->", "", rest, flags=re.S)
    attribute = r"""\sstyle=(?:"[^"]*"|'[^']*')"""
    inline = sum(len(found.encode()) for found in re.findall(attribute, rest))
    rest = re.sub(attribute, "", rest)
    text = sum(len(chunk.encode()) for chunk in re.findall(r">([^<]+)<", rest))
    return {
        "<style> blocks": styles,
        "Outlook-only": mso,
        "inline style=": inline,
        "other markup": len(rest.encode()) - text,
        "text": text,
    }


if __name__ == "__main__":
    main()
