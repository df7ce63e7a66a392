"""Benchmark: real article pages (pasted as text, saved as HTML) -> the lead story's body scored against the true text.

Run from the repository:  python bench/pages.py   (python bench/pages.py --help)

The pages and the scoring method are those of ../shared/benchmarks/article-pages/README.md (the development half of
Scrapinghub's article extraction benchmark): each side split into `\\w+` tokens, every run of 4 tokens a shingle,
true/false positives and false negatives per page as shares of their sum, precision and recall averaged over pages,
F1 taken from the two averages. The prediction is what `newsletter build PAGE --date 2026-11-24` writes as the lead's
body in issue.json (its blocks' texts joined by blank lines); a page the build refuses predicts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import re
import statistics
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
# The pages: ../shared beside the checkout (or beside its worktrees folder); NEWSLETTER_ARTICLE_PAGES overrides.
SHARED = [up / "shared" / "benchmarks" / "article-pages" for up in (ROOT.parent, ROOT.parent.parent)]
PAGES = Path(os.environ.get("NEWSLETTER_ARTICLE_PAGES") or next((p for p in SHARED if p.is_dir()), SHARED[0]))
DATE = dt.date(2026, 11, 24)
FORMATS = {"text": ".txt", "html": ".html.gz"}
GOALS = {"text": 0.90, "html": 0.97}  # issue 10

TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Every run of n consecutive tokens; a text shorter than n tokens is one shingle (the benchmark's rule)."""
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def match(true: str, predicted: str) -> tuple[float, float, float]:
    """(tp, fp, fn) of one page as shares of their sum, so that long pages weigh no more than short ones."""
    want, got = shingles(true), shingles(predicted)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


@dataclass
class Score:
    form: str  # "text" or "html"
    pages: int
    precision: float
    recall: float
    refused: int  # pages the build refused (an error): they predict nothing
    worst: list[tuple[float, str, str]]  # (f1, key, error or "") of the lowest pages

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def lead_body(path: Path) -> str:
    """The lead story's body as issue.json holds it after `newsletter build PATH --date 2026-11-24`."""
    from newsletter.build import make_issue

    issue = make_issue(path, date=DATE)
    return "\n\n".join(block.text for block in issue.lead.body)


def score(form: str, pages: Path = PAGES, keys: list[str] | None = None) -> Score:
    """Build every page of one form and score the lead bodies the benchmark's way."""
    from newsletter.errors import NewsletterError

    truth = json.loads((pages / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth) if keys is None else keys
    per_page = []
    refused = 0
    with tempfile.TemporaryDirectory(prefix="newsletter-pages-") as tmp:
        for key in keys:
            source = pages / "pages" / f"{key}{FORMATS[form]}"
            if form == "html":  # saved pages are stored gzipped; an editor's are plain .html
                path = Path(tmp) / f"{key}.html"
                path.write_bytes(gzip.decompress(source.read_bytes()))
            else:
                path = source
            error = ""
            try:
                predicted = lead_body(path)
            except NewsletterError as problem:
                predicted, error = "", problem.message
                refused += 1
            counts = match(truth[key].get("articleBody", ""), predicted)
            p, r = precision(*counts), recall(*counts)
            per_page.append((2 * p * r / (p + r) if p + r else 0.0, key, error, p, r))
    per_page.sort()
    return Score(
        form=form,
        pages=len(per_page),
        precision=statistics.mean(row[3] for row in per_page),
        recall=statistics.mean(row[4] for row in per_page),
        refused=refused,
        worst=[row[:3] for row in per_page[:5]],
    )


def rows(forms: tuple[str, ...] = ("text", "html")) -> list[dict[str, object]]:
    """Rows for bench/run.py's table: one per page form, F1 against the issue's goal."""
    result = []
    for form in forms:
        found = score(form)
        result.append(
            {
                "measure": f"article pages as {form}: F1 (P {found.precision:.3f}, R {found.recall:.3f})",
                "ours": f"{found.f1:.3f}",
                "goal": f">= {GOALS[form]:.2f}",
                "met": found.f1 >= GOALS[form],
            }
        )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--form", choices=sorted(FORMATS), action="append", help="only this form (repeatable)")
    parser.add_argument("--worst", action="store_true", help="name the five lowest-scoring pages of each form")
    args = parser.parse_args()
    if not (PAGES / "ground-truth.json").exists():
        sys.exit(f"{PAGES}: no ground-truth.json; set NEWSLETTER_ARTICLE_PAGES to the article-pages folder")
    print(f"{'pages':<16} {'n':>3}  {'precision':>9}  {'recall':>6}  {'F1':>5}  {'goal':>6}  refused")
    for form in args.form or ("text", "html"):
        found = score(form)
        met = "met" if found.f1 >= GOALS[form] else "MISSED"
        print(
            f"{form + ' (' + FORMATS[form] + ')':<16} {found.pages:>3}  {found.precision:>9.3f}  "
            f"{found.recall:>6.3f}  {found.f1:>5.3f}  {GOALS[form]:>6.2f}  {found.refused:>3}  {met}",
            flush=True,
        )
        if args.worst:
            for f1, key, error in found.worst:
                print(f"    {f1:.3f}  {key[:16]}  {error[:100]}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
