"""Benchmark: how long the readers take over real article pages, against trafilatura on the same pages' HTML.

    python bench/reading.py            # --rounds N (default 3)

The pages are the shared benchmark's (../shared/benchmarks/article-pages/, as bench/pages.py finds them): each page's
pasted text read by our text reader (`readers.text.parse_page`: the lead story, its headline and its bounds), its saved
HTML read by our HTML reader (`readers.html`, which runs trafilatura and then our own checks), and the reference:
trafilatura's own `bare_extraction` of the same HTML with its metadata, what reading a saved page costs at the least.
The three take turns, one whole pass over every page each, for --rounds rounds after one unmeasured pass (imports,
caches); each figure is the median pass, in CPU time (user + system, which a busy neighbour disturbs less than wall
time), per page. The slowest page of the text reader is named too: a page that takes far longer than the rest is how
a rule with a quadratic walk shows.

No goal: the figures guard against a reader growing slower unnoticed (the pasted reader took 1.57 s for the first 40
pages, then 2.46 s after a round of rules, before this bench).
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
if str(BENCH) not in sys.path:  # run as a script, or loaded from its file by bench/run.py
    sys.path.insert(0, str(BENCH))
from pages import PAGES  # noqa: E402  (bench/pages.py: where the shared pages are)


def load(pages: Path = PAGES) -> list[tuple[str, str, bytes]]:
    """(key, pasted text, saved HTML) of every shared page, in the key's order."""
    folder = pages / "pages"
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: no pages (set NEWSLETTER_ARTICLE_PAGES to the article-pages folder)")
    return [
        (path.stem, path.read_text(encoding="utf-8"), gzip.decompress((folder / f"{path.stem}.html.gz").read_bytes()))
        for path in sorted(folder.glob("*.txt"))
    ]


def readers() -> dict[str, Callable[[str, str, bytes], object]]:
    """Each reader, called as a build calls it; a page it refuses costs what the refusal took."""
    import trafilatura

    from newsletter.errors import NewsletterError
    from newsletter.readers.html import parse_html
    from newsletter.readers.text import parse_page

    def text(key: str, pasted: str, _html: bytes) -> object:
        try:
            return parse_page(pasted, f"{key}.txt", [])
        except NewsletterError:
            return None

    def html(key: str, _pasted: str, page: bytes) -> object:
        try:
            return parse_html(page, f"{key}.html", [])
        except NewsletterError:
            return None

    def reference(_key: str, _pasted: str, page: bytes) -> object:
        return trafilatura.bare_extraction(page, with_metadata=True)

    return {"text": text, "html": html, "trafilatura": reference}


def measure(rounds: int = 3, pages: Path = PAGES) -> tuple[dict[str, float], dict[str, float], int]:
    """Per reader, the median pass's CPU seconds per page; the text reader's slowest page (its key and seconds, taken
    as the longest in any measured pass); and how many pages."""
    found = load(pages)
    calls = readers()
    for call in calls.values():  # the unmeasured pass
        for page in found:
            call(*page)
    passes: dict[str, list[float]] = {name: [] for name in calls}
    slowest: dict[str, float] = {}
    for _ in range(rounds):
        for name, call in calls.items():
            total = 0.0
            for page in found:
                begin = time.process_time()
                call(*page)
                spent = time.process_time() - begin
                total += spent
                if name == "text" and spent > slowest.get(page[0], 0.0):
                    slowest[page[0]] = spent
            passes[name].append(total)
    per_page = {name: statistics.median(values) / len(found) for name, values in passes.items()}
    key = max(slowest, key=slowest.__getitem__)
    return per_page, {key: slowest[key]}, len(found)


def rows(rounds: int = 3) -> list[dict[str, object]]:
    """Rows for bench/run.py's table: each reader's CPU time per page, against trafilatura's on the same HTML."""
    per_page, slowest, n = measure(rounds)
    reference = per_page["trafilatura"]
    result: list[dict[str, object]] = [
        {
            "measure": f"{label}, {n} shared pages, CPU per page, vs trafilatura on their HTML",
            "ours": f"{per_page[name] * 1000:.1f} ms",
            "reference": f"{reference * 1000:.1f} ms",
            "ratio": f"{per_page[name] / reference:.2f}×",
        }
        for name, label in (("text", "pasted text read"), ("html", "saved page read"))
    ]
    ((key, seconds),) = slowest.items()
    result.append({"measure": f"  the slowest pasted page ({key[:16]})", "ours": f"{seconds * 1000:.1f} ms"})
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="measured passes of each reader (default 3)")
    args = parser.parse_args()
    for row in rows(args.rounds):
        extra = f"  (trafilatura {row['reference']}, {row['ratio']})" if "reference" in row else ""
        print(f"{row['measure']:<80} {row['ours']:>10}{extra}", flush=True)


if __name__ == "__main__":
    sys.path.insert(0, str(BENCH.parent))
    main()
