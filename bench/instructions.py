"""Benchmark: the cold build's own cost above the stack's floor, counted in instructions (valgrind's cachegrind),
against the Node mjml CLI's compile of the same email, counted the same way.

    python bench/instructions.py     # about a minute: three processes under valgrind

Why beside run.py's timed rows: on this kind of machine (a shared 2-core VM) the same cold build's CPU time moves
by a third between runs minutes apart, so "ours above the floor" (a difference of two timed processes, 0.06 to
0.19 s for the same code) swings from under issue 27's goal to twice it. An instruction count does not move with
the neighbours' load. It is not a time: Python's instructions and Node's do not take the same time each, and a
JIT's count depends a little on how it tiers up. Measured in the same run, as every reference here.

- floor: Python importing the required stack, as run.py's floor (`STACK_IMPORTS`: none of our code).
- ours: `python -m newsletter build` of the seed issue, after one unmeasured run (its .pyc files and its cache
  folder of compiled templates and patterns written, as for an editor's every build but the first).
- node: `node node_modules/mjml/bin/mjml` on the email.mjml that build wrote.
Goal (issue 27, restated in instructions): (ours - floor) / node at most 0.15.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from run import COLD_GOAL, DATE, NODE_MJML, SEEDS, STACK_IMPORTS  # noqa: E402

COUNTED = re.compile(r"I\s+refs:\s+([\d,]+)")


def counted(command: list[str], *, cwd: Path, env: dict[str, str]) -> int:
    """Instructions the process (and its threads) ran, by cachegrind without its cache simulation."""
    done = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         "--smc-check=all-non-file", *command],
        cwd=cwd, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    found = COUNTED.search(done.stderr)
    if found is None:
        raise RuntimeError(f"valgrind gave no instruction count for {command[:3]}: {done.stderr[-300:]}")
    return int(found.group(1).replace(",", ""))


def rows() -> list[dict[str, object]]:
    missing = [name for name in ("valgrind", "node") if shutil.which(name) is None]
    if not NODE_MJML.exists():
        missing.append(f"{NODE_MJML.relative_to(BENCH)} (npm ci --prefix bench)")
    if missing:
        return [{"measure": "cold build, seed issue: instructions", "ours": f"not measured: no {', '.join(missing)}"}]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        shutil.copytree(SEEDS, work / "seeds")
        env = {**os.environ, "NEWSLETTER_CACHE": str(work / "cache")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        build = [sys.executable, "-m", "newsletter", "build", "seeds", "--date", DATE, "--out", "out"]
        subprocess.run(build, cwd=work, env=env, capture_output=True, check=True)  # .pyc files, the cache folder
        floor = counted([sys.executable, "-c", STACK_IMPORTS], cwd=work, env=env)
        ours = counted(build, cwd=work, env=env)
        node = counted(["node", str(NODE_MJML), "out/email.mjml", "-o", "node.html"], cwd=work, env=env)
    above = (ours - floor) / node
    return [
        {"measure": "cold build, seed issue: instructions", "ours": f"{ours / 1e6:,.0f} M",
         "reference": f"{node / 1e6:,.0f} M", "ratio": f"{ours / node:.2f}×"},
        {"measure": "  floor: + importing the required stack", "ours": f"{floor / 1e6:,.0f} M",
         "reference": f"{node / 1e6:,.0f} M", "ratio": f"{floor / node:.2f}×"},
        {"measure": "  ours above the floor, instructions", "ours": f"{(ours - floor) / 1e6:,.0f} M",
         "reference": f"{node / 1e6:,.0f} M", "ratio": f"{above:.2f}×", "goal": f"<= {COLD_GOAL}× node",
         "met": above <= COLD_GOAL},
    ]  # fmt: skip


def main() -> None:
    for row in rows():
        goal = f" (goal {row['goal']}: {'met' if row['met'] else 'MISSED'})" if "goal" in row else ""
        ratio = f", node {row['reference']}, {row['ratio']}" if "ratio" in row else ""
        print(f"{row['measure'].strip()}: {row['ours']}{ratio}{goal}")


if __name__ == "__main__":
    main()
