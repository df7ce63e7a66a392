"""The editor's whole path over real pages, for the bugs no reader's figure shows: each page of each FOLDER brought
in the five ways an editor brings one in (`newsletter import` of its pasted text and of its saved HTML; the
preview's "Add a page" with its copy, its text, and the saved file dropped), twenty pages to an issue; each issue
built, checked, exported for every email service and published.

    python bench/sweep.py FOLDER [FOLDER ...] [--per-issue 20] [--limit N]

FOLDER holds pages/KEY.txt, KEY.html.gz and (if copied) KEY.copied.html, as bench/unseen.py --keep lays a pool out
and as ../shared/benchmarks/article-pages/ holds its pages. It prints, per way in, the pages brought in, refused
(with the one line the editor reads) and the stories built, and names every bug: a traceback in "Add a page", an
"internal error" from a command, a build that wrote no email. Exit 1 when there is one. A page refused is no bug
(a page with no article is refused), but the line it was refused with is listed: the reader's own output refused
("the image.alt holds a line break") is one. Over the read pools it names the 23 copies the desk failed on after
the twenty-first December round's reread, which no reader's figure showed, and the copy refused for its alt text.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WAYS = ("import text", "import html", "desk copy", "desk text", "desk saved")
DATE = "2026-12-07"  # the issues' date: any Monday, the same on every run


@dataclass
class Found:
    """What one way in made of the pages: counts, refusals (the line, once each, with how often) and bugs."""

    brought: int = 0
    stories: int = 0
    refused: Counter[str] = field(default_factory=Counter)
    bugs: list[str] = field(default_factory=list)


def newsletter(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """A command as the editor runs it, in `cwd` (where newsletter.toml is)."""
    command = [sys.executable, "-m", "newsletter", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600, check=False)


def ran(result: subprocess.CompletedProcess[str], step: str, found: Found) -> bool:
    """Whether a command succeeded; a bug it met is named (a refusal of bad input is the editor's one line)."""
    said = (result.stderr or "").strip()
    if "internal error" in said or "Traceback" in said or result.returncode not in (0, 1):
        found.bugs.append(f"{step}: exit {result.returncode}: {said.splitlines()[-1] if said else ''}")
    return result.returncode == 0


def bring_in(way: str, folder: Path, key: str, issue: Path, work: Path, found: Found) -> None:
    """One page into the issue, the way `way` says."""
    from newsletter.errors import NewsletterError
    from newsletter.preview.desk import add_page

    pages = folder / "pages"
    text, saved, copied = pages / f"{key}.txt", pages / f"{key}.html.gz", pages / f"{key}.copied.html"
    found.brought += 1
    if way.startswith("import"):
        source = text
        if way == "import html":
            source = work / f"{key}.html"
            source.write_bytes(gzip.decompress(saved.read_bytes()))
        result = newsletter(["import", str(source), "--to", str(issue)], work)
        if not ran(result, f"{way} {key}", found) and result.returncode == 1:
            found.refused[(result.stderr.strip().splitlines() or [""])[-1].removeprefix("error: ")] += 1
        return
    given = {"desk copy": {"html": copied.read_text("utf-8") if copied.is_file() else ""},
             "desk text": {"text": text.read_text("utf-8")},
             "desk saved": {"saved": gzip.decompress(saved.read_bytes())}}[way]  # fmt: skip
    if not any(given.values()):
        found.brought -= 1  # no copy of this page
        return
    try:
        add_page(issue, config=work / "newsletter.toml", **given)  # type: ignore[arg-type]  # as the preview does
    except NewsletterError as error:
        found.refused[str(error)] += 1
    except Exception as error:  # a bug: what the preview's "Add a page" would answer with a 500
        found.bugs.append(f"{way} {key}: {type(error).__name__}: {error}")


def issue_path(way: str, keys: list[tuple[Path, str]], work: Path, found: Found, number: int) -> None:
    """An issue of these pages, brought in `way`, then built, checked, exported for every service and published."""
    from newsletter.export import DIALECTS

    home = work / f"{way.replace(' ', '-')}-{number}"
    home.mkdir()
    if not ran(newsletter(["init", "."], home), f"{way} init", found):
        return
    for started in (home / "issues").iterdir():
        shutil.rmtree(started)  # the issue `init` starts, of today's date: on the day that is DATE, `new` would refuse
    if not ran(newsletter(["new", "--date", DATE], home), f"{way} new", found):
        return
    issue = home / "issues" / DATE
    for example in issue.glob("*.md"):
        example.unlink()  # the example lead `new` writes, and issue.toml's line naming it: only the pages brought in
    toml = issue / "issue.toml"
    toml.write_text("".join(line for line in toml.read_text("utf-8").splitlines(keepends=True)
                            if not line.startswith("lead =")), "utf-8")  # fmt: skip
    for folder, key in keys:
        bring_in(way, folder, key, issue, home, found)
    build = home / "build"
    built = newsletter(["build", str(issue), "--date", DATE, "--out", str(build)], home)
    if not ran(built, f"{way} build", found):
        found.refused[f"the issue's build: {(built.stderr.strip().splitlines() or [''])[-1]}"] += 1
        return
    if not (build / "email.html").is_file():
        found.bugs.append(f"{way} build {number}: no email.html")
        return
    found.stories += len(list(issue.glob("*.md")))
    newsletter(["check", str(build)], home)  # exit 1 is its verdict (too large, a TK), not a bug
    for esp in DIALECTS:
        ran(newsletter(["export", str(build), "--esp", esp, "--out", str(home / esp)], home), f"{way} {esp}", found)
    ran(newsletter(["publish", str(build), "--out", str(home / "site")], home), f"{way} publish", found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", type=Path, nargs="+")
    parser.add_argument("--per-issue", type=int, default=20)
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages of each folder")
    parser.add_argument("--way", choices=WAYS, action="append", help="only this way in (repeatable)")
    args = parser.parse_args()
    keys = []
    for folder in args.folders:
        if not (folder / "pages").is_dir():
            sys.exit(f"{folder}: no pages/ folder; see `python bench/sweep.py --help`")
        found = sorted(path.name[: -len(".txt")] for path in (folder / "pages").glob("*.txt"))
        keys += [
            (folder, key) for key in found[: args.limit or None] if (folder / "pages" / f"{key}.html.gz").is_file()
        ]
    bugs = 0
    with tempfile.TemporaryDirectory(prefix="newsletter-sweep-") as tmp:
        for way in args.way or WAYS:
            found = Found()
            for number, at in enumerate(range(0, len(keys), args.per_issue)):
                issue_path(way, keys[at : at + args.per_issue], Path(tmp), found, number)
            print(f"{way:<12} {found.brought:>5} pages in, {sum(found.refused.values()):>3} refused, "
                  f"{found.stories:>5} stories built, {len(found.bugs)} bugs", flush=True)  # fmt: skip
            for line, times in found.refused.most_common():
                print(f"    refused {times}×: {line}")
            for bug in found.bugs:
                print(f"    BUG {bug}")
            bugs += len(found.bugs)
    sys.exit(1 if bugs else 0)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
